// What the forms may offer on the engine they talk to: the fields engines 25–29 added, each gated by the negotiated
// API version (src/core/apiVersion.ts). The host sends these with the form's options; the webview shows a field only
// where its capability is on; validation refuses a field the engine lacks all the same (a crafted message).
// Also the fitting of a Create Network Like This prefill to an engine that lacks something the source network uses.
import * as l10n from '@vscode/l10n';
import { apiOrOldest, gatewayModes, supports, unsupportedReason, type Feature } from './apiVersion';
import type { CreateNetworkForm } from './forms';
import type { DedicatedOptionField } from './driverOptions';

export interface CreateNetworkCapabilities {
  /** The negotiated API version these were read from. */
  api: string;
  /** The "Enable IPv4" checkbox (IPv6-only networks, API 1.48). */
  enableIPv4: boolean;
  /** IPv6 without a subnet: the engine allocates one from its default ULA pool (API 1.46). */
  ipv6DefaultPool: boolean;
  /** Gateway modes the bridge accepts; empty: the routing-mode fields are not offered (before API 1.46). */
  gatewayModes: string[];
  /** The trusted host interfaces field (API 1.50). */
  trustedHostInterfaces: boolean;
}

export interface EndpointCapabilities {
  api: string;
  /** The route priority field (`--gw-priority`, API 1.48). */
  gwPriority: boolean;
}

export function createNetworkCapabilities(api: string | undefined): CreateNetworkCapabilities {
  const v = apiOrOldest(api);
  return {
    api: v,
    enableIPv4: supports(v, 'enableIPv4'),
    ipv6DefaultPool: supports(v, 'ipv6DefaultPool'),
    gatewayModes: [...gatewayModes(v)],
    trustedHostInterfaces: supports(v, 'trustedHostInterfaces'),
  };
}

export function endpointCapabilities(api: string | undefined): EndpointCapabilities {
  const v = apiOrOldest(api);
  return { api: v, gwPriority: supports(v, 'gwPriority') };
}

/** The feature a gateway mode needs: nat and routed came with API 1.46, nat-unprotected and isolated with 1.48. */
export function gatewayModeFeature(mode: string): Feature {
  return mode === 'nat' || mode === 'routed' ? 'gatewayModeNatRouted' : 'gatewayModeAll';
}

export interface FittedForm {
  form: CreateNetworkForm;
  /** One line per thing left out, shown above the form. */
  notices: string[];
}

/**
 * A Create Network Like This prefill without what the engine at `api` cannot take, each drop said in a notice, so
 * the copy never fails on the engine for it. The rest of the form is kept as it was read.
 */
export function fitCreateNetworkForm(source: CreateNetworkForm, api: string | undefined): FittedForm {
  const v = apiOrOldest(api);
  const form: CreateNetworkForm = { ...source };
  const notices: string[] = [];
  const drop = (feature: Feature, what: string): void => {
    const why = unsupportedReason(v, feature, what) ?? l10n.t('{0} is not known to this engine.', what);
    notices.push(`${why} ${l10n.t('This copy leaves it out.')}`);
  };
  if (!form.enableIPv4 && !supports(v, 'enableIPv4')) {
    form.enableIPv4 = true;
    drop('enableIPv4', l10n.t('An IPv6-only network (IPv4 off)'));
  }
  const modes: Array<[DedicatedOptionField, string]> = [
    ['gatewayModeIPv4', l10n.t('The IPv4 routing mode "{0}"', form.gatewayModeIPv4.trim())],
    ['gatewayModeIPv6', l10n.t('The IPv6 routing mode "{0}"', form.gatewayModeIPv6.trim())],
  ];
  for (const [field, what] of modes) {
    const mode = form[field].trim();
    if (mode === '' || gatewayModes(v).includes(mode)) continue;
    form[field] = '';
    drop(gatewayModeFeature(mode), what);
  }
  if (form.trustedHostInterfaces.trim() !== '' && !supports(v, 'trustedHostInterfaces')) {
    form.trustedHostInterfaces = '';
    drop('trustedHostInterfaces', l10n.t('The trusted host interfaces option'));
  }
  return { form, notices };
}

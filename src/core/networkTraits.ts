// What engines 27–29 added to a network, read from its view: IPv6-only networks (EnableIPv4 false), the bridge's
// gateway modes and trusted host interfaces (moby daemon/libnetwork/drivers/bridge). The tree, Network Details and
// the reachability model all ask here, so they agree.
import * as l10n from '@vscode/l10n';
import { OPT_GATEWAY_MODE_IPV4, OPT_GATEWAY_MODE_IPV6, OPT_TRUSTED_HOST_INTERFACES } from './driverOptions';
import { splitInterfaceList } from './formValues';
import type { NetworkView } from './model';

export type IpFamily = 'ipv4' | 'ipv6';

/**
 * An IPv6-only network: IPv4 off, IPv6 on. `none` and `host` report EnableIPv4 false too (they have no IPAM at all),
 * and have IPv6 off, but they are never called IPv6-only.
 */
export function isIPv6Only(n: Pick<NetworkView, 'driver' | 'enableIPv4' | 'enableIPv6'>): boolean {
  return !n.enableIPv4 && n.enableIPv6 && n.driver !== 'null' && n.driver !== 'host';
}

/** The gateway mode set on a bridge network for one family, as the engine stores it; undefined when unset or not a bridge. */
export function gatewayModeOf(n: Pick<NetworkView, 'driver' | 'options'>, family: IpFamily): string | undefined {
  if (n.driver !== 'bridge') return undefined;
  const mode = n.options[family === 'ipv4' ? OPT_GATEWAY_MODE_IPV4 : OPT_GATEWAY_MODE_IPV6];
  return mode ? mode : undefined;
}

/** The host interfaces allowed direct access to the bridge's containers (the option separates them with ":"). */
export function trustedHostInterfacesOf(n: Pick<NetworkView, 'driver' | 'options'>): string[] {
  if (n.driver !== 'bridge') return [];
  return splitInterfaceList(n.options[OPT_TRUSTED_HOST_INTERFACES] ?? '');
}

/** The bridge has no address of this family on the host: gateway mode isolated (moby setupBridgeIPv4 skips it). */
export function isGatewayIsolated(n: Pick<NetworkView, 'driver' | 'options'>, family: IpFamily): boolean {
  return gatewayModeOf(n, family) === 'isolated';
}

/** Containers are reached at their own address, without NAT (gateway mode routed; host ports are ignored). */
export function isGatewayRouted(n: Pick<NetworkView, 'driver' | 'options'>, family: IpFamily): boolean {
  return gatewayModeOf(n, family) === 'routed';
}

/** What a gateway mode does, in words, for Network Details (empty for a mode no engine knows). */
export function describeGatewayMode(mode: string): string {
  switch (mode) {
    case 'nat': return l10n.t('masqueraded; only published ports are reachable from outside');
    case 'nat-unprotected': return l10n.t('masqueraded; every container port is reachable from outside');
    case 'routed': return l10n.t('no NAT: containers are reached at their own address; host ports are ignored');
    case 'isolated': return l10n.t('no address on the host: the host cannot reach its containers, and they have no way out');
    default: return '';
  }
}


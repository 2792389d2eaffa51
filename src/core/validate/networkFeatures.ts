// Pre-flight checks of what engines 27–29 added to `docker network create`: IPv6-only networks (EnableIPv4 false),
// IPv6 without a subnet, the bridge's gateway modes and trusted host interfaces, and the enable_ipv4/enable_ipv6
// driver options. Each is refused where the negotiated API lacks it (naming the version it needs), and where the
// engine would refuse it (moby daemon/network.go, daemon/libnetwork/drivers/bridge, controller.go).
import * as l10n from '@vscode/l10n';
import { apiOrOldest, gatewayModes, supports, unsupportedReason } from '../apiVersion';
import { gatewayModeFeature } from '../formCapabilities';
import type { CreateNetworkForm, FieldError, ValidationContext } from '../forms';
import { GATEWAY_MODES, OPT_ENABLE_IPV4, OPT_ENABLE_IPV6, dedicatedOptionHelpers } from '../driverOptions';
import { addressFamilies, isBlankKeyValue, parseGoBool, splitInterfaceList } from '../formValues';
import { isInterfaceName } from './common';

/** What validateCreateNetwork already knows: the driver, and how many IPAM rows of each family are used. */
export interface FamilyRows {
  driver: string;
  ipv4Rows: number;
  ipv6Rows: number;
  /** Field path of the first used IPv4 row's subnet, for the error when IPv4 is off. */
  firstIpv4Field?: string;
}

export function validateNetworkFeatures(form: CreateNetworkForm, rows: FamilyRows, ctx: ValidationContext, errors: FieldError[]): void {
  const api = apiOrOldest(ctx.api);
  validateFamilyOptions(form, api, errors);
  const families = addressFamilies(form);
  if (!form.enableIPv4) {
    const why = unsupportedReason(api, 'enableIPv4', l10n.t('An IPv6-only network (IPv4 off)'));
    if (why) errors.push({ field: 'enableIPv4', message: `${why} ${l10n.t('Tick "Enable IPv4".')}` });
    else if (rows.driver === 'overlay' || form.scope === 'swarm') {
      errors.push({ field: 'enableIPv4', message: l10n.t('IPv4 cannot be turned off on a swarm-scoped network: tick "Enable IPv4", or choose a local driver.') });
    }
    if (form.configFrom.trim() !== '') {
      errors.push({ field: 'enableIPv4', message: l10n.t('The configuration comes from "{0}": remove this here, or set it on the config-only network.', form.configFrom.trim()) });
    }
  }
  if (!families.ipv4 && !families.ipv6) {
    errors.push({ field: 'enableIPv6', message: l10n.t('With IPv4 off the network needs IPv6 (the engine refuses a network with neither): tick "Enable IPv6" for an IPv6-only network, or tick "Enable IPv4".') });
  }
  if (!families.ipv4 && rows.ipv4Rows > 0 && rows.firstIpv4Field) {
    errors.push({ field: rows.firstIpv4Field, message: l10n.t('IPv4 is off for this network, so it takes no IPv4 subnet: remove this row, or tick "Enable IPv4".') });
  }
  // A config-only network allocates nothing; one configured from another takes that one's subnets.
  if (families.ipv6 && rows.ipv6Rows === 0 && !form.configOnly && form.configFrom.trim() === '' && isDefaultIpam(form)) {
    const why = unsupportedReason(api, 'ipv6DefaultPool', l10n.t('IPv6 without a subnet (from the engine\'s default pool)'));
    if (why) errors.push({ field: 'enableIPv6', message: `${why} ${l10n.t('Older engines have no default IPv6 pool: add an IPv6 subnet, e.g. {0}.', 'fd00:28::/64')}` });
  }
  validateGatewayMode(form, 'ipv4', rows.driver, api, families.ipv4, errors);
  validateGatewayMode(form, 'ipv6', rows.driver, api, families.ipv6, errors);
  validateTrustedHostInterfaces(form, rows.driver, api, errors);
  validateDedicatedRows(form, api, errors);
}

function isDefaultIpam(form: CreateNetworkForm): boolean {
  const d = form.ipamDriver.trim();
  return d === '' || d === 'default';
}

/** `com.docker.network.enable_ipv4/_ipv6` rows: a bool, available on this engine, and not against a moved checkbox. */
function validateFamilyOptions(form: CreateNetworkForm, api: string, errors: FieldError[]): void {
  form.driverOptions.forEach((kv, i) => {
    if (isBlankKeyValue(kv)) return;
    const key = kv.key.trim();
    if (key !== OPT_ENABLE_IPV4 && key !== OPT_ENABLE_IPV6) return;
    const field = `driverOptions[${i}].value`;
    const value = parseGoBool(kv.value.trim());
    if (value === undefined) return; // validateDriverOptions says it is not a bool
    if (key === OPT_ENABLE_IPV4) {
      const why = value ? undefined : unsupportedReason(api, 'enableIPv4', l10n.t('Turning IPv4 off'));
      if (why) errors.push({ field, message: why });
      else if (value && !form.enableIPv4) {
        errors.push({ field, message: l10n.t('{0}=true contradicts "Enable IPv4", which is off (the engine would follow the checkbox and drop the option): remove the option, or tick "Enable IPv4".', key) });
      }
    } else if (!value && form.enableIPv6) {
      errors.push({ field, message: l10n.t('{0}=false contradicts "Enable IPv6", which is ticked (the engine would follow the checkbox and drop the option): remove the option, or untick "Enable IPv6".', key) });
    }
  });
}

function validateGatewayMode(form: CreateNetworkForm, family: 'ipv4' | 'ipv6', driver: string, api: string, enabled: boolean, errors: FieldError[]): void {
  const field = family === 'ipv4' ? 'gatewayModeIPv4' : 'gatewayModeIPv6';
  const mode = form[field].trim();
  if (mode === '') return;
  const fam = family === 'ipv4' ? 'IPv4' : 'IPv6';
  if (driver !== 'bridge') {
    errors.push({ field, message: l10n.t('The {0} routing mode is an option of the bridge driver: clear it, or choose the bridge driver.', fam) });
    return;
  }
  if (!(GATEWAY_MODES as readonly string[]).includes(mode)) {
    errors.push({ field, message: l10n.t('"{0}" is not a gateway mode (the engine would answer "unknown gateway mode"): choose one of {1}.', mode, GATEWAY_MODES.join(', ')) });
    return;
  }
  if (!gatewayModes(api).includes(mode)) {
    errors.push({ field, message: unsupportedReason(api, gatewayModeFeature(mode), l10n.t('The routing mode "{0}"', mode)) ?? mode });
    return;
  }
  if (!enabled) {
    errors.push({ field, message: l10n.t('The {0} routing mode needs {0} on this network: tick "Enable {0}", or clear the mode.', fam) });
    return;
  }
  if (mode === 'isolated' && !form.internal) {
    errors.push({ field, message: l10n.t('Gateway mode "isolated" can only be used for an internal network: tick "Internal", or choose another mode.') });
  }
}

function validateTrustedHostInterfaces(form: CreateNetworkForm, driver: string, api: string, errors: FieldError[]): void {
  const names = splitInterfaceList(form.trustedHostInterfaces);
  if (names.length === 0) return;
  const field = 'trustedHostInterfaces';
  if (driver !== 'bridge') {
    errors.push({ field, message: l10n.t('Trusted host interfaces are an option of the bridge driver: clear the field, or choose the bridge driver.') });
    return;
  }
  const why = unsupportedReason(api, 'trustedHostInterfaces', l10n.t('The trusted host interfaces option'));
  if (why) {
    errors.push({ field, message: why });
    return;
  }
  const bad = names.find((n) => !isInterfaceName(n));
  if (bad !== undefined) {
    errors.push({ field, message: l10n.t('"{0}" is not a valid interface name: use 1 to 15 characters without spaces, "/" or ":"; separate names with ":".', bad) });
  }
}

/** A driver-option row setting what a field of its own holds: refused, pointing at the field (or at the API it needs). */
function validateDedicatedRows(form: CreateNetworkForm, api: string, errors: FieldError[]): void {
  const helpers = dedicatedOptionHelpers();
  form.driverOptions.forEach((kv, i) => {
    const h = helpers.find((x) => x.key === kv.key.trim());
    if (!h || isBlankKeyValue(kv)) return;
    const field = `driverOptions[${i}].key`;
    const why = h.feature && !supports(api, h.feature) ? unsupportedReason(api, h.feature, h.key) : undefined;
    errors.push({ field, message: why ?? l10n.t('{0} has a field of its own, "{1}": set it there and remove this row.', h.key, h.label) });
  });
}

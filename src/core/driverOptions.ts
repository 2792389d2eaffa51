// The driver options the Create Network form offers helpers for (with the engine feature each needs), the drivers
// and scopes it offers.
import * as l10n from '@vscode/l10n';
import type { Feature } from './apiVersion';
import type { NetworkScope, ValidationContext } from './forms';


export type DriverOptionKind = 'text' | 'interface' | 'interfaces' | 'mtu' | 'boolean' | 'ipv4' | 'choice';

/** The Create Network fields that hold a driver option of their own (it still goes into the request's Options). */
export type DedicatedOptionField = 'gatewayModeIPv4' | 'gatewayModeIPv6' | 'trustedHostInterfaces';

export interface DriverOptionHelper {
  key: string;
  label: string;
  /** Drivers this option means something to. */
  drivers: readonly string[];
  kind: DriverOptionKind;
  /** For `choice`. */
  choices?: readonly string[];
  /** Set when a form field of its own holds the option, instead of a driver-option row. */
  field?: DedicatedOptionField;
  /** The engine feature it needs: offered only where the negotiated API has it, refused elsewhere. */
  feature?: Feature;
}

export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';
export const OPT_MTU = 'com.docker.network.driver.mtu';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_MASQUERADE = 'com.docker.network.bridge.enable_ip_masquerade';
export const OPT_HOST_BINDING_IPV4 = 'com.docker.network.bridge.host_binding_ipv4';
export const OPT_PARENT = 'parent';
export const OPT_MACVLAN_MODE = 'macvlan_mode';
export const OPT_IPVLAN_MODE = 'ipvlan_mode';
export const OPT_IPVLAN_FLAG = 'ipvlan_flag';
export const OPT_GATEWAY_MODE_IPV4 = 'com.docker.network.bridge.gateway_mode_ipv4';
export const OPT_GATEWAY_MODE_IPV6 = 'com.docker.network.bridge.gateway_mode_ipv6';
export const OPT_TRUSTED_HOST_INTERFACES = 'com.docker.network.bridge.trusted_host_interfaces';
/** Generic options the engine reads when the request leaves EnableIPv4/EnableIPv6 out (moby daemon/network.go). */
export const OPT_ENABLE_IPV4 = 'com.docker.network.enable_ipv4';
export const OPT_ENABLE_IPV6 = 'com.docker.network.enable_ipv6';
/** Every gateway mode any engine knows (moby bridge newGwMode); apiVersion.gatewayModes() says which one has which. */
export const GATEWAY_MODES = ['nat', 'nat-unprotected', 'routed', 'isolated'] as const;
export const MACVLAN_MODES = ['bridge', 'private', 'vepa', 'passthru'] as const;
export const IPVLAN_MODES = ['l2', 'l3', 'l3s'] as const;
export const IPVLAN_FLAGS = ['bridge', 'private', 'vepa'] as const;

/** The well-known driver options, for the form's helpers; pass a driver to get only those that apply to it. */
export function driverOptionHelpers(driver?: string): DriverOptionHelper[] {
  const all: DriverOptionHelper[] = [
    { key: OPT_BRIDGE_NAME, label: l10n.t('Bridge interface name'), drivers: ['bridge'], kind: 'interface' },
    { key: OPT_MTU, label: l10n.t('MTU'), drivers: ['bridge', 'overlay', 'macvlan', 'ipvlan'], kind: 'mtu' },
    { key: OPT_ICC, label: l10n.t('Inter-container communication (ICC)'), drivers: ['bridge'], kind: 'boolean' },
    { key: OPT_MASQUERADE, label: l10n.t('IP masquerade'), drivers: ['bridge'], kind: 'boolean' },
    { key: OPT_HOST_BINDING_IPV4, label: l10n.t('Default host IPv4 for published ports'), drivers: ['bridge'], kind: 'ipv4' },
    { key: OPT_PARENT, label: l10n.t('Parent interface'), drivers: ['macvlan', 'ipvlan'], kind: 'interface' },
    { key: OPT_MACVLAN_MODE, label: l10n.t('Macvlan mode'), drivers: ['macvlan'], kind: 'choice', choices: MACVLAN_MODES },
    { key: OPT_IPVLAN_MODE, label: l10n.t('IPvlan mode'), drivers: ['ipvlan'], kind: 'choice', choices: IPVLAN_MODES },
    { key: OPT_IPVLAN_FLAG, label: l10n.t('IPvlan flag'), drivers: ['ipvlan'], kind: 'choice', choices: IPVLAN_FLAGS },
    {
      key: OPT_GATEWAY_MODE_IPV4, label: l10n.t('IPv4 routing mode'), drivers: ['bridge'], kind: 'choice', choices: GATEWAY_MODES,
      field: 'gatewayModeIPv4', feature: 'gatewayModeNatRouted',
    },
    {
      key: OPT_GATEWAY_MODE_IPV6, label: l10n.t('IPv6 routing mode'), drivers: ['bridge'], kind: 'choice', choices: GATEWAY_MODES,
      field: 'gatewayModeIPv6', feature: 'gatewayModeNatRouted',
    },
    {
      key: OPT_TRUSTED_HOST_INTERFACES, label: l10n.t('Trusted host interfaces'), drivers: ['bridge'], kind: 'interfaces',
      field: 'trustedHostInterfaces', feature: 'trustedHostInterfaces',
    },
  ];
  return driver === undefined ? all : all.filter((h) => h.drivers.includes(driver));
}

/** The helpers whose option has a form field of its own (gateway modes, trusted host interfaces). */
export function dedicatedOptionHelpers(): Array<DriverOptionHelper & { field: DedicatedOptionField }> {
  return driverOptionHelpers().filter((h): h is DriverOptionHelper & { field: DedicatedOptionField } => h.field !== undefined);
}

/** Drivers the form offers: the engine's, minus `host` and `null` (never created by hand), minus `overlay` off a Swarm manager; `bridge` first. */
export function creatableDrivers(ctx: Pick<ValidationContext, 'drivers' | 'swarmManager'>): string[] {
  const offered = ctx.drivers.length > 0 ? ctx.drivers : ['bridge', 'ipvlan', 'macvlan', 'overlay'];
  const out = [...new Set(offered)].filter((d) => d !== 'host' && d !== 'null' && (d !== 'overlay' || ctx.swarmManager));
  out.sort((a, b) => (a === 'bridge' ? -1 : b === 'bridge' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (!out.includes('bridge')) out.unshift('bridge');
  return out;
}

/** Scopes the form offers: `swarm` only on a Swarm manager. */
export function availableScopes(ctx: Pick<ValidationContext, 'swarmManager'>): NetworkScope[] {
  return ctx.swarmManager ? ['', 'local', 'swarm'] : ['', 'local'];
}

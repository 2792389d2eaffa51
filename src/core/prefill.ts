// "Create Network Like This…": a Create Network form filled from an existing network's inspect, with a new name.
import { emptyCreateNetworkForm, type CreateNetworkForm, type IpamEntry, type KeyValue } from './forms';
import { dedicatedOptionHelpers, OPT_BRIDGE_NAME, OPT_ENABLE_IPV4, OPT_ENABLE_IPV6 } from './driverOptions';
import { splitInterfaceList } from './formValues';
import type { RawNetwork } from './model';

/**
 * Options that belong to one network only and would make a copy fail (or pretend to be the default bridge), and the
 * enable_ipv4/_ipv6 options, which the copy's checkboxes carry (EnableIPv4/EnableIPv6 say what the engine made of them).
 */
const NOT_COPIED = new Set([OPT_BRIDGE_NAME, 'com.docker.network.bridge.default_bridge', OPT_ENABLE_IPV4, OPT_ENABLE_IPV6]);

type Strings = Partial<Record<string, string>> | null | undefined;

/** What the form reads from `GET /networks/{id}` (dockerode's inspect type and RawNetwork both fit). */
export type InspectedNetwork = Omit<RawNetwork, 'IPAM' | 'Options' | 'Labels'> & {
  IPAM?: {
    Driver?: string;
    Options?: Strings;
    Config?: Array<{ Subnet?: string; IPRange?: string; Gateway?: string; AuxiliaryAddresses?: Strings }> | null;
  } | null;
  Options?: Strings;
  Labels?: Strings;
};

function entries(r: Strings): [string, string][] {
  return Object.entries(r ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
}

function rows(r: Strings, skip: (k: string) => boolean = () => false): KeyValue[] {
  return entries(r).filter(([k]) => !skip(k)).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value }));
}

/** `base-copy`, `base-copy-2`, … : the first name not taken. */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  const first = `${base}-copy`;
  if (!taken.has(first)) return first;
  for (let i = 2; ; i++) if (!taken.has(`${first}-${i}`)) return `${first}-${i}`;
}

export function formFromNetwork(n: InspectedNetwork, takenNames: ReadonlySet<string>): CreateNetworkForm {
  const form = emptyCreateNetworkForm();
  form.name = freshName(n.Name, takenNames);
  form.driver = n.Driver || 'bridge';
  form.scope = n.Scope === 'swarm' ? 'swarm' : '';
  form.internal = n.Internal === true;
  form.attachable = n.Attachable === true;
  form.ingress = n.Ingress === true;
  form.configOnly = n.ConfigOnly === true;
  form.configFrom = n.ConfigFrom?.Network ?? '';
  // IPAM and driver options come from the config-only network, and the engine refuses labels on such a network.
  if (form.configFrom !== '') return form;
  form.labels = rows(n.Labels);
  form.enableIPv4 = n.EnableIPv4 !== false;
  form.enableIPv6 = n.EnableIPv6 === true;
  const ipamDriver = n.IPAM?.Driver ?? '';
  form.ipamDriver = ipamDriver === 'default' ? '' : ipamDriver;
  form.ipamOptions = rows(n.IPAM?.Options);
  for (const c of n.IPAM?.Config ?? []) {
    const entry: IpamEntry = {
      subnet: c.Subnet ?? '',
      ipRange: c.IPRange ?? '',
      gateway: c.Gateway ?? '',
      auxAddresses: entries(c.AuxiliaryAddresses).map(([k, v]) => `${k}=${v}`).join('\n'),
    };
    const v6 = (c.Subnet ?? c.Gateway ?? '').includes(':');
    (v6 ? form.ipv6 : form.ipv4).push(entry);
  }
  // Gateway modes and trusted host interfaces have fields of their own (fitCreateNetworkForm drops what an engine lacks).
  const dedicated = dedicatedOptionHelpers();
  for (const [key, value] of entries(n.Options)) {
    const h = dedicated.find((x) => x.key === key);
    if (h) form[h.field] = h.kind === 'interfaces' ? splitInterfaceList(value).join(':') : value;
  }
  form.driverOptions = rows(n.Options, (k) => NOT_COPIED.has(k) || dedicated.some((x) => x.key === k));
  return form;
}

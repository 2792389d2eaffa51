// Reading what the user typed in a form: lists ("a, b c"), `name=ip` lines, key/value rows, interface lists, Go
// booleans, gateway priorities, the address families a Create form asks for. Pure; the command line is ./commandLine.ts.
import type { CreateNetworkForm, IpamEntry, KeyValue, PortEntry } from './forms';
import { OPT_ENABLE_IPV4, OPT_ENABLE_IPV6 } from './driverOptions';


/** Items of a list typed as "a, b c\nd": split on commas and whitespace, blanks dropped. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

export interface AuxAddress {
  name: string;
  ip: string;
  /** The item as typed, for messages. */
  raw: string;
}

/** `name=ip` items, one per line or comma separated. Items without `=` come back with an empty ip and are reported by validation. */
export function parseAuxAddresses(text: string): AuxAddress[] {
  return text.split(/[\n,]+/).map((s) => s.trim()).filter((s) => s !== '').map((raw) => {
    const eq = raw.indexOf('=');
    return eq < 0 ? { name: raw, ip: '', raw } : { name: raw.slice(0, eq).trim(), ip: raw.slice(eq + 1).trim(), raw };
  });
}

/** A row is used when its key or its value has something in it. */
export function isBlankKeyValue(kv: KeyValue): boolean {
  return kv.key.trim() === '' && kv.value.trim() === '';
}

/** The used rows as a record (keys trimmed, values as typed); undefined when there are none. */
export function keyValueRecord(rows: readonly KeyValue[]): Record<string, string> | undefined {
  const used = rows.filter((kv) => !isBlankKeyValue(kv));
  if (used.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const kv of used) out[kv.key.trim()] = kv.value;
  return out;
}

export function isBlankIpamEntry(e: IpamEntry): boolean {
  return e.subnet.trim() === '' && e.ipRange.trim() === '' && e.gateway.trim() === '' && e.auxAddresses.trim() === '';
}

export function isBlankPortEntry(p: PortEntry): boolean {
  return p.hostIp.trim() === '' && p.hostPort.trim() === '' && p.containerPort.trim() === '';
}

/** Interface names as typed ("eth0:wlan0", "eth0, wlan0"): the engine's option separates them with ":". */
export function splitInterfaceList(text: string): string[] {
  return text.split(/[\s,:]+/).filter((s) => s !== '');
}

/** Go's strconv.ParseBool, which the engine uses for boolean options; undefined when it would refuse the text. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** The range the form accepts for a gateway priority: a 32-bit int, which every engine (and JSON) carries exactly. */
export const GW_PRIORITY_MIN = -2147483648;
export const GW_PRIORITY_MAX = 2147483647;

/** A gateway priority as typed ("10", "-5", "+3"), or undefined when it is not a whole number in range. */
export function parseGwPriority(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?[0-9]{1,10}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= GW_PRIORITY_MIN && n <= GW_PRIORITY_MAX ? n : undefined;
}

/** The value of the used driver-option row with this key, trimmed; undefined when there is none. */
export function driverOptionValue(form: Pick<CreateNetworkForm, 'driverOptions'>, key: string): string | undefined {
  const row = form.driverOptions.find((kv) => !isBlankKeyValue(kv) && kv.key.trim() === key);
  return row?.value.trim();
}

/**
 * Whether the network gets IPv4 and IPv6, as the engine decides it (moby daemon/network.go): a checkbox moved off its
 * default wins (the engine then drops the option), else the `com.docker.network.enable_ipv4/_ipv6` driver option, else
 * the default (IPv4 on, IPv6 off). Validation refuses an option that contradicts a moved checkbox.
 */
export function addressFamilies(form: Pick<CreateNetworkForm, 'enableIPv4' | 'enableIPv6' | 'driverOptions'>): { ipv4: boolean; ipv6: boolean } {
  const option = (key: string): boolean | undefined => {
    const v = driverOptionValue(form, key);
    return v === undefined ? undefined : parseGoBool(v);
  };
  return {
    ipv4: form.enableIPv4 ? option(OPT_ENABLE_IPV4) ?? true : false,
    ipv6: form.enableIPv6 ? true : option(OPT_ENABLE_IPV6) ?? false,
  };
}

/** `container` or `container:alias`, normalised to `container:alias` as the engine stores links. */
export function normalizeLink(link: string): string {
  const i = link.indexOf(':');
  return i < 0 ? `${link}:${link}` : link;
}

export function normalizeProtocol(protocol: string): string {
  const p = protocol.trim().toLowerCase();
  return p === '' ? 'tcp' : p;
}

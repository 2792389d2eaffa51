// Shared pieces of the form checks: strict IP/CIDR parsing (as Go's net/netip parse them: dotted-quad IPv4 only,
// no zone on IPv6), CIDR math with ipaddr.js, name rules, key/value rows, and lookups in what the engine has.
import * as ipaddr from 'ipaddr.js';
import * as l10n from '@vscode/l10n';
import { containerName } from '../join';
import type { NetworkView, RawContainer } from '../model';
import type { FieldError, KeyValue } from '../forms';
import { isBlankKeyValue, parseGoBool } from '../formValues';

export type Family = 'ipv4' | 'ipv6';
export type Addr = ipaddr.IPv4 | ipaddr.IPv6;

export interface ParsedIp {
  family: Family;
  addr: Addr;
  /** Canonical text (RFC 5952 for IPv6). */
  text: string;
}

export interface ParsedCidr {
  family: Family;
  /** The address as written, host bits included. */
  addr: Addr;
  prefix: number;
  /** The network address (host bits cleared). */
  network: Addr;
  /** True when the address as written is the network address. */
  masked: boolean;
  /** Canonical masked text, e.g. `172.28.0.0/16`. */
  text: string;
}

function canonical(a: Addr): string {
  return a.kind() === 'ipv6' ? (a as ipaddr.IPv6).toRFC5952String() : a.toString();
}

/** An IPv4 (dotted quad, no leading zeros) or IPv6 (no zone) address, or undefined. */
export function parseIp(text: string): ParsedIp | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (!s.includes(':')) {
    if (!ipaddr.IPv4.isValidFourPartDecimal(s)) return undefined;
    const addr = ipaddr.IPv4.parse(s);
    return { family: 'ipv4', addr, text: canonical(addr) };
  }
  if (s.includes('%') || !ipaddr.IPv6.isValid(s)) return undefined;
  const addr = ipaddr.IPv6.parse(s);
  return { family: 'ipv6', addr, text: canonical(addr) };
}

/** A CIDR block `addr/prefix` (prefix 0-32 or 0-128, decimal, no leading zeros), or undefined. */
export function parseCidr(text: string): ParsedCidr | undefined {
  const s = text.trim();
  const slash = s.lastIndexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  if (!ip || !/^(0|[1-9][0-9]{0,2})$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > (ip.family === 'ipv4' ? 32 : 128)) return undefined;
  const network = ip.family === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.addr.toString()}/${prefix}`)
    : ipaddr.IPv6.networkAddressFromCIDR(`${ip.addr.toString()}/${prefix}`);
  return { family: ip.family, addr: ip.addr, prefix, network, masked: sameAddr(network, ip.addr), text: `${canonical(network)}/${prefix}` };
}

export function sameAddr(a: Addr, b: Addr): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

/** The subnet contains the address (same family only). */
export function cidrContains(c: ParsedCidr, a: Addr): boolean {
  if (a.kind() !== c.network.kind()) return false;
  return c.family === 'ipv4'
    ? (a as ipaddr.IPv4).match(c.network as ipaddr.IPv4, c.prefix)
    : (a as ipaddr.IPv6).match(c.network as ipaddr.IPv6, c.prefix);
}

/** Two blocks overlap (one contains the other's network address). */
export function cidrOverlaps(a: ParsedCidr, b: ParsedCidr): boolean {
  return a.family === b.family && (cidrContains(a, b.network) || cidrContains(b, a.network));
}

/** `inner` lies entirely within `outer`. */
export function cidrWithin(inner: ParsedCidr, outer: ParsedCidr): boolean {
  return inner.family === outer.family && inner.prefix >= outer.prefix && cidrContains(outer, inner.network);
}

/** The IPv4 broadcast address of the block; undefined for IPv6. */
export function broadcastOf(c: ParsedCidr): Addr | undefined {
  return c.family === 'ipv4' ? ipaddr.IPv4.broadcastAddressFromCIDR(`${c.network.toString()}/${c.prefix}`) : undefined;
}

/**
 * Why the address cannot be a host in the block: the network address or (IPv4) the broadcast address.
 * Blocks too small to have those (/31, /32, /127, /128) reserve nothing.
 */
export function reservedInSubnet(c: ParsedCidr, a: Addr): 'network' | 'broadcast' | undefined {
  const max = c.family === 'ipv4' ? 32 : 128;
  if (c.prefix >= max - 1) return undefined;
  if (sameAddr(c.network, a)) return 'network';
  const b = broadcastOf(c);
  if (b && sameAddr(b, a)) return 'broadcast';
  return undefined;
}

/**
 * An address typed in a field (empty: undefined, no error). Not an address, or of the other family than `family`,
 * is an error on `field` (`wrongFamily` says it in the field's own words).
 */
export function typedAddress(raw: string, family: Family, field: string, errors: FieldError[], wrongFamily: (text: string) => string): ParsedIp | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const ip = parseIp(text);
  if (!ip) errors.push({ field, message: l10n.t('"{0}" is not an IP address.', text) });
  else if (ip.family !== family) errors.push({ field, message: wrongFamily(text) });
  else return ip;
  return undefined;
}

export function familyLabel(f: Family): string {
  return f === 'ipv4' ? 'IPv4' : 'IPv6';
}

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Network names, as moby's restricted name characters. */
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** Container names: moby's `^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$` (so at least two characters). */
export const CONTAINER_NAME_PATTERN = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** What an alias may look like: a DNS-ish label sequence. */
export const ALIAS_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/;

/** Networks an engine creates itself (moby's IsPredefined, plus `default`): `docker network create` refuses these names. */
export const PREDEFINED_NETWORK_NAMES: readonly string[] = ['bridge', 'host', 'none', 'default', 'ingress'];

/** moby's NetworkMode.IsUserDefined: anything but the default bridge, host, none and `container:` modes. */
export function isUserDefinedNetworkName(name: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:');
}

/**
 * A Linux interface name as the kernel accepts it (dev_valid_name): 1-15 bytes, not `.` or `..`,
 * no `/`, `:` or whitespace.
 */
export function isInterfaceName(s: string): boolean {
  return s.length >= 1 && s.length <= 15 && s !== '.' && s !== '..' && !/[/:\s]/.test(s) && /^[\x21-\x7e]+$/.test(s);
}

/** Go's strconv.ParseBool accepts it (the engine reads boolean driver options with it). */
export function isGoBool(s: string): boolean {
  return parseGoBool(s) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Lookups in what the engine has (moby's order: full ID, then exact name, then a unique ID prefix)

export function findNetwork(networks: readonly NetworkView[], ref: string): NetworkView | undefined {
  const r = ref.trim();
  if (r === '') return undefined;
  const byId = networks.find((n) => n.id === r);
  if (byId) return byId;
  const byName = networks.filter((n) => n.name === r);
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) return undefined;
  const byPrefix = networks.filter((n) => n.id.startsWith(r));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export function findContainer(containers: readonly RawContainer[], ref: string): RawContainer | undefined {
  const r = ref.trim().replace(/^\//, '');
  if (r === '') return undefined;
  const byId = containers.find((c) => c.Id === r);
  if (byId) return byId;
  const byName = containers.find((c) => containerName(c) === r || (c.Names ?? []).some((n) => n.replace(/^\//, '') === r));
  if (byName) return byName;
  const byPrefix = containers.filter((c) => c.Id.startsWith(r));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export function networkModeOf(c: RawContainer): string {
  return c.HostConfig?.NetworkMode ?? 'default';
}

/** The address part of `172.28.5.10/16`. */
export function addressPart(withPrefix: string | undefined): string | undefined {
  if (!withPrefix) return undefined;
  const s = withPrefix.split('/')[0].trim();
  return s === '' ? undefined : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Key/value rows

export interface KeyValueRules {
  /** Path of the list: `labels`, `driverOptions`, `env`. */
  path: string;
  /** What a row is, for messages: "label", "option", "variable". */
  what: string;
  /** Extra rule for the key (e.g. environment names); return a message or undefined. */
  key?: (key: string) => string | undefined;
}

/** Every used row needs a key without `=` or whitespace, and keys are unique. */
export function validateKeyValues(rows: readonly KeyValue[], rules: KeyValueRules, errors: FieldError[]): void {
  const seen = new Map<string, number>();
  rows.forEach((kv, i) => {
    if (isBlankKeyValue(kv)) return;
    const field = `${rules.path}[${i}].key`;
    const key = kv.key.trim();
    if (key === '') {
      errors.push({ field, message: l10n.t('This {0} has a value but no key.', rules.what) });
      return;
    }
    if (key.includes('=')) {
      errors.push({ field, message: l10n.t('A key cannot contain "=": write the key and the value in their own boxes.') });
      return;
    }
    if (/\s/.test(key)) {
      errors.push({ field, message: l10n.t('A key cannot contain spaces.') });
      return;
    }
    const extra = rules.key?.(key);
    if (extra) {
      errors.push({ field, message: extra });
      return;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ field, message: l10n.t('"{0}" is already set in row {1}; each key can be given once.', key, first + 1) });
      return;
    }
    seen.set(key, i);
  });
}

/** The message for a field that must be filled. */
export function required(what: string): string {
  return l10n.t('{0} is required.', what);
}

/** A TCP/UDP port number 1-65535, written in decimal without sign or leading zeros. */
export function parsePort(text: string): number | undefined {
  const s = text.trim();
  if (!/^[1-9][0-9]{0,4}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

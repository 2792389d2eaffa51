// Who holds which address of a network, and how full each subnet is: the one source of truth for the tooltip, Network
// Details, the forms' "Next free address" and their refusal of a taken address.
//
// Counts are the engine's own figures (`Status.IPAM.Subnets` of `GET /networks/{id}`, API 1.52) when it gave them,
// else computed from the snapshot the way moby's default IPAM counts (daemon/libnetwork/ipams/defaultipam): every
// subnet reserves its first address (the IPv4 network address, the IPv6 subnet-router anycast address) and, for IPv4,
// its broadcast address, except in an IPv4 /31 or /32; the gateway and the auxiliary addresses inside the subnet are
// reserved too; each endpoint holds its address. "In use" counts all of those in the subnet; "free" counts the
// addresses of the IP range (the subnet without one) that nothing holds. Both saturate at 2^64 - 1, as the engine's
// do. The holders themselves always come from the snapshot (the engine's Status has only the numbers).
import * as l10n from '@vscode/l10n';
import { formatCount } from './localeFormat';
import type { Attachment, IpamConfig, NetworkView, RawSubnetStatus } from './model';
import { addressPart, broadcastOf, cidrContains, parseCidr, parseIp, type Addr, type ParsedCidr } from './validate/common';

/** What holds an address: the subnet itself (network, broadcast), the gateway, an auxiliary address, a container. */
export type HolderKind = 'network' | 'broadcast' | 'gateway' | 'aux' | 'container';

export interface AddressHolder {
  /** Canonical address text. */
  address: string;
  kind: HolderKind;
  /** The auxiliary address's name, or the container's. */
  name?: string;
  /** A container: its id. */
  containerId?: string;
  /** A container that is not running and holds the address it asked for (`--ip`): it takes it back when it starts. */
  stopped?: true;
}

export interface SubnetUsage {
  /** Its place in the network's IPAM configs. */
  index: number;
  /** Canonical CIDR. */
  subnet: string;
  family: 'IPv4' | 'IPv6';
  /** Addresses in use or reserved. */
  inUse: bigint;
  /** Addresses of the IP range still free for the engine to hand out. */
  dynamicAvailable: bigint;
  /** `engine`: Status from the engine. `computed`: from the snapshot. */
  source: 'engine' | 'computed';
  /** Every address held in the subnet, in address order (from the snapshot, whatever `source` says). */
  holders: AddressHolder[];
}

const SATURATED = (1n << 64n) - 1n;

function saturate(n: bigint): bigint {
  return n > SATURATED ? SATURATED : n < 0n ? 0n : n;
}

function bits(c: ParsedCidr): number {
  return c.family === 'ipv4' ? 32 : 128;
}

function blockSize(c: ParsedCidr): bigint {
  return 1n << BigInt(bits(c) - c.prefix);
}

/** The address as a number (for ordering and for walking a block). */
export function addrToBig(a: Addr): bigint {
  return a.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
}

/** The canonical text of the number-th address of the family. */
export function bigToAddrText(n: bigint, family: 'ipv4' | 'ipv6'): string {
  const bytes = family === 'ipv4' ? 4 : 16;
  const parts: number[] = [];
  for (let i = bytes - 1; i >= 0; i--) parts.push(Number((n >> BigInt(8 * i)) & 0xffn));
  const text = family === 'ipv4' ? parts.join('.') : (parts.reduce<string[]>((out, b, i) => {
    if (i % 2 === 0) out.push(((b << 8) | parts[i + 1]).toString(16));
    return out;
  }, [])).join(':');
  return parseIp(text)?.text ?? text;
}

/** The addresses moby's IPAM reserves when it creates the pool (newPoolData). */
function poolReservations(c: ParsedCidr): { addr: Addr; kind: HolderKind }[] {
  if (c.family === 'ipv6') return [{ addr: c.network, kind: 'network' }];
  const broadcast = broadcastOf(c);
  return bits(c) - c.prefix > 1 && broadcast ? [{ addr: c.network, kind: 'network' }, { addr: broadcast, kind: 'broadcast' }] : [];
}

/** The address the attachment holds in this family: its own, else (not running) the one it asked for. */
function heldBy(a: Attachment, family: 'ipv4' | 'ipv6'): { text: string; stopped: boolean } | undefined {
  const current = addressPart(family === 'ipv4' ? a.ipv4 : a.ipv6);
  if (current) return { text: current, stopped: false };
  const fixed = family === 'ipv4' ? a.fixedIpv4 : a.fixedIpv6;
  return fixed ? { text: fixed, stopped: true } : undefined;
}

/** Everything held in one subnet, by normalized address; the first holder of an address wins. */
function holdersOf(subnet: ParsedCidr, conf: IpamConfig, attachments: readonly Attachment[]): Map<string, { addr: Addr; holder: AddressHolder }> {
  const held = new Map<string, { addr: Addr; holder: AddressHolder }>();
  const hold = (a: Addr | undefined, holder: Omit<AddressHolder, 'address'>): void => {
    if (!a || !cidrContains(subnet, a)) return;
    const key = a.toNormalizedString();
    if (!held.has(key)) held.set(key, { addr: a, holder: { address: parseIp(a.toString())?.text ?? a.toString(), ...holder } });
  };
  for (const r of poolReservations(subnet)) hold(r.addr, { kind: r.kind });
  hold(conf.gateway ? parseIp(conf.gateway)?.addr : undefined, { kind: 'gateway' });
  for (const [name, ip] of Object.entries(conf.auxAddresses)) hold(parseIp(ip)?.addr, { kind: 'aux', name });
  for (const a of attachments) {
    if (a.sharesNamespaceOf !== undefined) continue; // the owner's endpoint, counted once under the owner
    const h = heldBy(a, subnet.family);
    hold(h ? parseIp(h.text)?.addr : undefined, { kind: 'container', name: a.name, containerId: a.containerId, ...(h?.stopped ? { stopped: true as const } : {}) });
  }
  return held;
}

/** The engine's figures for this subnet, if it sent them (keys are CIDRs as the engine writes them). */
function engineFigures(status: Record<string, RawSubnetStatus> | undefined, subnet: ParsedCidr): RawSubnetStatus | undefined {
  if (!status) return undefined;
  for (const [key, value] of Object.entries(status)) {
    const k = parseCidr(key);
    if (k && k.text === subnet.text) return value;
  }
  return undefined;
}

type UsageInput = Pick<NetworkView, 'ipam' | 'attachments' | 'status'>;

/** The network's IPAM configs with a subnet that parses, in IPAM order. */
function subnetsOf(n: Pick<NetworkView, 'ipam'>): { index: number; conf: IpamConfig; subnet: ParsedCidr }[] {
  return n.ipam.flatMap((conf, index) => {
    const subnet = conf.subnet ? parseCidr(conf.subnet) : undefined;
    return subnet ? [{ index, conf, subnet }] : [];
  });
}

/** In-use and free address counts per configured subnet, in IPAM order, with who holds each address. */
export function subnetUsage(n: UsageInput): SubnetUsage[] {
  return subnetsOf(n).map(({ index, conf, subnet }): SubnetUsage => {
    const family = subnet.family === 'ipv4' ? 'IPv4' : 'IPv6';
    const held = holdersOf(subnet, conf, n.attachments);
    const holders = [...held.values()].sort((x, y) => (addrToBig(x.addr) < addrToBig(y.addr) ? -1 : 1)).map((x) => x.holder);
    const given = engineFigures(n.status, subnet);
    if (given && typeof given.IPsInUse === 'number' && typeof given.DynamicIPsAvailable === 'number') {
      return {
        index, subnet: subnet.text, family, inUse: BigInt(Math.trunc(given.IPsInUse)),
        dynamicAvailable: BigInt(Math.trunc(given.DynamicIPsAvailable)), source: 'engine', holders,
      };
    }
    const range = (conf.ipRange ? parseCidr(conf.ipRange) : undefined) ?? subnet;
    let inRange = 0n;
    for (const { addr } of held.values()) if (cidrContains(range, addr)) inRange += 1n;
    return {
      index, subnet: subnet.text, family, inUse: saturate(BigInt(held.size)), dynamicAvailable: saturate(blockSize(range) - inRange), source: 'computed', holders,
    };
  });
}

/** What holds the address on the network (`self`, a container being connected, holds nothing of its own). */
export function holderOf(n: Pick<NetworkView, 'ipam' | 'attachments'>, address: string, self?: string): AddressHolder | undefined {
  const ip = parseIp(address);
  if (!ip) return undefined;
  const others = self === undefined ? n.attachments : n.attachments.filter((a) => a.containerId !== self);
  for (const { conf, subnet } of subnetsOf(n)) {
    if (!cidrContains(subnet, ip.addr)) continue;
    const h = holdersOf(subnet, conf, others).get(ip.addr.toNormalizedString());
    if (h) return h.holder;
  }
  return undefined;
}

export interface NextFree {
  /** The address to use, when there is one. */
  address?: string;
  /** Why this one (or why none), in words. */
  message: string;
}

/** The first address of [from, to] that is not held, or undefined. Walks past held addresses only (few of them). */
function firstFree(from: bigint, to: bigint, held: ReadonlySet<bigint>): bigint | undefined {
  let x = from;
  while (x <= to && held.has(x)) x += 1n;
  return x <= to ? x : undefined;
}

/**
 * The first address of the network's subnets of that family that nothing holds. With an IP range smaller than its
 * subnet, an address outside the range comes first: the engine hands out the range's addresses to containers without
 * a fixed one, and a stopped container's address there may be given away before it starts again.
 */
export function nextFreeAddress(n: Pick<NetworkView, 'name' | 'ipam' | 'attachments'>, family: 'ipv4' | 'ipv6'): NextFree {
  const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
  const subnets = subnetsOf(n).filter((s) => s.subnet.family === family);
  if (subnets.length === 0) return { message: l10n.t('"{0}" has no {1} subnet, so it has no fixed {1} address to offer.', n.name, label) };
  for (const { conf, subnet } of subnets) {
    const held = new Set([...holdersOf(subnet, conf, n.attachments).values()].map((h) => addrToBig(h.addr)));
    const start = addrToBig(subnet.network);
    const end = start + blockSize(subnet) - 1n;
    const range = conf.ipRange ? parseCidr(conf.ipRange) : undefined;
    if (range && range.prefix > subnet.prefix && cidrContains(subnet, range.network)) {
      const rStart = addrToBig(range.network);
      const rEnd = rStart + blockSize(range) - 1n;
      const outside = firstFree(start, rStart - 1n, held) ?? firstFree(rEnd + 1n, end, held);
      if (outside !== undefined) {
        const address = bigToAddrText(outside, family);
        return { address, message: l10n.t('{0}: the first free address of {1} outside its IP range {2}, which the engine hands out to containers without a fixed address.', address, subnet.text, range.text) };
      }
      const inside = firstFree(rStart, rEnd, held);
      if (inside !== undefined) {
        const address = bigToAddrText(inside, family);
        return { address, message: l10n.t('{0}: the first free address of the IP range {1} (every address of {2} outside it is taken).', address, range.text, subnet.text) };
      }
      continue;
    }
    const free = firstFree(start, end, held);
    if (free !== undefined) {
      const address = bigToAddrText(free, family);
      return { address, message: l10n.t('{0}: the first free address of {1} ({2} in use).', address, subnet.text, formatAddressCount(BigInt(held.size))) };
    }
  }
  return { message: l10n.t('Every {0} address of "{1}" is taken ({2}).', label, n.name, subnets.map((s) => s.subnet.text).join(', ')) };
}

/** "web" (a container), "gateway", "aux router", "network address": who holds an address, in a few words. */
export function describeHolder(h: AddressHolder): string {
  switch (h.kind) {
    case 'container': return h.stopped ? l10n.t('{0} (stopped, fixed address)', h.name ?? '') : h.name ?? '';
    case 'gateway': return l10n.t('gateway');
    case 'aux': return l10n.t('auxiliary address "{0}"', h.name ?? '');
    case 'network': return l10n.t('network address');
    case 'broadcast': return l10n.t('broadcast address');
  }
}

/** The holders worth naming: not the network and broadcast addresses, which every subnet reserves. */
export function namedHolders(u: Pick<SubnetUsage, 'holders'>): AddressHolder[] {
  return u.holders.filter((h) => h.kind !== 'network' && h.kind !== 'broadcast');
}

/** A count for people: exact with digit groups up to a trillion, then "about 1.8 × 10^19". */
export function formatAddressCount(n: bigint): string {
  if (n < 1_000_000_000_000n) return formatCount(n);
  const digits = n.toString();
  const exponent = digits.length - 1;
  const mantissa = `${digits[0]}.${digits[1]}`;
  return l10n.t('about {0} × 10^{1}', mantissa, exponent);
}

/** "3 in use · 251 free" for one subnet. */
export function describeUsage(u: SubnetUsage): string {
  return l10n.t('{0} in use · {1} free', formatAddressCount(u.inUse), formatAddressCount(u.dynamicAvailable));
}

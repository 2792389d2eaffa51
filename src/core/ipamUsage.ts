// How full each subnet of a network is: the engine's own figures (`Status.IPAM.Subnets` of `GET /networks/{id}`,
// API 1.52) when it gave them, else the same figures computed from the snapshot the way moby's default IPAM counts
// (daemon/libnetwork/ipams/defaultipam): every subnet reserves its first address (the IPv4 network address, the
// IPv6 subnet-router anycast address) and, for IPv4, its broadcast address, except in an IPv4 /31 or /32; the
// gateway and the auxiliary addresses inside the subnet are reserved too; each endpoint holds its address.
// "In use" counts all of those in the subnet; "free" counts the addresses of the IP range (the subnet without one)
// that nothing holds. Both saturate at 2^64 - 1, as the engine's do.
import * as l10n from '@vscode/l10n';
import type { NetworkView, RawSubnetStatus } from './model';
import { addressPart, broadcastOf, cidrContains, parseCidr, parseIp, type Addr, type ParsedCidr } from './validate/common';

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

/** The addresses moby's IPAM reserves when it creates the pool (newPoolData). */
function poolReservations(c: ParsedCidr): Addr[] {
  if (c.family === 'ipv6') return [c.network];
  const broadcast = broadcastOf(c);
  return bits(c) - c.prefix > 1 && broadcast ? [c.network, broadcast] : [];
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

/** In-use and free address counts per configured subnet, in IPAM order. Subnets that do not parse are skipped. */
export function subnetUsage(n: Pick<NetworkView, 'ipam' | 'attachments' | 'status'>): SubnetUsage[] {
  const out: SubnetUsage[] = [];
  n.ipam.forEach((conf, index) => {
    const subnet = conf.subnet ? parseCidr(conf.subnet) : undefined;
    if (!subnet) return;
    const family = subnet.family === 'ipv4' ? 'IPv4' : 'IPv6';
    const given = engineFigures(n.status, subnet);
    if (given && typeof given.IPsInUse === 'number' && typeof given.DynamicIPsAvailable === 'number') {
      out.push({
        index, subnet: subnet.text, family, inUse: BigInt(Math.trunc(given.IPsInUse)),
        dynamicAvailable: BigInt(Math.trunc(given.DynamicIPsAvailable)), source: 'engine',
      });
      return;
    }
    const held = new Map<string, Addr>();
    const hold = (a: Addr | undefined): void => {
      if (a && cidrContains(subnet, a)) held.set(a.toNormalizedString(), a);
    };
    for (const a of poolReservations(subnet)) hold(a);
    hold(conf.gateway ? parseIp(conf.gateway)?.addr : undefined);
    for (const ip of Object.values(conf.auxAddresses)) hold(parseIp(ip)?.addr);
    for (const a of n.attachments) {
      if (a.sharesNamespaceOf !== undefined) continue; // the owner's endpoint, counted once under the owner
      const text = addressPart(subnet.family === 'ipv4' ? a.ipv4 : a.ipv6);
      hold(text ? parseIp(text)?.addr : undefined);
    }
    const range = (conf.ipRange ? parseCidr(conf.ipRange) : undefined) ?? subnet;
    let inRange = 0n;
    for (const a of held.values()) if (cidrContains(range, a)) inRange += 1n;
    out.push({
      index, subnet: subnet.text, family, inUse: saturate(BigInt(held.size)), dynamicAvailable: saturate(blockSize(range) - inRange), source: 'computed',
    });
  });
  return out;
}

/** A count for people: exact with digit groups up to a trillion, then "about 1.8 × 10^19". */
export function formatAddressCount(n: bigint): string {
  if (n < 1_000_000_000_000n) return Number(n).toLocaleString('en-US');
  const digits = n.toString();
  const exponent = digits.length - 1;
  const mantissa = `${digits[0]}.${digits[1]}`;
  return l10n.t('about {0} × 10^{1}', mantissa, exponent);
}

/** "3 in use · 251 free" for one subnet. */
export function describeUsage(u: SubnetUsage): string {
  return l10n.t('{0} in use · {1} free', formatAddressCount(u.inUse), formatAddressCount(u.dynamicAvailable));
}

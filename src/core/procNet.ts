// Parsers of the kernel's network tables as Linux prints them under /proc/net (tcp, tcp6, route, ipv6_route,
// if_inet6) and of `ip -j addr`. Pure: the docker layer reads the files (src/docker/hostNet.ts), nothing here
// touches the machine. Byte order, from the kernel's own printers:
// - tcp, tcp6, route: each 32-bit word of an address is printed with %08X of the value as it sits in memory, so on a
//   little-endian machine the bytes of each word come out reversed (127.0.0.1 is 0100007F; ::1 is
//   00000000000000000000000001000000).
// - ipv6_route, if_inet6: the address is printed byte by byte (%pi6), network order whatever the machine.
import * as ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

/** A TCP socket in the LISTEN state. */
export interface Listener {
  family: IpFamily;
  /** Canonical text; an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is given as the IPv4 address it stands for. */
  address: string;
  port: number;
}

/** A route of the main table, or the block of an interface address. */
export interface HostRoute {
  iface: string;
  family: IpFamily;
  /** Canonical masked CIDR, e.g. `10.8.0.0/16`. */
  cidr: string;
  prefix: number;
  /** The next hop, for a route through a gateway. */
  gateway?: string;
  /** RTF_* flags as the kernel gives them (routes only). */
  flags: number;
}

/** An address configured on an interface. */
export interface InterfaceAddress {
  iface: string;
  family: IpFamily;
  address: string;
  prefix: number;
}

export const RTF_UP = 0x0001;
export const RTF_GATEWAY = 0x0002;
export const RTF_REJECT = 0x0200;
const TCP_LISTEN = '0A';

/** Bytes of a hex string (two digits each); undefined when it is not hex of that length. */
function hexBytes(hex: string, length: number): number[] | undefined {
  if (hex.length !== length * 2 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** Reverses each 4-byte word (the %08X printing of a little-endian machine). */
function swapWords(bytes: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 4) out.push(...bytes.slice(i, i + 4).reverse());
  return out;
}

function addressText(bytes: number[]): { family: IpFamily; address: string } {
  if (bytes.length === 4) return { family: 'ipv4', address: ipaddr.fromByteArray(bytes).toString() };
  const v6 = ipaddr.fromByteArray(bytes) as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return { family: 'ipv4', address: v6.toIPv4Address().toString() };
  return { family: 'ipv6', address: v6.toRFC5952String() };
}

/** An address as tcp/tcp6/route print it (%08X words). */
export function wordAddress(hex: string, littleEndian: boolean): { family: IpFamily; address: string } | undefined {
  const bytes = hexBytes(hex, hex.length === 8 ? 4 : 16);
  if (!bytes) return undefined;
  return addressText(littleEndian ? swapWords(bytes) : bytes);
}

/** An IPv6 address printed byte by byte (ipv6_route, if_inet6). */
function byteAddress(hex: string): string | undefined {
  const bytes = hexBytes(hex, 16);
  return bytes ? (ipaddr.fromByteArray(bytes) as ipaddr.IPv6).toRFC5952String() : undefined;
}

/** The rows of a table, split on blanks, without its header line. */
function rows(text: string, header: boolean): string[][] {
  const lines = text.split('\n');
  return (header ? lines.slice(1) : lines).map((l) => l.trim()).filter((l) => l !== '').map((l) => l.split(/\s+/));
}

/** The listening sockets of /proc/net/tcp or /proc/net/tcp6 (state 0A). */
export function parseProcNetTcp(text: string, littleEndian = true): Listener[] {
  const out: Listener[] = [];
  for (const cols of rows(text, true)) {
    // sl local_address rem_address st ...
    if (cols.length < 4 || cols[3].toUpperCase() !== TCP_LISTEN) continue;
    const [hexAddr, hexPort] = cols[1].split(':');
    const addr = hexAddr ? wordAddress(hexAddr, littleEndian) : undefined;
    const port = hexPort && /^[0-9A-Fa-f]{4}$/.test(hexPort) ? parseInt(hexPort, 16) : undefined;
    if (addr && port !== undefined) out.push({ ...addr, port });
  }
  return out;
}

function masked(family: IpFamily, address: string, prefix: number): string {
  const net = family === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`).toString()
    : (ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`) as ipaddr.IPv6).toRFC5952String();
  return `${net}/${prefix}`;
}

/** The IPv4 routes of /proc/net/route that are up. */
export function parseProcNetRoute(text: string, littleEndian = true): HostRoute[] {
  const out: HostRoute[] = [];
  for (const cols of rows(text, true)) {
    // Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
    if (cols.length < 8) continue;
    const [iface, hexDest, hexGw, hexFlags] = cols;
    const dest = wordAddress(hexDest, littleEndian);
    const mask = wordAddress(cols[7], littleEndian);
    const gw = wordAddress(hexGw, littleEndian);
    const flags = parseInt(hexFlags, 16);
    if (!dest || !mask || Number.isNaN(flags) || (flags & RTF_UP) === 0) continue;
    const prefix = ipaddr.IPv4.parse(mask.address).prefixLengthFromSubnetMask();
    if (prefix === null) continue; // a non-contiguous mask: not a block we can compare
    const route: HostRoute = { iface, family: 'ipv4', cidr: masked('ipv4', dest.address, prefix), prefix, flags };
    if ((flags & RTF_GATEWAY) !== 0 && gw) route.gateway = gw.address;
    out.push(route);
  }
  return out;
}

/** The IPv6 routes of /proc/net/ipv6_route that are up (no header line; the interface is the last column). */
export function parseProcNetIpv6Route(text: string): HostRoute[] {
  const out: HostRoute[] = [];
  for (const cols of rows(text, false)) {
    // dest dest_prefix src src_prefix next_hop metric refcnt use flags iface
    if (cols.length < 10) continue;
    const dest = byteAddress(cols[0]);
    const prefix = parseInt(cols[1], 16);
    const next = byteAddress(cols[4]);
    const flags = parseInt(cols[8], 16);
    if (!dest || Number.isNaN(prefix) || prefix > 128 || Number.isNaN(flags) || (flags & RTF_UP) === 0) continue;
    const route: HostRoute = { iface: cols[9], family: 'ipv6', cidr: masked('ipv6', dest, prefix), prefix, flags };
    if ((flags & RTF_GATEWAY) !== 0 && next) route.gateway = next;
    out.push(route);
  }
  return out;
}

/** The IPv6 addresses of /proc/net/if_inet6: address ifindex prefix scope flags name. */
export function parseProcNetIfInet6(text: string): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const cols of rows(text, false)) {
    if (cols.length < 6) continue;
    const address = byteAddress(cols[0]);
    const prefix = parseInt(cols[2], 16);
    if (address && !Number.isNaN(prefix) && prefix <= 128) out.push({ iface: cols[5], family: 'ipv6', address, prefix });
  }
  return out;
}

interface IpJsonLink {
  ifname?: unknown;
  addr_info?: unknown;
}

/** The addresses in `ip -j addr show` output (both families); anything unexpected is skipped, never thrown. */
export function parseIpAddrJson(text: string): InterfaceAddress[] {
  let links: unknown;
  try {
    links = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(links)) return [];
  const out: InterfaceAddress[] = [];
  for (const link of links as IpJsonLink[]) {
    if (typeof link?.ifname !== 'string' || !Array.isArray(link.addr_info)) continue;
    for (const a of link.addr_info as Array<{ family?: unknown; local?: unknown; prefixlen?: unknown }>) {
      const family = a?.family === 'inet' ? 'ipv4' : a?.family === 'inet6' ? 'ipv6' : undefined;
      if (!family || typeof a.local !== 'string' || typeof a.prefixlen !== 'number' || !ipaddr.isValid(a.local)) continue;
      const parsed = ipaddr.parse(a.local);
      if ((parsed.kind() === 'ipv4') !== (family === 'ipv4')) continue;
      const address = family === 'ipv4' ? parsed.toString() : (parsed as ipaddr.IPv6).toRFC5952String();
      out.push({ iface: link.ifname, family, address, prefix: a.prefixlen });
    }
  }
  return out;
}

/** The block of an interface address as a route-like entry (an address with `noprefixroute` has no route of its own). */
export function addressBlock(a: InterfaceAddress): HostRoute {
  return { iface: a.iface, family: a.family, cidr: masked(a.family, a.address, a.prefix), prefix: a.prefix, flags: 0 };
}

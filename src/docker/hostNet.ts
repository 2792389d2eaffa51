// Reads this machine's network tables for the host-side checks (published ports against listening processes, subnets
// against routes), only when the engine runs here (engineOnThisMachine): /proc/net/tcp{,6}, /proc/net/route,
// /proc/net/ipv6_route, and the interface addresses from `ip -j addr show` (execFile, an argv, bounded), else the
// IPv6 ones from /proc/net/if_inet6. No shell. Parsing is src/core/procNet.ts.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import * as l10n from '@vscode/l10n';
import { engineOnThisMachine, type ResolvedEndpoint } from '../core/endpoint';
import { notAvailableForRemote, type HostRoutesState } from '../core/hostRoutes';
import {
  parseIpAddrJson, parseProcNetIfInet6, parseProcNetIpv6Route, parseProcNetRoute, parseProcNetTcp, type InterfaceAddress, type Listener,
} from '../core/procNet';

const IP_TIMEOUT_MS = 2000;
const LITTLE_ENDIAN = endianness() === 'LE';

export type ListenersState = { available: true; listeners: Listener[] } | { available: false; reason: string };

function remote(endpoint: ResolvedEndpoint | undefined): string | undefined {
  return engineOnThisMachine(endpoint?.endpoint) ? undefined : notAvailableForRemote(endpoint?.display ?? '?');
}

/** This machine's listening TCP sockets, or why they are not the engine host's / cannot be read. */
export async function readListeners(endpoint: ResolvedEndpoint | undefined, procRoot = '/proc'): Promise<ListenersState> {
  const why = remote(endpoint);
  if (why) return { available: false, reason: why };
  const [v4, v6] = await Promise.all([
    readFile(`${procRoot}/net/tcp`, 'utf8').catch(() => undefined),
    readFile(`${procRoot}/net/tcp6`, 'utf8').catch(() => ''), // no IPv6 in this kernel: nothing listens there
  ]);
  if (v4 === undefined) return { available: false, reason: l10n.t('{0}/net/tcp cannot be read here: listening processes are not compared.', procRoot) };
  return { available: true, listeners: [...parseProcNetTcp(v4, LITTLE_ENDIAN), ...parseProcNetTcp(v6, LITTLE_ENDIAN)] };
}

function ipAddrJson(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('ip', ['-j', 'addr', 'show'], { timeout: IP_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => resolve(err ? undefined : stdout));
  });
}

/** This machine's routes and interface addresses, or why they are not the engine host's / cannot be read. */
export async function readHostRoutes(endpoint: ResolvedEndpoint | undefined, procRoot = '/proc'): Promise<HostRoutesState> {
  const why = remote(endpoint);
  if (why) return { available: false, reason: why };
  const [route, route6, inet6, json] = await Promise.all([
    readFile(`${procRoot}/net/route`, 'utf8').catch(() => undefined),
    readFile(`${procRoot}/net/ipv6_route`, 'utf8').catch(() => ''),
    readFile(`${procRoot}/net/if_inet6`, 'utf8').catch(() => ''),
    ipAddrJson(),
  ]);
  if (route === undefined) return { available: false, reason: l10n.t('{0}/net/route cannot be read here: host routes are not compared.', procRoot) };
  const fromIp = json !== undefined ? parseIpAddrJson(json) : [];
  // Without `ip`, IPv4 addresses are not known (no /proc file lists them): their connected routes stand in for them.
  const addresses: InterfaceAddress[] = fromIp.length > 0 ? fromIp : parseProcNetIfInet6(inet6);
  return { available: true, facts: { routes: [...parseProcNetRoute(route, LITTLE_ENDIAN), ...parseProcNetIpv6Route(route6)], addresses } };
}

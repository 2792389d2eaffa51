// Which Docker subnets collide with the host's own routes and interface addresses. A bridge network whose subnet
// overlaps a route of the host (a VPN's tun0, the LAN on eth0, a bridge left behind by a removed network) takes
// that block over for its containers: they send its traffic to the bridge and never reach what the host reached
// there, and the host's own route to it may lose to the bridge's. Pure: the routes come from
// src/docker/hostNet.ts (parsed by ./procNet.ts), and only for an engine on this machine.
import * as l10n from '@vscode/l10n';
import { bridgeInterface } from './format';
import type { NetworkView } from './model';
import { addressBlock, RTF_REJECT, type HostRoute, type InterfaceAddress } from './procNet';
import { cidrOverlaps, parseCidr, type ParsedCidr } from './validate/common';

/** What the host has: its routes (main table) and its interface addresses. */
export interface HostRouteFacts {
  routes: HostRoute[];
  addresses: InterfaceAddress[];
}

/** The host's network facts, or why they are not known (a remote engine, an unreadable /proc). */
export type HostRoutesState = { available: true; facts: HostRouteFacts } | { available: false; reason: string };

export interface RouteCollision {
  /** The Docker subnet. */
  subnet: string;
  /** The host's block that overlaps it. */
  hostCidr: string;
  iface: string;
  /** A route, or an interface address (its block). */
  via: 'route' | 'address';
  gateway?: string;
  /** A `br-<id>` bridge whose network no longer exists. */
  staleBridge: boolean;
  /** The network that owns the bridge, when it is another existing network's. */
  ofNetwork?: string;
}

/** Drivers whose networks share an outside LAN on purpose (their subnet is the LAN's), or allocate nothing. */
const NOT_CHECKED = new Set(['macvlan', 'ipvlan', 'host', 'null']);
const BRIDGE_NAME = /^br-([0-9a-f]{12})$/;

/**
 * Blocks that never collide: default routes (and a VPN's two halves of it, 0.0.0.0/1 + 128.0.0.0/1, which stand for
 * the default route and lose to every bridge's longer prefix), link-local, loopback and multicast ranges.
 */
function ignored(c: ParsedCidr): boolean {
  if (c.prefix <= 1) return true;
  const range = c.network.range();
  return range === 'linkLocal' || range === 'loopback' || range === 'multicast' || range === 'unspecified';
}

/** The interfaces that are a network's own: its bridge (docker0, br-<id>, or com.docker.network.bridge.name). */
export function ownInterfaces(n: NetworkView): Set<string> {
  const own = new Set<string>();
  const bridge = bridgeInterface(n);
  if (bridge) own.add(bridge);
  return own;
}

/** What the collisions depend on from the engine side: each checked network's id, subnets and own interfaces. Equal
 * signatures give equal collisions for the same host facts. */
export function subnetsSignature(networks: readonly NetworkView[]): string {
  const parts: string[] = [];
  for (const n of networks) {
    if (NOT_CHECKED.has(n.driver) || n.configOnly) continue;
    parts.push(`${n.id}=${n.ipam.map((c) => c.subnet ?? '').join(',')}@${[...ownInterfaces(n)].join(',')}`);
  }
  return parts.join(' ');
}

/** The host's routes and interface blocks that can collide, each parsed once. */
export interface HostBlock {
  r: HostRoute;
  via: 'route' | 'address';
  block: ParsedCidr;
}

/** The blocks of the facts worth comparing (reject routes and ignored ranges left out), parsed once. */
export function hostBlocks(facts: HostRouteFacts): HostBlock[] {
  const entries: Array<{ r: HostRoute; via: 'route' | 'address' }> = [
    ...facts.routes.filter((r) => (r.flags & RTF_REJECT) === 0).map((r) => ({ r, via: 'route' as const })),
    ...facts.addresses.map((a) => ({ r: addressBlock(a), via: 'address' as const })),
  ];
  return entries.flatMap(({ r, via }) => {
    const block = parseCidr(r.cidr);
    return block && !ignored(block) ? [{ r, via, block }] : [];
  });
}

/** The host blocks that overlap `subnet`, leaving out the network's own interfaces. `blocks`: hostBlocks(facts), when
 * the caller compares many subnets (parsing every route for every subnet cost seconds at 300 networks). */
export function subnetCollisions(subnet: ParsedCidr, own: ReadonlySet<string>, facts: HostRouteFacts, networks: readonly NetworkView[],
  blocks: readonly HostBlock[] = hostBlocks(facts)): RouteCollision[] {
  const out: RouteCollision[] = [];
  const seen = new Set<string>();
  for (const { r, via, block } of blocks) {
    if (own.has(r.iface) || r.family !== subnet.family || !cidrOverlaps(block, subnet)) continue;
    const key = `${r.iface}/${block.text}`;
    if (seen.has(key)) continue; // an address's block repeats its interface's route
    seen.add(key);
    const bridge = BRIDGE_NAME.exec(r.iface);
    const owner = networks.find((n) => bridgeInterface(n) === r.iface);
    const c: RouteCollision = { subnet: subnet.text, hostCidr: block.text, iface: r.iface, via, staleBridge: bridge !== null && !owner };
    if (r.gateway) c.gateway = r.gateway;
    if (owner) c.ofNetwork = owner.name;
    out.push(c);
  }
  return out;
}

/** Every existing network's collisions, by network id (networks without any are left out). */
export function networkCollisions(networks: readonly NetworkView[], facts: HostRouteFacts): Map<string, RouteCollision[]> {
  const out = new Map<string, RouteCollision[]>();
  const blocks = hostBlocks(facts);
  for (const n of networks) {
    if (NOT_CHECKED.has(n.driver) || n.configOnly) continue;
    const own = ownInterfaces(n);
    const found = n.ipam.flatMap((c) => {
      const subnet = c.subnet ? parseCidr(c.subnet) : undefined;
      return subnet ? subnetCollisions(subnet, own, facts, networks, blocks) : [];
    });
    if (found.length > 0) out.set(n.id, found);
  }
  return out;
}

/** Whether a network of this driver is checked against the host's routes. */
export function routeChecked(driver: string, configOnly: boolean): boolean {
  return !NOT_CHECKED.has(driver) && !configOnly;
}

/** "10.8.0.0/16 is routed through tun0: containers on this network could not reach it." */
export function describeCollision(c: RouteCollision): string {
  const overlap = c.hostCidr === c.subnet ? '' : ` ${l10n.t('(it overlaps {0})', c.subnet)}`;
  if (c.staleBridge) {
    return l10n.t('{0} is routed through {1}, a bridge left on the host by a removed network{2}: containers on this network could not reach it. Remove the bridge (ip link delete {1}) or choose another subnet.', c.hostCidr, c.iface, overlap);
  }
  if (c.ofNetwork) {
    return l10n.t('{0} is routed through {1}, the bridge of network "{2}"{3}: containers on this network could not reach it.', c.hostCidr, c.iface, c.ofNetwork, overlap);
  }
  if (c.via === 'address') {
    return l10n.t('{0} is the block of an address of {1}{2}: containers on this network could not reach it.', c.hostCidr, c.iface, overlap);
  }
  return l10n.t('{0} is routed through {1}{2}: containers on this network could not reach it.', c.hostCidr, c.iface, overlap);
}

/** The tree's short mark: "routed through tun0". */
export function collisionMark(found: readonly RouteCollision[]): string {
  const ifaces = [...new Set(found.map((c) => c.iface))];
  return l10n.t('collides with a host route ({0})', ifaces.join(', '));
}

/** Why the check could not run, as the pages say it. */
export function notAvailableForRemote(display: string): string {
  return l10n.t('Host-side checks are not available for a remote engine ({0}): its host\'s routes and listening ports are not this machine\'s.', display);
}

// The topology map's data, computed from a snapshot alone: networks are hubs, containers are nodes, and every
// attachment is an edge labelled with the container's address on that network. The host sends this (and nothing
// more) to the map's webview; what a selected container reaches is asked of core/reachability on the host, and
// sent back already put into words.
//
// Size: at 300 networks × 1000 containers (about 2000 attachments) the graph is a few hundred KB of JSON; fields
// with nothing to say are left out.
import { formatPort } from './format';
import { containerName, portsOf } from './join';
import type { RawContainer, Snapshot } from './model';
import {
  blockedFrom, computeReachability, describeBlock, describeVia, reachableFrom, summarizeReach, type ReachBlock, type Reachability,
} from './reachability';

export interface TopoNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  /** bridge, host, none, docker_gwbridge, ingress, podman: the map can collapse them. */
  builtin: boolean;
  internal?: boolean;
  /** "172.28.0.0/16", … */
  subnets?: string[];
  labels?: Record<string, string>;
}

export interface TopoContainer {
  id: string;
  name: string;
  /** running, exited, created, paused, restarting, removing, dead */
  state: string;
  image: string;
  /** HostConfig.NetworkMode when it says something (host, none, container:<x>, a network name). */
  mode?: string;
  /** Published and exposed ports, host side first. */
  ports?: string[];
  labels?: Record<string, string>;
}

export interface TopoEdge {
  /** Network id. */
  n: string;
  /** Container id. */
  c: string;
  /** What the edge says: the address (no prefix length), IPv4 first; else how the container is there. */
  label?: string;
  ipv4?: string;
  ipv6?: string;
  aliases?: string[];
}

export interface TopologyGraph {
  /** Snapshot order: user networks by name, then the built-in ones. */
  networks: TopoNetwork[];
  /** By name. */
  containers: TopoContainer[];
  edges: TopoEdge[];
}

/** What a container reaches, in words, for the side list and the highlight. */
export interface TopoReachTarget {
  id: string;
  name: string;
  /** "via my-net", "via the host, published port 127.0.0.1:8080 → 80/tcp"… */
  via: string;
  /** "test1 (via my-net)" */
  text: string;
  /** The networks the way goes through (highlighted with their edges). */
  networks: string[];
}

export interface TopoReachBlocked {
  id: string;
  name: string;
  /** "inter-container traffic (ICC) is disabled on quiet-net" */
  reason: string;
  network: string;
}

export interface TopologyReach {
  containerId: string;
  name: string;
  /** "test4 can reach: test1 (via my-net)"; or why it reaches nothing. */
  summary: string;
  /** Sorted by name. */
  reachable: TopoReachTarget[];
  /** Peers that look reachable on paper but are not (ICC off, macvlan from the host). */
  blocked: TopoReachBlocked[];
}

function nonEmpty<T extends object>(o: Record<string, string> | null | undefined, put: (v: Record<string, string>) => T): T | object {
  return o && Object.keys(o).length > 0 ? put({ ...o }) : {};
}

function address(cidr: string | undefined): string | undefined {
  return cidr?.split('/')[0] || undefined;
}

function topoContainer(c: RawContainer): TopoContainer {
  const mode = c.HostConfig?.NetworkMode ?? '';
  const ports = portsOf(c).map(formatPort);
  return {
    id: c.Id,
    name: containerName(c),
    state: c.State,
    image: c.Image,
    ...(mode && mode !== 'default' ? { mode } : {}),
    ...(ports.length > 0 ? { ports } : {}),
    ...nonEmpty(c.Labels, (labels) => ({ labels })),
  };
}

/** The map's graph: every network, every container (attached or not), every attachment. */
export function buildTopology(snapshot: Snapshot): TopologyGraph {
  const networks: TopoNetwork[] = [];
  const edges: TopoEdge[] = [];
  for (const n of snapshot.networks) {
    const subnets = n.ipam.flatMap((c) => (c.subnet ? [c.subnet] : []));
    networks.push({
      id: n.id,
      name: n.name,
      driver: n.driver,
      scope: n.scope,
      builtin: n.builtin,
      ...(n.internal ? { internal: true } : {}),
      ...(subnets.length > 0 ? { subnets } : {}),
      ...nonEmpty(n.labels, (labels) => ({ labels })),
    });
    for (const a of n.attachments) {
      const ipv4 = address(a.ipv4);
      const ipv6 = address(a.ipv6);
      const label = ipv4 ?? ipv6 ?? (a.sharesNamespaceOf !== undefined ? `container:${a.sharesNamespaceOf}` : n.driver === 'host' ? 'host' : undefined);
      edges.push({
        n: n.id,
        c: a.containerId,
        ...(label !== undefined ? { label } : {}),
        ...(ipv4 !== undefined ? { ipv4: a.ipv4 } : {}),
        ...(ipv6 !== undefined ? { ipv6: a.ipv6 } : {}),
        ...(a.aliases.length > 0 ? { aliases: [...a.aliases] } : {}),
      });
    }
  }
  const byName = new Intl.Collator();
  const containers = snapshot.containers.map(topoContainer).sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { networks, containers, edges };
}

const reachCache = new WeakMap<Snapshot, Reachability>();

/** The snapshot's reachability index, built once per snapshot (snapshots are immutable). */
export function reachabilityOf(snapshot: Snapshot): Reachability {
  let r = reachCache.get(snapshot);
  if (!r) {
    r = computeReachability(snapshot);
    reachCache.set(snapshot, r);
  }
  return r;
}

function blockedText(b: ReachBlock): string {
  return describeBlock({ kind: b.reason, network: b.network });
}

/** What `containerId` reaches, in words: the side list's sentence, one line per target, and what is blocked. */
export function topologyReach(r: Reachability, containerId: string): TopologyReach {
  const node = r.nodes.get(containerId);
  const reachable: TopoReachTarget[] = reachableFrom(r, containerId).map((e) => {
    const via = e.via.map(describeVia).join('; ');
    const networks = [...new Set(e.via.flatMap((v) => (v.networkId !== undefined && (v.kind === 'network' || v.kind === 'host') ? [v.networkId] : [])))];
    return { id: e.to, name: e.toName, via, text: `${e.toName} (${via})`, networks };
  });
  const seen = new Set<string>();
  const blocked: TopoReachBlocked[] = [];
  for (const b of blockedFrom(r, containerId)) {
    const key = `${b.to}/${b.networkId}/${b.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocked.push({ id: b.to, name: b.toName, reason: blockedText(b), network: b.networkId });
  }
  return { containerId, name: node?.name ?? containerId, summary: summarizeReach(r, containerId), reachable, blocked };
}

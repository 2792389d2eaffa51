// Who can reach whom, computed from a snapshot alone (no probes): the topology map highlights it and
// Check Connectivity sets it beside what a real probe found, so that a disagreement points at a firewall.
//
// The rules (Docker Engine 20.10+ semantics):
// - Only running containers take part: a stopped or created container reaches nothing and is reached by nobody.
// - A network namespace is the unit of reachability. Containers joined with `--network container:<owner>` are
//   the same endpoint as their owner: they reach what it reaches, are reached where it is, and reach each other
//   on localhost. Host-mode containers all share one namespace, the host's.
// - Two namespaces with endpoints on a common network reach each other through it, except on a bridge whose
//   `com.docker.network.bridge.enable_icc` option is "false" (inter-container traffic is dropped). `internal`
//   only cuts the network off from the outside, so members still reach each other (the via is noted). Overlay
//   behaves like a bridge (the ICC option is a bridge option). macvlan/ipvlan members reach each other but the
//   host cannot reach them (the parent interface does not hairpin to the host; noted). Other (plugin)
//   drivers are taken as plain shared networks.
// - A host-mode container is on the host's stack: it reaches every port published on the host, and every
//   container's address on a local bridge network (the host has a route to each bridge, ICC does not apply).
// - The none network connects nothing (loopback only).
// - Bridge gateway modes (Docker 27+): `isolated` gives the bridge no address on the host for that family, so the
//   host (and host-mode containers) cannot reach its containers that way, and ports published there do not work;
//   members still reach each other. `routed` means no NAT: the host reaches containers at their own address (noted),
//   and host ports are ignored (the engine lists no host port then).
// Deliberately not modelled: a bridged container reaching the host (and through it published ports or host-mode
// containers) via its gateway. That depends on the host's firewall and on what listens; the map would then
// light up almost everything, which is not what "can reach" should answer.
//
// Cost: computeReachability indexes the snapshot in O(attachments + containers). What a namespace reaches is
// computed on first request and cached, in O(sum of the sizes of its networks), so selecting one container on
// the map never costs O(containers²), whatever the size of the engine.
import { formatPort } from './format';
import type { Attachment, NetworkView, Snapshot } from './model';
import {
  addressOf, collectPublished, HOST_NAMESPACE, hostFamiliesOf, hostWay, iccDisabled, indexNodes, isHostIsolatedDriver,
  isHostless, networkVia, notesOf, type NetInfo,
} from './reachIndex';
import type { PairReach, PublishedPort, ReachBlock, ReachEntry, ReachNode, ReachVia } from './reachTypes';

export type * from './reachTypes';
export { describeBlock, describeVia, summarizeReach } from './reachWords';

interface NamespaceReach {
  vias: Map<string, ReachVia[]>;
  blocks: ReachBlock[];
}

interface SourceReach {
  entries: ReachEntry[];
  blocks: ReachBlock[];
}

/** The indexed snapshot. Build with computeReachability; ask with reachableFrom, blockedFrom and reachBetween. */
export class Reachability {
  /** Every container of the snapshot, by id. */
  readonly nodes: ReadonlyMap<string, ReachNode>;
  private readonly nets: NetInfo[] = [];
  /** Namespace key → indexes into nets where it has a live endpoint. */
  private readonly netsOf = new Map<string, number[]>();
  /** Namespace key → live member ids, in snapshot order. */
  private readonly members = new Map<string, string[]>();
  private readonly localBridges: number[] = [];
  private readonly hostIsolated: number[] = [];
  private readonly published: PublishedPort[];
  private readonly byNamespace = new Map<string, NamespaceReach>();
  private readonly bySource = new Map<string, SourceReach>();
  private rank: Map<string, number> | undefined;

  /** @internal use computeReachability */
  constructor(snapshot: Snapshot) {
    const nodes = indexNodes(snapshot.containers);
    this.nodes = nodes;
    for (const node of nodes.values()) {
      if (!node.live) continue;
      const list = this.members.get(node.namespace);
      if (list) list.push(node.id);
      else this.members.set(node.namespace, [node.id]);
    }
    for (const view of snapshot.networks) {
      if (view.driver === 'host' || view.driver === 'null') continue; // host: modelled as the host namespace; none: nothing
      const members = view.attachments
        .filter((a) => nodes.get(a.containerId)?.live === true)
        .map((a) => ({ a, address: addressOf(a) }));
      const index = this.nets.length;
      this.nets.push({ view, icc: !iccDisabled(view), notes: notesOf(view), members, hostFamilies: hostFamiliesOf(view), hostless: isHostless(view) });
      for (const { a } of members) {
        const ns = nodes.get(a.containerId)?.namespace;
        if (ns === undefined || ns === HOST_NAMESPACE) continue;
        const list = this.netsOf.get(ns);
        if (!list) this.netsOf.set(ns, [index]);
        else if (list[list.length - 1] !== index) list.push(index); // several members of one namespace: the network once
      }
      if (view.driver === 'bridge') this.localBridges.push(index);
      else if (isHostIsolatedDriver(view.driver)) this.hostIsolated.push(index);
    }
    this.published = collectPublished(snapshot.containers, nodes);
  }

  /** Ports published on the host by running containers. */
  publishedPorts(): readonly PublishedPort[] {
    return this.published;
  }

  /** @internal */
  fromSource(id: string): SourceReach {
    const cached = this.bySource.get(id);
    if (cached) return cached;
    const node = this.nodes.get(id);
    const result: SourceReach = { entries: [], blocks: [] };
    if (node?.live) {
      const shared = this.sharedNamespaceVia(node);
      for (const other of this.members.get(node.namespace) ?? []) {
        if (other !== id) result.entries.push(this.entry(node, other, [shared]));
      }
      const outside = this.namespaceReach(node);
      for (const [to, via] of outside.vias) result.entries.push(this.entry(node, to, via));
      result.blocks = outside.blocks.map((b) => ({ ...b, from: id }));
      const rank = this.nameRank();
      result.entries.sort((a, b) => (rank.get(a.to) ?? 0) - (rank.get(b.to) ?? 0));
    }
    this.bySource.set(id, result);
    return result;
  }

  private entry(from: ReachNode, to: string, via: readonly ReachVia[]): ReachEntry {
    return { from: from.id, fromName: from.name, to, toName: this.nodes.get(to)?.name ?? to, via };
  }

  /** Each container's place in name order, computed once, so sorting a source's targets compares numbers. */
  private nameRank(): Map<string, number> {
    if (!this.rank) {
      const byName = new Intl.Collator(); // localeCompare's order without its per-call cost
      const sorted = [...this.nodes.values()].sort((a, b) => byName.compare(a.name, b.name) || plain(a.id, b.id));
      this.rank = new Map(sorted.map((n, i) => [n.id, i]));
    }
    return this.rank;
  }

  private sharedNamespaceVia(node: ReachNode): ReachVia {
    return node.namespace === HOST_NAMESPACE
      ? { kind: 'shared-namespace', network: 'host', detail: 'localhost', notes: [] }
      : { kind: 'shared-namespace', detail: 'localhost', notes: [] };
  }

  /** What one namespace reaches outside itself; shared by all its members. */
  private namespaceReach(node: ReachNode): NamespaceReach {
    const cached = this.byNamespace.get(node.namespace);
    if (cached) return cached;
    const reach: NamespaceReach = { vias: new Map(), blocks: [] };
    const add = (to: string, via: ReachVia): void => {
      const list = reach.vias.get(to);
      if (list) list.push(via);
      else reach.vias.set(to, [via]);
    };
    const block = (a: Attachment, net: NetInfo, reason: ReachBlock['reason']): void => {
      reach.blocks.push({ from: '', to: a.containerId, toName: a.name, reason, network: net.view.name, networkId: net.view.id });
    };
    const own = node.namespace;

    if (node.mode === 'network') {
      for (const index of this.netsOf.get(own) ?? []) {
        const net = this.nets[index];
        for (const { a, address } of net.members) {
          if (this.nodes.get(a.containerId)?.namespace === own) continue;
          if (!net.icc) block(a, net, 'icc-disabled');
          else add(a.containerId, networkVia('network', net, address));
        }
      }
    } else if (node.mode === 'host') {
      for (const index of this.localBridges) {
        const net = this.nets[index];
        for (const { a } of net.members) {
          const way = hostWay(a, net);
          if (way === 'isolated') block(a, net, 'gateway-isolated');
          else if (way) add(a.containerId, { ...networkVia('host', net, way.address), notes: way.routed ? [...net.notes, 'routed'] : net.notes });
        }
      }
      for (const index of this.hostIsolated) {
        const net = this.nets[index];
        for (const { a } of net.members) block(a, net, 'host-unreachable');
      }
      for (const p of this.published) {
        const ns = this.nodes.get(p.containerId)?.namespace;
        if (ns === own) continue;
        const isolated = ns !== undefined ? this.onlyHostless(ns) : undefined;
        if (isolated) {
          reach.blocks.push({ from: '', to: p.containerId, toName: p.containerName, reason: 'gateway-isolated', network: isolated.name, networkId: isolated.id });
        } else {
          add(p.containerId, { kind: 'published-port', detail: formatPort(p.port), port: p.port, notes: [] });
        }
      }
    }
    this.byNamespace.set(own, reach);
    return reach;
  }

  /** When every network of the namespace is a bridge without a host address (isolated), the first of them. */
  private onlyHostless(ns: string): NetworkView | undefined {
    const nets = (this.netsOf.get(ns) ?? []).map((i) => this.nets[i]);
    if (nets.length === 0 || !nets.every((n) => n.hostless)) return undefined;
    return nets[0].view;
  }
}

/** Indexes a snapshot for reachability questions. Cheap: the answers are computed per source on demand. */
export function computeReachability(snapshot: Snapshot): Reachability {
  return new Reachability(snapshot);
}

/** Everything a container reaches, sorted by target name; empty when it is not running or unknown. */
export function reachableFrom(r: Reachability, containerId: string): ReachEntry[] {
  return r.fromSource(containerId).entries;
}

/** Peers a container would reach on paper but cannot (ICC disabled; macvlan/ipvlan from the host). */
export function blockedFrom(r: Reachability, containerId: string): ReachBlock[] {
  return r.fromSource(containerId).blocks;
}

/** The computed answer for one pair, with every way and every reason against. */
export function reachBetween(r: Reachability, from: string, to: string): PairReach {
  const source = r.nodes.get(from);
  const target = r.nodes.get(to);
  const pair: PairReach = {
    from, fromName: source?.name ?? from, to, toName: target?.name ?? to, reachable: false, via: [], blocked: [],
  };
  if (!source) pair.blocked.push({ kind: 'unknown-container', id: from });
  if (!target) pair.blocked.push({ kind: 'unknown-container', id: to });
  if (!source || !target) return pair;
  if (!source.live) pair.blocked.push({ kind: 'source-not-running', name: source.name, state: source.state });
  if (!target.live) pair.blocked.push({ kind: 'target-not-running', name: target.name, state: target.state });
  if (pair.blocked.length > 0) return pair;
  if (from === to) {
    return { ...pair, reachable: true, via: [{ kind: 'shared-namespace', detail: 'localhost', notes: [] }] };
  }
  pair.via = reachableFrom(r, from).find((e) => e.to === to)?.via ?? [];
  pair.reachable = pair.via.length > 0;
  for (const b of blockedFrom(r, from)) {
    if (b.to === to) pair.blocked.push({ kind: b.reason, network: b.network });
  }
  if (!pair.reachable && pair.blocked.length === 0) {
    const isolated = source.mode === 'none' ? source : target.mode === 'none' ? target : undefined;
    pair.blocked.push(isolated ? { kind: 'no-network', name: isolated.name } : { kind: 'no-common-network' });
  }
  return pair;
}

function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

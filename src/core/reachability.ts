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
import * as l10n from '@vscode/l10n';
import { formatPort } from './format';
import { containerName, OwnerResolver, portsOf } from './join';
import type { Attachment, NetworkView, PortMapping, RawContainer, Snapshot } from './model';
import { isGatewayIsolated, isGatewayRouted, type IpFamily } from './networkTraits';

export type ReachKind = 'network' | 'host' | 'shared-namespace' | 'published-port';

/** Why a way of reaching deserves a word: `internal` (the network has no outside access), `host-unreachable`
 * (macvlan/ipvlan: members reach each other, but the host cannot reach them), `isolated` (gateway mode isolated:
 * the bridge has no address on the host), `routed` (gateway mode routed: reached at its own address, no NAT). */
export type ReachNote = 'internal' | 'host-unreachable' | 'isolated' | 'routed';

/** One way a source reaches a target. */
export interface ReachVia {
  kind: ReachKind;
  /**
   * network: the network both are on. host: the local bridge the host routes to the target through.
   * shared-namespace: 'host' when the shared namespace is the host's, absent for a `container:` namespace.
   * published-port: absent.
   */
  network?: string;
  networkId?: string;
  /** The network's driver (network and host kinds). */
  driver?: string;
  /** The address the source uses: the target's IP on that network, `localhost`, or the published port
   * `hostIp:hostPort → port/proto` (host side first). */
  detail?: string;
  /** published-port: the port. */
  port?: PortMapping;
  notes: readonly ReachNote[];
}

export interface ReachEntry {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  /** Every way, in this order: shared namespace, networks (in snapshot order), via the host, published ports.
   * Shared between the members of one namespace: read it, do not change it. */
  via: readonly ReachVia[];
}

/** A way that exists on paper but carries no traffic. */
export interface ReachBlock {
  from: string;
  to: string;
  toName: string;
  /** icc-disabled: both are on a bridge whose ICC is off. host-unreachable: a host-mode source and a macvlan/ipvlan target.
   * gateway-isolated: a host-mode source and a target only on a bridge with gateway mode isolated (no host address). */
  reason: 'icc-disabled' | 'host-unreachable' | 'gateway-isolated';
  network: string;
  networkId: string;
}

/** How a container is attached, as reachability sees it (the owner's mode for `container:` members). */
export type ReachMode = 'network' | 'host' | 'none';

export interface ReachNode {
  id: string;
  name: string;
  state: string;
  /** Running, and (for `container:` members) its namespace owner running too. */
  live: boolean;
  mode: ReachMode;
  /** Containers with the same key share one network namespace ('host' for the host's). */
  namespace: string;
  /** The container owning the namespace when this one joined it with `container:` (the end of the chain). */
  namespaceOwner?: string;
}

/** A port published on the host, reachable from the host (and from host-mode containers). */
export interface PublishedPort {
  containerId: string;
  containerName: string;
  port: PortMapping & { hostPort: number };
}

/** Why a pair cannot talk (or one way they could not). */
export type PairBlock =
  | { kind: 'source-not-running' | 'target-not-running'; name: string; state: string }
  | { kind: 'unknown-container'; id: string }
  | { kind: 'no-network'; name: string }
  | { kind: 'no-common-network' }
  | { kind: 'icc-disabled' | 'host-unreachable' | 'gateway-isolated'; network: string };

/** The computed answer for one pair, to set beside a probe. */
export interface PairReach {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  reachable: boolean;
  via: readonly ReachVia[];
  /** Why not, or which of their common networks carry nothing (even when another way exists). */
  blocked: PairBlock[];
}

const HOST_NAMESPACE = 'host';
const CONTAINER_MODE = 'container:';

interface NetInfo {
  view: NetworkView;
  /** Inter-container traffic allowed. */
  icc: boolean;
  notes: ReachNote[];
  /** Live attachments, with their address (no prefix length). */
  members: { a: Attachment; address: string | undefined }[];
  /** Bridge only: the families the host has an address for (gateway mode not isolated). */
  hostFamilies: ReadonlySet<IpFamily>;
  /** A bridge whose every enabled family is isolated: the host has no address on it at all. */
  hostless: boolean;
}

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

/** Every port published on the host by a running container: `hostIp:hostPort → container:port/proto`. */
export function publishedToHost(snapshot: Snapshot): PublishedPort[] {
  return collectPublished(snapshot.containers, indexNodes(snapshot.containers));
}

/** `0.0.0.0:8080 → web:80/tcp`, host side first. */
export function formatPublished(p: PublishedPort): string {
  const { hostIp, hostPort, containerPort, protocol } = p.port;
  const host = hostIp === undefined ? '' : hostIp.includes(':') ? `[${hostIp}]:` : `${hostIp}:`;
  return `${host}${hostPort} → ${p.containerName}:${containerPort}/${protocol}`;
}

/** One way, in words: "via my-net", "via the host, on bridge (172.17.0.2)". */
export function describeVia(v: ReachVia): string {
  const net = v.network ?? '';
  const addr = v.detail ?? '';
  let text: string;
  switch (v.kind) {
    case 'network':
      text = l10n.t('via {0}', net);
      break;
    case 'host':
      text = addr ? l10n.t('via the host, on {0} ({1})', net, addr) : l10n.t('via the host, on {0}', net);
      break;
    case 'shared-namespace':
      text = v.network === HOST_NAMESPACE
        ? l10n.t('via localhost, both on the host\'s network stack')
        : l10n.t('via localhost, same network namespace');
      break;
    case 'published-port':
      text = l10n.t('via the host, published port {0}', addr);
      break;
  }
  for (const note of v.notes) text += describeNote(note, v);
  return text;
}

function describeNote(note: ReachNote, v: ReachVia): string {
  switch (note) {
    case 'internal': return l10n.t(', an internal network (no outside access)');
    case 'host-unreachable': return l10n.t(', which the host cannot reach ({0})', v.driver ?? '');
    case 'isolated': return l10n.t(', isolated from the host (gateway mode isolated: no address on the host)');
    case 'routed': return l10n.t(', routed (no NAT: at the container\'s own address)');
  }
}

/** "test4 can reach: test1 (via my-net)". */
export function explainReach(entry: ReachEntry): string {
  return l10n.t('{0} can reach: {1}', entry.fromName, targetText(entry));
}

/** The side list's sentence for a source: "test2 can reach: test1 (via bridge), test3 (via bridge)". */
export function summarizeReach(r: Reachability, containerId: string): string {
  const node = r.nodes.get(containerId);
  if (!node) return l10n.t('Unknown container {0}.', containerId);
  if (!node.live) return l10n.t('{0} is not running ({1}): it reaches nothing.', node.name, node.state);
  const entries = reachableFrom(r, containerId);
  if (entries.length === 0) {
    return node.mode === 'none'
      ? l10n.t('{0} has no network (none): it reaches nothing.', node.name)
      : l10n.t('{0} can reach nothing.', node.name);
  }
  return l10n.t('{0} can reach: {1}', node.name, entries.map(targetText).join(', '));
}

/** One reason in words. */
export function describeBlock(b: PairBlock): string {
  switch (b.kind) {
    case 'unknown-container': return l10n.t('container {0} is not in the snapshot', b.id);
    case 'source-not-running':
    case 'target-not-running': return l10n.t('{0} is not running ({1})', b.name, b.state);
    case 'no-network': return l10n.t('{0} has no network (none)', b.name);
    case 'no-common-network': return l10n.t('they share no network');
    case 'icc-disabled': return l10n.t('inter-container traffic (ICC) is disabled on {0}', b.network);
    case 'host-unreachable': return l10n.t('the host cannot reach containers on {0} (macvlan/ipvlan)', b.network);
    case 'gateway-isolated': return l10n.t('the host has no address on {0} (gateway mode isolated): it cannot reach containers there, and ports published on it do not work', b.network);
  }
}

/** "test4 can reach test1 (via my-net)" or "test4 cannot reach test2: they share no network". */
export function explainPair(p: PairReach): string {
  if (p.reachable) return l10n.t('{0} can reach {1} ({2})', p.fromName, p.toName, p.via.map(describeVia).join('; '));
  return l10n.t('{0} cannot reach {1}: {2}', p.fromName, p.toName, p.blocked.map(describeBlock).join('; '));
}

function targetText(e: ReachEntry): string {
  return `${e.toName} (${e.via.map(describeVia).join('; ')})`;
}

function networkVia(kind: 'network' | 'host', net: NetInfo, address: string | undefined): ReachVia {
  const via: ReachVia = { kind, network: net.view.name, networkId: net.view.id, driver: net.view.driver, notes: net.notes };
  if (address !== undefined) via.detail = address;
  return via;
}

function iccDisabled(n: NetworkView): boolean {
  return n.driver === 'bridge' && n.options['com.docker.network.bridge.enable_icc'] === 'false';
}

function isHostIsolatedDriver(driver: string): boolean {
  return driver === 'macvlan' || driver === 'ipvlan';
}

function notesOf(n: NetworkView): ReachNote[] {
  const notes: ReachNote[] = [];
  if (n.internal) notes.push('internal');
  if (isHostIsolatedDriver(n.driver)) notes.push('host-unreachable');
  if (isHostless(n)) notes.push('isolated');
  return notes;
}

/** The families a bridge has a host address for: those whose gateway mode is not isolated. */
function hostFamiliesOf(n: NetworkView): Set<IpFamily> {
  return new Set((['ipv4', 'ipv6'] as const).filter((f) => !isGatewayIsolated(n, f)));
}

/** A bridge whose enabled families all have gateway mode isolated: no address of the host's on it. */
function isHostless(n: NetworkView): boolean {
  const enabled = [n.enableIPv4 ? 'ipv4' as const : undefined, n.enableIPv6 ? 'ipv6' as const : undefined].filter((f) => f !== undefined);
  return n.driver === 'bridge' && enabled.length > 0 && enabled.every((f) => isGatewayIsolated(n, f));
}

/**
 * How the host reaches a bridge member: at an address of a family the bridge has a host address for (IPv4 first),
 * noting routed mode; `isolated` when the member has addresses but none the host can use; undefined with no address.
 */
function hostWay(a: Attachment, net: NetInfo): { address: string; routed: boolean } | 'isolated' | undefined {
  const candidates: Array<[IpFamily, string | undefined]> = [['ipv4', a.ipv4], ['ipv6', a.ipv6]];
  let hasAddress = false;
  for (const [family, cidr] of candidates) {
    const address = cidr?.split('/')[0];
    if (!address) continue;
    hasAddress = true;
    if (net.hostFamilies.has(family)) return { address, routed: isGatewayRouted(net.view, family) };
  }
  return hasAddress ? 'isolated' : undefined;
}

/** The address without its prefix length: IPv4 first, else IPv6. */
function addressOf(a: Attachment): string | undefined {
  const cidr = a.ipv4 ?? a.ipv6;
  return cidr?.split('/')[0] || undefined;
}

function collectPublished(containers: RawContainer[], nodes: ReadonlyMap<string, ReachNode>): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const c of containers) {
    const node = nodes.get(c.Id);
    if (!node?.live) continue;
    for (const p of portsOf(c)) {
      if (p.hostPort !== undefined) out.push({ containerId: c.Id, containerName: node.name, port: { ...p, hostPort: p.hostPort } });
    }
  }
  return out;
}

/** Gives each container its namespace, following `container:` chains with the join's own resolver. */
function indexNodes(containers: RawContainer[]): Map<string, ReachNode> {
  const owners = new OwnerResolver(containers);
  const rootOf = (c: RawContainer): RawContainer | undefined => owners.rootOf(c);
  const nodes = new Map<string, ReachNode>();
  for (const c of containers) {
    const root = isContainerMode(c) ? rootOf(c) : c;
    // A member whose owner is gone (or whose chain loops) is on no network: alone in its namespace, mode none.
    const node: ReachNode = {
      id: c.Id, name: containerName(c), state: c.State, live: c.State === 'running' && (root?.State ?? 'running') === 'running',
      mode: 'none',
      namespace: root?.Id ?? c.Id,
    };
    if (root && root !== c) node.namespaceOwner = root.Id;
    if (root) {
      const mode = root.HostConfig?.NetworkMode ?? '';
      if (mode === 'host') {
        node.mode = 'host';
        node.namespace = HOST_NAMESPACE;
      } else if (mode !== 'none') {
        node.mode = 'network';
      }
    }
    nodes.set(c.Id, node);
  }
  return nodes;
}

function isContainerMode(c: RawContainer): boolean {
  return (c.HostConfig?.NetworkMode ?? '').startsWith(CONTAINER_MODE);
}

function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

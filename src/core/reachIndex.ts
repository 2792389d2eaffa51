// The snapshot indexed for ./reachability.ts: each network with what matters to reachability (ICC, notes, live
// members, the families the host has an address for), each container's namespace (following `container:` chains),
// and the ports published on the host.
import { containerName, OwnerResolver, portsOf } from './join';
import type { Attachment, NetworkView, RawContainer } from './model';
import { isGatewayIsolated, isGatewayRouted, type IpFamily } from './networkTraits';
import type { PublishedPort, ReachNode, ReachNote, ReachVia } from './reachTypes';

/** The namespace key of the host's network stack (host-mode containers). */
export const HOST_NAMESPACE = 'host';
const CONTAINER_MODE = 'container:';

export interface NetInfo {
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

export function networkVia(kind: 'network' | 'host', net: NetInfo, address: string | undefined): ReachVia {
  const via: ReachVia = { kind, network: net.view.name, networkId: net.view.id, driver: net.view.driver, notes: net.notes };
  if (address !== undefined) via.detail = address;
  return via;
}

export function iccDisabled(n: NetworkView): boolean {
  return n.driver === 'bridge' && n.options['com.docker.network.bridge.enable_icc'] === 'false';
}

export function isHostIsolatedDriver(driver: string): boolean {
  return driver === 'macvlan' || driver === 'ipvlan';
}

export function notesOf(n: NetworkView): ReachNote[] {
  const notes: ReachNote[] = [];
  if (n.internal) notes.push('internal');
  if (isHostIsolatedDriver(n.driver)) notes.push('host-unreachable');
  if (isHostless(n)) notes.push('isolated');
  return notes;
}

/** The families a bridge has a host address for: those whose gateway mode is not isolated. */
export function hostFamiliesOf(n: NetworkView): Set<IpFamily> {
  return new Set((['ipv4', 'ipv6'] as const).filter((f) => !isGatewayIsolated(n, f)));
}

/** A bridge whose enabled families all have gateway mode isolated: no address of the host's on it. */
export function isHostless(n: NetworkView): boolean {
  const enabled = [n.enableIPv4 ? 'ipv4' as const : undefined, n.enableIPv6 ? 'ipv6' as const : undefined].filter((f) => f !== undefined);
  return n.driver === 'bridge' && enabled.length > 0 && enabled.every((f) => isGatewayIsolated(n, f));
}

/**
 * How the host reaches a bridge member: at an address of a family the bridge has a host address for (IPv4 first),
 * noting routed mode; `isolated` when the member has addresses but none the host can use; undefined with no address.
 */
export function hostWay(a: Attachment, net: NetInfo): { address: string; routed: boolean } | 'isolated' | undefined {
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
export function addressOf(a: Attachment): string | undefined {
  const cidr = a.ipv4 ?? a.ipv6;
  return cidr?.split('/')[0] || undefined;
}

export function collectPublished(containers: RawContainer[], nodes: ReadonlyMap<string, ReachNode>): PublishedPort[] {
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
export function indexNodes(containers: RawContainer[]): Map<string, ReachNode> {
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

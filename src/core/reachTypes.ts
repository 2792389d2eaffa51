// The shapes of what ./reachability.ts computes: ways (via), blocks, nodes, pair answers.
import type { PortMapping } from './model';

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

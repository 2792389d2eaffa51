// What Check Connectivity may probe, and what it sets a probe beside: the target of a pair (resolved from the
// snapshot), a network's matrix (capped), and the computed reachability at the probed address (./reachability.ts).
//
// Safety rule: a probe only ever targets an address that a container of this engine holds on one of this engine's
// networks, read from the snapshot (probeTarget). Nothing else can be named: there is no "probe this IP" entry point.
import * as l10n from '@vscode/l10n';
import { describeBlock, describeVia, type PairReach, type ReachVia } from './reachability';
import type { Attachment, NetworkView, Snapshot } from './model';
import { MATRIX_CAP, type ProbePort, type ProbeResult } from './probe';

// ---------------------------------------------------------------------------------------------------------------
// What may be probed

/** A probe target, resolved from the snapshot only. */
export interface ProbeTarget {
  source: { id: string; name: string };
  target: { id: string; name: string };
  network: { id: string; name: string; driver: string };
  /** The target's address on that network, without prefix length. */
  address: string;
  /** The target's exposed and published ports (container side), for the fallbacks. */
  ports: ProbePort[];
}

export class ProbeTargetError extends Error {
  override readonly name = 'ProbeTargetError';
}

/** The address of an attachment without its prefix length: IPv4 first, else IPv6. */
export function attachmentAddress(a: Attachment): string | undefined {
  return (a.ipv4 ?? a.ipv6)?.split('/')[0] || undefined;
}

/**
 * Resolves a probe from ids: the source must be a running container of this snapshot, the target a container of this
 * snapshot with an address on that network, which must be one of this engine's networks (not host or none). Throws
 * ProbeTargetError otherwise. This is the ONLY way the docker layer learns an address to probe.
 */
export function probeTarget(snapshot: Snapshot, sourceId: string, targetId: string, networkId: string): ProbeTarget {
  const source = snapshot.containers.find((c) => c.Id === sourceId);
  if (!source) throw new ProbeTargetError(l10n.t('The source container {0} is not on this engine.', sourceId.slice(0, 12)));
  if (source.State !== 'running') throw new ProbeTargetError(l10n.t('The source container is not running ({0}): a probe runs inside it.', source.State));
  const targetRaw = snapshot.containers.find((c) => c.Id === targetId);
  if (!targetRaw) throw new ProbeTargetError(l10n.t('The target container {0} is not on this engine.', targetId.slice(0, 12)));
  const network = snapshot.networks.find((n) => n.id === networkId);
  if (!network) throw new ProbeTargetError(l10n.t('The network {0} is not on this engine.', networkId.slice(0, 12)));
  if (network.driver === 'host' || network.driver === 'null') {
    throw new ProbeTargetError(l10n.t('{0} gives containers no address of their own: there is nothing to probe on it.', network.name));
  }
  const a = network.attachments.find((x) => x.containerId === targetId);
  const address = a ? attachmentAddress(a) : undefined;
  if (!a || !address) {
    throw new ProbeTargetError(l10n.t('{0} has no address on {1}: nothing to probe there.', a?.name ?? targetId.slice(0, 12), network.name));
  }
  const sourceAttachment = snapshot.networks.flatMap((n) => n.attachments).find((x) => x.containerId === sourceId);
  const ports: ProbePort[] = [];
  for (const p of a.ports) if (!ports.some((q) => q.port === p.containerPort && q.protocol === p.protocol)) ports.push({ port: p.containerPort, protocol: p.protocol });
  return {
    source: { id: sourceId, name: sourceAttachment?.name ?? source.Names[0]?.replace(/^\//, '') ?? sourceId.slice(0, 12) },
    target: { id: targetId, name: a.name },
    network: { id: network.id, name: network.name, driver: network.driver },
    address,
    ports,
  };
}

/** The networks on which a target has an address (where a probe can aim), the ones the source is also on first. */
export function probeNetworks(snapshot: Snapshot, sourceId: string, targetId: string): { network: NetworkView; shared: boolean; address: string }[] {
  const out: { network: NetworkView; shared: boolean; address: string }[] = [];
  for (const n of snapshot.networks) {
    if (n.driver === 'host' || n.driver === 'null') continue;
    const t = n.attachments.find((a) => a.containerId === targetId);
    const address = t ? attachmentAddress(t) : undefined;
    if (!address) continue;
    out.push({ network: n, shared: n.attachments.some((a) => a.containerId === sourceId), address });
  }
  return out.sort((x, y) => Number(y.shared) - Number(x.shared));
}

// ---------------------------------------------------------------------------------------------------------------
// The matrix

export interface MatrixPlan {
  network: { id: string; name: string };
  /** The running containers the matrix covers (at most MATRIX_CAP), by name. */
  members: { id: string; name: string }[];
  /** Running containers left out by the cap. */
  omitted: { id: string; name: string }[];
  /** Running members without an address on the network (host, none, …): never a target. */
  noAddress: { id: string; name: string }[];
  /** Ordered pairs (source, target) to probe. */
  pairs: { from: string; to: string }[];
  cap: number;
}

/** Every ordered pair of a network's running containers, capped at `cap` containers (the cap is said on screen). */
export function matrixPlan(network: NetworkView, cap = MATRIX_CAP): MatrixPlan {
  const seen = new Set<string>();
  const running = network.attachments.filter((a) => a.state === 'running' && !seen.has(a.containerId) && (seen.add(a.containerId), true));
  const members = running.slice(0, cap);
  const omitted = running.slice(cap);
  const addressed = new Set(members.filter((a) => attachmentAddress(a) !== undefined).map((a) => a.containerId));
  const pairs: { from: string; to: string }[] = [];
  for (const s of members) for (const t of members) if (s.containerId !== t.containerId && addressed.has(t.containerId)) pairs.push({ from: s.containerId, to: t.containerId });
  const ref = (a: Attachment): { id: string; name: string } => ({ id: a.containerId, name: a.name });
  return {
    network: { id: network.id, name: network.name },
    members: members.map(ref),
    omitted: omitted.map(ref),
    noAddress: members.filter((a) => !addressed.has(a.containerId)).map(ref),
    pairs,
    cap,
  };
}

/** "The matrix is capped at 20 containers: 25 are running on my-net, 5 are left out (x, y, …)." */
export function capText(plan: MatrixPlan): string {
  const total = plan.members.length + plan.omitted.length;
  if (plan.omitted.length === 0) {
    return l10n.t('{0} running containers on {1}, {2} ordered pairs (the matrix is capped at {3} containers).', total, plan.network.name, plan.pairs.length, plan.cap);
  }
  const names = plan.omitted.slice(0, 5).map((o) => o.name).join(', ') + (plan.omitted.length > 5 ? ', …' : '');
  return l10n.t('The matrix is capped at {0} containers: {1} are running on {2}, so {3} are left out ({4}).', plan.cap, total, plan.network.name, plan.omitted.length, names);
}

// ---------------------------------------------------------------------------------------------------------------
// The probe beside the model

/** What the model says about reaching the target AT the probed address (on that network). */
export interface ModelAtAddress {
  reachable: boolean;
  /** The ways that lead to that address (a shared network, via the host, a shared namespace). */
  via: ReachVia[];
  /** In words: "reachable via my-net" / "unreachable: they share no network". */
  text: string;
}

export function modelAt(pair: PairReach, networkId: string): ModelAtAddress {
  const via = pair.via.filter((v) => v.kind === 'shared-namespace' || ((v.kind === 'network' || v.kind === 'host') && v.networkId === networkId));
  if (pair.reachable && via.length > 0) {
    return { reachable: true, via, text: l10n.t('reachable {0}', via.map(describeVia).join('; ')) };
  }
  if (pair.reachable) {
    // Reachable, but not at this address (another network carries it).
    const others = pair.via.map(describeVia).join('; ');
    return { reachable: false, via: [], text: l10n.t('not reachable at this address (only {0})', others) };
  }
  const why = pair.blocked.map(describeBlock).join('; ');
  return { reachable: false, via: [], text: why ? l10n.t('unreachable: {0}', why) : l10n.t('unreachable') };
}

export interface Agreement {
  /** undefined: the probe could not tell. */
  agrees?: boolean;
  text: string;
}

/** The probe beside the model, in one plain sentence; a disagreement says what may be at work. */
export function agreement(model: ModelAtAddress, probe: ProbeResult): Agreement {
  if (probe.verdict === 'inconclusive') {
    return { text: l10n.t('The probe could not tell ({0}). The model says {1}.', probe.reason, model.text) };
  }
  const got = probe.verdict === 'reachable';
  if (got && model.reachable) return { agrees: true, text: l10n.t('Agrees with the model: {0}.', model.text) };
  if (!got && !model.reachable) return { agrees: true, text: l10n.t('Agrees with the model: {0}.', model.text) };
  if (model.reachable) {
    return {
      agrees: false,
      text: l10n.t('The model says {0}, but the probe failed: a firewall or ICC setting may be at work.', model.text),
    };
  }
  return {
    agrees: false,
    text: l10n.t('The model says {0}, but the probe got through: something routes between these networks (a host route, a proxy, or isolation rules that are off, e.g. a daemon with --iptables=false).', model.text),
  };
}

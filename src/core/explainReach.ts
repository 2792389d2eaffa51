// Explain Reachability: why a source container can or cannot reach a target, walked step by step in the order the
// model (./reachability.ts) decides, each step with its evidence from the snapshot: both running; the same network
// namespace (`container:`, host mode); the network modes; the shared networks and, per network, internal, ICC, gateway
// modes and Podman isolation; with no shared network, the isolation between their networks; from a host-mode source,
// the way from the host into each network; the ports the target publishes. It ends with the verdict, checked against
// the model's own answer (reachBetween), and the concrete fixes (./explainFixes.ts). Pure: the panel renders it.
import * as l10n from '@vscode/l10n';
import { fixesFor } from './explainFixes';
import {
  addressText, isolationStep, publishedPortsStep, sharedNetworkStep, viaHostStep, type Judged,
} from './explainSteps';
import type { ExplainStep, ReachExplanation, Side, StepKind } from './explainTypes';
import type { Attachment, NetworkView, Snapshot } from './model';
import { probeNetworks } from './probeTargets';
import { computeReachability, describeBlock, describeVia, reachBetween, type Reachability } from './reachability';
import { HOST_NAMESPACE, isHostless } from './reachIndex';
import type { PairBlock, ReachNode } from './reachTypes';

export type * from './explainTypes';

/** The networks (not host, not none) on which a namespace has a live endpoint, with that endpoint. */
function endpointsOf(snapshot: Snapshot, r: Reachability, ns: string, own?: string): { net: NetworkView; a: Attachment }[] {
  const out: { net: NetworkView; a: Attachment }[] = [];
  for (const net of snapshot.networks) {
    if (net.driver === 'host' || net.driver === 'null') continue;
    const live = net.attachments.filter((a) => {
      const n = r.nodes.get(a.containerId);
      return n?.live === true && n.namespace === ns;
    });
    const a = live.find((x) => x.containerId === own) ?? (own === undefined ? live[0] : undefined);
    if (a) out.push({ net, a });
  }
  return out;
}

function modeText(s: Side): string {
  if (s.node.namespaceOwner) return l10n.t('{0} uses the network namespace of {1} (--network container:{1})', s.node.name, s.root.name);
  if (s.node.mode === 'host') return l10n.t('{0} uses the host\'s network stack (--network host)', s.node.name);
  if (s.node.mode === 'none') return l10n.t('{0} has no network (--network none): loopback only', s.node.name);
  return l10n.t('{0} has a network namespace of its own (network mode {1})', s.node.name, s.mode || 'default');
}

function runningStep(kind: 'source-running' | 'target-running', s: Side): ExplainStep {
  const evidence = [l10n.t('{0}: {1}', s.node.name, s.node.state)];
  if (s.root !== s.node) evidence.push(l10n.t('{0} (whose network namespace it uses): {1}', s.root.name, s.root.state));
  const live = s.node.live;
  const stopped = s.node.state !== 'running' ? s.node : s.root;
  return {
    id: kind, kind, title: kind === 'source-running' ? l10n.t('Is {0} (the source) running?', s.node.name) : l10n.t('Is {0} (the target) running?', s.node.name),
    status: live ? 'pass' : 'fail', evidence,
    result: live
      ? l10n.t('Yes.')
      : stopped === s.node
        ? l10n.t('No: {0} is {1}. A container that is not running reaches nothing and is reached by nobody.', s.node.name, s.node.state)
        : l10n.t('No: {0} is running, but {1}, whose network namespace it uses, is {2}.', s.node.name, s.root.name, s.root.state),
  };
}

function sideOf(snapshot: Snapshot, r: Reachability, node: ReachNode): Side {
  const raw = snapshot.containers.find((c) => c.Id === node.id);
  const root = node.namespaceOwner ? r.nodes.get(node.namespaceOwner) ?? node : node;
  return { node, mode: raw?.HostConfig?.NetworkMode ?? '', root };
}

/**
 * Walks the decision for one ordered pair. `r` is the snapshot's reachability index (computed when not given); the
 * explanation's verdict is compared with reachBetween's (agreesWithModel).
 */
export function explainReach(snapshot: Snapshot, sourceId: string, targetId: string, r: Reachability = computeReachability(snapshot)): ReachExplanation {
  const pair = reachBetween(r, sourceId, targetId);
  const steps: ExplainStep[] = [];
  const blocked: PairBlock[] = [];
  const add = (j: Judged): void => {
    steps.push(j.step);
    blocked.push(...j.blocks);
  };
  const sNode = r.nodes.get(sourceId);
  const tNode = r.nodes.get(targetId);
  const name = (id: string, n: ReachNode | undefined): { id: string; name: string; state?: string } =>
    (n ? { id, name: n.name, state: n.state } : { id, name: id.slice(0, 12) });
  const finish = (reachable: boolean, sides?: { s: Side; t: Side; shared: NetworkView[] }): ReachExplanation => {
    if (!reachable && blocked.length === 0) blocked.push({ kind: 'no-common-network' });
    const firstFailure: StepKind | undefined = reachable ? undefined : steps.find((s) => s.status === 'fail')?.kind;
    const source = name(sourceId, sNode);
    const target = name(targetId, tNode);
    const ways = pair.via.map(describeVia);
    const explanation: ReachExplanation = {
      source, target, steps, reachable, blocked, ways,
      verdict: reachable
        ? l10n.t('{0} can reach {1}: {2}.', source.name, target.name, ways.join('; '))
        : l10n.t('{0} cannot reach {1}: {2}.', source.name, target.name, blocked.map(describeBlock).join('; ')),
      agreesWithModel: reachable === pair.reachable && sameBlocks(blocked, pair.blocked),
      fixes: sides ? fixesFor(snapshot, r, { ...sides, reachable, blocked, firstFailure }) : [],
      probe: probeAim(snapshot, sourceId, targetId, source.name, target.name),
    };
    if (firstFailure) explanation.firstFailure = firstFailure;
    return explanation;
  };

  if (!sNode || !tNode) {
    const missing = [sNode ? undefined : sourceId, tNode ? undefined : targetId].filter((x): x is string => x !== undefined);
    for (const id of missing) blocked.push({ kind: 'unknown-container', id });
    steps.push({
      id: 'exists', kind: 'exists', title: l10n.t('Are both containers on this engine?'), status: 'fail',
      evidence: missing.map((id) => l10n.t('no container {0} in the snapshot', id.slice(0, 12))),
      result: l10n.t('No: the container is gone (removed, or on another engine).'),
    });
    return finish(false);
  }
  const s = sideOf(snapshot, r, sNode);
  const t = sideOf(snapshot, r, tNode);
  steps.push(runningStep('source-running', s), runningStep('target-running', t));
  if (!sNode.live) blocked.push({ kind: 'source-not-running', name: sNode.name, state: sNode.state });
  if (!tNode.live) blocked.push({ kind: 'target-not-running', name: tNode.name, state: tNode.state });
  if (!sNode.live || !tNode.live) return finish(false, { s, t, shared: [] });

  const same = sourceId === targetId || sNode.namespace === tNode.namespace;
  steps.push({
    id: 'namespace', kind: 'namespace', title: l10n.t('Do they share one network namespace?'), status: same ? 'pass' : 'info',
    evidence: sourceId === targetId ? [l10n.t('the same container')] : [modeText(s), modeText(t)],
    result: same
      ? sNode.namespace === HOST_NAMESPACE && sourceId !== targetId
        ? l10n.t('Yes: both are on the host\'s network stack, so they reach each other on localhost.')
        : l10n.t('Yes: they reach each other on localhost.')
      : l10n.t('No: each has its own, so traffic has to cross a network.'),
  });
  if (same) return finish(true, { s, t, shared: [] });

  const none = sNode.mode === 'none' ? s : tNode.mode === 'none' ? t : undefined;
  if (none) {
    blocked.push({ kind: 'no-network', name: none.node.name });
    steps.push({
      id: 'mode', kind: 'mode', title: l10n.t('Does {0} have a network?', none.node.name), status: 'fail', evidence: [modeText(none)],
      result: l10n.t('No: {0} was created with --network none; it has only loopback.', none.node.name),
    });
    return finish(false, { s, t, shared: [] });
  }

  const targetEndpoints = endpointsOf(snapshot, r, tNode.namespace, targetId);
  const targetPorts = r.publishedPorts().filter((p) => p.containerId === targetId).map((p) => p.port);
  if (sNode.mode === 'host') {
    for (const { net, a } of targetEndpoints) add(viaHostStep(net, { name: tNode.name, a }));
    const hostless = onlyHostless(targetEndpoints.map((e) => e.net));
    add(publishedPortsStep(tNode, targetPorts, true, hostless));
    return finish(steps.some((x) => (x.kind === 'via-host' || x.kind === 'published-ports') && x.status === 'pass'), { s, t, shared: [] });
  }

  const sourceEndpoints = endpointsOf(snapshot, r, sNode.namespace);
  const ownOf = (net: NetworkView): Attachment | undefined =>
    net.attachments.find((a) => a.containerId === sourceId) ?? sourceEndpoints.find((e) => e.net.id === net.id)?.a;
  const shared = targetEndpoints.filter((e) => sourceEndpoints.some((x) => x.net.id === e.net.id));
  const sharedStep: ExplainStep = {
    id: 'shared-networks', kind: 'shared-networks', title: l10n.t('Which networks do they share?'),
    status: shared.length > 0 ? 'pass' : 'fail',
    evidence: shared.map(({ net, a }) => l10n.t('{0}: {1} {2}, {3} {4}', net.name, sNode.name, addressText(ownOf(net)), tNode.name, addressText(a))),
    result: tNode.mode === 'host'
      ? l10n.t('None: {0} is on the host\'s stack, with no address on any network. A container on a network reaches the host only through its gateway, which the host\'s firewall decides (not counted).', tNode.name)
      : shared.length > 0 ? l10n.t('{0} shared.', shared.map((e) => e.net.name).join(', ')) : l10n.t('None.'),
  };
  steps.push(sharedStep);
  for (const { net, a } of shared) add(sharedNetworkStep(net, { name: sNode.name, a: ownOf(net) }, { name: tNode.name, a }));
  if (shared.length === 0 && tNode.mode !== 'host') {
    steps.push(isolationStep(sNode.name, sourceEndpoints.map((e) => e.net), tNode.name, targetEndpoints.map((e) => e.net)));
  }
  add(publishedPortsStep(tNode, targetPorts, false, undefined));
  return finish(steps.some((x) => x.kind === 'network' && x.status === 'pass'), { s, t, shared: shared.map((e) => e.net) });
}

/** When every network of the target is a bridge without a host address, the first of them (as the model says). */
function onlyHostless(nets: NetworkView[]): NetworkView | undefined {
  return nets.length > 0 && nets.every(isHostless) ? nets[0] : undefined;
}

function sameBlocks(a: readonly PairBlock[], b: readonly PairBlock[]): boolean {
  const key = (list: readonly PairBlock[]): string => list.map((x) => JSON.stringify(x)).sort().join('\n');
  return key(a) === key(b);
}

/** Where Probe now would aim: the target's address on a network they share, else on its first network with one. */
function probeAim(snapshot: Snapshot, sourceId: string, targetId: string, sourceName: string, targetName: string): ReachExplanation['probe'] {
  const source = snapshot.containers.find((c) => c.Id === sourceId);
  if (!source) return { unavailable: l10n.t('{0} is not on this engine.', sourceName) };
  if (source.State !== 'running') return { unavailable: l10n.t('{0} is not running: a probe runs inside it.', sourceName) };
  const aim = probeNetworks(snapshot, sourceId, targetId)[0];
  if (!aim) return { unavailable: l10n.t('{0} has no address on any network: there is nothing to probe.', targetName) };
  return { networkId: aim.network.id, networkName: aim.network.name, address: aim.address };
}

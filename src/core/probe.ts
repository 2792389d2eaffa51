// The pure half of Check Connectivity: which command a probe runs (argv, never a shell string), how its exit code and
// output are read (reachable, unreachable, or "this tool cannot tell": missing, no permission, wrong options), the
// latency from ping's output, which address a probe may target at all, and the sentence that sets the probe beside
// the computed reachability (src/core/reachability.ts). The engine calls live in src/docker/probe.ts.
//
// Safety rule: a probe only ever targets an address that a container of this engine holds on one of this engine's
// networks, read from the snapshot (probeTarget). Nothing else can be named: there is no "probe this IP" entry point.
import * as l10n from '@vscode/l10n';
import { describeBlock, describeVia, type PairReach, type ReachVia } from './reachability';
import type { Attachment, NetworkView, Snapshot } from './model';

export type ProbeTool = 'ping' | 'nc' | 'wget';

/** One command to run inside the source container. */
export interface ProbeStep {
  tool: ProbeTool;
  argv: string[];
  /** nc / wget: the target's port the step connects to. */
  port?: number;
}

/** What one exec of a step gave. exitCode null: the engine did not report one (the exec was cut off). */
export interface ExecOutcome {
  exitCode: number | null;
  output: string;
  timedOut: boolean;
  /** Wall time of the exec, engine round trips included. */
  ms: number;
}

/** reachable / unreachable: the tool answered the question. unusable: it could not (missing, refused, wrong options). */
export type StepVerdict = 'reachable' | 'unreachable' | 'unusable';

export interface StepResult {
  tool: ProbeTool;
  argv: string[];
  exitCode: number | null;
  verdict: StepVerdict;
  /** Why, in a few words ("no reply", "ping is not installed in the source image", …). */
  reason: string;
  /** ping: the round-trip time it printed. */
  latencyMs?: number;
  /** The tool's output, trimmed to a few lines. */
  output: string;
}

/** The probe's answer: the last step that could tell, and every step that ran (in order). */
export interface ProbeResult {
  verdict: 'reachable' | 'unreachable' | 'inconclusive';
  tool?: ProbeTool;
  /** The command that gave the verdict (or the last one tried). */
  argv?: string[];
  latencyMs?: number;
  reason: string;
  steps: StepResult[];
}

/** Seconds each tool waits for an answer (`-W 1`, `-w 1`, `-T 1`): a probe is always bounded. */
export const PROBE_WAIT_SECONDS = 1;
/** The engine-side deadline of one exec (create + start + output + inspect). */
export const EXEC_TIMEOUT_MS = 5000;
/** The matrix runs every ordered pair of at most this many running containers. */
export const MATRIX_CAP = 20;

/** A port a fallback may use: container side, TCP only (nc -z and wget speak TCP). */
export interface ProbePort {
  port: number;
  protocol: string;
}

/**
 * The steps, in order: ping; then, for the first TCP port the target exposes or publishes, nc -z, a plain nc connect
 * (BusyBox builds without -z) and wget. Every step waits at most PROBE_WAIT_SECONDS for the network.
 * The address is the target's own address on the chosen network (container side of any port mapping).
 */
export function probePlan(address: string, ports: readonly ProbePort[]): ProbeStep[] {
  const w = String(PROBE_WAIT_SECONDS);
  const steps: ProbeStep[] = [{ tool: 'ping', argv: ['ping', '-c', '1', '-W', w, address] }];
  const tcp = ports.find((p) => p.protocol === 'tcp' && Number.isInteger(p.port) && p.port > 0 && p.port < 65536);
  if (tcp) {
    const port = String(tcp.port);
    const host = address.includes(':') ? `[${address}]` : address;
    steps.push({ tool: 'nc', argv: ['nc', '-z', '-w', w, address, port], port: tcp.port });
    // BusyBox builds without -z: a plain connect (stdin is empty under exec, so nc returns as soon as it connects).
    steps.push({ tool: 'nc', argv: ['nc', '-w', w, address, port], port: tcp.port });
    steps.push({ tool: 'wget', argv: ['wget', '-T', w, '-q', '-O', '/dev/null', `http://${host}:${port}/`], port: tcp.port });
  }
  return steps;
}

/** The round-trip time ping printed: `time=0.094 ms` (busybox, iputils), `time<1ms`, or the rtt summary line. */
export function parsePingLatency(output: string): number | undefined {
  const reply = /\btime[=<]\s*([0-9]+(?:\.[0-9]+)?)\s*ms\b/i.exec(output);
  if (reply) return Number(reply[1]);
  const summary = /(?:round-trip|rtt)[^=]*=\s*([0-9]+(?:\.[0-9]+)?)\/([0-9]+(?:\.[0-9]+)?)\//i.exec(output);
  return summary ? Number(summary[2]) : undefined;
}

const MISSING = /executable file not found|not found in \$?PATH|no such file or directory|applet not found|: not found\b|command not found/i;
const NOT_ALLOWED = /permission denied|operation not permitted|are you root/i;
const BAD_USAGE = /invalid option|unrecognized option|illegal option|\busage:/i;

/** Reads one step's outcome. */
export function judgeStep(step: ProbeStep, outcome: ExecOutcome): StepResult {
  const { exitCode, output, timedOut } = outcome;
  const base = { tool: step.tool, argv: step.argv, exitCode, output: trimOutput(output) };
  const unusable = (reason: string): StepResult => ({ ...base, verdict: 'unusable', reason });
  if (timedOut) return unusable(l10n.t('{0} did not finish within {1} ms', step.tool, EXEC_TIMEOUT_MS));
  if (exitCode === 126 || exitCode === 127 || (exitCode !== 0 && MISSING.test(output))) {
    return unusable(l10n.t('{0} is not installed in the source container', step.tool));
  }
  if (exitCode !== 0 && NOT_ALLOWED.test(output)) return unusable(l10n.t('{0} is not allowed in the source container (no permission)', step.tool));
  if (exitCode !== 0 && BAD_USAGE.test(output)) return unusable(l10n.t('this {0} does not support {1}', step.tool, step.argv.slice(1, 3).join(' ')));
  if (exitCode === null) return unusable(l10n.t('the engine reported no exit code'));
  // A crash (signal) says nothing about the network.
  if (exitCode > 128) return unusable(l10n.t('{0} crashed (exit code {1})', step.tool, exitCode));
  switch (step.tool) {
    case 'ping': {
      if (exitCode === 0) {
        const latencyMs = parsePingLatency(output);
        const result: StepResult = { ...base, verdict: 'reachable', reason: l10n.t('got a reply') };
        if (latencyMs !== undefined) result.latencyMs = latencyMs;
        return result;
      }
      if (/network is unreachable|no route to host/i.test(output)) return { ...base, verdict: 'unreachable', reason: l10n.t('no route to the address') };
      return { ...base, verdict: 'unreachable', reason: l10n.t('no reply within {0} s', PROBE_WAIT_SECONDS) };
    }
    case 'nc':
      if (exitCode === 0) return { ...base, verdict: 'reachable', reason: l10n.t('TCP port {0} accepted the connection', step.port ?? '?') };
      if (/connection refused/i.test(output)) return { ...base, verdict: 'reachable', reason: l10n.t('the target refused port {0}: it answered, nothing listens there', step.port ?? '?') };
      return { ...base, verdict: 'unreachable', reason: l10n.t('no TCP connection to port {0} within {1} s', step.port ?? '?', PROBE_WAIT_SECONDS) };
    case 'wget': {
      if (exitCode === 0) return { ...base, verdict: 'reachable', reason: l10n.t('HTTP answer from port {0}', step.port ?? '?') };
      // An HTTP error or a refused connection both came back from the target: the address is reachable.
      if (/server returned error|HTTP\/\d/i.test(output)) return { ...base, verdict: 'reachable', reason: l10n.t('HTTP error from port {0}: the target answered', step.port ?? '?') };
      if (/connection refused/i.test(output)) return { ...base, verdict: 'reachable', reason: l10n.t('the target refused port {0}: it answered, nothing listens there', step.port ?? '?') };
      return { ...base, verdict: 'unreachable', reason: l10n.t('no answer from port {0} within {1} s', step.port ?? '?', PROBE_WAIT_SECONDS) };
    }
  }
}

/** The overall answer from the steps that ran, in order (the runner stops at the first step that could tell). */
export function summarizeProbe(steps: readonly StepResult[], plan?: readonly ProbeStep[]): ProbeResult {
  const decisive = steps.find((s) => s.verdict !== 'unusable');
  if (decisive) {
    const r: ProbeResult = { verdict: decisive.verdict === 'reachable' ? 'reachable' : 'unreachable', tool: decisive.tool, argv: decisive.argv, reason: decisive.reason, steps: [...steps] };
    if (decisive.latencyMs !== undefined) r.latencyMs = decisive.latencyMs;
    return r;
  }
  const last = steps[steps.length - 1];
  const reasons = steps.map((s) => s.reason);
  if (plan && plan.length === 1 && steps.length > 0) {
    reasons.push(l10n.t('the target exposes no TCP port for nc or wget to try'));
  }
  const r: ProbeResult = { verdict: 'inconclusive', reason: reasons.join('; ') || l10n.t('nothing ran'), steps: [...steps] };
  if (last) {
    r.tool = last.tool;
    r.argv = last.argv;
  }
  return r;
}

/** Whether the runner goes on with the next step after this one. */
export function shouldContinue(result: StepResult): boolean {
  return result.verdict === 'unusable';
}

/** The command as it is shown: the argv, each element quoted only when it needs it (`["ping","-c","1",…]`). */
export function formatArgv(argv: readonly string[]): string {
  return JSON.stringify(argv);
}

function trimOutput(s: string): string {
  const lines = s.replace(/\r/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
  const kept = lines.slice(0, 8).join('\n');
  return kept.length > 800 ? `${kept.slice(0, 800)}…` : kept;
}

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

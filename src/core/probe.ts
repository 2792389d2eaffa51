// The pure half of Check Connectivity: which command a probe runs (argv, never a shell string), how its exit code and
// output are read (reachable, unreachable, or "this tool cannot tell": missing, no permission, wrong options) and the
// latency from ping's output. What may be probed, the matrix and the sentence that sets a probe beside the computed
// reachability are ./probeTargets.ts; the engine calls live in src/docker/probe.ts.
import * as l10n from '@vscode/l10n';
import { formatDuration } from './localeFormat';

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
  if (timedOut) return unusable(l10n.t('{0} did not finish within {1}', step.tool, formatDuration(EXEC_TIMEOUT_MS)));
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

// Check Connectivity's engine half: runs a bounded probe inside the source container through the exec API
// (create + start, output demultiplexed, exit code read back), never through a shell. Which commands and how their
// output is read: src/core/probe.ts.
//
// What may be probed: only an address that src/core/probe.ts#probeTarget resolved from the snapshot (a container of
// this engine on one of this engine's networks). This module has no entry point that takes an address.
import { Writable, type Duplex } from 'node:stream';
import type { Snapshot } from '../core/model';
import {
  EXEC_TIMEOUT_MS, judgeStep, probePlan, shouldContinue, summarizeProbe, type ExecOutcome, type ProbeResult, type StepResult,
} from '../core/probe';
import { probeTarget, ProbeTargetError, type ProbeTarget } from '../core/probeTargets';
import { EngineError, TimeoutError } from '../core/errors';
import type { Engine } from './client';

/** Most output kept from one exec. */
const MAX_OUTPUT = 16 * 1024;

/**
 * Runs argv inside a running container (no TTY, no stdin) and waits for it, at most `timeoutMs` in all. A deadline
 * cuts the output stream off and reports `timedOut` (the tools we run end by themselves within their own -W/-w/-T).
 */
export async function execInContainer(engine: Engine, containerId: string, argv: readonly string[], timeoutMs = EXEC_TIMEOUT_MS): Promise<ExecOutcome> {
  const started = Date.now();
  const left = (): number => Math.max(1, timeoutMs - (Date.now() - started));
  const container = engine.docker.getContainer(containerId);
  const exec = await engine.call(`create a probe in ${containerId.slice(0, 12)}`,
    () => container.exec({ Cmd: [...argv], AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false }), left());
  const stream = await engine.call(`start a probe in ${containerId.slice(0, 12)}`,
    () => exec.start({ hijack: true, stdin: false }) as Promise<Duplex>, left());
  const output = await readDemuxed(engine, stream, left());
  if (output.timedOut) return { exitCode: null, output: output.text, timedOut: true, ms: Date.now() - started };
  // The stream ends when the process does; the exit code may take a moment more to be recorded.
  let exitCode: number | null = null;
  for (let i = 0; i < 20; i++) {
    const info = await engine.call('read the probe\'s exit code', () => exec.inspect(), left());
    if (!info.Running && info.ExitCode !== null) {
      exitCode = info.ExitCode;
      break;
    }
    if (Date.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { exitCode, output: output.text, timedOut: false, ms: Date.now() - started };
}

/**
 * Reads the exec's multiplexed stream with docker-modem's own demultiplexer, stdout and stderr merged and capped at
 * MAX_OUTPUT; ends at the stream's end or at the deadline (then the stream is destroyed).
 */
function readDemuxed(engine: Engine, stream: Duplex, timeoutMs: number): Promise<{ text: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let size = 0;
    let done = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback): void {
        if (size < MAX_OUTPUT) parts.push(chunk.subarray(0, MAX_OUTPUT - size));
        size += chunk.length;
        callback();
      },
    });
    const finish = (timedOut: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stream.removeAllListeners('data');
      if (timedOut) stream.destroy();
      resolve({ text: Buffer.concat(parts).toString('utf8'), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    engine.docker.modem.demuxStream(stream, sink, sink);
    stream.on('end', () => finish(false));
    stream.on('close', () => finish(false));
    stream.on('error', () => finish(false));
  });
}

export interface PairProbe {
  target: ProbeTarget;
  result: ProbeResult;
}

/** Runs one command; tests replace it to check the plan without an engine. */
export type ExecFn = (containerId: string, argv: readonly string[]) => Promise<ExecOutcome>;

/**
 * Probes `targetId`'s address on `networkId` from inside `sourceId`: ping, then (ping missing or not allowed) nc -z and
 * wget on an exposed or published TCP port. The address comes from the snapshot alone (probeTarget asserts it
 * belongs to a container of this engine on this engine's network) and is checked again right before each exec.
 */
export async function probePair(engine: Engine, snapshot: Snapshot, sourceId: string, targetId: string, networkId: string,
  exec: ExecFn = (id, argv) => execInContainer(engine, id, argv)): Promise<PairProbe> {
  const target = probeTarget(snapshot, sourceId, targetId, networkId);
  const plan = probePlan(target.address, target.ports);
  const steps: StepResult[] = [];
  for (const step of plan) {
    assertOwnAddress(step.argv, target);
    let outcome: ExecOutcome;
    try {
      outcome = await exec(target.source.id, step.argv);
    } catch (err) {
      // Engine.call reports its deadline as an EngineError of kind timeout (a bare TimeoutError only from a caller's exec)
      const timedOut = err instanceof TimeoutError || (err instanceof EngineError && err.kind === 'timeout');
      if (timedOut) outcome = { exitCode: null, output: err.message, timedOut: true, ms: EXEC_TIMEOUT_MS };
      else throw err;
    }
    const judged = judgeStep(step, outcome);
    steps.push(judged);
    if (!shouldContinue(judged)) break;
  }
  return { target, result: summarizeProbe(steps, plan) };
}

/** Belt and braces: the command names the resolved address and nothing else that looks like an address. */
function assertOwnAddress(argv: readonly string[], target: ProbeTarget): void {
  const host = target.address.includes(':') ? `[${target.address}]` : target.address;
  const ok = argv.some((a) => a === target.address || a.startsWith(`http://${host}:`));
  if (!ok) throw new ProbeTargetError(`refusing to run a probe that does not target ${target.address}`);
}

// Resolve's engine half: asks the container's own resolver for a name through exec (src/core/resolve.ts says which
// commands and how to read them), each exec bounded by the probe's deadline; a missing tool moves on to the next.
import { EngineError, TimeoutError } from '../core/errors';
import { EXEC_TIMEOUT_MS, type ExecOutcome } from '../core/probe';
import { judgeResolve, resolvePlan, unavailableResolve, type ResolveResult } from '../core/resolve';
import type { Engine } from './client';
import { execInContainer, type ExecFn } from './probe';

export async function resolveIn(engine: Engine, containerId: string, name: string,
  exec: ExecFn = (id, argv) => execInContainer(engine, id, argv)): Promise<ResolveResult> {
  const plan = resolvePlan(name);
  for (const step of plan) {
    let outcome: ExecOutcome;
    try {
      outcome = await exec(containerId, step.argv);
    } catch (err) {
      const timedOut = err instanceof TimeoutError || (err instanceof EngineError && err.kind === 'timeout');
      if (!timedOut) throw err;
      outcome = { exitCode: null, output: err.message, timedOut: true, ms: EXEC_TIMEOUT_MS };
    }
    const judged = judgeResolve(step, name, outcome);
    if (judged) return judged;
  }
  return unavailableResolve(name, plan);
}

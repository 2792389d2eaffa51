// The undo of a Run that failed half-way, when the engine cannot take it at once: a container was created, its start
// failed, and removing it failed too (the engine died between the two, or restarts). The created container would stay
// behind, holding its name and its static address, with nobody knowing. It is removed as soon as the engine answers
// again, and only while it is still a container nobody ever started: if someone started it meanwhile, it is theirs.
import { Backoff } from '../core/backoff';
import { classifyError } from '../core/errors';
import type { Engine } from './client';

/** How long to keep trying: an engine that is gone for longer is not coming back for this. */
export const UNDO_GIVE_UP_MS = 10 * 60_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/** Pending undos by container id (one per container, whatever asked twice). */
const pending = new Map<string, Promise<UndoOutcome>>();

export type UndoOutcome = 'removed' | 'gone' | 'started' | 'gave-up';

/** Removes the container `id` once the engine answers, unless it was started meanwhile. Resolves with what happened. */
export function removeWhenBack(engine: Engine, id: string, giveUpMs = UNDO_GIVE_UP_MS): Promise<UndoOutcome> {
  let p = pending.get(id);
  if (!p) {
    p = retry(engine, id, Date.now() + giveUpMs).finally(() => pending.delete(id));
    pending.set(id, p);
  }
  return p;
}

async function retry(engine: Engine, id: string, deadline: number): Promise<UndoOutcome> {
  const backoff = new Backoff(FIRST_RETRY_MS, MAX_RETRY_MS);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, backoff.next()));
    try {
      const c = engine.docker.getContainer(id);
      const info = await engine.call(`check the container a failed Run left (${id.slice(0, 12)})`, () => c.inspect());
      // Never started (StartedAt is the zero time) and not running: still the half-made Run.
      if (info.State.Running || !info.State.StartedAt.startsWith('0001-')) return 'started';
      await engine.call(`remove the container a failed Run left (${id.slice(0, 12)})`, () => c.remove({ force: true }));
      return 'removed';
    } catch (err) {
      if (classifyError(err).kind === 'notFound') return 'gone';
    }
  }
  return 'gave-up';
}

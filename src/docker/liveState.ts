// What the live model (./live.ts) says about its engine, and how it can be tuned.
import type { NetworkView, Snapshot } from '../core/model';
import type { EngineError } from '../core/errors';
import type { Stale } from '../core/stale';

export type LiveState =
  | { kind: 'idle' }
  /** `networks`: the first network list, shown while the container list is still on its way (no attachments yet:
   * nothing may read them as empty networks). */
  | { kind: 'connecting'; networks?: NetworkView[] }
  | { kind: 'connected'; snapshot: Snapshot; stale?: Stale }
  | { kind: 'disconnected'; error: EngineError; snapshot?: undefined };

export interface LiveOptions {
  /** Three events within this are a burst (src/core/burst.ts); a burst is read after this much quiet. */
  debounceMs?: number;
  /** Longest an event may wait while a burst goes on. */
  maxWaitMs?: number;
  /** An isolated event is read after this (events inside the window join it: one API call's events come within a
   * few milliseconds of each other). */
  settleMs?: number;
}

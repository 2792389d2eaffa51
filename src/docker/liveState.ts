// What the live model (./live.ts) says about its engine, and how it can be tuned.
import type { Snapshot } from '../core/model';
import type { EngineError } from '../core/errors';
import type { Stale } from '../core/stale';

export type LiveState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; snapshot: Snapshot; stale?: Stale }
  | { kind: 'disconnected'; error: EngineError; snapshot?: undefined };

export interface LiveOptions {
  /** Events closer than this are a burst; a burst is read after this much quiet. */
  debounceMs?: number;
  /** Longest an event may wait while a burst goes on. */
  maxWaitMs?: number;
  /** An isolated event is read after this (events inside the window join it). */
  settleMs?: number;
}

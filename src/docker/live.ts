// The live model: the latest snapshot of one engine, kept current by its event stream.
// Events are debounced (a burst of changes costs a few rebuilds, not one per event) with a ceiling so a
// never-ending burst still shows progress; at most one snapshot is in flight and a change seen meanwhile
// schedules exactly one more.
import type { Snapshot } from '../core/model';
import type { EngineError } from '../core/errors';
import { classifyError } from '../core/errors';
import type { Engine } from './client';
import { Emitter } from './emitter';
import { EventFollower, type EngineEvent } from './events';
import { takeSnapshot } from './snapshot';
import { engineInfo } from './actions';

export type LiveState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; snapshot: Snapshot }
  | { kind: 'disconnected'; error: EngineError; snapshot?: undefined };

export interface LiveOptions {
  /** Quiet time after the last event before rebuilding. */
  debounceMs?: number;
  /** Longest an event may wait while events keep coming. */
  maxWaitMs?: number;
}

export class LiveModel {
  private readonly changed = new Emitter<LiveState>();
  private readonly eventSeen = new Emitter<EngineEvent>();
  readonly onDidChange = this.changed.event;
  /** Every relevant engine event, before debouncing (open documents use it to know what to re-read). */
  readonly onEvent = this.eventSeen.event;

  private current: LiveState = { kind: 'idle' };
  private follower?: EventFollower;
  private debounceTimer?: NodeJS.Timeout;
  private firstPendingAt?: number;
  private inFlight?: Promise<void>;
  private again = false;
  private disposed = false;
  /** Snapshot rebuilds so far (the benchmark counts them). */
  rebuilds = 0;
  /** Read once per (re)connection: a Swarm manager's snapshot also lists services. */
  private swarmManager = false;

  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(readonly engine: Engine, options: LiveOptions = {}) {
    this.debounceMs = options.debounceMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? 400;
  }

  get state(): LiveState {
    return this.current;
  }

  get snapshot(): Snapshot | undefined {
    return this.current.kind === 'connected' ? this.current.snapshot : undefined;
  }

  /** Starts following events and takes the first snapshot. Idempotent. */
  start(): void {
    if (this.follower || this.disposed) return;
    this.set({ kind: 'connecting' });
    this.follower = new EventFollower(this.engine, {
      event: (e) => {
        this.eventSeen.fire(e);
        // `swarm init` / `swarm leave` create or remove the ingress network: the manager role may have changed.
        if (e.Type === 'network' && e.Actor?.Attributes?.name === 'ingress') void this.checkSwarm();
        this.schedule();
      },
      connected: () => void this.onConnected(),
      disconnected: (error) => this.set({ kind: 'disconnected', error }),
    });
    this.follower.start();
  }

  /**
   * Whether the engine is a Swarm manager is read once per connection (not per refresh), in parallel with the first
   * snapshot so it costs the first paint nothing; when it turns out to be a manager, one more refresh adds services.
   */
  private async checkSwarm(): Promise<void> {
    const manager = await engineInfo(this.engine).then((i) => i.swarmManager, () => false);
    if (manager === this.swarmManager || this.disposed) return;
    this.swarmManager = manager;
    await this.refresh();
  }

  private async onConnected(): Promise<void> {
    await Promise.all([this.refresh(), this.checkSwarm()]);
  }

  /** Rebuilds now (coalesced with one in flight). Resolves when the model reflects the engine as of this call. */
  refresh(): Promise<void> {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.firstPendingAt = undefined;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight.then(() => this.inFlight ?? Promise.resolve());
    }
    this.inFlight = this.rebuild().finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.inFlight;
  }

  /** Retry after a failure: reopen the event stream now rather than at the end of the backoff. */
  retry(): Promise<void> {
    this.follower?.retryNow();
    return this.refresh();
  }

  private schedule(): void {
    const now = Date.now();
    this.firstPendingAt ??= now;
    clearTimeout(this.debounceTimer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.debounceTimer = setTimeout(() => void this.refresh(), wait);
  }

  private async rebuild(): Promise<void> {
    try {
      const snapshot = await takeSnapshot(this.engine, { swarmManager: this.swarmManager });
      this.rebuilds++;
      if (!this.disposed) this.set({ kind: 'connected', snapshot });
    } catch (err) {
      if (!this.disposed) this.set({ kind: 'disconnected', error: classifyError(err, { endpoint: this.engine.resolved.display }) });
    }
  }

  private set(state: LiveState): void {
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounceTimer);
    this.follower?.dispose();
    this.changed.dispose();
    this.eventSeen.dispose();
  }
}

// The live model: the latest snapshot of one engine, kept current by its event stream.
// An isolated change is rebuilt after a short settle time (fast feedback); events closer together than the debounce
// are a burst, rebuilt after a quiet period with a ceiling so a never-ending burst still shows progress. At most one
// snapshot is in flight and a change seen meanwhile schedules exactly one more. Because the engine's lists lag its
// events, what the events announced is checked in each new snapshot and re-checked shortly while it is missing.
import type { Snapshot } from '../core/model';
import type { EngineError } from '../core/errors';
import { classifyError } from '../core/errors';
import type { Engine } from './client';
import { Emitter } from './emitter';
import { EventFollower, type EngineEvent } from './events';
import { takeSnapshot } from './snapshot';
import { engineInfo } from './actions';
import { Expectations } from '../core/expectations';

const RECHECK_MIN_MS = 30;
const RECHECK_MAX_MS = 480;

export type LiveState =
  | { kind: 'idle' }
  | { kind: 'connecting' }
  | { kind: 'connected'; snapshot: Snapshot }
  | { kind: 'disconnected'; error: EngineError; snapshot?: undefined };

export interface LiveOptions {
  /** Events closer than this are a burst; a burst is rebuilt after this much quiet. */
  debounceMs?: number;
  /** Longest an event may wait while a burst goes on. */
  maxWaitMs?: number;
  /** An isolated event is rebuilt after this (events inside the window join it). */
  settleMs?: number;
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
  private lastEventAt = -Infinity;
  private settling = false;
  private readonly expectations = new Expectations();
  private recheckTimer?: NodeJS.Timeout;
  private recheckDelay = RECHECK_MIN_MS;
  /** Rebuilds made only to re-check a change the lists did not show yet (counted in `rebuilds` too). */
  rechecks = 0;
  private inFlight?: Promise<void>;
  private again = false;
  private disposed = false;
  /** Snapshot rebuilds so far (the benchmark counts them). */
  rebuilds = 0;
  /** Read once per (re)connection: a Swarm manager's snapshot also lists services. */
  private swarmManager = false;

  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly settleMs: number;

  constructor(readonly engine: Engine, options: LiveOptions = {}) {
    this.debounceMs = options.debounceMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    this.settleMs = options.settleMs ?? 30;
  }

  get state(): LiveState {
    return this.current;
  }

  get snapshot(): Snapshot | undefined {
    return this.current.kind === 'connected' ? this.current.snapshot : undefined;
  }

  /**
   * Starts following events and takes the first snapshot, both at once: the stream replays events from just before
   * the snapshot (`since`), so opening it first is not needed to miss nothing. Idempotent.
   */
  start(): void {
    if (this.follower || this.disposed) return;
    this.set({ kind: 'connecting' });
    let opened = false;
    this.follower = new EventFollower(this.engine, {
      event: (e) => {
        this.eventSeen.fire(e);
        // `swarm init` / `swarm leave` create or remove the ingress network: the manager role may have changed.
        if (e.Type === 'network' && e.Actor?.Attributes?.name === 'ingress') void this.checkSwarm();
        this.expectations.note(e);
        this.schedule();
      },
      connected: () => {
        // The first opening is covered by the parallel snapshot (in flight or done); otherwise (a break, or that
        // snapshot failed) changes may have been missed: take a new one.
        const covered = !opened && (this.inFlight !== undefined || this.current.kind === 'connected');
        opened = true;
        if (!covered) void this.onConnected();
      },
      disconnected: (error) => this.set({ kind: 'disconnected', error }),
    }, Math.floor(Date.now() / 1000) - 1);
    this.follower.start();
    void this.onConnected();
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
    this.settling = false;
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
    const gap = now - this.lastEventAt;
    this.lastEventAt = now;
    if (this.settling) return; // joins the isolated change about to be rebuilt
    this.firstPendingAt ??= now;
    clearTimeout(this.debounceTimer);
    const isolated = gap >= this.debounceMs && !this.debounceTimer;
    this.settling = isolated;
    const quiet = isolated ? this.settleMs : this.debounceMs;
    const wait = Math.max(0, Math.min(quiet, this.firstPendingAt + this.maxWaitMs - now));
    this.debounceTimer = setTimeout(() => void this.refresh(), wait);
  }

  /** After a rebuild: while something the events announced is missing, look again a little later (with backoff). */
  private recheck(missing: boolean): void {
    clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
    if (!missing || this.recheckDelay > RECHECK_MAX_MS) {
      // Caught up, or the engine disagrees with its own events for too long: the next event rebuilds anyway.
      if (missing) this.expectations.clear();
      this.recheckDelay = RECHECK_MIN_MS;
      return;
    }
    const delay = this.recheckDelay;
    this.recheckDelay *= 2;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      if (this.debounceTimer || this.inFlight || this.disposed) return; // a rebuild is coming anyway
      this.rechecks++;
      void this.refresh();
    }, delay);
  }

  private async rebuild(): Promise<void> {
    const asked = this.expectations.pending();
    try {
      const snapshot = await takeSnapshot(this.engine, { swarmManager: this.swarmManager });
      this.rebuilds++;
      if (this.disposed) return;
      this.recheck(this.expectations.settle(snapshot, asked));
      this.set({ kind: 'connected', snapshot });
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
    clearTimeout(this.recheckTimer);
    this.follower?.dispose();
    this.changed.dispose();
    this.eventSeen.dispose();
  }
}

// The live model: the latest snapshot of one engine, kept current by its event stream.
// It keeps the engine's raw lists (networks and containers by id, a Swarm manager's services) and joins them again
// after every change with the join a full snapshot uses (src/core/rawState.ts). A batch of events is applied with
// targeted reads (src/core/changes.ts: the containers it names in one filtered list call, each network it creates
// with an inspect); a full snapshot (both lists) is read on (re)connection, on refresh()/retry(), for a large batch
// or a Swarm service event, and when targeted re-checks keep disagreeing with what an event announced.
// An isolated change is read after a short settle time (fast feedback); three events within the debounce
// (src/core/burst.ts) are a burst, read after a quiet period with a ceiling so a never-ending burst still shows
// progress. At most one read is in flight and a change seen meanwhile schedules exactly one more. Because the
// engine's lists lag its events, what the events announced is checked after each read and re-checked shortly while
// it is missing.
// A read that fails while the stream is healthy keeps the last snapshot, marked stale, and retries a full one with
// backoff; no event is needed to heal. The very first read tells the network list as soon as it answers
// (`connecting` with networks): the tree draws the networks before the longer container list arrives.
import type { RawNetwork, Snapshot } from '../core/model';
import type { EngineError } from '../core/errors';
import { classifyError } from '../core/errors';
import { Backoff } from '../core/backoff';
import { BurstMeter } from '../core/burst';
import { ChangeBatch } from '../core/changes';
import { Expectations } from '../core/expectations';
import { RawState, snapshotOf } from '../core/rawState';
import type { Engine } from './client';
import { Emitter } from './emitter';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, EventFollower, type EngineEvent } from './events';
import { applyPatch } from './patch';
import { readLists } from './snapshot';
import { isSwarmManager } from './actions';
import type { LiveOptions, LiveState } from './liveState';

const RECHECK_MIN_MS = 30;
const RECHECK_MAX_MS = 480;

export type { LiveOptions, LiveState } from './liveState';

export class LiveModel {
  private readonly changed = new Emitter<LiveState>();
  private readonly eventSeen = new Emitter<EngineEvent>();
  readonly onDidChange = this.changed.event;
  /** Every relevant engine event, before debouncing (open documents use it to know what to re-read). */
  readonly onEvent = this.eventSeen.event;
  private readonly imageSeen = new Emitter<EngineEvent>();
  /** Image events: they change nothing here, the Run form's image list follows them. */
  readonly onImageEvent = this.imageSeen.event;

  private current: LiveState = { kind: 'idle' };
  private follower?: EventFollower;
  private streamUp = false;
  private debounceTimer?: NodeJS.Timeout;
  private firstPendingAt?: number;
  private readonly bursts: BurstMeter;
  private settling = false;
  /** The engine's lists as last read; undefined until the first full snapshot. */
  private raw?: RawState;
  /** What the events since the last read ask to read again. */
  private readonly batch = new ChangeBatch();
  /** The next read must be a full snapshot (refresh, a failure to heal, a re-check that targeted reads did not settle). */
  private fullWanted = false;
  private readonly expectations = new Expectations();
  private recheckTimer?: NodeJS.Timeout;
  private recheckDelay = RECHECK_MIN_MS;
  private healTimer?: NodeJS.Timeout;
  private readonly heal = new Backoff(BACKOFF_MIN_MS, BACKOFF_MAX_MS);
  /** Reads made only to re-check a change the lists did not show yet (counted in `patches` or `rebuilds` too). */
  rechecks = 0;
  private inFlight?: Promise<void>;
  private again = false;
  private disposed = false;
  /** Full snapshots so far (the benchmark counts them). */
  rebuilds = 0;
  /** Targeted patches so far: batches applied with reads of only what their events named. */
  patches = 0;
  /** Read once per (re)connection: a Swarm manager's snapshot also lists services. */
  private swarmManager = false;

  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly settleMs: number;

  constructor(readonly engine: Engine, options: LiveOptions = {}) {
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 3000;
    this.settleMs = options.settleMs ?? 20;
    this.bursts = new BurstMeter(this.debounceMs);
  }

  get state(): LiveState {
    return this.current;
  }

  get snapshot(): Snapshot | undefined {
    return this.current.kind === 'connected' ? this.current.snapshot : undefined;
  }

  /** Nothing is pending: no read in flight or scheduled, no re-check, no retry. */
  get settled(): boolean {
    return !this.inFlight && !this.debounceTimer && !this.recheckTimer && !this.healTimer && this.batch.empty;
  }

  /** Follows events and takes the first snapshot at once (the stream replays from just before it). Idempotent. */
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
        this.batch.add(e);
        this.schedule();
      },
      image: (e) => this.imageSeen.fire(e),
      connected: () => {
        this.streamUp = true;
        // The first opening is covered by the parallel snapshot (in flight or done); otherwise (a break, or that
        // snapshot failed) changes may have been missed: take a new one.
        const covered = !opened && (this.inFlight !== undefined || this.current.kind === 'connected');
        opened = true;
        if (!covered) void this.onConnected();
      },
      disconnected: (error) => {
        // The reconnection takes a full snapshot: no retry of our own meanwhile.
        this.streamUp = false;
        clearTimeout(this.healTimer);
        this.healTimer = undefined;
        this.set({ kind: 'disconnected', error });
      },
    }, Math.floor(Date.now() / 1000) - 1);
    this.follower.start();
    void this.onConnected();
  }

  /** Swarm manager? Asked once per connection after the first snapshot; a manager gets one more refresh (services). */
  private async checkSwarm(): Promise<void> {
    const manager = await isSwarmManager(this.engine).catch(() => false);
    if (manager === this.swarmManager || this.disposed) return;
    this.swarmManager = manager;
    await this.refresh();
  }

  private async onConnected(): Promise<void> {
    // The lists first, with nothing beside them: the question of Swarm (`GET /info` on older engines, tens of
    // milliseconds of the engine's time) waits for the first picture.
    await this.refresh();
    await this.checkSwarm();
  }

  /** Takes a full snapshot now (coalesced with a read in flight). Resolves when the model reflects the engine as of this call. */
  refresh(): Promise<void> {
    this.fullWanted = true;
    return this.kick();
  }

  /** Retry after a failure: reopen the event stream now rather than at the end of the backoff. */
  retry(): Promise<void> {
    this.follower?.retryNow();
    return this.refresh();
  }

  /** Reads what is pending now, or right after the read in flight. */
  private kick(): Promise<void> {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.settling = false;
    this.firstPendingAt = undefined;
    if (this.inFlight) {
      this.again = true;
      return this.inFlight.then(() => this.inFlight ?? Promise.resolve());
    }
    this.inFlight = this.read().finally(() => {
      this.inFlight = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.kick();
      }
    });
    return this.inFlight;
  }

  private schedule(): void {
    const now = Date.now();
    const burst = this.bursts.note(now);
    if (this.settling) return; // joins the isolated change about to be read
    this.firstPendingAt ??= now;
    clearTimeout(this.debounceTimer);
    const isolated = !burst && !this.debounceTimer;
    this.settling = isolated;
    const quiet = isolated ? this.settleMs : this.debounceMs;
    const wait = Math.max(0, Math.min(quiet, this.firstPendingAt + this.maxWaitMs - now));
    this.debounceTimer = setTimeout(() => void this.kick(), wait);
  }

  /**
   * After a read: while something the events announced is missing, look again a little later (with backoff),
   * reading again only what the events named; when even that keeps disagreeing, one full snapshot decides.
   */
  private recheck(missing: boolean, full: boolean): void {
    clearTimeout(this.recheckTimer);
    this.recheckTimer = undefined;
    const exhausted = this.recheckDelay > RECHECK_MAX_MS;
    if (!missing || (exhausted && full)) {
      // Caught up, or the engine disagrees with its own events for too long: the next event reads again anyway.
      if (missing) this.expectations.clear();
      this.recheckDelay = RECHECK_MIN_MS;
      return;
    }
    const delay = exhausted ? 0 : this.recheckDelay;
    if (!exhausted) this.recheckDelay *= 2;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      if (this.debounceTimer || this.inFlight || this.disposed) return; // a read is coming, and re-checks after it
      this.rechecks++;
      if (exhausted) this.fullWanted = true;
      const { containers, networks } = this.expectations.subjects();
      for (const id of containers) this.batch.container(id);
      for (const id of networks) this.batch.network(id);
      void this.kick();
    }, delay);
  }

  private async read(): Promise<void> {
    const asked = this.expectations.pending();
    const plan = this.batch.take((id) => this.raw?.hasNetwork(id) ?? false);
    let raw = this.raw;
    const full = this.fullWanted || !raw || plan.kind === 'full';
    if (!full && plan.kind === 'none') return;
    this.fullWanted = false;
    try {
      if (full || !raw) {
        // The very first read draws the networks as soon as their list answers, then the containers.
        const onNetworks = raw ? undefined : (networks: RawNetwork[]) => this.preview(networks);
        raw = new RawState(await readLists(this.engine, { swarmManager: this.swarmManager, onNetworks }));
        this.rebuilds++;
      } else if (plan.kind === 'patch') {
        await applyPatch(this.engine, raw, plan);
        this.patches++;
      }
    } catch (err) {
      if (!this.disposed) this.failed(classifyError(err, { endpoint: this.engine.resolved.display }));
      return;
    }
    if (this.disposed) return;
    this.raw = raw;
    const snapshot = raw.snapshot(this.engine.negotiated?.api);
    this.recheck(this.expectations.settle(snapshot, asked), full);
    if (raw.servicesFailed) {
      this.scheduleHeal();
    } else {
      this.heal.reset();
      clearTimeout(this.healTimer);
      this.healTimer = undefined;
    }
    this.set({ kind: 'connected', snapshot });
  }

  /** The first network list, before the containers: shown only while nothing better is (still connecting). */
  private preview(networks: RawNetwork[]): void {
    if (this.disposed || this.current.kind !== 'connecting') return;
    this.set({ kind: 'connecting', networks: snapshotOf({ networks, containers: [] }, this.engine.negotiated?.api).networks });
  }

  /** A read failed: keep the snapshot, marked stale (else disconnected); retry a full one with backoff while the stream lives. */
  private failed(error: EngineError): void {
    this.fullWanted = true;
    const s = this.current;
    if (s.kind === 'connected' && this.streamUp) this.set({ kind: 'connected', snapshot: s.snapshot, stale: { error, since: s.stale?.since ?? Date.now() } });
    else this.set({ kind: 'disconnected', error });
    this.scheduleHeal();
  }

  /** Retries after a failed read (a full snapshot) or a failed services list (that list alone). */
  private scheduleHeal(): void {
    if (this.healTimer || this.disposed || !this.streamUp) return;
    this.healTimer = setTimeout(() => {
      this.healTimer = undefined;
      if (!this.streamUp || this.disposed) return;
      if (!this.fullWanted && this.raw?.servicesFailed && this.swarmManager) this.batch.servicesToo();
      void this.kick();
    }, this.heal.next());
  }

  private set(state: LiveState): void {
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.recheckTimer);
    clearTimeout(this.healTimer);
    this.follower?.dispose();
    this.changed.dispose();
    this.eventSeen.dispose();
    this.imageSeen.dispose();
  }
}

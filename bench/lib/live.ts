// (d) event → model latency and bursts, (h) API calls while idle: the real LiveModel against the real engine.
import Dockerode from 'dockerode';
import { Engine } from '../../src/docker/client';
import type { Snapshot } from '../../src/core/model';
import { LiveModel, type LiveOptions, type LiveState } from '../../src/docker/live';
import type { EngineEvent } from '../../src/docker/events';
import { startCountingProxy } from '../../test/support/countingProxy';
import { engineAt } from '../../test/engine/support';
import { log, now, sleep, stats, until, type Stats } from './util';
import { classify, stampRequests, type IdleWindow } from './idle';

function attachedIds(s: Snapshot | undefined, netName: string): Set<string> | undefined {
  const n = s?.networks.find((x) => x.name === netName);
  return n ? new Set(n.attachments.map((a) => a.containerId)) : undefined;
}

/** What the benchmark needs of a live model (src/docker/live.ts's LiveModel, or a variant under study). */
export interface ModelLike {
  start(): void;
  readonly snapshot: Snapshot | undefined;
  readonly rebuilds: number;
  /** rebuilds made only to re-check a change the lists did not show yet */
  readonly rechecks?: number;
  /** targeted patches (a model that applies events with reads of only what they name; `rebuilds` are then full snapshots) */
  readonly patches?: number;
  onDidChange(listener: (s: LiveState) => void): { dispose(): void };
  onEvent(listener: (e: EngineEvent) => void): { dispose(): void };
  dispose(): void;
}

function sinceThen(now: number | undefined, then: number | undefined): number | undefined {
  return now !== undefined && then !== undefined ? now - then : undefined;
}

/** Resolves with performance.now() of the first model change whose snapshot satisfies `pred`. */
function firstChange(model: ModelLike, pred: (s: Snapshot) => boolean, timeoutMs: number, what: string): { seen: Promise<number>; cancel(): void } {
  let sub: { dispose(): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const seen = new Promise<number>((resolve, reject) => {
    sub = model.onDidChange((st) => {
      if (st.kind === 'connected' && pred(st.snapshot)) {
        const t = now();
        sub?.dispose();
        clearTimeout(timer);
        resolve(t);
      }
    });
    timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`no snapshot showed ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return { seen, cancel: () => { sub?.dispose(); clearTimeout(timer); } };
}

export interface BurstResult {
  label: string;
  changes: number;
  /** from the first call to the last reply */
  spanMs: number;
  rebuilds: number;
  patches?: number;
  /** from the last reply to the first snapshot equal to the engine's state */
  convergedMs: number;
  foreignEvents: number;
}

export interface EventsResult {
  model: string;
  /** the model's event stream was limited to the bench network (scopedEngine) */
  scoped?: boolean;
  /** LiveModel options given on the command line (empty: its defaults) */
  options: LiveOptions;
  /** pause after the model showed one change before making the next (one-at-a-time phase) */
  pauseMs: number;
  /** API reply → our event listener saw the engine's event (negative: the event came first) */
  eventLag: Stats;
  /** our event listener saw the event → the first snapshot showing the change */
  eventToSnapshot: Stats;
  /** API reply → first snapshot showing the change */
  connect: Stats;
  disconnect: Stats;
  all: Stats;
  changes: number;
  rebuilds: number;
  patches?: number;
  rechecks?: number;
  foreignEvents: number;
  bursts: BurstResult[];
}

export async function eventToModel(model: ModelLike, modelLabel: string, docker: Dockerode, net: { name: string; id: string }, containerIds: string[],
  options: LiveOptions, pauseMs: number, parallelBursts: boolean): Promise<EventsResult> {
  // long enough for any pending rebuild to have happened (LiveModel's max wait is 3 s by default)
  const quiet = (options.maxWaitMs ?? 3000) + 500;
  let foreign = 0;
  const eventAt = new Map<string, number>();
  const sub = model.onEvent((e: EngineEvent) => {
    const ours = e.Type === 'network' && (e.Actor?.ID === net.id || e.Actor?.Attributes?.name === net.name);
    if (!ours) foreign++;
    else if (e.Actor?.Attributes?.container) eventAt.set(`${e.Action}:${e.Actor.Attributes.container}`, now());
  });
  try {
    model.start();
    await until(() => model.snapshot, 15000, 'the first snapshot');
    await sleep(300);
    const network = docker.getNetwork(net.id);

    // one at a time: connect all, then disconnect all
    const lat = { connect: [] as number[], disconnect: [] as number[] };
    const lags: number[] = [];
    const toSnap: number[] = [];
    const r0 = model.rebuilds;
    const p0 = model.patches;
    const f0 = foreign;
    for (const phase of ['connect', 'disconnect'] as const) {
      for (const id of containerIds) {
        const want = phase === 'connect';
        const w = firstChange(model, (s) => attachedIds(s, net.name)?.has(id) === want, 10000, `${id.slice(0, 12)} ${phase}ed`);
        try {
          if (want) await network.connect({ Container: id });
          else await network.disconnect({ Container: id });
        } catch (e) {
          w.cancel();
          throw e;
        }
        const replied = now();
        const seen = await w.seen;
        lat[phase].push(Math.max(0, seen - replied));
        const ev = eventAt.get(`${phase}:${id}`);
        if (ev !== undefined) {
          lags.push(ev - replied);
          toSnap.push(seen - ev);
        }
        eventAt.clear();
        // one at a time: the next change starts once this one is shown and the engine has been quiet for a moment
        await sleep(pauseMs);
      }
      log(`[${modelLabel}] event → model, ${phase}: p50 ${stats(lat[phase]).median.toFixed(1)} ms, p95 ${stats(lat[phase]).p95.toFixed(1)} ms`);
    }
    await sleep(quiet);
    const rebuilds = model.rebuilds - r0;
    const patches = sinceThen(model.patches, p0);
    const rechecks = model.rechecks;
    const foreignEvents = foreign - f0;

    const bursts: BurstResult[] = [];
    const burst = async (label: string, connect: boolean, parallel: boolean): Promise<void> => {
      await sleep(quiet);
      const rb = model.rebuilds;
      const pb = model.patches;
      const reads = (): number => model.rebuilds + (model.patches ?? 0);
      const fb = foreign;
      const expected = connect ? containerIds.length : 0;
      const matches = (s: Snapshot): boolean => {
        const ids = attachedIds(s, net.name);
        return ids !== undefined && ids.size === expected && containerIds.every((id) => ids.has(id) === connect);
      };
      const change = (id: string): Promise<void> => (connect ? network.connect({ Container: id }) : network.disconnect({ Container: id })) as Promise<void>;
      let converged: number | undefined;
      let lastReply = Infinity;
      const watch = model.onDidChange((st) => {
        if (st.kind === 'connected' && converged === undefined && matches(st.snapshot)) converged = now();
      });
      const t0 = now();
      try {
        if (parallel) await Promise.all(containerIds.map(change));
        else for (const id of containerIds) await change(id);
        lastReply = now();
        await until(() => converged !== undefined, 15000, `${label} to converge`);
        // count the rebuilds (and patches) until the model is quiet for a while
        let last = reads();
        let quietSince = now();
        while (now() - quietSince < quiet + 500) {
          await sleep(50);
          if (reads() !== last) { last = reads(); quietSince = now(); }
        }
      } finally {
        watch.dispose();
      }
      const r: BurstResult = {
        label, changes: containerIds.length, spanMs: lastReply - t0, rebuilds: model.rebuilds - rb, patches: sinceThen(model.patches, pb),
        convergedMs: Math.max(0, (converged ?? NaN) - lastReply), foreignEvents: foreign - fb,
      };
      // the engine agrees: what the model shows is what the engine has
      const info = await network.inspect() as Dockerode.NetworkInspectInfo;
      const engineIds = Object.keys(info.Containers ?? {});
      const modelIds = attachedIds(model.snapshot, net.name) ?? new Set<string>();
      if (engineIds.length !== modelIds.size || engineIds.some((id) => !modelIds.has(id))) {
        throw new Error(`${label}: the model (${modelIds.size}) does not match the engine (${engineIds.length})`);
      }
      log(`[${modelLabel}] burst ${label}: ${r.changes} changes in ${r.spanMs.toFixed(0)} ms, ${r.rebuilds} rebuilds, converged ${r.convergedMs.toFixed(0)} ms after the last reply`);
      bursts.push(r);
    };
    await burst('connect ×100, back to back', true, false);
    await burst('disconnect ×100, back to back', false, false);
    if (parallelBursts) {
      // opt-in: Docker 20.10 sometimes keeps a stale endpoint after 100 concurrent disconnects, and the network
      // then cannot be removed until dockerd restarts (the engine is shared)
      await burst('connect ×100, all at once', true, true);
      await burst('disconnect ×100, all at once', false, true);
    }

    const all = [...lat.connect, ...lat.disconnect];
    return {
      model: modelLabel, pauseMs, eventLag: stats(lags), eventToSnapshot: stats(toSnap), options, connect: stats(lat.connect), disconnect: stats(lat.disconnect), all: stats(all), changes: all.length,
      rebuilds, patches, rechecks, foreignEvents, bursts,
    };
  } finally {
    sub.dispose();
    model.dispose();
  }
}

export interface IdleResult extends IdleWindow {
  attempts: number;
}

/**
 * (h) A started LiveModel through the counting proxy, left alone: every request it makes is counted. Up to
 * `attempts` windows, stopping at the first without engine events (see lib/idle.ts for how requests caused by
 * other users' events are told apart).
 */
export async function idleCalls(socketPath: string, windowMs: number, attempts = 3): Promise<IdleResult> {
  const proxy = await startCountingProxy(socketPath);
  const model = new LiveModel(engineAt(proxy.url));
  const requestTimes = stampRequests(proxy, now);
  const eventTimes: number[] = [];
  const sub = model.onEvent(() => eventTimes.push(now()));
  try {
    model.start();
    await until(() => model.snapshot, 15000, 'the first snapshot');
    await sleep(1000);
    let best: IdleResult | undefined;
    for (let a = 1; a <= attempts; a++) {
      proxy.reset();
      requestTimes.length = 0;
      eventTimes.length = 0;
      await sleep(windowMs);
      const r: IdleResult = { ...classify(windowMs, [...proxy.requests], [...requestTimes], [...eventTimes]), attempts: a };
      if (!best || r.events < best.events) best = r;
      if (r.events === 0) break;
      log(`idle window ${a}: ${r.events} engine events from other users, ${r.requests.length} requests (${r.unexplained.length} not explained by an event); trying again`);
    }
    return best as IdleResult;
  } finally {
    sub.dispose();
    model.dispose();
    await proxy.close();
  }
}

/**
 * An Engine on the real socket whose event stream carries only the events of one network (the engine's own
 * `network` filter, added to whatever the EventFollower asks for). Other people's tests share the engine and make
 * tens of events a second; without this, (d) would count the rebuilds their changes cause. Snapshots still list
 * everything. The LiveModel code under test is unchanged.
 */
export function scopedEngine(socketPath: string, resolved: Engine['resolved'], network: string, timeoutMs: number): Engine {
  const docker = new Dockerode({ socketPath });
  const original = docker.getEvents.bind(docker) as (o?: Dockerode.GetEventsOptions) => Promise<NodeJS.ReadableStream>;
  const scoped = (o?: Dockerode.GetEventsOptions): Promise<NodeJS.ReadableStream> => {
    const filters = typeof o?.filters === 'string' ? (JSON.parse(o.filters) as Record<string, string[]>) : { ...o?.filters };
    return original({ ...o, filters: { ...filters, network: [network] } });
  };
  (docker as unknown as { getEvents: typeof scoped }).getEvents = scoped;
  return new Engine(resolved, { docker, timeoutMs });
}

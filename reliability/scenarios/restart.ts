// The engine restarted N times in a row (SIGTERM and SIGKILL in turn, then `engine.sh start`) with a LiveModel
// (src/docker/live.ts) following it on the real socket: it must come back to connected every time, showing the
// engine's truth, with no unhandled rejection and no growth in listeners, handles or sockets.
import { LiveModel, type LiveState } from '../../src/docker/live';
import { takeSnapshot } from '../../src/docker/snapshot';
import { now, sleep, stats, until } from '../../bench/lib/util';
import { ensureNetwork, ensureRunning, type Context } from '../lib/context';
import { faults, firstDifference, isSettled, listeners, normalised, resourceDiff, resourceText, sample, type ProcessSample } from '../lib/probes';
import { fmt, mb, type Cell, type Section } from '../lib/report';

interface Round {
  signal: NodeJS.Signals;
  /** signal → the model said disconnected */
  downMs: number;
  /** signal → the engine answered /_ping again */
  engineMs: number;
  /** the engine answered → the model was connected again */
  reconnectMs: number;
  /** the model's snapshot then equals a fresh takeSnapshot (after settling) */
  equal: boolean;
  difference: string;
}

/** Idle long enough for keep-alive sockets to close (Node's agent: 5 s), so before/after samples compare. */
const IDLE_MS = 6000;

export async function restartScenario(ctx: Context, times: number): Promise<Section> {
  const docker = ctx.engine.raw();
  await ensureNetwork(docker, 'rel-r-a', '10.220.0.0/24');
  await ensureNetwork(docker, 'rel-r-b', '10.221.0.0/24');
  // restart policy `always`: the engine brings them back after each restart, with their events
  for (const [i, net] of ['rel-r-a', 'rel-r-a', 'rel-r-b'].entries()) {
    await ensureRunning(docker, `rel-r-c${i}`, net, { HostConfig: { NetworkMode: net, RestartPolicy: { Name: 'always' } } });
  }
  const direct = ctx.engine.client();
  const live = new LiveModel(ctx.engine.client());
  const states: { at: number; kind: LiveState['kind'] }[] = [];
  const sub = live.onDidChange((s) => void states.push({ at: now(), kind: s.kind }));
  const rejectionsBefore = faults.unhandledRejections;
  live.start();
  await until(() => isSettled(live), 30_000, 'first snapshot');
  await sleep(IDLE_MS);
  const before = sample();
  const listenersBefore = listeners(live);
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < times; i++) {
      const signal: NodeJS.Signals = i % 2 === 0 ? 'SIGTERM' : 'SIGKILL';
      const from = states.length;
      const t0 = now();
      const pid = ctx.engine.signal(signal);
      if (pid === undefined) throw new Error('the engine is not running');
      const down = await until(() => states.slice(from).find((s) => s.kind === 'disconnected'), 60_000, 'disconnected');
      await ctx.engine.waitGone(pid);
      const { answeredAt } = await ctx.engine.start();
      const downAt = states.indexOf(down);
      const back = await until(() => states.slice(downAt).find((s) => s.kind === 'connected'), 60_000, 'connected again');
      const { equal, difference } = await converged(live, direct);
      rounds.push({ signal, downMs: down.at - t0, engineMs: answeredAt - t0, reconnectMs: back.at - answeredAt, equal, difference });
      const r = rounds[rounds.length - 1];
      ctx.log(`restart ${i + 1}/${times} (${signal}): down after ${fmt(r.downMs)} ms, engine back after ${fmt(r.engineMs)} ms, model connected ${fmt(r.reconnectMs)} ms later${equal ? '' : `; DIFFERS ${difference}`}`);
    }
    await until(() => isSettled(live) || undefined, 30_000, 'settled');
    await sleep(IDLE_MS);
  } catch (e) {
    sub.dispose();
    live.dispose();
    throw e;
  }
  const after = sample();
  const listenersAfter = listeners(live);
  sub.dispose();
  live.dispose();
  return section(rounds, before, after, listenersBefore, listenersAfter, faults.unhandledRejections - rejectionsBefore, live.rebuilds);
}

/** Waits until the model is settled and equal to the engine's own snapshot (the engine restarts its containers meanwhile). */
async function converged(live: LiveModel, direct: ReturnType<Context['engine']['client']>): Promise<{ equal: boolean; difference: string }> {
  const end = Date.now() + 20_000;
  let difference = '';
  while (Date.now() < end) {
    if (isSettled(live) && live.snapshot) {
      const truth = normalised(await takeSnapshot(direct));
      const mine = normalised(live.snapshot);
      if (truth === mine) return { equal: true, difference: '' };
      difference = firstDifference(mine, truth);
    }
    await sleep(200);
  }
  return { equal: false, difference };
}

function section(
  rounds: Round[], before: ProcessSample, after: ProcessSample, lb: { onDidChange: number; onEvent: number },
  la: { onDidChange: number; onEvent: number }, rejections: number, rebuilds: number,
): Section {
  const reconnect = stats(rounds.map((r) => r.reconnectMs));
  const engine = stats(rounds.map((r) => r.engineMs));
  const down = stats(rounds.map((r) => r.downMs));
  const unequal = rounds.filter((r) => !r.equal).length;
  const grown = resourceDiff(before.resources, after.resources);
  const listenersSame = lb.onDidChange === la.onDidChange && lb.onEvent === la.onEvent;
  const pass = rounds.length > 0 && unequal === 0 && rejections === 0 && grown.length === 0 && before.sockets === after.sockets && listenersSame;
  const bySignal = (sig: string): string => {
    const xs = rounds.filter((r) => r.signal === sig).map((r) => r.reconnectMs);
    return xs.length ? `${sig}: median ${fmt(stats(xs).median)} ms (${xs.length})` : '';
  };
  const rows: Cell[][] = [
    ['restarts (SIGTERM / SIGKILL in turn)', rounds.length, ''],
    ['signal → model says disconnected (ms)', `${fmt(down.min)} / ${fmt(down.median)} / ${fmt(down.max)}`, 'min / median / max'],
    ['signal → engine answers /_ping (ms)', `${fmt(engine.min)} / ${fmt(engine.median)} / ${fmt(engine.max)}`, 'engine.sh start; not the model'],
    ['engine answers → model connected (ms)', `${fmt(reconnect.min)} / ${fmt(reconnect.median)} / ${fmt(reconnect.max)}`, [bySignal('SIGTERM'), bySignal('SIGKILL')].filter(Boolean).join('; ')],
    ['back to connected', `${rounds.length}/${rounds.length}`, 'each round waits for it (60 s at most)'],
    ['snapshot equal to a fresh takeSnapshot afterwards', `${rounds.length - unequal}/${rounds.length}`, unequal ? rounds.find((r) => !r.equal)?.difference ?? '' : 'status texts blanked'],
    ['unhandled rejections', rejections, ''],
    ['model listeners (onDidChange, onEvent) before → after', `${lb.onDidChange}, ${lb.onEvent} → ${la.onDidChange}, ${la.onEvent}`, 'private emitters, read structurally'],
    ['active resources before', resourceText(before.resources), 'process.getActiveResourcesInfo(); PipeWrap: unix sockets (the event stream) and stdio pipes'],
    ['active resources after', resourceText(after.resources), grown.length ? `changed: ${grown.join(', ')}` : 'same'],
    ['open sockets before → after', `${before.sockets} → ${after.sockets}`, '/proc/self/fd'],
    ['heap after GC before → after', `${mb(before.heapUsed)} → ${mb(after.heapUsed)}`, ''],
    ['full snapshots taken by the model', rebuilds, ''],
  ];
  const notes: string[] = [];
  if (reconnect.max > 2000) {
    notes.push(`The model reconnects up to ${fmt(reconnect.max)} ms after the engine answers: the event stream retries with exponential backoff (250 ms doubling to 10 s, src/docker/events.ts), and an outage of a few seconds pushes the next attempt that far.`);
  }
  return {
    id: 'restart',
    title: `Engine restarted ${rounds.length} times with a LiveModel following`,
    done: `A LiveModel on the real socket, 2 networks and 3 containers with restart policy \`always\` (the engine brings them back, with their events, at each start). ${rounds.length} times: SIGTERM or SIGKILL (in turn) to dockerd, wait for it to exit, \`engine.sh start\`. Samples before the first and after the last restart, each after ${IDLE_MS / 1000} s idle.`,
    measured: 'when the model said disconnected, when the engine answered /_ping (polled every 20 ms), when the model was connected again; then whether its snapshot equals a fresh takeSnapshot; unhandled rejections; listeners, active resources by type, open sockets, heap.',
    expectation: 'connected again after every restart, equal to the engine; 0 unhandled rejections; listeners, resources and sockets the same before and after',
    pass,
    head: ['what', 'value', 'note'],
    rows,
    notes,
    figures: {
      restarts: rounds.length, reconnectMinMs: reconnect.min, reconnectMedianMs: reconnect.median, reconnectMaxMs: reconnect.max,
      unequal, unhandledRejections: rejections, resourcesChanged: grown.length, socketsBefore: before.sockets, socketsAfter: after.sockets,
      listenersBefore: lb.onDidChange + lb.onEvent, listenersAfter: la.onDidChange + la.onEvent,
    },
  };
}

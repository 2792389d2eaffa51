// Churn: one connect or disconnect a second (alternating, through the project's actions) for DN_CHURN_SECONDS with a
// LiveModel following; the heap after a full GC and the active handles sampled at the start, every minute, and at
// the end. Each change must reach the model; nothing may grow.
import type { Engine } from '../../src/docker/client';
import { connectContainer, disconnectContainer } from '../../src/docker/actions';
import { LiveModel } from '../../src/docker/live';
import { takeSnapshot } from '../../src/docker/snapshot';
import { now, sleep, stats, until } from '../../bench/lib/util';
import { ensureNetwork, ensureRunning, errorText, type Context } from '../lib/context';
import { faults, firstDifference, isSettled, listeners, normalised, resourceDiff, resourceText, sample, type ProcessSample } from '../lib/probes';
import { fmt, mb, type Cell, type Section } from '../lib/report';

const NET = 'rel-ch-net';
const CONTAINER = 'rel-ch-c';
/** Heap growth over the whole run that counts as a leak. */
const HEAP_SLACK = 2 * 1048576;

function attached(live: LiveModel): boolean | undefined {
  const n = live.snapshot?.networks.find((x) => x.name === NET);
  return n ? n.attachments.some((a) => a.name === CONTAINER) : undefined;
}

export async function churnScenario(ctx: Context, seconds: number): Promise<Section> {
  const docker = ctx.engine.raw();
  await ensureNetwork(docker, NET, '10.240.0.0/24');
  await ensureRunning(docker, CONTAINER, 'bridge');
  await docker.getNetwork(NET).disconnect({ Container: CONTAINER, Force: true }).catch(() => undefined);
  const actor: Engine = ctx.engine.client();
  const live = new LiveModel(ctx.engine.client());
  const rejections0 = faults.unhandledRejections;
  live.start();
  await until(() => isSettled(live), 30_000, 'first snapshot');
  await sleep(6000); // keep-alive sockets of the start-up closed
  const start = sample();
  const l0 = listeners(live);
  const rebuilds0 = live.rebuilds;
  const patches0 = live.patches;
  const samples: { at: number; s: ProcessSample }[] = [{ at: 0, s: start }];
  const latencies: number[] = [];
  let missed = 0;
  let failed = 0;
  const failures: string[] = [];
  const t0 = now();
  let nextSample = 60_000;
  for (let k = 0; now() - t0 < seconds * 1000; k++) {
    const tick = t0 + k * 1000;
    if (now() < tick) await sleep(tick - now());
    const connect = k % 2 === 0;
    try {
      if (connect) await connectContainer(actor, NET, { Container: CONTAINER });
      else await disconnectContainer(actor, NET, CONTAINER);
    } catch (e) {
      failed++;
      if (failures.length < 5) failures.push(errorText(e));
      continue;
    }
    const replied = now();
    try {
      await until(() => attached(live) === connect, 5000, 'the change in the model');
      latencies.push(now() - replied);
    } catch {
      missed++;
    }
    if (now() - t0 >= nextSample) {
      samples.push({ at: now() - t0, s: sample() });
      ctx.log(`churn ${fmt((now() - t0) / 1000)} s: heap ${mb(samples[samples.length - 1].s.heapUsed)}, ${latencies.length} changes seen, ${missed} missed`);
      nextSample += 60_000;
    }
  }
  const ranMs = now() - t0;
  // end on disconnected, settle, wait out keep-alive sockets like at the start
  await disconnectContainer(actor, NET, CONTAINER).catch(() => undefined);
  await until(() => (isSettled(live) && attached(live) === false) || undefined, 30_000, 'settled at the end');
  await sleep(6000);
  const end = sample();
  const l1 = listeners(live);
  samples.push({ at: ranMs, s: end });
  const truth = normalised(await takeSnapshot(ctx.engine.client()));
  const mine = live.snapshot ? normalised(live.snapshot) : '';
  const rebuilds = live.rebuilds - rebuilds0;
  const patches = live.patches - patches0;
  live.dispose();
  const rejections = faults.unhandledRejections - rejections0;
  const grown = resourceDiff(start.resources, end.resources);
  const heapGrowth = end.heapUsed - start.heapUsed;
  const lat = stats(latencies);
  const heaps = samples.map((x) => x.s.heapUsed);
  const equal = truth === mine;
  const pass = missed === 0 && failed === 0 && equal && rejections === 0 && grown.length === 0 && start.sockets === end.sockets && heapGrowth < HEAP_SLACK
    && l0.onDidChange === l1.onDidChange && l0.onEvent === l1.onEvent;
  const rows: Cell[][] = [
    ['duration (s)', fmt(ranMs / 1000), seconds === 3600 ? 'the issue\'s hour' : `DN_CHURN_SECONDS=${seconds} (the issue asks for 3600)`],
    ['changes made (connect / disconnect alternately, 1 a second)', latencies.length + missed + failed, `${failed} refused by the engine`],
    ['changes seen by the model within 5 s', `${latencies.length}/${latencies.length + missed}`, ''],
    ['reply → model shows it (ms): median / p95 / max', `${fmt(lat.median)} / ${fmt(lat.p95)} / ${fmt(lat.max)}`, ''],
    ['full snapshots / targeted patches', `${rebuilds} / ${patches}`, ''],
    ['heap after GC: start → end', `${mb(start.heapUsed)} → ${mb(end.heapUsed)}`, `growth ${mb(heapGrowth)} (limit ${mb(HEAP_SLACK)})`],
    ['heap after GC: min / max of the samples', `${mb(Math.min(...heaps))} / ${mb(Math.max(...heaps))}`, `${samples.length} samples (start, every 60 s, end)`],
    ['heap after GC: first minute\'s sample → end', samples.length > 2 ? `${mb(samples[1].s.heapUsed)} → ${mb(end.heapUsed)}` : 'n/a', 'growth once warmed up'],
    ['active resources at start', resourceText(start.resources), ''],
    ['active resources at end', resourceText(end.resources), grown.length ? `changed: ${grown.join(', ')}` : 'same'],
    ['open sockets start → end', `${start.sockets} → ${end.sockets}`, ''],
    ['model listeners start → end', `${l0.onDidChange}, ${l0.onEvent} → ${l1.onDidChange}, ${l1.onEvent}`, ''],
    ['unhandled rejections', rejections, ''],
    ['final snapshot equal to a fresh takeSnapshot', equal ? 'yes' : `no: ${firstDifference(mine, truth)}`, ''],
  ];
  return {
    id: 'churn',
    title: `Churn for ${fmt(ranMs / 1000)} s (1 change a second)`,
    done: `One container connected to and disconnected from one network in turn, once a second, through \`connectContainer\`/\`disconnectContainer\` (a second Engine), with a LiveModel following. After each change, wait (5 s at most) for the model to show it. Heap (\`heapUsed\` after two \`gc()\`, --expose-gc), active resources and open sockets at the start, every 60 s and at the end (start and end after 6 s idle).`,
    measured: 'changes seen and their latency, rebuilds and patches, heap, resources, sockets, listeners, unhandled rejections, and the final snapshot against a fresh one.',
    expectation: `every change reaches the model; heap grows less than ${mb(HEAP_SLACK)}; resources, sockets and listeners the same at the end; 0 unhandled rejections; final snapshot equal`,
    pass,
    head: ['what', 'value', 'note'],
    rows,
    notes: [
      ...(seconds < 3600 ? [`Run for ${seconds} s, not the issue's hour: \`DN_CHURN_SECONDS=3600 npm run reliability\` runs the hour.`] : []),
      ...(failures.length ? [`Refused changes: ${failures.join('; ')}`] : []),
    ],
    figures: {
      seconds: Math.round(ranMs / 1000), changes: latencies.length + missed + failed, missed, failed, latencyMedianMs: lat.median, latencyMaxMs: lat.max,
      heapStartMB: start.heapUsed / 1048576, heapEndMB: end.heapUsed / 1048576, heapGrowthKB: heapGrowth / 1024, resourcesChanged: grown.length,
      socketsStart: start.sockets, socketsEnd: end.sockets, unhandledRejections: rejections, rebuilds, patches, equal,
    },
  };
}

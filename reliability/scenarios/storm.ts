// An event storm: real network churn, several changes at once, until the engine has sent about 1000 events, with a
// LiveModel following: running containers connected to and disconnected from a few networks, containers created on
// those networks and removed again (each one an attachment in the tree while it exists), networks created and
// removed. Afterwards the model must equal a fresh takeSnapshot; reported: rebuilds and patches, time to converge.
// (On a busy 2-core machine a connect to a running container takes ~60 ms and a bridge network ~300 ms, serialised
// by the engine; creating and removing containers is what brings the rate near 100 events a second.)
import type { Engine } from '../../src/docker/client';
import { connectContainer, createNetwork, disconnectContainer, removeNetwork } from '../../src/docker/actions';
import { LiveModel } from '../../src/docker/live';
import { takeSnapshot } from '../../src/docker/snapshot';
import { now, sleep, until } from '../../bench/lib/util';
import { ensureNetwork, ensureRunning, errorText, IMAGE, LABEL, type Context } from '../lib/context';
import { firstDifference, isSettled, normalised } from '../lib/probes';
import { fmt, type Section } from '../lib/report';

const NETWORKS = 4;
const CONTAINERS = 6;
const CREATORS = 1;
const SPAWNERS = 6;

/** Counts the engine's own events (a plain stream, not the code under test). */
async function countEvents(ctx: Context): Promise<{ count(): number; stop(): void }> {
  const stream = await ctx.engine.raw().getEvents({ filters: { type: ['network', 'container'] } }) as NodeJS.ReadableStream & { destroy(): void };
  let n = 0;
  stream.on('data', (chunk: Buffer) => void (n += chunk.toString().split('\n').filter((l) => l.trim()).length));
  stream.on('error', () => undefined);
  return { count: () => n, stop: () => stream.destroy() };
}

export async function stormScenario(ctx: Context, target: number): Promise<Section> {
  const docker = ctx.engine.raw();
  const nets = Array.from({ length: NETWORKS }, (_, k) => `rel-s-n${k}`);
  for (const [k, n] of nets.entries()) await ensureNetwork(docker, n, `10.230.${k}.0/24`);
  const containers = Array.from({ length: CONTAINERS }, (_, k) => `rel-s-c${k}`);
  for (const c of containers) await ensureRunning(docker, c, 'bridge');
  const actor: Engine = ctx.engine.client();
  const direct = ctx.engine.client();
  const live = new LiveModel(ctx.engine.client());
  live.start();
  await until(() => isSettled(live), 30_000, 'first snapshot');
  const rebuilds0 = live.rebuilds;
  const patches0 = live.patches;
  const rechecks0 = live.rechecks;
  let heard = 0;
  const heardSub = live.onEvent(() => void heard++);
  const events = await countEvents(ctx);
  const seen: { at: number; text: string }[] = [];
  let recording = false;
  const changeSub = live.onDidChange((s) => {
    if (recording && s.kind === 'connected') seen.push({ at: now(), text: normalised(s.snapshot) });
  });

  const ops = { connect: 0, disconnect: 0, spawn: 0, unspawn: 0, create: 0, remove: 0, failed: 0 };
  const failures: string[] = [];
  const t0 = now();
  let lastReply = t0;
  const more = (): boolean => events.count() < target;
  const attempt = async (kind: keyof typeof ops, run: () => Promise<unknown>): Promise<void> => {
    try {
      await run();
      ops[kind]++;
    } catch (e) {
      ops.failed++;
      if (failures.length < 5) failures.push(`${kind}: ${errorText(e)}`);
    }
    lastReply = now();
  };
  const containerWorker = async (c: string): Promise<void> => {
    while (more()) {
      for (const n of nets) if (more()) await attempt('connect', () => connectContainer(actor, n, { Container: c }));
      for (const n of nets) if (more()) await attempt('disconnect', () => disconnectContainer(actor, n, c));
    }
  };
  const spawner = async (w: number): Promise<void> => {
    for (let k = 0; more(); k++) {
      const name = `rel-s-k${w}-${k}`;
      await attempt('spawn', () => docker.createContainer({ name, Image: IMAGE, Cmd: ['true'], Labels: { [LABEL]: 'storm' }, HostConfig: { NetworkMode: nets[k % NETWORKS] } }));
      await attempt('unspawn', () => docker.getContainer(name).remove());
    }
  };
  const creator = async (w: number): Promise<void> => {
    for (let k = 0; more(); k++) {
      const name = `rel-s-x${w}-${k}`;
      await attempt('create', () => createNetwork(actor, { Name: name, Labels: { [LABEL]: 'storm' }, IPAM: { Config: [{ Subnet: `10.231.${k % 256}.0/24` }] } }));
      await attempt('remove', () => removeNetwork(actor, name));
    }
  };
  await Promise.all([
    ...containers.map(containerWorker), ...Array.from({ length: SPAWNERS }, (_, w) => spawner(w)), ...Array.from({ length: CREATORS }, (_, w) => creator(w)),
  ]);
  const stormMs = lastReply - t0;
  const atEnd = live.snapshot ? normalised(live.snapshot) : '';
  recording = true;
  // quiet: the model settled and nothing new for 2 s
  const quietEnd = Date.now() + 60_000;
  while (Date.now() < quietEnd && !(isSettled(live) && (seen.length === 0 || now() - seen[seen.length - 1].at > 2000))) await sleep(100);
  const eventsSeen = events.count();
  events.stop();
  const truth = normalised(await takeSnapshot(direct));
  const finalText = live.snapshot ? normalised(live.snapshot) : '';
  const equal = finalText === truth;
  // the first moment after the last reply from which the model showed the truth and kept showing it
  const timeline = [{ at: lastReply, text: atEnd }, ...seen];
  let from = timeline.length;
  while (from > 0 && timeline[from - 1].text === truth) from--;
  const convergeMs = from < timeline.length ? timeline[from].at - lastReply : NaN;
  heardSub.dispose();
  changeSub.dispose();
  const rebuilds = live.rebuilds - rebuilds0;
  const patches = live.patches - patches0;
  const rechecks = live.rechecks - rechecks0;
  live.dispose();
  // leave the fixture as it was: every container off the storm networks
  for (const c of containers) for (const n of nets) await docker.getNetwork(n).disconnect({ Container: c, Force: true }).catch(() => undefined);
  ctx.log(`storm: ${eventsSeen} events in ${fmt(stormMs)} ms; ${rebuilds} rebuilds, ${patches} patches; converged ${fmt(convergeMs)} ms after the last reply; equal ${equal}`);
  const totalOps = ops.connect + ops.disconnect + ops.spawn + ops.unspawn + ops.create + ops.remove;
  const pass = equal && eventsSeen >= target;
  return {
    id: 'storm',
    title: `Event storm (${eventsSeen} engine events)`,
    done: `A LiveModel (default options) following the engine while, all at once, ${CONTAINERS} workers connect their running container to ${NETWORKS} networks and disconnect it again (\`connectContainer\`/\`disconnectContainer\`, a second Engine), ${SPAWNERS} workers create a container on one of those networks and remove it again (plain dockerode), and ${CREATORS} worker creates and removes a network (\`createNetwork\`/\`removeNetwork\`), until the engine has sent ${target} events (counted on a plain event stream). Then: quiet until the model is settled and has not changed for 2 s, and a fresh \`takeSnapshot\`.`,
    measured: 'events, operations and their rate; the model\'s full snapshots (`rebuilds`), targeted patches (`patches`) and re-checks (`rechecks`) during the storm and until quiet; the time from the last reply to the first model change from which it showed the engine\'s truth for good; whether its final snapshot equals the fresh one (status texts blanked).',
    expectation: `the model converges to the engine's truth (deep-equal), after ${target} events`,
    pass,
    head: ['what', 'value'],
    rows: [
      ['engine events (network + container)', eventsSeen],
      ['events the model heard (relevant ones)', heard],
      ['operations: connect / disconnect; container create / remove; network create / remove; failed', `${ops.connect} / ${ops.disconnect}; ${ops.spawn} / ${ops.unspawn}; ${ops.create} / ${ops.remove}; ${ops.failed}`],
      ['storm duration: first call → last reply (ms)', fmt(stormMs)],
      ['rate (events/s; operations/s)', `${fmt(eventsSeen / (stormMs / 1000), 1)}; ${fmt(totalOps / (stormMs / 1000), 1)}`],
      ['full snapshots (rebuilds)', rebuilds],
      ['targeted patches', patches],
      ['re-checks', rechecks],
      ['model changes after the last reply', seen.length],
      ['converged after the last reply (ms)', fmt(convergeMs)],
      ['final snapshot equal to a fresh takeSnapshot', equal ? 'yes' : `no: ${firstDifference(finalText, truth)}`],
    ],
    notes: failures.length ? [`Failed operations (the engine refused; counted, not retried): ${failures.join('; ')}`] : [],
    figures: { events: eventsSeen, stormMs, operations: totalOps, rebuilds, patches, rechecks, convergeMs, equal },
  };
}

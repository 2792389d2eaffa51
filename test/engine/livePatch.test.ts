// The incremental live model against the real engine: an isolated change costs one targeted read (counted at a
// proxy), and over a seeded random sequence of real changes the patched model stays equal to a fresh snapshot.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { LiveModel } from '../../src/docker/live';
import { takeSnapshot } from '../../src/docker/snapshot';
import type { Snapshot } from '../../src/core/model';
import { cleanLabelled, SEED_IMAGE, SEED_LABEL } from '../fixtures/seed';
import { startCountingProxy, socketOf, type CountingProxy } from '../support/countingProxy';
import { seeded } from '../support/seeded';
import { engineAt, rawDocker, until } from './support';

const docker = rawDocker();
/** Everything these tests make carries the project's test label with this value (and only that is cleaned up). */
const MINE = `${SEED_LABEL}=live-patch`;
const Labels = { [SEED_LABEL]: 'live-patch' };
/** Subnets 10.236.N.0/24: a private range nothing else here uses. */
const subnet = (n: number): string => `10.236.${n}.0/24`;

async function runContainer(name: string, network: string): Promise<string> {
  const c = await docker.createContainer({ name, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels, HostConfig: { NetworkMode: network } });
  await c.start();
  return c.id;
}

async function createNetwork(name: string, n: number): Promise<string> {
  const net = await docker.createNetwork({ Name: name, Driver: 'bridge', Labels, IPAM: { Config: [{ Subnet: subnet(n) }] } });
  return net.id;
}

/** The snapshot without what changes with the clock alone (status text), the container list in id order. */
function normal(s: Snapshot | undefined): unknown {
  if (!s) return undefined;
  return {
    ...s,
    networks: s.networks.map((n) => ({ ...n, attachments: n.attachments.map(({ status: _status, ...a }) => a) })),
    containers: s.containers.map(({ Status: _status, ...c }) => c).sort((a, b) => (a.Id < b.Id ? -1 : 1)),
  };
}

const on = (live: LiveModel, net: string, container: string): boolean =>
  live.snapshot?.networks.find((n) => n.name === net)?.attachments.some((a) => a.name === container) ?? false;

describe('live model: targeted reads', () => {
  let proxy: CountingProxy;
  let live: LiveModel;

  before(async () => {
    await cleanLabelled(docker, MINE);
    proxy = await startCountingProxy(socketOf(process.env.DOCKER_HOST));
    live = new LiveModel(engineAt(proxy.url));
    live.start();
    await until(() => live.snapshot, 10_000, 'first snapshot');
    // Made once the model follows: when it shows them, the events its stream replays from before it started
    // (`since`) are behind it too, and cannot land in a measurement.
    await createNetwork('dn-patch-a', 1);
    await runContainer('dn-patch-c1', 'bridge');
    await until(() => on(live, 'bridge', 'dn-patch-c1') && live.snapshot?.networks.some((n) => n.name === 'dn-patch-a'), 10_000, 'fixtures in the model');
  });

  after(async () => {
    live.dispose();
    await proxy.close();
    await cleanLabelled(docker, MINE);
  });

  /**
   * Every event the engine sent so far has reached the model and been read: a marker network is made and removed
   * (its destroy costs no read), and the stream delivers events in order. Returns the marker's id.
   */
  async function drained(): Promise<string> {
    const id = await createNetwork('dn-patch-marker', 3);
    // shown first, so that its read cannot find it removed already (which re-checks until the destroy event comes)
    await until(() => live.snapshot?.networks.some((n) => n.id === id), 10_000, 'the marker network in the model');
    let seen = false;
    const sub = live.onEvent((e) => void (seen ||= e.Type === 'network' && e.Action === 'destroy' && e.Actor?.ID === id));
    await docker.getNetwork(id).remove();
    await until(() => (seen && live.settled) || undefined, 10_000, 'the marker network’s destroy event read').finally(() => sub.dispose());
    return id;
  }

  /** Makes one change and waits until the model shows it and has read all its events; what it sent for it. */
  async function isolated(change: () => Promise<unknown>, shows: () => boolean, what: string) {
    await drained();
    proxy.reset();
    const [r0, k0] = [live.rebuilds, live.rechecks];
    await change();
    await until(() => shows() || undefined, 10_000, what);
    const marker = await drained();
    const requests = proxy.requests.filter((r) => !r.includes(marker));
    const full = requests.filter((r) => /\/containers\/json\?(?!.*filters)|\/networks(\?|$)/.test(r));
    return { requests, full, rebuilds: live.rebuilds - r0, rechecks: live.rechecks - k0 };
  }

  const targetedContainer = /^GET \/v[\d.]+\/containers\/json\?.*filters=/;
  const networkInspect = /^GET \/v[\d.]+\/networks\/[0-9a-f]{64}$/;

  test('connect and disconnect: one filtered container read each, no full list', async (t) => {
    for (const action of ['connect', 'disconnect'] as const) {
      const r = await isolated(
        () => docker.getNetwork('dn-patch-a')[action]({ Container: 'dn-patch-c1' }),
        () => on(live, 'dn-patch-a', 'dn-patch-c1') === (action === 'connect'), `dn-patch-c1 ${action}ed`);
      t.diagnostic(`${action}: ${r.requests.length} request(s) (${r.rechecks} re-check(s)): ${r.requests.join(', ')}`);
      assert.deepEqual(r.full, [], 'no full list');
      assert.equal(r.rebuilds, 0);
      assert.ok(r.requests.every((x) => targetedContainer.test(x)), r.requests.join('\n'));
      // one read, plus one per re-check when the engine's list lagged its event
      assert.equal(r.requests.length, 1 + r.rechecks);
    }
  });

  test('network create: one inspect; network destroy: no request at all', async (t) => {
    let id = '';
    const created = await isolated(async () => { id = await createNetwork('dn-patch-b', 2); },
      () => live.snapshot?.networks.some((n) => n.name === 'dn-patch-b') ?? false, 'dn-patch-b in the model');
    t.diagnostic(`create: ${created.requests.join(', ')}`);
    assert.deepEqual(created.requests, [`GET /v${live.engine.negotiated?.api}/networks/${id}`]);
    assert.ok(networkInspect.test(created.requests[0]));
    const destroyed = await isolated(() => docker.getNetwork(id).remove(),
      () => !live.snapshot?.networks.some((n) => n.name === 'dn-patch-b'), 'dn-patch-b gone from the model');
    t.diagnostic(`destroy: ${destroyed.requests.length} request(s)`);
    assert.deepEqual(destroyed.requests, []);
  });

  test('container destroy: no request; a run costs targeted reads only', async (t) => {
    let id = '';
    const run = await isolated(async () => { id = await runContainer('dn-patch-c2', 'dn-patch-a'); },
      () => live.snapshot?.networks.find((n) => n.name === 'dn-patch-a')?.attachments.some((a) => a.name === 'dn-patch-c2' && a.state === 'running') ?? false,
      'dn-patch-c2 running on dn-patch-a');
    t.diagnostic(`run (create, connect, start): ${run.requests.length} request(s) (${run.rechecks} re-check(s))`);
    assert.deepEqual(run.full, []);
    assert.ok(run.requests.every((x) => targetedContainer.test(x)), run.requests.join('\n'));
    await docker.getContainer(id).stop({ t: 0 });
    await until(() => live.snapshot?.containers.find((c) => c.Id === id)?.State === 'exited' || undefined, 10_000, 'dn-patch-c2 exited');
    const removed = await isolated(() => docker.getContainer(id).remove(),
      () => !live.snapshot?.containers.some((c) => c.Id === id), 'dn-patch-c2 gone');
    t.diagnostic(`destroy: ${removed.requests.length} request(s)`);
    assert.deepEqual(removed.requests, []);
  });
});

describe('live model: patched equals fresh', () => {
  const seed = Number(process.env.DN_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const steps = Number(process.env.DN_STEPS ?? 40);
  let live: LiveModel;

  before(async () => {
    await cleanLabelled(docker, MINE);
    live = new LiveModel(engineAt());
    live.start();
    await until(() => live.snapshot, 10_000, 'first snapshot');
  });

  after(async () => {
    live.dispose();
    await cleanLabelled(docker, MINE);
  });

  test(`a seeded random sequence of ${steps} real changes`, { timeout: 600_000 }, async (t) => {
    t.diagnostic(`seed ${seed} (replay with DN_SEED=${seed})`);
    const random = seeded(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const engine = engineAt();
    /**
     * What the test made: networks by name; containers by name with the network they were run on (`home`: its
     * network mode, needed to start again), the networks they are on and whether they run.
     */
    const nets: string[] = [];
    const ctrs = new Map<string, { id: string; home: string; nets: Set<string>; running: boolean }>();
    const inUse = (n: string) => [...ctrs.values()].some((c) => c.home === n || c.nets.has(n));
    let made = 0;
    const running = () => [...ctrs].filter(([, c]) => c.running);

    const ops: { name: string; weight: number; can: () => boolean; run: () => Promise<string> }[] = [
      { name: 'create network', weight: 2, can: () => nets.length < 4, run: async () => {
        const name = `dn-eq-net-${++made}`;
        await createNetwork(name, 10 + made);
        nets.push(name);
        return name;
      } },
      { name: 'remove network', weight: 1, can: () => nets.some((n) => !inUse(n)), run: async () => {
        const name = pick(nets.filter((n) => !inUse(n)));
        await docker.getNetwork(name).remove();
        nets.splice(nets.indexOf(name), 1);
        return name;
      } },
      { name: 'run', weight: 3, can: () => ctrs.size < 6, run: async () => {
        const name = `dn-eq-${++made}`;
        const net = pick([...nets, 'bridge']);
        ctrs.set(name, { id: await runContainer(name, net), home: net, nets: new Set([net]), running: true });
        return `${name} on ${net}`;
      } },
      { name: 'stop', weight: 2, can: () => running().length > 0, run: async () => {
        const [name, c] = pick(running());
        await docker.getContainer(c.id).stop({ t: 0 });
        c.running = false;
        return name;
      } },
      { name: 'start', weight: 2, can: () => [...ctrs.values()].some((c) => !c.running), run: async () => {
        const [name, c] = pick([...ctrs].filter(([, x]) => !x.running));
        await docker.getContainer(c.id).start();
        c.running = true;
        return name;
      } },
      { name: 'remove', weight: 1, can: () => ctrs.size > 0, run: async () => {
        const [name, c] = pick([...ctrs]);
        await docker.getContainer(c.id).remove({ force: true });
        ctrs.delete(name);
        return name;
      } },
      // A stopped container's connect/disconnect sends no event at all (the engine only stores it): running ones only.
      { name: 'connect', weight: 3, can: () => running().some(([, c]) => nets.some((n) => !c.nets.has(n))), run: async () => {
        const [name, c] = pick(running().filter(([, x]) => nets.some((n) => !x.nets.has(n))));
        const net = pick(nets.filter((n) => !c.nets.has(n)));
        await docker.getNetwork(net).connect({ Container: c.id });
        c.nets.add(net);
        return `${name} to ${net}`;
      } },
      { name: 'disconnect', weight: 2, can: () => running().some(([, c]) => c.nets.size > 0), run: async () => {
        const [name, c] = pick(running().filter(([, x]) => x.nets.size > 0));
        const net = pick([...c.nets]);
        await docker.getNetwork(net).disconnect({ Container: c.id });
        c.nets.delete(net);
        return `${name} from ${net}`;
      } },
      { name: 'rename', weight: 2, can: () => ctrs.size > 0, run: async () => {
        const [name, c] = pick([...ctrs]);
        const to = `dn-eq-${++made}`;
        await docker.getContainer(c.id).rename({ name: to });
        ctrs.delete(name);
        ctrs.set(to, c);
        return `${name} to ${to}`;
      } },
    ];

    const [r0, p0] = [live.rebuilds, live.patches];
    for (let step = 1; step <= steps; step++) {
      const possible = ops.filter((o) => o.can());
      let x = random() * possible.reduce((sum, o) => sum + o.weight, 0);
      const op = possible.find((o) => (x -= o.weight) < 0) ?? possible[possible.length - 1];
      const fulls = live.rebuilds;
      const did = `step ${step}: ${op.name} ${await op.run()}`;
      let fresh: unknown;
      // Settled and equal to a fresh snapshot: the model has nothing left to read and is right. A model that missed
      // a read never gets there (nothing polls), and the wait ends with the difference.
      await until(async () => {
        if (!live.settled) return undefined;
        fresh = normal(await takeSnapshot(engine));
        return live.settled && isDeepStrictEqual(normal(live.snapshot), fresh) ? true : undefined;
      }, 15_000, `${did}: model settled and equal to a fresh snapshot`).catch((err: unknown) => {
        assert.deepStrictEqual(normal(live.snapshot), fresh, `${did} (seed ${seed}): the model differs from a fresh snapshot`);
        throw err;
      });
      // A step is a few isolated events: targeted reads suffice. A full snapshot means targeted re-checks kept
      // disagreeing with an event until one was taken, which is also how a skipped read would be covered up.
      assert.equal(live.rebuilds, fulls, `${did} (seed ${seed}) needed a full snapshot`);
    }
    t.diagnostic(`${steps} steps: ${live.patches - p0} patches, ${live.rebuilds - r0} full snapshots, ${live.rechecks} re-checks`);
  });
});

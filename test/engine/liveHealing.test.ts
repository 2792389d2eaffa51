// The live model heals itself: a fault-injecting proxy between it and the real engine fails or stalls some reads
// while the event stream stays up. The model keeps its last snapshot, marked stale, and recovers by itself with the
// engine idle; a failing services list on a Swarm manager leaves the rest of the snapshot.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveModel, type LiveState } from '../../src/docker/live';
import { cleanLabelled, SEED_LABEL } from '../fixtures/seed';
import { socketOf } from '../support/countingProxy';
import { request, startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { engineAt, rawDocker, until } from './support';

const docker = rawDocker();
const MINE = `${SEED_LABEL}=live-heal`;
const fail500 = { status: 500, body: { message: 'injected by the test proxy' } };

function watch(live: LiveModel): LiveState[] {
  const states: LiveState[] = [];
  live.onDidChange((s) => states.push(s));
  return states;
}

const stale = (live: LiveModel) => (live.state.kind === 'connected' ? live.state.stale : undefined);
const healed = (live: LiveModel) => (live.state.kind === 'connected' && !live.state.stale && live.settled) || undefined;

describe('live model: healing', () => {
  let proxy: FaultProxy;
  let live: LiveModel;

  before(async () => {
    await cleanLabelled(docker, MINE);
    proxy = await startFaultProxy(socketOf(process.env.DOCKER_HOST));
  });

  afterEach(() => {
    live?.dispose();
    proxy.clear();
    proxy.releaseStalled();
  });

  after(async () => {
    await proxy.close();
    await cleanLabelled(docker, MINE);
  });

  async function started(timeoutMs?: number): Promise<LiveModel> {
    live = new LiveModel(engineAt(proxy.url, timeoutMs));
    live.start();
    await until(() => live.snapshot && live.settled, 10_000, 'first snapshot, settled');
    return live;
  }

  test('failed list calls keep the last snapshot, marked stale, and it heals with the engine idle', async () => {
    await started();
    const states = watch(live);
    const shown = live.snapshot;
    const rebuilds = live.rebuilds;
    proxy.add({ match: request('GET', '/containers/json'), action: fail500, times: 3 });
    void live.refresh();
    const s = await until(() => stale(live), 10_000, 'a stale mark');
    assert.equal(s.error.kind, 'server');
    assert.equal(live.snapshot, shown, 'the last snapshot stays on screen');
    // Nobody calls refresh again and the engine sends no event: the retries alone bring it back.
    await until(() => healed(live), 20_000, 'healed');
    assert.equal(proxy.hits[0], 3);
    assert.ok(live.rebuilds > rebuilds);
    assert.ok(states.every((x) => x.kind === 'connected'), `never disconnected, never empty: ${states.map((x) => x.kind).join(', ')}`);
    assert.ok(states.filter((x) => x.kind === 'connected' && x.stale).every((x) => x.kind === 'connected' && x.snapshot === shown));
  });

  test('a change whose targeted read fails still reaches the model, by the full snapshot that heals it', async () => {
    await started();
    proxy.add({ match: (r) => r.method === 'GET' && /^\/networks\/[0-9a-f]{64}$/.test(r.path), action: fail500, times: 1 });
    proxy.add({ match: request('GET', '/containers/json'), action: fail500, times: 2 });
    await docker.createNetwork({ Name: 'dn-heal-net', Labels: { [SEED_LABEL]: 'live-heal' }, IPAM: { Config: [{ Subnet: '10.236.200.0/24' }] } });
    const s = await until(() => stale(live), 10_000, 'a stale mark');
    assert.equal(live.snapshot?.networks.some((n) => n.name === 'dn-heal-net'), false);
    assert.equal(s.error.kind, 'server');
    await until(() => healed(live), 20_000, 'healed');
    assert.deepEqual(proxy.hits, [1, 2]);
    assert.ok(live.snapshot?.networks.some((n) => n.name === 'dn-heal-net'));
  });

  test('a stalled engine ends at the deadline, is shown stale, and heals', async () => {
    await started(1000);
    proxy.add({ match: request('GET', '/networks'), action: { stall: true }, times: 1 });
    void live.refresh();
    const s = await until(() => stale(live), 10_000, 'a stale mark');
    assert.equal(s.error.kind, 'timeout');
    await until(() => healed(live), 20_000, 'healed');
  });

  test('without any snapshot yet: disconnected, then connected by itself while the stream lives', async () => {
    proxy.add({ match: request('GET', '/containers/json'), action: fail500, times: 3 });
    live = new LiveModel(engineAt(proxy.url));
    const states = watch(live);
    live.start();
    await until(() => healed(live), 20_000, 'connected');
    assert.equal(proxy.hits[0], 3);
    assert.ok(states.some((x) => x.kind === 'disconnected' && x.error.kind === 'server'), states.map((x) => x.kind).join(', '));
    assert.ok(!states.some((x) => x.kind === 'connected' && x.stale), 'nothing to show stale');
  });

  test('a failing services list on a Swarm manager degrades only the services, then heals by reading them alone', async () => {
    // The engine plays a manager (`GET /_ping`'s Swarm header where the engine sends one, else `GET /info`); the services call fails twice, then answers an empty list.
    proxy.add({ match: request('GET', '/info'), action: { rewrite: (info) => ({ ...(info as object), Swarm: { ControlAvailable: true, LocalNodeState: 'active' } }) } });
    proxy.add({ match: request('GET', '/_ping'), action: { headers: (h) => (h.swarm === undefined ? h : { ...h, swarm: 'active/manager' }) } });
    proxy.add({ match: request('GET', '/services'), action: fail500, times: 2 });
    proxy.add({ match: request('GET', '/services'), action: { status: 200, body: [] } });
    live = new LiveModel(engineAt(proxy.url));
    live.start();
    const partial = await until(() => live.snapshot?.partial, 10_000, 'a snapshot without services');
    assert.equal(partial[0].part, 'services');
    assert.equal(partial[0].error.kind, 'server');
    assert.ok(live.snapshot?.networks.some((n) => n.name === 'bridge'), 'the networks are all there');
    assert.equal(stale(live), undefined, 'not stale: only a part is missing');
    const from = proxy.paths.length;
    await until(() => (live.snapshot && !live.snapshot.partial && live.settled) || undefined, 20_000, 'services back');
    assert.equal(proxy.hits[3], 1);
    const healing = proxy.paths.slice(from);
    assert.ok(healing.length > 0 && healing.every((p) => /^GET \/v[\d.]+\/services/.test(p)), `only the services were read again: ${healing.join(', ')}`);
  });
});

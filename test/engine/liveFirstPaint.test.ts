// The first paint comes in two steps: the networks as soon as their list answers, then the containers. A slow
// container list (made slow by a delaying proxy in front of the real engine: a small engine answers both lists at
// once) must not hold the networks back, and the networks shown meanwhile are never taken for empty ones.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveModel, type LiveState } from '../../src/docker/live';
import { cleanLabelled, SEED_LABEL } from '../fixtures/seed';
import { socketOf } from '../support/countingProxy';
import { request, startFaultProxy, type FaultProxy } from '../support/faultProxy';
import { engineAt, rawDocker, until } from './support';

const docker = rawDocker();
const MINE = `${SEED_LABEL}=first-paint`;
const DELAY_MS = 800;

describe('live model: first paint', () => {
  let proxy: FaultProxy;

  before(async () => {
    await cleanLabelled(docker, MINE);
    await docker.createNetwork({ Name: 'dn-paint-net', Labels: { [SEED_LABEL]: 'first-paint' }, IPAM: { Config: [{ Subnet: '10.236.210.0/24' }] } });
    proxy = await startFaultProxy(socketOf(process.env.DOCKER_HOST));
  });

  after(async () => {
    await proxy.close();
    await cleanLabelled(docker, MINE);
  });

  test('shows the networks while the container list is still on its way, then the whole picture', async () => {
    proxy.add({ match: request('GET', '/containers/json'), action: { delayMs: DELAY_MS }, times: 1 });
    const live = new LiveModel(engineAt(proxy.url));
    const states: { at: number; state: LiveState }[] = [];
    const t0 = Date.now();
    live.onDidChange((state) => states.push({ at: Date.now() - t0, state }));
    try {
      live.start();
      await until(() => live.snapshot, 10_000, 'the first snapshot');
      const preview = states.find((s) => s.state.kind === 'connecting' && s.state.networks);
      assert.ok(preview, `a picture of the networks before the snapshot: ${states.map((s) => s.state.kind).join(', ')}`);
      const connected = states.find((s) => s.state.kind === 'connected')!;
      assert.ok(preview.at < connected.at, 'the networks came first');
      assert.ok(connected.at - preview.at >= DELAY_MS / 2, `the networks did not wait for the containers (${preview.at} ms, then ${connected.at} ms)`);
      const networks = preview.state.kind === 'connecting' ? preview.state.networks! : [];
      assert.ok(networks.some((n) => n.name === 'dn-paint-net' && n.ipam.some((c) => c.subnet === '10.236.210.0/24')), 'our network, with its subnet');
      assert.ok(networks.some((n) => n.name === 'bridge'));
      assert.ok(networks.every((n) => n.attachments.length === 0), 'no container is guessed meanwhile');
      assert.equal(live.rebuilds, 1, 'one full snapshot: the preview is part of it, not a read of its own');
      assert.equal(proxy.paths.filter((p) => /\/networks(\?|$)/.test(p)).length, 1, 'the network list read once');
    } finally {
      live.dispose();
    }
  });

  test('once connected, a later full snapshot never goes back to a networks-only picture', async () => {
    const live = new LiveModel(engineAt(proxy.url));
    try {
      live.start();
      await until(() => live.snapshot && live.settled, 10_000, 'the first snapshot');
      const kinds: string[] = [];
      live.onDidChange((s) => kinds.push(s.kind));
      proxy.add({ match: request('GET', '/containers/json'), action: { delayMs: DELAY_MS }, times: 1 });
      await live.refresh();
      assert.deepEqual(kinds, ['connected']);
    } finally {
      live.dispose();
    }
  });
});

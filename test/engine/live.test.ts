// The live model against the real engine: events drive it, nothing polls, a broken stream recovers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LiveModel, type LiveState } from '../../src/docker/live';
import { EngineError } from '../../src/core/errors';
import { SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { startCountingProxy, socketOf, type CountingProxy } from '../support/countingProxy';
import { engineAt, rawDocker, until } from './support';

const docker = rawDocker();

function addressOn(live: LiveModel, network: string, container: string): string | undefined {
  return live.snapshot?.networks.find((n) => n.name === network)?.attachments.find((a) => a.name === container)?.ipv4;
}

describe('live model', () => {
  let proxy: CountingProxy;
  let live: LiveModel;
  const states: LiveState['kind'][] = [];

  before(async () => {
    await seedUp(docker, SEED_LABEL);
    proxy = await startCountingProxy(socketOf(process.env.DOCKER_HOST));
    live = new LiveModel(engineAt(proxy.url));
    live.onDidChange((s) => states.push(s.kind));
    live.start();
    await until(() => live.snapshot, 5000, 'first snapshot');
  });

  after(async () => {
    live.dispose();
    await proxy.close();
    await seedDown(docker, [SEED_LABEL]);
  });

  test('a connect made through the API reaches the model through events', async () => {
    const reads = live.rebuilds + live.patches;
    await docker.getNetwork('my-net').connect({ Container: 'test2', EndpointConfig: { IPAMConfig: { IPv4Address: '172.28.5.20' } } });
    assert.equal(await until(() => addressOn(live, 'my-net', 'test2'), 3000, 'test2 on my-net'), '172.28.5.20/16');
    await docker.getNetwork('my-net').disconnect({ Container: 'test2' });
    await until(() => addressOn(live, 'my-net', 'test2') === undefined || undefined, 3000, 'test2 gone from my-net');
    assert.ok(live.rebuilds + live.patches > reads);
  });

  test('while idle, the extension sends no request at all (no polling)', async () => {
    // Let the previous test's changes settle: debounce (400 ms) and re-checks of lagging lists (at most ~0.93 s).
    await new Promise((r) => setTimeout(r, 1500));
    proxy.reset();
    const reads = live.rebuilds + live.patches;
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepEqual(proxy.requests, []);
    assert.equal(live.rebuilds + live.patches, reads);
  });

  test('a burst of changes converges with no redundant read: at most one per change, never a full list', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const [patches, rebuilds] = [live.patches, live.rebuilds];
    const names = Array.from({ length: 15 }, (_, i) => `dn-burst-${i}`);
    await Promise.all(names.map((Name) => docker.createNetwork({ Name, Labels: { [SEED_LABEL]: '1' } })));
    await until(() => names.every((n) => live.snapshot?.networks.some((x) => x.name === n)) || undefined, 5000, 'all burst networks');
    // How many reads the creates take depends on how far apart the engine emits them (it creates one at a time,
    // 0.3-0.4 s apart on a loaded machine): events close together share a read. What must hold whatever the load:
    // no more than one read per change, and no full snapshot (15 objects is under the full-snapshot threshold).
    const used = live.patches - patches;
    assert.ok(used >= 1 && used <= names.length, `15 creates cost ${used} targeted reads`);
    assert.equal(live.rebuilds - rebuilds, 0, 'no full snapshot for a burst under the threshold');
  });

  test('a broken event stream is reported and recovers, catching up on what it missed', async () => {
    states.length = 0;
    proxy.breakAll();
    await until(() => states.includes('disconnected') || undefined, 3000, 'disconnected state');
    // A change made while the stream is down must still reach the model once it reconnects.
    await docker.getNetwork('my-net').connect({ Container: 'test3' });
    await until(() => addressOn(live, 'my-net', 'test3'), 5000, 'test3 on my-net after reconnect');
    assert.equal(live.state.kind, 'connected');
  });
});

describe('engine faults', () => {
  test('an absent socket is classified as unreachable and names the endpoint', async () => {
    const sock = path.join(mkdtempSync(path.join(tmpdir(), 'dn-')), 'nothing.sock');
    const err = await engineAt(`unix://${sock}`).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, new RegExp(sock.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  });

  test('an engine that accepts but never answers times out with a clear error', async () => {
    const sock = path.join(mkdtempSync(path.join(tmpdir(), 'dn-')), 'silent.sock');
    const held: net.Socket[] = [];
    const server = net.createServer((s) => void held.push(s)).listen(sock);
    try {
      const t0 = Date.now();
      const err = await engineAt(`unix://${sock}`, 300).inspectNetwork('bridge').then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof EngineError, String(err));
      assert.equal(err.kind, 'timeout');
      assert.ok(Date.now() - t0 < 2000, 'the deadline holds even where dockerode takes no abort signal');
    } finally {
      held.forEach((s) => s.destroy());
      server.close();
    }
  });

  test('the daemon’s own message is kept for a 404', async () => {
    const err = await engineAt().inspectNetwork('dn-does-not-exist').then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError);
    assert.equal(err.kind, 'notFound');
    assert.match(err.daemonMessage ?? '', /dn-does-not-exist/);
  });
});

describe('endpoint isolation', () => {
  test('an endpoint chosen by the setting is used even when DOCKER_HOST names another engine', async () => {
    const saved = process.env.DOCKER_HOST;
    const host = saved as string;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9'; // discard port: nothing answers there
    try {
      const engine = engineAt(host, 3000);
      await engine.ping();
    } finally {
      process.env.DOCKER_HOST = saved;
    }
  });
});

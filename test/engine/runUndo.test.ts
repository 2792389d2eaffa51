// A Run whose start fails is undone (the created container removed), even when the engine cannot take the undo at
// once: the engine going away between create and start is imitated by a fault-injecting proxy in front of the real
// engine (the start refused, then the removal refused a few times, as by an engine that is restarting).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runContainer } from '../../src/docker/actions';
import { removeWhenBack } from '../../src/docker/undoRun';
import { cleanLabelled, SEED_IMAGE, SEED_LABEL } from '../fixtures/seed';
import { socketOf } from '../support/countingProxy';
import { startFaultProxy, type FaultProxy, type ProxiedRequest } from '../support/faultProxy';
import { engineAt, rawDocker, until } from './support';

const docker = rawDocker();
const MINE = `${SEED_LABEL}=run-undo`;
const down = { status: 503, body: { message: 'injected by the test proxy: engine restarting' } };
const start = (r: ProxiedRequest) => r.method === 'POST' && /^\/containers\/[^/]+\/start$/.test(r.path);
const remove = (r: ProxiedRequest) => r.method === 'DELETE' && /^\/containers\/[^/]+$/.test(r.path);

async function containerNamed(name: string) {
  return (await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`^/${name}$`] }) }))[0];
}

describe('run: the undo of a failed start', () => {
  let proxy: FaultProxy;

  before(async () => {
    await cleanLabelled(docker, MINE);
    proxy = await startFaultProxy(socketOf(process.env.DOCKER_HOST));
  });
  afterEach(() => proxy.clear());
  after(async () => {
    await proxy.close();
    await cleanLabelled(docker, MINE);
  });

  const body = (name: string) => ({ name, Image: SEED_IMAGE, Cmd: ['sleep', '600'], Labels: { [SEED_LABEL]: 'run-undo' }, HostConfig: { NetworkMode: 'bridge' } });

  test('the engine refuses the start and, for a while, the removal: the created container is removed once it answers', async () => {
    proxy.add({ match: start, action: down, times: 1 });
    proxy.add({ match: remove, action: down, times: 3 });
    const engine = engineAt(proxy.url);
    await assert.rejects(runContainer(engine, body('dn-undo-a')), /restarting/);
    const left = await containerNamed('dn-undo-a');
    assert.ok(left, 'right after the failure the container is still there (the engine took no removal)');
    // nobody asks again: the failed Run itself keeps trying
    await until(async () => (await containerNamed('dn-undo-a')) === undefined || undefined, 15_000, 'the container removed once the engine answered');
    assert.equal(proxy.hits[1], 3, 'every refused removal was tried again');
  });

  test('a container someone started meanwhile is theirs: it stays', async () => {
    proxy.add({ match: start, action: down, times: 1 });
    proxy.add({ match: remove, action: down });
    const engine = engineAt(proxy.url);
    await assert.rejects(runContainer(engine, body('dn-undo-b')), /restarting/);
    const left = await containerNamed('dn-undo-b');
    assert.ok(left);
    await docker.getContainer(left.Id).start(); // the user, outside the extension
    // the failed Run's own retry looks at the container (and then leaves it): wait for that look
    await until(() => proxy.paths.some((p) => p.includes(`/containers/${left.Id}/json`)) || undefined, 15_000, 'the undo looking at the container');
    assert.equal(await removeWhenBack(engine, left.Id), 'started');
    assert.equal((await containerNamed('dn-undo-b'))?.State, 'running');
  });

  test('a container removed by someone else meanwhile is simply gone', async () => {
    proxy.add({ match: start, action: down, times: 1 });
    proxy.add({ match: remove, action: down, times: 1 });
    const engine = engineAt(proxy.url);
    await assert.rejects(runContainer(engine, body('dn-undo-c')), /restarting/);
    const left = await containerNamed('dn-undo-c');
    assert.ok(left);
    await docker.getContainer(left.Id).remove({ force: true });
    assert.equal(await removeWhenBack(engine, left.Id), 'gone');
  });
});

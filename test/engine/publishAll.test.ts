// The Run form's -P on the real engine: an image with EXPOSE (made here from the local busybox image with a commit
// carrying `EXPOSE` changes: nothing is pulled) runs with the form's request, and the host ports the engine picked are
// read back from the started container, the same ones the container list (Show Published Ports' data) shows. An
// image without EXPOSE publishes nothing, and the words say why.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toRunRequest } from '../../src/core/formRequests';
import { emptyRunForm, type RunForm } from '../../src/core/forms';
import { boundPorts, publishAllNote, publishAllWords } from '../../src/core/publishAll';
import { imageExposedPorts, runContainer, startedPorts } from '../../src/docker/actions';
import type { Engine } from '../../src/docker/client';
import { takeSnapshot } from '../../src/docker/snapshot';
import { cleanLabelled, SEED_IMAGE, SEED_LABEL } from '../fixtures/seed';
import { engineAt, rawDocker } from './support';

const docker = rawDocker();
const MINE = { key: SEED_LABEL, value: 'publish-all' };
const EXPOSING = 'dn-ports-exposing:latest';
let engine: Engine;

const form = (over: Partial<RunForm>): RunForm => ({ ...emptyRunForm(), command: 'sleep 600', labels: [MINE], publishAll: true, ...over });

async function run(f: RunForm): Promise<string> {
  const { name, body } = toRunRequest(f);
  return runContainer(engine, name === undefined ? body : { ...body, name });
}

describe('Run with -P (Publish all exposed ports)', () => {
  before(async () => {
    engine = engineAt();
    await cleanLabelled(docker, `${SEED_LABEL}=publish-all`);
    const base = await docker.createContainer({ Image: SEED_IMAGE, Cmd: ['sleep', '600'], Labels: { [SEED_LABEL]: 'publish-all' } });
    await base.commit({ repo: 'dn-ports-exposing', tag: 'latest', changes: ['EXPOSE 80/tcp', 'EXPOSE 53/udp'] });
    await base.remove({ force: true });
  });

  after(async () => {
    await cleanLabelled(docker, `${SEED_LABEL}=publish-all`);
    await docker.getImage(EXPOSING).remove({ force: true }).catch(() => undefined);
  });

  test('before the start: what the image exposes, read from the engine, and the remark beside -P', async () => {
    assert.deepEqual(await imageExposedPorts(engine, EXPOSING), ['53/udp', '80/tcp']);
    assert.deepEqual(await imageExposedPorts(engine, SEED_IMAGE), []);
    assert.equal(await imageExposedPorts(engine, 'dn-no-such-image:latest'), undefined);
    assert.match(publishAllNote(SEED_IMAGE, await imageExposedPorts(engine, SEED_IMAGE)) ?? '', /exposes no ports \(no EXPOSE in the image\): -P will publish nothing/);
    assert.equal(publishAllNote(EXPOSING, await imageExposedPorts(engine, EXPOSING), ['80/tcp']),
      '-P will publish 53/udp (exposed by dn-ports-exposing:latest) on free host ports the engine picks at the start.');
  });

  test('each port the image exposes gets a host port the engine picked, read back after the start', async () => {
    const id = await run(form({ image: EXPOSING, name: 'dn-pa-web' }));
    const started = await startedPorts(engine, id);
    assert.deepEqual(started.exposed.sort(), ['53/udp', '80/tcp']);
    const ports = boundPorts(started.bound);
    for (const key of ['80/tcp', '53/udp']) {
      const [port, protocol] = key.split('/');
      const picked = ports.filter((p) => p.containerPort === Number(port) && p.protocol === protocol);
      assert.ok(picked.length > 0 && picked.every((p) => (p.hostPort ?? 0) > 0), `${key}: ${JSON.stringify(ports)}`);
    }
    const words = publishAllWords(EXPOSING, started);
    assert.match(words, /^Host ports: .*:\d+ → 53\/udp, .*:\d+ → 80\/tcp/);
    // The container list, which Show Published Ports and the Run form's pre-flight read, shows the same host ports.
    const snapshot = await takeSnapshot(engine);
    const listed = snapshot.containers.find((c) => c.Id === id)?.Ports ?? [];
    const listedPorts = listed.filter((p) => p.PublicPort).map((p) => `${p.PublicPort}/${p.PrivatePort}/${p.Type}`).sort();
    assert.deepEqual([...new Set(listedPorts)], [...new Set(ports.map((p) => `${p.hostPort}/${p.containerPort}/${p.protocol}`))].sort());
  });

  test('with a fixed -p beside it, that one keeps its host port and the rest are picked', async () => {
    const id = await run(form({ image: EXPOSING, name: 'dn-pa-mixed', ports: [{ hostIp: '127.0.0.1', hostPort: '18791', containerPort: '80', protocol: 'tcp' }] }));
    const ports = boundPorts((await startedPorts(engine, id)).bound);
    assert.deepEqual(ports.filter((p) => p.containerPort === 80).map((p) => [p.hostIp, p.hostPort]), [['127.0.0.1', 18791]]);
    assert.ok(ports.some((p) => p.containerPort === 53 && p.protocol === 'udp' && (p.hostPort ?? 0) > 0), JSON.stringify(ports));
  });

  test('an image without EXPOSE: -P publishes nothing, and the words say so', async () => {
    const id = await run(form({ image: SEED_IMAGE, name: 'dn-pa-bare' }));
    const started = await startedPorts(engine, id);
    assert.deepEqual(started.exposed, []);
    assert.deepEqual(boundPorts(started.bound), []);
    assert.match(publishAllWords(SEED_IMAGE, started), /^-P published nothing: localbusybox:latest exposes no ports/);
  });
});

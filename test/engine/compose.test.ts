// A real Docker Compose v2 project (sid's docker-compose plugin, scripts/compose.sh; DN_COMPOSE_CONFIG is its
// DOCKER_CONFIG) on the private engine: two services, two networks, one with a fixed subnet and a fixed address, and
// a network made by hand that the project uses as external. The snapshot read from the engine groups it as the tree
// shows it by compose project: the project with its networks, each with its services and replicas.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { composeNetworkOf, groupByProject, servicesOn } from '../../src/core/compose';
import { attachmentDescription } from '../../src/core/format';
import { takeSnapshot } from '../../src/docker/snapshot';
import { cleanLabelled, SEED_IMAGE, SEED_LABEL } from '../fixtures/seed';
import { dockerHost, engineAt, rawDocker } from './support';

const run = promisify(execFile);
const config = process.env.DN_COMPOSE_CONFIG;
const PROJECT = 'dnc-shop';
const MINE = `${SEED_LABEL}=compose`;
const docker = rawDocker();

const file = `
name: ${PROJECT}
services:
  web:
    image: ${SEED_IMAGE}
    pull_policy: never
    command: ["sleep", "600"]
    scale: 2
    labels: { ${SEED_LABEL}: compose }
    networks: [front, back, outside]
  db:
    image: ${SEED_IMAGE}
    pull_policy: never
    command: ["sleep", "600"]
    labels: { ${SEED_LABEL}: compose }
    networks:
      back:
        ipv4_address: 10.236.230.10
networks:
  front:
    labels: { ${SEED_LABEL}: compose }
  back:
    labels: { ${SEED_LABEL}: compose }
    ipam:
      config:
        - subnet: 10.236.230.0/24
  outside:
    name: dnc-outside
    external: true
`;

describe('compose: a real project, grouped as the tree shows it', { skip: config ? false : 'needs Docker Compose v2 (DN_COMPOSE_CONFIG from scripts/compose.sh)' }, () => {
  let dir = '';
  const compose = (...args: string[]) => run('docker', ['compose', '-f', path.join(dir, 'compose.yaml'), ...args], {
    env: { ...process.env, DOCKER_HOST: dockerHost(), DOCKER_CONFIG: config }, timeout: 120_000,
  });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dn-compose-'));
    writeFileSync(path.join(dir, 'compose.yaml'), file);
    await compose('down', '--remove-orphans').catch(() => undefined);
    await cleanLabelled(docker, MINE);
    await docker.createNetwork({ Name: 'dnc-outside', Labels: { [SEED_LABEL]: 'compose' } });
    await compose('up', '-d', '--quiet-pull');
  });

  after(async () => {
    await compose('down', '--remove-orphans').catch(() => undefined);
    await cleanLabelled(docker, MINE);
    rmSync(dir, { recursive: true, force: true });
  });

  test('the project holds its two networks and the external one; the services and replicas are on each', async () => {
    const snapshot = await takeSnapshot(engineAt());
    const g = groupByProject(snapshot);
    const shop = g.projects.find((p) => p.project === PROJECT);
    assert.ok(shop, `projects: ${g.projects.map((p) => p.project).join(', ')}`);
    assert.deepEqual(shop.networks.map((x) => [x.network.name, x.external]).sort(), [['dnc-outside', true], [`${PROJECT}_back`, false], [`${PROJECT}_front`, false]]);
    const back = snapshot.networks.find((n) => n.name === `${PROJECT}_back`)!;
    assert.deepEqual(composeNetworkOf(back), { project: PROJECT, key: 'back' });
    assert.equal(back.ipam[0]?.subnet, '10.236.230.0/24');
    const onBack = servicesOn(back);
    assert.deepEqual(onBack.services.map((s) => [s.service, s.members.map((a) => a.compose?.replica)]).sort(), [['db', [1]], ['web', [1, 2]]]);
    const db = onBack.services.find((s) => s.service === 'db')!.members[0];
    assert.equal(attachmentDescription(db), '10.236.230.10/24 · db #1');
    const front = servicesOn(snapshot.networks.find((n) => n.name === `${PROJECT}_front`)!);
    assert.deepEqual(front.services.map((s) => [s.service, s.members.length]), [['web', 2]]);
    assert.ok(!g.other.some((o) => o.network.name.startsWith(PROJECT)), 'none of its networks under Other');
  });

  test('a container of the project on a network of another kind (the default bridge) is named in its note', async () => {
    const { stdout } = await compose('ps', '-q', 'db');
    const id = stdout.trim().split('\n')[0];
    await docker.getNetwork('bridge').connect({ Container: id });
    try {
      const g = groupByProject(await takeSnapshot(engineAt()));
      const bridge = g.other.find((o) => o.network.name === 'bridge');
      assert.ok(bridge, 'the default bridge stays under Other networks');
      assert.equal(g.projects.find((p) => p.project === PROJECT)?.networks.length, 3, 'the project keeps its own networks');
    } finally {
      await docker.getNetwork('bridge').disconnect({ Container: id, Force: true });
    }
  });
});

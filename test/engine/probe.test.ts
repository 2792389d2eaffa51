// Check Connectivity and the namespace ids against the real private engine, on the seed scenario:
// the probe finds test4 → test1 reachable (they share my-net) and test4 → test2 unreachable (the default bridge and
// my-net are isolated from each other); a container without ping falls back to nc -z / wget on the exposed port; two
// containers joined with --network container:X show the same netns id, read from /proc/<pid>/ns.
// The seed's names are shared with other test files that may seed up/down concurrently: rerun if someone else's
// seed removed ours mid-test. This file's own containers carry their own label.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readlinkSync } from 'node:fs';
import type Dockerode from 'dockerode';
import { takeSnapshot } from '../../src/docker/snapshot';
import { execInContainer, probePair } from '../../src/docker/probe';
import { containerNamespaceIds } from '../../src/docker/namespaceIds';
import { containerNetworkingState } from '../../src/core/containerDetails';
import { agreement, modelAt } from '../../src/core/probeTargets';
import { computeReachability, reachBetween } from '../../src/core/reachability';
import type { Snapshot } from '../../src/core/model';
import { cleanLabelled, SEED, SEED_IMAGE, SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { engineAt, rawDocker } from './support';

const LABEL = 'dev.dockernetworks.probe-test';
const OWNER = 'dnp-owner';
const MEMBER = 'dnp-member';
const NOPING = 'dnp-noping';
const QUIET = 'dnp-quiet';

describe('probe and namespace ids on the seed scenario', () => {
  let docker: Dockerode;
  let snap: Snapshot;
  const engine = engineAt();
  const id = (name: string): string => {
    const c = snap.containers.find((x) => x.Names.includes(`/${name}`));
    assert.ok(c, `${name} is not in the snapshot`);
    return c.Id;
  };
  const netId = (name: string): string => {
    const n = snap.networks.find((x) => x.name === name);
    assert.ok(n, `${name} is not in the snapshot`);
    return n.id;
  };

  before(async () => {
    docker = rawDocker();
    await cleanLabelled(docker, LABEL);
    await seedUp(docker, SEED_LABEL);
    const run = async (name: string, NetworkMode: string): Promise<void> => {
      const c = await docker.createContainer({ name, Image: SEED_IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode } });
      await c.start();
    };
    await run(OWNER, 'bridge');
    await run(MEMBER, `container:${OWNER}`);
    await run(NOPING, SEED.network.name);
    // A bridge with inter-container traffic off: the model says blocked, and the engine's firewall rule agrees.
    await docker.createNetwork({ Name: QUIET, Labels: { [LABEL]: '1' }, Options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    await run('dnp-q1', QUIET);
    await run('dnp-q2', QUIET);
    snap = await takeSnapshot(engine);
    // A source image without ping: the probe must fall back to nc -z / wget on the target's exposed port.
    const rm = await execInContainer(engine, id(NOPING), ['busybox', 'rm', '/bin/ping']);
    assert.equal(rm.exitCode, 0, rm.output);
  });

  after(async () => {
    await cleanLabelled(docker, LABEL);
    await seedDown(docker, [SEED_LABEL]);
  });

  test('test4 → test1: reachable over my-net, with a latency, by `ping -c 1 -W 1`', async () => {
    const { result, target } = await probePair(engine, snap, id('test4'), id('test1'), netId('my-net'));
    assert.equal(target.network.name, 'my-net');
    assert.equal(result.verdict, 'reachable', JSON.stringify(result));
    assert.equal(result.tool, 'ping');
    assert.deepEqual(result.argv, ['ping', '-c', '1', '-W', '1', target.address]);
    assert.ok(typeof result.latencyMs === 'number' && result.latencyMs >= 0, `latency ${result.latencyMs}`);
    const model = modelAt(reachBetween(computeReachability(snap), id('test4'), id('test1')), netId('my-net'));
    assert.deepEqual(agreement(model, result), { agrees: true, text: 'Agrees with the model: reachable via my-net.' });
  });

  test('test4 → test2: unreachable (test2 is on the default bridge only), and the model agrees', async () => {
    const { result, target } = await probePair(engine, snap, id('test4'), id('test2'), netId('bridge'));
    assert.equal(target.network.name, 'bridge');
    assert.equal(result.verdict, 'unreachable', JSON.stringify(result));
    assert.equal(result.tool, 'ping');
    const model = modelAt(reachBetween(computeReachability(snap), id('test4'), id('test2')), netId('bridge'));
    assert.equal(agreement(model, result).agrees, true, agreement(model, result).text);
  });

  test('test2 → test3 on the default bridge: reachable', async () => {
    const { result } = await probePair(engine, snap, id('test2'), id('test3'), netId('bridge'));
    assert.equal(result.verdict, 'reachable', JSON.stringify(result));
  });

  test('without ping in the source, the probe falls back to the exposed port 80 of test4 (nc)', async () => {
    const { result } = await probePair(engine, snap, id(NOPING), id('test4'), netId('my-net'));
    assert.equal(result.steps[0].tool, 'ping');
    assert.equal(result.steps[0].verdict, 'unusable', JSON.stringify(result.steps[0]));
    assert.equal(result.verdict, 'reachable', JSON.stringify(result.steps));
    assert.equal(result.tool, 'nc');
    assert.ok(result.argv?.some((a) => a.includes(SEED.web.ip)), JSON.stringify(result.argv));
  });

  test('ICC off on a bridge: the probe gets no answer, as the model says (blocked by the ICC setting)', async () => {
    const { result } = await probePair(engine, snap, id('dnp-q1'), id('dnp-q2'), netId(QUIET));
    assert.equal(result.verdict, 'unreachable', JSON.stringify(result));
    const model = modelAt(reachBetween(computeReachability(snap), id('dnp-q1'), id('dnp-q2')), netId(QUIET));
    assert.equal(model.text, `unreachable: inter-container traffic (ICC) is disabled on ${QUIET}`);
    assert.equal(agreement(model, result).agrees, true);
  });

  test('two containers sharing a network namespace (--network container:X) show the same netns id', async () => {
    const [owner, member, other] = await Promise.all([OWNER, MEMBER, 'test2'].map((n) => engine.inspectContainer(n)));
    const ids = await Promise.all([owner, member, other].map((i) => containerNamespaceIds(engine.resolved, i)));
    for (const r of ids) assert.ok(r.shown, JSON.stringify(r));
    const [o, m, t] = ids.map((r) => (r.shown ? r.links : {}));
    assert.match(o.net, /^net:\[\d+\]$/);
    assert.equal(m.net, o.net, 'the member is in the owner\'s network namespace');
    assert.notEqual(t.net, o.net, 'another container has its own');
    assert.notEqual(m.uts, o.uts, 'only the network namespace is shared');
    assert.equal(o.net, readlinkSync(`/proc/${owner.State.Pid}/ns/net`), 'as readlink shows it');

    // The panel's table says the same: net shared with the owner, and the same id on both.
    const fresh = await takeSnapshot(engine);
    const rows = await Promise.all([owner, member].map(async (i, k) => {
      const r = ids[k];
      return containerNetworkingState(i, fresh, { engine: engine.resolved.display, ...(r.shown ? { nsLinks: r.links, hostLinks: r.host } : {}) });
    }));
    const netOf = (k: number) => rows[k].namespaces.find((r) => r.type === 'net');
    assert.equal(netOf(1)?.text, `shared with ${OWNER}`);
    assert.ok(netOf(0)?.nsId && netOf(0)?.nsId === netOf(1)?.nsId, `${netOf(0)?.nsId} vs ${netOf(1)?.nsId}`);
    assert.deepEqual(rows[0].joinedBy, [MEMBER]);
    assert.equal(rows[1].sharesNetworkOf, OWNER);
    assert.ok(rows[0].container.sandboxKey?.startsWith('/'), rows[0].container.sandboxKey);
  });
});

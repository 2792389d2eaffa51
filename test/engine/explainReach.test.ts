// Explain Reachability against the real private engine: each situation built for real (ICC off, an internal network,
// two separate bridges, the default bridge, a container: pair, a stopped container, a host-mode source), explained
// from a real snapshot (verdict and first failing step), probed (the probe agrees), and two fixes applied for real
// (connect, start) after which the explanation turns to reachable. This file's containers and networks carry a label
// of their own and are removed afterwards.
import { OLDEST_KNOWN_API, supports } from '../../src/core/apiVersion';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Dockerode from 'dockerode';
import { takeSnapshot } from '../../src/docker/snapshot';
import { probePair } from '../../src/docker/probe';
import { connectContainer } from '../../src/docker/actions';
import { startContainer } from '../../src/docker/lifecycle';
import { explainReach, type ReachExplanation } from '../../src/core/explainReach';
import { peerNames } from '../../src/core/peerNames';
import { resolveIn } from '../../src/docker/resolve';
import { agreement, modelAt } from '../../src/core/probeTargets';
import { computeReachability, reachBetween } from '../../src/core/reachability';
import type { Snapshot } from '../../src/core/model';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { engineAt, rawDocker } from './support';

const LABEL = 'dev.dockernetworks.explain-test';
const Labels = { [LABEL]: '1' };

describe('explain reachability on a real engine', () => {
  let docker: Dockerode;
  let snap: Snapshot;
  const engine = engineAt();
  const id = (name: string): string => {
    const c = snap.containers.find((x) => x.Names.includes(`/${name}`));
    assert.ok(c, `${name} is not in the snapshot`);
    return c.Id;
  };
  const explain = (from: string, to: string): ReachExplanation => {
    const e = explainReach(snap, id(from), id(to));
    assert.equal(e.agreesWithModel, true, JSON.stringify(e.steps, null, 1));
    assert.equal(e.reachable, reachBetween(computeReachability(snap), id(from), id(to)).reachable);
    return e;
  };
  /** Probes where the explanation aims and asserts that the probe agrees with it. */
  const probeAgrees = async (e: ReachExplanation): Promise<void> => {
    assert.ok(!('unavailable' in e.probe), JSON.stringify(e.probe));
    const { result } = await probePair(engine, snap, e.source.id, e.target.id, e.probe.networkId);
    assert.equal(result.verdict, e.reachable ? 'reachable' : 'unreachable', JSON.stringify(result));
    const model = modelAt(reachBetween(computeReachability(snap), e.source.id, e.target.id), e.probe.networkId);
    assert.equal(agreement(model, result).agrees, true);
  };
  const run = async (name: string, NetworkMode: string, start = true): Promise<void> => {
    const c = await docker.createContainer({ name, Image: SEED_IMAGE, Cmd: ['sleep', '86400'], Labels, HostConfig: { NetworkMode } });
    if (start) await c.start();
  };

  before(async () => {
    docker = rawDocker();
    await cleanLabelled(docker, LABEL);
    await docker.createNetwork({ Name: 'dnx-quiet', Labels, Options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    await docker.createNetwork({ Name: 'dnx-int', Labels, Internal: true });
    await docker.createNetwork({ Name: 'dnx-front', Labels });
    await docker.createNetwork({ Name: 'dnx-back', Labels });
    for (const [name, net] of [['dnx-q1', 'dnx-quiet'], ['dnx-q2', 'dnx-quiet'], ['dnx-i1', 'dnx-int'], ['dnx-i2', 'dnx-int'], ['dnx-f1', 'dnx-front'],
      ['dnx-b1', 'dnx-back'], ['dnx-d1', 'bridge'], ['dnx-d2', 'bridge'], ['dnx-owner', 'dnx-front'], ['dnx-h', 'host']]) await run(name, net);
    await run('dnx-member', 'container:dnx-owner');
    await run('dnx-stopped', 'dnx-front', false);
    snap = await takeSnapshot(engine);
  });

  after(async () => {
    await cleanLabelled(docker, LABEL);
  });

  test('ICC off: blocked at the network step, by enable_icc=false; the fix is a new network; the probe agrees', async () => {
    const e = explain('dnx-q1', 'dnx-q2');
    assert.equal(e.reachable, false);
    assert.equal(e.firstFailure, 'network');
    assert.deepEqual(e.blocked, [{ kind: 'icc-disabled', network: 'dnx-quiet' }]);
    assert.ok(e.steps.find((s) => s.kind === 'network')?.evidence.some((x) => x.includes('enable_icc=false')));
    assert.deepEqual(e.fixes.map((f) => f.shown), [['docker network create dnx-q1-dnx-q2', 'docker network connect dnx-q1-dnx-q2 dnx-q1', 'docker network connect dnx-q1-dnx-q2 dnx-q2']]);
    await probeAgrees(e);
  });

  test('an internal network: reachable between members, internal said as evidence; the probe agrees', async () => {
    const e = explain('dnx-i1', 'dnx-i2');
    assert.equal(e.reachable, true);
    assert.ok(e.steps.find((s) => s.kind === 'network')?.evidence.some((x) => x.startsWith('internal: yes')));
    await probeAgrees(e);
  });

  test('two bridges: no shared network, bridge isolation; connecting as the fix says makes it reachable', async () => {
    const e = explain('dnx-f1', 'dnx-b1');
    assert.equal(e.reachable, false);
    assert.equal(e.firstFailure, 'shared-networks');
    assert.equal(e.steps.find((s) => s.kind === 'isolation')?.status, 'fail');
    const fix = e.fixes.find((f) => f.shown[0] === 'docker network connect dnx-back dnx-f1');
    assert.ok(fix?.action, JSON.stringify(e.fixes));
    await probeAgrees(e);
    await connectContainer(engine, 'dnx-back', { Container: 'dnx-f1' });
    snap = await takeSnapshot(engine);
    const after = explain('dnx-f1', 'dnx-b1');
    assert.equal(after.reachable, true);
    assert.equal(after.steps.find((s) => s.id === `network:${fix.action?.networkId ?? ""}`)?.status, 'pass');
    await probeAgrees(after);
  });

  test('the default bridge: reachable by address, no embedded DNS said, a user-defined network suggested', async () => {
    const e = explain('dnx-d1', 'dnx-d2');
    assert.equal(e.reachable, true);
    assert.ok(e.steps.find((s) => s.kind === 'network')?.evidence.some((x) => x.includes('no embedded DNS')));
    assert.equal(e.fixes[0]?.action?.action, 'createNetwork');
    await probeAgrees(e);
  });

  test('a container: pair shares one namespace: reachable on localhost', async () => {
    const e = explain('dnx-member', 'dnx-owner');
    assert.equal(e.reachable, true);
    assert.equal(e.steps.find((s) => s.kind === 'namespace')?.status, 'pass');
    assert.deepEqual(e.fixes, []);
  });

  test('a stopped target: target-running fails first; starting it as the fix says makes it reachable', async () => {
    const e = explain('dnx-f1', 'dnx-stopped');
    assert.equal(e.reachable, false);
    assert.equal(e.firstFailure, 'target-running');
    assert.deepEqual(e.fixes.map((f) => f.shown), [['docker start dnx-stopped']]);
    await startContainer(engine, e.fixes[0].action?.containerId ?? '');
    snap = await takeSnapshot(engine);
    const after = explain('dnx-f1', 'dnx-stopped');
    assert.equal(after.reachable, true);
    await probeAgrees(after);
  });

  test('names that resolve: the engine\'s DNS names on a user-defined network; none but the address on the default bridge', async () => {
    const i1 = await engine.inspectContainer(id('dnx-i1'));
    const row = peerNames(snap, i1).find((r) => r.peer === 'dnx-i2');
    assert.ok(row, 'dnx-i1 reaches dnx-i2');
    assert.equal(row.network, 'dnx-int');
    assert.ok(row.names.some((n) => n.name === 'dnx-i2' && n.from === 'container name'), JSON.stringify(row.names));
    assert.ok(row.names.some((n) => n.name === id('dnx-i2').slice(0, 12) && n.from === 'dns name'), JSON.stringify(row.names));
    // Resolve inside dnx-i1: the image has no getent, so nslookup asks the engine's DNS. dnx-int is internal, so an
    // unknown name is answered there too (the engine forwards nothing out of an internal network).
    const address = snap.networks.find((n) => n.name === 'dnx-int')?.attachments.find((a) => a.name === 'dnx-i2')?.ipv4?.split('/')[0];
    for (const { name } of row.names) {
      const r = await resolveIn(engine, id('dnx-i1'), name);
      assert.deepEqual([r.verdict, r.tool, r.addresses], ['resolved', 'nslookup', [address]], JSON.stringify(r));
    }
    // An unknown name: 25.0+ answers at once (the forward fails fast without a gateway); 20.10's resolver waits for
    // an upstream it cannot reach, so the bounded lookup ends without an answer. Never an address.
    const unknown = await resolveIn(engine, id('dnx-i1'), 'dnx-nosuch');
    if (supports(snap.api ?? OLDEST_KNOWN_API, 'dnsNames')) assert.equal(unknown.verdict, 'not-found', JSON.stringify(unknown));
    else assert.ok(unknown.verdict !== 'resolved' && unknown.addresses.length === 0, JSON.stringify(unknown));
    const d1 = await engine.inspectContainer(id('dnx-d1'));
    const bridge = peerNames(snap, d1).find((r) => r.peer === 'dnx-d2');
    assert.deepEqual(bridge?.names, []);
    assert.match(bridge?.note ?? '', /no embedded DNS: only the address 172\.\d+\.\d+\.\d+ and legacy --link names work/);
  });

  test('a host-mode source reaches a bridge member from the host, ICC notwithstanding; the probe agrees', async () => {
    const e = explain('dnx-h', 'dnx-q1');
    assert.equal(e.reachable, true);
    assert.equal(e.steps.find((s) => s.kind === 'via-host')?.status, 'pass');
    await probeAgrees(e);
  });
});

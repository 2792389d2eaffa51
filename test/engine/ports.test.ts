// Published ports and host routes against the real private engine, read the way the extension reads them
// (src/docker/hostNet.ts on this machine's /proc, the engine's lists and inspects):
// - a host port taken by a process this test starts (a node server on 127.0.0.1): a created container asking for it
//   is reported, the Run form refuses it, and the engine indeed refuses to start it;
// - two containers asking for the same host port, one running and one created: both rows say so, the running one's
//   own docker-proxy listener is not taken for a host process, and the engine indeed refuses the second start;
// - a route held by a dummy interface that overlaps a network: the network is reported and Create Network refuses
//   the subnet. A dummy interface is the only allowed way to make a route here; this kernel may have no dummy
//   driver, and the test then skips with the reason.
// The test runs in the engine's network namespace (scripts/netns.sh run), so /proc/net here is the engine host's.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type Dockerode from 'dockerode';
import { takeSnapshot } from '../../src/docker/snapshot';
import { readHostRoutes, readListeners } from '../../src/docker/hostNet';
import { foreignListeners, publishedPorts, type RawPortBindings } from '../../src/core/ports';
import { portsState } from '../../src/core/portsView';
import { networkCollisions } from '../../src/core/hostRoutes';
import { emptyCreateNetworkForm, emptyRunForm, validationContext } from '../../src/core/forms';
import { validateCreateNetwork, validateRun } from '../../src/core/validate';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { engineAt, rawDocker } from './support';

const LABEL = 'dev.dockernetworks.ports-test';
const DUMMY = 'dn-rdummy0';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
}

describe('published ports and their conflicts, on the real engine', () => {
  const engine = engineAt();
  let docker: Dockerode;
  const server = createServer();
  let taken = 0;
  let shared = 0;
  const ids: Record<string, string> = {};

  before(async () => {
    docker = rawDocker();
    await cleanLabelled(docker, LABEL);
    taken = await listen(server);
    // A free port for the two containers: listen once, close, reuse (nothing else runs in this namespace).
    const probe = createServer();
    shared = await listen(probe);
    await new Promise((r) => probe.close(r));
    const make = async (name: string, hostPort: number, hostIp: string): Promise<Dockerode.Container> => {
      const c = await docker.createContainer({
        name, Image: SEED_IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: '1' }, ExposedPorts: { '80/tcp': {} },
        HostConfig: { NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: hostIp, HostPort: String(hostPort) }] } },
      });
      ids[name] = c.id;
      return c;
    };
    await (await make('dnpt-holder', shared, '127.0.0.1')).start();
    await make('dnpt-second', shared, '127.0.0.1');
    await make('dnpt-blocked', taken, '');
  });

  after(async () => {
    await cleanLabelled(docker, LABEL);
    await new Promise((r) => server.close(r));
  });

  test('the analysis: who clashes with whom, and the process the test started', async () => {
    const snap = await takeSnapshot(engine);
    const requested = new Map<string, RawPortBindings>();
    for (const c of snap.containers.filter((x) => x.State !== 'running' && x.Labels?.[LABEL])) {
      requested.set(c.Id, ((await engine.inspectContainer(c.Id)).HostConfig?.PortBindings ?? {}) as RawPortBindings);
    }
    const host = await readListeners(engine.resolved);
    assert.ok(host.available, 'the engine is on this machine (a unix socket)');
    // docker-proxy holds the running container's binding: it is in /proc/net/tcp, and it is the container's own.
    assert.ok(host.listeners.some((l) => l.address === '127.0.0.1' && l.port === shared), 'docker-proxy listens for dnpt-holder');
    assert.ok(host.listeners.some((l) => l.address === '127.0.0.1' && l.port === taken), 'the test\'s server is listed');
    const foreign = foreignListeners(host.listeners, snap.containers);
    assert.ok(!foreign.some((l) => l.port === shared));
    const state = portsState(publishedPorts(snap, requested).filter((b) => ids[b.containerName] !== undefined), { engine: '', listeners: foreign });
    const row = (name: string) => state.rows.find((r) => r.container.name === name);
    assert.deepEqual(row('dnpt-holder')?.conflicts.map((c) => [c.kind, c.otherId]), [['blocksStart', ids['dnpt-second']]]);
    assert.equal(row('dnpt-holder')?.exposure, 'loopback');
    assert.equal(row('dnpt-holder')?.mapping, `127.0.0.1:${shared} → dnpt-holder:80/tcp`);
    assert.equal(row('dnpt-holder')?.network?.name, 'bridge');
    assert.deepEqual(row('dnpt-second')?.conflicts.map((c) => [c.kind, c.otherId]), [['willClash', ids['dnpt-holder']]]);
    assert.deepEqual(row('dnpt-blocked')?.conflicts.map((c) => c.kind), ['hostProcess']);
    assert.match(row('dnpt-blocked')!.conflicts[0].text, new RegExp(`already listens on 127\\.0\\.0\\.1:${taken}`));
    assert.equal(row('dnpt-blocked')?.exposure, 'all');
  });

  test('the Run form refuses the taken port, on the same data', async () => {
    const snap = await takeSnapshot(engine);
    const host = await readListeners(engine.resolved);
    assert.ok(host.available);
    const ctx = validationContext(snap, { swarmManager: false, drivers: [] }, { listeners: host.listeners });
    const form = (port: number) => ({ ...emptyRunForm(), image: SEED_IMAGE, ports: [{ hostIp: '', hostPort: String(port), containerPort: '80', protocol: 'tcp' }] });
    assert.match(validateRun(form(taken), ctx)[0]?.message ?? '', /taken by a process on this machine listening on 127\.0\.0\.1/);
    assert.match(validateRun(form(shared), ctx)[0]?.message ?? '', /already published by container "dnpt-holder"/);
  });

  test('the engine agrees: neither the second container nor the blocked one can start', async () => {
    await assert.rejects(docker.getContainer(ids['dnpt-second']).start(), /already allocated|address already in use|bind/i);
    await assert.rejects(docker.getContainer(ids['dnpt-blocked']).start(), /already allocated|address already in use|bind/i);
  });
});

/** Creates the dummy interface holding the route; the reason it could not, otherwise. */
function makeDummy(): { made: boolean; why?: string } {
  try {
    const shown = execFileSync('ip', ['-d', 'link', 'show', DUMMY], { stdio: 'pipe' }).toString();
    return /\bdummy\b/.test(shown) ? { made: true } : { made: false, why: `${DUMMY} exists and is not a dummy interface` };
  } catch {
    // not there: make it
  }
  try {
    execFileSync('ip', ['link', 'add', DUMMY, 'type', 'dummy'], { stdio: 'pipe' });
    return { made: true };
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim() ?? String(e);
    return { made: false, why: `cannot create a dummy interface here (ip link add ${DUMMY} type dummy: ${stderr})` };
  }
}

describe('host route collisions, on the real engine', () => {
  const engine = engineAt();
  let docker: Dockerode;
  let dummy = false;

  before(async () => {
    docker = rawDocker();
    await cleanLabelled(docker, LABEL);
  });

  after(async () => {
    await cleanLabelled(docker, LABEL);
    if (dummy) execFileSync('ip', ['link', 'del', DUMMY], { stdio: 'pipe' });
  });

  test('a route on a dummy interface over a network\'s subnet is reported, and Create Network refuses it', async (t) => {
    const d = makeDummy();
    if (!d.made) {
      t.skip(d.why);
      return;
    }
    dummy = true;
    execFileSync('ip', ['addr', 'add', '10.77.200.1/24', 'dev', DUMMY], { stdio: 'pipe' });
    execFileSync('ip', ['link', 'set', DUMMY, 'up'], { stdio: 'pipe' });
    // An explicit subnet is taken as given: the engine checks host routes only for the pools it picks itself.
    const net = await docker.createNetwork({ Name: 'dnpt-routed', Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: '10.77.200.0/25' }] } });
    const snap = await takeSnapshot(engine);
    const routes = await readHostRoutes(engine.resolved);
    assert.ok(routes.available);
    const found = networkCollisions(snap.networks, routes.facts).get(net.id);
    assert.deepEqual(found?.map((c) => [c.iface, c.hostCidr]), [[DUMMY, '10.77.200.0/24']]);
    const form = { ...emptyCreateNetworkForm(), name: 'dnpt-new', ipv4: [{ subnet: '10.77.200.128/25', ipRange: '', gateway: '', auxAddresses: '' }] };
    const errors = validateCreateNetwork(form, validationContext(snap, { swarmManager: false, drivers: [] }, { routes: routes.facts }));
    assert.deepEqual(errors.map((e) => e.field), ['ipv4[0].subnet']);
    assert.match(errors[0].message, new RegExp(`10\\.77\\.200\\.0/24 is routed through ${DUMMY}`));
  });

  test('without a foreign route, the engine\'s own bridges collide with nothing', async () => {
    const net = await docker.createNetwork({ Name: 'dnpt-plain', Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: '10.77.201.0/24' }] } });
    const snap = await takeSnapshot(engine);
    const routes = await readHostRoutes(engine.resolved);
    assert.ok(routes.available);
    // Its bridge br-<id> carries 10.77.201.0/24: its own, so no collision.
    assert.ok(routes.facts.routes.some((r) => r.iface === `br-${net.id.slice(0, 12)}` && r.cidr === '10.77.201.0/24'));
    assert.equal(networkCollisions(snap.networks, routes.facts).get(net.id), undefined);
  });
});

// The snapshot against the real engine: the seed scenario, compared field by field with the engine's own inspect.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Dockerode from 'dockerode';
import { takeSnapshot } from '../../src/docker/snapshot';
import { EndpointDetailsCache } from '../../src/docker/details';
import type { Attachment, NetworkView, Snapshot } from '../../src/core/model';
import { SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { startCountingProxy, socketOf, type CountingProxy } from '../support/countingProxy';
import { engineAt, rawDocker } from './support';
import { compareApi, describeNegotiation, NEWEST_TESTED_API } from '../../src/core/apiVersion';
import { startVersionProxy } from '../support/versionProxy';
import { request, startFaultProxy } from '../support/faultProxy';

const IMAGE = 'localbusybox:latest';

function net(s: Snapshot, name: string): NetworkView {
  const n = s.networks.find((x) => x.name === name);
  assert.ok(n, `network ${name} missing from snapshot`);
  return n;
}

function on(n: NetworkView, name: string): Attachment {
  const a = n.attachments.find((x) => x.name === name);
  assert.ok(a, `${name} not listed under ${n.name}`);
  return a;
}

describe('snapshot on the seed scenario', () => {
  let docker: Dockerode;
  let snap: Snapshot;

  before(async () => {
    docker = rawDocker();
    await seedUp(docker, SEED_LABEL);
    // The modes the join must place: host, none, a shared namespace, and containers that are not running.
    const mk = async (name: string, NetworkMode: string, start = true): Promise<void> => {
      const c = await docker.createContainer({ name, Image: IMAGE, Cmd: ['sleep', '86400'], Labels: { [SEED_LABEL]: '1' }, HostConfig: { NetworkMode } });
      if (start) await c.start();
    };
    await mk('dn-hostmode', 'host');
    await mk('dn-nonemode', 'none');
    await mk('dn-shared', 'container:test4');
    await mk('dn-created', 'my-net', false);
    await mk('dn-stopped', 'bridge');
    await docker.getContainer('dn-stopped').kill();
    snap = await takeSnapshot(engineAt());
  });

  after(async () => {
    await seedDown(docker, [SEED_LABEL]);
  });

  test('every network agrees with `docker network inspect`', async () => {
    for (const name of ['my-net', 'bridge', 'host', 'none']) {
      const view = net(snap, name);
      const info = await docker.getNetwork(view.id).inspect();
      assert.equal(view.name, info.Name);
      assert.equal(view.driver, info.Driver);
      assert.equal(view.scope, info.Scope);
      assert.equal(view.internal, info.Internal);
      assert.equal(view.attachable, info.Attachable);
      assert.equal(view.enableIPv6, info.EnableIPv6);
      assert.deepEqual(view.options, info.Options ?? {});
      assert.deepEqual(view.labels, info.Labels ?? {});
      assert.deepEqual(
        view.ipam.map((c) => [c.subnet, c.ipRange, c.gateway]),
        (info.IPAM?.Config ?? []).map((c: { Subnet?: string; IPRange?: string; Gateway?: string }) => [c.Subnet, c.IPRange, c.Gateway]),
      );
      // inspect lists running endpoints; each must be in the snapshot with the same addresses.
      for (const [id, ep] of Object.entries(info.Containers ?? {})) {
        const a = view.attachments.find((x) => x.containerId === id);
        assert.ok(a, `${ep.Name} (on ${name} per inspect) missing from the snapshot`);
        assert.equal(a.ipv4 ?? '', ep.IPv4Address, `${ep.Name} IPv4 on ${name}`);
        assert.equal(a.ipv6 ?? '', ep.IPv6Address, `${ep.Name} IPv6 on ${name}`);
        assert.equal(a.mac ?? '', ep.MacAddress, `${ep.Name} MAC on ${name}`);
        assert.equal(a.endpointId, ep.EndpointID);
      }
    }
  });

  test('the seed IPAM is exactly what was asked for', () => {
    assert.deepEqual(net(snap, 'my-net').ipam, [
      { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: {} },
    ]);
  });

  test('every container agrees with `docker inspect`, on each of its networks', async () => {
    const details = new EndpointDetailsCache(engineAt());
    for (const name of ['test1', 'test2', 'test3', 'test4']) {
      const info = await docker.getContainer(name).inspect();
      for (const [netName, ep] of Object.entries(info.NetworkSettings.Networks)) {
        const a = on(net(snap, netName), name);
        assert.equal(a.containerId, info.Id);
        assert.equal(a.shortId, info.Id.slice(0, 12));
        assert.equal(a.state, info.State.Status);
        assert.equal(a.ipv4, `${ep.IPAddress}/${ep.IPPrefixLen}`);
        assert.equal(a.mac, ep.MacAddress);
        assert.equal(a.gateway, ep.Gateway);
        // Engine 20.10 lists no Aliases; newer engines do. Either way the list never contradicts inspect,
        // and the on-demand details (what a tree tooltip shows) match it exactly.
        for (const alias of a.aliases) assert.ok(ep.Aliases?.includes(alias), `${name} alias ${alias}`);
        assert.deepEqual((await details.get(a, netName))?.aliases, ep.Aliases ?? []);
        assert.equal(a.networkMode, info.HostConfig.NetworkMode);
      }
      // …and on no other network.
      const listed = snap.networks.filter((n) => n.attachments.some((a) => a.name === name)).map((n) => n.name).sort();
      assert.deepEqual(listed, Object.keys(info.NetworkSettings.Networks).sort());
    }
  });

  test('the seed wiring: test1 on bridge and my-net, test4 at 172.28.5.10 with 8080 → 80/tcp', () => {
    const myNet = net(snap, 'my-net');
    assert.deepEqual(myNet.attachments.filter((a) => a.name.startsWith('test')).map((a) => a.name), ['test1', 'test4']);
    const t4 = on(myNet, 'test4');
    assert.equal(t4.ipv4, '172.28.5.10/16');
    assert.ok(t4.ports.some((p) => p.hostPort === 8080 && p.containerPort === 80 && p.protocol === 'tcp'), JSON.stringify(t4.ports));
    assert.ok(on(myNet, 'test1').ipv4?.startsWith('172.28.5.'), 'test1 gets an address from the ip-range');
    for (const t of ['test1', 'test2', 'test3']) assert.ok(on(net(snap, 'bridge'), t).ipv4?.startsWith('172.17.'));
  });

  test('host, none and container: modes, and containers that are not running', () => {
    assert.equal(on(net(snap, 'host'), 'dn-hostmode').networkMode, 'host');
    assert.equal(on(net(snap, 'none'), 'dn-nonemode').networkMode, 'none');
    const shared = on(net(snap, 'my-net'), 'dn-shared');
    assert.equal(shared.sharesNamespaceOf, 'test4');
    assert.equal(shared.ipv4, '172.28.5.10/16', 'a shared namespace has its owner’s address');
    assert.ok(!net(snap, 'bridge').attachments.some((a) => a.name === 'dn-shared'));
    assert.equal(on(net(snap, 'my-net'), 'dn-created').state, 'created');
    const stopped = on(net(snap, 'bridge'), 'dn-stopped');
    assert.equal(stopped.state, 'exited');
    assert.equal(stopped.ipv4, undefined, 'a stopped container holds no address');
  });
});

describe('cost of a snapshot', () => {
  let proxy: CountingProxy;
  const docker = rawDocker();
  const extra: string[] = [];

  before(async () => {
    proxy = await startCountingProxy(socketOf(process.env.DOCKER_HOST));
  });

  after(async () => {
    await Promise.all(extra.map((id) => docker.getNetwork(id).remove().catch(() => undefined)));
    await proxy.close();
  });

  test('exactly 2 requests, whatever the number of networks', async () => {
    const engine = engineAt(proxy.url);
    await engine.negotiate(); // once per client, before anything else (its own test below)
    const counts: number[] = [];
    for (const add of [0, 12]) {
      for (let i = 0; i < add; i++) {
        const n = await docker.createNetwork({ Name: `dn-cost-${i}`, Labels: { [SEED_LABEL]: '1' } });
        extra.push(n.id);
      }
      proxy.reset();
      const s = await takeSnapshot(engine);
      assert.ok(s.networks.length >= 3 + add);
      counts.push(proxy.requests.length);
      // Strip the API version prefix and query: what matters is which endpoints were hit.
      const hit = proxy.requests.map((r) => r.replace(/ \/v[\d.]+\//, ' /').split('?')[0]).sort();
      assert.deepEqual(hit, ['GET /containers/json', 'GET /networks']);
    }
    assert.deepEqual(counts, [2, 2]);
  });
});

describe('API version negotiation', () => {
  let proxy: CountingProxy;

  before(async () => {
    proxy = await startCountingProxy(socketOf(process.env.DOCKER_HOST));
  });

  after(async () => {
    await proxy.close();
  });

  test('asks GET /_ping once, unversioned (its headers name the API and the version; /version is not asked), with the first lists beside it; then sends every request as /v<min(engine API, newest tested)>/', async () => {
    // what the engine says, read without our client
    const raw = (await rawDocker().version()) as { ApiVersion: string; Version: string };
    const expected = compareApi(raw.ApiVersion, NEWEST_TESTED_API) > 0 ? NEWEST_TESTED_API : raw.ApiVersion;
    const engine = engineAt(proxy.url);
    proxy.reset();
    const [a, b] = await Promise.all([takeSnapshot(engine), takeSnapshot(engine)]);
    assert.equal(a.api, expected);
    assert.equal(b.api, expected);
    // the same facts as GET /version gives
    assert.equal(engine.negotiated?.engineVersion, raw.Version);
    assert.equal(engine.negotiated?.engineApi, raw.ApiVersion);
    assert.equal(engine.negotiated?.product, 'Docker Engine');
    const paths = proxy.requests.map((r) => r.split('?')[0]);
    assert.deepEqual(paths.filter((p) => p.endsWith('/_ping') || p.endsWith('/version')), ['GET /_ping'], 'one unversioned /_ping, even for two calls at once, and no /version');
    const lists = paths.filter((p) => !p.endsWith('/_ping'));
    if (expected === raw.ApiVersion) {
      // the engine's own API is the one spoken: the lists sent beside the ping, without a prefix, are kept
      assert.deepEqual(lists.sort(), ['GET /containers/json', 'GET /containers/json', 'GET /networks', 'GET /networks']);
    } else {
      // a newer engine than we test: those answers are dropped and the lists asked again at the tested API
      assert.equal(lists.length, 8, lists.join(', '));
    }
    proxy.reset();
    await takeSnapshot(engine);
    const after = proxy.requests.map((r) => r.split('?')[0]);
    assert.equal(after.length, 2);
    for (const p of after) assert.match(p, new RegExp(`^GET /v${expected.replace('.', '\\.')}/(networks|containers/json)$`), p);
  });

  test('an engine whose /_ping does not say its version (a proxy that drops the headers) is asked GET /version instead', async () => {
    const raw = (await rawDocker().version()) as { ApiVersion: string; Version: string };
    const bare = await startFaultProxy(socketOf(process.env.DOCKER_HOST));
    bare.add({ match: request('GET', '/_ping'), action: { headers: (h) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'api-version' && k !== 'server')) } });
    try {
      const engine = engineAt(bare.url);
      await takeSnapshot(engine);
      assert.equal(engine.negotiated?.engineVersion, raw.Version);
      // (the first lists go beside the ping: Engine.callEarly)
      assert.deepEqual(bare.paths.map((p) => p.split('?')[0]).filter((p) => /\/(_ping|version)$/.test(p)), ['GET /_ping', 'GET /version']);
    } finally {
      await bare.close();
    }
  });
});

describe('an engine newer than the newest we test', () => {
  test('is spoken to at the newest tested API, keeps working, and says so', async (t) => {
    const real = (await rawDocker().version()) as { ApiVersion: string };
    if (compareApi(real.ApiVersion, NEWEST_TESTED_API) < 0) {
      // the proxy only changes what the engine claims: the real engine must still accept the newest tested version
      t.skip(`needs API ≥ ${NEWEST_TESTED_API} (engine has ${real.ApiVersion})`);
      return;
    }
    const proxy = await startVersionProxy(socketOf(process.env.DOCKER_HOST), (v) => ({ ...v, ApiVersion: '1.99', Version: '99.0.0' }));
    try {
      const engine = engineAt(proxy.url);
      const s = await takeSnapshot(engine);
      assert.equal(s.api, NEWEST_TESTED_API);
      assert.ok(s.networks.some((n) => n.name === 'bridge'));
      assert.deepEqual(engine.negotiated?.note, { kind: 'newer-than-tested', engineApi: '1.99', tested: NEWEST_TESTED_API });
      assert.match(describeNegotiation(engine.negotiated!), /99\.0\.0, API 1\.99 .*newer than the newest this extension is tested with/);
      // the lists sent beside the ping (unversioned: the engine's own API) were dropped, and asked again at the
      // tested API; everything else went with that prefix
      const paths = proxy.paths.map((p) => p.split('?')[0]).filter((p) => p !== 'GET /_ping');
      const bare = paths.filter((p) => !p.startsWith(`GET /v${NEWEST_TESTED_API}/`));
      assert.deepEqual(bare.sort(), ['GET /containers/json', 'GET /networks'], paths.join(', '));
      assert.deepEqual(paths.filter((p) => !bare.includes(p)).sort(), [`GET /v${NEWEST_TESTED_API}/containers/json`, `GET /v${NEWEST_TESTED_API}/networks`]);
    } finally {
      await proxy.close();
    }
  });
});

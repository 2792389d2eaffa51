import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawEndpoint, RawNetwork, RawPort, Snapshot } from '../../src/core/model';
import { collectPublished, indexNodes } from '../../src/core/reachIndex';
import {
  blockedFrom, computeReachability, describeVia, describeBlock,
  reachableFrom, reachBetween, summarizeReach, type PairReach, type Reachability, type ReachEntry,
} from '../../src/core/reachability';

/** Test helpers: a way and a pair in one sentence, from the words the map and Check Connectivity use. */
function explainReach(e: ReachEntry): string {
  return `${e.fromName} can reach: ${e.toName} (${e.via.map(describeVia).join('; ')})`;
}

function explainPair(p: PairReach): string {
  return p.reachable
    ? `${p.fromName} can reach ${p.toName} (${p.via.map(describeVia).join('; ')})`
    : `${p.fromName} cannot reach ${p.toName}: ${p.blocked.map(describeBlock).join('; ')}`;
}

// Hand-made topologies, shaped like Engine API 1.41 answers and joined by the real joinSnapshot.

function hexId(seed: string): string {
  let h = '';
  for (let i = 0; h.length < 64; i += 1) h += ((seed.charCodeAt(i % seed.length) * 31 + i * 7) % 256).toString(16).padStart(2, '0');
  return h.slice(0, 64);
}

interface NetSpec {
  driver?: string;
  subnet?: string;
  internal?: boolean;
  options?: Record<string, string>;
}

function network(name: string, spec: NetSpec = {}): RawNetwork {
  const driver = spec.driver ?? (name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge');
  return {
    Name: name, Id: `n-${hexId(name)}`.slice(0, 64), Scope: driver === 'overlay' ? 'swarm' : 'local', Driver: driver,
    Internal: spec.internal ?? false, Attachable: false, Ingress: false, EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: spec.subnet ? [{ Subnet: spec.subnet }] : [] },
    Options: spec.options ?? {}, Labels: {},
  };
}

/** `on` maps network name → IPv4 (empty for host/none and stopped containers). */
function container(name: string, on: Record<string, string>, more: { state?: string; mode?: string; ports?: RawPort[] } = {}):
  RawContainer {
  const state = more.state ?? 'running';
  const networks: Record<string, RawEndpoint> = {};
  for (const [net, ip] of Object.entries(on)) {
    networks[net] = {
      NetworkID: `n-${hexId(net)}`.slice(0, 64), EndpointID: ip ? `ep-${name}-${net}` : '', IPAddress: ip,
      IPPrefixLen: ip ? 16 : 0, Gateway: '', MacAddress: '', Aliases: null,
    };
  }
  return {
    Id: hexId(`c-${name}`), Names: [`/${name}`], Image: 'busybox-local', State: state,
    Status: state === 'running' ? 'Up 1 minute' : 'Exited (0) 1 minute ago', Ports: more.ports ?? [],
    HostConfig: { NetworkMode: more.mode ?? Object.keys(on)[0] ?? 'default' }, NetworkSettings: { Networks: networks },
  };
}

function setup(networks: RawNetwork[], containers: RawContainer[]): { s: Snapshot; r: Reachability; id: (n: string) => string } {
  const s = joinSnapshot(networks, containers);
  const ids = new Map(containers.map((c) => [c.Names[0].slice(1), c.Id]));
  const id = (n: string): string => {
    const found = ids.get(n);
    assert.ok(found, `no container ${n}`);
    return found;
  };
  return { s, r: computeReachability(s), id };
}

function targets(r: Reachability, id: string): string[] {
  return reachableFrom(r, id).map((e) => e.toName);
}

function entry(r: Reachability, from: string, toName: string): ReachEntry {
  const e = reachableFrom(r, from).find((x) => x.toName === toName);
  assert.ok(e, `${toName} not reachable; reachable: ${targets(r, from).join(', ')}`);
  return e;
}

const BRIDGE = network('bridge', { subnet: '172.17.0.0/16', options: {
  'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.name': 'docker0',
} });
const HOST = network('host');
const NONE = network('none');

// The seed: test1, test2, test3 on the default bridge; my-net with test4; test1 also joined my-net.
function seed(): ReturnType<typeof setup> {
  const myNet = network('my-net', { subnet: '172.18.0.0/16' });
  return setup([BRIDGE, HOST, NONE, myNet], [
    container('test1', { bridge: '172.17.0.2', 'my-net': '172.18.0.3' }),
    container('test2', { bridge: '172.17.0.3' }),
    container('test3', { bridge: '172.17.0.4' }),
    container('test4', { 'my-net': '172.18.0.2' }),
  ]);
}

describe('reachability: the seed', () => {
  test('test4 reaches test1 only, via my-net at its my-net address', () => {
    const { r, id } = seed();
    assert.deepEqual(reachableFrom(r, id('test4')), [{
      from: id('test4'), fromName: 'test4', to: id('test1'), toName: 'test1',
      via: [{ kind: 'network', network: 'my-net', networkId: `n-${hexId('my-net')}`.slice(0, 64), driver: 'bridge', detail: '172.18.0.3', notes: [] }],
    }]);
    assert.equal(explainReach(reachableFrom(r, id('test4'))[0]), 'test4 can reach: test1 (via my-net)');
    assert.equal(summarizeReach(r, id('test4')), 'test4 can reach: test1 (via my-net)');
  });

  test('test2 reaches test1 and test3 via bridge; test1 reaches all three', () => {
    const { r, id } = seed();
    assert.deepEqual(targets(r, id('test2')), ['test1', 'test3']);
    assert.equal(entry(r, id('test2'), 'test1').via[0].detail, '172.17.0.2');
    assert.equal(summarizeReach(r, id('test2')), 'test2 can reach: test1 (via bridge), test3 (via bridge)');
    assert.deepEqual(targets(r, id('test1')), ['test2', 'test3', 'test4']);
    assert.deepEqual(entry(r, id('test1'), 'test4').via.map((v) => v.network), ['my-net']);
  });

  test('test4 → test2: not reachable, they share no network', () => {
    const { r, id } = seed();
    const p = reachBetween(r, id('test4'), id('test2'));
    assert.equal(p.reachable, false);
    assert.deepEqual(p.blocked, [{ kind: 'no-common-network' }]);
    assert.equal(explainPair(p), 'test4 cannot reach test2: they share no network');
    assert.equal(explainPair(reachBetween(r, id('test4'), id('test1'))), 'test4 can reach test1 (via my-net)');
  });

  test('reachability is symmetric on plain networks', () => {
    const { r, id } = seed();
    for (const a of ['test1', 'test2', 'test3', 'test4']) {
      for (const e of reachableFrom(r, id(a))) assert.ok(targets(r, e.to).includes(a), `${e.toName} → ${a}`);
    }
  });
});

describe('reachability: rules', () => {
  test('a pair on several networks lists every way, in snapshot order', () => {
    const { r, id } = setup([BRIDGE, network('front'), network('back')], [
      container('a', { front: '10.1.0.2', back: '10.2.0.2', bridge: '172.17.0.2' }),
      container('b', { front: '10.1.0.3', back: '10.2.0.3', bridge: '172.17.0.3' }),
    ]);
    assert.deepEqual(entry(r, id('a'), 'b').via.map((v) => [v.kind, v.network, v.detail]), [
      ['network', 'back', '10.2.0.3'], ['network', 'front', '10.1.0.3'], ['network', 'bridge', '172.17.0.3'],
    ]);
    assert.equal(explainReach(entry(r, id('a'), 'b')), 'a can reach: b (via back; via front; via bridge)');
  });

  test('a bridge with ICC disabled connects nobody, and says why', () => {
    const noIcc = network('locked', { options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const { r, id } = setup([noIcc, network('open')], [
      container('a', { locked: '10.9.0.2' }),
      container('b', { locked: '10.9.0.3', open: '10.8.0.3' }),
      container('c', { open: '10.8.0.4' }),
    ]);
    assert.deepEqual(targets(r, id('a')), []);
    assert.deepEqual(blockedFrom(r, id('a')).map((b) => [b.toName, b.reason, b.network]), [['b', 'icc-disabled', 'locked']]);
    const p = reachBetween(r, id('a'), id('b'));
    assert.deepEqual([p.reachable, p.blocked], [false, [{ kind: 'icc-disabled', network: 'locked' }]]);
    assert.equal(explainPair(p), 'a cannot reach b: inter-container traffic (ICC) is disabled on locked');
    assert.deepEqual(targets(r, id('b')), ['c'], 'the other network still works');
  });

  test('ICC "true" or absent does not block; the option is ignored on overlay', () => {
    const overlay = network('swarm-net', { driver: 'overlay', options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const { r, id } = setup([overlay], [container('a', { 'swarm-net': '10.0.1.2' }), container('b', { 'swarm-net': '10.0.1.3' })]);
    assert.deepEqual(targets(r, id('a')), ['b']);
    assert.equal(entry(r, id('a'), 'b').via[0].driver, 'overlay');
  });

  test('an internal network still connects its members, and the way is noted', () => {
    const { r, id } = setup([network('private-net', { internal: true })], [
      container('a', { 'private-net': '10.7.0.2' }), container('b', { 'private-net': '10.7.0.3' }),
    ]);
    const e = entry(r, id('a'), 'b');
    assert.deepEqual(e.via[0].notes, ['internal']);
    assert.equal(explainReach(e), 'a can reach: b (via private-net, an internal network (no outside access))');
  });

  test('macvlan and ipvlan members reach each other, noted: the host cannot reach them', () => {
    const mv = network('lan', { driver: 'macvlan' });
    const iv = network('lan2', { driver: 'ipvlan' });
    const { r, id } = setup([mv, iv, HOST], [
      container('a', { lan: '192.168.50.2', lan2: '192.168.60.2' }), container('b', { lan: '192.168.50.3', lan2: '192.168.60.3' }),
      container('h', { host: '' }, { mode: 'host' }),
    ]);
    assert.deepEqual(entry(r, id('a'), 'b').via.map((v) => [v.network, v.notes]), [['lan', ['host-unreachable']], ['lan2', ['host-unreachable']]]);
    assert.match(describeVia(entry(r, id('a'), 'b').via[0]), /host cannot reach \(macvlan\)/);
    assert.deepEqual(targets(r, id('h')), [], 'a host-mode container cannot reach macvlan/ipvlan members');
    assert.deepEqual(blockedFrom(r, id('h')).map((b) => [b.toName, b.reason]).sort(),
      [['a', 'host-unreachable'], ['a', 'host-unreachable'], ['b', 'host-unreachable'], ['b', 'host-unreachable']]);
    assert.equal(explainPair(reachBetween(r, id('h'), id('a'))),
      'h cannot reach a: the host cannot reach containers on lan (macvlan/ipvlan); the host cannot reach containers on lan2 (macvlan/ipvlan)');
  });

  test('stopped and created containers reach nothing and are unreachable', () => {
    const { r, id } = setup([BRIDGE], [
      container('up', { bridge: '172.17.0.2' }),
      container('down', { bridge: '' }, { state: 'exited' }),
      container('fresh', { bridge: '' }, { state: 'created' }),
    ]);
    assert.deepEqual(targets(r, id('up')), []);
    assert.deepEqual(targets(r, id('down')), []);
    assert.equal(summarizeReach(r, id('down')), 'down is not running (exited): it reaches nothing.');
    const p = reachBetween(r, id('up'), id('fresh'));
    assert.deepEqual(p.blocked, [{ kind: 'target-not-running', name: 'fresh', state: 'created' }]);
    assert.equal(explainPair(p), 'up cannot reach fresh: fresh is not running (created)');
  });

  test('the none network connects nothing', () => {
    const { r, id } = setup([BRIDGE, NONE], [
      container('iso', { none: '' }, { mode: 'none' }), container('iso2', { none: '' }, { mode: 'none' }),
      container('b', { bridge: '172.17.0.2' }),
    ]);
    assert.deepEqual(targets(r, id('iso')), []);
    assert.deepEqual(targets(r, id('b')), []);
    assert.equal(summarizeReach(r, id('iso')), 'iso has no network (none): it reaches nothing.');
    assert.deepEqual(reachBetween(r, id('iso'), id('iso2')).blocked, [{ kind: 'no-network', name: 'iso' }]);
    assert.deepEqual(reachBetween(r, id('b'), id('iso')).blocked, [{ kind: 'no-network', name: 'iso' }]);
  });

  test('container: sharing: members are one endpoint, reach each other on localhost and everything the owner reaches', () => {
    const web = container('web', { bridge: '172.17.0.2', app: '10.3.0.2' });
    const { r, id } = setup([BRIDGE, network('app')], [
      web,
      container('sidecar', {}, { mode: `container:${web.Id}` }),
      container('chained', {}, { mode: 'container:sidecar' }),
      container('db', { app: '10.3.0.5' }),
      container('other', { bridge: '172.17.0.9' }),
    ]);
    assert.deepEqual(targets(r, id('sidecar')), ['chained', 'db', 'other', 'web']);
    assert.deepEqual(entry(r, id('sidecar'), 'web').via, [{ kind: 'shared-namespace', detail: 'localhost', notes: [] }]);
    assert.equal(explainReach(entry(r, id('sidecar'), 'web')), 'sidecar can reach: web (via localhost, same network namespace)');
    assert.deepEqual(entry(r, id('chained'), 'db').via.map((v) => [v.network, v.detail]), [['app', '10.3.0.5']]);
    // Seen from outside, every member is reachable at the owner's address, and only once per network.
    assert.deepEqual(targets(r, id('db')), ['chained', 'sidecar', 'web']);
    assert.deepEqual(entry(r, id('db'), 'sidecar').via.map((v) => v.detail), ['10.3.0.2']);
    assert.equal(r.nodes.get(id('chained'))?.namespaceOwner, web.Id);
  });

  test('a namespace member reaches nothing once its owner stops; an orphan member reaches nothing', () => {
    const owner = container('owner', { bridge: '' }, { state: 'exited' });
    const { r, id } = setup([BRIDGE], [
      owner, container('member', {}, { mode: `container:${owner.Id}` }),
      container('orphan', {}, { mode: 'container:gone' }),
      container('b', { bridge: '172.17.0.2' }),
    ]);
    assert.deepEqual(targets(r, id('member')), []);
    assert.equal(r.nodes.get(id('member'))?.live, false);
    assert.deepEqual(targets(r, id('orphan')), []);
    assert.equal(r.nodes.get(id('orphan'))?.mode, 'none');
  });

  test('host mode: reaches bridge members via the host (ICC aside), published ports host side first, and other host-mode containers on localhost', () => {
    const locked = network('locked', { options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const { r, id } = setup([BRIDGE, HOST, locked, network('ov', { driver: 'overlay' }), network('inner', { internal: true })], [
      container('exporter', { host: '' }, { mode: 'host' }),
      container('agent', { host: '' }, { mode: 'host' }),
      container('agent-side', {}, { mode: 'container:agent' }),
      container('web', { bridge: '172.17.0.2' }, { ports: [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
      ] }),
      container('vault', { locked: '10.6.0.2' }),
      container('swarmy', { ov: '10.0.9.2' }),
      container('hidden', { inner: '10.5.0.2' }),
    ]);
    assert.deepEqual(targets(r, id('exporter')), ['agent', 'agent-side', 'hidden', 'vault', 'web']);
    assert.deepEqual(entry(r, id('exporter'), 'web').via.map((v) => [v.kind, v.network, v.detail]), [
      ['host', 'bridge', '172.17.0.2'],
      ['published-port', undefined, '0.0.0.0:8080 → 80/tcp'],
      ['published-port', undefined, ':::8080 → 80/tcp'.replace(':::', '[::]:')],
    ]);
    assert.equal(explainReach(entry(r, id('exporter'), 'web')),
      'exporter can reach: web (via the host, on bridge (172.17.0.2); via the host, published port 0.0.0.0:8080 → 80/tcp; via the host, published port [::]:8080 → 80/tcp)');
    assert.deepEqual(entry(r, id('exporter'), 'agent').via, [{ kind: 'shared-namespace', network: 'host', detail: 'localhost', notes: [] }]);
    assert.deepEqual(entry(r, id('exporter'), 'hidden').via[0].notes, ['internal']);
    assert.equal(entry(r, id('exporter'), 'vault').via[0].kind, 'host', 'ICC does not stop the host');
    assert.ok(!targets(r, id('exporter')).includes('swarmy'), 'the host has no route into an overlay');
    assert.deepEqual(targets(r, id('agent-side')), ['agent', 'exporter', 'hidden', 'vault', 'web'], 'container:<host-mode> is on the host stack too');
    assert.deepEqual(targets(r, id('web')), [], 'bridged containers do not reach host-mode ones (not modelled)');
  });

  test('the ports published on the host: every one of running containers, in port order', () => {
    const { s } = setup([BRIDGE], [
      container('web', { bridge: '172.17.0.2' }, { ports: [
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
        { PrivatePort: 443, Type: 'tcp' },
      ] }),
      container('old', { bridge: '' }, { state: 'exited', ports: [{ IP: '0.0.0.0', PrivatePort: 22, PublicPort: 2222, Type: 'tcp' }] }),
    ]);
    const shown = collectPublished(s.containers, indexNodes(s.containers)).map((p) => `${p.port.hostIp ?? ''}:${p.port.hostPort} → ${p.containerName}:${p.port.containerPort}/${p.port.protocol}`);
    assert.deepEqual(shown, ['127.0.0.1:5353 → web:53/udp', '0.0.0.0:8080 → web:80/tcp', ':::8080 → web:80/tcp']);
  });

  test('unknown ids and self', () => {
    const { r, id } = seed();
    assert.deepEqual(reachableFrom(r, 'nope'), []);
    assert.deepEqual(reachBetween(r, 'nope', id('test1')).blocked, [{ kind: 'unknown-container', id: 'nope' }]);
    assert.equal(reachBetween(r, id('test1'), id('test1')).reachable, true);
    assert.equal(summarizeReach(r, 'nope'), 'Unknown container nope.');
  });

  test('answers are cached per source and do not leak between members of a namespace', () => {
    const web = container('web', { bridge: '172.17.0.2' });
    const { r, id } = setup([BRIDGE], [web, container('side', {}, { mode: 'container:web' }), container('x', { bridge: '172.17.0.3' })]);
    assert.equal(reachableFrom(r, id('web')), reachableFrom(r, id('web')));
    assert.deepEqual(targets(r, id('web')), ['side', 'x']);
    assert.deepEqual(targets(r, id('side')), ['web', 'x']);
    assert.ok(reachableFrom(r, id('side')).every((e) => e.from === id('side') && e.fromName === 'side'));
  });
});

// The bench's shape (bench/README.md): N bridge networks, M containers each on 1–3 of them (the first round robin,
// the others from a seeded PRNG), plus the default bridge, host-mode and container: members.
function bigTopology(n: number, m: number): Snapshot {
  let seedValue = 42;
  const rand = (k: number): number => {
    seedValue = (seedValue * 1103515245 + 12345) & 0x7fffffff;
    return seedValue % k;
  };
  const nets = [BRIDGE, HOST, NONE];
  for (let i = 0; i < n; i += 1) {
    nets.push(network(`bench-net-${String(i).padStart(3, '0')}`, { subnet: `10.${128 + (i >> 8)}.${i % 256}.0/24` }));
  }
  const containers: RawContainer[] = [];
  for (let j = 0; j < m; j += 1) {
    const name = `bench-c-${String(j).padStart(4, '0')}`;
    const on: Record<string, string> = {};
    const count = 1 + rand(3);
    for (let k = 0; k < count; k += 1) {
      const i = k === 0 ? j % n : rand(n);
      on[nets[3 + i].Name] = `10.${128 + (i >> 8)}.${i % 256}.${2 + (j % 250)}`;
    }
    if (j % 10 === 0) on.bridge = `172.17.${j >> 8}.${2 + (j % 250)}`;
    const ports: RawPort[] = j % 25 === 0 ? [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 20000 + j, Type: 'tcp' }] : [];
    const mode = j % 100 === 1 ? 'host' : j % 100 === 2 ? `container:bench-c-${String(j - 2).padStart(4, '0')}` : undefined;
    containers.push(container(name, mode === 'host' ? { host: '' } : mode ? {} : on, { mode, ports, state: j % 50 === 3 ? 'exited' : 'running' }));
  }
  return joinSnapshot(nets, containers);
}

// Timings are printed, not judged tightly: the unit tests share 2 cores with other work. The bounds only catch a
// quadratic regression (the warm figures on an idle machine are a few ms to index and ~40 ms for all 1000 sources).
describe('reachability: scale', () => {
  test('300 networks × 1000 containers: index, one source, and every source (cold, then warm)', () => {
    const s = bigTopology(300, 1000);
    for (const round of ['cold', 'warm']) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = computeReachability(s);
      const t1 = performance.now();
      const one = reachableFrom(r, s.containers[7].Id);
      const t2 = performance.now();
      let edges = 0;
      for (const c of s.containers) edges += reachableFrom(r, c.Id).length;
      const t3 = performance.now();
      const cpu = process.cpuUsage(cpu0).user / 1000;
      const hostMode = reachableFrom(r, s.containers[1].Id);
      console.log(`[reachability 300×1000, ${round}] index ${(t1 - t0).toFixed(1)} ms, one source ${(t2 - t1).toFixed(2)} ms `
        + `(${one.length} targets), all 1000 sources ${(t3 - t1).toFixed(1)} ms (${edges} entries); CPU ${cpu.toFixed(1)} ms; `
        + `a host-mode source reaches ${hostMode.length}`);
      assert.ok(one.length > 0 && hostMode.length > 900);
      assert.ok(t1 - t0 < 1000, `index took ${t1 - t0} ms`);
      assert.ok(t3 - t0 < 5000, `everything took ${t3 - t0} ms`);
    }
  });

  test('worst case: 1000 running containers on one bridge', () => {
    const containers = Array.from({ length: 1000 }, (_, j) => container(`c${j}`, { bridge: `172.17.${j >> 8}.${j % 256}` }));
    const s = joinSnapshot([BRIDGE], containers);
    const t0 = performance.now();
    const r = computeReachability(s);
    const one = reachableFrom(r, containers[0].Id);
    const t1 = performance.now();
    console.log(`[reachability 1 bridge × 1000] index + one source ${(t1 - t0).toFixed(1)} ms (${one.length} targets)`);
    assert.equal(one.length, 999);
    assert.ok(t1 - t0 < 1000, `took ${t1 - t0} ms`);
  });
});

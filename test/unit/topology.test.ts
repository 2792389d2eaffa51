import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawEndpoint, RawNetwork, RawPort, Snapshot } from '../../src/core/model';
import { buildTopology, reachabilityOf, topologyReach } from '../../src/core/topology';
import { parseTopologyMessage } from '../../src/protocol/topology';
import { filterGraph, parseQuery } from '../../src/webview/topology/filter';

// Hand-made engine answers (Engine API 1.41 shapes) joined by the real joinSnapshot; ids are 64 hex digits.

function hexId(seed: string): string {
  let h = '';
  for (let i = 0; h.length < 64; i += 1) h += ((seed.charCodeAt(i % seed.length) * 31 + i * 7) % 256).toString(16).padStart(2, '0');
  return h.slice(0, 64);
}

function network(name: string, spec: { driver?: string; subnet?: string; options?: Record<string, string>; labels?: Record<string, string>; internal?: boolean } = {}): RawNetwork {
  const driver = spec.driver ?? (name === 'host' ? 'host' : name === 'none' ? 'null' : 'bridge');
  return {
    Name: name, Id: hexId(`n-${name}`), Scope: 'local', Driver: driver, Internal: spec.internal ?? false,
    IPAM: { Driver: 'default', Config: spec.subnet ? [{ Subnet: spec.subnet }] : [] }, Options: spec.options ?? {}, Labels: spec.labels ?? {},
  };
}

function container(name: string, on: Record<string, string>, more: { state?: string; mode?: string; ports?: RawPort[]; labels?: Record<string, string> } = {}): RawContainer {
  const networks: Record<string, RawEndpoint> = {};
  for (const [net, ip] of Object.entries(on)) {
    networks[net] = { NetworkID: hexId(`n-${net}`), EndpointID: ip ? `ep-${name}` : '', IPAddress: ip, IPPrefixLen: ip ? 16 : 0, Aliases: null };
  }
  const state = more.state ?? 'running';
  return {
    Id: hexId(`c-${name}`), Names: [`/${name}`], Image: 'localbusybox:latest', State: state, Status: state, Ports: more.ports ?? [],
    Labels: more.labels ?? {}, HostConfig: { NetworkMode: more.mode ?? Object.keys(on)[0] ?? 'default' }, NetworkSettings: { Networks: networks },
  };
}

const BRIDGE = network('bridge', { subnet: '172.17.0.0/16' });
const HOST = network('host');
const NONE = network('none');

/** The seed: test1, test2, test3 on the default bridge; test4 on my-net (publishing 127.0.0.1:8080 → 80); test1 also on my-net. */
function seed(): Snapshot {
  return joinSnapshot([BRIDGE, HOST, NONE, network('my-net', { subnet: '172.28.0.0/16', labels: { 'dev.dockernetworks.test': 'seed' } })], [
    container('test1', { bridge: '172.17.0.2', 'my-net': '172.28.5.1' }),
    container('test2', { bridge: '172.17.0.3' }),
    container('test3', { bridge: '172.17.0.4' }),
    container('test4', { 'my-net': '172.28.5.10' }, { ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }], labels: { role: 'web' } }),
  ]);
}

const id = (name: string): string => hexId(`c-${name}`);
const netId = (name: string): string => hexId(`n-${name}`);

describe('topology: the graph sent to the map', () => {
  test('the seed: networks in snapshot order, containers by name, one edge per attachment labelled with the address', () => {
    const g = buildTopology(seed());
    assert.deepEqual(g.networks.map((n) => [n.name, n.builtin]), [['my-net', false], ['bridge', true], ['host', true], ['none', true]]);
    assert.deepEqual(g.networks[0], {
      id: netId('my-net'), name: 'my-net', driver: 'bridge', scope: 'local', builtin: false, subnets: ['172.28.0.0/16'],
      labels: { 'dev.dockernetworks.test': 'seed' },
    });
    assert.deepEqual(g.containers.map((c) => c.name), ['test1', 'test2', 'test3', 'test4']);
    assert.deepEqual(g.containers[3], {
      id: id('test4'), name: 'test4', state: 'running', image: 'localbusybox:latest', mode: 'my-net',
      ports: ['127.0.0.1:8080 → 80/tcp'], labels: { role: 'web' },
    });
    const edges = g.edges.map((e) => `${g.networks.find((n) => n.id === e.n)?.name}/${g.containers.find((c) => c.id === e.c)?.name}=${e.label}`).sort();
    assert.deepEqual(edges, ['bridge/test1=172.17.0.2', 'bridge/test2=172.17.0.3', 'bridge/test3=172.17.0.4', 'my-net/test1=172.28.5.1', 'my-net/test4=172.28.5.10']);
    assert.equal(g.edges.find((e) => e.c === id('test4'))?.ipv4, '172.28.5.10/16');
    // empty fields are left out (the graph is sent whole at every change)
    assert.equal('labels' in g.containers[0], false);
    assert.equal('internal' in g.networks[1], false);
  });

  test('host mode, container: mode and a stopped container: every container is a node; the edge says how it is there', () => {
    const s = joinSnapshot([BRIDGE, HOST, NONE], [
      container('web', { bridge: '172.17.0.5' }),
      container('side', {}, { mode: `container:${id('web')}` }),
      container('hosty', { host: '' }, { mode: 'host' }),
      container('old', { bridge: '' }, { state: 'exited' }),
      container('lonely', {}, { mode: 'none' }),
    ]);
    const g = buildTopology(s);
    const label = (c: string): (string | undefined)[] => g.edges.filter((e) => e.c === id(c)).map((e) => e.label);
    assert.deepEqual(g.containers.map((c) => c.name), ['hosty', 'lonely', 'old', 'side', 'web']);
    assert.deepEqual(label('side'), ['172.17.0.5']); // the owner's address: it is the owner's namespace
    assert.deepEqual(label('hosty'), ['host']);
    assert.deepEqual(label('old'), [undefined]);
    assert.deepEqual(label('lonely'), []);
    assert.equal(g.containers.find((c) => c.name === 'side')?.mode, `container:${id('web')}`);
  });
});

describe('topology: what a selected container reaches', () => {
  test('the seed: test4 can reach test1 alone, via my-net; the side list reads "test4 can reach: test1 (via my-net)"', () => {
    const s = seed();
    const r = topologyReach(reachabilityOf(s), id('test4'));
    assert.equal(r.summary, 'test4 can reach: test1 (via my-net)');
    assert.deepEqual(r.reachable, [{ id: id('test1'), name: 'test1', via: 'via my-net', text: 'test1 (via my-net)', networks: [netId('my-net')] }]);
    assert.deepEqual(r.blocked, []);
  });

  test('the seed: test1 reaches the three others; test2 reaches test1 and test3 via bridge', () => {
    const s = seed();
    const r = reachabilityOf(s);
    assert.deepEqual(topologyReach(r, id('test1')).reachable.map((t) => t.text), ['test2 (via bridge)', 'test3 (via bridge)', 'test4 (via my-net)']);
    assert.deepEqual(topologyReach(r, id('test2')).reachable.map((t) => [t.name, t.networks]), [['test1', [netId('bridge')]], ['test3', [netId('bridge')]]]);
  });

  test('the reachability index is built once per snapshot', () => {
    const s = seed();
    assert.equal(reachabilityOf(s), reachabilityOf(s));
    assert.notEqual(reachabilityOf(s), reachabilityOf(seed()));
  });

  test('ICC disabled: the peer is listed as blocked, with the reason, and not as reachable', () => {
    const quiet = network('quiet', { subnet: '10.9.0.0/16', options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const s = joinSnapshot([quiet], [container('a', { quiet: '10.9.0.2' }), container('b', { quiet: '10.9.0.3' })]);
    const r = topologyReach(reachabilityOf(s), id('a'));
    assert.deepEqual(r.reachable, []);
    assert.deepEqual(r.blocked, [{ id: id('b'), name: 'b', reason: 'inter-container traffic (ICC) is disabled on quiet', network: netId('quiet') }]);
    assert.equal(r.summary, 'a can reach nothing.');
  });

  test('a host-mode container reaches published ports (no network to highlight) and bridge members via the host', () => {
    const s = joinSnapshot([BRIDGE, HOST, NONE, network('my-net', { subnet: '172.28.0.0/16' })], [
      container('test4', { 'my-net': '172.28.5.10' }, { ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }] }),
      container('hosty', { host: '' }, { mode: 'host' }),
    ]);
    const r = topologyReach(reachabilityOf(s), id('hosty'));
    const t4 = r.reachable.find((t) => t.name === 'test4');
    assert.ok(t4);
    assert.deepEqual(t4.networks, [netId('my-net')]);
    assert.match(t4.via, /published port 127\.0\.0\.1:8080 → 80\/tcp/);
  });
});

describe('topology: the map\'s search', () => {
  const g = buildTopology(seed());

  test('words are ANDed; key=value matches labels; a match keeps its neighbours in view', () => {
    assert.deepEqual(parseQuery('  Test4  role=WEB '), [{ text: 'test4' }, { key: 'role', text: 'web' }]);
    const f = filterGraph(g, 'test4');
    assert.ok(f);
    assert.deepEqual(f.containers.map((c) => c.name), ['test4']);
    assert.deepEqual([...f.matched], [id('test4')]);
    assert.deepEqual([...f.shown].sort(), [id('test4'), netId('my-net')].sort());
    assert.deepEqual(filterGraph(g, 'role=web')?.containers.map((c) => c.name), ['test4']);
    assert.deepEqual(filterGraph(g, 'role=')?.containers.map((c) => c.name), ['test4']);
    assert.deepEqual(filterGraph(g, 'test role=web')?.containers.map((c) => c.name), ['test4']);
    assert.deepEqual(filterGraph(g, 'test nothing')?.containers.map((c) => c.name), []);
  });

  test('a network matches by name, driver, subnet or label, and keeps its containers in view', () => {
    const f = filterGraph(g, 'my-net');
    assert.ok(f);
    assert.ok(f.matched.has(netId('my-net')));
    // test4's network mode names my-net (it was started on it)
    assert.deepEqual(f.containers.map((x) => x.name), ['test4']);
    assert.ok(f.shown.has(id('test1')) && f.shown.has(id('test4')) && !f.shown.has(id('test2')));
    assert.ok(filterGraph(g, '172.28')?.matched.has(netId('my-net')));
    assert.ok(filterGraph(g, 'dev.dockernetworks.test=seed')?.matched.has(netId('my-net')));
  });

  test('an empty query filters nothing', () => {
    assert.equal(filterGraph(g, '   '), undefined);
  });
});

describe('topology: messages from the map are checked before use', () => {
  const c = id('test4');

  test('accepted: ready, rendered, reach and show requests', () => {
    assert.deepEqual(parseTopologyMessage({ type: 'ready' }), { ok: true, message: { type: 'ready' } });
    assert.deepEqual(parseTopologyMessage({ type: 'rendered', version: 1, nodes: 6, edges: 5, ms: 12.5, layout: 'full' }),
      { ok: true, message: { type: 'rendered', version: 1, nodes: 6, edges: 5, ms: 12.5, layout: 'full' } });
    assert.deepEqual(parseTopologyMessage({ type: 'request', id: 3, method: 'reach', params: { containerId: c } }),
      { ok: true, message: { type: 'request', id: 3, method: 'reach', params: { containerId: c } } });
    assert.deepEqual(parseTopologyMessage({ type: 'request', id: 4, method: 'show', params: { networkId: netId('my-net') } }),
      { ok: true, message: { type: 'request', id: 4, method: 'show', params: { networkId: netId('my-net') } } });
  });

  test('refused, with the request id kept so the reply can say why', () => {
    const bad: [unknown, string, number | undefined][] = [
      [null, 'expected an object', undefined],
      [{ type: 'ready', extra: 1 }, 'unexpected key "extra"', undefined],
      [{ type: 'rendered', version: 1, nodes: -1, edges: 0, ms: 0, layout: 'full' }, 'non-negative', undefined],
      [{ type: 'rendered', version: 1, nodes: 1, edges: 0, ms: 0, layout: 'magic' }, 'message.layout', undefined],
      [{ type: 'rendered', nodes: 1, edges: 0, ms: 0, layout: 'full' }, 'missing key "version"', undefined],
      [{ type: 'evil' }, 'message.type', undefined],
      [{ type: 'request', id: -1, method: 'reach', params: { containerId: c } }, 'message.id', undefined],
      [{ type: 'request', id: 5, method: 'exec', params: {} }, 'message.method', 5],
      [{ type: 'request', id: 6, method: 'reach', params: { containerId: 'test4; rm -rf /' } }, 'engine id', 6],
      [{ type: 'request', id: 7, method: 'reach', params: { containerId: c, more: 1 } }, 'unexpected key "more"', 7],
      [{ type: 'request', id: 8, method: 'show', params: { containerId: c, networkId: c } }, 'exactly one of', 8],
      [{ type: 'request', id: 9, method: 'reach', params: [] }, 'message.params', 9],
      [{ type: 'request', id: 10, method: 'reach', params: { containerId: c }, x: 1 }, 'unexpected key "x"', 10],
    ];
    for (const [raw, why, reqId] of bad) {
      const r = parseTopologyMessage(raw);
      assert.equal(r.ok, false, JSON.stringify(raw));
      if (r.ok) continue;
      assert.match(r.error, new RegExp(why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), JSON.stringify(raw));
      assert.equal(r.id, reqId, JSON.stringify(raw));
    }
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentCount, containerName, isBuiltinNetwork, joinSnapshot, portsOf, shortId, toNetworkView } from '../../src/core/join';
import type { Attachment, RawContainer, RawEndpoint, RawNetwork, Snapshot } from '../../src/core/model';

// Shaped like Engine API 1.41 (docker 20.10) answers to GET /networks and GET /containers/json?all=1.
const ID = {
  bridge: 'f2de39df4171b0dc801e8002d1d999b77256983dfc63041c0f34030aa3977566',
  host: '8c3a4b1e9f0d2c7b6a5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e',
  none: '3e0d1c2b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f30291807f6e5d4c3b2a19',
  appnet: 'c0ffee5e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5',
  backend: 'ba5e0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f40312f1e0d9c8b7a6',
  web: '4d2a6a1c8e3f5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d',
  db: '9b8a7c6d5e4f30211f2e3d4c5b6a79880a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

const bridgeNet: RawNetwork = {
  Name: 'bridge', Id: ID.bridge, Created: '2024-03-11T09:12:41.428531447Z', Scope: 'local', Driver: 'bridge',
  EnableIPv6: false, IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] },
  Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
  Options: { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' }, Labels: {},
};
const hostNet: RawNetwork = {
  Name: 'host', Id: ID.host, Created: '2024-03-11T09:12:41.401Z', Scope: 'local', Driver: 'host', EnableIPv6: false,
  IPAM: { Driver: 'default', Options: null, Config: [] }, Internal: false, Attachable: false, Ingress: false,
  ConfigFrom: { Network: '' }, ConfigOnly: false, Options: {}, Labels: {},
};
const noneNet: RawNetwork = { ...hostNet, Name: 'none', Id: ID.none, Driver: 'null' };
const appnet: RawNetwork = {
  Name: 'appnet', Id: ID.appnet, Created: '2024-03-12T10:00:00.1Z', Scope: 'local', Driver: 'bridge', EnableIPv6: true,
  IPAM: {
    Driver: 'default', Options: {},
    Config: [
      { Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.0.1', AuxiliaryAddresses: { router: '172.28.1.5' } },
      { Subnet: 'fd00:dead:beef::/64', Gateway: 'fd00:dead:beef::1' },
    ],
  },
  Internal: false, Attachable: true, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
  Options: {}, Labels: { 'com.example.team': 'payments' },
};
// IPAM.Config null and Options/Labels null are what some engines (and Podman) send.
const backend: RawNetwork = {
  Name: 'backend', Id: ID.backend, Scope: 'local', Driver: 'bridge',
  IPAM: { Driver: 'default', Options: null, Config: null }, Options: null, Labels: null,
};

function endpoint(networkId: string, ip: string, mac: string, more: Partial<RawEndpoint> = {}): RawEndpoint {
  return {
    IPAMConfig: null, Links: null, Aliases: null, NetworkID: networkId,
    EndpointID: ip ? `e${networkId.slice(1, 12)}0a0b0c0d` : '', Gateway: ip ? ip.replace(/\d+$/, '1') : '',
    IPAddress: ip, IPPrefixLen: ip ? 16 : 0, IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0,
    MacAddress: mac, ...more,
  };
}

function container(id: string, name: string, state: string, mode: string, networks: Record<string, RawEndpoint>,
  ports: RawContainer['Ports'] = []): RawContainer {
  return {
    Id: id, Names: [`/${name}`], Image: 'busybox-local', ImageID: 'sha256:5b0f1a', Command: 'sleep 3600',
    Created: 1710240000, Ports: ports, Labels: {}, State: state,
    Status: state === 'running' ? 'Up 3 minutes' : state === 'created' ? 'Created' : 'Exited (137) 2 hours ago',
    HostConfig: { NetworkMode: mode }, NetworkSettings: { Networks: networks },
  };
}

const web = container(ID.web, 'web', 'running', 'appnet', {
  appnet: endpoint(ID.appnet, '172.28.5.10', '02:42:ac:1c:05:0a', {
    Aliases: ['web', '4d2a6a1c8e3f'], Gateway: '172.28.0.1',
    GlobalIPv6Address: 'fd00:dead:beef::10', GlobalIPv6PrefixLen: 64, IPv6Gateway: 'fd00:dead:beef::1',
  }),
  bridge: endpoint(ID.bridge, '172.17.0.2', '02:42:ac:11:00:02'),
}, [
  { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
  { PrivatePort: 443, Type: 'tcp' },
  { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
  { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
]);
const db = container(ID.db, 'db', 'exited', 'backend', { backend: endpoint(ID.backend, '', '') });
// `docker create --network backend` never started: some engines leave NetworkID empty until the first start.
const fresh = container('7f6e5d4c3b2a19081726354453627180a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4', 'fresh', 'created', 'backend',
  { backend: endpoint('', '', '') });
const sidecar = container('a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90', 'sidecar', 'running',
  `container:${ID.web}`, {}, [{ PrivatePort: 9000, Type: 'tcp' }]);
const chained = container('b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1', 'chained', 'running',
  'container:sidecar', {});
const byPrefix = container('c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2', 'metrics', 'running',
  `container:${ID.web.slice(0, 12)}`, {});
const hostMode = container('d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3', 'node-exporter', 'running',
  'host', { host: endpoint(ID.host, '', '') });
const noneMode = container('e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4', 'isolated', 'running',
  'none', { none: endpoint(ID.none, '', '') });
const orphan = container('f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5', 'orphan', 'exited',
  'container:0000000000000000000000000000000000000000000000000000000000000000', {});
const loopA = container('0718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6', 'loop-a', 'created', 'container:loop-b', {});
const loopB = container('18293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607', 'loop-b', 'created', 'container:loop-a', {});

// Sorts after "bridge" alphabetically, so it shows that user networks come first.
const frontend: RawNetwork = { ...appnet, Name: 'frontend', Id: 'f0'.repeat(32), Labels: {} };
const networks = [noneNet, bridgeNet, frontend, backend, hostNet, appnet];
const containers = [chained, web, db, fresh, sidecar, byPrefix, hostMode, noneMode, orphan, loopA, loopB];

function snapshot(): Snapshot {
  return joinSnapshot(networks, containers);
}

function on(s: Snapshot, network: string, name: string): Attachment {
  const n = s.networks.find((x) => x.name === network);
  assert.ok(n, `network ${network} missing`);
  const a = n.attachments.find((x) => x.name === name);
  assert.ok(a, `${name} not on ${network}; has ${n.attachments.map((x) => x.name).join(', ')}`);
  return a;
}

function namesOn(s: Snapshot, network: string): string[] {
  return s.networks.find((x) => x.name === network)?.attachments.map((a) => a.name) ?? [];
}

describe('joinSnapshot', () => {
  test('attaches a container by NetworkID with its addresses, MAC, gateways, aliases and endpoint', () => {
    assert.deepEqual(on(snapshot(), 'appnet', 'web'), {
      containerId: ID.web, shortId: '4d2a6a1c8e3f', name: 'web', state: 'running', status: 'Up 3 minutes',
      image: 'busybox-local', networkMode: 'appnet',
      ipv4: '172.28.5.10/16', ipv6: 'fd00:dead:beef::10/64', mac: '02:42:ac:1c:05:0a',
      gateway: '172.28.0.1', ipv6Gateway: 'fd00:dead:beef::1', aliases: ['web', '4d2a6a1c8e3f'],
      endpointId: 'e0ffee5e1a2b0a0b0c0d',
      ports: [
        { hostIp: '0.0.0.0', hostPort: 5353, containerPort: 53, protocol: 'udp' },
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { containerPort: 443, protocol: 'tcp' },
      ],
    });
  });

  test('lists a container under every network it is on, with that network\'s address', () => {
    const s = snapshot();
    assert.equal(on(s, 'bridge', 'web').ipv4, '172.17.0.2/16');
    assert.equal(on(s, 'bridge', 'web').ipv6, undefined);
    assert.equal(on(s, 'appnet', 'web').ipv4, '172.28.5.10/16');
  });

  test('host and none mode containers appear under host and none without addresses', () => {
    const s = snapshot();
    assert.deepEqual(namesOn(s, 'host'), ['node-exporter']);
    assert.deepEqual(namesOn(s, 'none'), ['isolated']);
    const h = on(s, 'host', 'node-exporter');
    assert.equal(h.networkMode, 'host');
    assert.deepEqual([h.ipv4, h.ipv6, h.mac, h.gateway, h.endpointId], [undefined, undefined, undefined, undefined, undefined]);
    assert.ok(!('ipv4' in h), 'empty strings must become absent fields');
  });

  test('container:<full id> shares the owner\'s networks and addresses but keeps its own identity and ports', () => {
    const s = snapshot();
    const a = on(s, 'appnet', 'sidecar');
    assert.equal(a.sharesNamespaceOf, 'web');
    assert.equal(a.containerId, sidecar.Id);
    assert.equal(a.networkMode, `container:${ID.web}`);
    assert.equal(a.ipv4, '172.28.5.10/16');
    assert.equal(a.ipv6, 'fd00:dead:beef::10/64');
    assert.equal(a.mac, '02:42:ac:1c:05:0a');
    assert.deepEqual(a.ports, [{ containerPort: 9000, protocol: 'tcp' }]);
    assert.equal(on(s, 'bridge', 'sidecar').ipv4, '172.17.0.2/16');
  });

  test('container:<name> chains are followed to the namespace that has the endpoints', () => {
    const s = snapshot();
    const a = on(s, 'appnet', 'chained');
    assert.equal(a.sharesNamespaceOf, 'sidecar', 'names the container it was told to join');
    assert.equal(a.ipv4, '172.28.5.10/16');
    assert.equal(on(s, 'bridge', 'chained').ipv4, '172.17.0.2/16');
  });

  test('container:<id prefix> finds the owner', () => {
    const a = on(snapshot(), 'appnet', 'metrics');
    assert.equal(a.sharesNamespaceOf, 'web');
    assert.equal(a.ipv4, '172.28.5.10/16');
  });

  test('an ambiguous id prefix names no owner', () => {
    const twin = { ...web, Id: `${ID.web.slice(0, 6)}ffff${ID.web.slice(10)}`, Names: ['/twin'] };
    const ambiguous = { ...byPrefix, HostConfig: { NetworkMode: `container:${ID.web.slice(0, 6)}` } };
    const s = joinSnapshot(networks, [web, twin, ambiguous]);
    assert.deepEqual(namesOn(s, 'appnet'), ['twin', 'web']);
  });

  test('a missing owner or a cycle puts the container on no network, and terminates', () => {
    const s = snapshot();
    const everywhere = s.networks.flatMap((n) => n.attachments.map((a) => a.name));
    for (const name of ['orphan', 'loop-a', 'loop-b']) assert.ok(!everywhere.includes(name), name);
  });

  test('stopped containers stay listed with their state and no addresses', () => {
    const a = on(snapshot(), 'backend', 'db');
    assert.equal(a.state, 'exited');
    assert.equal(a.status, 'Exited (137) 2 hours ago');
    assert.ok(!('ipv4' in a) && !('mac' in a) && !('endpointId' in a));
  });

  test('an empty NetworkID falls back to the entry\'s key, the network name', () => {
    assert.equal(on(snapshot(), 'backend', 'fresh').state, 'created');
  });

  test('Podman-style NetworkID holding the network name still attaches', () => {
    const c = container(ID.db, 'pod-db', 'running', 'backend', { backend: endpoint('backend', '10.89.0.4', 'aa:bb:cc:00:00:04') });
    assert.deepEqual(joinSnapshot([backend], [c]).networks[0].attachments.map((a) => a.ipv4), ['10.89.0.4/16']);
  });

  test('an endpoint naming an unknown network id is skipped rather than guessed by name', () => {
    const c = container(ID.db, 'stale', 'exited', 'backend', { backend: endpoint('deadbeef'.repeat(8), '', '') });
    assert.deepEqual(joinSnapshot([backend], [c]).networks[0].attachments, []);
  });

  test('sorts user networks alphabetically before built-ins, and attachments by name', () => {
    const s = snapshot();
    assert.deepEqual(s.networks.map((n) => n.name), ['appnet', 'backend', 'frontend', 'bridge', 'host', 'none']);
    assert.deepEqual(namesOn(s, 'appnet'), ['chained', 'metrics', 'sidecar', 'web']);
    assert.deepEqual(namesOn(s, 'backend'), ['db', 'fresh']);
  });

  test('keeps the container list as given', () => {
    assert.equal(snapshot().containers, containers);
  });

  test('a network with no containers is still listed, with an empty list', () => {
    const lonely: RawNetwork = { ...backend, Name: 'lonely', Id: 'ab'.repeat(32) };
    assert.deepEqual(joinSnapshot([lonely], []).networks.map((n) => [n.name, n.attachments]), [['lonely', []]]);
  });

  test('a network\'s attachments are made when first read; until then its count is known without them', () => {
    const s = snapshot();
    const appnetView = s.networks.find((n) => n.name === 'appnet');
    assert.ok(appnetView);
    assert.equal(typeof Object.getOwnPropertyDescriptor(appnetView, 'attachments')?.get, 'function', 'not made yet');
    const counts = s.networks.map((n) => [n.name, attachmentCount(n)]);
    assert.equal(typeof Object.getOwnPropertyDescriptor(appnetView, 'attachments')?.get, 'function', 'counting made none');
    assert.deepEqual(counts, s.networks.map((n) => [n.name, n.attachments.length]));
    assert.deepEqual(counts.map(([, c]) => Number(c) > 0), [true, true, false, true, true, true]);
    const fresh = snapshot().networks.find((n) => n.name === 'appnet');
    assert.ok(fresh);
    const first = fresh.attachments;
    assert.deepEqual(first, appnetView.attachments);
    const own = Object.getOwnPropertyDescriptor(fresh, 'attachments');
    assert.equal(own?.value, first, 'kept as a plain property after the first read');
    assert.equal(fresh.attachments, first, 'made once');
    assert.equal(attachmentCount(fresh), first.length);
  });

  test('lazily made views read, copy and serialise like plain data, in the same key order', () => {
    const lazy = snapshot();
    const plain = JSON.parse(JSON.stringify(lazy)) as Snapshot;
    assert.deepEqual(lazy, plain);
    // the order an eagerly made view has (JSON.stringify keeps it: the tree's signatures compare those strings)
    assert.equal(lazy.networks[0].name, 'appnet');
    assert.deepEqual(Object.keys(lazy.networks[0]), Object.keys(toNetworkView(appnet, [])));
    assert.deepEqual({ ...snapshot().networks[0] }.attachments, plain.networks[0].attachments);
  });

  test('a container on several networks shares one set of facts (ports, health) across them', () => {
    const s = snapshot();
    assert.equal(on(s, 'bridge', 'web').ports, on(s, 'appnet', 'web').ports);
  });

  test('assigning attachments replaces the lazy ones', () => {
    const view = snapshot().networks[0];
    view.attachments = [];
    assert.deepEqual(view.attachments, []);
    assert.equal(attachmentCount(view), 0);
  });
});

describe('toNetworkView', () => {
  test('maps every field; empty strings and nulls become absent or empty', () => {
    assert.deepEqual(toNetworkView(appnet, []), {
      id: ID.appnet, name: 'appnet', driver: 'bridge', scope: 'local', created: '2024-03-12T10:00:00.1Z',
      builtin: false, internal: false, attachable: true, ingress: false, enableIPv4: true, enableIPv6: true, configOnly: false,
      ipamDriver: 'default', ipamOptions: {},
      ipam: [
        { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.0.1', auxAddresses: { router: '172.28.1.5' } },
        { subnet: 'fd00:dead:beef::/64', gateway: 'fd00:dead:beef::1', auxAddresses: {} },
      ],
      options: {}, labels: { 'com.example.team': 'payments' }, attachments: [],
    });
  });

  test('IPAM.Config null gives no IPAM configs; null options and labels give empty records', () => {
    const v = toNetworkView(backend, []);
    assert.deepEqual([v.ipam, v.options, v.labels, v.ipamOptions], [[], {}, {}, {}]);
    assert.equal(v.ipamDriver, 'default');
    assert.ok(!('created' in v) && !('configFrom' in v));
  });

  test('keeps config-only/config-from and a swarm overlay\'s flags', () => {
    const v = toNetworkView({
      Name: 'ingress', Id: 'x1'.repeat(32), Driver: 'overlay', Scope: 'swarm', Ingress: true, ConfigOnly: false,
      ConfigFrom: { Network: 'ingress-config' }, IPAM: { Driver: 'default', Config: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }] },
    }, []);
    assert.deepEqual([v.builtin, v.ingress, v.configFrom, v.scope], [true, true, 'ingress-config', 'swarm']);
  });

  test('sorts the attachments it is given', () => {
    const s = snapshot();
    const shuffled = [...(s.networks.find((n) => n.name === 'appnet')?.attachments ?? [])].reverse();
    assert.deepEqual(toNetworkView(appnet, shuffled).attachments.map((a) => a.name), ['chained', 'metrics', 'sidecar', 'web']);
  });
});

describe('helpers', () => {
  test('isBuiltinNetwork: pre-defined names, ingress, docker_gwbridge, podman; not user networks', () => {
    const named = (Name: string, more: Partial<RawNetwork> = {}): RawNetwork => ({ ...backend, Name, ...more });
    for (const n of ['bridge', 'host', 'none', 'docker_gwbridge', 'podman']) assert.equal(isBuiltinNetwork(named(n)), true, n);
    assert.equal(isBuiltinNetwork(named('my-ingress', { Ingress: true })), true);
    for (const n of ['appnet', 'bridge2', 'Host']) assert.equal(isBuiltinNetwork(named(n)), false, n);
  });

  test('shortId is the 12-character prefix', () => {
    assert.equal(shortId(ID.web), '4d2a6a1c8e3f');
  });

  test('containerName strips the slash, skips legacy link names, and falls back to the short id', () => {
    assert.equal(containerName(web), 'web');
    assert.equal(containerName({ ...web, Names: ['/app/db-alias', '/db'] }), 'db');
    assert.equal(containerName({ ...web, Names: [] }), '4d2a6a1c8e3f');
  });

  test('portsOf keeps both 0.0.0.0 and :: bindings, drops exact repeats, sorts by port, protocol, host ip', () => {
    const ports = portsOf({ ...web, Ports: [
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'udp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 22, Type: 'tcp' },
    ] });
    assert.deepEqual(ports, [
      { containerPort: 22, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'udp' },
    ]);
  });
});

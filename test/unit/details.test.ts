import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { networkDetailsState } from '../../src/core/details';
import {
  containerNetworkingState, dnsNamesOf, networkModeText, type ContainerInspectNet,
} from '../../src/core/containerDetails';
import { parseViewMessage } from '../../src/protocol/views';
import { hexId, rawContainer, seedSnapshot } from './seedSnapshot';

describe('network details: the seed\'s my-net', () => {
  test('header, IPAM, bridge interface, labels, and the containers with ports host side first', () => {
    const { snapshot, net, id } = seedSnapshot();
    const myNet = snapshot.networks.find((n) => n.id === net('my-net'))!;
    const s = networkDetailsState(myNet, { engine: 'unix:///x.sock', aliases: new Map([[id('test1'), ['one']]]) });
    assert.deepEqual({ ...s.network, id: undefined }, {
      id: undefined, shortId: net('my-net').slice(0, 12), name: 'my-net', driver: 'bridge', scope: 'local', created: '2026-01-02T03:04:05.000000000Z',
      builtin: false, internal: false, attachable: false, ingress: false, enableIPv4: true, enableIPv6: false, configOnly: false,
      ipamDriver: 'default', ipv6Only: false,
    });
    // In use: network and broadcast address, gateway, test1 and test4; free: the /24 range minus gateway, test1, test4.
    assert.deepEqual(s.ipam, [{
      family: 'IPv4', subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: [],
      usage: '5 in use · 253 free', usageSource: 'computed',
      holders: [{ address: '172.28.5.1', holder: 'test1' }, { address: '172.28.5.10', holder: 'test4' }, { address: '172.28.5.254', holder: 'gateway' }],
    }]);
    assert.equal(s.bridgeInterface, `br-${net('my-net').slice(0, 12)}`);
    assert.deepEqual(s.labels, [{ key: 'dev.dockernetworks.test', value: 'seed' }]);
    assert.deepEqual(s.containers.map((c) => [c.name, c.state, c.ipv4, c.aliases, c.ports, c.canDisconnect, c.canProbe]), [
      ['test1', 'running', '172.28.5.1/16', ['one'], [], true, true],
      ['test4', 'running', '172.28.5.10/16', ['web', 'c0ffee'], ['127.0.0.1:8080 → 80/tcp'], true, true],
    ]);
    assert.equal(s.canRemove, true);
    assert.equal(s.cannotConnect, undefined);
    assert.equal(s.runningCount, 2);
    assert.equal(s.matrixCap, 20);
  });

  test('built-in networks: never removed; host offers no connect, no copy, no disconnect', () => {
    const { snapshot } = seedSnapshot([rawContainer('hosty', { host: '' }, { mode: 'host' })]);
    const bridge = networkDetailsState(snapshot.networks.find((n) => n.name === 'bridge')!, { engine: '' });
    assert.equal(bridge.canRemove, false);
    assert.equal(bridge.bridgeInterface, 'docker0');
    assert.deepEqual(bridge.options.map((o) => o.key), ['com.docker.network.bridge.default_bridge', 'com.docker.network.bridge.enable_icc', 'com.docker.network.bridge.name']);
    const host = networkDetailsState(snapshot.networks.find((n) => n.name === 'host')!, { engine: '' });
    assert.equal(host.canCreateLike, false);
    assert.match(host.cannotConnect ?? '', /host network/);
    assert.deepEqual(host.containers.map((c) => [c.name, c.canDisconnect]), [['hosty', false]]);
  });
});

describe('container networking', () => {
  function inspectOf(name: string, snapshotId: string, more: Partial<ContainerInspectNet> = {}): ContainerInspectNet {
    return {
      Id: snapshotId, Name: `/${name}`, State: { Status: 'running', Running: true, Pid: 4242 },
      HostConfig: { NetworkMode: 'bridge', IpcMode: 'private', PidMode: '', UTSMode: '', UsernsMode: '', CgroupnsMode: 'host' },
      NetworkSettings: { SandboxKey: '/var/run/docker/netns/abc', Networks: {} },
      ...more,
    };
  }

  test('test1: both networks, DNS names only where the embedded DNS is, namespace ids shared where modes say so', () => {
    const { snapshot, id, net } = seedSnapshot([rawContainer('side', {}, { mode: 'container:test1' })]);
    const raw = snapshot.containers.find((c) => c.Id === id('test1'))!;
    const s = containerNetworkingState(inspectOf('test1', id('test1'), { NetworkSettings: { SandboxKey: '/var/run/docker/netns/abc', Networks: raw.NetworkSettings!.Networks! } }), snapshot, {
      engine: 'unix:///x.sock', defaults: { cgroupns: 'host' },
      nsLinks: { net: 'net:[4026532281]', uts: 'uts:[4026532279]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026531835]', ipc: 'ipc:[4026532280]', mnt: 'mnt:[4026532278]', pid: 'pid:[4026532282]' },
      hostLinks: { net: 'net:[4026531992]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026531835]' },
    });
    assert.equal(s.container.name, 'test1');
    assert.equal(s.container.networkModeText, 'bridge (the default bridge network)');
    assert.equal(s.container.sandboxKey, '/var/run/docker/netns/abc');
    assert.deepEqual(s.joinedBy, ['side']);
    assert.deepEqual(s.networks.map((n) => [n.name, n.networkId, n.ipv4, n.gateway, n.dnsNames]), [
      ['bridge', net('bridge'), '172.17.0.2/16', '172.17.0.1', []],
      ['my-net', net('my-net'), '172.28.5.1/16', '172.28.5.1', ['test1']],
    ]);
    assert.match(s.networks[0].dnsNote ?? '', /default bridge has no embedded DNS/);
    assert.deepEqual(s.namespaces.map((r) => [r.type, r.mode, r.text, r.nsId, r.sameAsHost]), [
      ['cgroup', 'host', 'host', '4026531835', true],
      ['ipc', 'private', 'private', '4026532280', undefined],
      ['mnt', 'private', 'private', '4026532278', undefined],
      ['net', 'private', 'private', '4026532281', false],
      ['pid', 'private', 'private (engine default)', '4026532282', undefined],
      ['user', 'host', 'host (engine default)', '4026531837', true],
      ['uts', 'private', 'private (engine default)', '4026532279', undefined],
    ]);
    assert.equal(s.namespaces[1].source, 'HostConfig.IpcMode = "private"');
    assert.equal(s.nsIds.shown, true);
  });

  test('a container: member shows its owner\'s endpoints and "shared with" for net', () => {
    const { snapshot, id } = seedSnapshot([rawContainer('side', {}, { mode: 'container:test4' })]);
    const s = containerNetworkingState(inspectOf('side', id('side'), {
      HostConfig: { NetworkMode: `container:${id('test4')}` }, NetworkSettings: { SandboxKey: '', Networks: {} },
    }), snapshot, { engine: 'tcp://remote:2375', nsNote: 'only for a local engine' });
    assert.equal(s.sharesNetworkOf, 'test4');
    assert.equal(s.container.networkModeText, 'container: shares the network namespace of test4');
    assert.deepEqual(s.networks.map((n) => [n.name, n.ipv4, n.dnsNames]), [['my-net', '172.28.5.10/16', ['side', 'web', 'c0ffee']]]);
    const netRow = s.namespaces.find((r) => r.type === 'net')!;
    assert.equal(netRow.text, 'shared with test4');
    assert.equal(s.nsIds.shown, false);
    assert.equal(s.nsIds.note, 'only for a local engine');
    assert.equal(s.container.sandboxKey, undefined);
  });

  test('ports host side first; network modes in words; DNS names from the engine when it lists them', () => {
    const { snapshot, id } = seedSnapshot();
    const s = containerNetworkingState(inspectOf('test4', id('test4'), { HostConfig: { NetworkMode: 'my-net' } }), snapshot, { engine: '' });
    assert.deepEqual(s.ports, ['127.0.0.1:8080 → 80/tcp']);
    assert.equal(s.container.networkModeText, 'my-net (a user-defined network)');
    assert.equal(networkModeText('host'), 'host (the host\'s network stack: no address of its own)');
    assert.equal(networkModeText('none'), 'none (loopback only)');
    assert.deepEqual(dnsNamesOf({ DNSNames: ['test4', 'web', 'c0ffee12'] }, 'test4', undefined).names, ['test4', 'web', 'c0ffee12']);
  });
});

describe('view protocol: what a panel may send', () => {
  const nid = hexId('n');
  test('ready and known actions with engine ids pass', () => {
    assert.deepEqual(parseViewMessage('networkDetails', { type: 'ready' }), { ok: true, message: { type: 'ready' } });
    const r = parseViewMessage('networkDetails', { type: 'request', id: 3, method: 'action', params: { action: 'disconnect', containerId: nid } });
    assert.deepEqual(r, { ok: true, message: { type: 'request', id: 3, method: 'action', params: { action: 'disconnect', containerId: nid } } });
    assert.equal(parseViewMessage('connectivity', { type: 'request', id: 1, method: 'action', params: { action: 'cancel' } }).ok, true);
  });

  test('anything else is refused, with the request id when there was one', () => {
    const bad: [unknown, string][] = [
      [null, 'expected an object'],
      [{ type: 'ready', extra: 1 }, 'unexpected key'],
      [{ type: 'nope' }, 'expected "ready" or "request"'],
      [{ type: 'request', id: -1, method: 'action', params: { action: 'remove' } }, 'non-negative integer'],
      [{ type: 'request', id: 2, method: 'eval', params: { action: 'remove' } }, 'expected "action"'],
      [{ type: 'request', id: 2, method: 'action', params: { action: 'rm -rf /' } }, 'expected one of'],
      [{ type: 'request', id: 2, method: 'action', params: { action: 'cancel' } }, 'expected one of'],
      [{ type: 'request', id: 2, method: 'action', params: { action: 'disconnect', containerId: 'test1; rm' } }, 'engine id'],
      [{ type: 'request', id: 2, method: 'action', params: { action: 'disconnect', containerId: 12 } }, 'engine id'],
      [{ type: 'request', id: 2, method: 'action', params: { action: 'remove', force: true } }, 'unexpected key'],
    ];
    for (const [raw, why] of bad) {
      const r = parseViewMessage('networkDetails', raw);
      assert.equal(r.ok, false, JSON.stringify(raw));
      if (!r.ok) assert.ok(r.error.includes(why), `${JSON.stringify(raw)}: ${r.error}`);
    }
    const withId = parseViewMessage('networkDetails', { type: 'request', id: 9, method: 'action', params: { action: 'nope' } });
    assert.ok(!withId.ok && withId.id === 9);
  });
});

// Published ports: the bindings of running and stopped containers, their network and exposure, the conflicts between
// containers and with host processes (docker-proxy's own listeners excluded), the panel's words, and the Run form's
// pre-flight on the same data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressesMeet, foreignListeners, listenerMeets, portConflicts, publishedPorts, splitPortKey, type PortBinding, type RawPortBindings,
} from '../../src/core/ports';
import { exposureOf, hostText, portsState } from '../../src/core/portsView';
import type { Listener } from '../../src/core/procNet';
import { emptyRunForm, type ValidationContext } from '../../src/core/forms';
import { validateRun } from '../../src/core/validate';
import { rawContainer, seedSnapshot } from './seedSnapshot';

const L = (address: string, port: number): Listener => ({ family: address.includes(':') ? 'ipv6' : 'ipv4', address, port });

/** web runs with 0.0.0.0:8080 and [::]:8080 → 80/tcp; late (created) asks for 8080 too; spare (exited) asks for 9000 on loopback and a random port. */
function scenario() {
  const web = rawContainer('web', { 'my-net': '172.28.5.20' }, { ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 443, Type: 'tcp' }, // exposed, not published
  ] });
  const late = rawContainer('late', { 'my-net': '' }, { state: 'created' });
  const spare = rawContainer('spare', { bridge: '' }, { state: 'exited' });
  const seed = seedSnapshot([web, late, spare]);
  const requested = new Map<string, RawPortBindings>([
    [late.Id, { '80/tcp': [{ HostIp: '', HostPort: '8080' }] }],
    [spare.Id, { '9000/tcp': [{ HostIp: '127.0.0.1', HostPort: '9000' }], '53/udp': [{ HostIp: '', HostPort: '' }], 'junk': null }],
  ]);
  return { ...seed, web, late, spare, requested };
}

describe('splitPortKey', () => {
  test('the engine\'s port keys: port and protocol, tcp when none is named', () => {
    assert.deepEqual(splitPortKey('80/tcp'), { port: '80', protocol: 'tcp' });
    assert.deepEqual(splitPortKey('53/udp'), { port: '53', protocol: 'udp' });
    assert.deepEqual(splitPortKey('132/sctp'), { port: '132', protocol: 'sctp' });
    assert.deepEqual(splitPortKey('8080'), { port: '8080', protocol: 'tcp' });
  });
});

describe('publishedPorts', () => {
  test('running from the list (bound ports), stopped from PortBindings, in port then address order; exposed-only ports are not published', () => {
    const { snapshot, requested } = scenario();
    const got = publishedPorts(snapshot, requested);
    assert.deepEqual(got.map((b) => [b.containerName, b.hostIp, b.hostPortText, b.containerPort, b.protocol, b.running]), [
      ['late', '', '8080', 80, 'tcp', false],
      ['web', '0.0.0.0', '8080', 80, 'tcp', true],
      ['test4', '127.0.0.1', '8080', 80, 'tcp', true],
      ['web', '::', '8080', 80, 'tcp', true],
      ['spare', '127.0.0.1', '9000', 9000, 'tcp', false],
      ['spare', '', '', 53, 'udp', false],
    ]);
    assert.equal(got.find((b) => b.containerName === 'spare' && b.protocol === 'udp')!.hostPort, undefined);
  });

  test('the network it goes through: the default-route network, with the container\'s address there', () => {
    const { snapshot, requested, net } = scenario();
    const got = publishedPorts(snapshot, requested);
    assert.deepEqual(got.find((b) => b.containerName === 'web')!.network, { id: net('my-net'), name: 'my-net', address: '172.28.5.20' });
    // Stopped: no gateway yet, the order still says which network; no address yet.
    assert.deepEqual(got.find((b) => b.containerName === 'late')!.network, { id: net('my-net'), name: 'my-net' });
  });

  test('a container on the host network (no network to carry it) and a range request', () => {
    const h = rawContainer('h', { host: '' }, { state: 'exited', mode: 'host' });
    const { snapshot } = seedSnapshot([h]);
    const got = publishedPorts(snapshot, new Map([[h.Id, { '80/tcp': [{ HostIp: '', HostPort: '8000-8010' }], '81/tcp': [{ HostPort: '0' }] }]]));
    assert.deepEqual(got.filter((b) => b.containerName === 'h').map((b) => [b.hostPortText, b.hostPort, b.network]), [['8000-8010', undefined, undefined], ['', undefined, undefined]]);
  });
});

describe('addresses and listeners', () => {
  test('addressesMeet: equal, a wildcard of the same family, or every address', () => {
    assert.equal(addressesMeet('', '10.0.0.1'), true);
    assert.equal(addressesMeet('0.0.0.0', '127.0.0.1'), true);
    assert.equal(addressesMeet('::', '::1'), true);
    assert.equal(addressesMeet('::', '127.0.0.1'), false);
    assert.equal(addressesMeet('127.0.0.1', '127.0.0.2'), false);
    assert.equal(addressesMeet('::0', '0::'), true);
    assert.equal(addressesMeet('nope', '127.0.0.1'), false);
  });

  test('listenerMeets: a `::` listener may be dual-stack, so it takes IPv4 bindings too', () => {
    assert.equal(listenerMeets(L('::', 8080), '0.0.0.0', 8080), true);
    assert.equal(listenerMeets(L('127.0.0.1', 8080), '0.0.0.0', 8080), true);
    assert.equal(listenerMeets(L('127.0.0.1', 8080), '192.0.2.2', 8080), false);
    assert.equal(listenerMeets(L('127.0.0.1', 8081), '', 8080), false);
  });

  test('foreignListeners: a listener at exactly a running binding is docker-proxy\'s; others stay', () => {
    const { snapshot } = scenario();
    const got = foreignListeners([L('0.0.0.0', 8080), L('::', 8080), L('127.0.0.1', 8080), L('127.0.0.1', 9000), L('0.0.0.0', 22)], snapshot.containers);
    // 0.0.0.0:8080 and [::]:8080 are web's, 127.0.0.1:8080 is test4's.
    assert.deepEqual(got, [L('127.0.0.1', 9000), L('0.0.0.0', 22)]);
  });
});

describe('portConflicts', () => {
  test('a stopped container against a running one (both ways), once per container; random ports never clash', () => {
    const { snapshot, requested } = scenario();
    const b = publishedPorts(snapshot, requested);
    const c = portConflicts(b, undefined);
    const of = (name: string, ip: string) => c[b.findIndex((x) => x.containerName === name && x.hostIp === ip)];
    assert.deepEqual(of('late', '').map((x) => [x.kind, x.other?.name]), [['willClash', 'web'], ['willClash', 'test4']]);
    assert.deepEqual(of('web', '0.0.0.0').map((x) => [x.kind, x.other?.name]), [['blocksStart', 'late'], ['bothRunning', 'test4']]);
    // test4 holds 127.0.0.1:8080 and web 0.0.0.0:8080 at once: possible only without the proxy, both are reported.
    assert.deepEqual(of('test4', '127.0.0.1').map((x) => x.kind), ['blocksStart', 'bothRunning']);
    assert.deepEqual(of('web', '::').map((x) => [x.kind, x.other?.name]), [['blocksStart', 'late']]);
    assert.deepEqual(of('spare', ''), []);
  });

  test('two stopped containers: only one can run at a time', () => {
    const a = rawContainer('a', { bridge: '' }, { state: 'exited' });
    const z = rawContainer('z', { bridge: '' }, { state: 'created' });
    const { snapshot } = seedSnapshot([a, z]);
    const req = new Map<string, RawPortBindings>([[a.Id, { '53/udp': [{ HostPort: '5353' }] }], [z.Id, { '53/udp': [{ HostIp: '0.0.0.0', HostPort: '5353' }] }]]);
    const b = publishedPorts(snapshot, req).filter((x) => x.containerName !== 'test4');
    assert.deepEqual(portConflicts(b, []).map((x) => x.map((y) => [y.kind, y.other?.name])), [[['onlyOneRuns', 'z']], [['onlyOneRuns', 'a']]]);
  });

  test('a host process on the port: tcp only, for the stopped and the running', () => {
    const { snapshot, requested } = scenario();
    const b = publishedPorts(snapshot, requested);
    const c = portConflicts(b, [L('127.0.0.1', 9000), L('::', 53), L('192.0.2.2', 8080)]);
    const spare = b.findIndex((x) => x.containerName === 'spare' && x.protocol === 'tcp');
    assert.deepEqual(c[spare], [{ kind: 'hostProcess', listener: L('127.0.0.1', 9000) }]);
    assert.deepEqual(c[b.findIndex((x) => x.protocol === 'udp')], []);
    const web = b.findIndex((x) => x.containerName === 'web' && x.hostIp === '0.0.0.0');
    assert.deepEqual(c[web].filter((x) => x.kind === 'hostProcess'), [{ kind: 'hostProcess', listener: L('192.0.2.2', 8080) }]);
  });
});

describe('the panel\'s picture', () => {
  test('exposure: every address, loopback, one address', () => {
    assert.equal(exposureOf(''), 'all');
    assert.equal(exposureOf('0.0.0.0'), 'all');
    assert.equal(exposureOf('::'), 'all');
    assert.equal(exposureOf('127.0.0.1'), 'loopback');
    assert.equal(exposureOf('::1'), 'loopback');
    assert.equal(exposureOf('::ffff:127.0.0.1'), 'loopback');
    assert.equal(exposureOf('::ffff:0.0.0.0'), 'all');
    assert.equal(exposureOf('::ffff:192.0.2.2'), 'address');
    assert.equal(exposureOf('192.0.2.2'), 'address');
    assert.equal(exposureOf('bogus'), 'address');
    assert.equal(hostText({ hostIp: '::', hostPortText: '8080' }), '[::]:8080');
    assert.equal(hostText({ hostIp: '', hostPortText: '' }), '*:(random port at start)');
  });

  test('rows host side first, exposure words (ufw), conflicts in words, the host check said', () => {
    const { snapshot, requested } = scenario();
    const s = portsState(publishedPorts(snapshot, requested), { engine: 'unix:///x.sock', listeners: [L('127.0.0.1', 9000)] });
    const web = s.rows.find((r) => r.container.name === 'web')!;
    assert.equal(web.mapping, '0.0.0.0:8080 → web:80/tcp');
    assert.equal(web.exposure, 'all');
    assert.match(web.exposureText, /reachable from other machines.*bypass host firewalls such as ufw/);
    assert.match(s.rows.find((r) => r.container.name === 'test4')!.exposureText, /^Loopback only \(127\.0\.0\.1\)/);
    const late = s.rows.find((r) => r.container.name === 'late')!;
    assert.deepEqual(late.conflicts.map((c) => c.text), [
      'Cannot start while web runs: it already holds host port 8080/tcp.',
      'Cannot start while test4 runs: it already holds host port 8080/tcp.',
    ]);
    assert.equal(late.conflicts[0].otherId, scenario().web.Id);
    assert.match(s.rows.find((r) => r.container.name === 'spare' && r.target.endsWith('/tcp'))!.conflicts[0].text, /already listens on 127\.0\.0\.1:9000: the container will fail to start/);
    assert.equal(s.hostChecks.available, true);
    assert.equal(s.summary, '6 published ports · 4 open to other machines · 5 with a conflict');
    assert.equal(new Set(s.rows.map((r) => r.key)).size, s.rows.length);
  });

  test('remote engine: host processes not compared, and said so; nothing published', () => {
    const { snapshot } = seedSnapshot();
    const s = portsState(publishedPorts({ ...snapshot, containers: [] }, new Map()), { engine: 'ssh://x', listeners: { reason: 'not available for a remote engine' } });
    assert.deepEqual(s.hostChecks, { available: false, text: 'not available for a remote engine' });
    assert.equal(s.summary, 'No container publishes a port.');
  });

  test('the same binding twice in one container gets distinct keys', () => {
    const b: PortBinding = { containerId: 'c'.repeat(64), containerName: 'c', state: 'exited', running: false, hostIp: '', hostPortText: '', containerPort: 80, protocol: 'tcp' };
    assert.deepEqual(portsState([b, b], { engine: '', listeners: [] }).rows.map((r) => r.key), ['cccccccccccc--80-tcp'.replace('--', '---'), 'cccccccccccc---80-tcp-1']);
  });
});

describe('Run form pre-flight on the same data', () => {
  const { snapshot } = seedSnapshot();
  const ctx = (listeners?: Listener[]): ValidationContext => ({
    networks: snapshot.networks, containers: snapshot.containers, swarmManager: false, drivers: [], ...(listeners ? { host: { listeners } } : {}),
  });
  const form = (hostPort: string, hostIp = '', protocol = 'tcp') => ({ ...emptyRunForm(), image: 'busybox', ports: [{ hostIp, hostPort, containerPort: '80', protocol }] });

  test('a host process on the port is refused, naming where it listens', () => {
    assert.deepEqual(validateRun(form('18080'), ctx([L('127.0.0.1', 18080)])), [{
      field: 'ports[0].hostPort',
      message: 'Host port 18080/tcp is taken by a process on this machine listening on 127.0.0.1:18080: the container would fail to start. Choose another host port, or leave it empty for a free one.',
    }]);
    assert.match(validateRun(form('18080', '::1'), ctx([L('::', 18080)]))[0].message, /listening on \[::\]:18080/);
  });

  test('not refused: another address, udp, no host data, or docker-proxy\'s listener of a running container (reported as that container)', () => {
    assert.deepEqual(validateRun(form('18080', '192.0.2.2'), ctx([L('127.0.0.1', 18080)])), []);
    assert.deepEqual(validateRun(form('18080', '', 'udp'), ctx([L('0.0.0.0', 18080)])), []);
    assert.deepEqual(validateRun(form('18080'), ctx()), []);
    const errors = validateRun(form('8080'), ctx([L('127.0.0.1', 8080)]));
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /already published by container "test4"/);
  });
});

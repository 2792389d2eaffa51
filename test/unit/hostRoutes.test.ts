// Host route collisions: which Docker subnets a host route or interface address also claims, every branch, and
// the Create Network check built on them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  collisionMark, describeCollision, networkCollisions, notAvailableForRemote, ownInterfaces, routeChecked, subnetCollisions, subnetsSignature, type HostRouteFacts,
} from '../../src/core/hostRoutes';
import { engineOnThisMachine } from '../../src/core/endpoint';
import { networkDetailsState } from '../../src/core/details';
import { parseProcNetIpv6Route, parseProcNetRoute, RTF_REJECT, type HostRoute } from '../../src/core/procNet';
import { parseCidr } from '../../src/core/validate/common';
import { joinSnapshot } from '../../src/core/join';
import { emptyCreateNetworkForm, type ValidationContext } from '../../src/core/forms';
import { validateCreateNetwork } from '../../src/core/validate';
import type { NetworkView } from '../../src/core/model';
import { BRIDGE, hexId, rawNetwork } from './seedSnapshot';

const route = (iface: string, cidr: string, extra: Partial<HostRoute> = {}): HostRoute => {
  const c = parseCidr(cidr)!;
  return { iface, family: c.family, cidr: c.text, prefix: c.prefix, flags: 1, ...extra };
};
const facts = (routes: HostRoute[], addresses: HostRouteFacts['addresses'] = []): HostRouteFacts => ({ routes, addresses });
const cidr = (t: string) => parseCidr(t)!;

const MINE = rawNetwork('mine', { subnet: '10.8.0.0/16' });
const V6 = { ...rawNetwork('v6net'), EnableIPv6: true, IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: 'fd42:8::/64' }] } };
function networks(...more: ReturnType<typeof rawNetwork>[]): NetworkView[] {
  return joinSnapshot([BRIDGE, rawNetwork('host'), rawNetwork('none'), MINE, V6, ...more], []).networks;
}
const byName = (ns: NetworkView[], name: string): NetworkView => ns.find((n) => n.name === name)!;

describe('subnetCollisions', () => {
  const ns = networks();
  test('a route inside the subnet, and a route holding the subnet, both collide (overlap both ways)', () => {
    const inside = subnetCollisions(cidr('10.0.0.0/8'), new Set(), facts([route('tun0', '10.8.0.0/16')]), ns);
    assert.deepEqual(inside.map((c) => [c.subnet, c.hostCidr, c.iface]), [['10.0.0.0/8', '10.8.0.0/16', 'tun0']]);
    const around = subnetCollisions(cidr('10.8.3.0/24'), new Set(), facts([route('tun0', '10.8.0.0/16')]), ns);
    assert.deepEqual(around.map((c) => [c.subnet, c.hostCidr]), [['10.8.3.0/24', '10.8.0.0/16']]);
    assert.deepEqual(subnetCollisions(cidr('10.9.0.0/16'), new Set(), facts([route('tun0', '10.8.0.0/16')]), ns), []);
  });

  test('IPv6: a VPN route over the subnet collides; the other family never does', () => {
    const found = subnetCollisions(cidr('fd42:8::/64'), new Set(), facts([route('tun0', 'fd42::/16', { gateway: 'fd42::1' }), route('eth0', '10.8.0.0/16')]), ns);
    assert.deepEqual(found, [{ subnet: 'fd42:8::/64', hostCidr: 'fd42::/16', iface: 'tun0', via: 'route', gateway: 'fd42::1', staleBridge: false }]);
  });

  test('default routes (and a VPN\'s 0.0.0.0/1 + 128.0.0.0/1) never count', () => {
    const f = facts([route('eth0', '0.0.0.0/0', { gateway: '192.0.2.1' }), route('tun0', '0.0.0.0/1'), route('tun0', '128.0.0.0/1'), route('eth0', '::/0')]);
    assert.deepEqual(subnetCollisions(cidr('10.8.0.0/16'), new Set(), f, ns), []);
    assert.deepEqual(subnetCollisions(cidr('172.20.0.0/16'), new Set(), f, ns), []);
    assert.deepEqual(subnetCollisions(cidr('fd42:8::/64'), new Set(), f, ns), []);
  });

  test('link-local, loopback and multicast routes never count', () => {
    const f = facts([route('eth0', 'fe80::/64'), route('eth0', '169.254.0.0/16'), route('lo', '::1/128'), route('eth0', 'ff00::/8'), route('eth0', '224.0.0.0/4')]);
    assert.deepEqual(subnetCollisions(cidr('fe80::/10'), new Set(), f, ns), []);
    assert.deepEqual(subnetCollisions(cidr('169.254.0.0/16'), new Set(), f, ns), []);
    assert.deepEqual(subnetCollisions(cidr('::/1'), new Set(), f, ns), []);
    assert.deepEqual(subnetCollisions(cidr('224.0.0.0/8'), new Set(), f, ns), []);
  });

  test('the network\'s own bridge is left out; a reject route is no route', () => {
    const f = facts([route('br-own', '10.8.0.0/16'), route('lo', '10.8.0.0/16', { flags: 1 | RTF_REJECT })]);
    assert.deepEqual(subnetCollisions(cidr('10.8.0.0/16'), new Set(['br-own']), f, ns), []);
  });

  test('a stale br-<id> (no network has that id) counts, and says so; another network\'s bridge names it', () => {
    const mine = byName(ns, 'mine');
    const stale = `br-${'ab'.repeat(6)}`;
    const theirs = `br-${mine.id.slice(0, 12)}`;
    const found = subnetCollisions(cidr('10.8.0.0/16'), new Set(), facts([route(stale, '10.8.0.0/16'), route(theirs, '10.8.0.0/16')]), ns);
    assert.deepEqual(found.map((c) => [c.iface, c.staleBridge, c.ofNetwork]), [[stale, true, undefined], [theirs, false, 'mine']]);
    assert.match(describeCollision(found[0]), /a bridge left on the host by a removed network.*ip link delete br-abab/);
    assert.match(describeCollision(found[1]), /the bridge of network "mine"/);
  });

  test('an interface address counts (a noprefixroute address has no route), once per interface and block', () => {
    const addr = { iface: 'tun0', family: 'ipv4' as const, address: '10.8.0.2', prefix: 24 };
    const only = subnetCollisions(cidr('10.8.0.0/16'), new Set(), facts([], [addr]), ns);
    assert.deepEqual(only.map((c) => [c.via, c.hostCidr]), [['address', '10.8.0.0/24']]);
    assert.match(describeCollision(only[0]), /^10\.8\.0\.0\/24 is the block of an address of tun0 \(it overlaps 10\.8\.0\.0\/16\)/);
    const both = subnetCollisions(cidr('10.8.0.0/16'), new Set(), facts([route('tun0', '10.8.0.0/24')], [addr]), ns);
    assert.deepEqual(both.map((c) => c.via), ['route']);
  });

  test('the wording of the form: the block, the interface, and why it matters', () => {
    const [c] = subnetCollisions(cidr('10.8.0.0/16'), new Set(), facts([route('tun0', '10.8.0.0/16')]), ns);
    assert.equal(describeCollision(c), '10.8.0.0/16 is routed through tun0: containers on this network could not reach it.');
    assert.equal(collisionMark([c, { ...c, hostCidr: '10.8.1.0/24' }]), 'collides with a host route (tun0)');
  });
});

describe('networkCollisions: existing networks', () => {
  test('the real capture: docker0 and the seed\'s bridge are their networks\' own, eth0\'s LAN collides with a network on it', () => {
    const read = (f: string) => readFileSync(join(__dirname, '..', 'fixtures', 'proc', f), 'utf8');
    const myNet = { ...rawNetwork('my-net', { subnet: '172.28.0.0/16' }), Id: `1a35e1d760c2${hexId('x').slice(12)}` };
    const lan = rawNetwork('lan-clash', { subnet: '192.0.2.0/28' });
    const ns = joinSnapshot([BRIDGE, myNet, lan], []).networks;
    const f = facts([...parseProcNetRoute(read('route.txt')), ...parseProcNetIpv6Route(read('ipv6_route.txt'))]);
    const found = networkCollisions(ns, f);
    assert.deepEqual([...found.keys()], [byName(ns, 'lan-clash').id]);
    assert.deepEqual(found.get(byName(ns, 'lan-clash').id)!.map((c) => [c.iface, c.hostCidr]), [['eth0', '192.0.2.0/24']]);
  });

  test('macvlan/ipvlan (on the LAN by design), host, none and config-only networks are not checked', () => {
    const mac = rawNetwork('mac', { driver: 'macvlan', subnet: '192.0.2.0/24' });
    const cfg = { ...rawNetwork('cfg', { subnet: '192.0.2.0/24' }), ConfigOnly: true };
    const ns = joinSnapshot([mac, cfg, rawNetwork('host'), rawNetwork('none')], []).networks;
    assert.equal(networkCollisions(ns, facts([route('eth0', '192.0.2.0/24')])).size, 0);
    assert.equal(routeChecked('macvlan', false), false);
    assert.equal(routeChecked('bridge', true), false);
    assert.equal(routeChecked('overlay', false), true);
  });

  test('own interfaces: docker0 for the default bridge, br-<12 of the id>, a named bridge', () => {
    const ns = networks(rawNetwork('named', { subnet: '10.50.0.0/16', options: { 'com.docker.network.bridge.name': 'mybr0' } }));
    assert.deepEqual([...ownInterfaces(byName(ns, 'bridge'))], ['docker0']);
    assert.deepEqual([...ownInterfaces(byName(ns, 'mine'))], [`br-${byName(ns, 'mine').id.slice(0, 12)}`]);
    assert.deepEqual([...ownInterfaces(byName(ns, 'named'))], ['mybr0']);
    assert.deepEqual([...ownInterfaces(byName(ns, 'host'))], []);
  });
});

describe('Create Network refuses a subnet a host route claims', () => {
  const ns = networks();
  const ctx = (routes?: HostRouteFacts): ValidationContext => ({ networks: ns, containers: [], swarmManager: false, drivers: [], ...(routes ? { host: { routes } } : {}) });
  const form = (subnet: string, bridgeName?: string) => ({
    ...emptyCreateNetworkForm(), name: 'vpn-clash', ipv4: [{ subnet, ipRange: '', gateway: '', auxAddresses: '' }],
    driverOptions: bridgeName ? [{ key: 'com.docker.network.bridge.name', value: bridgeName }] : [],
  });

  test('the interface is named, on the subnet field', () => {
    const errors = validateCreateNetwork(form('10.9.0.0/16'), ctx(facts([route('tun0', '10.9.0.0/16')])));
    assert.deepEqual(errors, [{ field: 'ipv4[0].subnet', message: '10.9.0.0/16 is routed through tun0: containers on this network could not reach it.' }]);
  });

  test('no host data (a remote engine): not checked; a bridge named in the form is the network\'s own', () => {
    assert.deepEqual(validateCreateNetwork(form('10.9.0.0/16'), ctx()), []);
    assert.deepEqual(validateCreateNetwork(form('10.9.0.0/16', 'tun0'), ctx(facts([route('tun0', '10.9.0.0/16')]))), []);
  });

  test('an overlap with an existing network is said once, as that network\'s', () => {
    const mine = byName(ns, 'mine');
    const errors = validateCreateNetwork(form('10.8.0.0/16'), ctx(facts([route(`br-${mine.id.slice(0, 12)}`, '10.8.0.0/16')])));
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /the subnet of network "mine"/);
  });
});

describe('which engines get host-side checks', () => {
  test('a unix socket or loopback tcp is this machine; anything else is remote, and said so', () => {
    assert.equal(engineOnThisMachine({ kind: 'unix', socketPath: '/var/run/docker.sock' }), true);
    assert.equal(engineOnThisMachine({ kind: 'tcp', host: '127.0.0.1', port: 2375, tls: false }), true);
    assert.equal(engineOnThisMachine({ kind: 'tcp', host: '::1', port: 2375, tls: false }), true);
    assert.equal(engineOnThisMachine({ kind: 'tcp', host: 'localhost', port: 2376, tls: true }), true);
    assert.equal(engineOnThisMachine({ kind: 'tcp', host: '192.0.2.7', port: 2375, tls: false }), false);
    assert.equal(engineOnThisMachine({ kind: 'tcp', host: 'docker.example', port: 2375, tls: false }), false);
    assert.equal(engineOnThisMachine({ kind: 'ssh', host: 'localhost', port: 22 }), false);
    assert.equal(engineOnThisMachine({ kind: 'npipe', pipePath: '//./pipe/docker_engine' }), false);
    assert.equal(engineOnThisMachine(undefined), false);
    assert.match(notAvailableForRemote('ssh://me@box'), /not available for a remote engine \(ssh:\/\/me@box\)/);
  });

  test('Network Details carries the collisions, or the note, as given', () => {
    const mine = byName(networks(), 'mine');
    assert.deepEqual(networkDetailsState(mine, { engine: '', hostRoutes: { collisions: ['x'] } }).hostRoutes, { collisions: ['x'] });
    assert.equal(networkDetailsState(mine, { engine: '' }).hostRoutes, undefined);
  });
});

describe('subnetsSignature', () => {
  test('changes with a network, its subnets or its bridge, not with its containers', () => {
    const ns = networks();
    const base = subnetsSignature(ns);
    const mine = byName(ns, 'mine');
    assert.equal(subnetsSignature(ns.map((n) => ({ ...n, attachments: [] }))), base, 'attachments are not part of it');
    assert.notEqual(subnetsSignature(ns.map((n) => (n === mine ? { ...n, ipam: [{ ...mine.ipam[0]!, subnet: '10.9.0.0/16' }] } : n))), base, 'a subnet');
    assert.notEqual(subnetsSignature(ns.map((n) => (n === mine ? { ...n, options: { 'com.docker.network.bridge.name': 'br-x' } } : n))), base, 'its bridge');
    assert.notEqual(subnetsSignature(networks(rawNetwork('other', { subnet: '10.20.0.0/16' }))), base, 'a new network');
    assert.notEqual(subnetsSignature(ns.filter((n) => n !== mine)), base, 'a removed network');
  });
});

// Reachability follows the bridge's gateway modes (Docker 27+): isolated gives the bridge no address on the host
// (the host cannot reach its containers, ports published there do not work; members still reach each other);
// routed means no NAT (the host reaches containers at their own address, which is said).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import type { RawNetwork } from '../../src/core/model';
import {
  blockedFrom, computeReachability, describeBlock, describeVia, reachableFrom, reachBetween, type PairReach,
} from '../../src/core/reachability';
import { reachabilityOf, topologyReach } from '../../src/core/topology';
import { hexId, rawContainer, rawNetwork } from './seedSnapshot';

/** Test helpers: a way and a pair in one sentence, from the words the map and Check Connectivity use. */
function explainPair(p: PairReach): string {
  return p.reachable
    ? `${p.fromName} can reach ${p.toName} (${p.via.map(describeVia).join('; ')})`
    : `${p.fromName} cannot reach ${p.toName}: ${p.blocked.map(describeBlock).join('; ')}`;
}

const GW4 = 'com.docker.network.bridge.gateway_mode_ipv4';
const GW6 = 'com.docker.network.bridge.gateway_mode_ipv6';
const ISO = rawNetwork('iso', { subnet: '10.50.0.0/24', internal: true, options: { [GW4]: 'isolated' } });
const ROUTED = rawNetwork('rtd', { subnet: '10.60.0.0/24', options: { [GW4]: 'routed' } });
const PLAIN = rawNetwork('plain', { subnet: '10.70.0.0/24' });
const HOSTNET = rawNetwork('host');
/** Dual stack: IPv4 isolated, IPv6 still has a host address. */
const HALF: RawNetwork = { ...rawNetwork('half', { subnet: '10.80.0.0/24', internal: true, options: { [GW4]: 'isolated', [GW6]: 'nat' } }), EnableIPv6: true };

const id = (name: string): string => hexId(`c-${name}`);
const published = { ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }] };

describe('gateway mode isolated', () => {
  const snapshot = joinSnapshot([ISO, HOSTNET, PLAIN], [
    rawContainer('a', { iso: '10.50.0.2' }, published),
    rawContainer('b', { iso: '10.50.0.3' }),
    rawContainer('both', { iso: '10.50.0.4', plain: '10.70.0.4' }, { ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' }] }),
    rawContainer('h', { host: '' }, { mode: 'host' }),
  ]);
  const r = computeReachability(snapshot);

  test('members still reach each other, noted internal and isolated from the host', () => {
    const via = reachBetween(r, id('a'), id('b'));
    assert.equal(via.reachable, true);
    assert.deepEqual(via.via.map((v) => [v.kind, v.network, v.notes]), [['network', 'iso', ['internal', 'isolated']]]);
    assert.equal(describeVia(via.via[0]), 'via iso, an internal network (no outside access), isolated from the host (gateway mode isolated: no address on the host)');
  });

  test('the host (a host-mode container) cannot reach them, and says why', () => {
    const pair = reachBetween(r, id('h'), id('b'));
    assert.equal(pair.reachable, false);
    assert.deepEqual(pair.blocked, [{ kind: 'gateway-isolated', network: 'iso' }]);
    assert.match(explainPair(pair), /h cannot reach b: the host has no address on iso \(gateway mode isolated\)/);
    assert.ok(blockedFrom(r, id('h')).some((b) => b.to === id('a') && b.reason === 'gateway-isolated'));
  });

  test('a port published by a container only on the isolated bridge does not work from the host', () => {
    const pair = reachBetween(r, id('h'), id('a'));
    assert.equal(pair.reachable, false);
    assert.ok(!pair.via.some((v) => v.kind === 'published-port'));
    assert.ok(pair.blocked.every((b) => b.kind === 'gateway-isolated'), JSON.stringify(pair.blocked));
  });

  test('a container also on a NAT bridge is reached there, and its published port works', () => {
    const pair = reachBetween(r, id('h'), id('both'));
    assert.equal(pair.reachable, true);
    assert.deepEqual(pair.via.map((v) => [v.kind, v.network ?? v.detail]), [['host', 'plain'], ['published-port', '0.0.0.0:8081 → 80/tcp']]);
    assert.deepEqual(pair.blocked, [{ kind: 'gateway-isolated', network: 'iso' }], 'the isolated way is still named');
  });

  test('the topology side list says it in the same words', () => {
    const t = topologyReach(reachabilityOf(snapshot), id('h'));
    const b = t.blocked.find((x) => x.id === id('b'));
    assert.equal(b?.reason, describeBlock({ kind: 'gateway-isolated', network: 'iso' }));
    assert.match(b?.reason ?? '', /ports published on it do not work/);
  });
});

describe('gateway mode routed', () => {
  test('the host reaches containers at their own address, noted routed (no NAT)', () => {
    const s = joinSnapshot([ROUTED, HOSTNET], [rawContainer('r', { rtd: '10.60.0.5' }), rawContainer('h', { host: '' }, { mode: 'host' })]);
    const r = computeReachability(s);
    const [entry] = reachableFrom(r, id('h'));
    assert.deepEqual([entry.toName, entry.via[0].kind, entry.via[0].detail, entry.via[0].notes], ['r', 'host', '10.60.0.5', ['routed']]);
    assert.equal(describeVia(entry.via[0]), 'via the host, on rtd (10.60.0.5), routed (no NAT: at the container\'s own address)');
    const peer = reachBetween(computeReachability(joinSnapshot([ROUTED], [rawContainer('x', { rtd: '10.60.0.6' }), rawContainer('y', { rtd: '10.60.0.7' })])), id('x'), id('y'));
    assert.deepEqual(peer.via[0].notes, [], 'between members nothing changes');
  });
});

describe('a dual-stack bridge isolated for IPv4 only', () => {
  test('the host reaches the container over IPv6', () => {
    const c = rawContainer('d', { half: '10.80.0.9' });
    c.NetworkSettings!.Networks!.half = { ...c.NetworkSettings!.Networks!.half, GlobalIPv6Address: 'fd00:80::9', GlobalIPv6PrefixLen: 64 };
    const r = computeReachability(joinSnapshot([HALF, HOSTNET], [c, rawContainer('h', { host: '' }, { mode: 'host' })]));
    const pair = reachBetween(r, id('h'), id('d'));
    assert.equal(pair.reachable, true);
    assert.deepEqual(pair.via.map((v) => [v.kind, v.detail, v.notes]), [['host', 'fd00:80::9', ['internal']]]);
  });

  test('without an IPv6 address it is blocked like a fully isolated bridge', () => {
    const r = computeReachability(joinSnapshot([HALF, HOSTNET], [rawContainer('d', { half: '10.80.0.9' }), rawContainer('h', { host: '' }, { mode: 'host' })]));
    assert.deepEqual(reachBetween(r, id('h'), id('d')).blocked, [{ kind: 'gateway-isolated', network: 'half' }]);
  });
});

// Which network gives a container its default route (moby sandbox.go Endpoint.Less, getGatewayEndpoint), and
// Container Networking saying so when the container has more than one network.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareRouteCandidates, defaultRoute, describeDefaultRoute, type RouteCandidate } from '../../src/core/defaultRoute';
import { containerNetworkingState, type ContainerInspectNet } from '../../src/core/containerDetails';
import { joinSnapshot } from '../../src/core/join';
import type { RawEndpoint } from '../../src/core/model';
import { hexId, rawContainer, rawNetwork } from './seedSnapshot';

function cand(network: string, more: Partial<RouteCandidate> = {}): RouteCandidate {
  return { network, priority: 0, internal: false, ipv4Gateway: true, ipv6Gateway: false, driver: 'bridge', ...more };
}

const names = (cs: RouteCandidate[]): string[] => [...cs].sort(compareRouteCandidates).map((c) => c.network);

describe('moby\'s ordering of endpoints for the default gateway', () => {
  test('highest GwPriority first, negative ones last', () => {
    assert.deepEqual(names([cand('a'), cand('b', { priority: 100 }), cand('c', { priority: -1 }), cand('d', { priority: 10 })]), ['b', 'd', 'a', 'c']);
  });
  test('then docker_gwbridge after the others', () => {
    assert.deepEqual(names([cand('docker_gwbridge'), cand('zeta')]), ['zeta', 'docker_gwbridge']);
    assert.deepEqual(names([cand('docker_gwbridge', { priority: 1 }), cand('zeta')]), ['docker_gwbridge', 'zeta'], 'priority still comes first');
  });
  test('then internal networks after the others', () => {
    assert.deepEqual(names([cand('a', { internal: true }), cand('b')]), ['b', 'a']);
  });
  test('then dual-stack gateways, then one, then none', () => {
    assert.deepEqual(names([cand('a', { ipv4Gateway: false }), cand('b'), cand('c', { ipv6Gateway: true })]), ['c', 'b', 'a']);
  });
  test('then the network name, in byte order', () => {
    assert.deepEqual(names([cand('beta'), cand('Zulu'), cand('alpha')]), ['Zulu', 'alpha', 'beta']);
  });
});

describe('defaultRoute', () => {
  test('the first endpoint with an IPv4 gateway gives IPv4, the first with an IPv6 gateway IPv6', () => {
    const r = defaultRoute([cand('v4only', { priority: 5 }), cand('dual', { ipv6Gateway: true }), cand('internal', { internal: true, ipv4Gateway: false })]);
    assert.deepEqual([r.ipv4?.network, r.ipv6?.network], ['v4only', 'dual']);
    assert.equal(describeDefaultRoute(r), 'IPv4 via v4only (gateway priority 5), IPv6 via dual');
  });
  test('one network for both families; host and none never give one; nothing at all', () => {
    assert.equal(describeDefaultRoute(defaultRoute([cand('a', { ipv6Gateway: true }), cand('b')])), 'IPv4 and IPv6 via a');
    assert.deepEqual(defaultRoute([cand('host', { driver: 'host' }), cand('none', { driver: 'null' })]), {});
    assert.match(describeDefaultRoute(defaultRoute([cand('i', { internal: true, ipv4Gateway: false })])), /^none/);
  });
});

describe('Container Networking names the default route when there are several networks', () => {
  const NETS = [rawNetwork('front', { subnet: '172.30.0.0/16' }), rawNetwork('back', { subnet: '172.31.0.0/16', internal: true }), rawNetwork('zz', { subnet: '172.32.0.0/16' })];

  function inspect(endpoints: Record<string, RawEndpoint>, running = true): ContainerInspectNet {
    return {
      Id: hexId('c-app'), Name: '/app', State: { Status: running ? 'running' : 'exited', Running: running, Pid: 1 },
      HostConfig: { NetworkMode: 'front' }, NetworkSettings: { Networks: endpoints },
    };
  }

  function endpoints(priorities: Record<string, number | undefined>): Record<string, RawEndpoint> {
    const c = rawContainer('app', { front: '172.30.0.2', back: '172.31.0.2', zz: '172.32.0.2' });
    const eps = c.NetworkSettings!.Networks!;
    eps.back.Gateway = ''; // an internal network gives no gateway
    for (const [net, p] of Object.entries(priorities)) if (p !== undefined) eps[net].GwPriority = p;
    return eps;
  }

  test('by name when no priority is set; by priority once one is', () => {
    const snapshot = joinSnapshot(NETS, [rawContainer('app', { front: '172.30.0.2' })]);
    const plain = containerNetworkingState(inspect(endpoints({})), snapshot, { engine: '' });
    assert.equal(plain.defaultRoute, 'IPv4 via front');
    assert.deepEqual(plain.networks.map((n) => [n.name, n.defaultRoute]), [['back', undefined], ['front', ['IPv4']], ['zz', undefined]]);
    const prio = containerNetworkingState(inspect(endpoints({ front: 0, back: 50, zz: 10 })), snapshot, { engine: '' });
    assert.equal(prio.defaultRoute, 'IPv4 via zz (gateway priority 10)', 'back has the highest priority, but no gateway');
    assert.deepEqual(prio.networks.map((n) => [n.name, n.gwPriority]), [['back', 50], ['front', 0], ['zz', 10]]);
  });

  test('not said for one network, nor for a stopped container', () => {
    const snapshot = joinSnapshot(NETS, []);
    const one = endpoints({});
    const single = containerNetworkingState(inspect({ front: one.front }), snapshot, { engine: '' });
    assert.equal(single.defaultRoute, undefined);
    const stopped = containerNetworkingState(inspect(endpoints({}), false), snapshot, { engine: '' });
    assert.equal(stopped.defaultRoute, undefined);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import { withServices } from '../../src/core/services';
import type { RawContainer, RawNetwork, RawService } from '../../src/core/model';

const overlay: RawNetwork = { Id: 'ov1', Name: 'app-net', Driver: 'overlay', Scope: 'swarm', IPAM: { Config: [{ Subnet: '10.201.0.0/24' }] } };
const ingress: RawNetwork = { Id: 'ing', Name: 'ingress', Driver: 'overlay', Scope: 'swarm', Ingress: true };
const task: RawContainer = {
  Id: 'c1'.padEnd(64, '0'), Names: ['/web.1.abc'], Image: 'busybox', State: 'running', Status: 'Up', Ports: [],
  Labels: { 'com.docker.swarm.service.id': 'svc1', 'com.docker.swarm.service.name': 'web' },
  NetworkSettings: { Networks: { 'app-net': { NetworkID: 'ov1', IPAddress: '10.201.0.5', IPPrefixLen: 24 } } },
};
const services: RawService[] = [
  { ID: 'svc1', Spec: { Name: 'web', Mode: { Replicated: { Replicas: 2 } } }, Endpoint: { VirtualIPs: [{ NetworkID: 'ov1', Addr: '10.201.0.2/24' }, { NetworkID: 'ing', Addr: '10.0.0.5/24' }] } },
  { ID: 'svc2', Spec: { Name: 'agent', Mode: { Global: {} } }, Endpoint: { VirtualIPs: [{ NetworkID: 'ov1', Addr: '10.201.0.3/24' }] } },
  { ID: 'svc3', Spec: { Name: 'novip' }, Endpoint: null },
];

describe('swarm services on networks', () => {
  const s = withServices(joinSnapshot([overlay, ingress], [task]), services);
  const net = (name: string) => s.networks.find((n) => n.name === name)!;

  test('each service sits on every network it has a VIP on, with that VIP and its mode', () => {
    assert.deepEqual(net('app-net').services, [
      { id: 'svc2', name: 'agent', vip: '10.201.0.3/24', mode: 'global' },
      { id: 'svc1', name: 'web', vip: '10.201.0.2/24', mode: 'replicated 2' },
    ]);
    assert.deepEqual(net('ingress').services?.map((x) => x.vip), ['10.0.0.5/24']);
  });
  test('task containers carry their service id', () => {
    assert.equal(net('app-net').attachments[0].serviceId, 'svc1');
  });
  test('a non-manager snapshot has no services at all', () => {
    assert.equal(joinSnapshot([overlay], [task]).networks[0].services, undefined);
  });
});

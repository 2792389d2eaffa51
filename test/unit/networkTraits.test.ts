// IPv6-only networks, gateway modes and trusted host interfaces: read from the engine's answers, shown in the tree
// (description, tooltip) and Network Details, and never confused with `none`, which reports EnableIPv4 false too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attachmentDescription, attachmentTooltip, networkDescription, networkTooltip } from '../../src/core/format';
import { networkDetailsState } from '../../src/core/details';
import { joinSnapshot, toNetworkView } from '../../src/core/join';
import type { RawNetwork } from '../../src/core/model';
import {
  describeGatewayMode, gatewayModeOf, isGatewayIsolated, isGatewayRouted, isIPv6Only, trustedHostInterfacesOf,
} from '../../src/core/networkTraits';
import { rawContainer, rawNetwork } from './seedSnapshot';

const V6NET: RawNetwork = {
  ...rawNetwork('v6net'), EnableIPv4: false, EnableIPv6: true,
  IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: 'fd00:6::/64', Gateway: 'fd00:6::1' }] },
};
/** API 1.48+ engines list `none` and `host` with EnableIPv4 false and EnableIPv6 false. */
const NONE: RawNetwork = { ...rawNetwork('none'), EnableIPv4: false };
const HOST: RawNetwork = { ...rawNetwork('host'), EnableIPv4: false };
const ROUTED: RawNetwork = {
  ...rawNetwork('routed-net', {
    subnet: '172.29.0.0/16', gateway: '172.29.0.1',
    options: {
      'com.docker.network.bridge.gateway_mode_ipv4': 'routed', 'com.docker.network.bridge.gateway_mode_ipv6': 'isolated',
      'com.docker.network.bridge.trusted_host_interfaces': 'eth1:wg0',
    },
  }),
  EnableIPv6: true,
};

function tooltipLines(markdown: string): string[] {
  return markdown.split('\n').map((l) => l.trimEnd());
}

describe('EnableIPv4 in the model', () => {
  test('read as given; absent (engines before API 1.48) means IPv4 on', () => {
    assert.equal(toNetworkView(V6NET, []).enableIPv4, false);
    assert.equal(toNetworkView({ ...V6NET, EnableIPv4: true }, []).enableIPv4, true);
    const old = { ...V6NET };
    delete old.EnableIPv4;
    assert.equal(toNetworkView(old, []).enableIPv4, true);
  });

  test('IPv6-only is IPv4 off with IPv6 on; none and host (IPv4 off, IPv6 off) are not', () => {
    assert.equal(isIPv6Only(toNetworkView(V6NET, [])), true);
    assert.equal(isIPv6Only(toNetworkView(NONE, [])), false);
    assert.equal(isIPv6Only(toNetworkView(HOST, [])), false);
    assert.equal(isIPv6Only(toNetworkView({ ...NONE, EnableIPv6: true }, [])), false, 'the null driver is never IPv6-only');
    assert.equal(isIPv6Only(toNetworkView(ROUTED, [])), false);
  });
});

describe('the tree shows an IPv6-only network as such, and none as it always was', () => {
  test('description', () => {
    assert.equal(networkDescription(toNetworkView(V6NET, [])), 'bridge · IPv6 only · fd00:6::/64');
    assert.equal(networkDescription(toNetworkView({ ...V6NET, IPAM: { Config: [] } }, [])), 'bridge · IPv6 only');
    assert.equal(networkDescription(toNetworkView(NONE, [])), 'null');
    assert.equal(networkDescription(toNetworkView(HOST, [])), 'host');
  });

  test('tooltip: IPv4 "no (an IPv6-only network)"; none and host have no IPv4 line', () => {
    const l = tooltipLines(networkTooltip(toNetworkView(V6NET, [])));
    assert.ok(l.includes('**IPv4:** no (an IPv6-only network)'), l.join('\n'));
    assert.ok(l.includes('**IPv6:** yes'));
    for (const n of [NONE, HOST]) {
      const text = networkTooltip(toNetworkView(n, []));
      assert.ok(!/\*\*IPv4:\*\*/.test(text) && !text.includes('IPv6-only'), text);
    }
    assert.ok(tooltipLines(networkTooltip(toNetworkView(ROUTED, []))).includes('**IPv4:** yes'));
  });

  test('tooltip: gateway modes and trusted host interfaces', () => {
    const l = tooltipLines(networkTooltip(toNetworkView(ROUTED, [])));
    for (const expected of ['**IPv4 gateway mode:** `routed`', '**IPv6 gateway mode:** `isolated`', '**Trusted host interfaces:** `eth1`, `wg0`']) {
      assert.ok(l.includes(expected), `missing ${expected}\n${l.join('\n')}`);
    }
    assert.ok(!networkTooltip(toNetworkView(V6NET, [])).includes('gateway mode'), 'unset modes stay out');
  });
});

describe('gateway modes and trusted host interfaces', () => {
  test('read from a bridge\'s options only', () => {
    const routed = toNetworkView(ROUTED, []);
    assert.deepEqual([gatewayModeOf(routed, 'ipv4'), gatewayModeOf(routed, 'ipv6')], ['routed', 'isolated']);
    assert.deepEqual([isGatewayRouted(routed, 'ipv4'), isGatewayIsolated(routed, 'ipv6'), isGatewayIsolated(routed, 'ipv4')], [true, true, false]);
    assert.deepEqual(trustedHostInterfacesOf(routed), ['eth1', 'wg0']);
    const mac = toNetworkView({ ...ROUTED, Driver: 'macvlan' }, []);
    assert.equal(gatewayModeOf(mac, 'ipv4'), undefined);
    assert.deepEqual(trustedHostInterfacesOf(mac), []);
    assert.equal(gatewayModeOf(toNetworkView(V6NET, []), 'ipv4'), undefined);
  });

  test('each mode in words', () => {
    assert.match(describeGatewayMode('routed'), /no NAT/);
    assert.match(describeGatewayMode('isolated'), /no address on the host/);
    assert.match(describeGatewayMode('nat-unprotected'), /every container port/);
    assert.match(describeGatewayMode('nat'), /only published ports/);
    assert.equal(describeGatewayMode('bogus'), '');
  });
});

describe('Network Details', () => {
  test('IPv6-only flag, IPv4 flag, and the usage of its subnet', () => {
    const web = rawContainer('web', { v6net: '' });
    web.NetworkSettings!.Networks!.v6net = { ...web.NetworkSettings!.Networks!.v6net, GlobalIPv6Address: 'fd00:6::10', GlobalIPv6PrefixLen: 64, EndpointID: 'e1' };
    const s = joinSnapshot([V6NET], [web]);
    const d = networkDetailsState(s.networks[0], { engine: '' });
    assert.deepEqual([d.network.enableIPv4, d.network.enableIPv6, d.network.ipv6Only], [false, true, true]);
    // In use: the subnet-router anycast address, the gateway, web's address.
    assert.deepEqual(d.ipam.map((r) => [r.family, r.usage, r.usageSource]), [['IPv6', '3 in use · about 1.8 × 10^19 free', 'computed']]);
    const none = networkDetailsState(toNetworkView(NONE, []), { engine: '' });
    assert.equal(none.network.ipv6Only, false);
  });

  test('gateway modes and trusted host interfaces, in words', () => {
    const d = networkDetailsState(toNetworkView(ROUTED, []), { engine: '' });
    assert.deepEqual(d.gatewayModes.map((g) => [g.family, g.mode]), [['IPv4', 'routed'], ['IPv6', 'isolated']]);
    assert.match(d.gatewayModes[0].text, /no NAT/);
    assert.deepEqual(d.trustedHostInterfaces, ['eth1', 'wg0']);
    const plain = networkDetailsState(toNetworkView(V6NET, []), { engine: '' });
    assert.deepEqual([plain.gatewayModes, plain.trustedHostInterfaces], [[], []]);
  });

  test('container rows carry health', () => {
    const sick = rawContainer('sick', { 'routed-net': '172.29.0.5' });
    sick.Health = { Status: 'unhealthy', FailingStreak: 2 };
    const fine = rawContainer('fine', { 'routed-net': '172.29.0.6' });
    const s = joinSnapshot([ROUTED], [sick, fine]);
    const d = networkDetailsState(s.networks[0], { engine: '' });
    assert.deepEqual(d.containers.map((c) => [c.name, c.health, c.healthStatus]), [
      ['fine', undefined, undefined], ['sick', 'unhealthy (2 failed checks in a row)', 'unhealthy'],
    ]);
  });

  test('the engine\'s own figures (API 1.52 Status) win over the computed ones', () => {
    const n = toNetworkView(ROUTED, []);
    const d = networkDetailsState(n, { engine: '', status: { '172.29.0.0/16': { IPsInUse: 7, DynamicIPsAvailable: 65529 } } });
    assert.deepEqual(d.ipam.map((r) => [r.usage, r.usageSource]), [['7 in use · 65,529 free', 'engine']]);
    const computed = networkDetailsState(n, { engine: '' });
    assert.deepEqual(computed.ipam.map((r) => [r.usage, r.usageSource]), [['3 in use · 65,533 free', 'computed']]);
  });
});

describe('containers in the tree: health and DNS names', () => {
  test('the description ends with the health word; the tooltip says health and DNS names', () => {
    const c = rawContainer('web', { 'routed-net': '172.29.0.5' });
    c.Status = 'Up 2 minutes (unhealthy)';
    c.NetworkSettings!.Networks!['routed-net'].DNSNames = ['web', 'api'];
    c.NetworkSettings!.Networks!['routed-net'].GwPriority = 10;
    const s = joinSnapshot([ROUTED], [c]);
    const n = s.networks[0];
    const a = n.attachments[0];
    assert.equal(attachmentDescription(a), '172.29.0.5/16 · unhealthy');
    const l = tooltipLines(attachmentTooltip(a, n));
    for (const expected of ['**Health:** unhealthy', '**DNS names:** `web`, `api`', '**Gateway priority:** `10`']) {
      assert.ok(l.includes(expected), `missing ${expected}\n${l.join('\n')}`);
    }
  });

  test('no health check: the description is unchanged; a stopped one still says its state', () => {
    const s = joinSnapshot([ROUTED], [rawContainer('web', { 'routed-net': '172.29.0.5' }), rawContainer('off', { 'routed-net': '' }, { state: 'exited' })]);
    const [off, web] = s.networks[0].attachments;
    assert.equal(attachmentDescription(web), '172.29.0.5/16');
    assert.equal(attachmentDescription({ ...off, health: { status: 'starting' } }), 'exited · health: starting');
    assert.ok(!attachmentTooltip(web, s.networks[0]).includes('Health'));
  });
});

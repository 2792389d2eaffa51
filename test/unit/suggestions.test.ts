// The forms' suggestions: "Next free address" (Connect, Run) and "Suggest a free subnet" (Create Network).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestAddress, suggestSubnetFor } from '../../src/core/suggestions';
import { emptyCreateNetworkForm } from '../../src/core/forms';
import type { NetworkView } from '../../src/core/model';

function net(more: Partial<NetworkView>): NetworkView {
  return {
    id: 'a'.repeat(64), name: 'appnet', driver: 'bridge', scope: 'local', builtin: false, internal: false, attachable: false, ingress: false,
    enableIPv4: true, enableIPv6: false, configOnly: false, ipamDriver: 'default', ipamOptions: {}, options: {}, labels: {}, attachments: [],
    ipam: [{ subnet: '172.28.0.0/16', gateway: '172.28.0.1', auxAddresses: {} }], ...more,
  };
}

const networks = [
  net({}),
  net({ id: 'b'.repeat(64), name: 'bridge', builtin: true, ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', auxAddresses: {} }] }),
  net({ id: 'c'.repeat(64), name: 'cfg', configOnly: true }),
  net({ id: 'd'.repeat(64), name: 'v6net', enableIPv6: true, ipam: [{ subnet: 'fd00:1::/64', gateway: 'fd00:1::1', auxAddresses: {} }] }),
];

describe('suggestAddress', () => {
  test('the next free address of the chosen network, by name or id', () => {
    assert.deepEqual(suggestAddress({ network: 'appnet' }, 'ipv4Address', networks), { value: '172.28.0.2', message: '172.28.0.2: the first free address of 172.28.0.0/16 (3 in use).' });
    assert.equal(suggestAddress({ network: 'd'.repeat(12) }, 'ipv6Address', networks).value, 'fd00:1::2');
  });

  test('no value, and why: no network, a built-in one, an unknown one, one that takes no container, no IPv6, no subnet of the family', () => {
    const why = (network: string, field = 'ipv4Address') => suggestAddress({ network }, field, networks);
    assert.deepEqual(why(''), { message: 'A fixed address needs a user-defined network with a subnet: choose one first.' });
    assert.equal(why('host').value, undefined);
    assert.equal(why('container:web').value, undefined);
    assert.deepEqual(why('b'.repeat(64)), { message: 'A fixed address needs a user-defined network with a subnet; "bridge" is a built-in network.' });
    assert.match(why('gone').message, /There is no network "gone"/);
    assert.match(why('cfg').message, /config-only network/);
    assert.deepEqual(why('appnet', 'ipv6Address'), { message: '"appnet" does not have IPv6 enabled.' });
    assert.deepEqual(why('v6net'), { message: '"v6net" has no IPv4 subnet, so it has no fixed IPv4 address to offer.' });
  });
});

describe('suggestSubnetFor', () => {
  test('past every network\'s subnet and the host\'s routes', () => {
    const form = { ...emptyCreateNetworkForm(), ipv4: [{ subnet: '/24', ipRange: '', gateway: '', auxAddresses: '' }] };
    assert.deepEqual(suggestSubnetFor(form, 'ipv4[0].subnet', networks), { value: '172.18.0.0/24', message: '172.18.0.0/24: the first free /24 in Docker\'s default pool 172.18.0.0/16, after bridge (172.17.0.0/16).' });
    assert.equal(suggestSubnetFor(form, 'ipv4[0].subnet', networks, [{ destination: '172.18.0.0/23', device: 'wg0' }]).value, '172.18.2.0/24');
  });

  test('nothing for an IPv6 row, and none when the pools are full', () => {
    assert.deepEqual(suggestSubnetFor(emptyCreateNetworkForm(), 'ipv6[0].subnet', networks), { message: 'Only an IPv4 subnet can be suggested: Docker\'s default pools are IPv4.' });
    const full = suggestSubnetFor(emptyCreateNetworkForm(), 'ipv4[0].subnet', [], [{ destination: '172.16.0.0/12' }, { destination: '192.168.0.0/16' }]);
    assert.equal(full.value, undefined);
    assert.match(full.message, /^No block of Docker's default pools/);
  });
});

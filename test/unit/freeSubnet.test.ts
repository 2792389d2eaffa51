// "Suggest a free subnet": the first free block of Docker's default pools (moby libnetwork/ipamutils, v28.5.2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GLOBAL_DEFAULT_POOLS, LOCAL_DEFAULT_POOLS, networkBlocks, routeBlocks, suggestFormSubnet, suggestSubnet, typedPrefix,
} from '../../src/core/freeSubnet';
import { emptyCreateNetworkForm, type IpamEntry } from '../../src/core/forms';

const local = (taken: { cidr: string; by: string }[], prefix?: number) => suggestSubnet({ pools: LOCAL_DEFAULT_POOLS, taken, ...(prefix ? { prefix } : {}) });
const row = (subnet: string): IpamEntry => ({ subnet, ipRange: '', gateway: '', auxAddresses: '' });

describe('suggestSubnet', () => {
  test('nothing taken: the first block of the first pool, at the pool\'s own size', () => {
    assert.deepEqual(local([]), { subnet: '172.17.0.0/16', message: '172.17.0.0/16: the first /16 in Docker\'s default pool 172.17.0.0/16; nothing on this engine uses it.' });
    assert.equal(local([], 24).subnet, '172.17.0.0/24');
  });

  test('past what networks use, naming the last one in the way', () => {
    const taken = [{ cidr: '172.17.0.0/16', by: 'bridge' }, { cidr: '172.18.0.0/24', by: 'my-net' }];
    assert.deepEqual(local(taken, 24), { subnet: '172.18.1.0/24', message: '172.18.1.0/24: the first free /24 in Docker\'s default pool 172.18.0.0/16, after my-net (172.18.0.0/24).' });
    assert.equal(local(taken).subnet, '172.19.0.0/16');
    // a small block in the way of a large one: the next boundary of the large one
    assert.equal(local([{ cidr: '172.17.0.128/25', by: 'x' }], 24).subnet, '172.17.1.0/24');
    // a large block in the way of small ones: past its end at once
    assert.equal(local([{ cidr: '172.16.0.0/12', by: 'vpn' }], 28).subnet, '192.168.0.0/28');
  });

  test('/14 pools are split into /16s; 192.168.0.0/16 into /20s', () => {
    const all172 = ['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16', '172.20.0.0/14', '172.24.0.0/14'].map((cidr) => ({ cidr, by: 'n' }));
    assert.equal(local(all172).subnet, '172.28.0.0/16');
    assert.equal(local([...all172, { cidr: '172.28.0.0/14', by: 'n' }]).subnet, '192.168.0.0/20');
  });

  test('a prefix larger than every pool, and pools that are full', () => {
    assert.match(local([], 12).message, /A \/12 is larger than Docker's default pools .*: ask for \/14 or smaller\./);
    assert.equal(local([], 12).subnet, undefined);
    // /15 fits only the /14 pools
    assert.equal(local([], 15).subnet, '172.20.0.0/15');
    const full = local([{ cidr: '172.16.0.0/12', by: 'a' }, { cidr: '192.168.0.0/16', by: 'b' }]);
    assert.deepEqual(full.subnet, undefined);
    assert.match(full.message, /^No block of Docker's default pools \(172\.17\.0\.0\/16, .*192\.168\.0\.0\/16\) is free/);
    assert.match(local([{ cidr: '172.16.0.0/12', by: 'a' }, { cidr: '192.168.0.0/16', by: 'b' }], 24).message, /^No \/24 of/);
  });

  test('IPv6 and unparsable blocks are ignored; the global pool is 10.0.0.0/8 in /24s', () => {
    assert.equal(local([{ cidr: 'fd00::/8', by: 'v6' }, { cidr: 'nonsense', by: '?' }]).subnet, '172.17.0.0/16');
    assert.equal(suggestSubnet({ pools: GLOBAL_DEFAULT_POOLS, taken: [{ cidr: '10.0.0.0/24', by: 'ingress' }] }).subnet, '10.0.1.0/24');
  });
});

describe('the blocks in the way', () => {
  test('networkBlocks: every subnet of every network, named by the network', () => {
    assert.deepEqual(networkBlocks([
      { name: 'a', ipam: [{ subnet: '172.18.0.0/16', auxAddresses: {} }, { subnet: 'fd00::/64', auxAddresses: {} }] },
      { name: 'none', ipam: [] }, { name: 'b', ipam: [{ auxAddresses: {} }] },
    ]), [{ cidr: '172.18.0.0/16', by: 'a' }, { cidr: 'fd00::/64', by: 'a' }]);
  });

  test('routeBlocks: not the default route; named by device', () => {
    assert.deepEqual(routeBlocks([{ destination: '0.0.0.0/0', device: 'eth0' }, { destination: '172.17.0.0/16', device: 'vpn0' }, { destination: '10.8.0.0/16' }, { destination: 'bad' }]),
      [{ cidr: '172.17.0.0/16', by: 'the host\'s route via vpn0' }, { cidr: '10.8.0.0/16', by: 'a route of the host' }]);
    const s = local(routeBlocks([{ destination: '172.17.0.0/16', device: 'vpn0' }]));
    assert.match(s.message, /after the host's route via vpn0 \(172\.17\.0\.0\/16\)/);
  });

  test('typedPrefix', () => {
    assert.deepEqual(['/24', '24', '10.1.0.0/20', '', 'x/24', '/33', '/0', '10.1.0.0'].map(typedPrefix), [24, 24, 20, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('suggestFormSubnet', () => {
  test('the row\'s typed prefix; the other rows are taken too', () => {
    const form = { ...emptyCreateNetworkForm(), ipv4: [row('172.17.0.0/24'), row('/24')] };
    const s = suggestFormSubnet(form, 1, []);
    assert.deepEqual(s, { subnet: '172.17.1.0/24', message: '172.17.1.0/24: the first free /24 in Docker\'s default pool 172.17.0.0/16, after row 1 of this form (172.17.0.0/24).' });
  });

  test('overlay or swarm scope: the global pool; a row that is not there: the pool\'s size', () => {
    assert.equal(suggestFormSubnet({ ...emptyCreateNetworkForm(), driver: 'overlay' }, 0, [{ cidr: '10.0.0.0/24', by: 'ingress' }]).subnet, '10.0.1.0/24');
    assert.equal(suggestFormSubnet({ ...emptyCreateNetworkForm(), scope: 'swarm' }, 0, []).subnet, '10.0.0.0/24');
    assert.equal(suggestFormSubnet(emptyCreateNetworkForm(), 0, networkBlocks([{ name: 'bridge', ipam: [{ subnet: '172.17.0.0/16', auxAddresses: {} }] }])).subnet, '172.18.0.0/16');
  });
});

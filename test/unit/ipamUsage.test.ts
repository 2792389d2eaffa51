// Addresses in use and free per subnet: the engine's Status (API 1.52) when given, else counted as moby's default
// IPAM counts them (daemon/libnetwork/ipams/defaultipam: newPoolData, allocationStatus).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUsage, formatAddressCount, subnetUsage } from '../../src/core/ipamUsage';
import type { Attachment, IpamConfig, NetworkView } from '../../src/core/model';

function att(name: string, ipv4?: string, ipv6?: string, more: Partial<Attachment> = {}): Attachment {
  return {
    containerId: name.padEnd(64, '0'), shortId: name, name, state: 'running', status: 'Up', image: 'busybox', networkMode: 'x',
    aliases: [], ports: [], ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}), ...more,
  };
}

function usage(ipam: IpamConfig[], attachments: Attachment[] = [], status?: NetworkView['status']) {
  return subnetUsage({ ipam, attachments, ...(status ? { status } : {}) }).map((u) => [u.subnet, u.inUse, u.dynamicAvailable, u.source]);
}

describe('subnetUsage: counted from the snapshot', () => {
  test('an empty IPv4 /24: network and broadcast address are reserved', () => {
    assert.deepEqual(usage([{ subnet: '10.1.0.0/24', auxAddresses: {} }]), [['10.1.0.0/24', 2n, 254n, 'computed']]);
  });

  test('gateway, auxiliary addresses and containers hold an address each; duplicates count once', () => {
    const ipam: IpamConfig[] = [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', auxAddresses: { router: '10.1.0.2', again: '10.1.0.1' } }];
    const attachments = [att('a', '10.1.0.10/24'), att('b', '10.1.0.11/24'), att('stopped')];
    assert.deepEqual(usage(ipam, attachments), [['10.1.0.0/24', 6n, 250n, 'computed']]);
  });

  test('the IP range limits what is free; addresses outside it are in use but do not reduce it', () => {
    const ipam: IpamConfig[] = [{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: { r: '172.28.1.5' } }];
    const attachments = [att('in', '172.28.5.1/16'), att('out', '172.28.200.1/16')];
    // In use: .0.0, .255.255, gateway, aux, two containers. Free: 256 − (gateway, "in").
    assert.deepEqual(usage(ipam, attachments), [['172.28.0.0/16', 6n, 254n, 'computed']]);
  });

  test('addresses outside the subnet, and a container: member, are not counted', () => {
    const ipam: IpamConfig[] = [{ subnet: '10.1.0.0/24', gateway: '10.2.0.1', auxAddresses: { far: '192.168.1.1' } }];
    const attachments = [att('owner', '10.1.0.5/24'), att('side', '10.1.0.5/24', undefined, { sharesNamespaceOf: 'owner' })];
    assert.deepEqual(usage(ipam, attachments), [['10.1.0.0/24', 3n, 253n, 'computed']]);
  });

  test('IPv4 /31 and /32 reserve nothing (RFC 3021); IPv6 reserves only the subnet-router anycast address', () => {
    assert.deepEqual(usage([{ subnet: '10.9.0.0/31', auxAddresses: {} }, { subnet: '10.9.1.1/32', auxAddresses: {} }]), [
      ['10.9.0.0/31', 0n, 2n, 'computed'], ['10.9.1.1/32', 0n, 1n, 'computed'],
    ]);
    assert.deepEqual(usage([{ subnet: 'fd00:1::/120', gateway: 'fd00:1::1', auxAddresses: {} }], [att('v6', undefined, 'fd00:1::10/120')]),
      [['fd00:1::/120', 3n, 253n, 'computed']]);
  });

  test('a /64 saturates at 2^64 − 1, as the engine\'s figures do; unparsable subnets are skipped', () => {
    const [u] = subnetUsage({ ipam: [{ subnet: 'not-a-cidr', auxAddresses: {} }, { subnet: 'fd00:2::/64', auxAddresses: {} }], attachments: [] });
    assert.deepEqual([u.index, u.inUse, u.dynamicAvailable], [1, 1n, (1n << 64n) - 1n]);
    assert.deepEqual(subnetUsage({ ipam: [{ subnet: 'fd00:2::/48', auxAddresses: {} }], attachments: [] })[0].dynamicAvailable, (1n << 64n) - 1n);
  });
});

describe('subnetUsage: the engine\'s Status', () => {
  test('used when present, matched by subnet whatever its spelling', () => {
    const status = { '2001:db8:abcd:0012::0/96': { IPsInUse: 5, DynamicIPsAvailable: 4294967291 } };
    assert.deepEqual(usage([{ subnet: '2001:db8:abcd:12::/96', auxAddresses: {} }], [], status), [['2001:db8:abcd:12::/96', 5n, 4294967291n, 'engine']]);
  });

  test('a subnet the Status does not list, or lists without both numbers, is counted instead', () => {
    const status = { '10.1.0.0/24': { IPsInUse: 9 } };
    assert.deepEqual(usage([{ subnet: '10.1.0.0/24', auxAddresses: {} }], [], status), [['10.1.0.0/24', 2n, 254n, 'computed']]);
  });
});

describe('formatAddressCount and describeUsage', () => {
  test('exact with digit groups, then about mantissa × 10^exponent', () => {
    assert.equal(formatAddressCount(0n), '0');
    assert.equal(formatAddressCount(65533n), '65,533');
    assert.equal(formatAddressCount(999_999_999_999n), '999,999,999,999');
    assert.equal(formatAddressCount((1n << 64n) - 1n), 'about 1.8 × 10^19');
  });
  test('one line per subnet', () => {
    assert.equal(describeUsage({ index: 0, subnet: '10.1.0.0/24', family: 'IPv4', inUse: 3n, dynamicAvailable: 251n, source: 'computed' }), '3 in use · 251 free');
  });
});

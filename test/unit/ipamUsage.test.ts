// Addresses in use and free per subnet: the engine's Status (API 1.52) when given, else counted as moby's default
// IPAM counts them (daemon/libnetwork/ipams/defaultipam: newPoolData, allocationStatus).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addrToBig, bigToAddrText, describeHolder, describeUsage, formatAddressCount, holderOf, nextFreeAddress, subnetUsage,
} from '../../src/core/ipamUsage';
import { parseIp } from '../../src/core/validate/common';
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
    assert.equal(describeUsage({ index: 0, subnet: '10.1.0.0/24', family: 'IPv4', inUse: 3n, dynamicAvailable: 251n, source: 'computed', holders: [] }), '3 in use · 251 free');
  });
});

describe('holders: who holds each address', () => {
  const ipam: IpamConfig[] = [{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', auxAddresses: { router: '10.1.0.2' } }];
  const attachments = [
    att('web', '10.1.0.10/24'), att('db', '10.1.0.3/24'), att('side', '10.1.0.10/24', undefined, { sharesNamespaceOf: 'web' }),
    att('parked', undefined, undefined, { state: 'exited', fixedIpv4: '10.1.0.4' }), att('dyn-stopped', undefined, undefined, { state: 'exited' }),
  ];

  test('in address order, with kinds and names; the engine\'s Status changes the counts, not the holders', () => {
    const expected = [
      { address: '10.1.0.0', kind: 'network' }, { address: '10.1.0.1', kind: 'gateway' }, { address: '10.1.0.2', kind: 'aux', name: 'router' },
      { address: '10.1.0.3', kind: 'container', name: 'db', containerId: 'db'.padEnd(64, '0') },
      { address: '10.1.0.4', kind: 'container', name: 'parked', containerId: 'parked'.padEnd(64, '0'), stopped: true },
      { address: '10.1.0.10', kind: 'container', name: 'web', containerId: 'web'.padEnd(64, '0') },
      { address: '10.1.0.255', kind: 'broadcast' },
    ];
    assert.deepEqual(subnetUsage({ ipam, attachments })[0].holders, expected);
    const engine = subnetUsage({ ipam, attachments, status: { '10.1.0.0/24': { IPsInUse: 99, DynamicIPsAvailable: 1 } } })[0];
    assert.deepEqual([engine.source, engine.inUse, engine.holders], ['engine', 99n, expected]);
  });

  test('holderOf: the holder of one address, the connecting container excepted; free, foreign and bad addresses have none', () => {
    assert.equal(holderOf({ ipam, attachments }, '10.1.0.10')?.name, 'web');
    assert.equal(holderOf({ ipam, attachments }, '10.1.0.4')?.stopped, true);
    assert.equal(holderOf({ ipam, attachments }, '10.1.0.10', 'web'.padEnd(64, '0')), undefined);
    assert.equal(holderOf({ ipam, attachments }, '10.1.0.2')?.kind, 'aux');
    assert.equal(holderOf({ ipam, attachments }, '10.1.0.5'), undefined);
    assert.equal(holderOf({ ipam, attachments }, '10.9.0.1'), undefined);
    assert.equal(holderOf({ ipam, attachments }, 'nope'), undefined);
  });

  test('describeHolder names each kind', () => {
    const [network, gateway, aux, db, parked, , broadcast] = subnetUsage({ ipam, attachments })[0].holders;
    assert.deepEqual([network, gateway, aux, db, parked, broadcast].map(describeHolder),
      ['network address', 'gateway', 'auxiliary address "router"', 'db', 'parked (stopped, fixed address)', 'broadcast address']);
  });
});

describe('nextFreeAddress', () => {
  const net = (ipam: IpamConfig[], attachments: Attachment[] = []) => ({ name: 'appnet', ipam, attachments });

  test('the first address nothing holds, past the reserved ones, the gateway, aux addresses and containers (stopped with a fixed address too)', () => {
    const r = nextFreeAddress(net([{ subnet: '10.1.0.0/24', gateway: '10.1.0.1', auxAddresses: { r: '10.1.0.2' } }],
      [att('a', '10.1.0.3/24'), att('p', undefined, undefined, { fixedIpv4: '10.1.0.4' }), att('s', '10.1.0.5/24', undefined, { sharesNamespaceOf: 'a' })]), 'ipv4');
    assert.deepEqual(r, { address: '10.1.0.5', message: '10.1.0.5: the first free address of 10.1.0.0/24 (6 in use).' });
  });

  test('with an IP range, an address outside it first; then inside it; then the next subnet', () => {
    const ranged: IpamConfig = { subnet: '172.28.0.0/30', ipRange: '172.28.0.2/31', auxAddresses: {} };
    assert.equal(nextFreeAddress(net([ranged]), 'ipv4').address, '172.28.0.1');
    assert.match(nextFreeAddress(net([ranged]), 'ipv4').message, /outside its IP range 172\.28\.0\.2\/31/);
    // the range at the start of the subnet: outside it comes after it
    assert.equal(nextFreeAddress(net([{ subnet: '10.0.0.0/29', ipRange: '10.0.0.0/30', auxAddresses: {} }]), 'ipv4').address, '10.0.0.4');
    const full = nextFreeAddress(net([{ ...ranged, gateway: '172.28.0.1' }]), 'ipv4');
    assert.deepEqual(full, { address: '172.28.0.2', message: '172.28.0.2: the first free address of the IP range 172.28.0.2/31 (every address of 172.28.0.0/30 outside it is taken).' });
    const second = nextFreeAddress(net([{ ...ranged, gateway: '172.28.0.1', auxAddresses: { x: '172.28.0.2' } }, { subnet: '10.2.0.0/24', auxAddresses: {} }],
      [att('b', '172.28.0.3/30')]), 'ipv4');
    assert.equal(second.address, '10.2.0.1');
  });

  test('an IP range equal to its subnet, or outside it, is the subnet', () => {
    assert.equal(nextFreeAddress(net([{ subnet: '10.3.0.0/24', ipRange: '10.3.0.0/24', gateway: '10.3.0.1', auxAddresses: {} }]), 'ipv4').address, '10.3.0.2');
    assert.equal(nextFreeAddress(net([{ subnet: '10.3.0.0/24', ipRange: '10.9.0.0/25', auxAddresses: {} }]), 'ipv4').address, '10.3.0.1');
  });

  test('IPv6: past the subnet-router anycast address, in canonical text', () => {
    const r = nextFreeAddress(net([{ subnet: '10.1.0.0/24', auxAddresses: {} }, { subnet: 'fd00:28::/64', gateway: 'fd00:28::1', auxAddresses: {} }],
      [att('a', undefined, 'fd00:28::2/64')]), 'ipv6');
    assert.equal(r.address, 'fd00:28::3');
  });

  test('no subnet of the family, or every address taken: no address, and why', () => {
    assert.deepEqual(nextFreeAddress(net([{ subnet: '10.1.0.0/24', auxAddresses: {} }]), 'ipv6'),
      { message: '"appnet" has no IPv6 subnet, so it has no fixed IPv6 address to offer.' });
    assert.deepEqual(nextFreeAddress(net([{ subnet: '10.1.0.0/30', gateway: '10.1.0.1', auxAddresses: {} }], [att('a', '10.1.0.2/30')]), 'ipv4'),
      { message: 'Every IPv4 address of "appnet" is taken (10.1.0.0/30).' });
    assert.equal(nextFreeAddress(net([{ subnet: '10.1.0.0/30', ipRange: '10.1.0.2/31', gateway: '10.1.0.1', auxAddresses: {} }], [att('a', '10.1.0.2/30')]), 'ipv4').address, undefined);
  });

  test('addresses and numbers both ways', () => {
    assert.equal(addrToBig(parseIp('10.0.1.2')!.addr), 0x0a000102n);
    assert.equal(bigToAddrText(0x0a000102n, 'ipv4'), '10.0.1.2');
    assert.equal(bigToAddrText(addrToBig(parseIp('fd00:28::a:1')!.addr), 'ipv6'), 'fd00:28::a:1');
  });
});

// The /proc/net parsers on text captured from a real machine (test/fixtures/proc: x86_64, Linux, a private engine's
// docker0 and one network's bridge, eth0 on 192.0.2.2/24 and fd00::2/64) and on hand-made IPv6 and big-endian lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addressBlock, parseIpAddrJson, parseProcNetIfInet6, parseProcNetIpv6Route, parseProcNetRoute, parseProcNetTcp, wordAddress,
} from '../../src/core/procNet';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'proc', name), 'utf8');
const TCP_HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const TCP6_HEADER = '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';

describe('/proc/net/tcp and tcp6: listening sockets', () => {
  test('the captured table: only the LISTEN row (0A) counts, established connections do not', () => {
    const all = fixture('tcp.txt');
    assert.ok(all.split('\n').length > 10, 'the capture has established rows too');
    assert.deepEqual(parseProcNetTcp(all), [{ family: 'ipv4', address: '0.0.0.0', port: 2024 }]);
  });

  test('the captured tcp6 (header only) has none', () => {
    assert.deepEqual(parseProcNetTcp(fixture('tcp6.txt')), []);
  });

  test('IPv4 loopback: the word is printed little-endian (0100007F is 127.0.0.1)', () => {
    const text = `${TCP_HEADER}   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0\n`;
    assert.deepEqual(parseProcNetTcp(text), [{ family: 'ipv4', address: '127.0.0.1', port: 8080 }]);
    // A big-endian machine prints the same address in network order.
    const be = text.replace('0100007F', '7F000001');
    assert.deepEqual(parseProcNetTcp(be, false), [{ family: 'ipv4', address: '127.0.0.1', port: 8080 }]);
  });

  test('IPv6: each 32-bit word is reversed on little-endian (::1, ::, fd00::2, a mapped IPv4)', () => {
    const rows = [
      ['00000000000000000000000001000000', '1F90'], // ::1
      ['00000000000000000000000000000000', '0050'], // ::
      ['000000FD000000000000000002000000', '01BB'], // fd00::2
      ['0000000000000000FFFF00000100007F', '2382'], // ::ffff:127.0.0.1
    ];
    const text = TCP6_HEADER + rows.map(([a, p], i) =>
      `   ${i}: ${a}:${p} 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 ${100 + i} 1 0 100 0 0 10 0`).join('\n');
    assert.deepEqual(parseProcNetTcp(text), [
      { family: 'ipv6', address: '::1', port: 8080 },
      { family: 'ipv6', address: '::', port: 80 },
      { family: 'ipv6', address: 'fd00::2', port: 443 },
      { family: 'ipv4', address: '127.0.0.1', port: 9090 },
    ]);
  });

  test('malformed rows are skipped, not thrown', () => {
    const text = `${TCP_HEADER}   0: ZZZZ:1F90 00000000:0000 0A\n   1: 0100007F:XYZ 00000000:0000 0A\n   2: short\n`;
    assert.deepEqual(parseProcNetTcp(text), []);
    assert.equal(wordAddress('0100007', true), undefined);
  });
});

describe('/proc/net/route: IPv4 routes', () => {
  test('the captured table: default route via the gateway, docker0, a network\'s br-<id> and eth0 connected routes', () => {
    assert.deepEqual(parseProcNetRoute(fixture('route.txt')), [
      { iface: 'eth0', family: 'ipv4', cidr: '0.0.0.0/0', prefix: 0, gateway: '192.0.2.1', flags: 3 },
      { iface: 'docker0', family: 'ipv4', cidr: '172.17.0.0/16', prefix: 16, flags: 1 },
      { iface: 'br-1a35e1d760c2', family: 'ipv4', cidr: '172.28.0.0/16', prefix: 16, flags: 1 },
      { iface: 'eth0', family: 'ipv4', cidr: '192.0.2.0/24', prefix: 24, flags: 1 },
    ]);
  });

  test('a route that is not up, and a non-contiguous mask, are left out', () => {
    const header = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n';
    const down = 'tun0\t0000080A\t00000000\t0000\t0\t0\t0\t0000FFFF\t0\t0\t0\n';
    const odd = 'tun1\t0000080A\t00000000\t0001\t0\t0\t0\t00FF00FF\t0\t0\t0\n';
    const up = 'tun0\t0000080A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n';
    assert.deepEqual(parseProcNetRoute(header + down + odd + up), [{ iface: 'tun0', family: 'ipv4', cidr: '10.8.0.0/16', prefix: 16, flags: 1 }]);
  });
});

describe('/proc/net/ipv6_route and if_inet6', () => {
  test('the captured table: prefixes in network order, the gateway of the default route, the interface last', () => {
    const routes = parseProcNetIpv6Route(fixture('ipv6_route.txt'));
    assert.deepEqual(routes.slice(0, 4).map((r) => [r.iface, r.cidr, r.gateway]), [
      ['eth0', 'fd00::/64', undefined],
      ['eth0', 'fe80::/64', undefined],
      ['docker0', 'fe80::/64', undefined],
      ['eth0', '::/0', 'fd00::1'],
    ]);
    assert.ok(routes.some((r) => r.iface === 'lo' && r.cidr === '::1/128'));
    // The unreachable default of lo (flags 00200200: reject, not up) is not a route.
    assert.ok(!routes.some((r) => r.iface === 'lo' && r.cidr === '::/0'));
  });

  test('a hand-made VPN route: fd42:8::/48 through tun0 via fd42:8::1', () => {
    const line = 'fd420008000000000000000000000000 30 00000000000000000000000000000000 00 fd420008000000000000000000000001 00000400 00000001 00000000 00000003     tun0\n';
    assert.deepEqual(parseProcNetIpv6Route(line), [{ iface: 'tun0', family: 'ipv6', cidr: 'fd42:8::/48', prefix: 48, gateway: 'fd42:8::1', flags: 3 }]);
    assert.deepEqual(parseProcNetIpv6Route('fd42 zz\n'), []);
  });

  test('if_inet6: the captured addresses', () => {
    assert.deepEqual(parseProcNetIfInet6(fixture('if_inet6.txt')), [
      { iface: 'docker0', family: 'ipv6', address: 'fe80::42:25ff:fe53:d2d2', prefix: 64 },
      { iface: 'lo', family: 'ipv6', address: '::1', prefix: 128 },
      { iface: 'eth0', family: 'ipv6', address: 'fd00::2', prefix: 64 },
      { iface: 'eth0', family: 'ipv6', address: 'fe80::fc:ff:fe00:1', prefix: 64 },
    ]);
  });
});

describe('ip -j addr', () => {
  test('the captured output: both families of every interface', () => {
    const got = parseIpAddrJson(fixture('ip-addr.json'));
    assert.deepEqual(got.filter((a) => a.iface === 'eth0'), [
      { iface: 'eth0', family: 'ipv4', address: '192.0.2.2', prefix: 24 },
      { iface: 'eth0', family: 'ipv6', address: 'fd00::2', prefix: 64 },
      { iface: 'eth0', family: 'ipv6', address: 'fe80::fc:ff:fe00:1', prefix: 64 },
    ]);
    assert.ok(got.some((a) => a.iface === 'docker0' && a.address === '172.17.0.1' && a.prefix === 16));
    assert.deepEqual(addressBlock(got.find((a) => a.iface === 'docker0' && a.family === 'ipv4')!), { iface: 'docker0', family: 'ipv4', cidr: '172.17.0.0/16', prefix: 16, flags: 0 });
  });

  test('not JSON, not a list, odd entries: nothing, never a throw', () => {
    assert.deepEqual(parseIpAddrJson('not json'), []);
    assert.deepEqual(parseIpAddrJson('{}'), []);
    assert.deepEqual(parseIpAddrJson(JSON.stringify([
      { ifname: 'x', addr_info: [{ family: 'inet', local: 'nope', prefixlen: 8 }, { family: 'inet', local: '::1', prefixlen: 8 }, { family: 'packet' }] },
      { addr_info: [] },
      null,
    ])), []);
  });
});

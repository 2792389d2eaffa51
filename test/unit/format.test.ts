import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attachmentDescription, attachmentTooltip, bridgeInterface, driverIcon, formatPort, networkDescription, networkTooltip,
  stateIcon,
} from '../../src/core/format';
import { escapeMarkdown, inlineCode } from '../../src/core/markdown';
import { formatDateTime } from '../../src/core/localeFormat';
import type { Attachment, NetworkView } from '../../src/core/model';

const webId = '4d2a6a1c8e3f5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d';

function network(more: Partial<NetworkView> = {}): NetworkView {
  return {
    id: 'c0ffee5e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5', name: 'appnet', driver: 'bridge',
    scope: 'local', created: '2024-03-12T10:00:00.1Z', builtin: false, internal: false, attachable: true,
    ingress: false, enableIPv4: true, enableIPv6: true, configOnly: false, ipamDriver: 'default', ipamOptions: {},
    ipam: [
      { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.0.1', auxAddresses: { router: '172.28.1.5' } },
      { subnet: 'fd00:dead:beef::/64', gateway: 'fd00:dead:beef::1', auxAddresses: {} },
    ],
    options: {}, labels: { 'com.example.team': 'payments' }, attachments: [],
    ...more,
  };
}

function attachment(more: Partial<Attachment> = {}): Attachment {
  return {
    containerId: webId, shortId: webId.slice(0, 12), name: 'web', state: 'running', status: 'Up 3 minutes',
    image: 'busybox-local', networkMode: 'appnet', ipv4: '172.28.5.10/16', ipv6: 'fd00:dead:beef::10/64',
    mac: '02:42:ac:1c:05:0a', gateway: '172.28.0.1', ipv6Gateway: 'fd00:dead:beef::1', aliases: ['web', 'frontend'],
    ports: [
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { containerPort: 443, protocol: 'tcp' },
    ],
    ...more,
  };
}

/** The tooltip's lines, without the Markdown hard-break spaces. */
function lines(markdown: string): string[] {
  return markdown.split('\n').map((l) => l.trimEnd());
}

describe('formatPort', () => {
  test('puts the host side first', () => {
    assert.equal(formatPort({ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }), '0.0.0.0:8080 → 80/tcp');
    assert.equal(formatPort({ hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' }), '127.0.0.1:5353 → 53/udp');
  });
  test('brackets an IPv6 host address', () => {
    assert.equal(formatPort({ hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' }), '[::]:8080 → 80/tcp');
  });
  test('an unpublished port is just port/protocol; a host port without an address has no colon', () => {
    assert.equal(formatPort({ containerPort: 443, protocol: 'tcp' }), '443/tcp');
    assert.equal(formatPort({ hostPort: 9000, containerPort: 9000, protocol: 'sctp' }), '9000 → 9000/sctp');
  });
});

describe('bridgeInterface', () => {
  test('uses the bridge.name option when the engine reports one', () => {
    assert.equal(bridgeInterface(network({ options: { 'com.docker.network.bridge.name': 'br-payments' } })), 'br-payments');
  });
  test('docker0 for the default bridge, br-<12 of id> for user bridges, nothing for other drivers', () => {
    assert.equal(bridgeInterface(network({ name: 'bridge' })), 'docker0');
    assert.equal(bridgeInterface(network()), 'br-c0ffee5e1a2b');
    assert.equal(bridgeInterface(network({ driver: 'overlay' })), undefined);
    assert.equal(bridgeInterface(network({ name: 'bridge', driver: 'macvlan' })), undefined);
  });
});

describe('networkDescription', () => {
  test('driver and every subnet', () => {
    assert.equal(networkDescription(network()), 'bridge · 172.28.0.0/16, fd00:dead:beef::/64');
    assert.equal(networkDescription(network({ ipam: [{ subnet: '172.28.0.0/16', auxAddresses: {} }] })), 'bridge · 172.28.0.0/16');
  });
  test('just the driver without a subnet', () => {
    assert.equal(networkDescription(network({ driver: 'host', ipam: [] })), 'host');
    assert.equal(networkDescription(network({ driver: 'null', ipam: [{ auxAddresses: {} }] })), 'null');
  });
});

describe('networkTooltip', () => {
  test('shows what inspect shows', () => {
    const n = network({ attachments: [attachment(), attachment({ name: 'db' })] });
    const l = lines(networkTooltip(n));
    assert.equal(l[0], '### appnet');
    for (const expected of [
      `**ID:** \`${n.id}\``, '**Driver:** `bridge`', '**Scope:** `local`', '**Bridge interface:** `br-c0ffee5e1a2b`',
      `**Created:** ${escapeMarkdown(formatDateTime('2024-03-12T10:00:00.1Z'))}`, '**Subnet:** `172.28.0.0/16`', '**IP range:** `172.28.5.0/24`',
      '**Gateway:** `172.28.0.1`', '**Auxiliary addresses:** `router=172.28.1.5`', '**Subnet:** `fd00:dead:beef::/64`',
      '**Gateway:** `fd00:dead:beef::1`', '**Internal:** no', '**Attachable:** yes', '**Ingress:** no', '**IPv6:** yes',
      '**Labels:** `com.example.team=payments`', '2 containers',
    ]) assert.ok(l.includes(expected), `missing line ${expected}\n${l.join('\n')}`);
    assert.ok(!l.some((x) => /IPAM driver|Config only|Config from/.test(x)), 'defaults and unset fields stay out');
  });

  test('the IPv4 and IPv6 configs are separate paragraphs', () => {
    const text = networkTooltip(network());
    assert.match(text, /`router=172\.28\.1\.5`  \n.*  \n.*\n\n\*\*Subnet:\*\* `fd00:dead:beef::\/64`/);
  });

  test('each subnet says how many addresses are in use and free, and who holds them (eight, then how many more)', () => {
    const many = Array.from({ length: 9 }, (_, i) => attachment({ name: `c${i}`, containerId: `${i}`.repeat(64), ipv4: `172.28.5.${10 + i}/16`, ipv6: undefined }));
    const l = lines(networkTooltip(network({ attachments: [attachment({ ipv6: undefined }), attachment({ name: 'db', containerId: 'd'.repeat(64), ipv4: '172.28.5.11/16', ipv6: undefined })] })));
    assert.ok(l.includes('**Addresses:** 6 in use · 254 free'), l.join('\n'));
    assert.ok(l.includes('**In use:** `172.28.0.1` gateway, `172.28.1.5` auxiliary address \\"router\\", `172.28.5.10` web, `172.28.5.11` db'), l.join('\n'));
    const crowded = lines(networkTooltip(network({ attachments: many })));
    const inUse = crowded.find((x) => x.startsWith('**In use:**')) ?? '';
    assert.match(inUse, /`172\.28\.5\.15` c5, and 3 more$/);
    assert.ok(crowded.includes('**Addresses:** 2 in use · about 1\\.8 × 10\\^19 free'), crowded.join('\n'));
  });

  test('shows a non-default IPAM driver, config-only, config-from and the singular count', () => {
    const l = lines(networkTooltip(network({
      ipamDriver: 'dhcp', ipamOptions: { 'dhcp_interface': 'eth1' }, configOnly: true, configFrom: 'base-config',
      options: { 'com.docker.network.driver.mtu': '1450' }, attachments: [attachment()],
    })));
    for (const expected of [
      '**IPAM driver:** `dhcp`', '**IPAM options:** `dhcp_interface=eth1`', '**Config only:** yes',
      '**Config from:** `base-config`', '**Options:** `com.docker.network.driver.mtu=1450`', '1 container',
    ]) assert.ok(l.includes(expected), `missing line ${expected}\n${l.join('\n')}`);
  });

  test('escapes user-provided values so they cannot inject links, headings or code', () => {
    const text = networkTooltip(network({
      name: 'evil*[click](https://x.example)',
      labels: { note: 'a `tick` here', multi: 'line1\n# not a heading' },
    }));
    const l = lines(text);
    assert.equal(l[0], '### evil\\*\\[click\\]\\(https\\:\\/\\/x\\.example\\)');
    assert.ok(l.includes('**Labels:** `multi=line1 # not a heading`, ``note=a `tick` here``'), text);
    assert.ok(!l.some((x) => x.startsWith('# ')), 'a label value started a heading');
  });
});

describe('attachmentDescription', () => {
  test('the addresses on that network', () => {
    assert.equal(attachmentDescription(attachment()), '172.28.5.10/16 · fd00:dead:beef::10/64');
    assert.equal(attachmentDescription(attachment({ ipv6: undefined })), '172.28.5.10/16');
  });
  test('a shared namespace names its owner, with the address when there is one', () => {
    assert.equal(attachmentDescription(attachment({ sharesNamespaceOf: 'web', ipv6: undefined })),
      'shares network namespace of web · 172.28.5.10/16');
    assert.equal(attachmentDescription(attachment({ sharesNamespaceOf: 'web', ipv4: undefined, ipv6: undefined })),
      'shares network namespace of web');
  });
  test('without an address: the state, or the mode for host and none', () => {
    assert.equal(attachmentDescription(attachment({ ipv4: undefined, ipv6: undefined, state: 'exited' })), 'exited');
    assert.equal(attachmentDescription(attachment({ ipv4: undefined, ipv6: undefined, networkMode: 'host' })), 'host');
    assert.equal(attachmentDescription(attachment({ ipv4: undefined, ipv6: undefined, networkMode: 'none', state: 'exited' })),
      'none · exited');
  });
});

describe('attachmentTooltip', () => {
  test('shows identity, addresses and ports host side first', () => {
    const text = attachmentTooltip(attachment(), network());
    const l = lines(text);
    assert.equal(l[0], '### web');
    for (const expected of [
      '**Network:** `appnet`', `**ID:** \`4d2a6a1c8e3f\` (\`${webId}\`)`, '**Image:** `busybox-local`',
      '**State:** running (Up 3 minutes)', '**Network mode:** `appnet`', '**IPv4:** `172.28.5.10/16`',
      '**IPv6:** `fd00:dead:beef::10/64`', '**MAC:** `02:42:ac:1c:05:0a`', '**Gateway:** `172.28.0.1`',
      '**IPv6 gateway:** `fd00:dead:beef::1`', '**Aliases:** `web`, `frontend`', '**Ports**',
      '- `0.0.0.0:8080 → 80/tcp`', '- `[::]:8080 → 80/tcp`', '- `443/tcp`',
    ]) assert.ok(l.includes(expected), `missing line ${expected}\n${text}`);
    assert.ok(!text.includes('namespace'));
  });

  test('names the namespace owner, and explains host mode', () => {
    const shared = attachmentTooltip(attachment({ sharesNamespaceOf: 'web', networkMode: `container:${webId}` }), network());
    assert.ok(lines(shared).includes('Shares network namespace of `web`'), shared);
    const host = attachmentTooltip(attachment({ networkMode: 'host', ipv4: undefined, ipv6: undefined, ports: [] }),
      network({ name: 'host', driver: 'host' }));
    assert.ok(host.includes('network stack'), host);
    assert.ok(!host.includes('IPv4') && !host.includes('Ports'), host);
  });

  test('escapes the container name and status', () => {
    const text = attachmentTooltip(attachment({ name: '_x_ <img src=y>', status: 'Up [1](javascript:alert)' }), network());
    assert.equal(lines(text)[0], '### \\_x\\_ \\<img src\\=y\\>');
    assert.ok(text.includes('running (Up \\[1\\]\\(javascript\\:alert\\))'), text);
  });
});

describe('markdown helpers', () => {
  test('escapeMarkdown backslash-escapes every ASCII punctuation mark and flattens newlines', () => {
    assert.equal(escapeMarkdown('a*b_c [d](e) #f `g` <h> $(i) 1.'), 'a\\*b\\_c \\[d\\]\\(e\\) \\#f \\`g\\` \\<h\\> \\$\\(i\\) 1\\.');
    assert.equal(escapeMarkdown('one\r\ntwo\nthree'), 'one two three');
    assert.equal(escapeMarkdown('plain words 42'), 'plain words 42');
  });
  test('inlineCode picks a fence longer than any backtick run inside', () => {
    assert.equal(inlineCode('abc'), '`abc`');
    assert.equal(inlineCode('a`b'), '``a`b``');
    assert.equal(inlineCode('a``b`'), '``` a``b` ```');
    assert.equal(inlineCode('x\ny'), '`x y`');
    assert.equal(inlineCode(''), '');
  });
});

describe('icons', () => {
  test('stateIcon', () => {
    const expected: Record<string, string> = {
      running: 'vm-running', exited: 'vm-outline', dead: 'vm-outline', paused: 'debug-pause', restarting: 'sync',
      created: 'vm', removing: 'question', '': 'question',
    };
    for (const [state, icon] of Object.entries(expected)) assert.equal(stateIcon(state), icon, state);
  });
  test('driverIcon', () => {
    const expected: Record<string, string> = {
      bridge: 'type-hierarchy-sub', host: 'server', null: 'circle-slash', none: 'circle-slash', overlay: 'globe',
      macvlan: 'plug', ipvlan: 'plug', 'weaveworks/net-plugin:latest': 'symbol-interface',
    };
    for (const [driver, icon] of Object.entries(expected)) assert.equal(driverIcon(driver), icon, driver);
  });
});

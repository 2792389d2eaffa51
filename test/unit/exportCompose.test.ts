// "Copy as Compose": the text as expected, and parsed back (js-yaml, already in node_modules) into the same shape.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { exportCompose } from '../../src/core/exportCompose';
import { commentedOut, toYaml, yamlString, YamlMap } from '../../src/core/yaml';
import { exportSnapshot, NET_ID } from './exportFixture';
import type { RawContainer } from '../../src/core/model';

const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

const WEB_SERVICE = [
  '  web:', '    image: busybox:latest', '    container_name: web', '    command:', '      - sleep', '      - "3600"',
  '    ports:', '      - "127.0.0.1:5353:53/udp"', '      - "8080:80"',
  '    networks:', '      my-net:', '        ipv4_address: "172.28.0.10"', '        aliases:', '          - www', '        gw_priority: 10',
];
const DEFINITION = [
  'name: my-net', 'driver: bridge', 'driver_opts:', '  com.docker.network.bridge.name: br-my', '  com.docker.network.driver.mtu: "1400"',
  'attachable: true', 'enable_ipv6: true', 'ipam:', '  config:', '    - subnet: "172.28.0.0/16"', '      ip_range: "172.28.5.0/24"',
  '      gateway: "172.28.5.254"', '      aux_addresses:', '        router: "172.28.1.5"', '    - subnet: fd00:28::/64',
  'labels:', '  "on": "yes"', '  team: "net ops"',
];

describe('exportCompose', () => {
  const s = exportSnapshot();
  const n = s.networks[0];

  test('a hand-made network: services, then the network as external with its definition in comments', () => {
    assert.equal(exportCompose(s, n), [
      '# my-net: the network and a service per container on it (image, command, fixed addresses, aliases, published ports). Environment, volumes and other settings are not part of it.',
      'services:',
      '  db:', '    image: busybox:latest', '    container_name: db', '    command:', '      - sh', '      - "-c"', '      - "sleep 1"',
      '    # db was started on bridge, which this snippet leaves out.',
      '    networks:', '      my-net:', '        ipv6_address: fd00:28::5', '        aliases:', '          - database',
      '  # Left out: side shares the network namespace of web (network mode container:web): it has no endpoint of its own on my-net.',
      '  # Left out: svc.1.x is a task of a Swarm service, which makes and replaces it.',
      ...WEB_SERVICE,
      'networks:', '  my-net:',
      '    # Made outside Compose: Compose uses it as it is, and refuses driver or IPAM settings beside "external: true".',
      '    # For Compose to create it instead, replace the two lines below with these:',
      ...DEFINITION.map((l) => `    #   ${l}`),
      '    name: my-net', '    external: true', '',
    ].join('\n'));
  });

  test('define: the network in full; the text parses back into the same wiring', () => {
    const text = exportCompose(s, n, { define: true });
    assert.ok(text.endsWith(['networks:', '  my-net:', ...DEFINITION.map((l) => `    ${l}`), ''].join('\n')));
    assert.deepEqual(yaml.load(text), {
      services: {
        db: { image: 'busybox:latest', container_name: 'db', command: ['sh', '-c', 'sleep 1'], networks: { 'my-net': { ipv6_address: 'fd00:28::5', aliases: ['database'] } } },
        web: {
          image: 'busybox:latest', container_name: 'web', command: ['sleep', '3600'], ports: ['127.0.0.1:5353:53/udp', '8080:80'],
          networks: { 'my-net': { ipv4_address: '172.28.0.10', aliases: ['www'], gw_priority: 10 } },
        },
      },
      networks: {
        'my-net': {
          name: 'my-net', driver: 'bridge', driver_opts: { 'com.docker.network.bridge.name': 'br-my', 'com.docker.network.driver.mtu': '1400' },
          attachable: true, enable_ipv6: true,
          ipam: { config: [{ subnet: '172.28.0.0/16', ip_range: '172.28.5.0/24', gateway: '172.28.5.254', aux_addresses: { router: '172.28.1.5' } }, { subnet: 'fd00:28::/64' }] },
          labels: { on: 'yes', team: 'net ops' },
        },
      },
    });
  });

  test('a compose project\'s network: its project name and keys, no compose labels, one service per replica set', () => {
    const labels = (service: string, n: string) => ({ 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, 'com.docker.compose.container-number': n });
    const c = (id: string, name: string, service: string, num: string): RawContainer => ({
      Id: id.repeat(64), Names: [`/${name}`], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], Labels: labels(service, num),
      HostConfig: { NetworkMode: 'shop_back' }, NetworkSettings: { Networks: { shop_back: { NetworkID: NET_ID, IPAddress: '172.28.5.9', IPPrefixLen: 16, Aliases: [name, service] } } },
    });
    const p = exportSnapshot({
      network: {
        Name: 'shop_back', EnableIPv6: false, EnableIPv4: false, Attachable: false, Internal: true, Options: {},
        IPAM: { Driver: 'custom', Options: { 'opt.x': '1' }, Config: [{ Subnet: 'fd00:1::/64' }] },
        Labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'back', 'com.docker.compose.version': '2.40.3', tier: 'db' },
      },
      containers: [c('1', 'shop-api-1', 'api', '1'), c('2', 'shop-api-2', 'api', '2')],
    });
    const text = exportCompose(p, p.networks[0]);
    assert.equal(text.split('\n').slice(1).join('\n'), [
      'name: shop', 'services:',
      '  api:', '    image: busybox', '    networks:', '      back:', '        aliases:', '          - api',
      '  # Left out: shop-api-2, another replica of service api (one service stands for its replicas).',
      'networks:', '  back:', '    name: shop_back', '    driver: bridge', '    internal: true', '    enable_ipv4: false',
      '    ipam:', '      driver: custom', '      config:', '        - subnet: fd00:1::/64', '      options:', '        opt.x: "1"',
      '    labels:', '      tier: db', '',
    ].join('\n'));
  });

  test('the engine\'s own networks: network_mode, no definition; Swarm\'s: not defined; macvlan parent and config-from: comments', () => {
    const solo: RawContainer = { Id: 'f'.repeat(64), Names: ['/solo'], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'host' }, NetworkSettings: { Networks: { host: { NetworkID: NET_ID } } } };
    const host = exportSnapshot({ network: { Name: 'host', Driver: 'host', IPAM: { Config: [] }, Options: {}, Labels: {} }, containers: [solo] });
    assert.equal(exportCompose(host, host.networks[0]).split('\n').slice(1).join('\n'), [
      'services:', '  solo:', '    image: busybox', '    container_name: solo', '    network_mode: host',
      '# host is the engine\'s own network: services join it with network_mode, it is not defined here.', '',
    ].join('\n'));
    const gw = exportSnapshot({ network: { Name: 'docker_gwbridge', Options: {}, Labels: {} }, containers: [] });
    assert.match(exportCompose(gw, gw.networks[0]), /services: \{\}\n# docker_gwbridge is made by Swarm, not by Compose: it is not defined here\.\n$/);
    const mac = exportSnapshot({ network: { Name: 'lan', Driver: 'macvlan', Options: { parent: 'eth1' }, Labels: {}, IPAM: { Config: [] }, EnableIPv6: false, Attachable: false }, containers: [] });
    assert.match(exportCompose(mac, mac.networks[0], { define: true }), /driver_opts:\n {6}parent: eth1\n {4}# parent eth1 is an interface of this engine's host: on another host, name one of its own\.\n/);
    const cfg = exportSnapshot({ network: { Name: 'fromcfg', Driver: 'macvlan', ConfigFrom: { Network: 'cfg' }, Options: { parent: 'eth1' }, Labels: {} }, containers: [] });
    assert.match(exportCompose(cfg, cfg.networks[0], { define: true }), /# Made from the config-only network cfg, which Compose cannot say: its IPAM and driver options are cfg's\./);
  });
});

describe('exportCompose: what Compose cannot say is a comment saying why', () => {
  test('a config-only network, and swarm scope on a local driver', () => {
    const cfg = exportSnapshot({ network: { Name: 'cfg', Driver: 'macvlan', ConfigOnly: true, Scope: 'swarm', Options: { parent: 'eth1' }, Labels: {}, IPAM: { Config: [{ Subnet: '192.168.50.0/24' }] } }, containers: [] });
    const text = exportCompose(cfg, cfg.networks[0], { define: true });
    assert.match(text, /\n {4}# cfg is config-only \(--config-only\): Compose cannot make such a network, so this defines an ordinary one with its settings\. Networks made with --config-from cfg are left out\.\n/);
    assert.match(text, /\n {4}# Left out: scope swarm \(--scope swarm\), which Compose cannot say: Compose makes it local to this engine\.\n/);
    assert.doesNotMatch(text, /config_only|scope:/);
    // an ordinary local network says neither
    assert.doesNotMatch(exportCompose(exportSnapshot(), exportSnapshot().networks[0], { define: true }), /config-only|scope swarm/);
  });

  test('the legacy links of a container connected to the network', () => {
    const s = exportSnapshot();
    const text = exportCompose(s, s.networks[0], { extras: new Map([['c'.repeat(64), { aliases: ['database'], links: ['web:w'] }]]) });
    assert.match(text, /\n {4}# db was started on bridge, which this snippet leaves out\.\n {4}# Left out: its legacy links on my-net \(web:w\): Compose links services, not the containers these name\.\n {4}networks:\n/);
    assert.doesNotMatch(exportCompose(s, s.networks[0]), /legacy links/);
  });
});

describe('exportCompose: what inspects add', () => {
  test('aliases and requested addresses from the extras', () => {
    const s = exportSnapshot({
      containers: [{ Id: '1'.repeat(64), Names: ['/solo'], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'my-net' }, NetworkSettings: { Networks: { 'my-net': { NetworkID: NET_ID } } } }],
    });
    const text = exportCompose(s, s.networks[0], { extras: new Map([['1'.repeat(64), { aliases: ['api'], requestedIPv4: '172.28.0.9' }]]) });
    assert.match(text, /\n {6}my-net:\n {8}ipv4_address: "172\.28\.0\.9"\n {8}aliases:\n {10}- api\n/);
  });
});

describe('yaml', () => {
  test('plain only where no reader could take the string for something else', () => {
    const plain = ['web', 'busybox:latest', 'fd00::/64', 'com.docker.network.bridge.name', '/data', '_x'];
    const quoted = ['', '172.28.0.10', '3600', '1e3', '0x1f', 'yes', 'No', 'on', 'NULL', '~', '-c', 'a b', 'a: b', 'key:', '#x', '*ref', '2001-01-01', "it's", '@x', 'x#y'];
    for (const s of plain) assert.equal(yamlString(s), s, s);
    for (const s of quoted) assert.equal(yamlString(s), JSON.stringify(s), s);
    assert.equal(yamlString('a\u2028b'), '"a\\u2028b"');
    for (const s of [...plain, ...quoted, 'tab\there', 'new\nline', 'quote"s', 'back\\slash', 'a\u2028b', 'é ü']) {
      assert.deepEqual(yaml.load(`k: ${yamlString(s)}`), { k: s }, s);
    }
  });

  test('empty collections, nested sequences and maps in sequences, comments in sequence items', () => {
    const doc = new YamlMap().set('a', []).set('b', new YamlMap()).set('c', [[], new YamlMap(), ['x', true, 3]])
      .set('d', [new YamlMap().note('first').set('k', 'v')]).set('skipped', undefined).note('two\n\nlines');
    const text = toYaml(doc);
    assert.equal(text, 'a: []\nb: {}\nc:\n  - []\n  - {}\n  - - x\n    - true\n    - 3\nd:\n  - # first\n    k: v\n# two\n#\n# lines\n');
    assert.deepEqual(yaml.load(text), { a: [], b: {}, c: [[], {}, ['x', true, 3]], d: [{ k: 'v' }] });
    assert.equal(commentedOut(new YamlMap().set('x', 'z'), 4), '    x: z');
    assert.equal(doc.size, 4);
  });
});

// The request builders and the input parsing they share with validation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emptyConnectForm, emptyCreateNetworkForm, emptyRunForm } from '../../src/core/forms';
import { driverOptionHelpers } from '../../src/core/driverOptions';
import { parseAuxAddresses, splitList } from '../../src/core/formValues';
import { splitCommand } from '../../src/core/commandLine';
import { toConnectRequest, toCreateNetworkRequest, toRunRequest } from '../../src/core/formRequests';

describe('toCreateNetworkRequest', () => {
  it('a bare form gives the name and the default driver (empty fields omitted)', () => {
    assert.deepEqual(toCreateNetworkRequest({ ...emptyCreateNetworkForm(), name: ' plain ' }), { Name: 'plain', CheckDuplicate: true, Driver: 'bridge' });
  });

  it('maps every field of a full form', () => {
    const req = toCreateNetworkRequest({
      name: 'full', driver: 'overlay', scope: 'swarm', enableIPv6: true, internal: true, attachable: true, ingress: false,
      configOnly: false, configFrom: '', ipamDriver: 'default',
      ipv4: [
        { subnet: '172.30.0.0/16', ipRange: '172.30.1.0/24', gateway: '172.30.0.1', auxAddresses: 'printer=172.30.0.5\nnas = 172.30.0.6' },
        { subnet: '', ipRange: '', gateway: '', auxAddresses: '' },
      ],
      ipv6: [{ subnet: 'fd00:30::/64', ipRange: '', gateway: '', auxAddresses: '' }],
      ipamOptions: [{ key: 'foo', value: 'bar' }],
      driverOptions: [{ key: 'com.docker.network.driver.mtu', value: '1450' }, { key: '', value: '' }],
      labels: [{ key: 'team', value: 'net ops' }],
      enableIPv4: true, gatewayModeIPv4: '', gatewayModeIPv6: '', trustedHostInterfaces: '',
    });
    assert.deepEqual(req, {
      Name: 'full', CheckDuplicate: true, Driver: 'overlay', Scope: 'swarm', Internal: true, Attachable: true, EnableIPv6: true,
      IPAM: {
        Driver: 'default',
        Config: [
          { Subnet: '172.30.0.0/16', IPRange: '172.30.1.0/24', Gateway: '172.30.0.1', AuxiliaryAddresses: { printer: '172.30.0.5', nas: '172.30.0.6' } },
          { Subnet: 'fd00:30::/64' },
        ],
        Options: { foo: 'bar' },
      },
      Options: { 'com.docker.network.driver.mtu': '1450' },
      Labels: { team: 'net ops' },
    });
  });

  it('config-only and config-from', () => {
    assert.deepEqual(toCreateNetworkRequest({ ...emptyCreateNetworkForm(), name: 'c', configOnly: true }).ConfigOnly, true);
    const req = toCreateNetworkRequest({ ...emptyCreateNetworkForm(), name: 'm', driver: 'macvlan', configFrom: 'cfg' });
    assert.deepEqual(req.ConfigFrom, { Network: 'cfg' });
    assert.equal(req.IPAM, undefined);
  });
});

describe('toConnectRequest', () => {
  it('a bare form is just the container', () => {
    assert.deepEqual(toConnectRequest({ ...emptyConnectForm(), container: 'db', network: 'appnet' }), { Container: 'db' });
  });

  it('maps addresses, aliases, links (normalised to name:alias), link-local IPs and driver options', () => {
    assert.deepEqual(toConnectRequest({
      container: 'db', network: 'appnet', ipv4Address: '172.28.0.50', ipv6Address: 'fd00:28::50', aliases: 'a, b\nc',
      links: 'web web2:alias', linkLocalIps: '169.254.1.1', driverOptions: [{ key: 'k', value: 'v' }], gwPriority: '',
    }), {
      Container: 'db',
      EndpointConfig: {
        IPAMConfig: { IPv4Address: '172.28.0.50', IPv6Address: 'fd00:28::50', LinkLocalIPs: ['169.254.1.1'] },
        Aliases: ['a', 'b', 'c'],
        Links: ['web:web', 'web2:alias'],
        DriverOpts: { k: 'v' },
      },
    });
  });
});

describe('toRunRequest', () => {
  it('an image alone', () => {
    assert.deepEqual(toRunRequest({ ...emptyRunForm(), image: 'busybox' }), { body: { Image: 'busybox' } });
  });

  it('maps name, command (argv, no shell), env, labels, ports and the network endpoint', () => {
    const req = toRunRequest({
      image: 'busybox:latest', name: '/web2', network: 'appnet', ipv4Address: '172.28.0.60', ipv6Address: '', aliases: 'api', gwPriority: '', publishAll: false,
      ports: [
        { hostIp: '', hostPort: '8081', containerPort: '80', protocol: 'tcp' },
        { hostIp: '::1', hostPort: '8082', containerPort: '80', protocol: '' },
        { hostIp: '127.0.0.1', hostPort: '', containerPort: '53', protocol: 'udp' },
        { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' },
      ],
      command: `sh -c 'echo "$HOME"; sleep 1000'`,
      env: [{ key: 'GREETING', value: 'hello world' }, { key: 'EMPTY', value: '' }],
      labels: [{ key: 'app', value: 'demo' }],
    });
    assert.deepEqual(req, {
      name: 'web2',
      body: {
        Image: 'busybox:latest',
        Cmd: ['sh', '-c', 'echo "$HOME"; sleep 1000'],
        Env: ['GREETING=hello world', 'EMPTY='],
        Labels: { app: 'demo' },
        ExposedPorts: { '80/tcp': {}, '53/udp': {} },
        HostConfig: {
          NetworkMode: 'appnet',
          PortBindings: {
            '80/tcp': [{ HostIp: '', HostPort: '8081' }, { HostIp: '::1', HostPort: '8082' }],
            '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
          },
        },
        NetworkingConfig: { EndpointsConfig: { appnet: { IPAMConfig: { IPv4Address: '172.28.0.60' }, Aliases: ['api'] } } },
      },
    });
  });

  it('container: mode has no endpoint config', () => {
    const req = toRunRequest({ ...emptyRunForm(), image: 'busybox', network: 'container:web', aliases: 'x' });
    assert.deepEqual(req.body.HostConfig, { NetworkMode: 'container:web' });
    assert.equal(req.body.NetworkingConfig, undefined);
  });
});

describe('splitCommand (argv without a shell)', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['   ', []],
    ['sleep 1000', ['sleep', '1000']],
    ['  a \t b\nc  ', ['a', 'b', 'c']],
    [`sh -c 'echo hi; exit 3'`, ['sh', '-c', 'echo hi; exit 3']],
    [`echo "a b" 'c d' e\\ f`, ['echo', 'a b', 'c d', 'e f']],
    [`echo "say \\"hi\\"" '\\n'`, ['echo', 'say "hi"', '\\n']],
    [`echo "$HOME" '$HOME' \\$HOME`, ['echo', '$HOME', '$HOME', '$HOME']],
    [`a'b c'd`, ['ab cd']],
    [`x '' ""`, ['x', '', '']],
    [`ls *.txt > out | wc`, ['ls', '*.txt', '>', 'out', '|', 'wc']],
    [`echo "it's"`, ['echo', "it's"]],
    ['line1 \\\nline2', ['line1', 'line2']],
    ['docker run \\\n  -d \\\n  x', ['docker', 'run', '-d', 'x']],
    ['jo\\\nined', ['joined']],
  ];
  for (const [line, argv] of cases) it(JSON.stringify(line), () => assert.deepEqual(splitCommand(line), { argv }));

  it('reports unbalanced quotes and a trailing backslash', () => {
    assert.match(splitCommand(`echo 'open`).error ?? '', /single quote/);
    assert.deepEqual(splitCommand(`echo 'open`).argv, ['echo', 'open']);
    assert.match(splitCommand(`echo "open`).error ?? '', /double quote/);
    assert.match(splitCommand('echo \\').error ?? '', /backslash/);
  });
});

describe('input parsing', () => {
  it('splitList splits on commas and whitespace', () => {
    assert.deepEqual(splitList(' a, b\nc ,,d '), ['a', 'b', 'c', 'd']);
  });

  it('parseAuxAddresses takes lines or commas', () => {
    assert.deepEqual(parseAuxAddresses('a=1.1.1.1, b = 2.2.2.2\n\nc'), [
      { name: 'a', ip: '1.1.1.1', raw: 'a=1.1.1.1' },
      { name: 'b', ip: '2.2.2.2', raw: 'b = 2.2.2.2' },
      { name: 'c', ip: '', raw: 'c' },
    ]);
  });

  it('driver option helpers per driver', () => {
    assert.deepEqual(driverOptionHelpers('macvlan').map((h) => h.key), ['com.docker.network.driver.mtu', 'parent', 'macvlan_mode']);
    assert.ok(driverOptionHelpers('bridge').some((h) => h.key === 'com.docker.network.bridge.enable_ip_masquerade'));
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connectArgv, createNetworkArgv, portSpec, quoteArg, renderCommand, runArgv } from '../../src/core/cli';
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, type CreateNetworkForm, type RunForm,
} from '../../src/core/forms';

const fullNetwork: CreateNetworkForm = {
  ...emptyCreateNetworkForm(),
  name: 'appnet', driver: 'bridge', enableIPv6: true, internal: true,
  ipv4: [{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.0.1', auxAddresses: 'router=172.28.0.2' }],
  ipv6: [{ subnet: 'fd00:28::/64', ipRange: '', gateway: '', auxAddresses: '' }],
  driverOptions: [{ key: 'com.docker.network.bridge.name', value: 'br-app' }],
  labels: [{ key: 'owner', value: 'Jane Doe' }],
};

describe('createNetworkArgv', () => {
  it('a bare form', () => {
    assert.deepEqual(createNetworkArgv({ ...emptyCreateNetworkForm(), name: 'n' }), ['docker', 'network', 'create', 'n']);
  });

  it('every flag, subnet options after their subnet, name last', () => {
    assert.deepEqual(createNetworkArgv(fullNetwork), [
      'docker', 'network', 'create', '--ipv6', '--internal',
      '--subnet', '172.28.0.0/16', '--ip-range', '172.28.5.0/24', '--gateway', '172.28.0.1', '--aux-address', 'router=172.28.0.2',
      '--subnet', 'fd00:28::/64',
      '--opt', 'com.docker.network.bridge.name=br-app', '--label', 'owner=Jane Doe', 'appnet',
    ]);
    assert.deepEqual(createNetworkArgv({ ...emptyCreateNetworkForm(), name: 'o', driver: 'overlay', scope: 'swarm', attachable: true, ingress: true, configFrom: 'cfg', ipamDriver: 'custom', ipamOptions: [{ key: 'a', value: 'b' }] }), [
      'docker', 'network', 'create', '--driver', 'overlay', '--scope', 'swarm', '--attachable', '--ingress', '--config-from', 'cfg',
      '--ipam-driver', 'custom', '--ipam-opt', 'a=b', 'o',
    ]);
  });
});

describe('connectArgv', () => {
  it('options first, then NETWORK CONTAINER', () => {
    assert.deepEqual(connectArgv({
      ...emptyConnectForm(), container: 'db', network: 'appnet', ipv4Address: '172.28.0.50', ipv6Address: 'fd00:28::50',
      aliases: 'a b', links: 'web:w', linkLocalIps: '169.254.1.1', driverOptions: [{ key: 'k', value: 'v' }],
    }), [
      'docker', 'network', 'connect', '--ip', '172.28.0.50', '--ip6', 'fd00:28::50', '--alias', 'a', '--alias', 'b',
      '--link', 'web:w', '--link-local-ip', '169.254.1.1', '--driver-opt', 'k=v', 'appnet', 'db',
    ]);
  });
});

describe('ports: host side first', () => {
  const cases: Array<[Parameters<typeof portSpec>[0], string]> = [
    [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' }, '8080:80'],
    [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: '' }, '8080:80'],
    [{ hostIp: '', hostPort: '5353', containerPort: '53', protocol: 'udp' }, '5353:53/udp'],
    [{ hostIp: '', hostPort: '9000', containerPort: '9000', protocol: 'SCTP' }, '9000:9000/sctp'],
    [{ hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'tcp' }, '127.0.0.1:8080:80'],
    [{ hostIp: '127.0.0.1', hostPort: '', containerPort: '80', protocol: 'tcp' }, '127.0.0.1::80'],
    [{ hostIp: '::1', hostPort: '8080', containerPort: '80', protocol: 'udp' }, '[::1]:8080:80/udp'],
    [{ hostIp: '', hostPort: '', containerPort: '80', protocol: 'tcp' }, '80'],
  ];
  for (const [p, spec] of cases) it(spec, () => assert.equal(portSpec(p), spec));
});

const fullRun: RunForm = {
  ...emptyRunForm(),
  image: 'busybox:latest', name: 'web2', network: 'appnet', ipv4Address: '172.28.0.60', aliases: 'api',
  ports: [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' }, { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' }],
  env: [{ key: 'GREETING', value: "it's here" }], labels: [{ key: 'app', value: 'demo' }],
  command: `sh -c 'httpd -f -p 80'`,
};

describe('runArgv', () => {
  it('docker run -d, options, image, then the command words', () => {
    assert.deepEqual(runArgv(fullRun), [
      'docker', 'run', '-d', '--name', 'web2', '--network', 'appnet', '--ip', '172.28.0.60', '--network-alias', 'api',
      '-p', '8080:80', '-e', "GREETING=it's here", '--label', 'app=demo', 'busybox:latest', 'sh', '-c', 'httpd -f -p 80',
    ]);
  });
});

describe('renderCommand', () => {
  it('quotes only what needs it, POSIX single-quote style', () => {
    assert.equal(quoteArg('plain-word_1.2:3/4,5=6@7%8+9'), 'plain-word_1.2:3/4,5=6@7%8+9');
    assert.equal(quoteArg(''), "''");
    assert.equal(quoteArg('two words'), "'two words'");
    assert.equal(quoteArg("it's"), "'it'\\''s'");
    assert.equal(quoteArg('say "hi"'), `'say "hi"'`);
    assert.equal(quoteArg('$HOME'), "'$HOME'");
    assert.equal(quoteArg('[::1]:8080:80'), "'[::1]:8080:80'");
    assert.equal(quoteArg('a;b'), "'a;b'");
  });

  it('one line by default', () => {
    assert.equal(renderCommand(runArgv(fullRun)),
      `docker run -d --name web2 --network appnet --ip 172.28.0.60 --network-alias api -p 8080:80 -e 'GREETING=it'\\''s here' --label app=demo busybox:latest sh -c 'httpd -f -p 80'`);
    assert.equal(renderCommand(createNetworkArgv(fullNetwork)),
      "docker network create --ipv6 --internal --subnet 172.28.0.0/16 --ip-range 172.28.5.0/24 --gateway 172.28.0.1 --aux-address router=172.28.0.2 --subnet fd00:28::/64 --opt com.docker.network.bridge.name=br-app --label 'owner=Jane Doe' appnet");
  });

  it('one option per line, boolean flags alone, positionals together at the end', () => {
    assert.equal(renderCommand(createNetworkArgv({ ...emptyCreateNetworkForm(), name: 'n', enableIPv6: true, ipv6: [{ subnet: 'fd00::/64', ipRange: '', gateway: '', auxAddresses: '' }] }), { wrap: 'options' }),
      'docker network create \\\n  --ipv6 \\\n  --subnet fd00::/64 \\\n  n');
    assert.equal(renderCommand(runArgv({ ...emptyRunForm(), image: 'busybox', command: 'sleep 5', name: 'x1' }), { wrap: 'options', indent: '    ' }),
      'docker run \\\n    -d \\\n    --name x1 \\\n    busybox sleep 5');
  });

  it('wraps at a width, never between an option and its value', () => {
    const text = renderCommand(createNetworkArgv(fullNetwork), { wrap: 60 });
    const lines = text.split('\n');
    assert.ok(lines.length > 2);
    for (const line of lines) assert.ok(line.length <= 60 || !line.includes(' --'), line);
    assert.ok(lines.slice(0, -1).every((l) => l.endsWith(' \\')));
    assert.ok(lines.slice(1).every((l) => l.startsWith('  ')));
    assert.ok(text.includes('--subnet 172.28.0.0/16'));
    // Joining the continuation lines gives the one-line command back.
    assert.equal(text.replace(/ \\\n {2}/g, ' '), renderCommand(createNetworkArgv(fullNetwork)));
  });
});

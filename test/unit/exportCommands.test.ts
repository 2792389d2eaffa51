// "Copy as Docker Commands": the forms' own argv builders fed with the model's network and containers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportCommands } from '../../src/core/exportCommands';
import { createFormOf, exportPlan, givenAliases, portBindings, publishedPorts } from '../../src/core/exportPlan';
import { exportCompose } from '../../src/core/exportCompose';
import { readCommands } from '../support/readCommands';
import { exportSnapshot } from './exportFixture';

describe('exportCommands', () => {
  const s = exportSnapshot();
  const n = s.networks[0];

  test('network create, then connect and run per container, what cannot be said as comments', () => {
    const r = exportCommands(s, n);
    assert.equal(r.text, [
      '# my-net: the network and how each container is wired to it (image, command, fixed addresses, aliases, published ports). Environment, volumes and other settings are not part of it.',
      'docker network create \\', '  --ipv6 \\', '  --attachable \\', '  --subnet 172.28.0.0/16 \\', '  --ip-range 172.28.5.0/24 \\',
      '  --gateway 172.28.5.254 \\', '  --aux-address router=172.28.1.5 \\', '  --subnet fd00:28::/64 \\',
      '  --opt com.docker.network.bridge.name=br-my \\', '  --opt com.docker.network.driver.mtu=1400 \\', '  --label on=yes \\', "  --label 'team=net ops' \\", '  my-net',
      '# db was started on bridge: it joins my-net once it runs.',
      'docker network connect \\', '  --ip6 fd00:28::5 \\', '  --alias database \\', '  my-net db',
      '# Left out: side shares the network namespace of web (network mode container:web): it has no endpoint of its own on my-net.',
      '# Left out: svc.1.x is a task of a Swarm service, which makes and replaces it.',
      'docker run \\', '  -d \\', '  --name web \\', '  --network name=my-net,gw-priority=10 \\', '  --ip 172.28.0.10 \\', '  --network-alias www \\',
      '  -p 127.0.0.1:5353:53/udp \\', '  -p 8080:80 \\', '  busybox:latest sleep 3600',
      '',
    ].join('\n'));
  });

  test('the text reads back as the argv lists', () => {
    const r = exportCommands(s, n);
    assert.equal(r.argvs.length, 3);
    assert.deepEqual(readCommands(r.text), r.argvs);
    assert.deepEqual(r.argvs[2].slice(-3), ['busybox:latest', 'sleep', '3600']);
  });

  test('a built-in network is not created; its containers run on it (the default bridge without --network)', () => {
    const b = exportSnapshot({
      network: { Name: 'bridge', IPAM: { Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] }, Options: {}, Labels: {}, EnableIPv6: false },
      containers: [{ Id: 'f'.repeat(64), Names: ['/solo'], Image: 'busybox', Command: 'sleep 5', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'default' }, NetworkSettings: { Networks: { bridge: { NetworkID: 'a'.repeat(64), IPAddress: '172.17.0.2', IPPrefixLen: 16 } } } }],
    });
    const r = exportCommands(b, b.networks[0]);
    assert.deepEqual(r.argvs, [['docker', 'run', '-d', '--name', 'solo', 'busybox', 'sleep', '5']]);
    assert.match(r.text, /^# bridge is made by the engine itself: it is not created here\.$/m);
  });

  test('a network started by id counts as the container\'s own', () => {
    const x = exportSnapshot({
      containers: [{ Id: 'f'.repeat(64), Names: ['/byid'], Image: 'busybox', State: 'created', Status: 'Created', Ports: [], HostConfig: { NetworkMode: 'a'.repeat(12) }, NetworkSettings: { Networks: { 'my-net': { NetworkID: 'a'.repeat(64) } } } }],
    });
    const [m] = exportPlan(x, x.networks[0]).members;
    assert.equal(m.kind, 'run');
    assert.equal(exportCommands(x, x.networks[0]).argvs[1].join(' '), 'docker run -d --name byid --network my-net busybox');
  });
});

describe('exportPlan pieces', () => {
  const s = exportSnapshot();
  const web = s.networks[0].attachments.find((a) => a.name === 'web');

  test('published ports once each, wildcards as no host address, exposed-only ports left out', () => {
    assert.ok(web);
    assert.deepEqual(publishedPorts(web), [
      { hostIp: '127.0.0.1', hostPort: '5353', containerPort: '53', protocol: 'udp' },
      { hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
    ]);
  });

  test('given aliases: not the short id or the name', () => {
    assert.ok(web);
    assert.deepEqual(givenAliases(web), ['www']);
  });

  test('the create form keeps the network\'s name and bridge name, and drops the enable_ipv6 option (a checkbox)', () => {
    const f = createFormOf(s.networks[0]);
    assert.equal(f.name, 'my-net');
    assert.deepEqual(f.driverOptions, [{ key: 'com.docker.network.bridge.name', value: 'br-my' }, { key: 'com.docker.network.driver.mtu', value: '1400' }]);
    assert.equal(f.enableIPv6, true);
    const fromConfig = createFormOf({ ...s.networks[0], configFrom: 'cfg' });
    assert.deepEqual([fromConfig.configFrom, fromConfig.driverOptions, fromConfig.ipv4], ['cfg', [], []]);
  });
});

describe('readCommands (the tests\' reader of exported text)', () => {
  test('comments and blank lines skipped, continuations joined; a broken text is refused', () => {
    assert.deepEqual(readCommands('# c\n\ndocker a \\\n  -x 1\ndocker b\n'), [['docker', 'a', '-x', '1'], ['docker', 'b']]);
    assert.throws(() => readCommands("docker 'open\n"), /single quote/);
    assert.throws(() => readCommands('docker a \\'), /ends inside a command/);
  });
});

describe('what inspects add', () => {
  test('aliases, links and requested addresses the list call left out (Docker 28: no aliases; 20.10: no IPAMConfig)', () => {
    const bare = exportSnapshot({
      containers: [
        { Id: '1'.repeat(64), Names: ['/solo'], Image: 'busybox', Command: 'sleep 9', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'my-net' }, NetworkSettings: { Networks: { 'my-net': { NetworkID: 'a'.repeat(64), IPAddress: '172.28.0.9', IPPrefixLen: 16, Aliases: null } } } },
        { Id: '2'.repeat(64), Names: ['/late'], Image: 'busybox', Command: 'sleep 9', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'bridge' }, NetworkSettings: { Networks: { 'my-net': { NetworkID: 'a'.repeat(64), IPAddress: '172.28.5.1', IPPrefixLen: 16 } } } },
      ],
    });
    const extras = new Map([
      ['1'.repeat(64), { aliases: ['solo', 'api', '111111111111'], requestedIPv4: '172.28.0.9', requestedIPv6: 'fd00:28::9' }],
      ['2'.repeat(64), { aliases: ['lately'], links: ['solo:s'] }],
    ]);
    const { argvs } = exportCommands(bare, bare.networks[0], extras);
    assert.deepEqual(argvs.slice(1).map((a) => a.join(' ')), [
      'docker network connect --alias lately --link solo:s my-net late',
      'docker run -d --name solo --network my-net --ip 172.28.0.9 --ip6 fd00:28::9 --network-alias api busybox sleep 9',
    ]);
    // without them: what the list call said
    assert.deepEqual(exportCommands(bare, bare.networks[0]).argvs.slice(1).map((a) => a.join(' ')), [
      'docker network connect my-net late', 'docker run -d --name solo --network my-net busybox sleep 9',
    ]);
  });
});

describe('how its ports were asked for (an inspect\'s HostConfig)', () => {
  // started as `docker run -P -p 8080:80 -p 127.0.0.1::53/udp busybox httpd`: 80 fixed, 53/udp and -P's 443 picked
  const published = exportSnapshot({
    containers: [{
      Id: '3'.repeat(64), Names: ['/pall'], Image: 'busybox', Command: 'httpd -f', State: 'running', Status: 'Up', HostConfig: { NetworkMode: 'my-net' },
      Ports: [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '127.0.0.1', PrivatePort: 53, PublicPort: 32770, Type: 'udp' },
        { IP: '0.0.0.0', PrivatePort: 443, PublicPort: 32771, Type: 'tcp' }, { IP: '::', PrivatePort: 443, PublicPort: 32771, Type: 'tcp' },
      ],
      NetworkSettings: { Networks: { 'my-net': { NetworkID: 'a'.repeat(64), IPAddress: '172.28.0.7', IPPrefixLen: 16 } } },
    }],
  });
  const bindings = portBindings({ '80/tcp': [{ HostIp: '', HostPort: '8080' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
  const extras = new Map([['3'.repeat(64), { aliases: [], publishAll: true, bindings }]]);

  test('PortBindings as the Run form\'s rows, in port order; an empty host port stays empty (the engine picks one)', () => {
    assert.deepEqual(bindings, [
      { hostIp: '127.0.0.1', hostPort: '', containerPort: '53', protocol: 'udp' },
      { hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' },
    ]);
    assert.deepEqual(portBindings({ '9000/tcp': null }), [{ hostIp: '', hostPort: '', containerPort: '9000', protocol: 'tcp' }]);
    assert.deepEqual(portBindings(undefined), []);
  });

  test('docker commands: -P and the -p it was given, never the host ports the engine picked at its start', () => {
    const [run] = exportCommands(published, published.networks[0], extras).argvs.slice(1);
    assert.equal(run.join(' '), 'docker run -d --name pall --network my-net -P -p 127.0.0.1::53/udp -p 8080:80 busybox httpd -f');
    // without the inspect: what is published now, as fixed ports (the list call cannot tell -P from -p)
    const [bare] = exportCommands(published, published.networks[0]).argvs.slice(1);
    assert.equal(bare.join(' '), 'docker run -d --name pall --network my-net -p 127.0.0.1:32770:53/udp -p 8080:80 -p 32771:443 busybox httpd -f');
  });

  test('compose: no -P there, so what -P published is listed by container port, with a comment saying so', () => {
    const y = exportCompose(published, published.networks[0], { extras });
    assert.match(y, /# pall was started with -P \(publish all exposed ports\), which Compose does not have/);
    const ports = y.slice(y.indexOf('ports:')).split('\n').slice(1, 4).map((l) => l.trim());
    assert.deepEqual(ports, ['- "127.0.0.1::53/udp"', '- "8080:80"', '- "443"']);
  });
});

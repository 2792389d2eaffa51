// The exports and suggestions against the real engine. Copy as Docker Commands, round trip: a network with subnet,
// ip-range, gateway, aux address, IPv6 and labels, a container started on it with fixed addresses, aliases and a
// published port, one more with a fixed address, and one started on the default bridge and connected later; exported,
// everything removed, the exported text read back with the project's own command-line parser and each argv run by the
// docker CLI (execFile: no shell), then the engine's new picture must export the very same text and show the same
// wiring. Next free address and Suggest a free subnet: what they offer, the engine takes.
//
// The engine is shared with other test files: everything here is named dn-plan-* and lives in 10.78.0.0/24 and
// fd78::/64 (the suggested subnets are whatever the engine has free, removed at once); after() removes it all (the
// exported commands carry no labels, so it goes by name).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import { takeSnapshot } from '../../src/docker/snapshot';
import type { Engine } from '../../src/docker/client';
import { exportCommands } from '../../src/core/exportCommands';
import { givenAliases, publishedPorts, type EndpointExtras } from '../../src/core/exportPlan';
import { readCommands } from '../support/readCommands';
import { suggestAddress, suggestSubnetFor } from '../../src/core/suggestions';
import { emptyCreateNetworkForm } from '../../src/core/forms';
import type { Snapshot } from '../../src/core/model';
import { SEED_IMAGE } from '../fixtures/seed';
import { dockerHost, engineAt, rawDocker } from './support';
import { extrasOf, networkNamed, removeNamed } from './exportSupport';

const run = promisify(execFile);
const NET = 'dn-plan-net';
const WEB = 'dn-plan-web';
const DB = 'dn-plan-db';
const SIDE = 'dn-plan-side';
const PORT = 18781;

const docker: Dockerode = rawDocker();
let engine: Engine;

/** Runs one exported argv with the docker CLI against this engine: an argv, never a shell line. */
async function dockerCli(argv: readonly string[]): Promise<void> {
  assert.equal(argv[0], 'docker');
  await run('docker', argv.slice(1), { env: { ...process.env, DOCKER_HOST: dockerHost() }, timeout: 60_000 });
}

/** The wiring to compare: the network's settings and every container's endpoint on it. */
function wiring(s: Snapshot, extras: ReadonlyMap<string, EndpointExtras>): unknown {
  const n = networkNamed(s, NET);
  return {
    driver: n.driver, ipam: n.ipam, internal: n.internal, attachable: n.attachable, enableIPv6: n.enableIPv6, labels: n.labels,
    options: n.options,
    containers: n.attachments.map((a) => ({
      // `docker run` without --network may say `default` where the API was told `bridge`: the same network. An address
      // the engine picked (no --ip6) may be another one the second time.
      name: a.name, state: a.state, image: a.image, networkMode: a.networkMode === 'default' ? 'bridge' : a.networkMode,
      ipv4: a.fixedIpv4 ? a.ipv4 : undefined, ipv6: a.fixedIpv6 ? a.ipv6 : undefined, fixedIpv4: a.fixedIpv4,
      fixedIpv6: a.fixedIpv6, aliases: givenAliases(a, extras.get(a.containerId)).sort(), ports: publishedPorts(a),
    })),
  };
}

describe('exports and suggestions on the engine', () => {
  before(async () => {
    engine = engineAt();
    await removeNamed(docker, 'dn-plan-');
    await docker.createNetwork({
      Name: NET, Driver: 'bridge', EnableIPv6: true, Attachable: true, Labels: { purpose: 'export round trip', 'dev.dockernetworks.plan': 'yes' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '10.78.0.0/24', IPRange: '10.78.0.128/25', Gateway: '10.78.0.1', AuxiliaryAddresses: { router: '10.78.0.2' } }, { Subnet: 'fd78::/64', Gateway: 'fd78::1' }] },
      Options: { 'com.docker.network.driver.mtu': '1400' },
    });
    const web = await docker.createContainer({
      name: WEB, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], ExposedPorts: { '80/tcp': {} },
      HostConfig: { NetworkMode: NET, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(PORT) }] } },
      NetworkingConfig: { EndpointsConfig: { [NET]: { IPAMConfig: { IPv4Address: '10.78.0.10', IPv6Address: 'fd78::10' }, Aliases: ['www', 'front'] } } },
    });
    const db = await docker.createContainer({
      name: DB, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: NET },
      NetworkingConfig: { EndpointsConfig: { [NET]: { IPAMConfig: { IPv4Address: '10.78.0.20' }, Aliases: ['database'] } } },
    });
    const side = await docker.createContainer({ name: SIDE, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'bridge' } });
    await Promise.all([web.start(), db.start(), side.start()]);
    await docker.getNetwork(NET).connect({ Container: SIDE, EndpointConfig: { IPAMConfig: { IPv4Address: '10.78.0.30' }, Aliases: ['sidekick'] } });
  });

  after(async () => {
    await removeNamed(docker, 'dn-plan-');
  });

  test('Copy as Docker Commands: removed and made again from the text, the engine shows the same wiring', async () => {
    const before = await takeSnapshot(engine);
    const beforeExtras = await extrasOf(engine, networkNamed(before, NET));
    const exported = exportCommands(before, networkNamed(before, NET), beforeExtras);
    assert.deepEqual(readCommands(exported.text), exported.argvs);
    for (const bit of ['--network-alias front', '--network-alias www', '--alias sidekick', '--network-alias database', '--ip6 fd78::10', '-p 127.0.0.1:18781:80']) {
      assert.ok(exported.text.includes(bit), `${bit} in\n${exported.text}`);
    }
    assert.deepEqual(exported.argvs.map((a) => a.slice(0, 3).join(' ')), ['docker network create', 'docker run -d', 'docker network connect', 'docker run -d']);
    // SIDE was started on the default bridge: its own docker run comes from that network's export.
    const sideRun = exportCommands(before, networkNamed(before, 'bridge')).argvs.find((a) => a.includes(SIDE));
    assert.ok(sideRun);
    assert.deepEqual(sideRun, ['docker', 'run', '-d', '--name', SIDE, SEED_IMAGE, 'sleep', '3600']);
    const expected = wiring(before, beforeExtras);

    await removeNamed(docker, 'dn-plan-');
    const gone = await takeSnapshot(engine);
    assert.equal(gone.networks.some((n) => n.name === NET), false);

    const [create, ...rest] = readCommands(exported.text);
    await dockerCli(create);
    await dockerCli(sideRun);
    for (const argv of rest) await dockerCli(argv);

    const again = await takeSnapshot(engine);
    const againExtras = await extrasOf(engine, networkNamed(again, NET));
    assert.deepEqual(wiring(again, againExtras), expected);
    assert.equal(exportCommands(again, networkNamed(again, NET), againExtras).text, exported.text);
    // the details, spelled out
    const n = networkNamed(again, NET);
    assert.deepEqual(n.ipam.map((c) => [c.subnet, c.ipRange, c.gateway, c.auxAddresses]), [
      ['10.78.0.0/24', '10.78.0.128/25', '10.78.0.1', { router: '10.78.0.2' }], ['fd78::/64', undefined, 'fd78::1', {}],
    ]);
    assert.deepEqual(n.attachments.map((a) => [a.name, a.ipv4, a.fixedIpv6 ? a.ipv6 : '', givenAliases(a, againExtras.get(a.containerId)).sort()]), [
      [DB, '10.78.0.20/24', '', ['database']],
      [SIDE, '10.78.0.30/24', '', ['sidekick']],
      [WEB, '10.78.0.10/24', 'fd78::10/64', ['front', 'www']],
    ]);
    assert.deepEqual(publishedPorts(n.attachments[2]), [{ hostIp: '127.0.0.1', hostPort: String(PORT), containerPort: '80', protocol: 'tcp' }]);
  });

  test('Next free address: the engine takes the address offered, and the next offer moves past it', async () => {
    const s = await takeSnapshot(engine);
    const first = suggestAddress({ network: NET }, 'ipv4Address', s.networks);
    // outside the IP range first: .0 network, .1 gateway, .2 router, then .3
    assert.equal(first.value, '10.78.0.3');
    const c = await docker.createContainer({ name: 'dn-plan-next', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], HostConfig: { NetworkMode: 'bridge' } });
    await c.start();
    await docker.getNetwork(NET).connect({ Container: 'dn-plan-next', EndpointConfig: { IPAMConfig: { IPv4Address: first.value } } });
    const after = await takeSnapshot(engine);
    assert.equal(networkNamed(after, NET).attachments.find((a) => a.name === 'dn-plan-next')?.ipv4, '10.78.0.3/24');
    assert.equal(suggestAddress({ network: NET }, 'ipv4Address', after.networks).value, '10.78.0.4');
    assert.match(suggestAddress({ network: NET }, 'ipv6Address', after.networks).value ?? '', /^fd78::/);
  });

  test('Suggest a free subnet: the engine creates a network with it, and the next suggestion is past it', async () => {
    const s = await takeSnapshot(engine);
    const form = { ...emptyCreateNetworkForm(), ipv4: [{ subnet: '/24', ipRange: '', gateway: '', auxAddresses: '' }] };
    const first = suggestSubnetFor(form, 'ipv4[0].subnet', s.networks);
    assert.ok(first.value, first.message);
    await docker.createNetwork({ Name: 'dn-plan-suggested', IPAM: { Driver: 'default', Config: [{ Subnet: first.value }] } });
    const after = await takeSnapshot(engine);
    assert.equal(networkNamed(after, 'dn-plan-suggested').ipam[0].subnet, first.value);
    const next = suggestSubnetFor(form, 'ipv4[0].subnet', after.networks);
    assert.notEqual(next.value, first.value);
    assert.match(next.message, /after dn-plan-suggested/);
  });

  test('a container started with -P and `-p 80` is exported as -P and -p 80: the host ports the engine picked are not pinned', async () => {
    const c = await docker.createContainer({
      name: 'dn-plan-pall', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
      HostConfig: { NetworkMode: NET, PublishAllPorts: true, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await c.start();
    const s = await takeSnapshot(engine);
    const n = networkNamed(s, NET);
    const a = n.attachments.find((x) => x.name === 'dn-plan-pall');
    assert.ok(a);
    // the engine picked host ports for both: that is all the list call can tell
    const picked = publishedPorts(a);
    assert.deepEqual(picked.map((p) => p.containerPort).sort(), ['443', '80']);
    assert.ok(picked.every((p) => Number(p.hostPort) > 0), JSON.stringify(picked));
    const extras = await extrasOf(engine, n);
    assert.deepEqual([extras.get(a.containerId)?.publishAll, extras.get(a.containerId)?.bindings],
      [true, [{ hostIp: '127.0.0.1', hostPort: '', containerPort: '80', protocol: 'tcp' }]]);
    const run = exportCommands(s, n, extras).argvs.find((x) => x.includes('dn-plan-pall'));
    assert.ok(run);
    assert.deepEqual(run.slice(run.indexOf('-P'), run.indexOf(SEED_IMAGE)), ['-P', '-p', '127.0.0.1::80']);
    for (const p of picked) assert.ok(!run.some((arg) => arg.includes(`:${p.hostPort}:`)), `${p.hostPort} pinned in ${run.join(' ')}`);
    await c.remove({ force: true });
  });
});

// Every engine action against the real engine, with the requests built by the form builders exactly as the forms
// send them: create, connect (static IP, aliases), disconnect (and force), remove, prune (label-scoped), run (static
// IP, a published port on loopback) and run's rollback when the container cannot start.
//
// The engine is shared with other test files: everything here is named dn-err-act-*, carries the label
// dev.dockernetworks.errors and lives in 10.77.0.0/19 and fd77:0:0:1::/64; after() removes it even on failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import type Dockerode from 'dockerode';
import {
  connectContainer, createNetwork, disconnectContainer, pruneNetworks, removeNetwork, runContainer,
} from '../../src/docker/actions';
import type { Engine } from '../../src/docker/client';
import { EngineError } from '../../src/core/errors';
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, type CreateNetworkForm, type RunForm,
} from '../../src/core/forms';
import { toConnectRequest, toCreateNetworkRequest, toRunRequest } from '../../src/core/formRequests';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { engineAt, rawDocker, until } from './support';

const LABEL = 'dev.dockernetworks.errors';
const MINE = { key: LABEL, value: 'actions' };
const NET = 'dn-err-act-net';
// Seed-like: a /20 with an ip-range inside it and the gateway at the top of the range (the seed: 172.28.0.0/16,
// 172.28.5.0/24, 172.28.5.254).
const IPAM = { subnet: '10.77.0.0/20', ipRange: '10.77.5.0/24', gateway: '10.77.5.254' };
const WEB_IP = '10.77.5.30';
const WEB_PORT = 18771;

const docker: Dockerode = rawDocker();
let engine: Engine;

function networkForm(over: Partial<CreateNetworkForm>): CreateNetworkForm {
  return { ...emptyCreateNetworkForm(), labels: [MINE], ...over };
}

function runForm(over: Partial<RunForm>): RunForm {
  return { ...emptyRunForm(), image: SEED_IMAGE, command: 'sleep 3600', labels: [MINE], ...over };
}

async function run(form: RunForm): Promise<string> {
  const { name, body } = toRunRequest(form);
  return runContainer(engine, name === undefined ? body : { ...body, name });
}

/** A plain running container on the default bridge, made without our code (a fixture, not the thing tested). */
async function sleeper(name: string): Promise<string> {
  const c = await docker.createContainer({ name, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: 'actions' }, HostConfig: { NetworkMode: 'bridge' } });
  await c.start();
  return c.id;
}

/** Containers with exactly this name, in any state. */
async function containersNamed(name: string): Promise<Dockerode.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: JSON.stringify({ name: [`^/${name}$`] }) });
}

async function networksOf(container: string): Promise<string[]> {
  return Object.keys((await docker.getContainer(container).inspect()).NetworkSettings.Networks).sort();
}

async function rejectsWith(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof EngineError, `expected an EngineError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the engine to refuse');
}

function httpGet(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = get(url, { timeout: 1000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve(res.statusCode === 200 ? body : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

async function cleanUp(): Promise<void> {
  await cleanLabelled(docker, LABEL);
}

describe('engine actions', () => {
  before(async () => {
    engine = engineAt();
    await cleanUp(); // leftovers of an earlier run that was killed
  });

  after(async () => {
    await cleanUp();
  });

  describe('create', () => {
    test('a seed-like network: the engine has exactly that IPAM', async () => {
      const form = networkForm({ name: NET, ipv4: [{ ...IPAM, auxAddresses: '' }] });
      const id = await createNetwork(engine, toCreateNetworkRequest(form));
      const info = await docker.getNetwork(NET).inspect();
      assert.equal(info.Id, id);
      assert.equal(info.Name, NET);
      assert.equal(info.Driver, 'bridge');
      assert.equal(info.Scope, 'local');
      assert.equal(info.IPAM?.Driver, 'default');
      assert.deepEqual(info.IPAM?.Config, [{ Subnet: IPAM.subnet, IPRange: IPAM.ipRange, Gateway: IPAM.gateway }]);
      assert.deepEqual(info.Labels, { [LABEL]: 'actions' });
      assert.equal(info.EnableIPv6, false);
      assert.equal(info.Internal, false);
    });

    test('dual stack with aux addresses and options: every field as asked', async () => {
      const form = networkForm({
        name: 'dn-err-act-dual',
        enableIPv6: true,
        internal: true,
        ipv4: [{ subnet: '10.77.16.0/24', ipRange: '10.77.16.128/25', gateway: '10.77.16.1', auxAddresses: 'nas=10.77.16.20, printer=10.77.16.21' }],
        ipv6: [{ subnet: 'fd77:0:0:1::/64', ipRange: '', gateway: 'fd77:0:0:1::1', auxAddresses: '' }],
        driverOptions: [{ key: 'com.docker.network.driver.mtu', value: '1400' }, { key: 'com.docker.network.bridge.name', value: 'dn-err-act-br' }],
        labels: [MINE, { key: 'purpose', value: 'dual' }],
      });
      await createNetwork(engine, toCreateNetworkRequest(form));
      const info = await docker.getNetwork('dn-err-act-dual').inspect();
      assert.equal(info.EnableIPv6, true);
      assert.equal(info.Internal, true);
      assert.deepEqual(info.IPAM?.Config, [
        { Subnet: '10.77.16.0/24', IPRange: '10.77.16.128/25', Gateway: '10.77.16.1', AuxiliaryAddresses: { nas: '10.77.16.20', printer: '10.77.16.21' } },
        { Subnet: 'fd77:0:0:1::/64', Gateway: 'fd77:0:0:1::1' },
      ]);
      assert.deepEqual(info.Options, { 'com.docker.network.driver.mtu': '1400', 'com.docker.network.bridge.name': 'dn-err-act-br' });
      assert.deepEqual(info.Labels, { [LABEL]: 'actions', purpose: 'dual' });
      await removeNetwork(engine, 'dn-err-act-dual');
    });
  });

  describe('connect and disconnect', () => {
    let a: string;
    let b: string;

    before(async () => {
      a = await sleeper('dn-err-act-a');
      b = await sleeper('dn-err-act-b');
    });

    test('connect with a static IPv4 and aliases: inspect shows them', async () => {
      const form = { ...emptyConnectForm(), container: 'dn-err-act-a', network: NET, ipv4Address: '10.77.5.10', aliases: 'web, www' };
      await connectContainer(engine, form.network, toConnectRequest(form));
      const ep = (await docker.getContainer(a).inspect()).NetworkSettings.Networks[NET];
      assert.ok(ep, 'dn-err-act-a is not on the network');
      assert.deepEqual(ep.IPAMConfig, { IPv4Address: '10.77.5.10' });
      assert.equal(ep.IPAddress, '10.77.5.10');
      assert.equal(ep.IPPrefixLen, 20);
      assert.equal(ep.Gateway, IPAM.gateway);
      for (const alias of ['web', 'www']) assert.ok(ep.Aliases?.includes(alias), `alias ${alias}: ${JSON.stringify(ep.Aliases)}`);
      // …and the network agrees.
      const onNet = (await docker.getNetwork(NET).inspect()).Containers?.[a];
      assert.equal(onNet?.IPv4Address, '10.77.5.10/20');
      assert.deepEqual(await networksOf(a), ['bridge', NET].sort());
    });

    test('a connect that fails leaves the container as it was, and able to restart', async () => {
      // 10.77.5.10 is dn-err-act-a's. Engine 20.10 refuses, but keeps NET in b's settings with that address, so b
      // would fail its next start ("Address already in use"); connectContainer clears that.
      const form = { ...emptyConnectForm(), container: 'dn-err-act-b', network: NET, ipv4Address: '10.77.5.10' };
      const err = await rejectsWith(connectContainer(engine, NET, toConnectRequest(form)));
      assert.match(err.daemonMessage ?? '', /Address already in use/);
      assert.deepEqual(await networksOf(b), ['bridge']);
      await docker.getContainer(b).restart({ t: 0 });
      assert.equal((await docker.getContainer(b).inspect()).State.Running, true);
      assert.deepEqual(await networksOf(b), ['bridge']);
    });

    test('connect without an address: the engine picks one from the ip-range', async () => {
      await connectContainer(engine, NET, toConnectRequest({ ...emptyConnectForm(), container: 'dn-err-act-b', network: NET }));
      const ep = (await docker.getContainer(b).inspect()).NetworkSettings.Networks[NET];
      assert.match(ep?.IPAddress ?? '', /^10\.77\.5\.\d+$/);
      assert.notEqual(ep?.IPAddress, '10.77.5.10');
    });

    test('disconnect: the container leaves the network and keeps the others', async () => {
      await disconnectContainer(engine, NET, 'dn-err-act-a');
      assert.deepEqual(await networksOf(a), ['bridge']);
      assert.equal((await docker.getNetwork(NET).inspect()).Containers?.[a], undefined);
    });

    test('disconnect with force', async () => {
      await disconnectContainer(engine, NET, b, true);
      assert.deepEqual(await networksOf(b), ['bridge']);
      assert.deepEqual(Object.keys((await docker.getNetwork(NET).inspect()).Containers ?? {}), []);
    });
  });

  describe('run', () => {
    test('run with a static IP, an alias and a published port on 127.0.0.1: as asked, and it answers', async () => {
      const form = runForm({
        name: 'dn-err-act-web',
        network: NET,
        ipv4Address: WEB_IP,
        aliases: 'api',
        command: "sh -c 'httpd -p 80 -h /var/www; sleep 3600'",
        ports: [{ hostIp: '127.0.0.1', hostPort: String(WEB_PORT), containerPort: '80', protocol: 'tcp' }],
        env: [{ key: 'GREETING', value: 'hi there' }],
      });
      const id = await run(form);
      const info = await docker.getContainer(id).inspect();
      assert.equal(info.Name, '/dn-err-act-web');
      assert.equal(info.State.Running, true);
      assert.equal(info.HostConfig.NetworkMode, NET);
      assert.deepEqual(info.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(WEB_PORT) }] });
      assert.deepEqual(info.NetworkSettings.Ports['80/tcp'], [{ HostIp: '127.0.0.1', HostPort: String(WEB_PORT) }]);
      assert.deepEqual(Object.keys(info.NetworkSettings.Networks), [NET]);
      const ep = info.NetworkSettings.Networks[NET];
      assert.equal(ep.IPAddress, WEB_IP);
      assert.deepEqual(ep.IPAMConfig, { IPv4Address: WEB_IP });
      assert.ok(ep.Aliases?.includes('api'), JSON.stringify(ep.Aliases));
      assert.deepEqual(info.Config.Cmd, ['sh', '-c', 'httpd -p 80 -h /var/www; sleep 3600']);
      assert.ok(info.Config.Env.includes('GREETING=hi there'));
      assert.equal(info.Config.Labels[LABEL], 'actions');
      // loopback only, to our own container
      const body = await until(() => httpGet(`http://127.0.0.1:${WEB_PORT}/`), 10_000, 'httpd behind the published port');
      assert.match(body, /hello from localbusybox/);
    });

    test('rollback: a run whose start fails (static IP in use) leaves no container behind', async () => {
      const err = await rejectsWith(run(runForm({ name: 'dn-err-act-clash-ip', network: NET, ipv4Address: WEB_IP })));
      assert.match(err.daemonMessage ?? '', /Address already in use/);
      assert.deepEqual(await containersNamed('dn-err-act-clash-ip'), []);
    });

    test('rollback: a run whose start fails (host port taken) leaves no container behind, and the holder is untouched', async () => {
      const ports = [{ hostIp: '127.0.0.1', hostPort: String(WEB_PORT), containerPort: '8080', protocol: 'tcp' }];
      const err = await rejectsWith(run(runForm({ name: 'dn-err-act-clash-port', network: NET, ports })));
      assert.match(err.daemonMessage ?? '', /port is already allocated/);
      assert.deepEqual(await containersNamed('dn-err-act-clash-port'), []);
      const web = await docker.getContainer('dn-err-act-web').inspect();
      assert.equal(web.State.Running, true);
      assert.deepEqual(web.NetworkSettings.Ports['80/tcp'], [{ HostIp: '127.0.0.1', HostPort: String(WEB_PORT) }]);
    });

    test('a run whose create fails (no such image) creates nothing', async () => {
      const err = await rejectsWith(run(runForm({ name: 'dn-err-act-noimage', image: 'dn-err-no-such-image:latest', network: NET })));
      assert.equal(err.kind, 'notFound');
      assert.deepEqual(await containersNamed('dn-err-act-noimage'), []);
    });
  });

  describe('remove and prune', () => {
    test('remove: the network is gone', async () => {
      await docker.getContainer('dn-err-act-web').remove({ force: true }).catch(() => undefined); // it holds an address on NET
      await removeNetwork(engine, NET);
      const err = await rejectsWith(engine.inspectNetwork(NET));
      assert.equal(err.kind, 'notFound');
    });

    test('prune, scoped by our label: deletes exactly our unused networks, never one in use or anyone else’s', async () => {
      const scope = `${LABEL}=prune-${process.pid}`;
      const labels = { [LABEL]: `prune-${process.pid}` };
      for (const [i, name] of ['dn-err-act-p1', 'dn-err-act-p2', 'dn-err-act-pused'].entries()) {
        await docker.createNetwork({ Name: name, Labels: labels, IPAM: { Config: [{ Subnet: `10.77.${17 + i}.0/24` }] } });
      }
      // a network of ours with another value of the label: outside the filter
      await docker.createNetwork({ Name: 'dn-err-act-pother', Labels: { [LABEL]: 'actions' }, IPAM: { Config: [{ Subnet: '10.77.20.0/24' }] } });
      await docker.getNetwork('dn-err-act-pused').connect({ Container: 'dn-err-act-a' });

      // a filter that matches nothing in time deletes nothing (so the filters do reach the engine)
      assert.deepEqual(await pruneNetworks(engine, { label: [scope], until: '2000-01-01T00:00:00Z' }), []);

      const deleted = await pruneNetworks(engine, { label: [scope] });
      assert.deepEqual([...deleted].sort(), ['dn-err-act-p1', 'dn-err-act-p2']);
      const left = (await docker.listNetworks({ filters: JSON.stringify({ label: [LABEL] }) })).map((n) => n.Name).sort();
      assert.deepEqual(left, ['dn-err-act-pother', 'dn-err-act-pused']);

      // once unused, it goes too
      await disconnectContainer(engine, 'dn-err-act-pused', 'dn-err-act-a');
      assert.deepEqual(await pruneNetworks(engine, { label: [scope] }), ['dn-err-act-pused']);
      assert.deepEqual(await pruneNetworks(engine, { label: [scope] }), []);
    });
  });
});

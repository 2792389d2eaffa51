// Copy as Compose, round trip through Docker Compose v2 (sid's plugin, scripts/compose.sh; DN_COMPOSE_CONFIG is its
// DOCKER_CONFIG): a wiring made by hand on the engine (a network with a fixed subnet, ip-range, gateway, labels and a
// driver option; containers on it with fixed addresses, aliases and a published port) is exported with the pure
// functions, removed, and the YAML applied with `docker compose -f FILE -p PROJECT up -d` (argv only). The engine's
// new picture must show the same wiring: network name (the export's `name:`, so Compose keeps it), settings, subnets,
// addresses, aliases, ports; Compose's own labels aside. A network that reaches out and an internal one, each exported
// on its own and applied together as one project.
//
// The engine is shared with other test files: everything here is named dn-cx-* in 10.79.0.0/16; after() takes the
// projects down and removes what is left by name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type Dockerode from 'dockerode';
import { exportCompose } from '../../src/core/exportCompose';
import { givenAliases, publishedPorts, type EndpointExtras } from '../../src/core/exportPlan';
import type { NetworkView } from '../../src/core/model';
import type { Engine } from '../../src/docker/client';
import { takeSnapshot } from '../../src/docker/snapshot';
import { SEED_IMAGE } from '../fixtures/seed';
import { dockerHost, engineAt, rawDocker } from './support';
import { extrasOf, networkNamed, removeNamed } from './exportSupport';

const run = promisify(execFile);
const config = process.env.DN_COMPOSE_CONFIG;
const docker: Dockerode = rawDocker();
let engine: Engine;
let dir = '';

const PROJECT = 'dn-cx';

/** `docker compose -f FILE… -p dn-cx …` against this engine, with the plugin's DOCKER_CONFIG: an argv, no shell. */
function compose(files: string[], ...args: string[]) {
  return run('docker', ['compose', ...files.flatMap((f) => ['-f', f]), '-p', PROJECT, ...args], {
    env: { ...process.env, DOCKER_HOST: dockerHost(), DOCKER_CONFIG: config }, timeout: 120_000,
  });
}

const ownLabels = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('com.docker.compose.')));

/** The wiring to compare: the network's settings and each container's endpoint on it; Compose's own labels aside. */
function wiring(n: NetworkView, extras: ReadonlyMap<string, EndpointExtras>): unknown {
  return {
    name: n.name, driver: n.driver, ipam: n.ipam, internal: n.internal, attachable: n.attachable, enableIPv6: n.enableIPv6,
    labels: ownLabels(n.labels), options: n.options,
    containers: n.attachments.map((a) => ({
      name: a.name, state: a.state, image: a.image, ipv4: a.ipv4, fixedIpv4: a.fixedIpv4,
      // Compose adds the service name as an alias; the services are named after the containers here.
      aliases: givenAliases(a, extras.get(a.containerId)).sort(), ports: publishedPorts(a),
    })),
  };
}

interface Case {
  title: string;
  net: string;
  internal: boolean;
  subnet: string;
  members: { name: string; ip: string; aliases: string[]; port?: number }[];
}

const CASES: Case[] = [
  {
    title: 'a network that reaches out, two containers, one publishing a port on loopback',
    net: 'dn-cx-net', internal: false, subnet: '10.79.1',
    members: [{ name: 'dn-cx-web', ip: '10.79.1.10', aliases: ['front', 'www'], port: 18783 }, { name: 'dn-cx-db', ip: '10.79.1.20', aliases: ['database'] }],
  },
  {
    title: 'an internal network, two containers',
    net: 'dn-cx-inner', internal: true, subnet: '10.79.2',
    members: [{ name: 'dn-cx-api', ip: '10.79.2.10', aliases: ['api'] }, { name: 'dn-cx-cache', ip: '10.79.2.20', aliases: ['cache', 'kv'] }],
  },
];

describe('Copy as Compose: round trip through Docker Compose v2', { skip: config ? false : 'needs Docker Compose v2 (DN_COMPOSE_CONFIG from scripts/compose.sh)' }, () => {
  const files = () => CASES.map((c) => path.join(dir, `${c.net}.yaml`));

  before(async () => {
    engine = engineAt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'dn-cx-'));
    await removeNamed(docker, 'dn-cx-');
  });

  after(async () => {
    await compose(files(), 'down', '--remove-orphans', '--timeout', '0').catch(() => undefined);
    await removeNamed(docker, 'dn-cx-');
    rmSync(dir, { recursive: true, force: true });
  });

  // One project for both cases (each snippet one -f file, merged by Compose): one up and one down, which take tens of
  // seconds each on a busy machine.
  test(`each network exported, removed and made again by compose up: ${CASES.map((c) => c.title).join('; ')}`, { timeout: 300_000 }, async () => {
    for (const c of CASES) {
      await docker.createNetwork({
        Name: c.net, Driver: 'bridge', Internal: c.internal, Attachable: true,
        Labels: { purpose: 'compose round trip', 'dev.dockernetworks.plan': 'yes' },
        IPAM: { Driver: 'default', Config: [{ Subnet: `${c.subnet}.0/24`, IPRange: `${c.subnet}.128/25`, Gateway: `${c.subnet}.1` }] },
        Options: { 'com.docker.network.driver.mtu': '1400' },
      });
      for (const m of c.members) {
        const ctr = await docker.createContainer({
          name: m.name, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], ...(m.port ? { ExposedPorts: { '80/tcp': {} } } : {}),
          HostConfig: { NetworkMode: c.net, ...(m.port ? { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: String(m.port) }] } } : {}) },
          NetworkingConfig: { EndpointsConfig: { [c.net]: { IPAMConfig: { IPv4Address: m.ip }, Aliases: m.aliases } } },
        });
        await ctr.start();
      }
    }

    const before = await takeSnapshot(engine);
    const expected = new Map<string, unknown>();
    const texts: string[] = [];
    for (const c of CASES) {
      const made = networkNamed(before, c.net);
      const extras = await extrasOf(engine, made);
      expected.set(c.net, wiring(made, extras));
      const text = exportCompose(before, made, { define: true, extras });
      writeFileSync(path.join(dir, `${c.net}.yaml`), text);
      texts.push(text);
    }

    await removeNamed(docker, 'dn-cx-');
    assert.equal((await takeSnapshot(engine)).networks.some((n) => n.name.startsWith('dn-cx-')), false);

    await compose(files(), 'up', '-d').catch((e: unknown) => assert.fail(`compose up failed: ${String((e as { stderr?: string }).stderr ?? e)}\n${texts.join('\n')}`));
    const again = await takeSnapshot(engine);
    for (const [i, c] of CASES.entries()) {
      const remade = networkNamed(again, c.net);
      assert.deepEqual(wiring(remade, await extrasOf(engine, remade)), expected.get(c.net), texts[i]);
      // Compose made it, and says so: the project and the network's key in the file.
      assert.equal(remade.labels['com.docker.compose.project'], PROJECT);
      assert.equal(remade.labels['com.docker.compose.network'], c.net);
      // the details, spelled out
      assert.deepEqual(remade.ipam.map((x) => [x.subnet, x.ipRange, x.gateway]), [[`${c.subnet}.0/24`, `${c.subnet}.128/25`, `${c.subnet}.1`]]);
      assert.equal(remade.internal, c.internal);
      assert.deepEqual(remade.attachments.map((a) => [a.name, a.ipv4]).sort(), c.members.map((m) => [m.name, `${m.ip}/24`]).sort());
      for (const m of c.members.filter((x) => x.port)) {
        const a = remade.attachments.find((x) => x.name === m.name)!;
        assert.deepEqual(publishedPorts(a), [{ hostIp: '127.0.0.1', hostPort: String(m.port), containerPort: '80', protocol: 'tcp' }]);
      }
    }

    await compose(files(), 'down', '--remove-orphans', '--timeout', '0');
    assert.equal((await takeSnapshot(engine)).networks.some((n) => n.name.startsWith('dn-cx-')), false, 'compose down removed the networks');
  });
});

// Copy as Compose, round trip through Docker Compose v2 (sid's plugin, scripts/compose.sh; DN_COMPOSE_CONFIG is its
// DOCKER_CONFIG): a wiring made by hand on the engine (a network with a fixed subnet, ip-range, gateway, labels and a
// driver option; containers on it with fixed addresses, aliases and a published port) is exported with the pure
// functions, removed, and the YAML applied with `docker compose -f FILE -p PROJECT up -d` (argv only). The engine's
// new picture must show the same wiring: network name (the export's `name:`, so Compose keeps it), settings, subnets,
// addresses, aliases, ports; Compose's own labels aside. Once for a network that reaches out, once for an internal one.
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

/** `docker compose -f FILE -p PROJECT …` against this engine, with the plugin's DOCKER_CONFIG: an argv, no shell. */
function compose(file: string, project: string, ...args: string[]) {
  return run('docker', ['compose', '-f', file, '-p', project, ...args], {
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
  before(async () => {
    engine = engineAt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'dn-cx-'));
    await removeNamed(docker, 'dn-cx-');
  });

  after(async () => {
    for (const c of CASES) await compose(path.join(dir, `${c.net}.yaml`), c.net, 'down', '--remove-orphans', '--timeout', '0').catch(() => undefined);
    await removeNamed(docker, 'dn-cx-');
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    // compose up and down on a busy machine take tens of seconds each: more than the engine level's default 120 s bound
    test(c.title, { timeout: 300_000 }, async () => {
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

      const before = await takeSnapshot(engine);
      const made = networkNamed(before, c.net);
      const beforeExtras = await extrasOf(engine, made);
      const expected = wiring(made, beforeExtras);
      const text = exportCompose(before, made, { define: true, extras: beforeExtras });
      const file = path.join(dir, `${c.net}.yaml`);
      writeFileSync(file, text);

      await removeNamed(docker, 'dn-cx-');
      assert.equal((await takeSnapshot(engine)).networks.some((n) => n.name === c.net), false);

      await compose(file, c.net, 'up', '-d').catch((e: unknown) => assert.fail(`compose up failed: ${String((e as { stderr?: string }).stderr ?? e)}\n${text}`));
      const again = await takeSnapshot(engine);
      const remade = networkNamed(again, c.net);
      assert.deepEqual(wiring(remade, await extrasOf(engine, remade)), expected, text);
      // Compose made it, and says so: the project and the network's key in the file.
      assert.equal(remade.labels['com.docker.compose.project'], c.net);
      assert.equal(remade.labels['com.docker.compose.network'], c.net);
      // the details, spelled out
      assert.deepEqual(remade.ipam.map((x) => [x.subnet, x.ipRange, x.gateway]), [[`${c.subnet}.0/24`, `${c.subnet}.128/25`, `${c.subnet}.1`]]);
      assert.equal(remade.internal, c.internal);
      assert.deepEqual(remade.attachments.map((a) => [a.name, a.ipv4]).sort(), c.members.map((m) => [m.name, `${m.ip}/24`]).sort());
      for (const m of c.members.filter((x) => x.port)) {
        const a = remade.attachments.find((x) => x.name === m.name)!;
        assert.deepEqual(publishedPorts(a), [{ hostIp: '127.0.0.1', hostPort: String(m.port), containerPort: '80', protocol: 'tcp' }]);
      }

      await compose(file, c.net, 'down', '--remove-orphans', '--timeout', '0');
      assert.equal((await takeSnapshot(engine)).networks.some((n) => n.name === c.net), false, 'compose down removed the network');
    });
  }
});

// The benchmark fixture: N bridge networks with explicit /24 subnets carved from 10.128.0.0/9, and M running
// busybox containers, each on 1 to 3 of them. Everything carries BENCH_LABEL and a `bench-` name, so it never
// touches what other tests on the shared private engine create (their labels, names and subnets differ).
//
//   fixture network i      bench-net-NNN   10.(128 + i/256).(i%256).0/24        label value "fixture"
//   fixture container j    bench-c-NNNN    first network j % N, then 0-2 more    label value "fixture"
//   aux networks           bench-events[-K] 10.254.K.0/24 (event → model)         label value "aux"
//                          bench-a-wb-K    10.253.K.0/24 (workbench; sorts first in the tree)
import type Dockerode from 'dockerode';
import { errorText, log, pool, progress } from './util';
import { seeded } from '../../test/support/seeded';

export const BENCH_LABEL = 'dev.dockernetworks.bench';
export const SIZE_LABEL = 'dev.dockernetworks.bench.size';
export const IMAGE = 'localbusybox:latest';
const CONCURRENCY = 8;

export interface FixturePlan {
  n: number;
  m: number;
  networks: { name: string; subnet: string; gateway: string }[];
  containers: { name: string; networks: string[] }[];
}

export function netName(i: number): string {
  return `bench-net-${String(i).padStart(3, '0')}`;
}

export function containerName(j: number): string {
  return `bench-c-${String(j).padStart(4, '0')}`;
}

/** The /24 number k of 10.128.0.0/9 (k < 32768): 10.(128 + k/256).(k%256).0/24. */
export function subnet24(k: number): { subnet: string; gateway: string } {
  if (k < 0 || k >= 128 * 256) throw new Error(`subnet index ${k} is outside 10.128.0.0/9`);
  const a = 128 + (k >> 8);
  const b = k & 255;
  return { subnet: `10.${a}.${b}.0/24`, gateway: `10.${a}.${b}.1` };
}

/** Aux subnets live at the top of the range (10.253/16, 10.254/16), far from the fixture's 10.128… */
export function eventsNet(k: number): { name: string; subnet: string; gateway: string } {
  return { name: k === 0 ? 'bench-events' : `bench-events-${k}`, ...subnet24((254 - 128) * 256 + k) };
}
export function workbenchNet(k: number): { name: string; subnet: string; gateway: string } {
  return { name: `bench-a-wb-${k}`, ...subnet24((253 - 128) * 256 + k) };
}

export function plan(n: number, m: number): FixturePlan {
  if (n > 250 * 100) throw new Error('too many networks for the bench range');
  const networks = Array.from({ length: n }, (_, i) => ({ name: netName(i), ...subnet24(i) }));
  const containers = Array.from({ length: m }, (_, j) => {
    const r = seeded(j + 1); // the same N × M always gives the same wiring
    const first = j % n; // round robin first: every network has at least one container when m ≥ n
    const want = 1 + Math.floor(r() * 3);
    const nets = [first];
    for (let tries = 0; nets.length < Math.min(want, n) && tries < 20; tries++) {
      const k = Math.floor(r() * n);
      if (!nets.includes(k)) nets.push(k);
    }
    return { name: containerName(j), networks: nets.map(netName) };
  });
  return { n, m, networks, containers };
}

function statusOf(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null ? (e as { statusCode?: number }).statusCode : undefined;
}

const labelFilter = (value?: string): string => JSON.stringify({ label: [value ? `${BENCH_LABEL}=${value}` : BENCH_LABEL] });

export interface FixtureReport {
  reused: boolean;
  createdNetworks: number;
  createdContainers: number;
  started: number;
  seconds: number;
}

/** Makes sure the fixture of size n × m exists and runs; reuses whatever is already right. */
export async function ensureFixture(docker: Dockerode, n: number, m: number): Promise<FixtureReport> {
  const t0 = Date.now();
  const p = plan(n, m);
  const size = `${n}x${m}`;
  const labels = { [BENCH_LABEL]: 'fixture', [SIZE_LABEL]: size };

  let nets = await docker.listNetworks({ filters: labelFilter('fixture') });
  const otherSize = nets.some((x) => x.Labels?.[SIZE_LABEL] !== size);
  let containers = await docker.listContainers({ all: true, filters: labelFilter('fixture') });
  if (otherSize || containers.some((c) => c.Labels?.[SIZE_LABEL] !== size)) {
    log(`an existing fixture of another size is present: removing it first`);
    await teardown(docker);
    nets = [];
    containers = [];
  }

  // networks
  const haveNet = new Set(nets.map((x) => x.Name));
  const missingNets = p.networks.filter((x) => !haveNet.has(x.name));
  if (missingNets.length) {
    log(`creating ${missingNets.length} networks (of ${n})`);
    const tick = progress('networks', missingNets.length);
    let done = 0;
    await pool(missingNets, CONCURRENCY, async (x) => {
      await docker.createNetwork({
        Name: x.name, Driver: 'bridge', CheckDuplicate: true, Labels: labels,
        IPAM: { Driver: 'default', Config: [{ Subnet: x.subnet, Gateway: x.gateway }] },
      });
      tick(++done);
    });
  }

  // containers: remove any whose wiring is wrong (an interrupted earlier run), create the missing ones
  const want = new Map(p.containers.map((c) => [c.name, c]));
  const good = new Set<string>();
  const notRunning: string[] = [];
  const broken: string[] = [];
  for (const c of containers) {
    const name = (c.Names[0] ?? '').replace(/^\//, '');
    const w = want.get(name);
    const onNets = Object.keys(c.NetworkSettings?.Networks ?? {}).sort();
    if (!w || onNets.join(',') !== [...w.networks].sort().join(',')) {
      broken.push(c.Id);
      continue;
    }
    good.add(name);
    if (c.State !== 'running') notRunning.push(c.Id);
  }
  if (broken.length) {
    log(`removing ${broken.length} containers left half-made by an earlier run`);
    await pool(broken, CONCURRENCY, async (id) => {
      try { await docker.getContainer(id).remove({ force: true }); } catch (e) { if (statusOf(e) !== 404) throw e; }
    });
  }
  const missing = p.containers.filter((c) => !good.has(c.name));
  if (missing.length) {
    log(`creating and starting ${missing.length} containers (of ${m}), ${CONCURRENCY} at a time`);
    const tick = progress('containers', missing.length);
    let done = 0;
    await pool(missing, CONCURRENCY, async (c) => {
      const [first, ...more] = c.networks;
      let created: Dockerode.Container;
      try {
        created = await docker.createContainer({
          name: c.name, Image: IMAGE, Cmd: ['sleep', '86400'], Labels: labels,
          HostConfig: { NetworkMode: first },
        });
      } catch (e) {
        throw new Error(`creating ${c.name}: ${errorText(e)}`);
      }
      for (const net of more) await docker.getNetwork(net).connect({ Container: created.id });
      await created.start();
      tick(++done);
    });
  }
  if (notRunning.length) {
    log(`starting ${notRunning.length} stopped fixture containers`);
    await pool(notRunning, CONCURRENCY, async (id) => {
      try { await docker.getContainer(id).start(); } catch (e) { if (statusOf(e) !== 304) throw e; }
    });
  }

  // check: counts by label, everything running
  const finalNets = await docker.listNetworks({ filters: labelFilter('fixture') });
  const finalContainers = await docker.listContainers({ all: true, filters: labelFilter('fixture') });
  const running = finalContainers.filter((c) => c.State === 'running').length;
  if (finalNets.length !== n || finalContainers.length !== m || running !== m) {
    throw new Error(`fixture incomplete: ${finalNets.length}/${n} networks, ${finalContainers.length}/${m} containers, ${running} running`);
  }
  const reused = missingNets.length === 0 && missing.length === 0 && notRunning.length === 0;
  return {
    reused, createdNetworks: missingNets.length, createdContainers: missing.length, started: notRunning.length,
    seconds: (Date.now() - t0) / 1000,
  };
}

/** Removes every container, then every network, carrying BENCH_LABEL (any value). */
export async function teardown(docker: Dockerode): Promise<{ containers: number; networks: number }> {
  const containers = await docker.listContainers({ all: true, filters: labelFilter() });
  if (containers.length) {
    log(`removing ${containers.length} containers labelled ${BENCH_LABEL}`);
    const tick = progress('removed containers', containers.length);
    let done = 0;
    await pool(containers, CONCURRENCY, async (c) => {
      try { await docker.getContainer(c.Id).remove({ force: true, v: true }); } catch (e) { if (statusOf(e) !== 404) throw e; }
      tick(++done);
    });
  }
  const nets = await docker.listNetworks({ filters: labelFilter() });
  if (nets.length) log(`removing ${nets.length} networks labelled ${BENCH_LABEL}`);
  await pool(nets, 4, async (x) => {
    try {
      await removeNetworkByName(docker, x.Name);
    } catch (e) {
      // Docker 20.10 can keep a stale endpoint after many concurrent connects/disconnects: only a dockerd restart
      // clears it. Say so and go on with the rest.
      log(`could not remove ${x.Name}: ${errorText(e)}`);
    }
  });
  return { containers: containers.length, networks: nets.length };
}

/** Creates (or recreates empty) an aux network; it carries the label so --teardown removes it too. */
export async function auxNetwork(docker: Dockerode, x: { name: string; subnet: string; gateway: string }): Promise<string> {
  await removeNetworkByName(docker, x.name);
  const net = await docker.createNetwork({
    Name: x.name, Driver: 'bridge', CheckDuplicate: true, Labels: { [BENCH_LABEL]: 'aux' },
    IPAM: { Driver: 'default', Config: [{ Subnet: x.subnet, Gateway: x.gateway }] },
  });
  return net.id;
}

/** Removes a bench network by name, disconnecting whatever is still on it first. */
export async function removeNetworkByName(docker: Dockerode, name: string): Promise<void> {
  if (!name.startsWith('bench-')) throw new Error(`refusing to remove ${name}: not a bench network`);
  let info: Dockerode.NetworkInspectInfo;
  try {
    info = await docker.getNetwork(name).inspect();
  } catch (e) {
    if (statusOf(e) === 404) return;
    throw e;
  }
  if (info.Labels?.[BENCH_LABEL] === undefined) throw new Error(`refusing to remove ${name}: it does not carry ${BENCH_LABEL}`);
  for (const id of Object.keys(info.Containers ?? {})) {
    await docker.getNetwork(info.Id).disconnect({ Container: id, Force: true }).catch(() => undefined);
  }
  // the engine may need a moment to let go of endpoints just disconnected
  for (let attempt = 1; ; attempt++) {
    try {
      await docker.getNetwork(info.Id).remove();
      return;
    } catch (e) {
      if (statusOf(e) === 404) return;
      if (attempt >= 5 || !/active endpoints/.test(errorText(e))) throw e;
      await new Promise((r) => setTimeout(r, 300 * attempt));
    }
  }
}

/** A fresh aux network for (d): the first bench-events[-K] that is absent or can be removed (see teardown). */
export async function freshEventsNetwork(docker: Dockerode): Promise<{ name: string; id: string }> {
  for (let k = 0; k < 64; k++) {
    const x = eventsNet(k);
    try {
      return { name: x.name, id: await auxNetwork(docker, x) };
    } catch (e) {
      log(`${x.name} is not usable (${errorText(e)}); trying the next name`);
    }
  }
  throw new Error('no usable bench-events network name');
}

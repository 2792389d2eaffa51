// (a) floor, (b) our snapshot, (c) the CLI's view, plus the request count and the heap a snapshot holds.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Engine } from '../../src/docker/client';
import { listRaw, takeSnapshot } from '../../src/docker/snapshot';
import { joinSnapshot } from '../../src/core/join';
import type { Snapshot } from '../../src/core/model';
import { startCountingProxy } from '../../test/support/countingProxy';
import { engineAt } from '../../test/engine/support';
import { floor, getJson } from './raw';
import { log, now, stats, type Stats } from './util';

const run = promisify(execFile);

export interface RefreshResult {
  floor: Stats;
  ours: Stats;
  /** dockerode's two calls without the join, and the join alone on the same data: where ours' time goes. */
  listRaw: Stats;
  join: Stats;
  requests: string[];
}

export interface CliResult {
  stats: Stats;
  reps: number;
  /** (network, container) pairs in the CLI's output, for a sanity check against ours */
  pairs: number;
  /** runs repeated because a network vanished between `ls` and `inspect` (other users' tests) */
  retries: number;
}

/**
 * (c) one run of `docker network inspect $(docker network ls -q)`, as two execFile calls (no shell). Other people's
 * tests remove networks on the shared engine: when one vanishes between the two calls the CLI fails (as the shell
 * line would), and the run is repeated rather than counted.
 */
async function cliOnce(dockerHost: string): Promise<{ ms: number; pairs: number; retries: number }> {
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  for (let retries = 0; ; retries++) {
    const t = now();
    const ids = (await run('docker', ['network', 'ls', '-q'], { env, maxBuffer: 64 << 20 })).stdout.split('\n').filter(Boolean);
    let out: string;
    try {
      out = (await run('docker', ['network', 'inspect', ...ids], { env, maxBuffer: 512 << 20 })).stdout;
    } catch (e) {
      const stderr = (e as { stderr?: string }).stderr ?? '';
      if (retries < 5 && /not found/i.test(stderr)) continue;
      throw new Error(`docker network inspect (${ids.length} ids) failed: ${stderr.trim().slice(0, 300)}`);
    }
    const ms = now() - t;
    const parsed = JSON.parse(out) as { Containers?: Record<string, unknown> | null }[];
    return { ms, pairs: parsed.reduce((s, n) => s + Object.keys(n.Containers ?? {}).length, 0), retries };
  }
}

/**
 * (a), (b) and (c), interleaved: every round runs the floor, our snapshot, dockerode's two calls without the join
 * and (in the first `cliReps` rounds, within `cliBudgetMs`) the CLI, in a random order, so that drift and other
 * users' load on the shared engine and machine hit all of them alike. Warm-up rounds are not counted.
 */
export async function refreshRounds(engine: Engine, socketPath: string, dockerHost: string, reps: number, cliReps: number, cliBudgetMs: number):
  Promise<{ refresh: RefreshResult; cli: CliResult }> {
  const proxy = await startCountingProxy(socketPath);
  let requests: string[];
  try {
    const viaProxy = engineAt(proxy.url);
    await takeSnapshot(viaProxy); // warm the proxy's connection path
    proxy.reset();
    await takeSnapshot(viaProxy);
    requests = [...proxy.requests];
  } finally {
    await proxy.close();
  }

  const warm = 5;
  log(`floor / ours / CLI: ${warm} warm-up rounds, then ${reps} measured rounds in random order (CLI in the first ${cliReps})`);
  const t: Record<'floor' | 'ours' | 'raw' | 'cli', number[]> = { floor: [], ours: [], raw: [], cli: [] };
  let pairs = 0;
  let retries = 0;
  let cliStart = 0;
  let cliStopped = false;
  for (let i = 0; i < warm + reps; i++) {
    const measured = i >= warm;
    const withCli = !cliStopped && (i === 0 || (measured && t.cli.length < cliReps));
    const order: (keyof typeof t)[] = ['floor', 'ours', 'raw', ...(withCli ? ['cli' as const] : [])];
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(Math.random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const what of order) {
      const t0 = now();
      if (what === 'floor') await floor(socketPath);
      else if (what === 'ours') await takeSnapshot(engine);
      else if (what === 'raw') await listRaw(engine);
      else {
        if (measured && t.cli.length === 0) cliStart = Date.now();
        const c = await cliOnce(dockerHost);
        pairs = c.pairs;
        retries += c.retries;
        if (measured) t.cli.push(c.ms);
        continue;
      }
      if (measured) t[what].push(now() - t0);
    }
    if (!cliStopped && cliStart && Date.now() - cliStart > cliBudgetMs && t.cli.length >= 5 && t.cli.length < cliReps) {
      cliStopped = true;
      log(`CLI: stopping after ${t.cli.length} runs (time budget ${cliBudgetMs / 1000} s)`);
    }
    if (measured && (i - warm + 1) % 10 === 0) log(`round ${i - warm + 1}/${reps}`);
  }
  // the join alone, on the data of one list
  const { networks, containers } = await listRaw(engine);
  const j: number[] = [];
  for (let i = 0; i < warm + reps; i++) {
    const t0 = now();
    joinSnapshot(networks, containers);
    const dt = now() - t0;
    if (i >= warm) j.push(dt);
  }
  return {
    refresh: { floor: stats(t.floor), ours: stats(t.ours), listRaw: stats(t.raw), join: stats(j), requests },
    cli: { stats: stats(t.cli), reps: t.cli.length, pairs, retries },
  };
}

type Gc = () => void;

/**
 * (f) heap held by one snapshot: heapUsed after full GCs, with and without one snapshot alive. The snapshot is held
 * in an object, not a local of this async function: a suspended async frame keeps the value of its last `await`
 * in a register, which would keep the previous round's snapshot alive into the next "before".
 */
export async function snapshotHeap(engine: Engine, rounds = 7): Promise<{ bytes: number; samples: number[] } | undefined> {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) return undefined;
  const full = (): void => { gc(); gc(); };
  const holder: { s?: Snapshot } = {};
  const load = async (): Promise<void> => { holder.s = await takeSnapshot(engine); };
  await load();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    holder.s = undefined;
    full();
    const before = process.memoryUsage().heapUsed;
    await load();
    full();
    samples.push(process.memoryUsage().heapUsed - before);
  }
  holder.s = undefined;
  samples.sort((a, b) => a - b);
  return { bytes: samples[samples.length >> 1], samples };
}

export interface CallCosts {
  networks: Stats;
  containers: Stats;
  containersBytes: number;
  oneContainer: Stats;
  oneNetwork: Stats;
}

/**
 * Where the floor's time goes, and what a targeted read would cost instead: each raw call alone (node http +
 * JSON.parse), `GET /containers/json?all=1&filters={"id":[one]}` and `GET /networks/{id}` — what an incremental
 * update after a connect/disconnect/create event would need instead of both full lists.
 */
export async function callCosts(socketPath: string, containerId: string, networkId: string, reps: number): Promise<CallCosts> {
  const oneC = `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ id: [containerId] }))}`;
  const t: Record<'networks' | 'containers' | 'oneContainer' | 'oneNetwork', number[]> = { networks: [], containers: [], oneContainer: [], oneNetwork: [] };
  const paths = { networks: '/networks', containers: '/containers/json?all=1', oneContainer: oneC, oneNetwork: `/networks/${networkId}` };
  for (let i = 0; i < reps + 3; i++) {
    for (const k of Object.keys(paths) as (keyof typeof paths)[]) {
      const t0 = now();
      await getJson(socketPath, paths[k]);
      if (i >= 3) t[k].push(now() - t0);
    }
  }
  const containersBytes = Buffer.byteLength(JSON.stringify(await getJson(socketPath, '/containers/json?all=1')));
  return { networks: stats(t.networks), containers: stats(t.containers), containersBytes, oneContainer: stats(t.oneContainer), oneNetwork: stats(t.oneNetwork) };
}

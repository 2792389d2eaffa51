// (e) Activation inside the real extension host (code-server's, through scripts/vscode/code-shim.sh), and the
// extension's own idle traffic. Not a mocha suite: the workbench calls run() and exits with its outcome.
// The user's path is reproduced: open the Docker Networks view container, which activates the extension with the
// view visible, so activate() starts the connection itself; the extension records performance.now() marks
// (activateStart, activateEnd, firstData) on the same clock as this module.
// Env: BENCH_OUT (result JSON file), DOCKER_HOST (the engine), BENCH_IDLE_MS (0: skip the idle count).
import * as vscode from 'vscode';
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { ExtensionApi } from '../../src/extension';
import { startCountingProxy, socketOf, type CountingProxy } from '../../test/support/countingProxy';
import { LiveModel } from '../../src/docker/live';
import { Connection } from '../../src/host/connection';
import { takeSnapshot } from '../../src/docker/snapshot';
import { engineAt } from '../../test/engine/support';
import { classify, stampRequests, type IdleWindow } from '../lib/idle';
import { settleMs, sleep } from '../lib/util';
import { relativeTo, traceHttp, type TracedRequest } from './httpTrace';

const EXTENSION_ID = 'docker-networks.docker-networks';

export interface HostBenchResult {
  activeBefore: boolean;
  /** performance.now() when this suite asked for the view */
  viewCommandAt: number;
  timings: ExtensionApi['timings'];
  startedManually: boolean;
  /** activateStart → firstData: what the user waits for */
  activationMs?: number;
  /** the extension host's CPU time from activateStart to firstData (ms, all its threads: ours, VS Code's, libuv's) */
  activationCpuMs?: number;
  /** activateStart → firstNetworks: the networks in the tree, before their containers */
  firstNetworksMs?: number;
  /** activateStart → activateEnd: activate() itself */
  activateCallMs?: number;
  /** view command → activateStart: VS Code loading our bundle (and its own work) */
  loadMs: number;
  /** the connection's state when ext.activate() resolved in this suite, and the transitions seen after that */
  stateAtActivateReturn: string;
  activateReturnedAt: number;
  transitions: { kind: string; at: number }[];
  /**
   * The same path replayed from this suite's own bundle (its own copy of dockerode and LiveModel, so its first run is
   * as cold as the extension's): new Engine + LiveModel.start() → first snapshot, first time and warm; and a warm
   * takeSnapshot() alone.
   */
  replica?: { coldMs: number; warmMs: number[]; warmSnapshotMs: number[]; connectionStartMs: number };
  /**
   * What else held the extension host's main thread between activate() entered and the first data: garbage-collection
   * pauses (PerformanceObserver 'gc', major = mark-compact) and the longest stall of a 1 ms timer (any work: ours,
   * VS Code's, GC).
   */
  mainThread?: { gcMs: number; gcPauses: number; majorGcMs: number; longestGcMs: number; longestStallMs: number };
  /** the HTTP requests from the view command to the first data (marks relative to activateStart) */
  requests?: TracedRequest[];
  treeRoots: number;
  benchNetworksInTree: number;
  /** the extension-host side of one tree refresh: getChildren() of the root + getTreeItem() of every root (ms, 7 runs) */
  treeItemsMs: number[];
  idle?: (IdleWindow & { attempts: number; switchedTo: string }) | { error: string };
  settleMs: number;
  error?: string;
}

function labelOf(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

async function waitFor<T>(probe: () => T | undefined | false, ms: number): Promise<T | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) return undefined;
    await sleep(5);
  }
}

async function idleCount(api: ExtensionApi, windowMs: number, attempts = 3): Promise<HostBenchResult['idle']> {
  let proxy: CountingProxy | undefined;
  const config = vscode.workspace.getConfiguration('dockerNetworks');
  try {
    proxy = await startCountingProxy(socketOf(process.env.DOCKER_HOST));
    const p = proxy;
    const clock = (): number => performance.now();
    const requestTimes = stampRequests(p, clock);
    // Point the running extension at the proxy the way a user would: the endpoint setting.
    await config.update('host', p.url, vscode.ConfigurationTarget.Global);
    const connected = await waitFor(() => p.requests.some((r) => r.includes('/containers/json')) && api.connection.state.kind === 'connected', 10000);
    if (!connected) return { error: `the extension did not reconnect through the proxy (requests: ${p.requests.join(', ') || 'none'})` };
    await sleep(1000);
    const eventTimes: number[] = [];
    const sub = api.connection.model?.onEvent(() => eventTimes.push(clock()));
    let best: IdleWindow & { attempts: number; switchedTo: string } | undefined;
    for (let a = 1; a <= attempts; a++) {
      p.reset();
      requestTimes.length = 0;
      eventTimes.length = 0;
      await sleep(windowMs);
      const w = { ...classify(windowMs, [...p.requests], [...requestTimes], [...eventTimes]), attempts: a, switchedTo: p.url };
      if (!best || w.events < best.events) best = w;
      if (w.events === 0) break;
    }
    sub?.dispose();
    return best;
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    await config.update('host', undefined, vscode.ConfigurationTarget.Global).then(undefined, () => undefined);
    await proxy?.close();
  }
}

/**
 * What activation would cost if activate() called connection.start() itself instead of waiting for the view's
 * visibility event: a new Connection (the suite's own copy of src/host/connection.ts, so as cold as the extension's
 * was) → start() → first `connected`.
 */
async function connectionStart(): Promise<number> {
  const t0 = performance.now();
  const c = new Connection();
  try {
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('replica connection: no data within 20 s')), 20000);
      c.onDidChange((st) => {
        if (st.kind !== 'connected') return;
        clearTimeout(timer);
        resolve(performance.now());
      });
    });
    c.start();
    return (await done) - t0;
  } finally {
    c.dispose();
  }
}

async function replica(): Promise<HostBenchResult['replica']> {
  const host = process.env.DOCKER_HOST;
  const connectionStartMs = await connectionStart(); // first: the coldest
  const once = async (): Promise<number> => {
    const t0 = performance.now();
    const model = new LiveModel(engineAt(host));
    const first = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('replica: no snapshot within 20 s')), 20000);
      model.onDidChange((st) => {
        if (st.kind !== 'connected') return;
        clearTimeout(timer);
        resolve(performance.now());
      });
    });
    model.start();
    try {
      return (await first) - t0;
    } finally {
      model.dispose();
    }
  };
  const coldMs = await once();
  const warmMs: number[] = [];
  for (let i = 0; i < 5; i++) warmMs.push(await once());
  const engine = engineAt(host);
  const warmSnapshotMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await takeSnapshot(engine);
    warmSnapshotMs.push(performance.now() - t0);
  }
  return { coldMs, warmMs, warmSnapshotMs, connectionStartMs };
}

/**
 * A CPU profile of this extension host's main thread (where the extension runs) from the view command to the first
 * data, when BENCH_HOST_PROFILE names a file (sampled every BENCH_HOST_PROFILE_US µs, 500 by default):
 * `node bench/profile-summary.mjs <file>` says where the time went.
 */
async function startProfile(): Promise<() => Promise<object>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> => new Promise((resolve, reject) =>
    session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_HOST_PROFILE_US ?? '500') });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop') as { profile: object };
    session.disconnect();
    return profile;
  };
}

/** Records GC pauses and timer stalls from now; stop() sums those inside [from, to]. */
function watchMainThread(): { stop(from: number, to: number | undefined): HostBenchResult['mainThread'] } {
  const gcs: { start: number; ms: number; major: boolean }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, major: (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR });
  });
  obs.observe({ entryTypes: ['gc'] });
  const stalls: { start: number; ms: number }[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    stalls.push({ start: last, ms: now - last });
    last = now;
  }, 1);
  return {
    stop(from, to) {
      clearInterval(ticker);
      obs.disconnect();
      if (to === undefined) return undefined;
      const inside = <T extends { start: number }>(xs: T[]): T[] => xs.filter((x) => x.start >= from && x.start < to);
      const g = inside(gcs);
      return {
        gcMs: g.reduce((a, x) => a + x.ms, 0),
        gcPauses: g.length,
        majorGcMs: g.filter((x) => x.major).reduce((a, x) => a + x.ms, 0),
        longestGcMs: Math.max(0, ...g.map((x) => x.ms)),
        longestStallMs: Math.max(0, ...inside(stalls).map((x) => x.ms)),
      };
    },
  };
}

export async function run(): Promise<void> {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not in this extension host`);
  const activeBefore = ext.isActive;
  // let the workbench finish starting (built-in extensions activating) before the user "clicks" the icon
  const settle = settleMs();
  await sleep(settle);
  const profile = process.env.BENCH_HOST_PROFILE ? await startProfile() : undefined;
  const watcher = watchMainThread();
  const trace = traceHttp();
  const viewCommandAt = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.dockerNetworks');
  const api = await ext.activate();
  const activateReturnedAt = performance.now();
  const stateAtActivateReturn = api.connection.state.kind;
  const transitions: { kind: string; at: number }[] = [];
  const watch = api.connection.onDidChange((st) => transitions.push({ kind: st.kind, at: performance.now() }));
  let startedManually = false;
  if (!(await waitFor(() => api.timings.firstData, 5000))) {
    // the view did not start the connection (not visible?): start it, and say so in the result
    startedManually = true;
    api.connection.start();
    await waitFor(() => api.timings.firstData, 20000);
  }
  watch.dispose();
  trace.stop();
  const mainThread = watcher.stop(api.timings.activateStart, api.timings.firstData);
  if (profile && process.env.BENCH_HOST_PROFILE) writeFileSync(process.env.BENCH_HOST_PROFILE, JSON.stringify(await profile()));
  const t = api.timings;
  const roots = api.tree.getChildren();
  const treeItemsMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    for (const n of api.tree.getChildren()) api.tree.getTreeItem(n);
    treeItemsMs.push(performance.now() - t0);
  }
  const result: HostBenchResult = {
    treeItemsMs,
    mainThread,
    requests: relativeTo(trace.requests, api.timings.activateStart),
    activeBefore, settleMs: settle, viewCommandAt, timings: { ...t }, startedManually, stateAtActivateReturn, activateReturnedAt, transitions,
    activationMs: t.firstData !== undefined ? t.firstData - t.activateStart : undefined,
    activationCpuMs: t.firstDataCpuUs !== undefined ? (t.firstDataCpuUs - t.activateCpuUs) / 1000 : undefined,
    firstNetworksMs: t.firstNetworks !== undefined ? t.firstNetworks - t.activateStart : undefined,
    activateCallMs: t.activateEnd !== undefined ? t.activateEnd - t.activateStart : undefined,
    loadMs: t.activateStart - viewCommandAt,
    treeRoots: roots.length,
    benchNetworksInTree: roots.filter((n) => labelOf(api.tree.getTreeItem(n)).startsWith('bench-net-')).length,
  };
  if (t.firstData === undefined) result.error = `no first data (state ${api.connection.state.kind})`;
  result.replica = await replica();
  const idleMs = Number(process.env.BENCH_IDLE_MS ?? '0');
  if (idleMs > 0 && !result.error) result.idle = await idleCount(api, idleMs);
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`[bench-host] activation ${result.activationMs?.toFixed(1)} ms (activate() ${result.activateCallMs?.toFixed(1)} ms), ` +
    `${result.treeRoots} roots, ${result.benchNetworksInTree} bench networks`);
}

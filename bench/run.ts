// `npm run bench` (scripts/bench.sh builds this to out/bench/run.js and runs it with --expose-gc).
//   --quick             50 networks × 200 containers instead of 300 × 1000
//   --teardown          remove everything labelled dev.dockernetworks.bench, then exit
//   --render            only bench/RESULTS.md again, from bench/results/*.json
//   --fixture-only      make (or reuse) the fixture, then exit
//   --reps N            repetitions of (a) and (b) (default 20) ; --cli-reps N (default 20, time-boxed)
//   --skip-host --skip-workbench --skip-sizes --skip-events --skip-idle --skip-topology
//   --debounce-ms X --max-wait-ms Y --settle-ms Z   LiveModel options for (d) (default: LiveModel's own)
//   --pause-ms P        pause between one-at-a-time changes in (d) (default 500)
//   --parallel-bursts   also the bursts made of 100 concurrent calls (see lib/live.ts for why not by default)
//   --idle-s S          idle window of (h) and of the extension host (default 20)
//   --host-reps N       fresh extension hosts for (e), each after a cold floor and a fresh host running the floor
//                       extension (default 5; the first also counts idle)
//   --n N --m M         another fixture size
// Writes bench/RESULTS.md (and out/bench/results.json) and prints a summary; both end with the machine-readable lines.
import Dockerode from 'dockerode';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { takeSnapshot } from '../src/docker/snapshot';
import { engineAt } from '../test/engine/support';
import { socketOf } from '../test/support/countingProxy';
import { ensureFixture, freshEventsNetwork, containerName, plan, removeNetworkByName, teardown, type FixtureReport } from './lib/fixture';
import { callCosts, refreshRounds, snapshotHeap, type CallCosts, type CliResult, type RefreshResult } from './lib/refresh';
import { eventToModel, idleCalls, scopedEngine, type EventsResult, type IdleResult } from './lib/live';
import { EXPLAIN_MS, type IdleWindow } from './lib/idle';
import { LiveModel, type LiveOptions } from '../src/docker/live';
import { hostActivation, hostFloor } from './lib/host';
import type { TracedRequest } from './host/httpTrace';
import { coldFloorMs } from './lib/coldFloor';
import type { HostBenchResult } from './host/index';
import { workbenchLatency, type WorkbenchResult } from './lib/workbench';
import { launchChromium, topologyRender, type TopologyBenchResult } from './lib/topology';
import { errorText, log, median, ms, type Stats } from './lib/util';
import { watchEngine } from './lib/raw';

const ROOT = path.resolve(__dirname, '..', '..');
/** The packaged extension, unpacked by scripts/bench.sh: the host run loads exactly what ships. */
const VSIX_DIR = path.join(ROOT, 'out', 'bench', 'vsix');
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const argv = process.argv.slice(2);
const flag = (f: string): boolean => argv.includes(f);
const opt = (f: string, d: number): number => {
  const i = argv.indexOf(f);
  if (i < 0) return d;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${f} needs a number`);
  return v;
};

interface Results {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; memGiB: number; node: string; loadStart?: number; loadEnd?: number };
  engine?: { version: string; api: string };
  n: number;
  m: number;
  fixture?: FixtureReport;
  snapshotShape?: { networks: number; containers: number; benchAttachments: number; plannedAttachments: number };
  refresh?: RefreshResult;
  cli?: CliResult;
  costs?: CallCosts;
  heap?: { bytes: number; samples: number[] };
  events?: EventsResult;
  idle?: IdleResult;
  sizes?: { bundle: number; vsix: number; vsixName: string };
  /** the first of the (e) runs, in full (idle count, main-thread figures, replica) */
  host?: HostBenchResult;
  /** every (e) run: a fresh extension host each, right after the cold floor measured from a fresh node process */
  hostRuns?: { activationMs?: number; firstNetworksMs?: number; coldFloorMs?: number; hostFloorMs?: number; activationCpuMs?: number; hostFloorCpuMs?: number; list?: ListTimes; floorList?: ListTimes }[];
  workbench?: WorkbenchResult;
  /** (i) the topology map's first render (issue 6), bench/lib/topology.ts */
  topology?: TopologyBenchResult;
  errors: Record<string, string>;
}

async function step<T>(r: Results, name: string, fn: () => Promise<T>): Promise<T | undefined> {
  log(`— ${name}`);
  try {
    return await fn();
  } catch (e) {
    r.errors[name] = errorText(e).slice(0, 500);
    log(`${name} FAILED: ${errorText(e)}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  if (flag('--render')) {
    writeResults();
    return 0;
  }
  const dockerHost = process.env.DOCKER_HOST;
  if (!dockerHost) throw new Error('DOCKER_HOST is not set (scripts/bench.sh starts the private engine)');
  const socket = socketOf(dockerHost);
  const docker = new Dockerode({ socketPath: socket });

  if (flag('--teardown')) {
    const t = Date.now();
    const r = await teardown(docker);
    log(`teardown: removed ${r.containers} containers and ${r.networks} networks in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return 0;
  }

  const quick = flag('--quick');
  const n = opt('--n', quick ? 50 : 300);
  const m = opt('--m', quick ? 200 : 1000);
  const reps = Math.max(opt('--reps', 20), 1);
  const idleMs = opt('--idle-s', 20) * 1000;
  const r: Results = {
    date: new Date().toISOString(),
    command: argv.length ? `npm run bench -- ${argv.join(' ')}` : 'npm run bench',
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '?', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadStart: os.loadavg()[0] },
    n, m, errors: {},
  };
  const v = await docker.version();
  r.engine = { version: v.Version, api: v.ApiVersion };
  log(`engine ${v.Version} (API ${v.ApiVersion}) at ${dockerHost}; fixture ${n} networks × ${m} containers`);

  r.fixture = await ensureFixture(docker, n, m);
  const watcher = watchEngine(socket);
  log(r.fixture.reused ? 'fixture: reused' : `fixture: made in ${r.fixture.seconds.toFixed(1)} s`);
  if (flag('--fixture-only')) return 0;

  const engine = engineAt(dockerHost, 60_000);
  // sanity: the snapshot shows the whole fixture, wired as planned
  const s = await takeSnapshot(engine);
  const benchAttachments = s.networks.filter((x) => x.name.startsWith('bench-net-')).reduce((a, x) => a + x.attachments.length, 0);
  const plannedAttachments = plan(n, m).containers.reduce((a, c) => a + c.networks.length, 0);
  r.snapshotShape = { networks: s.networks.length, containers: s.containers.length, benchAttachments, plannedAttachments };
  if (benchAttachments !== plannedAttachments) r.errors.fixture = `snapshot shows ${benchAttachments} bench attachments, planned ${plannedAttachments}`;

  const rounds = await step(r, '(a)(b)(c) floor, ours, CLI', () => refreshRounds(engine, socket, dockerHost, reps, opt('--cli-reps', 20), quick ? 120_000 : 300_000));
  r.refresh = rounds?.refresh;
  r.cli = rounds?.cli;
  r.costs = await step(r, 'call costs', async () => {
    const c = s.containers.find((x) => (x.Names[0] ?? '') === `/${containerName(0)}`);
    const nw = s.networks.find((x) => x.name === 'bench-net-000');
    if (!c || !nw) throw new Error('fixture objects not found');
    return callCosts(socket, c.Id, nw.id, reps);
  });
  r.heap = await step(r, '(f) snapshot heap', async () => {
    const h = await snapshotHeap(engine);
    if (!h) throw new Error('global.gc is missing: run node with --expose-gc');
    return h;
  });

  if (!flag('--skip-events')) {
    r.events = await step(r, '(d) event → model', async () => {
      const net = await freshEventsNetwork(docker);
      try {
        const byName = new Map((await docker.listContainers({ all: true, filters: JSON.stringify({ label: ['dev.dockernetworks.bench=fixture'] }) }))
          .map((c) => [(c.Names[0] ?? '').replace(/^\//, ''), c.Id]));
        const ids = Array.from({ length: Math.min(100, m) }, (_, j) => byName.get(containerName(j)) ?? '');
        if (ids.some((x) => !x)) throw new Error('fixture containers are missing');
        // LiveModel's own defaults unless overridden on the command line
        const options: LiveOptions = {};
        if (argv.includes('--debounce-ms')) options.debounceMs = opt('--debounce-ms', 0);
        if (argv.includes('--max-wait-ms')) options.maxWaitMs = opt('--max-wait-ms', 0);
        if (argv.includes('--settle-ms')) options.settleMs = opt('--settle-ms', 0);
        // (d) sees only the bench network's events unless --events-unscoped (see scopedEngine)
        const evEngine = flag('--events-unscoped') ? engine : scopedEngine(socket, engine.resolved, net.name, 60_000);
        const res = await eventToModel(new LiveModel(evEngine, options), 'LiveModel', docker, net, ids, options, opt('--pause-ms', 500), flag('--parallel-bursts'));
        return { ...res, scoped: !flag('--events-unscoped') };
      } finally {
        await removeNetworkByName(docker, net.name).catch((e: unknown) => log(`cleanup ${net.name}: ${errorText(e)}`));
      }
    });
  }
  if (!flag('--skip-idle')) r.idle = await step(r, '(h) idle calls', () => idleCalls(socket, idleMs));

  if (!flag('--skip-sizes')) {
    r.sizes = await step(r, '(f) sizes', async () => {
      // scripts/bench.sh ran `npm run package` (node esbuild.mjs --production + vsce) and copied the .vsix to out/bench
      // and unpacked it to out/bench/vsix: the bundle measured is the one in the package, whatever dist/ holds by now.
      const vsixName = `docker-networks-${version}.vsix`;
      const bundle = path.join(VSIX_DIR, 'extension', 'dist', 'extension.js');
      return { bundle: statSync(bundle).size, vsix: statSync(path.join(ROOT, 'out', 'bench', vsixName)).size, vsixName };
    });
  }
  if (!flag('--skip-host')) {
    // One activation is one sample of an engine whose first answer varies by tens of milliseconds: the figure is the
    // median of several fresh extension hosts, each beside the floor a fresh process meets at that moment.
    const hostReps = Math.max(opt('--host-reps', 5), 1);
    await step(r, `(e) activation in the extension host (${hostReps} fresh hosts)`, async () => {
      const runs: NonNullable<Results['hostRuns']> = [];
      for (let i = 0; i < hostReps; i++) {
        const cold = await coldFloorMs(socket).catch((e: unknown) => { log(`cold floor failed: ${errorText(e)}`); return undefined; });
        const inHost = await hostFloor(ROOT, dockerHost).catch((e: unknown) => { log(`floor extension failed: ${errorText(e)}`); return undefined; });
        const h = await hostActivation(ROOT, path.join(VSIX_DIR, 'extension'), dockerHost, i === 0 ? idleMs : 0);
        if (i === 0) r.host = h;
        runs.push({ activationMs: h.activationMs, firstNetworksMs: h.firstNetworksMs, coldFloorMs: cold, hostFloorMs: inHost?.floorMs, activationCpuMs: h.activationCpuMs, hostFloorCpuMs: inHost?.floorCpuMs, list: listTimesOf(h.requests), floorList: listTimesOf(inHost?.requests) });
        log(`(e) run ${i + 1}: activation → networks ${ms(h.firstNetworksMs ?? NaN)} ms, → containers ${ms(h.activationMs ?? NaN)} ms; cold floor ${ms(cold ?? NaN)} ms; floor extension ${ms(inHost?.floorMs ?? NaN)} ms`);
        log(`(e) run ${i + 1}: container list (sent → headers → end, ms after activate()): ours ${listText(runs[i].list)} · floor extension ${listText(runs[i].floorList)}`);
      }
      r.hostRuns = runs;
    });
  }
  if (!flag('--skip-workbench')) {
    r.workbench = await step(r, '(g) workbench', () => {
      const vsix = path.join(ROOT, 'out', 'bench', `docker-networks-${version}.vsix`);
      return workbenchLatency(ROOT, vsix, dockerHost, docker, 10, containerName(0));
    });
  }
  if (!flag('--skip-topology')) {
    // the map's webview as packaged (production build), fed the fixture's snapshot taken above
    const packed = path.join(VSIX_DIR, 'extension', 'dist', 'webview');
    const webviewDir = existsSync(path.join(packed, 'topology.js')) ? packed : path.join(ROOT, 'dist', 'webview');
    r.topology = await step(r, '(i) topology map', () => topologyRender({ root: ROOT, webviewDir, snapshot: s, n, m, reps: 5 }, launchChromium));
  }

  watcher.stop();
  r.machine.loadEnd = os.loadavg()[0];
  if (watcher.lostAt.length) r.errors.engine = `the engine went away during the run at ${watcher.lostAt[0].toISOString()} (another test run restarted it?): figures taken after that are suspect`;
  mkdirSync(path.join(ROOT, 'out', 'bench'), { recursive: true });
  writeFileSync(path.join(ROOT, 'out', 'bench', 'results.json'), JSON.stringify(r, null, 2));
  // Each engine's run is kept (bench/results/); RESULTS.md shows every engine run so far, newest engine first.
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `docker-${engineKey(r)}.json`), `${JSON.stringify(r, null, 2)}\n`);
  writeResults();
  process.stdout.write(`\n${report(r).summary}`);
  return Object.keys(r.errors).length ? 1 : 0;
}

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

/** bench/RESULTS.md from every engine's latest results in bench/results/ (`--render` does only this). */
function writeResults(): void {
  const resultsDir = RESULTS_DIR;
  const all = readdirSync(resultsDir).filter((f) => /^docker-[\d.]+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8')) as Results)
    .sort((x, y) => Number(engineKey(y)) - Number(engineKey(x)));
  const reports = all.map((x) => ({ r: x, ...report(x) }));
  const markdown = [
    '# Benchmark results', '',
    `One section per engine (\`npm run bench\` runs each; the same fixture shape). Each section's raw figures: bench/results/docker-<engine>.json.`, '',
    ...reports.map((x) => x.markdown),
    '## Machine-readable', '',
    ...reports.map((x) => x.lines(engineKey(x.r) === NEWEST_ENGINE ? '' : ` (${engineKey(x.r)})`).join('\n')),
    '',
  ].join('\n');
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), markdown);
}

// ---------------------------------------------------------------------------------------------------- report

const ok = (pass: boolean | undefined): string => (pass === undefined ? '—' : pass ? '✅' : '❌ miss');
const st = (x: Stats | undefined, d = 1): string => (x ? `median ${ms(x.median, d)} · p95 ${ms(x.p95, d)} ms (n=${x.n})` : 'n/a');
const num = (x: number | undefined, d: number): string => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));
const patchesText = (p: number | undefined): string => (p === undefined ? '' : ` (full snapshots) + ${p} targeted patches`);
const kib = (b: number | undefined): string => (b === undefined ? 'n/a' : `${b.toLocaleString('en-US')} B (${(b / 1024).toFixed(0)} KiB)`);

/** The engine the machine-readable lines name without a suffix; the others get ` (<engine>)`. */
const NEWEST_ENGINE = '28';

/** `28` for Docker 28.x, `20.10` for 20.10.x (the two engines the bench runs on). */
function engineKey(r: Results): string {
  const [major, minor] = (r.engine?.version ?? '0.0').split('.');
  return Number(major) < 23 ? `${major}.${minor}` : major;
}

function report(r: Results): { markdown: string; summary: string; lines: (suffix: string) => string[] } {
  const f = r.refresh;
  const oursFloor = f ? f.ours.median / f.floor.median : undefined;
  const cliOurs = f && r.cli ? r.cli.stats.median / f.ours.median : undefined;
  const ev = r.events;
  const eventP95 = ev?.all.p95;
  const burstRebuilds = ev?.bursts.length ? Math.max(...ev.bursts.map((b) => b.rebuilds)) : undefined;
  const burstConverged = ev?.bursts.length ? Math.max(...ev.bursts.map((b) => b.convergedMs)) : undefined;
  // (e): the median over the fresh hosts (older results have one run: r.host alone)
  const runs = r.hostRuns ?? (r.host ? [{ activationMs: r.host.activationMs, firstNetworksMs: r.host.firstNetworksMs }] : []);
  const defined = (xs: (number | undefined)[]): number[] => xs.filter((x): x is number => x !== undefined);
  const medianOf = (xs: (number | undefined)[]): number | undefined => {
    const d = defined(xs);
    return d.length ? median(d) : undefined;
  };
  const act = medianOf(runs.map((x) => x.activationMs));
  const firstNetworks = medianOf(runs.map((x) => x.firstNetworksMs));
  const coldFloor = medianOf(runs.map((x) => x.coldFloorMs));
  const hostFloorMedian = medianOf(runs.map((x) => x.hostFloorMs));
  const actCpu = medianOf(runs.map((x) => x.activationCpuMs));
  const hostFloorCpu = medianOf(runs.map((x) => x.hostFloorCpuMs));
  const firstContainersFloor = act !== undefined && f ? act / f.floor.median : undefined;
  const idles = defined([r.idle?.perMinute, r.host?.idle && 'perMinute' in r.host.idle ? r.host.idle.perMinute : undefined]);
  const idle = idles.length ? Math.max(...idles) : undefined;
  const hostIdle = r.host?.idle;

  const rows: string[][] = [];
  const row = (...c: string[]): void => void rows.push(c);
  row('(a) floor: `GET /networks` + `GET /containers/json?all=1` with node `http` + `JSON.parse`', st(f?.floor, 2), '', '');
  row('(b) ours: `takeSnapshot()` (dockerode, 2 calls + join)', st(f?.ours, 2), '', '');
  row('**ours / floor** (medians)', num(oursFloor, 2), '≤ 1.2', ok(oursFloor === undefined ? undefined : oursFloor <= 1.2));
  row('— of which dockerode\'s 2 calls alone (`listRaw`)', st(f?.listRaw, 2), '', '');
  row('— of which the join alone (`joinSnapshot`, same data)', st(f?.join, 2), '', '');
  if (r.costs) {
    const c = r.costs;
    row('— the floor\'s two calls alone: `GET /networks` · `GET /containers/json?all=1`', `median ${ms(c.networks.median, 2)} ms · median ${ms(c.containers.median, 2)} ms (${kib(c.containersBytes)} of JSON)`, '', '');
    row('— targeted reads, for comparison: one container (`/containers/json?all=1&filters={"id":[…]}`) · one network (`/networks/{id}`)', `median ${ms(c.oneContainer.median, 2)} ms · median ${ms(c.oneNetwork.median, 2)} ms`, '', '');
  }
  row('requests per snapshot (counting proxy)', f ? `${f.requests.length}: ${f.requests.map((x) => `\`${x}\``).join(', ')}` : 'n/a', '2', ok(f ? f.requests.length === 2 : undefined));
  row(`(c) CLI: \`docker network inspect $(docker network ls -q)\`${r.cli && r.cli.reps < 20 ? ` — only ${r.cli.reps} runs (time box)` : ''}${r.cli?.retries ? ` (${r.cli.retries} runs repeated: a network vanished between ls and inspect)` : ''}`, st(r.cli?.stats, 0), '', '');
  row('**CLI / ours** (medians)', num(cliOurs, 2), '≥ 15', ok(cliOurs === undefined ? undefined : cliOurs >= 15));
  row('— CLI / floor: the most any client of this engine could show', num(f && r.cli ? r.cli.stats.median / f.floor.median : undefined, 2), '', '');
  const eventRows = (e: EventsResult, tag: string, judge: boolean): void => {
    const given = Object.entries(e.options).map(([k, v]) => `${k} ${String(v)}`).join(', ');
    const o = `${given ? `LiveModel with ${given}` : 'LiveModel\'s defaults'}; ${e.scoped ? 'events of the bench network only' : 'all engine events, other users\' included'}`;
    row(`(d)${tag} event → model, connect one at a time (${o}; ${e.pauseMs} ms pause between changes)`, `p50 ${ms(e.connect.median)} · p95 ${ms(e.connect.p95)} ms (n=${e.connect.n})`, '', '');
    row(`(d)${tag} event → model, disconnect one at a time`, `p50 ${ms(e.disconnect.median)} · p95 ${ms(e.disconnect.p95)} ms (n=${e.disconnect.n})`, '', '');
    row(`${judge ? '**' : ''}(d)${tag} event → model, all ${e.changes} changes${judge ? '**' : ''}`, `p50 ${ms(e.all.median)} · **p95 ${ms(e.all.p95)} ms** · max ${ms(e.all.max)} ms`, 'p95 ≤ 50 ms', ok(e.all.p95 <= 50));
    row(`— API reply → engine event in our listener`, `p50 ${ms(e.eventLag.median)} · p95 ${ms(e.eventLag.p95)} ms`, '', '');
    row(`— engine event → first snapshot showing it (wait + rebuild)`, `p50 ${ms(e.eventToSnapshot.median)} · p95 ${ms(e.eventToSnapshot.p95)} ms`, '', '');
    row(`(d)${tag} rebuilds for those ${e.changes} changes`, `${e.rebuilds}${patchesText(e.patches)}${e.rechecks !== undefined ? ` (of which ${e.rechecks} re-checks: the lists lagged the event)` : ''}${e.foreignEvents ? ` (${e.foreignEvents} engine events from other users meanwhile)` : ''}`, '', '');
    for (const b of e.bursts) {
      row(`(d)${tag} burst: ${b.label} (took ${ms(b.spanMs, 0)} ms)`, `**${b.rebuilds} rebuilds**${patchesText(b.patches)}, converged ${ms(b.convergedMs, 0)} ms after the last reply${b.foreignEvents ? ` (${b.foreignEvents} foreign events)` : ''}`,
        '≤ 5 rebuilds, ≤ 500 ms', ok(b.rebuilds <= 5 && b.convergedMs <= 500));
    }
  };
  if (ev) eventRows(ev, '', true);
  else row('(d) event → model', r.errors['(d) event → model'] ?? 'skipped', '', '');
  if (r.host) {
    const h = r.host;
    const each = (pick: (x: (typeof runs)[number]) => number | undefined): string => runs.map((x) => ms(pick(x) ?? NaN, 0)).join(', ');
    const over = `median of ${runs.length} fresh extension host${runs.length === 1 ? '' : 's'}`;
    row(`**(e) activation → networks in the tree** (\`activate()\` entered → the network list in the view's model, before the containers; ${over})`, `**${num(firstNetworks, 1)} ms** (${each((x) => x.firstNetworksMs)})`, '≤ 150 ms', ok(firstNetworks === undefined ? undefined : firstNetworks <= 150));
    row(`**(e) activation → containers under them** (→ first full snapshot in the tree; ${over}), and that / the floor (a)`, `**${num(act, 1)} ms** (${each((x) => x.activationMs)}), ${num(firstContainersFloor, 2)} × the floor${h.startedManually ? ' (view did not start it: started by the bench)' : ''}`, '≤ 1.3 × floor', ok(firstContainersFloor === undefined ? undefined : firstContainersFloor <= 1.3));
    if (coldFloor !== undefined) {
      row('— the floor\'s two calls from a fresh node process just before each host (its first request, cold code: bench/lib/coldFloor.ts), and activation / that', `median ${ms(coldFloor)} ms (${each((x) => x.coldFloorMs)}); activation / cold floor ${num(act !== undefined ? act / coldFloor : undefined, 2)}`, '', '');
    }
    if (hostFloorMedian !== undefined) {
      row('— the floor\'s two calls made at `activate()` by an extension that does nothing else, opened the same way in a fresh extension host just before each of ours (bench/host/floor/), and activation / that', `median ${ms(hostFloorMedian)} ms (${each((x) => x.hostFloorMs)}); activation / floor in the host ${num(act !== undefined ? act / hostFloorMedian : undefined, 2)}`, '', '');
    }
    if (actCpu !== undefined && hostFloorCpu !== undefined) {
      // CPU time is what the extension host itself spent, whatever else held the cores: steadier than wall time on a
      // loaded machine, and the difference between the two hosts is our own work (the same VS Code runs in both).
      row('— the extension host\'s CPU time from `activate()` entered to the first data (`process.cpuUsage()`, all its threads): ours · the floor extension\'s', `median ${ms(actCpu)} ms (${each((x) => x.activationCpuMs)}) · median ${ms(hostFloorCpu)} ms (${each((x) => x.hostFloorCpuMs)})`, '', '');
    }
    const lists = runs.filter((x) => x.list?.headers !== undefined && x.floorList?.headers !== undefined);
    if (lists.length > 0) {
      // The engine writes the list's headers once the list is built: request sent → headers is the engine's own time
      // to answer, as each extension host met it; end → first data is what the extension did with the answer.
      const engineTime = (t: ListTimes | undefined): number | undefined => (t?.headers !== undefined ? t.headers - t.sent : undefined);
      const after = runs.map((x) => (x.list?.end !== undefined && x.activationMs !== undefined ? x.activationMs - x.list.end : undefined));
      row('— the full container list in each host (http diagnostics channels): request sent → the engine\'s answer begins, ours · the floor extension\'s; then our answer received → first data (parse, join, model)', `median ${ms(medianOf(lists.map((x) => engineTime(x.list))) ?? NaN)} ms (${each((x) => engineTime(x.list))}) · median ${ms(medianOf(lists.map((x) => engineTime(x.floorList))) ?? NaN)} ms (${each((x) => engineTime(x.floorList))}); then median ${ms(medianOf(after) ?? NaN)} ms (${after.map((x) => ms(x ?? NaN, 0)).join(', ')})`, '', '');
    }
    const a0 = h.timings.activateStart;
    const rel = h.transitions.map((x) => `${x.kind} +${ms(x.at - a0)} ms`).join(', ');
    row('— `activate()` itself', `${num(h.activateCallMs, 2)} ms; the connection was \`${h.stateAtActivateReturn}\` when it returned; then ${rel || '(no transitions seen)'}`, '', '');
    if (h.mainThread) {
      const m = h.mainThread;
      row('— meanwhile on the extension host\'s main thread (activate() → first data): garbage collection, and the longest stall of a 1 ms timer', `GC ${ms(m.gcMs)} ms in ${m.gcPauses} pauses (mark-compact ${ms(m.majorGcMs)} ms; longest ${ms(m.longestGcMs)} ms); longest stall ${ms(m.longestStallMs)} ms`, '', '');
    }
    row(`— before \`activate()\`: view command (after ${h.settleMs} ms for the workbench to settle) → activate() entered (VS Code loads our bundle)`, `${num(h.loadMs, 1)} ms`, '', '');
    if (h.replica) {
      const w = [...h.replica.warmMs].sort((x, y) => x - y);
      const sn = [...h.replica.warmSnapshotMs].sort((x, y) => x - y);
      row('— same host, replayed from the bench bundle (its own cold copy of src/): `new Connection()` + `start()` at once → first data, i.e. activation if `activate()` started the connection itself', `${ms(h.replica.connectionStartMs)} ms`, '', '');
      row('— then new Engine + LiveModel.start() → first snapshot', `first ${ms(h.replica.coldMs)} ms; warm median ${ms(w[w.length >> 1])} ms (${w.map((x) => ms(x, 0)).join(', ')}); takeSnapshot() alone warm median ${ms(sn[sn.length >> 1])} ms`, '', '');
    }
    row('— tree roots at first data', `${h.treeRoots} (${h.benchNetworksInTree} bench networks)`, '', '');
    if (h.treeItemsMs?.length) {
      const ti = [...h.treeItemsMs].sort((x, y) => x - y);
      row('— extension-host side of one tree refresh: `getChildren()` + `getTreeItem()` of every root', `median ${ms(ti[ti.length >> 1], 2)} ms`, '', '');
    }
  } else row('(e) activation', r.errors['(e) activation in the extension host'] ?? 'skipped', '', '');
  row('(f) bundle `dist/extension.js` (production build, as packed in the .vsix)', kib(r.sizes?.bundle), '≤ 1 MB', ok(r.sizes ? r.sizes.bundle <= 1_000_000 : undefined));
  row(`(f) ${r.sizes?.vsixName ?? '.vsix'}${process.env.BENCH_PACKAGE_NOTE ? ` — ${process.env.BENCH_PACKAGE_NOTE}` : ''}`, kib(r.sizes?.vsix), '≤ 1.5 MB', ok(r.sizes ? r.sizes.vsix <= 1_500_000 : undefined));
  row('(f) heap held by one snapshot of the engine', r.heap ? `${kib(r.heap.bytes)} (median of ${r.heap.samples.length})` : 'n/a', '', '');
  row('**(g) workbench: CLI returned → row visible**, create, connect and disconnect together', r.workbench ? `**median ${ms(r.workbench.all.median, 0)} ms** · p95 ${ms(r.workbench.all.p95, 0)} ms (n=${r.workbench.all.n})` : r.errors['(g) workbench'] ?? 'skipped', '≤ 250 ms', ok(r.workbench ? r.workbench.all.median <= 250 : undefined));
  if (r.workbench) row('— `docker network create` → its row · `connect` → the row expandable · `disconnect` → a leaf again', `median ${ms(r.workbench.fromCliReturn.median, 0)} · ${ms(r.workbench.connect.median, 0)} · ${ms(r.workbench.disconnect.median, 0)} ms`, '', '');
  if (r.workbench) row('— from the engine\'s `create` event (as received by the bench) → row visible', `median ${ms(r.workbench.fromEvent.median, 0)} · p95 ${ms(r.workbench.fromEvent.p95, 0)} ms`, '', '');
  if (r.workbench) row('— from the CLI invocation (includes the CLI\'s own run time)', `median ${ms(r.workbench.fromCliStart.median, 0)} ms (CLI itself: median ${ms(r.workbench.cliMs.median, 0)} ms)`, '', '');
  if (r.topology) {
    const t = r.topology;
    row(`(i) topology map: first render of the fixture (${t.networks} networks, ${t.containers} containers, ${t.edges} edges; graph message in → drawn, ${t.layout} layout; headless Chromium)`,
      `**median ${ms(t.firstRender.median, 0)} ms** · p95 ${ms(t.firstRender.p95, 0)} ms (n=${t.firstRender.n}); renderer main-thread CPU median ${ms(t.firstRenderCpu.median, 0)} ms`, '≤ 1000 ms', ok(t.firstRender.median <= 1000));
    row('— (i) pan and zoom (mouse wheel, drag): frame interval', `median ${ms(t.panZoomFrames.median)} · p95 ${ms(t.panZoomFrames.p95)} ms (n=${t.panZoomFrames.n})`, '', '');
    row('— (i) select a container → highlight drawn; an update of 10 containers', `${ms(t.select.median, 0)} ms; ${ms(t.update.ms.median, 0)} ms (${t.update.layout})`, '', '');
    row('— (i) the map shown again with the positions it saved (no layout)', `median ${ms(t.warm.ms.median, 0)} ms (n=${t.warm.ms.n}, ${t.warm.layout})`, '', '');
    row('— (i) comparison: the force-directed layout (fcose, what Re-layout runs; the first render used it before the quick hub layout) of the same graph, click → next frames', t.relayoutMs === undefined ? 'n/a' : `${ms(t.relayoutMs, 0)} ms`, '', '');
  } else row('(i) topology map', r.errors['(i) topology map'] ?? 'skipped', '', '');
  const idleText = (w: IdleWindow & { attempts: number }): string => `${w.requests.length} requests in ${w.windowMs / 1000} s` +
    (w.events ? `, during ${w.events} engine events from other users' tests (quietest of ${w.attempts} windows); ${w.unexplained.length} not preceded by an event within ${EXPLAIN_MS} ms` : ', no engine events in the window') +
    ` → **${num(w.perMinute, 1)}/min** while idle (all requests: ${num(w.rawPerMinute, 1)}/min)`;
  row('(h) idle: LiveModel through the counting proxy', r.idle ? idleText(r.idle) : r.errors['(h) idle calls'] ?? 'skipped', '0/min', ok(r.idle ? r.idle.perMinute === 0 : undefined));
  if (hostIdle) {
    row('(h) idle: the whole extension in the extension host, view open, endpoint setting → the proxy', 'error' in hostIdle ? `failed: ${hostIdle.error}` : idleText(hostIdle), '0/min', 'error' in hostIdle ? '—' : ok(hostIdle.perMinute === 0));
  }

  const sh = r.snapshotShape;
  const head = [
    `## Docker ${r.engine?.version ?? '?'}`,
    '',
    `- date: ${r.date}`,
    `- command: \`${r.command}\``,
    `- machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memGiB} GiB, Node ${r.machine.node}` +
      (r.machine.loadStart !== undefined ? `; load average (1 min) ${num(r.machine.loadStart, 1)} at the start, ${num(r.machine.loadEnd, 1)} at the end (other work on the machine inflates wall times)` : ''),
    `- engine: Docker ${r.engine?.version ?? '?'} (API ${r.engine?.api ?? '?'}), private dockerd (scripts/engine.sh or a namespace of its own, scripts/netns.sh), on a machine shared with other work`,
    `- fixture: N = ${r.n} networks × M = ${r.m} containers (running busybox, 1–3 networks each; label \`dev.dockernetworks.bench\`)` +
      (r.fixture ? (r.fixture.reused ? ', reused' : `, made in ${r.fixture.seconds.toFixed(0)} s`) : ''),
    sh ? `- what a snapshot saw: ${sh.networks} networks, ${sh.containers} containers, ${sh.benchAttachments} bench attachments (planned ${sh.plannedAttachments})` +
      (r.cli ? `; the CLI's output listed ${r.cli.pairs} (network, container) pairs` : '') : '',
    '',
    '| figure | value | target | |',
    '|---|---|---|---|',
    ...rows.map((c) => `| ${c.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
  ];
  const errors = Object.entries(r.errors);
  if (errors.length) head.push('## Errors', '', ...errors.map(([k, e]) => `- ${k}: ${e}`), '');
  head.push(
    'How each figure is taken: see bench/README.md. Ratios compare medians; (a) and (b) run interleaved in random order',
    'in one process, on the engine socket directly; the request count goes through test/support/countingProxy.ts.',
    '',
  );

  const lines = (sfx: string): string[] => [
    `ours/floor${sfx} = ${num(oursFloor, 2)}`,
    `cli/ours${sfx} = ${num(cliOurs, 2)}`,
    `event p95 ms${sfx} = ${num(eventP95, 0)}`,
    `event to row ms${sfx} = ${num(r.workbench?.all.median, 0)}`,
    `first networks ms${sfx} = ${num(firstNetworks, 0)}`,
    `first containers / floor${sfx} = ${num(firstContainersFloor, 2)}`,
    `burst rebuilds${sfx} = ${burstRebuilds ?? 'n/a'}`,
    `topology first render ms${sfx} = ${num(r.topology?.firstRender.median, 0)}`,
    `idle calls per minute${sfx} = ${num(idle, 0)}`,
    `bundle bytes${sfx} = ${r.sizes?.bundle ?? 'n/a'}`,
    `vsix bytes${sfx} = ${r.sizes?.vsix ?? 'n/a'}`,
  ];
  const summary = [
    `bench: ${r.n} networks × ${r.m} containers, Docker ${r.engine?.version ?? '?'}, ${r.machine.cores} cores`,
    `  floor ${ms(f?.floor.median ?? NaN, 2)} ms · ours ${ms(f?.ours.median ?? NaN, 2)} ms (${f?.requests.length ?? '?'} requests) · CLI ${ms(r.cli?.stats.median ?? NaN, 0)} ms`,
    `  event → model p50 ${ms(ev?.all.median ?? NaN)} / p95 ${ms(ev?.all.p95 ?? NaN)} ms · bursts: ${ev?.bursts.map((b) => `${b.rebuilds} rebuilds/${ms(b.convergedMs, 0)} ms`).join(', ') ?? 'n/a'} (worst converged ${ms(burstConverged ?? NaN, 0)} ms)`,
    `  activation ${num(act, 1)} ms · workbench row ${ms(r.workbench?.fromCliReturn.median ?? NaN, 0)} ms · heap ${kib(r.heap?.bytes)}`,
    ...(errors.length ? [`  ERRORS: ${errors.map(([k, e]) => `${k}: ${e}`).join('; ')}`] : []),
    '  (details: bench/RESULTS.md)',
    ...lines(''),
    '',
  ].join('\n');
  return { markdown: head.join('\n'), summary, lines };
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`[bench] ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});

/** When the full container list left and came back (ms after activate() entered). */
type ListTimes = Pick<TracedRequest, 'sent' | 'headers' | 'end'>;

function listTimesOf(requests: TracedRequest[] | undefined): ListTimes | undefined {
  return requests?.find((x) => /\/containers\/json\?all=(1|true)$/.test(x.path));
}

function listText(t: ListTimes | undefined): string {
  return t ? `${ms(t.sent)} → ${ms(t.headers ?? NaN)} → ${ms(t.end ?? NaN)}` : 'not seen';
}

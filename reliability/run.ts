// The reliability run (scripts/reliability.sh starts the engine and runs this inside the engine's network
// namespace): each scenario against the private engine, results to out/reliability/engine-<kind>.json, and
// docs/RELIABILITY.md from every engine's results there.
//   node --import tsx --expose-gc reliability/run.ts [--quick] [--only fuzz,faults,storm,kill,restart,churn]
//   node --import tsx reliability/run.ts --render     only docs/RELIABILITY.md again, from the results there
// Env: DOCKER_HOST (the engine's socket), DN_ENGINE (28 or 20), DN_REL_ENGINE_DIR (its folder, for the pidfile and
// engine.sh restarts), DN_CHURN_SECONDS (3600), DN_KILL_REPS (5), DN_RESTARTS (20), DN_STORM_EVENTS (1000),
// DN_REL_SEED (1).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seeded } from '../test/support/seeded';
import { errorText, removeLabelled, type Context } from './lib/context';
import { PrivateEngine } from './lib/engine';
import { faults, installFaultCounters } from './lib/probes';
import { machineLines, renderMarkdown, type EngineRun, type Section } from './lib/report';
import { churnScenario } from './scenarios/churn';
import { faultScenarios } from './scenarios/faults';
import { fuzzScenario } from './scenarios/fuzz';
import { killScenarios } from './scenarios/kill';
import { restartScenario } from './scenarios/restart';
import { stormScenario } from './scenarios/storm';

const SCENARIOS = ['fuzz', 'faults', 'storm', 'kill', 'restart', 'churn'] as const;
type Scenario = (typeof SCENARIOS)[number];

function intEnv(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${v}`);
  return n;
}

function selected(argv: string[]): Scenario[] {
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined);
  const quick = argv.includes('--quick');
  const names = only ? only.split(',').map((s) => s.trim()).filter(Boolean) : SCENARIOS.filter((s) => !(quick && s === 'churn'));
  for (const n of names) if (!(SCENARIOS as readonly string[]).includes(n)) throw new Error(`unknown scenario ${n} (known: ${SCENARIOS.join(', ')})`);
  return names as Scenario[];
}

/** docs/RELIABILITY.md from every engine's latest results in out/reliability (a run on one engine keeps the other's). */
function render(root: string, outDir: string): EngineRun[] {
  const runs = readdirSync(outDir).filter((f) => /^engine-\d+\.json$/.test(f)).sort().reverse()
    .map((f) => JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) as EngineRun);
  writeFileSync(path.join(root, 'docs', 'RELIABILITY.md'), renderMarkdown(runs));
  return runs;
}

async function main(): Promise<number> {
  installFaultCounters();
  const root = path.resolve(__dirname, '..');
  process.chdir(root);
  if (process.argv.includes('--render')) {
    const runs = render(root, path.join(root, 'out', 'reliability'));
    process.stderr.write(`[reliability] wrote docs/RELIABILITY.md from the results of ${runs.map((r) => r.version).join(', ')}\n`);
    return 0;
  }
  const kind = process.env.DN_ENGINE ?? '28';
  const dir = process.env.DN_REL_ENGINE_DIR;
  if (!dir) throw new Error('DN_REL_ENGINE_DIR is not set: run through scripts/reliability.sh');
  const outDir = path.join(root, 'out', 'reliability');
  mkdirSync(outDir, { recursive: true });
  const engine = new PrivateEngine(kind, dir, path.join(outDir, `engine-${kind}.log`));
  if (process.env.DOCKER_HOST !== engine.host) throw new Error(`DOCKER_HOST (${process.env.DOCKER_HOST ?? 'unset'}) is not the engine of ${dir}`);
  const t0 = Date.now();
  const log = (msg: string): void => void process.stderr.write(`[reliability ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)}s] ${msg}\n`);
  const ctx: Context = { engine, log, random: seeded(intEnv('DN_REL_SEED', 1)) };
  const scenarios = selected(process.argv.slice(2));
  const params = {
    scenarios: scenarios.join(' '), killReps: intEnv('DN_KILL_REPS', 5), restarts: intEnv('DN_RESTARTS', 20),
    stormEvents: intEnv('DN_STORM_EVENTS', 1000), churnSeconds: intEnv('DN_CHURN_SECONDS', 3600), seed: intEnv('DN_REL_SEED', 1),
  };
  const { version, api } = await engine.version();
  log(`Docker ${version} (API ${api}) at ${engine.host}; scenarios: ${params.scenarios}`);
  const left = await removeLabelled(engine.raw());
  if (left.containers + left.networks) log(`removed ${left.containers} containers and ${left.networks} networks left by an earlier run`);
  const sections: Section[] = [];
  let broken = false;
  const run = async (name: Scenario, f: () => Promise<Section | Section[]> | Section): Promise<void> => {
    if (!scenarios.includes(name)) return;
    log(`== ${name}`);
    try {
      const r = await f();
      sections.push(...(Array.isArray(r) ? r : [r]));
    } catch (e) {
      broken = true;
      log(`${name} could not run: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      sections.push({
        id: name, title: `${name}: could not run`, done: '', measured: '', expectation: 'runs', pass: false, head: ['error'], rows: [[errorText(e)]], notes: [], figures: {},
      });
      // a scenario that broke off may have left the engine down
      if (!(await engine.ping())) await engine.start().catch(() => undefined);
    }
  };
  await run('fuzz', () => fuzzScenario());
  await run('faults', () => faultScenarios(ctx));
  await run('storm', () => stormScenario(ctx, params.stormEvents));
  await run('kill', () => killScenarios(ctx, params.killReps));
  await run('restart', () => restartScenario(ctx, params.restarts));
  await run('churn', () => churnScenario(ctx, params.churnSeconds));
  await removeLabelled(engine.raw()).catch(() => undefined);

  // A run of some scenarios (--only) keeps this engine's earlier figures of the others, each with its own date.
  const file = path.join(outDir, `engine-${kind}.json`);
  const earlier = (() => {
    try { return JSON.parse(readFileSync(file, 'utf8')) as EngineRun; } catch { return undefined; }
  })();
  const kept = (earlier?.sections ?? [])
    .filter((x) => !scenarios.includes(x.id.split('.')[0] as Scenario))
    .map((x) => ({ ...x, title: x.title.includes('(run of ') ? x.title : `${x.title} (run of ${earlier?.startedAt.slice(0, 10) ?? '?'})` }));
  const result: EngineRun = {
    kind, version, api, startedAt: new Date(t0).toISOString().replace(/\.\d+Z$/, 'Z'), seconds: (Date.now() - t0) / 1000, params, sections: [...kept, ...sections],
    unhandledRejections: faults.unhandledRejections, uncaughtExceptions: faults.uncaughtExceptions, faultSamples: faults.first,
  };
  writeFileSync(file, JSON.stringify(result, null, 1));
  const runs = render(root, outDir);
  log(`wrote docs/RELIABILITY.md (${runs.map((r) => r.version).join(', ')})`);
  for (const s of sections) process.stdout.write(`${s.pass ? 'PASS' : 'FAIL'}  ${s.title}\n`);
  process.stdout.write(`${machineLines([result]).join('\n')}\n`);
  return broken ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`[reliability] ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});

// `npm run bench:topology` — the topology map's first render (issue 6) at the bench size, in headless Chromium.
//   npm run bench:topology                      300 networks × 1000 containers, generated with the fixture's wiring
//   npm run bench:topology -- --quick           50 × 200
//   npm run bench:topology -- --engine          the engine's own snapshot (DOCKER_HOST; e.g. the bench fixture)
//   --n N --m M   another size · --reps R (default 5) · --shot FILE (a screenshot of the first repetition)
//   --profile FILE   a CPU profile of the first render (unminified bundle), for Chrome DevTools
// Also part of `npm run bench` (bench/run.ts, unless --skip-topology), on the fixture it made.
// Bundles the map's webview (production settings, as esbuild.mjs does) into out/bench/webview, so that dist/ (which
// other test runs rebuild) is never touched. Prints a summary ending with `topology first render ms = X`.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { takeSnapshot } from '../src/docker/snapshot';
import { engineAt } from '../test/engine/support';
import { launchChromium, summary, topologyRender } from './lib/topology';
import { log } from './lib/util';

const ROOT = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
const flag = (f: string): boolean => argv.includes(f);
const opt = (f: string, d: number): number => {
  const i = argv.indexOf(f);
  if (i < 0) return d;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v)) throw new Error(`${f} needs a number`);
  return v;
};
const str = (f: string): string | undefined => {
  const i = argv.indexOf(f);
  return i < 0 ? undefined : argv[i + 1];
};

async function main(): Promise<number> {
  const quick = flag('--quick');
  const n = opt('--n', quick ? 50 : 300);
  const m = opt('--m', quick ? 200 : 1000);
  const outDir = path.join(ROOT, 'out', 'bench', 'webview');
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    bundle: true, platform: 'browser', format: 'iife', target: 'chrome114', sourcemap: false, logLevel: 'warning',
    entryPoints: [path.join(ROOT, 'src', 'webview', 'topology.ts')], outdir: outDir, minify: !flag('--profile'),
  });
  await esbuild.build({
    bundle: true, minify: true, logLevel: 'warning', outdir: outDir,
    entryPoints: { topology: path.join(ROOT, 'media', 'topology.css'), forms: path.join(ROOT, 'media', 'forms.css') },
  });
  let snapshot;
  if (flag('--engine')) {
    const host = process.env.DOCKER_HOST;
    if (!host) throw new Error('--engine needs DOCKER_HOST (scripts/engine.sh start prints it)');
    snapshot = await takeSnapshot(engineAt(host, 60_000));
    log(`engine snapshot: ${snapshot.networks.length} networks, ${snapshot.containers.length} containers`);
  }
  const shot = str('--shot');
  const r = await topologyRender({ root: ROOT, webviewDir: outDir, snapshot, n, m, reps: Math.max(1, opt('--reps', 5)), screenshot: shot, profile: str('--profile') }, launchChromium);
  writeFileSync(path.join(ROOT, 'out', 'bench', 'topology.json'), JSON.stringify(r, null, 2));
  process.stdout.write(`\n${summary(r)}\n`);
  return r.pageErrors.length || r.cspViolations.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`[bench:topology] ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});

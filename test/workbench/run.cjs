// Runs the workbench tests: every test/workbench/*.spec.cjs (or the files given as arguments) against ONE
// code-server with the .vsix installed (fresh profile) and ONE headless Chromium; each spec opens its own page. A spec
// exporting `locale` (zh-cn.spec.cjs) runs in a second code-server whose display language is that locale.
//   DN_VSIX=docker-networks-0.1.0.vsix DOCKER_HOST=unix://... node test/workbench/run.cjs [spec ...]
// A spec exports { title, setup?(ctx), teardown?(ctx), tests: [[name, async (ctx) => {...}], ...] }; ctx holds
// { server, browser, lib, shots, failures } and whatever setup puts there (conventionally ctx.page). A failed test gets a
// screenshot in out/workbench/. A spec whose setup sets ctx.skip (a reason) skips its tests, each named on a line
// "SKIPPED: <spec> › <test> (<reason>)". Ends with the line "N passed, N failed, N skipped"; exit code 1 on any failure.
// The extension host gets a private DOCKER_CONFIG with the contexts dn-a (DOCKER_HOST) and, when
// DN_SECOND_DOCKER_HOST names a second engine, dn-b (the side-by-side spec uses them).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const lib = require('./lib.cjs');

async function main() {
  const files = (process.argv.slice(2).length ? process.argv.slice(2) : fs.readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.cjs')).sort().map((f) => path.join(__dirname, f))).map((f) => path.resolve(f));
  const vsix = process.env.DN_VSIX;
  if (!vsix || !fs.existsSync(vsix)) throw new Error(`DN_VSIX must name the built .vsix (got ${vsix || 'nothing'}): npm run package`);
  if (!process.env.DOCKER_HOST) throw new Error('DOCKER_HOST is not set (scripts/engine.sh start prints it)');
  const shots = path.join(lib.ROOT, 'out', 'workbench');
  fs.mkdirSync(shots, { recursive: true });
  const totals = { passed: 0, failed: 0, skipped: [] };
  // A spec that names a display language (locale: 'zh-cn') runs in a code-server of its own with that language;
  // the others share one in English.
  const byLocale = new Map();
  for (const file of files) {
    const locale = require(file).locale || '';
    byLocale.set(locale, [...(byLocale.get(locale) || []), file]);
  }
  for (const [locale, specs] of byLocale) {
    if (locale) console.log(`\n  — display language ${locale} —`);
    await runSpecs(specs, { vsix, shots, locale: locale || undefined }, totals);
  }
  const { passed, failed, skipped } = totals;
  console.log('');
  for (const s of skipped) console.log(`SKIPPED: ${s}`);
  console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
  return failed === 0 ? 0 : 1;
}

/** Runs `specs` against one code-server (fresh profile, display language `locale`), adding to `totals`. */
async function runSpecs(specs, { vsix, shots, locale }, totals) {
  let passed = 0, failed = 0;
  const skipped = totals.skipped;
  const dockerConfig = lib.dockerContexts();
  const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: dockerConfig };
  if (process.env.DN_SECOND_DOCKER_HOST) env.DN_SECOND_DOCKER_HOST = process.env.DN_SECOND_DOCKER_HOST;
  const server = await lib.startCodeServer({ vsix, env, locale });
  let browser;
  try {
    browser = await lib.launchBrowser();
    for (const file of specs) {
      const spec = require(file);
      const name = path.basename(file, '.spec.cjs');
      console.log(`\n  ${spec.title || name}`);
      const ctx = { server, browser, lib, shots, failures: 0 };   // failures: of this spec so far
      let setupError;
      try { if (spec.setup) await spec.setup(ctx); } catch (e) { setupError = e; }
      for (const [i, [title, fn]] of spec.tests.entries()) {
        const t = Date.now();
        if (!setupError && ctx.skip) {
          skipped.push(`${spec.title || name} › ${title} (${ctx.skip})`);
          console.log(`    - ${title} (skipped: ${ctx.skip})`);
          continue;
        }
        try {
          if (setupError) throw new Error(`setup failed: ${setupError.stack || setupError}`);
          await fn(ctx);
          passed++;
          console.log(`    ✔ ${title} (${Date.now() - t} ms)`);
        } catch (e) {
          failed++; ctx.failures++;
          console.log(`    ✘ ${title} (${Date.now() - t} ms)\n      ${String(e.stack || e).split('\n').join('\n      ')}`);
          if (ctx.page) {
            const shot = path.join(shots, `${name}-${i + 1}-failed.png`);
            await ctx.page.screenshot({ path: shot }).then(() => console.log(`      screenshot: ${path.relative(lib.ROOT, shot)}`), () => {});
            const rows = await lib.treeRows(ctx.page).catch(() => []);
            console.log(`      sidebar rows: ${JSON.stringify(rows.map((r) => `${r.label} ${r.description}`.trim()))}`);
          }
          if (setupError) break;
        }
      }
      if (setupError) failed += spec.tests.length - 1;
      try { if (spec.teardown) await spec.teardown(ctx); } catch (e) { console.log(`    (teardown failed: ${e.message})`); }
    }
  } catch (e) {
    failed++;
    console.log(`  ✘ ${e.stack || e}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
    if (failed && fs.existsSync(server.log)) {
      const copy = path.join(shots, 'code-server.log');
      fs.copyFileSync(server.log, copy);
      console.log(`  code-server log: ${path.relative(lib.ROOT, copy)}`);
    }
    if (!process.env.DN_KEEP_WB_RUN) fs.rmSync(server.dir, { recursive: true, force: true });
    fs.rmSync(dockerConfig, { recursive: true, force: true });
    totals.passed += passed;
    totals.failed += failed;
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[workbench] ${e.stack || e}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

// Mocha entry point inside the real extension host (scripts/run-host-tests.cjs → scripts/vscode/code-shim.sh).
// esbuild bundles every test/host/*.ts into out/test/host/*.js; this runs each out/test/host/*.test.js (tdd ui).
// Ends with one line "N passed, N failed, N skipped" that scripts/test.sh reads, after a "SKIPPED: <title>" line per
// skipped (pending) test, so a skip is always named.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 20000, color: false, reporter: 'spec' });
  const grep = process.env.DN_HOST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const skipped: string[] = [];
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        for (const t of skipped) console.log(`SKIPPED: ${t}`);
        console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
        if (failed > 0 || files.length === 0) reject(new Error(files.length ? `${failed} tests failed.` : 'no test files found'));
        else resolve();
      });
      runner.on('pending', (t) => skipped.push(t.fullTitle()));
    } catch (e) {
      console.error(e);
      console.log('0 passed, 1 failed');
      reject(e);
    }
  });
}

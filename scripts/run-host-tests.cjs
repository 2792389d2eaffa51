// Host tests: mocha (out/test/host/index.js) inside a real VS Code extension host, through @vscode/test-electron.
// VS Code itself cannot be downloaded here, so vscodeExecutablePath is scripts/vscode/code-shim.sh, which runs the
// suite in code-server's extension host (installed by scripts/setup-vshost.sh). Build first:
//   node esbuild.mjs --tests && DOCKER_HOST=$(scripts/engine.sh start) node scripts/run-host-tests.cjs
// DN_SECOND_DOCKER_HOST (optional): a second engine, for the tests of two engines side by side (skipped without it).
// Every run gets a fresh user-data dir, extensions dir and workspace folder, removed afterwards.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '..');
const vshost = process.env.VSHOST || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networks', 'vshost');

async function main() {
  const tests = path.join(root, 'out', 'test', 'host', 'index.js');
  if (!fs.existsSync(tests)) throw new Error(`${path.relative(root, tests)} is missing: run \`node esbuild.mjs --tests\` first`);
  if (!process.env.DOCKER_HOST) console.warn('[host-tests] DOCKER_HOST is not set: tests that need an engine will fail');
  // short paths under $VSHOST/tmp: VS Code puts unix sockets next to them
  fs.mkdirSync(path.join(vshost, 'tmp'), { recursive: true });
  const run = fs.mkdtempSync(path.join(vshost, 'tmp', 'host-'));
  const workspace = path.join(run, 'workspace');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'README.md'), '# host tests workspace\n');
  // Docker contexts for the side-by-side engines test, made by the real docker CLI in a private DOCKER_CONFIG.
  const dockerConfig = path.join(run, 'docker-config');
  if (process.env.DOCKER_HOST) {
    const { execFileSync } = require('node:child_process');
    const cli = (...args) => execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' });
    cli('context', 'create', 'dn-a', '--description', 'the private test engine', '--docker', `host=${process.env.DOCKER_HOST}`);
    cli('context', 'create', 'dn-down', '--description', 'an engine that is not there', '--docker', 'host=unix:///nonexistent/dn.sock');
    // A second real engine (DN_SECOND_DOCKER_HOST) for the side-by-side tests; without it they are skipped, saying so.
    if (process.env.DN_SECOND_DOCKER_HOST) {
      cli('context', 'create', 'dn-b', '--description', 'the second private test engine', '--docker', `host=${process.env.DN_SECOND_DOCKER_HOST}`);
    }
  }
  const t0 = Date.now();
  try {
    await runTests({
      vscodeExecutablePath: path.join(root, 'scripts', 'vscode', 'code-shim.sh'),
      extensionDevelopmentPath: root,
      extensionTestsPath: tests,
      extensionTestsEnv: {
        VSHOST: vshost, DOCKER_CONFIG: dockerConfig,
        ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
        ...(process.env.DN_SECOND_DOCKER_HOST ? { DN_SECOND_DOCKER_HOST: process.env.DN_SECOND_DOCKER_HOST } : {}),
      },
      launchArgs: [workspace, `--user-data-dir=${path.join(run, 'ud')}`, `--extensions-dir=${path.join(run, 'exts')}`],
    });
    console.log(`[host-tests] passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    if (!process.env.DN_KEEP_HOST_RUN) fs.rmSync(run, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`[host-tests] FAILED: ${e && e.message ? e.message : e}`);
  process.exit(1);
});

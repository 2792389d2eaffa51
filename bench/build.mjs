// Bundles the benchmark: out/bench/run.js (plain Node), out/bench/host/index.js and floor.js (suites loaded by the
// extension host), and the bench floor extension in out/bench/floor-ext/ (bench/host/floor/).
// Same options as esbuild.mjs (node/cjs; vscode, ssh2's optional native parts external) plus playwright-core
// external (the workbench driver), with source maps for --cpu-prof. esbuild.mjs runs its builds when imported,
// so its 8-line BuildKit stub is repeated here rather than imported.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const stubBuildkit = {
  name: 'stub-buildkit',
  setup(build) {
    build.onResolve({ filter: /^(@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode', 'cpu-features', '*.node', 'mocha', 'playwright-core'],
  plugins: [stubBuildkit],
};
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['bench/run.ts'], outfile: 'out/bench/run.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/host/index.ts'], outfile: 'out/bench/host/index.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/host/floorSuite.ts'], outfile: 'out/bench/host/floor.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/host/floor/extension.ts'], outfile: 'out/bench/floor-ext/extension.js' }),
  esbuild.build({ ...common, entryPoints: ['bench/cold.ts'], outfile: 'out/bench/cold.js' }),
]);
mkdirSync('out/bench/floor-ext', { recursive: true });
copyFileSync('bench/host/floor/package.json', 'out/bench/floor-ext/package.json');

// Bundles the benchmark: out/bench/run.js (plain Node) and out/bench/host/index.js (loaded by the extension host).
// Same options as esbuild.mjs (node/cjs; vscode, ssh2's optional native parts external) plus playwright-core
// external (the workbench driver), with source maps for --cpu-prof. esbuild.mjs runs its builds when imported,
// so its 8-line BuildKit stub is repeated here rather than imported.
import * as esbuild from 'esbuild';

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
  esbuild.build({ ...common, entryPoints: ['bench/cold.ts'], outfile: 'out/bench/cold.js' }),
]);

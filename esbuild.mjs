// Bundles the extension (node/cjs, vscode external), the form panels' webview scripts (browser/iife) and the
// extension-host tests.
// ssh2's optional native parts (cpu-features, *.node) stay external: ssh2 falls back to pure JS without them.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode', 'cpu-features', '*.node'],
};

// dockerode requires grpc/protobuf at load time for BuildKit sessions (buildImage with version 2), which this
// extension never uses; stubbing them keeps ~1 MB of gRPC out of the bundle.
const stubBuildkit = {
  name: 'stub-buildkit',
  setup(build) {
    build.onResolve({ filter: /^(@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
// docker-modem loads ssh2 (40 ms of module code, and a crypto self-test) when it loads, for ssh:// endpoints only:
// the bundle keeps it, but evaluates it when an ssh endpoint first dials, not while the extension loads.
const lazySsh = {
  name: 'lazy-ssh',
  setup(build) {
    build.onLoad({ filter: /docker-modem[\\/]lib[\\/]modem\.js$/ }, async (a) => {
      const source = await readFile(a.path, 'utf8');
      const eager = "ssh = require('./ssh'),";
      if (!source.includes(eager)) throw new Error(`lazy-ssh: docker-modem's modem.js no longer has ${eager}`);
      return { contents: source.replace(eager, "ssh = function (opt) { return require('./ssh')(opt); },"), loader: 'js' };
    });
  },
};
// Every module that imports 'vscode' would get its own __toESM() copy of the whole API object (44 copies, ~50 ms
// while the extension loads, measured in the extension host's profile): they all import one shim instead, which
// copies it once.
const oneVscode = {
  name: 'one-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (a) => (a.namespace === 'vscode-shim' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-shim' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-shim' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
common.plugins = [stubBuildkit, lazySsh, oneVscode];

// The form panels' browser scripts (src/webview, DOM only) and their stylesheet: dist/webview is the only folder
// a webview may load from (localResourceRoots).
const webview = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome114',
  sourcemap: production ? false : 'inline',
  minify: production,
  logLevel: 'warning',
  outdir: 'dist/webview',
};

const builds = [
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', metafile: true }),
  esbuild.build({ ...webview, entryPoints: ['src/webview/createNetwork.ts', 'src/webview/connect.ts', 'src/webview/run.ts'] }),
  esbuild.build({ ...webview, entryPoints: { forms: 'media/forms.css' } }),
  // The read-only view panels (network details, container networking, connectivity) and their stylesheet.
  esbuild.build({ ...webview, entryPoints: ['src/webview/networkDetails.ts', 'src/webview/containerNetworking.ts', 'src/webview/connectivity.ts', 'src/webview/explainReach.ts', 'src/webview/ports.ts'] }),
  esbuild.build({ ...webview, entryPoints: { views: 'media/views.css' } }),
  // The topology map: cytoscape.js + cytoscape-fcose live only in this bundle (dist/webview/topology.js), never in
  // dist/extension.js.
  esbuild.build({ ...webview, entryPoints: ['src/webview/topology.ts'] }),
  esbuild.build({ ...webview, entryPoints: { topology: 'media/topology.css' } }),
];
if (withTests) {
  const hostTests = readdirSync('test/host').filter((f) => f.endsWith('.ts')).map((f) => `test/host/${f}`);
  // mocha stays external: the extension host resolves it from node_modules.
  builds.push(esbuild.build({ ...common, entryPoints: hostTests, outdir: 'out/test/host', external: [...common.external, 'mocha'] }));
}
await Promise.all(builds);

// The extension's cold start outside VS Code, for profiling (`node --cpu-prof out/bench/cold.js`): in a fresh
// process, (1) load the packaged bundle (out/bench/vsix/extension/dist/extension.js) with a stub `vscode`, then
// (2) the path activation takes to the first data — new Engine + LiveModel.start() → first snapshot — once cold
// and five times warm, using this bundle's own copy of src/docker (as cold as the extension's on its first run).
// Prints one JSON line. Env: DOCKER_HOST.
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LiveModel } from '../src/docker/live';
import { engineAt } from '../test/engine/support';
import { EventFollower } from '../src/docker/events';

type Resolve = (request: string, parent: unknown, ...rest: unknown[]) => string;

/** Anything the bundle's top level may touch on `vscode` (l10n.t(...), enums...) without a real API. */
function deepStub(): object {
  const target = function stub(): void { /* callable */ };
  return new Proxy(target, {
    get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : deepStub()),
    apply: () => deepStub(),
    construct: () => deepStub(),
  });
}

function loadBundle(file: string): number {
  const m = Module as unknown as { _resolveFilename: Resolve; _cache: Record<string, unknown> };
  const original = m._resolveFilename;
  const stub = path.join(path.dirname(file), '__vscode_stub__.js');
  const api = Object.fromEntries(['l10n', 'window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter',
    'Disposable', 'TreeItem', 'TreeItemCollapsibleState', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'ConfigurationTarget',
    'ViewColumn', 'ProgressLocation', 'QuickPickItemKind', 'StatusBarAlignment', 'Range', 'Position'].map((k) => [k, deepStub()]));
  m._cache[stub] = { id: stub, filename: stub, loaded: true, exports: api };
  m._resolveFilename = (request, parent, ...rest) => (request === 'vscode' ? stub : original(request, parent, ...rest));
  try {
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
    return performance.now() - t0;
  } finally {
    m._resolveFilename = original;
  }
}

async function firstData(host: string): Promise<{ total: number; eventsOpen: number }> {
  const t0 = performance.now();
  let eventsOpen = NaN;
  const model = new LiveModel(engineAt(host));
  const done = new Promise<number>((resolve) => {
    model.onDidChange((s) => {
      if (s.kind === 'connected') resolve(performance.now());
    });
  });
  // a second follower on the same engine, only to time how long opening the event stream takes
  const probe = new EventFollower(engineAt(host), {
    event: () => undefined,
    connected: () => { eventsOpen = performance.now() - t0; },
    disconnected: () => undefined,
  });
  model.start();
  probe.start();
  const total = (await done) - t0;
  model.dispose();
  probe.dispose();
  return { total, eventsOpen };
}

async function main(): Promise<void> {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set');
  const bundle = path.resolve(__dirname, 'vsix', 'extension', 'dist', 'extension.js');
  const loadMs = loadBundle(bundle);
  const cold = await firstData(host);
  const warm: { total: number; eventsOpen: number }[] = [];
  for (let i = 0; i < 5; i++) warm.push(await firstData(host));
  process.stdout.write(`${JSON.stringify({ bundleLoadMs: loadMs, cold, warm })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

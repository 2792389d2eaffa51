// The topology map's first render at the bench size (issue 6: ≤ 1 s for 300 networks × 1000 containers, smooth pan
// and zoom), in headless Chromium on this machine.
//
// The map's real webview bundle (dist/webview/topology.js + topology.css, production build) is served from 127.0.0.1
// into a page with the same Content-Security-Policy as the extension's panels (html.ts), and a stand-in for the
// VS Code webview API that hands its messages to this process. The graph is the one the extension would send:
// core/topology.ts's buildTopology() of a snapshot, either taken from the engine (the bench fixture, when present)
// or joined from a generated fixture of the same wiring (bench/lib/fixture.ts plan()) by the real joinSnapshot.
//
// Each repetition loads a fresh page and measures, in the page: the graph message's arrival → the second animation
// frame after the map was drawn (the map reports it as `rendered`). Also: the renderer main thread's CPU time for
// that first render (from /proc: the machine is shared and its load inflates wall time, not CPU time), frame times while panning and zooming with the mouse
// wheel, the time to select a container (list click → highlight drawn, reachability computed by the host code), an
// update of 10 containers (placed without a new layout), and any CSP violation.
import { createServer, type Server } from 'node:http';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawEndpoint, RawNetwork, Snapshot } from '../../src/core/model';
import { buildTopology, reachabilityOf, topologyReach, type TopologyGraph } from '../../src/core/topology';
import type { GraphMessage, RenderedMessage } from '../../src/protocol/topology';
import { topologyText } from '../../src/core/pageText/topology';
import { BENCH_LABEL, plan } from './fixture';
import { log, ms, stats, type Stats } from './util';

export interface TopologyBenchOptions {
  root: string;
  /** Folder holding topology.js and topology.css (production build). */
  webviewDir: string;
  /** The snapshot to draw (from the engine), or undefined to generate n × m. */
  snapshot?: Snapshot;
  n: number;
  m: number;
  reps: number;
  /** Where to put a screenshot of the first repetition (optional). */
  screenshot?: string;
  /** Where to write a CPU profile of the first repetition's first render (.cpuprofile, for Chrome DevTools). */
  profile?: string;
  chromium?: string;
}

export interface TopologyBenchResult {
  source: 'engine' | 'generated';
  networks: number;
  containers: number;
  edges: number;
  graphBytes: number;
  bundleBytes: number;
  /** Graph message in the page → second frame after drawing (the map's own measure). */
  firstRender: Stats;
  /** The renderer main thread's CPU time (user + system) during the first render: what the machine's load does not inflate. */
  firstRenderCpu: Stats;
  /** From posting the message from this process (includes the structured clone into the page). */
  fromPost: Stats;
  layout: string;
  panZoomFrames: Stats;
  select: Stats;
  update: { ms: Stats; layout: string };
  /** A page opened again with the positions it saved (a hidden panel shown again): no layout. */
  warm: { ms: Stats; layout: string };
  /** Re-layout (fcose, as the map runs it on request) of the whole graph: click → the next frames (ms). */
  relayoutMs?: number;
  highlighted: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** A generated engine picture with the fixture's wiring: plan(n, m) plus the built-in networks. */
export function generatedSnapshot(n: number, m: number): Snapshot {
  const p = plan(n, m);
  const id = (kind: string, i: number): string => `${kind === 'n' ? 'a' : 'c'}${i.toString(16).padStart(63, '0')}`;
  const builtin: RawNetwork[] = [
    { Id: id('n', 100000), Name: 'bridge', Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] }, Options: {}, Labels: {} },
    { Id: id('n', 100001), Name: 'host', Driver: 'host', Scope: 'local', Options: {}, Labels: {} },
    { Id: id('n', 100002), Name: 'none', Driver: 'null', Scope: 'local', Options: {}, Labels: {} },
  ];
  const networks: RawNetwork[] = [...builtin, ...p.networks.map((net, i): RawNetwork => ({
    Id: id('n', i), Name: net.name, Driver: 'bridge', Scope: 'local', Created: '2026-01-01T00:00:00Z',
    IPAM: { Driver: 'default', Config: [{ Subnet: net.subnet, Gateway: net.gateway }] }, Options: {},
    Labels: { [BENCH_LABEL]: 'fixture' },
  }))];
  const byName = new Map(networks.map((x) => [x.Name, x]));
  const next = new Map<string, number>();
  const containers: RawContainer[] = p.containers.map((c, j) => {
    const eps: Record<string, RawEndpoint> = {};
    for (const netName of c.networks) {
      const net = byName.get(netName);
      if (!net) continue;
      const k = (next.get(netName) ?? 1) + 1;
      next.set(netName, k);
      const base = (net.IPAM?.Config?.[0]?.Subnet ?? '10.0.0.0/24').split('/')[0].split('.').slice(0, 3).join('.');
      eps[netName] = { NetworkID: net.Id, EndpointID: `e${j}`, IPAddress: `${base}.${k}`, IPPrefixLen: 24, Gateway: `${base}.1`, MacAddress: '02:42:0a:00:00:00', Aliases: null };
    }
    return {
      Id: id('c', j), Names: [`/${c.name}`], Image: 'localbusybox:latest', State: 'running', Status: 'Up 1 hour', Ports: [],
      Labels: { [BENCH_LABEL]: 'fixture' }, HostConfig: { NetworkMode: c.networks[0] }, NetworkSettings: { Networks: eps },
    };
  });
  return joinSnapshot(networks, containers);
}

/** Must stay the policy of src/host/panels/html.ts (contentSecurityPolicy), with the page's origin as cspSource. */
function csp(origin: string, nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${origin}`, `font-src ${origin}`].join('; ');
}

/** The page: the panel's markup, plus (nonce'd) a stand-in for acquireVsCodeApi that forwards to this process. */
function page(origin: string): string {
  const nonce = 'benchNonce0123456789';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp(origin, nonce)}">
<link rel="stylesheet" href="${origin}/forms.css"><link rel="stylesheet" href="${origin}/topology.css">
<title>Topology bench</title></head>
<body class="vscode-dark">
<main id="app" aria-busy="true"><p class="loading">Loading…</p></main>
<script nonce="${nonce}">
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let state = window.__initialState;
  window.__getState = () => state;
  window.__rendered = [];
  // frame intervals while the bench pans and zooms (page-side code lives here: the bench's functions are compiled)
  let frames = [], framing = false, last = 0;
  const tick = () => { const now = performance.now(); frames.push(now - last); last = now; if (framing) requestAnimationFrame(tick); };
  window.__startFrames = () => { frames = []; framing = true; last = performance.now(); requestAnimationFrame(tick); };
  window.__stopFrames = () => { framing = false; return frames.slice(1); };
  window.__frames2 = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => { if (m && m.type === 'rendered') window.__rendered.push(m); window.__toHost(m); },
    getState: () => state,
    setState: (s) => { state = s; },
  });
</script>
<script nonce="${nonce}" src="${origin}/topology.js"></script>
</body></html>`;
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.js')) files.set(`/${f}`, { body: readFileSync(path.join(dir, f)), type: 'text/javascript' });
    if (f.endsWith('.css')) files.set(`/${f}`, { body: readFileSync(path.join(dir, f)), type: 'text/css' });
  }
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = (req.url ?? '/').split('?')[0];
      if (url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(page(origin));
        return;
      }
      const f = files.get(url);
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': f.type }).end(f.body);
    });
    let origin = '';
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
      resolve({ server, origin });
    });
  });
}

/** CPU time (ms) of each Chromium renderer's main thread (where the page's script runs) so far, from /proc. */
function rendererCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10); // utime + stime, in 10 ms ticks
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU used since `before` by the renderers alive at both times. */
function cpuSince(before: Map<string, number>): number {
  let total = 0;
  for (const [pid, t] of rendererCpu()) total += t - (before.get(pid) ?? t);
  return total;
}

/** What the bench page holds (this file is compiled without the DOM types: the page-side functions say what they use). */
interface PageGlobals {
  __rendered: RenderedMessage[];
  __violations: string[];
  __getState(): unknown;
  __startFrames(): void;
  __stopFrames(): number[];
  __frames2(): Promise<void>;
  document: { getElementById(id: string): { dataset: Record<string, string | undefined> } | null; querySelectorAll(selector: string): { length: number } };
}

/** Page-side: hands a message to the page as the VS Code host would (window message event). */
const POST = (m: unknown): void => (globalThis as unknown as { postMessage(x: unknown, o: string): void }).postMessage(m, '*');

/** The page is built once its words arrive: send them as the host does (src/host/panels/topology.ts). */
async function sendWords(p: Page): Promise<void> {
  await p.evaluate(POST, { type: 'init', text: { locale: 'en', strings: topologyText() } });
}

async function waitRendered(p: Page, count: number): Promise<RenderedMessage> {
  const h = await p.waitForFunction((n) => {
    const r = (globalThis as unknown as PageGlobals).__rendered;
    return r.length >= n && r[n - 1];
  }, count, { timeout: 120_000, polling: 5 });
  return (await h.jsonValue()) as RenderedMessage;
}

/** Frame intervals (ms) while the mouse wheel zooms in and out and the map is dragged, for about 2 s. */
async function panZoom(p: Page): Promise<number[]> {
  const box = await p.locator('#cy').boundingBox();
  if (!box) return [];
  await p.evaluate(() => (globalThis as unknown as PageGlobals).__startFrames());
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await p.mouse.move(cx, cy);
  for (let i = 0; i < 12; i++) {
    await p.mouse.wheel(0, i < 6 ? -120 : 120);
    await p.waitForTimeout(40);
  }
  await p.mouse.down();
  for (let i = 0; i < 20; i++) {
    await p.mouse.move(cx + i * 10, cy + i * 5);
    await p.waitForTimeout(25);
  }
  await p.mouse.up();
  return p.evaluate(() => (globalThis as unknown as PageGlobals).__stopFrames());
}

export async function topologyRender(o: TopologyBenchOptions, launch: () => Promise<Browser>): Promise<TopologyBenchResult> {
  const snapshot = o.snapshot ?? generatedSnapshot(o.n, o.m);
  const graph: TopologyGraph = buildTopology(snapshot);
  const reach = reachabilityOf(snapshot);
  const msg: GraphMessage = { type: 'graph', version: 1, engine: 'bench', graph };
  const graphBytes = Buffer.byteLength(JSON.stringify(msg));
  const { server, origin } = await serve(o.webviewDir);
  const browser = await launch();
  const first: number[] = [];
  const cpu: number[] = [];
  const fromPost: number[] = [];
  const frames: number[] = [];
  const selects: number[] = [];
  const updates: number[] = [];
  let layout = '';
  let updateLayout = '';
  let highlighted: string[] = [];
  let saved: unknown;
  const warm: number[] = [];
  let warmLayout = '';
  let relayout: number | undefined;
  const violations: string[] = [];
  const errors: string[] = [];
  // the container to select: the first fixture container, else the first one
  const target = graph.containers.find((c) => c.name.startsWith('bench-c-')) ?? graph.containers[0];
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      let ready!: () => void;
      const isReady = new Promise<void>((r) => { ready = r; });
      await p.exposeFunction('__toHost', (m: { type: string; id?: number; method?: string; params?: { containerId?: string } }) => {
        if (m.type === 'ready') ready();
        if (m.type === 'request' && m.method === 'reach' && m.params?.containerId) {
          const result = topologyReach(reach, m.params.containerId);
          void p.evaluate(POST, { type: 'reply', id: m.id, ok: true, result });
        }
      });
      await p.goto(origin);
      await isReady;
      await sendWords(p);
      await p.waitForTimeout(200); // let the page settle before the clock starts
      const cdp = rep === 0 && o.profile ? await context.newCDPSession(p) : undefined;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
        await cdp.send('Profiler.start');
      }
      const c0 = rendererCpu();
      const t0 = Date.now();
      await p.evaluate(POST, msg);
      const r = await waitRendered(p, 1);
      if (cdp && o.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(o.profile, JSON.stringify(profile));
        log(`CPU profile of the first render: ${o.profile}`);
      }
      fromPost.push(Date.now() - t0);
      cpu.push(cpuSince(c0));
      first.push(r.ms);
      layout = r.layout;
      log(`topology rep ${rep + 1}/${o.reps}: ${r.nodes} nodes, ${r.edges} edges drawn in ${r.ms} ms (${r.layout} layout), renderer CPU ${cpu[cpu.length - 1]} ms`);
      if (rep === 0 && o.screenshot) await p.screenshot({ path: o.screenshot });
      if (rep === 0) {
        frames.push(...(await panZoom(p)));
        // select a container from the list: click → highlight drawn
        await p.fill('#filter', target.name);
        // the list narrowed to the match (the filter has run), and the map has settled
        await p.waitForFunction(() => (globalThis as unknown as PageGlobals).document.querySelectorAll('#containers li[role="option"]').length === 1, undefined, { timeout: 30_000, polling: 20 });
        await p.evaluate(() => (globalThis as unknown as PageGlobals).__frames2());
        await p.waitForTimeout(300);
        const s0 = Date.now();
        await p.click(`#containers li[data-id="${target.id}"]`);
        await p.waitForFunction(() => (globalThis as unknown as PageGlobals).document.getElementById('cy')?.dataset.highlighted !== undefined, undefined, { timeout: 30_000, polling: 5 });
        await p.evaluate(() => (globalThis as unknown as PageGlobals).__frames2());
        selects.push(Date.now() - s0);
        highlighted = ((await p.evaluate(() => (globalThis as unknown as PageGlobals).document.getElementById('cy')?.dataset.highlighted)) ?? '').split(',').filter(Boolean);
        // the force-directed layout (fcose) of the whole graph, as Re-layout runs it: what the quick first layout is
        // compared with (the click runs it on the page's thread, so the next frames come after it)
        await p.fill('#filter', '');
        await p.evaluate(() => (globalThis as unknown as PageGlobals).__frames2());
        const l0 = Date.now();
        await p.click('#relayout');
        await p.evaluate(() => (globalThis as unknown as PageGlobals).__frames2());
        relayout = Date.now() - l0;
        log(`topology: Re-layout (fcose) of the whole graph took ${relayout} ms`);
        // the other controls, for errors only (collapse the built-in networks and back, hide what does not match)
        await p.fill('#filter', target.name);
        await p.click('#collapse');
        await p.click('#only');
        await p.click('#collapse');
        await p.click('#only');
        await p.fill('#filter', '');
        // an update: 10 containers fewer, then 10 back (placed, not laid out again)
        for (const [k, g] of [[2, { ...graph, containers: graph.containers.slice(10), edges: graph.edges.filter((e) => !graph.containers.slice(0, 10).some((c) => c.id === e.c)) }], [3, graph]] as const) {
          await p.evaluate(POST, { ...msg, version: k, graph: g });
          const u = await waitRendered(p, k);
          updates.push(u.ms);
          if (k === 3) updateLayout = u.layout;
        }
      }
      violations.push(...(await p.evaluate(() => (globalThis as unknown as PageGlobals).__violations)));
      if (rep === 0) {
        await p.waitForTimeout(600); // the map saves its state 400 ms after the last change
        saved = await p.evaluate(() => (globalThis as unknown as PageGlobals).__getState());
      }
      await context.close();
    }
    // the panel shown again: a fresh page that starts from the state the first one saved (positions, viewport)
    for (let rep = 0; rep < Math.min(3, o.reps) && saved; rep++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.addInitScript((st) => { (globalThis as unknown as { __initialState: unknown }).__initialState = st; }, saved);
      let ready!: () => void;
      const isReady = new Promise<void>((r) => { ready = r; });
      await p.exposeFunction('__toHost', (m: { type: string }) => { if (m.type === 'ready') ready(); });
      await p.goto(origin);
      await isReady;
      await sendWords(p);
      await p.waitForTimeout(200);
      await p.evaluate(POST, msg);
      const r = await waitRendered(p, 1);
      warm.push(r.ms);
      warmLayout = r.layout;
      await context.close();
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  return {
    source: o.snapshot ? 'engine' : 'generated',
    networks: graph.networks.length,
    containers: graph.containers.length,
    edges: graph.edges.length,
    graphBytes,
    bundleBytes: readFileSync(path.join(o.webviewDir, 'topology.js')).length,
    firstRender: stats(first),
    firstRenderCpu: stats(cpu),
    fromPost: stats(fromPost),
    layout,
    panZoomFrames: stats(frames),
    select: stats(selects),
    update: { ms: stats(updates), layout: updateLayout },
    warm: { ms: stats(warm), layout: warmLayout },
    relayoutMs: relayout,
    highlighted,
    cspViolations: [...new Set(violations)],
    pageErrors: errors,
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}

export function summary(r: TopologyBenchResult): string {
  return [
    `topology map: ${r.networks} networks × ${r.containers} containers, ${r.edges} edges (${r.source}; graph message ${(r.graphBytes / 1024).toFixed(0)} KiB; bundle ${(r.bundleBytes / 1024).toFixed(0)} KiB)`,
    `  first render (message in → drawn, ${r.layout} layout): median ${ms(r.firstRender.median, 0)} · p95 ${ms(r.firstRender.p95, 0)} ms (n=${r.firstRender.n}); renderer main-thread CPU median ${ms(r.firstRenderCpu.median, 0)} ms; from post ${ms(r.fromPost.median, 0)} ms`,
    `  pan/zoom frames: median ${ms(r.panZoomFrames.median)} · p95 ${ms(r.panZoomFrames.p95)} ms (n=${r.panZoomFrames.n})`,
    `  shown again with its saved positions (${r.warm.layout}): median ${ms(r.warm.ms.median, 0)} ms (n=${r.warm.ms.n})`,
    `  select a container → highlight: ${ms(r.select.median, 0)} ms (highlighted ${r.highlighted.length}); update of 10 containers: median ${ms(r.update.ms.median, 0)} ms (${r.update.layout})`,
    `  CSP violations: ${r.cspViolations.length ? r.cspViolations.join('; ') : 'none'}${r.pageErrors.length ? `; page errors: ${r.pageErrors.join('; ')}` : ''}`,
    `topology first render ms = ${ms(r.firstRender.median, 0)}`,
  ].join('\n');
}


// (g) The tree in the real workbench: code-server with the built .vsix in a fresh profile, headless Chromium
// (playwright-core), the Docker Networks view open. Each round creates a network with the docker CLI and times
// until its row is in the tree, then connects a fixture container to it and times until the row can be expanded
// (with 300 networks the view starts them collapsed: the twistie is what a connect changes on screen), then
// disconnects it (until the row is a leaf again) (a MutationObserver in the page stamps the next animation frame after the row
// appears; monaco's tree is virtualised, so a row in the DOM is a row on screen). The network names sort before
// the fixture's (user networks are sorted by name), so the new row lands at the top of the view.
// Reuses test/workbench/lib.cjs (read-only) for code-server, the browser and the view.
import { execFile } from 'node:child_process';
import http from 'node:http';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { BENCH_LABEL, removeNetworkByName, workbenchNet } from './fixture';
import type Dockerode from 'dockerode';
import { log, stats, type Stats } from './util';

const run = promisify(execFile);

interface WorkbenchLib {
  startCodeServer(o: { vsix: string; env: Record<string, string> }): Promise<{ url: string; dir: string; log: string; stop(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
  openWorkbench(b: Browser, url: string): Promise<{ page: Page; errors: string[] }>;
  openViewContainer(page: Page, label: string): Promise<void>;
}

export interface WorkbenchResult {
  /** the engine's `create` event (seen by the bench on its own event stream) → row visible */
  fromEvent: Stats;
  /** CLI create returned → row visible */
  fromCliReturn: Stats;
  /** CLI connect returned → the network's row expandable; CLI disconnect returned → a leaf again */
  connect: Stats;
  disconnect: Stats;
  /** create, connect and disconnect together: the figure "event to row" */
  all: Stats;
  fromCliStart: Stats;
  cliMs: Stats;
  rounds: number;
}

const SEEN_KEY = '__dnBenchSeen';

/** What a round waits for on screen: the row there or gone, expandable (it has containers) or a leaf. */
type Want = 'present' | 'absent' | 'expandable' | 'leaf';

/** Page-side: stamps Date.now() on the first animation frame after the row labelled `name` is as wanted. */
function watchScript(name: string, want: Want): string {
  return `(() => {
    const name = ${JSON.stringify(name)}, want = ${JSON.stringify(want)};
    window.${SEEN_KEY} = 0;
    const row = () => [...document.querySelectorAll('.part.sidebar .monaco-list-row')].find((r) => (r.querySelector('.label-name')?.textContent || '').trim() === name);
    const state = () => { const r = row(); return !r ? 'absent' : r.hasAttribute('aria-expanded') ? 'expandable' : 'leaf'; };
    const has = () => want === 'present' ? state() !== 'absent' : state() === want;
    const done = () => requestAnimationFrame(() => { window.${SEEN_KEY} = Date.now(); });
    if (has()) { done(); return true; }
    const obs = new MutationObserver(() => { if (has()) { obs.disconnect(); done(); } });
    obs.observe(document.querySelector('.part.sidebar'), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-expanded'] });
    return false;
  })()`;
}

export async function workbenchLatency(root: string, vsix: string, dockerHost: string, docker: Dockerode, rounds: number, container: string): Promise<WorkbenchResult> {
  const lib = createRequire(__filename)(path.join(root, 'test', 'workbench', 'lib.cjs')) as WorkbenchLib;
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  for (let k = 0; k <= rounds; k++) await removeNetworkByName(docker, workbenchNet(k).name);
  const created = new Map<string, number>();
  const events = followCreates(dockerHost, created);
  const server = await lib.startCodeServer({ vsix, env: { DOCKER_HOST: dockerHost } });
  let browser: Browser | undefined;
  try {
    browser = await lib.launchBrowser();
    const { page } = await lib.openWorkbench(browser, server.url);
    await lib.openViewContainer(page, 'Docker Networks');
    await page.waitForFunction(`[...document.querySelectorAll('.part.sidebar .monaco-list-row .label-name')].some((e) => (e.textContent || '').startsWith('bench-net-'))`, undefined, { timeout: 60000 });
    log('workbench: the tree shows the fixture');
    const fromReturn: number[] = [];
    const fromEvent: number[] = [];
    const fromStart: number[] = [];
    const cli: number[] = [];
    const connect: number[] = [];
    const disconnect: number[] = [];
    /** Runs the CLI, then waits until the row is as wanted: ms from the CLI's return to the frame that shows it. */
    const change = async (name: string, want: Want, args: string[]): Promise<number> => {
      await page.evaluate(watchScript(name, want));
      await run('docker', args, { env });
      const t = Date.now();
      const seen = Number(await (await page.waitForFunction(`window.${SEEN_KEY}`, undefined, { timeout: 15000, polling: 20 })).jsonValue());
      return Math.max(0, seen - t);
    };
    // round 0 warms the path (first render of a new row, the CLI binary) and is not counted
    for (let k = 0; k <= rounds; k++) {
      const net = workbenchNet(k);
      await page.evaluate(watchScript(net.name, 'present'));
      const t0 = Date.now();
      await run('docker', ['network', 'create', '--driver', 'bridge', '--subnet', net.subnet, '--gateway', net.gateway, '--label', `${BENCH_LABEL}=aux`, net.name], { env });
      const t1 = Date.now();
      const seen = Number(await (await page.waitForFunction(`window.${SEEN_KEY}`, undefined, { timeout: 15000, polling: 20 })).jsonValue());
      const ev = created.get(net.name);
      if (k > 0) {
        if (ev !== undefined) fromEvent.push(seen - ev);
        fromReturn.push(Math.max(0, seen - t1));
        fromStart.push(seen - t0);
        cli.push(t1 - t0);
      }
      const c = await change(net.name, 'expandable', ['network', 'connect', net.name, container]);
      const d = await change(net.name, 'leaf', ['network', 'disconnect', net.name, container]);
      if (k > 0) {
        connect.push(c);
        disconnect.push(d);
      }
      log(`workbench round ${k}${k === 0 ? ' (warm-up)' : ''}: row visible ${seen - t1} ms after the CLI returned (CLI took ${t1 - t0} ms); connect ${c} ms, disconnect ${d} ms`);
      await page.evaluate(watchScript(net.name, 'absent'));
      await run('docker', ['network', 'rm', net.name], { env });
      await page.waitForFunction(`window.${SEEN_KEY}`, undefined, { timeout: 15000, polling: 20 });
    }
    return {
      fromEvent: stats(fromEvent), fromCliReturn: stats(fromReturn), connect: stats(connect), disconnect: stats(disconnect),
      all: stats([...fromReturn, ...connect, ...disconnect]), fromCliStart: stats(fromStart), cliMs: stats(cli), rounds,
    };
  } finally {
    events.destroy();
    await browser?.close().catch(() => undefined);
    await server.stop();
    rmSync(server.dir, { recursive: true, force: true });
    for (let k = 0; k <= rounds; k++) await removeNetworkByName(docker, workbenchNet(k).name).catch(() => undefined);
  }
}

/** Date.now() when the engine's `network create` event for each name reaches us (real socket, our own stream). */
function followCreates(dockerHost: string, into: Map<string, number>): http.ClientRequest {
  const filters = encodeURIComponent(JSON.stringify({ type: ['network'], event: ['create'] }));
  const req = http.request({ socketPath: dockerHost.replace(/^unix:\/\//, ''), path: `/events?filters=${filters}`, headers: { Host: 'localhost' } }, (res) => {
    let buf = '';
    res.on('data', (c: Buffer) => {
      const t = Date.now();
      buf += c.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          const e = JSON.parse(line) as { Actor?: { Attributes?: { name?: string } } };
          const name = e.Actor?.Attributes?.name;
          if (name && !into.has(name)) into.set(name, t);
        } catch { /* partial line */ }
      }
    });
  });
  req.on('error', () => undefined);
  req.end();
  return req;
}

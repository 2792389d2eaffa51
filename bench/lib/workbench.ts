// (g) The tree in the real workbench: code-server with the built .vsix in a fresh profile, headless Chromium
// (playwright-core), the Docker Networks view open. Each round creates a network with the docker CLI and times
// until its row is in the tree (a MutationObserver in the page stamps the next animation frame after the row
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
  fromCliReturn: Stats;
  fromCliStart: Stats;
  cliMs: Stats;
  rounds: number;
}

const SEEN_KEY = '__dnBenchSeen';

/** Page-side: stamps Date.now() on the first animation frame after a row labelled `name` is in the sidebar tree. */
function watchScript(name: string, present: boolean): string {
  return `(() => {
    const name = ${JSON.stringify(name)}, wantPresent = ${present};
    window.${SEEN_KEY} = 0;
    const has = () => [...document.querySelectorAll('.part.sidebar .monaco-list-row .label-name')].some((e) => (e.textContent || '').trim() === name);
    const done = () => requestAnimationFrame(() => { window.${SEEN_KEY} = Date.now(); });
    if (has() === wantPresent) { done(); return true; }
    const obs = new MutationObserver(() => { if (has() === wantPresent) { obs.disconnect(); done(); } });
    obs.observe(document.querySelector('.part.sidebar'), { subtree: true, childList: true, characterData: true });
    return false;
  })()`;
}

export async function workbenchLatency(root: string, vsix: string, dockerHost: string, docker: Dockerode, rounds: number): Promise<WorkbenchResult> {
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
    // round 0 warms the path (first render of a new row, the CLI binary) and is not counted
    for (let k = 0; k <= rounds; k++) {
      const net = workbenchNet(k);
      await page.evaluate(watchScript(net.name, true));
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
      log(`workbench round ${k}${k === 0 ? ' (warm-up)' : ''}: row visible ${seen - t1} ms after the CLI returned (CLI took ${t1 - t0} ms)`);
      await page.evaluate(watchScript(net.name, false));
      await run('docker', ['network', 'rm', net.name], { env });
      await page.waitForFunction(`window.${SEEN_KEY}`, undefined, { timeout: 15000, polling: 20 });
    }
    return { fromEvent: stats(fromEvent), fromCliReturn: stats(fromReturn), fromCliStart: stats(fromStart), cliMs: stats(cli), rounds };
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

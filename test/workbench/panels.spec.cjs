// The view panels in the real workbench, opened from the tree the way a person would, on the seed scenario:
//   1. Network Details from my-net's inline icon: IPAM, bridge interface, test1 and test4 with their addresses and
//      test4's port host side first; keyboard: Tab to "Open JSON", Enter opens the inspect document.
//   2. Container Networking from test1's context menu: both networks, the network mode, the Namespaces table with
//      its seven rows and their ids (the engine is on this machine).
//   3. Check Connectivity from test4's context menu: pick test1 → reachable, with the command and the model's word.
//   4. "Check all pairs" on the bridge network's page: the matrix, the cap said on screen.
// Screenshots: docs/network-details.png, docs/container-networking.png, docs/connectivity.png.
// The engine may be shared with other test runs that seed up/down at any moment: rerun when someone else's seed
// removed ours underneath.
'use strict';
const { execFileSync } = require('node:child_process');

// the palette and QuickPick helpers are lib.cjs's
const runCommand = (page, lib, title) => lib.runCommand(page, title);

const pickItem = (page, lib, asking, label) => lib.pickItem(page, asking, label);

/**
 * The tree row labelled `label`, in view. On a long list (an engine with hundreds of networks) a person types the
 * name into the focused tree, which moves to the first match; scrolling (lib.revealRow) is the fallback.
 */
async function showRow(page, lib, label) {
  const rows = lib.rowsLabelled(page, label);
  const visible = async () => (await rows.count()) > 0 && rows.first().isVisible();
  if (await visible()) return rows.first();
  const focused = page.locator('.part.sidebar .monaco-list-row.focused').first();
  if (await focused.count()) await focused.focus().catch(() => {});
  else await page.locator('.part.sidebar .monaco-list').first().focus().catch(() => {});
  await page.keyboard.type(label, { delay: 25 });
  await lib.until(visible, 5000, `${label} after typing its name`).catch(() => {});
  await page.keyboard.press('Escape');
  if (await visible()) return rows.first();
  return lib.revealRow(page, label, 20000);
}

async function expand(page, lib, label) {
  const row = await showRow(page, lib, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.locator('.monaco-tl-twistie').click({ timeout: 3000 });
    await lib.until(async () => (await row.getAttribute('aria-expanded')) === 'true', 5000, `${label} to expand`);
  }
}

/**
 * Right-clicks the tree row labelled `label` (under `network`, expanded first) and chooses `item` from its menu.
 * The tree is a virtual list that engine events re-render (a busy engine moves rows under the mouse): each attempt
 * starts afresh, until one gets through.
 */
async function contextMenu(page, lib, network, label, item) {
  const menu = page.locator('.context-view .monaco-menu');
  await lib.until(async () => {
    if (await menu.isVisible()) await page.keyboard.press('Escape');
    await expand(page, lib, network);
    const row = await showRow(page, lib, label);
    await row.click({ button: 'right', timeout: 3000 });
    await lib.chooseFromMenu(page, item);
    return true;
  }, 90000, `"${item}" from the context menu of ${label}`);
}

/** Clicks the inline action `action` of the tree row labelled `label` (retrying while the tree moves). */
async function inlineAction(page, lib, label, action) {
  await lib.until(async () => {
    const row = await showRow(page, lib, label);
    await row.hover({ timeout: 3000 });
    await row.locator(`.actions [aria-label^="${action}"]`).first().click({ timeout: 3000 });
    return true;
  }, 90000, `the "${action}" icon of ${label}`);
}

/** The docker CLI on the test engine (DOCKER_HOST). */
function docker(...args) {
  execFileSync('docker', args, { env: process.env, stdio: 'ignore', timeout: 60000 });
}

/** The page inside the (only visible) webview panel. */
function view(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

async function heading(page, text) {
  const f = view(page);
  await f.getByRole('heading', { level: 1, name: text }).waitFor({ state: 'visible', timeout: 30000 });
  return f;
}

/** The panel alone (no side bar: the engine may hold other people's networks), no toasts, no hover. */
async function shot(page, lib, file) {
  await runCommand(page, lib, 'View: Close Primary Side Bar');
  await lib.screenshot(page, file);
  await lib.openViewContainer(page, 'Docker Networks');
}

/** The text of each row of the table captioned `caption`. */
async function tableRows(f, caption) {
  const table = f.locator('table', { has: f.locator('caption', { hasText: caption }) });
  return table.locator('tbody tr').allTextContents();
}

module.exports = {
  title: 'View panels: network details, container networking, connectivity',
  async setup(ctx) {
    const { lib } = ctx;
    try { lib.seed('up'); } catch { await lib.sleep(2000); lib.seed('up'); }
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    await lib.openViewContainer(page, 'Docker Networks');
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30000 });
  },
  async teardown(ctx) {
    if (ctx.page) await ctx.page.context().close().catch(() => {});
    try { ctx.lib.seed('down'); } catch { await ctx.lib.sleep(2000); ctx.lib.seed('down'); }
  },
  tests: [
    ['Network Details from my-net\'s inline icon shows the seed\'s IPAM and containers; Tab + Enter on Open JSON works', async ({ page, lib }) => {
      await inlineAction(page, lib, 'my-net', 'Show Network Details');
      const f = await heading(page, 'my-net');
      const ipam = await lib.until(async () => {
        const rows = await tableRows(f, 'IP address management');
        return rows.length && rows;
      }, 15000, 'the IPAM table');
      if (!/172\.28\.0\.0\/16/.test(ipam[0]) || !/172\.28\.5\.0\/24/.test(ipam[0]) || !/172\.28\.5\.254/.test(ipam[0])) throw new Error(`IPAM: ${ipam}`);
      const containers = await tableRows(f, 'Containers on my-net');
      const t4 = containers.find((r) => r.startsWith('test4'));
      if (!t4 || !t4.includes('172.28.5.10/16') || !t4.includes('127.0.0.1:8080 → 80/tcp')) throw new Error(`containers: ${JSON.stringify(containers)}`);
      if (!containers.some((r) => r.startsWith('test1'))) throw new Error('test1 is missing');
      const bridge = await f.locator('#overview').textContent();
      if (!/br-[0-9a-f]{12}/.test(bridge || '')) throw new Error(`bridge interface: ${bridge}`);
      // every container row has its three buttons
      for (const b of ['Inspect test4', 'Disconnect test4', 'Check connectivity from test4']) await f.getByRole('button', { name: b }).waitFor({ timeout: 5000 });
      await shot(page, lib, 'network-details.png');
      lib.say(`Network Details: ${JSON.stringify(await lib.checkAccessible(page, f, 'Network Details'))}`);
      // keyboard only: from "Create Network Like This…", Tab reaches "Open JSON"; Enter opens the inspect document
      await f.getByRole('button', { name: 'Create Network Like This…' }).focus();
      await page.keyboard.press('Tab');
      const focused = await f.locator(':focus').textContent();
      if (focused !== 'Open JSON') throw new Error(`Tab went to ${focused}`);
      await page.keyboard.press('Enter');
      await lib.until(async () => (await page.locator('.tabs-container .tab', { hasText: /my-net.*\.json|my-net/ }).count()) >= 2, 15000, 'the inspect document tab');
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['Network Details through an engine update (a container joins my-net): updated by key — focus stays on Open JSON, the live region, the table and test1\'s row are the same elements, and the merged button still works', async ({ page, lib }) => {
      await inlineAction(page, lib, 'my-net', 'Show Network Details');
      const f = await heading(page, 'my-net');
      const before = await lib.until(async () => (await tableRows(f, 'Containers on my-net')).length, 15000, 'the containers table');
      await f.getByRole('button', { name: 'Open JSON' }).focus();
      // a mark on the live region: a region made again with the picture would lose it (and its announcement)
      await f.locator('#view-status').evaluate((el) => { el.dataset.mark = 'kept'; });
      // marks (a property of the element object: a merge rewrites attributes) on the table and on a row the update does
      // not change: a page rendered again would make new elements; the new container sorts before test1, so a row
      // matched by position rather than by key would be rewritten with the new container's cells
      const rows = f.locator('table', { has: f.locator('caption', { hasText: 'Containers on my-net' }) }).locator('tbody tr');
      await rows.filter({ hasText: /^test1/ }).evaluate((el) => { el.dnMark = 'kept'; });
      await f.locator('#containers table').evaluate((el) => { el.dnMark = 'kept'; });
      const name = 'dn-focus-probe';
      docker('run', '-d', '--name', name, '--network', 'my-net', 'localbusybox:latest', 'sleep', '600');
      try {
        await lib.until(async () => (await tableRows(f, 'Containers on my-net')).length === before + 1, 20000, 'the new container in the table');
        const focused = await f.locator(':focus').getAttribute('id');
        if (focused !== 'act-json') throw new Error(`focus went to ${focused} after the update`);
        if ((await f.locator('#view-status').getAttribute('data-mark')) !== 'kept') throw new Error('the live region was made again by the update');
        if ((await f.locator('#containers table').evaluate((el) => el.dnMark)) !== 'kept') throw new Error('the containers table was made again by the update');
        const t1 = await rows.filter({ hasText: /^test1/ }).evaluate((el) => el.dnMark);
        if (t1 !== 'kept') throw new Error('test1\'s row was made again (or rewritten) by the update');
        if ((await rows.filter({ hasText: new RegExp(`^${name}`) }).evaluate((el) => el.dnMark)) !== undefined) throw new Error('the new row took over another row\'s element');
        // the focused button is the old element with the new picture's attributes: Enter still runs its action
        await page.keyboard.press('Enter');
        await lib.until(async () => (await page.locator('.tabs-container .tab', { hasText: /my-net/ }).count()) >= 2, 15000, 'the inspect document tab after the update');
      } finally {
        docker('rm', '-f', name);
      }
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['Container Networking from test1\'s context menu: both networks and the Namespaces table with seven rows and ids', async ({ page, lib }) => {
      await contextMenu(page, lib, 'my-net', 'test1', 'Show Container Networking');
      const f = await heading(page, 'test1');
      const nets = await lib.until(async () => {
        const r = await tableRows(f, 'Networks of test1');
        return r.length === 2 && r;
      }, 15000, 'the two networks of test1');
      if (!nets[0].startsWith('bridge') || !nets[1].startsWith('my-net') || !/172\.28\./.test(nets[1])) throw new Error(`networks: ${JSON.stringify(nets)}`);
      const ns = await tableRows(f, 'Linux namespaces of the container');
      if (ns.length !== 7) throw new Error(`namespaces: ${JSON.stringify(ns)}`);
      for (const t of ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts']) {
        if (!ns.some((r) => r.includes(`(${t})`))) throw new Error(`no ${t} row: ${JSON.stringify(ns)}`);
      }
      if (!ns.some((r) => /net:\[\d+\]/.test(r))) throw new Error(`no namespace ids: ${JSON.stringify(ns)} (${await f.locator('#ns-note').textContent()})`);
      const mode = await f.locator('#overview').textContent();
      if (!/bridge \(the default bridge network\)/.test(mode || '')) throw new Error(`mode: ${mode}`);
      await shot(page, lib, 'container-networking.png');
      lib.say(`Container Networking: ${JSON.stringify(await lib.checkAccessible(page, f, 'Container Networking'))}`);
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['Check Connectivity from test4\'s context menu: pick test1 → reachable over my-net, the command and the model shown', async ({ page, lib }) => {
      await contextMenu(page, lib, 'my-net', 'test4', 'Check Connectivity…');
      await pickItem(page, lib, /Probe which container from test4/, 'test1');
      const f = await heading(page, /^Connectivity: test4 → test1/);
      const card = await lib.until(async () => {
        const t = (await f.locator('#pair-result').textContent()) || '';
        return /Reachable/.test(t) && t;
      }, 20000, 'the probe result');
      if (!/\["ping","-c","1","-W","1","172\.28\.5\.\d+"\]/.test(card)) throw new Error(`no command: ${card}`);
      if (!/Agrees with the model: reachable via my-net/.test(card)) throw new Error(`no agreement: ${card}`);
      lib.say(`Connectivity: ${JSON.stringify(await lib.checkAccessible(page, f, 'Connectivity'))}`);
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['"Check all pairs" on the bridge network\'s page: the matrix probes test1, test2, test3 each way, the cap said', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Show Network Details');
      await pickItem(page, lib, /Select a network/, 'bridge');
      const details = await heading(page, 'bridge');
      await details.getByRole('button', { name: 'Check all pairs' }).click();
      const f = await heading(page, /^Connectivity: All pairs on bridge/);
      await lib.until(async () => /^Done:/.test((await f.locator('#summary').textContent()) || ''), 60000, 'the matrix to finish');
      const cap = await f.getByRole('note').first().textContent();
      if (!/capped at 20 containers/.test(cap || '')) throw new Error(`cap not said: ${cap}`);
      const rows = await tableRows(f, 'Probe results');
      for (const [a, b] of [['test1', 'test2'], ['test2', 'test3'], ['test3', 'test1']]) {
        const r = rows.find((x) => x.startsWith(`${a}${b}`));
        if (!r || !/reachable/.test(r) || !/Agrees with the model/.test(r)) throw new Error(`${a} → ${b}: ${r} (${rows.length} rows)`);
      }
      await shot(page, lib, 'connectivity.png');
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['Show Published Ports and Explain Reachability (test4 → test1): every control named, Tab reaches each in order with a focus ring', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Show Published Ports');
      let f = await heading(page, 'Published Ports');
      await lib.until(async () => (await tableRows(f, 'Published ports')).some((r) => r.includes('127.0.0.1:8080')), 15000, 'test4\'s port in the table');
      lib.say(`Published Ports: ${JSON.stringify(await lib.checkAccessible(page, f, 'Published Ports'))}`);
      await contextMenu(page, lib, 'my-net', 'test4', 'Explain Reachability…');
      await pickItem(page, lib, /can reach which container/, 'test1');
      f = await heading(page, 'Can test4 reach test1?');
      lib.say(`Explain Reachability: ${JSON.stringify(await lib.checkAccessible(page, f, 'Explain Reachability'))}`);
      await runCommand(page, lib, 'View: Close All Editors');
    }],
  ],
};

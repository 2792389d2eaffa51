// Panels survive Developer: Reload Window, as a person would do it, on the seed scenario:
//   Network Details of my-net, the Create Network form with a name and a subnet typed by hand, and the Topology map
//   filtered to test4 are open; the window reloads (command palette); the three tabs come back, each with its
//   state: the map's search box still says test4, the form still holds what was typed (and its live command), the
//   details page shows my-net's IPAM and containers. No "could not bring back" warning is shown.
// The engine may be shared with other test runs that seed up/down: the typed network is never created.
'use strict';

const TYPED = { name: 'typed-before-reload', subnet: '10.123.0.0/16' };

/** The editor tab whose label matches `label`. */
function tab(page, label) {
  return page.locator('.tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

async function tabLabels(page) {
  return page.locator('.tabs-container .tab .label-name').allTextContents();
}

module.exports = {
  title: 'Panels come back after a window reload with their state',
  async setup(ctx) {
    const { lib } = ctx;
    try { lib.seed('up'); } catch { await lib.sleep(2000); lib.seed('up'); }
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    // a busy machine: the extension's icon may take a while (openViewContainer waits 30 s)
    await page.locator('.part.activitybar [aria-label^="Docker Networks"]').first().waitFor({ state: 'visible', timeout: 120000 });
    await lib.openViewContainer(page, 'Docker Networks');
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 120000 });
  },
  async teardown(ctx) {
    if (ctx.page) {
      await ctx.lib.runCommand(ctx.page, 'View: Close All Editors').catch(() => {});
      await ctx.page.context().close().catch(() => {});
    }
    try { ctx.lib.seed('down'); } catch { await ctx.lib.sleep(2000); ctx.lib.seed('down'); }
  },
  tests: [
    ['Network Details, a form with typed values and the Topology map are back after Developer: Reload Window', async ({ page, lib }) => {
      // 1. Network Details of my-net
      await lib.runCommand(page, 'Docker Networks: Show Network Details');
      await lib.pickItem(page, /Select a network/, 'my-net');
      await lib.webviewFrame(page).getByRole('heading', { level: 1, name: 'my-net' }).waitFor({ state: 'visible', timeout: 30000 });
      // 2. Create Network, typed by hand
      await lib.runCommand(page, 'Docker Networks: Create Network…');
      let f = lib.webviewFrame(page);
      await f.getByRole('button', { name: 'Create', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
      await f.getByLabel('Name').fill(TYPED.name);
      await f.getByLabel('Subnet').fill(TYPED.subnet);
      await lib.until(async () => ((await f.locator('#command').textContent()) || '').includes(`--subnet ${TYPED.subnet}`), 10000, 'the live command');
      // 3. The map, searched for test4
      await lib.runCommand(page, 'Docker Networks: Show Topology');
      f = lib.webviewFrame(page);
      await lib.until(async () => (await f.locator('#containers li .name').allTextContents()).includes('test4'), 30000, 'test4 in the map\'s list');
      await f.getByLabel('Filter by name or label').fill('test4');
      await lib.until(async () => (await f.locator('#containers li[role="option"] .name').allTextContents()).join() === 'test4', 10000, 'the list narrowed to test4');
      await lib.sleep(1500); // the map saves its state (search, layout) a moment after a change
      const before = await tabLabels(page);
      lib.say(`tabs before the reload: ${JSON.stringify(before)}`);

      // Developer: Reload Window, from the palette
      const reloaded = page.waitForEvent('framenavigated', { predicate: (fr) => fr === page.mainFrame(), timeout: 60000 });
      await lib.runCommand(page, 'Developer: Reload Window');
      await reloaded;
      await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 90000 });
      lib.say('the window reloaded');

      // the three tabs are back
      await lib.until(async () => {
        const labels = await tabLabels(page);
        return labels.some((l) => /my-net/.test(l)) && labels.includes('Create Network') && labels.includes('Docker Topology') && labels;
      }, 60000, 'the three panels\' tabs after the reload');
      // the map (the active tab) kept its search, and shows the engine again (a busy machine may take minutes to start
      // the extension host again: its panels show once it has)
      await tab(page, 'Docker Topology').click();
      f = lib.webviewFrame(page);
      await lib.until(async () => (await f.getByLabel('Filter by name or label').inputValue()) === 'test4', 240000, 'the map\'s search box to say test4');
      await lib.until(async () => (await f.locator('#containers li[role="option"] .name').allTextContents()).join() === 'test4', 30000, 'the map\'s list (test4) after the reload');
      // the form kept what was typed, and the host has it (the live command)
      await tab(page, 'Create Network').click();
      f = lib.webviewFrame(page);
      await f.getByRole('button', { name: 'Create', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
      const values = [await f.getByLabel('Name').inputValue(), await f.getByLabel('Subnet').inputValue()];
      if (values.join(' ') !== `${TYPED.name} ${TYPED.subnet}`) throw new Error(`the form after the reload: ${JSON.stringify(values)}`);
      await lib.until(async () => /--subnet 10\.123\.0\.0\/16 .*typed-before-reload$/.test((await f.locator('#command').textContent()) || ''), 15000, 'the live command of the restored form');
      // Network Details is my-net's page again, live
      await tab(page, 'my-net').click();
      f = lib.webviewFrame(page);
      await f.getByRole('heading', { level: 1, name: 'my-net' }).waitFor({ state: 'visible', timeout: 30000 });
      const containers = await lib.until(async () => {
        const rows = await f.locator('table', { has: f.locator('caption', { hasText: 'Containers on my-net' }) }).locator('tbody tr').allTextContents();
        return rows.some((r) => r.startsWith('test4')) && rows;
      }, 30000, 'my-net\'s containers after the reload');
      lib.say(`my-net after the reload: ${containers.length} containers`);
      const warnings = await page.locator('.notifications-toasts .notification-list-item', { hasText: /could not bring back/ }).count();
      if (warnings > 0) throw new Error('a "could not bring back" warning was shown');
    }],
  ],
};

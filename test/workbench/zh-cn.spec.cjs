// The workbench with Simplified Chinese as its display language (run.cjs gives this spec a code-server of its own,
// started with --locale zh-cn and the profile lib.localeProfile writes): the extension's own texts are Chinese, from
// package.nls.zh-cn.json (view, menus, command titles) and l10n/bundle.l10n.zh-cn.json (what the host and, through
// the bundle handed to @vscode/l10n at activation, core say). The workbench's own texts stay English (no language
// pack is downloaded). Fields and buttons written in the pages themselves are found by id, so the spec holds whether
// or not the pages' own texts are translated.
'use strict';

const path = require('node:path');

/** The whole window, Chinese tree beside the panel: docs/zh-cn/<file>, only under `npm run screenshots` (the tests
 * do not need the pictures, and a palette step more is one more wait). */
async function shot(page, lib, file) {
  if (process.env.DN_SHOTS_DIR) await lib.screenshot(page, path.join('zh-cn', file));
}

/** A tree row's context menu, opened by a right-click; returns the texts of its entries. */
async function contextMenuEntries(page, lib, label) {
  const menu = page.locator('.context-view .monaco-menu');
  return lib.until(async () => {
    if (await menu.isVisible()) await page.keyboard.press('Escape');
    await (await lib.revealRow(page, label)).click({ button: 'right', timeout: 3000 });
    await menu.waitFor({ state: 'visible', timeout: 3000 });
    return (await menu.locator('.action-item .action-label').allTextContents()).map((t) => t.trim()).filter(Boolean);
  }, 30000, `the context menu of ${label}`);
}

module.exports = {
  title: 'zh-cn: the extension speaks Simplified Chinese',
  locale: 'zh-cn',
  async setup(ctx) {
    const { lib } = ctx;
    lib.seed('up');
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    // the view container appears once the extension host has scanned the extension: slow on a busy machine
    await page.locator('.part.activitybar [aria-label^="Docker 网络"]').first().waitFor({ state: 'visible', timeout: 120000 });
    await lib.openViewContainer(page, 'Docker 网络');
    await lib.revealRow(page, 'my-net', 180000);   // the extension activates and reads the engine first
  },
  async teardown(ctx) {
    ctx.lib.updateSettings(ctx.server, { 'dockerNetworks.host': undefined });
    if (ctx.page) await ctx.page.context().close().catch(() => {});
    ctx.lib.seed('down');
  },
  tests: [
    ['the view and a network\'s context menu are in Chinese; 显示网络详情 opens Network Details in Chinese', async ({ page, lib }) => {
      await page.locator('.part.sidebar .composite.title', { hasText: 'Docker 网络' }).first().waitFor({ state: 'visible', timeout: 15000 });
      const entries = await contextMenuEntries(page, lib, 'my-net');
      for (const want of ['显示网络详情', '检查网络…', '仿照此网络创建…', '将容器连接到网络…', '删除网络…', '复制 ID']) {
        if (!entries.includes(want)) throw new Error(`context menu of my-net: ${JSON.stringify(entries)}, no ${want}`);
      }
      await lib.chooseFromMenu(page, '显示网络详情');
      await page.locator('.tabs-container .tab', { hasText: '网络：my-net' }).first().waitFor({ state: 'visible', timeout: 30000 });
      const f = lib.webviewFrame(page);
      await f.getByRole('heading', { level: 1, name: 'my-net' }).waitFor({ state: 'visible', timeout: 30000 });
      // the IPAM table's use of the subnet, counted and worded by core (ipamUsage.ts): "已用 N · 空闲 M"
      await lib.until(async () => /已用 \d+ · 空闲 [\d,.]+/.test((await f.locator('body').textContent()) || ''), 15000, 'the subnet usage in Chinese');
      await shot(page, lib, 'network-details.png');
      await lib.runCommand(page, 'View: Close All Editors');
    }],
    ['Create Network in Chinese: a bad name gets its field error from core in Chinese, and nothing is created', async ({ page, lib }) => {
      await lib.runCommand(page, 'Docker 网络: 创建网络…');
      const f = lib.webviewFrame(page);
      const create = f.getByRole('button', { name: '创建', exact: true });
      await create.waitFor({ state: 'visible', timeout: 30000 });
      await f.locator('#f-name').fill('bad name');
      await create.click();
      const error = await lib.until(() => lib.fieldError(f, f.locator('#f-name')), 15000, 'the error next to the name');
      if (error !== '“bad name”不是有效的网络名称：以字母或数字开头，其后只使用字母、数字、“_”、“.”和“-”。') throw new Error(`name error: ${error}`);
      await shot(page, lib, 'create-network-error.png');
      await lib.runCommand(page, 'View: Close All Editors');
    }],
    ['Show Topology in Chinese: the side list says what test4 can reach, in the words of core', async ({ page, lib }) => {
      await lib.runCommand(page, 'Docker 网络: 显示拓扑');
      const f = lib.webviewFrame(page);
      await f.locator('#cy[data-version]').waitFor({ state: 'attached', timeout: 60000 });
      await f.getByRole('option', { name: /^test4\b/ }).click({ timeout: 30000 });
      const summary = await lib.until(async () => {
        const t = ((await f.locator('#reach-summary').textContent()) || '').trim();
        return t.startsWith('test4 可以访问：') && t;
      }, 20000, 'the reach summary of test4 in Chinese');
      if (!summary.includes('test1')) throw new Error(`side list reads: ${summary}`);
      await shot(page, lib, 'topology.png');
      await lib.runCommand(page, 'View: Close All Editors');
    }],
    ['with no engine the view\'s message and its 重试 / 打开设置 rows are in Chinese', async ({ page, lib, server }) => {
      lib.updateSettings(server, { 'dockerNetworks.host': `unix://${server.dir}/no-engine.sock` });
      const sidebar = page.locator('.part.sidebar');
      await lib.until(async () => ((await sidebar.textContent().catch(() => '')) || '').includes('请启动引擎，或设置要使用的端点。'), 30000, 'the message in Chinese');
      for (const label of ['重试', '打开设置']) await lib.rowsLabelled(page, label).first().waitFor({ state: 'visible', timeout: 15000 });
      lib.updateSettings(server, { 'dockerNetworks.host': undefined });
      await lib.revealRow(page, 'my-net', 30000);
    }],
  ],
};

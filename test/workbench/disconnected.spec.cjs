// The disconnected state in the real workbench: with the endpoint pointing at a socket nothing listens on, the view
// says where it looked and why it failed, and shows Retry and Open Settings (as rows: this workbench shows no welcome
// content while the view has a message). Open Settings opens the setting; once an engine answers there, Retry
// brings the networks back.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

/** A unix socket at `file` that forwards every connection to the engine's socket (the engine "comes back"). */
function forwarder(file, target) {
  const sockets = new Set();
  const server = net.createServer((c) => {
    const up = net.connect(target);
    sockets.add(c).add(up);
    c.pipe(up).pipe(c);
    const end = () => { c.destroy(); up.destroy(); sockets.delete(c); sockets.delete(up); };
    c.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  /** Stops listening and cuts the connections still open (the extension's event stream is one). */
  server.stop = () => new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return new Promise((resolve, reject) => server.once('error', reject).listen(file, () => resolve(server)));
}

/** The row labelled exactly `label` in the side bar's tree. */
function row(page, lib, label) {
  return lib.rowsLabelled(page, label).first();
}

module.exports = {
  title: 'Disconnected: the view says why and offers Retry and Open Settings',
  async setup(ctx) {
    const { lib } = ctx;
    ctx.sock = path.join(ctx.server.dir, 'late-engine.sock');
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    await lib.openViewContainer(page, 'Docker Networks');
    // connected first; then the endpoint moves to a socket nothing listens on (as the Settings editor would write it)
    await lib.revealRow(page, 'bridge');
    lib.updateSettings(ctx.server, { 'dockerNetworks.host': `unix://${ctx.sock}` });
  },
  async teardown(ctx) {
    const { lib, page } = ctx;
    // back to the engine of DOCKER_HOST while the window is there to tell the extension, and seen back in the tree
    lib.updateSettings(ctx.server, { 'dockerNetworks.host': undefined });
    if (page) {
      await lib.revealRow(page, 'bridge', 30000).catch((e) => lib.say(`teardown: ${e.message}`));
      await page.context().close().catch(() => {});
    }
    if (ctx.forwarder) await ctx.forwarder.stop();
  },
  tests: [
    ['the view names the endpoint and the error, with Retry and Open Settings visible', async ({ page, lib, sock }) => {
      const sidebar = page.locator('.part.sidebar');
      await lib.until(async () => ((await sidebar.textContent().catch(() => '')) || '').includes(sock), 30000, 'the view naming the socket');
      for (const label of ['Retry', 'Open Settings']) await row(page, lib, label).waitFor({ state: 'visible', timeout: 15000 });
      if (await lib.rowsLabelled(page, 'bridge').count()) throw new Error('the networks of the old engine are still listed');
    }],
    ['Open Settings opens the endpoint setting', async ({ page, lib }) => {
      await row(page, lib, 'Open Settings').click();
      const editor = page.locator('.settings-editor');
      await editor.waitFor({ state: 'visible', timeout: 15000 });
      await lib.until(async () => (await page.locator('.settings-editor .setting-item-contents').allTextContents()).some((t) => /Docker Networks.*Host/i.test(t)), 15000, 'the dockerNetworks.host setting in the editor');
      // closed again (it may open as a modal editor over the workbench)
      const modal = page.locator('.monaco-modal-editor-block');
      await lib.until(async () => {
        if (!(await modal.isVisible().catch(() => false))) return true;
        await page.keyboard.press('Escape');
        return false;
      }, 10000, 'the Settings editor to let the workbench go');
    }],
    ['once an engine answers there, Retry brings the networks back', async (ctx) => {
      const { page, lib, sock } = ctx;
      ctx.forwarder = await forwarder(sock, process.env.DOCKER_HOST.replace(/^unix:\/\//, ''));
      await lib.openViewContainer(page, 'Docker Networks');
      await row(page, lib, 'Retry').click();
      await lib.revealRow(page, 'bridge', 15000);
      await lib.until(async () => (await lib.rowsLabelled(page, 'Retry').count()) === 0, 5000, 'the Retry row to go');
      if (!fs.existsSync(sock)) throw new Error('the forwarder socket is gone');
    }],
  ],
};

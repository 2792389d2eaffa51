// Two real engines side by side (dockerNetworks.contexts = dn-a, dn-b; DN_SECOND_DOCKER_HOST is the second one):
// Network Details of a dn-b network → Create Network Like This… → Create makes the network on dn-b, and the panels'
// tabs say dn-b. Skipped without a second engine.
'use strict';
const Dockerode = require('dockerode');

const LABEL = 'dev.dockernetworks.wb-sidebyside';
const SOURCE = { name: 'dnw-b-net', subnet: '10.82.0.0/16' };
const COPY = 'dnw-b-like';

function dockerOf(host) {
  if (!host || !host.startsWith('unix://')) throw new Error(`a unix:// engine is needed, got ${host || '(unset)'}`);
  return new Dockerode({ socketPath: host.slice('unix://'.length) });
}
const dockerA = () => dockerOf(process.env.DOCKER_HOST);
const dockerB = () => dockerOf(process.env.DN_SECOND_DOCKER_HOST);

async function removeNetwork(d, name) {
  try { await d.getNetwork(name).remove(); } catch (e) { if (e.statusCode !== 404) throw e; }
}

async function exists(d, name) {
  return d.getNetwork(name).inspect().then(() => true, () => false);
}

/** The page inside the (only visible) webview panel. */
function webview(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

module.exports = {
  title: 'Side by side: a form opened from an engine acts on that engine',
  async setup(ctx) {
    const { lib } = ctx;
    if (!process.env.DN_SECOND_DOCKER_HOST) {
      ctx.skip = 'needs DN_SECOND_DOCKER_HOST, a second engine';
      return;
    }
    for (const name of [COPY, SOURCE.name]) { await removeNetwork(dockerA(), name); await removeNetwork(dockerB(), name); }
    await dockerB().createNetwork({ Name: SOURCE.name, Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: SOURCE.subnet }] } });
    lib.updateSettings(ctx.server, { 'dockerNetworks.contexts': ['dn-a', 'dn-b'] });
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    await lib.openViewContainer(page, 'Docker Networks');
  },
  async teardown(ctx) {
    if (ctx.skip) return;
    if (ctx.page) await ctx.page.context().close().catch(() => {});
    ctx.lib.updateSettings(ctx.server, { 'dockerNetworks.contexts': undefined });
    for (const name of [COPY, SOURCE.name]) {
      await removeNetwork(dockerA(), name).catch(() => {});
      await removeNetwork(dockerB(), name).catch(() => {});
    }
  },
  tests: [
    ['both engines are listed, each with its own networks', async ({ page, lib }) => {
      await lib.revealRow(page, 'dn-a');
      await lib.revealRow(page, 'dn-b');
      await lib.revealRow(page, SOURCE.name);
    }],
    ['Network Details of a dn-b network → Create Network Like This… → Create makes the network on dn-b', async ({ page, lib }) => {
      const tab = (text) => page.locator('.tabs-container .tab', { hasText: text }).first();
      await lib.until(async () => {
        const row = await lib.revealRow(page, SOURCE.name, 5000);
        await row.hover({ timeout: 3000 });
        await row.locator('.actions [aria-label^="Show Network Details"]').first().click({ timeout: 3000 });
        // A click that lands while the view redraws every row (the host-route check's first answer for an engine
        // redraws the whole view) reaches the command without its row, which then asks for the engine: a redraw
        // race of the view, not of this flow. Close that picker and click the redrawn row again.
        const shown = await tab(`Network: ${SOURCE.name} — dn-b`).waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
        if (!shown) await page.keyboard.press('Escape');
        return shown;
      }, 60000, `the Show Network Details icon of ${SOURCE.name}`);
      const details = webview(page);
      await details.getByRole('button', { name: 'Create Network Like This…', exact: true }).click({ timeout: 30000 });
      await tab('Create Network — dn-b').waitFor({ state: 'visible', timeout: 30000 });
      const form = webview(page);
      await form.getByRole('button', { name: 'Create', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
      const name = form.getByLabel('Name', { exact: true });
      await lib.until(async () => (await name.inputValue()) === `${SOURCE.name}-copy`, 15000, 'the copy prefilled from dn-b');
      await name.fill(COPY);
      // the copied subnet is the source's own (it would overlap): let the engine choose one
      await form.getByLabel('Subnet', { exact: true }).fill('');
      await form.getByRole('button', { name: 'Create', exact: true }).click();
      await lib.until(() => exists(dockerB(), COPY), 30000, `${COPY} on dn-b`);
      if (await exists(dockerA(), COPY)) throw new Error(`${COPY} was made on dn-a as well`);
      await lib.until(async () => (await lib.rowsLabelled(page, COPY).count()) > 0 || (await lib.revealRow(page, COPY, 3000).then(() => true, () => false)), 30000, `${COPY} in the tree`);
    }],
  ],
};

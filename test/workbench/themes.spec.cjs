// Every theme, in the real workbench on the seed scenario: the Topology map is open while `workbench.colorTheme`
// changes, through the Color Theme picker (which writes the setting), to Light Modern, Default High Contrast, Default
// High Contrast Light and Dark Modern. Each time the webview's body class changes, the map restyles from the theme's
// variables, and the colours it draws with (on #cy) are readable: node and edge labels at least 4.5:1 against the
// background they are drawn on (WCAG AA for text), edges at least 3:1 (non-text).
// With DN_THEME_SHOTS=1 (scripts/screenshots.sh --themes) it also writes <shots>/themes/<theme>-<view>.png for the
// tree, the Create Network form with a field error, Network Details and the map.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// `id`: the value of workbench.colorTheme; `label`: the name the Color Theme picker shows (code-server's built-ins)
const THEMES = [
  { slug: 'light', id: 'Light Modern', label: 'Light Modern', workbench: 'vs', body: 'vscode-light' },
  { slug: 'hc-dark', id: 'Default High Contrast', label: 'Dark High Contrast', workbench: 'hc-black', body: 'vscode-high-contrast' },
  { slug: 'hc-light', id: 'Default High Contrast Light', label: 'Light High Contrast', workbench: 'hc-light', body: 'vscode-high-contrast-light' },
  { slug: 'dark', id: 'Dark Modern', label: 'Dark Modern', workbench: 'vs-dark', body: 'vscode-dark' },
];
const SHOTS = process.env.DN_THEME_SHOTS === '1';

/** Preferences: Color Theme, then the theme by its label (the picker sets workbench.colorTheme); waits for the workbench. */
async function colorTheme(page, lib, theme) {
  await lib.runCommand(page, 'Preferences: Color Theme');
  await lib.pickItem(page, /theme/i, theme.label);
  await lib.until(async () => ((await page.locator('.monaco-workbench').getAttribute('class')) || '').split(/\s+/).includes(theme.workbench), 30000, `the workbench in ${theme.id}`);
}

/** The label of the theme in use (the Color Theme picker opens on it), the picker closed again. */
async function currentTheme(page, lib) {
  await lib.runCommand(page, 'Preferences: Color Theme');
  const row = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  await row.waitFor({ state: 'visible', timeout: 15000 });
  const label = ((await row.textContent()) || '').trim();
  await page.keyboard.press('Escape');
  return label;
}

function tab(page, label) {
  return page.locator('.tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

/** [r, g, b, a] of a colour as the canvas normalises it ('#rrggbb' or 'rgba(r, g, b, a)'). */
function parse(c) {
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (m) return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), 1];
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  throw new Error(`not a colour: ${c}`);
}

/** WCAG 2 contrast ratio of `fg` drawn over `bg` (a translucent fg is blended onto bg first). */
function contrast(fg, bg) {
  const [br, bgG, bb] = parse(bg);
  const [r, g, b, a] = parse(fg);
  const mix = [r * a + br * (1 - a), g * a + bgG * (1 - a), b * a + bb * (1 - a)];
  const lum = ([x, y, z]) => {
    const ch = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * ch(x) + 0.7152 * ch(y) + 0.0722 * ch(z);
  };
  const [l1, l2] = [lum(mix), lum([br, bgG, bb])].sort((p, q) => q - p);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** The map's colours as it drew them (data-* on #cy), normalised by a canvas, and the webview body's theme class. */
async function mapColours(f) {
  return f.locator('#cy').evaluate((cy) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const norm = (v) => { ctx.fillStyle = '#000000'; ctx.fillStyle = v; return ctx.fillStyle; };
    const d = cy.dataset;
    return {
      body: document.body.className, label: norm(d.labelColor), edgeLabel: norm(d.edgeLabelColor), edge: norm(d.edgeColor),
      background: norm(d.labelBackground), raw: { ...d },
    };
  });
}

async function shot(lib, locator, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await locator.screenshot({ path: file });
  lib.say(`screenshot ${path.relative(lib.ROOT, file)}`);
}

module.exports = {
  title: 'Every theme: the map readable in light, dark and both high-contrast themes',
  async setup(ctx) {
    const { lib } = ctx;
    try { lib.seed('up'); } catch { await lib.sleep(2000); lib.seed('up'); }
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    await page.locator('.part.activitybar [aria-label^="Docker Networks"]').first().waitFor({ state: 'visible', timeout: 120000 });
    await lib.openViewContainer(page, 'Docker Networks');
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 120000 });
    ctx.theme = await currentTheme(page, lib);
    lib.say(`theme at the start: ${ctx.theme}`);
  },
  async teardown(ctx) {
    if (ctx.page) {
      // the specs after this one (and their pictures) get the profile's theme back
      if (ctx.theme) {
        await ctx.lib.runCommand(ctx.page, 'Preferences: Color Theme').catch(() => {});
        await ctx.lib.pickItem(ctx.page, /theme/i, ctx.theme).catch((e) => ctx.lib.say(`theme not restored: ${e.message}`));
      }
      await ctx.lib.runCommand(ctx.page, 'View: Close All Editors').catch(() => {});
      await ctx.page.context().close().catch(() => {});
    }
    try { ctx.lib.seed('down'); } catch { await ctx.lib.sleep(2000); ctx.lib.seed('down'); }
  },
  tests: [
    ['the map restyles on each theme change; labels ≥ 4.5:1 and edges ≥ 3:1 against its background in all four themes', async ({ page, lib }) => {
      if (SHOTS) {
        // the other three pictures: Network Details, the Create Network form with a field error (the map opens last)
        await lib.runCommand(page, 'Docker Networks: Show Network Details');
        await lib.pickItem(page, /Select a network/, 'my-net');
        await lib.webviewFrame(page).getByRole('heading', { level: 1, name: 'my-net' }).waitFor({ state: 'visible', timeout: 30000 });
        await lib.runCommand(page, 'Docker Networks: Create Network…');
        const form = lib.webviewFrame(page);
        await form.getByRole('button', { name: 'Create', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
        await form.getByLabel('Name').fill('themed-net');
        await form.getByLabel('Subnet').fill('172.29.0.0/16');
        await form.getByLabel('Gateway').fill('172.30.0.1');
        await lib.until(async () => (await form.getByLabel('Gateway').getAttribute('aria-invalid')) === 'true', 15000, 'the Gateway error');
        await lib.expandRow(page, 'my-net');
      }
      await lib.runCommand(page, 'Docker Networks: Show Topology');
      let f = lib.webviewFrame(page);
      await lib.until(async () => (await f.locator('#containers li .name').allTextContents()).includes('test4'), 60000, 'test4 in the map\'s list');
      let before = '';
      const found = [];
      for (const theme of THEMES) {
        await colorTheme(page, lib, theme);
        if (SHOTS) await tab(page, 'Docker Topology').click();
        f = lib.webviewFrame(page);
        const c = await lib.until(async () => {
          const got = await mapColours(f);
          return got.body.split(/\s+/).includes(theme.body) && got.background !== before && got;
        }, 30000, `the map to restyle for ${theme.id}`);
        before = c.background;
        const ratios = { label: contrast(c.label, c.background), edgeLabel: contrast(c.edgeLabel, c.background), edge: contrast(c.edge, c.background) };
        lib.say(`${theme.id}: ${JSON.stringify(c.raw)} → label ${ratios.label.toFixed(2)}, edge label ${ratios.edgeLabel.toFixed(2)}, edge ${ratios.edge.toFixed(2)}`);
        if (ratios.label < 4.5) found.push(`${theme.id}: node labels ${c.label} on ${c.background} = ${ratios.label.toFixed(2)}:1`);
        if (ratios.edgeLabel < 4.5) found.push(`${theme.id}: edge labels ${c.edgeLabel} on ${c.background} = ${ratios.edgeLabel.toFixed(2)}:1`);
        if (ratios.edge < 3) found.push(`${theme.id}: edges ${c.edge} on ${c.background} = ${ratios.edge.toFixed(2)}:1`);
        if (SHOTS) {
          const dir = path.join(lib.SHOTS, 'themes');
          await lib.runCommand(page, 'Notifications: Clear All Notifications');
          await page.mouse.move(1390, 890);
          await lib.sleep(800); // the map's restyle and the workbench's own repaint
          await shot(lib, page.locator('.part.editor'), path.join(dir, `${theme.slug}-topology.png`));
          await shot(lib, page.locator('.part.sidebar'), path.join(dir, `${theme.slug}-tree.png`));
          await tab(page, 'Create Network').click();
          await lib.webviewFrame(page).getByLabel('Gateway').waitFor({ state: 'visible', timeout: 30000 });
          await lib.until(async () => (await lib.webviewFrame(page).getByLabel('Gateway').getAttribute('aria-invalid')) === 'true', 15000, 'the Gateway error');
          await lib.sleep(500);
          await shot(lib, page.locator('.part.editor'), path.join(dir, `${theme.slug}-form-error.png`));
          await tab(page, 'my-net').click();
          await lib.webviewFrame(page).getByRole('heading', { level: 1, name: 'my-net' }).waitFor({ state: 'visible', timeout: 30000 });
          await lib.sleep(500);
          await shot(lib, page.locator('.part.editor'), path.join(dir, `${theme.slug}-network-details.png`));
        }
      }
      if (found.length) throw new Error(`hard to read:\n${found.join('\n')}`);
    }],
  ],
};

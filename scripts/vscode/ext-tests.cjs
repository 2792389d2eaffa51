// Runs a mocha suite inside code-server's real (Node) extension host; called by scripts/vscode/code-shim.sh.
// How: the VS Code web workbench accepts ?payload=[["extensionDevelopmentPath",URI],["extensionTestsPath",URI]]
// and, once the test module's run() settles, calls window.codeAutomationExit(code), which we expose through
// playwright. The extension host's console output arrives through window.codeAutomationLog.
// Env: PORT (code-server on 127.0.0.1), EXT_DEV (':'-separated extension folders), EXT_TESTS (test module),
// WS (workspace folder), TEST_TIMEOUT_MS (default 300000), CHROMIUM (default /usr/bin/chromium), DEBUG.
'use strict';
const { chromium } = require('playwright-core');
const util = require('node:util');

const PORT = process.env.PORT;
const EXTS = (process.env.EXT_DEV || '').split(':').filter(Boolean);
const TESTS = process.env.EXT_TESTS;
const WS = process.env.WS;
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 300000);
const DEBUG = !!process.env.DEBUG;
if (!PORT || !TESTS || !WS) { console.error('ext-tests: PORT, EXT_TESTS and WS are required'); process.exit(2); }

// workbench chatter that says nothing about our tests (the gallery points at a closed loopback port on purpose)
// nor the cancellations logged while the workbench stops the extension host after the run
const NOISE = /ECONNREFUSED 127\.0\.0\.1:9\b|127\.0\.0\.1:9\/|OverlayWebview has been disposed|^(Resolving|Resolved|Creating a socket)|^Canceled: Canceled|^\[(?!\d+ passed)/;

(async () => {
  const t0 = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let finish;
  const exitCode = new Promise((r) => (finish = r));
  try {
    const page = await (await browser.newContext()).newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!DEBUG && NOISE.test(line)) return;
      // mocha's own output (console.log in the extension host) is printed as is; errors get a marker
      // (workbench-side errors come with long minified stacks: their first line says enough unless DEBUG)
      process.stdout.write(type === 'error' ? `[exthost error] ${DEBUG ? line : line.split('\n')[0]}\n` : `${line}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    // A built VS Code (code-server) honours the payload's development/test parameters only when
    // developmentOptions.enableSmokeTestDriver is set; code-server's CLI rejects --enable-smoke-test-driver, so set
    // it in the workbench configuration <meta> before the workbench reads it. (Rewriting the HTML with page.route()
    // instead broke every workbench WebSocket.)
    await page.addInitScript(() => {
      const patch = (el) => {
        const cfg = JSON.parse(el.getAttribute('data-settings'));
        cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
        el.setAttribute('data-settings', JSON.stringify(cfg));
      };
      new MutationObserver((_m, obs) => {
        const el = document.getElementById('vscode-workbench-web-configuration');
        if (el) { patch(el); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    page.on('pageerror', (e) => { if (DEBUG) console.log('[pageerror]', String(e)); });
    if (DEBUG) page.on('console', (m) => console.log('[page]', m.type(), m.text().slice(0, 300)));
    const remote = `vscode-remote://127.0.0.1:${PORT}`;
    const payload = JSON.stringify([...EXTS.map((e) => ['extensionDevelopmentPath', remote + e]), ['extensionTestsPath', remote + TESTS]]);
    const url = `http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(payload)}`;
    if (DEBUG) console.log('opening', url);
    // a loaded machine (other work, a cold cache) takes longer than playwright's default 30 s to serve the page
    await page.goto(url, { timeout: 120_000 });
    const timer = setTimeout(() => finish('timeout'), TIMEOUT);
    const code = await exitCode;
    clearTimeout(timer);
    console.log(`[ext-tests] extension host exited with ${code} after ${Date.now() - t0} ms`);
    if (code === 'timeout') console.log(`[ext-tests] FAILED: no result within ${TIMEOUT} ms`);
    await browser.close();
    process.exit(code === 0 ? 0 : 1);
  } catch (e) {
    await browser.close().catch(() => {});
    throw e;
  }
})().catch((e) => { console.error('[ext-tests]', e && e.stack || e); process.exit(2); });

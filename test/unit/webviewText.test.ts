// Localisation of the webviews: no English literal is left in src/webview (the scan of test/support/proseLiterals.ts,
// with the TypeScript compiler's parser), every string of the pages comes from the host's tables
// (src/core/pageText), and each of their messages has its Chinese translation with the same placeholders
// (l10n/bundle.l10n.zh-cn.json). The page's helpers fill placeholders and format numbers and dates with Intl in the
// locale the host sent, and the page's check of that text drops what is malformed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { proseLiterals } from '../support/proseLiterals';
import { viewText } from '../../src/core/pageText/views';
import { formText } from '../../src/core/pageText/forms';
import { topologyText } from '../../src/core/pageText/topology';
import { readPageText } from '../../src/protocol/pageText';
import { date, duration, fmt, num, setText, texts } from '../../src/webview/lib/text';
import { formatDuration } from '../../src/core/localeFormat';

const ROOT = join(__dirname, '..', '..');

function webviewFiles(dir = join(ROOT, 'src', 'webview')): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? webviewFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const scan = (source: string): string[] => proseLiterals('x.ts', source).map((f) => f.text);

describe('webview text: no English literal in src/webview', () => {
  test('every script of the pages is free of prose literals', () => {
    const files = webviewFiles();
    assert.ok(files.length >= 20, `found only ${files.length} webview files`);
    const found = files.flatMap((f) => proseLiterals(f.slice(ROOT.length + 1), readFileSync(f, 'utf8')));
    assert.deepEqual(found.map((x) => `${x.file}:${x.line}: ${x.text}`), [], 'move these strings to a table of src/core/pageText');
  });

  test('the scan finds text where the user sees it', () => {
    assert.deepEqual(scan(`h('p', {}, 'yes')`), ['yes']);
    assert.deepEqual(scan(`el.textContent = 'waiting';`), ['waiting']);
    assert.deepEqual(scan(`h('button', { title: 'Remove it', 'aria-label': 'close' })`), ['Remove it', 'close']);
    assert.deepEqual(scan(`ui.button('Inspect', { action: 'inspect' }, { id: 'act-inspect' })`), ['Inspect']);
    assert.deepEqual(scan(`section('overview', 'Overview', x)`), ['Overview']);
    assert.deepEqual(scan('const s = `${n.name} was removed`;'), ['${…} was removed']);
    assert.deepEqual(scan("node.data('label', `${n} (${k} hidden)`)"), ['${…} (${…} hidden)']);
    assert.deepEqual(scan(`const headers = ['Name', 'IPv4'];`), ['Name']);
    assert.deepEqual(scan(`input.placeholder = 'Type a name';`), ['Type a name']);
    assert.deepEqual(scan(`ok ? 'Reachable' : 'not reachable'`), ['Reachable', 'not reachable']);
  });

  test('the scan leaves class names, selectors, tags, events, keys and protocol values alone', () => {
    const code = [
      `h('div', { className: 'banner banner-warning', role: 'alert', id: \`fix-\${i}\` })`,
      `document.querySelector('link[href*="topology.css"]')`,
      `el.addEventListener('DOMContentLoaded', f)`,
      `if (e.key === 'Escape') x(); switch (k) { case 'ArrowLeft': break; }`,
      `cy.on('tap', 'node.con', f); cy.nodes('.net'); n.toggleClass('collapsed', true); node.data('label', n.name)`,
      `const style = { selector: 'node.net.lbl, node.net.via', style: { 'text-valign': 'bottom' } };`,
      `import { h } from './lib/dom'; type K = 'pair' | 'matrix';`,
      `class RequestFailed extends Error { override readonly name = 'RequestFailed'; }`,
      `ui.text('ipv4Address', t.ipv4, { placeholder: 'db, primary', code: true })`,
      `banner(t.x, 'warning'); showBanner(t.y, 'error')`,
    ].join('\n');
    assert.deepEqual(scan(code), []);
  });
});

const tables: Record<string, Record<string, string>> = {
  networkDetails: viewText('networkDetails'), containerNetworking: viewText('containerNetworking'), connectivity: viewText('connectivity'),
  explainReach: viewText('explainReach'), ports: viewText('ports'), createNetwork: formText('createNetwork'), connect: formText('connect'),
  run: formText('run'), topology: topologyText(),
};

describe('webview text: the host\'s tables', () => {
  test('every entry of every page is a non-empty string (a form has its intro and submit)', () => {
    for (const [kind, t] of Object.entries(tables)) {
      for (const [k, v] of Object.entries(t)) assert.ok(typeof v === 'string' && v.length > 0, `${kind}.${k}`);
      assert.equal(typeof t.requestTimeout, 'string', `${kind} lacks the channel's words`);
    }
    for (const kind of ['createNetwork', 'connect', 'run']) assert.ok(tables[kind].intro && tables[kind].submit, kind);
  });

  test('each message has a Chinese translation with the same placeholders (l10n/bundle.l10n.zh-cn.json, sorted)', () => {
    const raw = readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8');
    const zh = JSON.parse(raw) as Record<string, string>;
    assert.deepEqual(Object.keys(zh), Object.keys(zh).sort(), 'keys sorted');
    const holes = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    const messages = new Set(Object.values(tables).flatMap((t) => Object.values(t)));
    for (const m of messages) {
      assert.ok(zh[m] !== undefined, `no translation of ${JSON.stringify(m)}`);
      assert.deepEqual(holes(zh[m]), holes(m), `placeholders of ${JSON.stringify(m)}`);
    }
  });
});

describe('webview text: fmt, numbers and dates in the host\'s locale', () => {
  test('fmt fills {0}, {1} in the translation\'s order and leaves a missing one as it is', () => {
    setText({ locale: 'en', strings: { a: 'x' } });
    assert.equal(fmt('{1} → {0}', 'b', 'a'), 'a → b');
    assert.equal(fmt('{0} of {1}', 3), '3 of {1}');
    assert.equal(texts<{ a: string }>().a, 'x');
  });

  test('numbers and dates follow the locale', () => {
    setText({ locale: 'en', strings: {} });
    assert.equal(num(12345), '12,345');
    assert.equal(fmt('{0} nodes', 1300), '1,300 nodes');
    setText({ locale: 'de', strings: {} });
    assert.equal(num(12345), '12.345');
    setText({ locale: 'zh-cn', strings: {} });
    const iso = '2026-03-04T05:06:07Z';
    assert.equal(date(iso), new Date(iso).toLocaleString('zh-CN'));
    assert.notEqual(date(iso), new Date(iso).toLocaleString('en-US'));
    assert.equal(date('soon'), 'soon');
  });

  test('durations are worded as the host words them, in the page\'s locale', () => {
    for (const locale of ['en', 'zh-cn', 'de']) {
      setText({ locale, strings: {} });
      for (const ms of [0, 12, 850, 999, 1000, 1549, 61000]) assert.equal(duration(ms), formatDuration(ms, locale), `${ms} ms in ${locale}`);
    }
    setText({ locale: 'zh-cn', strings: {} });
    assert.equal(duration(850), '850毫秒');
    assert.equal(fmt('绘制用时 {0}', duration(1500)), '绘制用时 1.5秒');
    setText({ locale: 'en', strings: {} });
    assert.equal(duration(2235), '2.2 sec');
  });

  test('the page\'s check keeps strings only and an Intl locale, else en', () => {
    assert.deepEqual(readPageText({ locale: 'zh-cn', strings: { a: 'x', b: 3, c: null } }), { locale: 'zh-CN', strings: { a: 'x' } });
    assert.deepEqual(readPageText({ locale: 'not a locale!', strings: [] }), { locale: 'en', strings: {} });
    assert.deepEqual(readPageText(undefined), { locale: 'en', strings: {} });
    assert.equal(readPageText<{ a: string }>({ locale: 'en', strings: { a: 'y'.repeat(10_000) } }).strings.a.length, 4096);
  });
});

// Every theme: the pages' stylesheets (media/*.css) and the webview scripts (src/webview, the map's cytoscape style
// among them) write no colour of their own. A colour is a `--vscode-*` variable; a literal is allowed only as the
// fallback of one (`var(--vscode-widget-border, rgba(128, 128, 128, 0.35))`). Hex, rgb()/hsl() and the other colour
// functions, and named colours anywhere else fail, with file:line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

// CSS Color 4's named colours (transparent and currentColor are not a colour of our own: they stay allowed).
const NAMED = new Set(`aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen
darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen
fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke
yellow yellowgreen`.split(/\s+/));
const FUNCTIONS = /\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX = /#[0-9a-f]{3,8}(?![\w-])/i;

interface Finding { file: string; line: number; what: string }

/** Blanks (keeping line breaks) comments, and the fallback of every `var(--vscode-…, fallback)`. */
export function allowedBlanked(css: string): string {
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  let out = css.replace(/\/\*[\s\S]*?\*\//g, blank);
  for (let at = out.indexOf('var(--vscode-'); at !== -1; at = out.indexOf('var(--vscode-', at + 1)) {
    let depth = 0;
    let comma = -1;
    let end = -1;
    for (let i = at + 3; i < out.length; i++) {
      const c = out[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) { end = i; break; }
      else if (c === ',' && depth === 1 && comma === -1) comma = i;
    }
    if (end === -1) break;
    if (comma !== -1) out = out.slice(0, comma + 1) + blank(out.slice(comma + 1, end)) + out.slice(end);
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The colour literals in one value (a CSS declaration's value, or a string of a script). */
function coloursIn(value: string): string[] {
  const found: string[] = [];
  const hex = HEX.exec(value);
  if (hex) found.push(hex[0]);
  const fn = FUNCTIONS.exec(value);
  if (fn) found.push(`${fn[1]}()`);
  // whole identifiers: `--vscode-charts-blue` names a variable, not the colour blue
  for (const word of value.toLowerCase().match(/[a-z][a-z0-9-]*/g) ?? []) if (NAMED.has(word)) found.push(word);
  return found;
}

/** Colour literals in a stylesheet's declaration values (selectors such as `#cy` are not colours). */
export function cssFindings(file: string, css: string): Finding[] {
  const text = allowedBlanked(css);
  const out: Finding[] = [];
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    const base = (block.index ?? 0) + 1;
    let offset = 0;
    for (const decl of block[1].split(';')) {
      const colon = decl.indexOf(':');
      if (colon !== -1) {
        const value = decl.slice(colon + 1);
        for (const what of coloursIn(value.replace(/\b[a-z-]+\(/gi, (m) => (FUNCTIONS.test(m) ? m : ' '.repeat(m.length))))) {
          out.push({ file, line: lineAt(text, base + offset + colon + 1 + Math.max(0, value.toLowerCase().indexOf(what.replace('()', '')))), what });
        }
      }
      offset += decl.length + 1;
    }
  }
  return out;
}

/** Colour literals in a script's string literals: a hex colour, a colour function, or a string that is a colour name. */
export function scriptFindings(file: string, source: string): Finding[] {
  const out: Finding[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return;
    for (const m of line.matchAll(/'([^'\\]*)'|"([^"\\]*)"|`([^`\\]*)`/g)) {
      const s = m[1] ?? m[2] ?? m[3] ?? '';
      const what = [HEX.exec(s)?.[0], FUNCTIONS.exec(s) ? 'a colour function' : undefined, NAMED.has(s.trim().toLowerCase()) ? s.trim() : undefined];
      for (const w of what) if (w) out.push({ file, line: i + 1, what: w });
    }
  });
  return out;
}

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

const show = (f: Finding[]): string => f.map((x) => `${path.relative(ROOT, x.file)}:${x.line}: ${x.what}`).join('\n');

describe('every theme: no colour of our own in the pages', () => {
  test('media/*.css: colours are --vscode-* variables (a literal only as their fallback)', () => {
    const files = filesUnder(path.join(ROOT, 'media'), '.css');
    assert.ok(files.length >= 3, 'the stylesheets were not found');
    const found = files.flatMap((f) => cssFindings(f, readFileSync(f, 'utf8')));
    assert.equal(show(found), '');
  });

  test('src/webview (the map\'s cytoscape style included): no colour literal in any script', () => {
    const files = filesUnder(path.join(ROOT, 'src', 'webview'), '.ts');
    assert.ok(files.some((f) => f.endsWith('mapStyle.ts')), 'the map style was not found');
    const found = files.flatMap((f) => scriptFindings(f, readFileSync(f, 'utf8')));
    assert.equal(show(found), '');
  });

  test('the scan finds each kind of literal, at its line, and allows only --vscode-* fallbacks', () => {
    const css = [
      'a { color: var(--vscode-foreground); }',
      '#cy, #add { border: 1px solid var(--vscode-widget-border, var(--vscode-contrastBorder, rgba(128, 128, 128, 0.35))); }',
      'b {',
      '  color: #fff;',
      '  background: rgb(1, 2, 3);',
      '  border-color: red;',
      '  outline: 1px solid var(--dn-own, #123456);',
      '  white-space: pre; /* white */',
      '  fill: transparent; stroke: currentColor;',
      '}',
    ].join('\n');
    assert.deepEqual(cssFindings('x.css', css).map((f) => `${f.line} ${f.what}`), ['4 #fff', '5 rgb()', '6 red', '7 #123456']);
    const ts = [
      "const a = { 'line-color': '#3794ff' };",
      "const b = 'rgba(0,0,0,.5)';",
      "const c = { color: 'white' };",
      "document.querySelector('#app'); el.id = 'add-label'; const d = '--vscode-charts-blue';",
      "// '#ffffff' in a comment",
    ].join('\n');
    assert.deepEqual(scriptFindings('x.ts', ts).map((f) => `${f.line} ${f.what}`), ['1 #3794ff', '2 a colour function', '3 white']);
  });
});

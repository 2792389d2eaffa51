// Regenerates l10n/bundle.l10n.json from every `l10n.t(...)` / `vscode.l10n.t(...)` in src/ with @vscode/l10n-dev
// (the same extractor as `npx @vscode/l10n-dev export`), sorted by key, one entry a line, so that two branches adding
// strings merge line by line. It also rewrites each translation (l10n/bundle.l10n.<lang>.json) in the same order,
// dropping keys the code no longer uses, and says how many keys each still lacks.
//   npm run l10n            write the files
//   npm run l10n -- --check exit 1 when a checked-in file differs from what would be written
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

export const ROOT = join(__dirname, '..');
export const L10N_DIR = join(ROOT, 'l10n');
export const BUNDLE = join(L10N_DIR, 'bundle.l10n.json');

export type Bundle = Record<string, string>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The English bundle the sources call for: every message is its own key (we never pass a comment). */
export async function exportBundle(srcDir = join(ROOT, 'src')): Promise<Bundle> {
  // only files that mention l10n can hold a call: parsing the others costs the extractor time and finds nothing
  const files = sourceFiles(srcDir).sort().map((path) => ({
    contents: readFileSync(path, 'utf8'),
    extension: path.endsWith('.tsx') ? '.tsx' : '.ts',
  })).filter((f) => f.contents.includes('l10n'));
  const found = await getL10nJson(files);
  const bundle: Bundle = {};
  for (const [key, value] of Object.entries(found)) bundle[key] = typeof value === 'string' ? value : value.message;
  return bundle;
}

/** Sorted by code unit (not by locale, so every machine writes the same bytes), two-space JSON, one key a line. */
export function formatBundle(bundle: Bundle): string {
  const keys = Object.keys(bundle).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(keys.map((k) => [k, bundle[k]])), null, 2) + '\n';
}

export function translationFiles(): string[] {
  return existsSync(L10N_DIR)
    ? readdirSync(L10N_DIR).filter((f) => /^bundle\.l10n\.[a-z-]+\.json$/.test(f)).map((f) => join(L10N_DIR, f))
    : [];
}

export function readBundle(path: string): Bundle {
  return JSON.parse(readFileSync(path, 'utf8')) as Bundle;
}

/** A translation restricted to the English keys (what the code no longer asks for goes), in the bundle's order. */
export function alignTranslation(english: Bundle, translated: Bundle): Bundle {
  return Object.fromEntries(Object.keys(english).filter((k) => k in translated).map((k) => [k, translated[k]]));
}

async function main(check: boolean): Promise<number> {
  const english = await exportBundle();
  const wanted = new Map<string, string>([[BUNDLE, formatBundle(english)]]);
  for (const file of translationFiles()) {
    const aligned = alignTranslation(english, readBundle(file));
    wanted.set(file, formatBundle(aligned));
    const missing = Object.keys(english).length - Object.keys(aligned).length;
    console.log(`${relative(ROOT, file)}: ${missing} key(s) without a translation`);
  }
  let differs = 0;
  for (const [file, text] of wanted) {
    const now = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (now === text) continue;
    differs++;
    if (check) console.error(`${relative(ROOT, file)} is not what \`npm run l10n\` writes`);
    else writeFileSync(file, text);
  }
  console.log(`${Object.keys(english).length} strings in src/`);
  return check && differs > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.includes('--check')).then((code) => process.exit(code), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

// The words of a page: every user-visible string of a webview comes from the host, in its `init` message, already
// translated (the tables in src/core/pageText, built with `l10n.t`), with the display language for `Intl`. The keys
// of each page's table are its type, so a page cannot ask for a string the host does not send.
import { isPlainObject, MAX_TEXT } from './check';

export interface PageText<S> {
  /** `vscode.env.language` (`en`, `zh-cn`): numbers and dates are formatted with `Intl` in it. */
  locale: string;
  strings: S;
}

/** More keys than any page's table has; a bigger table is not from our host. */
const MAX_KEYS = 1024;

/**
 * The webview's check of what the host sent: a plain object of strings, each at most MAX_TEXT long, and a locale
 * `Intl` accepts (else `en`). Never throws; a malformed entry is left out (the page then shows nothing there).
 */
export function readPageText<S>(raw: unknown): PageText<S> {
  const o = isPlainObject(raw) ? raw : {};
  const strings: Record<string, string> = {};
  const given = isPlainObject(o.strings) ? o.strings : {};
  for (const [k, v] of Object.entries(given).slice(0, MAX_KEYS)) if (typeof v === 'string') strings[k] = v.slice(0, MAX_TEXT);
  return { locale: readLocale(o.locale), strings: strings as S };
}

function readLocale(v: unknown): string {
  if (typeof v !== 'string' || v.length > 35) return 'en';
  try {
    return Intl.getCanonicalLocales(v)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

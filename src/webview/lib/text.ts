// The page's words, as the host sent them in `init` (src/protocol/pageText.ts), and the one helper that fills in
// their placeholders: `fmt(t.xOfY, a, b)` puts a and b where the translation has {0} and {1} (numbers formatted with
// `Intl` in the host's display language). Dates go through `date()`, with the same locale.
import { readPageText, type PageText } from '../../protocol/pageText';

let current: PageText<Record<string, string>> = { locale: 'en', strings: {} };
const numbers = new Map<string, Intl.NumberFormat>();

/** Takes the text of an `init` message (checked); returns it, as a page saves it. */
export function setText(raw: unknown): PageText<Record<string, string>> {
  current = readPageText<Record<string, string>>(raw);
  return current;
}

/** Whether the host's words have arrived (a page restored from its saved state may not have them yet). */
export function hasText(): boolean {
  return Object.keys(current.strings).length > 0;
}

/** The page's strings, typed by its table (src/core/pageText): a missing key is a compile error. */
export function texts<S>(): S {
  return current.strings as S;
}

export function locale(): string {
  return current.locale;
}

/** A number in the user's locale. */
export function num(n: number): string {
  let f = numbers.get(current.locale);
  if (!f) {
    f = new Intl.NumberFormat(current.locale);
    numbers.set(current.locale, f);
  }
  return f.format(n);
}

/** A duration in the user's locale, as the host's formatDuration (src/core/localeFormat.ts; the page may import only
 * types from core): milliseconds below a second, else seconds with one decimal ("850 ms", "1.5 sec"; "850毫秒"). */
export function duration(ms: number): string {
  const unit = ms < 1000 ? 'millisecond' : 'second';
  const key = `${current.locale}|${unit}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(current.locale, { style: 'unit', unit, maximumFractionDigits: unit === 'second' ? 1 : 0 });
    numbers.set(key, f);
  }
  return f.format(unit === 'second' ? ms / 1000 : ms);
}

/** Fills {0}, {1}… of a translated template; a number goes in formatted for the locale. */
export function fmt(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = values[Number(i)];
    return v === undefined ? m : typeof v === 'number' ? num(v) : v;
  });
}

/** A date and time in the user's locale, or the text as is when it is not a date. */
export function date(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(current.locale);
}

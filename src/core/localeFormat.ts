// Dates, counts and durations for people, in their display language (Intl): "2026年11月20日 18:00:00" for zh-cn,
// "Nov 20, 2026, 6:00:00 PM" for en. The host sets the language once at activation (vscode.env.language, beside the
// l10n bundle); each helper also takes a locale, for tests and for a caller that knows better.
// Each formatter is made once per language and kind: making an Intl.DateTimeFormat costs about a millisecond, and
// the tree formats a date for every network it draws (300 networks made one root refresh cost 300 ms).
/** The language asked for, checked on first use (the check loads Intl's locale data: tens of milliseconds, cold). */
let requestedLocale = 'en';
let checkedLocale: string | undefined = 'en';

function displayLocale(): string {
  if (checkedLocale === undefined) {
    try {
      checkedLocale = Intl.NumberFormat.supportedLocalesOf([requestedLocale]).length > 0 ? requestedLocale : 'en';
    } catch {
      checkedLocale = 'en';
    }
  }
  return checkedLocale;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `d|${locale}|${timeZone ?? ''}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone })));
  return f;
}

function numberFormat(locale: string, unit?: 'millisecond' | 'second'): Intl.NumberFormat {
  const key = `n|${locale}|${unit ?? ''}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    const options: Intl.NumberFormatOptions = unit ? { style: 'unit', unit, maximumFractionDigits: unit === 'second' ? 1 : 0 } : {};
    formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  }
  return f;
}

/** The display language the helpers use by default (a BCP 47 tag such as `zh-cn`); a tag Intl cannot use (malformed,
 * or a language it has no data for) falls back to en rather than throwing on every later format. */
export function setDisplayLocale(locale: string): void {
  requestedLocale = locale;
  checkedLocale = undefined;
}

/** An engine timestamp (RFC 3339) as a local date and time; text that is not a date comes back as it was. */
export function formatDateTime(iso: string, locale = displayLocale(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, timeZone).format(date);
}

/** A count with the language's digit grouping (1,234,567). */
export function formatCount(n: number | bigint, locale = displayLocale()): string {
  return numberFormat(locale).format(n);
}

/** A duration: milliseconds below a second, else seconds with one decimal ("850 ms", "1.5 s"; "850毫秒", "1.5秒"). */
export function formatDuration(ms: number, locale = displayLocale()): string {
  return ms < 1000 ? numberFormat(locale, 'millisecond').format(ms) : numberFormat(locale, 'second').format(ms / 1000);
}

// Dates, counts and durations for people, in their display language (Intl): "2026年11月20日 18:00:00" for zh-cn,
// "Nov 20, 2026, 6:00:00 PM" for en. The host sets the language once at activation (vscode.env.language, beside the
// l10n bundle); each helper also takes a locale, for tests and for a caller that knows better.
let displayLocale = 'en';

/** The display language the helpers use by default (a BCP 47 tag such as `zh-cn`); a tag Intl cannot use (malformed,
 * or a language it has no data for) falls back to en rather than throwing on every later format. */
export function setDisplayLocale(locale: string): void {
  try {
    displayLocale = Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    displayLocale = 'en';
  }
}

/** An engine timestamp (RFC 3339) as a local date and time; text that is not a date comes back as it was. */
export function formatDateTime(iso: string, locale = displayLocale, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone }).format(date);
}

/** A count with the language's digit grouping (1,234,567). */
export function formatCount(n: number | bigint, locale = displayLocale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A duration: milliseconds below a second, else seconds with one decimal ("850 ms", "1.5 s"; "850毫秒", "1.5秒"). */
export function formatDuration(ms: number, locale = displayLocale): string {
  return ms < 1000
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(ms)
    : new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(ms / 1000);
}

// Which networks `docker network prune` would remove, computed from the snapshot so the confirmation can
// list them, and so exactly those (and nothing created since) are removed.
import * as l10n from '@vscode/l10n';
import type { NetworkView } from './model';

export interface PruneFilters {
  /** `key`, `key=value`, `!key` or `!key=value`, as `--filter label=…` / `label!=…`. */
  labels: string[];
  /** Only networks created before this instant. */
  until?: Date;
}

const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/**
 * Parses an `until` filter the way the docker CLI accepts it: a Go duration relative to now (`24h`, `1h30m`),
 * a date (`2026-11-20`, RFC 3339) or a unix timestamp. Returns an error message for anything else.
 */
export function parseUntil(text: string, now: Date): Date | { error: string } {
  const t = text.trim();
  const d = DURATION.exec(t);
  if (t && d && (d[1] || d[2] || d[3])) {
    const ms = (Number(d[1] ?? 0) * 3600 + Number(d[2] ?? 0) * 60 + Number(d[3] ?? 0)) * 1000;
    return new Date(now.getTime() - ms);
  }
  if (/^\d{9,11}(\.\d+)?$/.test(t)) return new Date(Number(t) * 1000);
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) {
    const date = new Date(t);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return { error: l10n.t('"{0}" is not a duration (24h, 1h30m), a date (2026-11-20) or a unix timestamp.', text) };
}

/** Parses one label filter; returns an error message for a malformed one. */
export function parseLabelFilter(text: string): { negate: boolean; key: string; value?: string } | { error: string } {
  const t = text.trim();
  const negate = t.startsWith('!');
  const body = negate ? t.slice(1) : t;
  const eq = body.indexOf('=');
  const key = eq < 0 ? body : body.slice(0, eq);
  if (!/^[^\s=]+$/.test(key)) return { error: l10n.t('"{0}" is not a label filter: use key, key=value, !key or !key=value.', text) };
  return { negate, key, value: eq < 0 ? undefined : body.slice(eq + 1) };
}

function labelMatches(n: NetworkView, f: { negate: boolean; key: string; value?: string }): boolean {
  const has = f.key in n.labels && (f.value === undefined || n.labels[f.key] === f.value);
  return f.negate ? !has : has;
}

/** Networks that prune would remove: user-defined, referenced by no container (running or not), matching every filter. */
export function pruneCandidates(networks: NetworkView[], filters: PruneFilters): NetworkView[] {
  const labels = filters.labels.map(parseLabelFilter).filter((f): f is Exclude<typeof f, { error: string }> => !('error' in f));
  return networks.filter(
    (n) =>
      !n.builtin &&
      n.attachments.length === 0 &&
      labels.every((f) => labelMatches(n, f)) &&
      (!filters.until || (n.created !== undefined && new Date(n.created) < filters.until)),
  );
}

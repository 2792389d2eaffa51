// A container's health check as the engine reports it: `Health` on each item of `GET /containers/json` (API 1.52),
// else the suffix moby's Health.String() puts in the human status ("Up 2 minutes (healthy)", "(health: starting)").
import * as l10n from '@vscode/l10n';
import type { HealthInfo, RawContainer } from './model';

const STATUS_SUFFIX = /\((healthy|unhealthy|health: starting)\)\s*$/;

/** The container's health, or undefined when it has no health check (or the engine does not say). */
export function healthOf(c: Pick<RawContainer, 'Health' | 'Status'>): HealthInfo | undefined {
  const listed = c.Health?.Status;
  if (listed === 'starting' || listed === 'healthy' || listed === 'unhealthy') {
    const streak = c.Health?.FailingStreak;
    return typeof streak === 'number' && streak > 0 ? { status: listed, failingStreak: streak } : { status: listed };
  }
  if (listed === 'none') return undefined;
  const m = STATUS_SUFFIX.exec(c.Status ?? '');
  if (!m) return undefined;
  return { status: m[1] === 'health: starting' ? 'starting' : m[1] === 'healthy' ? 'healthy' : 'unhealthy' };
}

/** "healthy", "unhealthy", "health: starting" (the engine's own words), for a description. */
export function healthWord(h: HealthInfo): string {
  switch (h.status) {
    case 'healthy': return l10n.t('healthy');
    case 'unhealthy': return l10n.t('unhealthy');
    case 'starting': return l10n.t('health: starting');
  }
}

/** The word plus the failing streak, for a tooltip or a table: "unhealthy (3 failed checks in a row)". */
export function describeHealth(h: HealthInfo): string {
  if (h.failingStreak === undefined) return healthWord(h);
  return h.failingStreak === 1
    ? l10n.t('{0} (1 failed check)', healthWord(h))
    : l10n.t('{0} ({1} failed checks in a row)', healthWord(h), h.failingStreak);
}

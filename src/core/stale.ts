// The live model's picture may be older than the engine's: a read failed and a full snapshot is being retried (the
// tree keeps the last one), or an optional part (a Swarm manager's services) could not be read. What the view says.
import * as l10n from '@vscode/l10n';
import type { EngineError } from './errors';
import type { Snapshot } from './model';

/** The last read failed: the snapshot shown is the one before, and a full snapshot is being retried. */
export interface Stale {
  /** Why the latest attempt failed. */
  error: EngineError;
  /** When the first failed attempt started (Date.now()): the snapshot shown is at least that old. */
  since: number;
}

/** The view's message for a stale or partial picture; undefined when the picture is complete and current. */
export function describeStale(state: { kind: string; stale?: Stale; snapshot?: Snapshot }, now = Date.now()): string | undefined {
  if (state.stale) return l10n.t('Showing the state of {0} ago: {1}. Retrying…', age(now - state.stale.since), sentence(state.stale.error.message));
  const services = state.snapshot?.partial?.find((p) => p.part === 'services');
  return services ? l10n.t('Swarm services are not shown: {0}. Retrying…', sentence(services.error.message)) : undefined;
}

function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? l10n.t('{0} s', s) : l10n.t('{0} min', Math.round(s / 60));
}

function sentence(message: string): string {
  return message.trim().replace(/\.$/, '');
}

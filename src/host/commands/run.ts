// Wraps command handlers so that a failure becomes one clear message, never an unhandled rejection.
// Engine errors that a daemon-error rule recognises are told as cause + fix, with the engine's own words after.
import * as vscode from 'vscode';
import { EngineError } from '../../core/errors';
import { explainDaemonError } from '../../core/daemonErrors';

export function describeFailure(err: unknown): string {
  if (err instanceof EngineError && err.daemonMessage) {
    const why = explainDaemonError(err.daemonMessage);
    if (why) return `${why.cause} ${why.fix} (${vscode.l10n.t('engine: {0}', err.daemonMessage)})`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function guarded<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      void vscode.window.showErrorMessage(describeFailure(err));
    }
  };
}

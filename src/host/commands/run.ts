// Wraps command handlers so that a failure becomes one clear message, never an unhandled rejection.
// Engine errors that a daemon-error rule recognises are told as cause + fix, with the engine's own words after.
import * as vscode from 'vscode';
import { EngineError } from '../../core/errors';
import { explainDaemonErrors, type DaemonErrorContext } from '../../core/daemonErrors';

export function describeFailure(err: unknown, ctx: DaemonErrorContext = {}): string {
  if (err instanceof EngineError && err.daemonMessage) {
    // one sentence pair per error the engine joined (engines 25+ send several, one a line)
    const whys = explainDaemonErrors(err.daemonMessage, ctx);
    if (whys.length > 0) return `${whys.map((w) => `${w.cause} ${w.fix}`).join(' ')} (${vscode.l10n.t('engine: {0}', err.daemonMessage)})`;
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

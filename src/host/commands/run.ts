// Wraps command handlers so that a failure becomes one clear message, never an unhandled rejection.
// Engine errors that a daemon-error rule recognises are told as cause + fix, with the engine's own words after.
import * as vscode from 'vscode';
import { describeFailure } from '../../core/refusal';

export function guarded<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      void vscode.window.showErrorMessage(describeFailure(err));
    }
  };
}

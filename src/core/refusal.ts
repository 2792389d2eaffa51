// An engine refusal in the user's words, in the two places it is told: a form's reply (each error the engine joined
// next to its own field, src/host/panels/formPanel.ts) and a command's error message (cause and fix, then the
// engine's own words). The daemon-error table (./daemonErrors.ts) does the explaining.
import * as l10n from '@vscode/l10n';
import { explainDaemonErrors, type DaemonErrorContext } from './daemonErrors';
import { EngineError } from './errors';
import type { FieldError } from './forms';

/**
 * Why a form's request failed (the protocol's ReplyError): `fieldErrors` go next to their fields; `cause` and `fix`
 * explain an engine refusal.
 */
export interface ExplainedRefusal {
  message: string;
  fieldErrors: FieldError[];
  /** The engine's refusal in plain words (from the daemon-error table), when it matched. */
  cause?: string;
  fix?: string;
  /** The field the engine's refusal is about, when known. */
  field?: string;
  /**
   * Every error of the refusal, explained, when the engine joined several (engines 25+: one a line); `cause`, `fix`
   * and `field` are then the first of them.
   */
  explanations?: Array<{ cause: string; fix: string; field?: string }>;
}

/**
 * The engine's refusal explained for a form: each error it joins (engines 25+ send several, one a line) next to its
 * own field; `ctx` carries what the table needs (the form's values, the negotiated API).
 */
export function explainRefusal(err: unknown, ctx: DaemonErrorContext): ExplainedRefusal {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof EngineError) || !err.daemonMessage) return { message, fieldErrors: [] };
  const whys = explainDaemonErrors(err.daemonMessage, ctx);
  const first = whys[0];
  if (!first) return { message, fieldErrors: [] };
  const fieldErrors: FieldError[] = whys.flatMap((w) => (w.field ? [{ field: w.field, message: `${w.cause} ${w.fix}` }] : []));
  const reply: ExplainedRefusal = {
    message: l10n.t('The engine refused: {0}', err.daemonMessage), fieldErrors, cause: first.cause, fix: first.fix, field: first.field,
  };
  if (whys.length > 1) reply.explanations = whys.map(({ cause, fix, field }) => (field ? { cause, fix, field } : { cause, fix }));
  return reply;
}

/** A failure as one line for a command's error message: cause and fix for each error the engine joined, then its words. */
export function describeFailure(err: unknown, ctx: DaemonErrorContext = {}): string {
  if (err instanceof EngineError && err.daemonMessage) {
    const whys = explainDaemonErrors(err.daemonMessage, ctx);
    if (whys.length > 0) return `${whys.map((w) => `${w.cause} ${w.fix}`).join(' ')} (${l10n.t('engine: {0}', err.daemonMessage)})`;
  }
  return err instanceof Error ? err.message : String(err);
}

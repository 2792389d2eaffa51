// The reply every protocol (forms, views, topology) gives a request: its id, then a result or an error. A request
// is always answered, so a webview's request never hangs.
import type { FieldError } from '../core/forms';
import type { ExplainedRefusal } from '../core/refusal';

/**
 * Why a request failed: `fieldErrors` go next to their fields; `cause`, `fix`, `field` and `explanations` explain an
 * engine refusal (every error it joined, one a line, the first of them in `cause`/`fix`/`field`). The same shape as
 * core's ExplainedRefusal, which builds it: one definition.
 */
export type ReplyError = ExplainedRefusal;

export type ReplyMessage<R = unknown> =
  | { type: 'reply'; id: number; ok: true; result: R }
  | { type: 'reply'; id: number; ok: false; error: ReplyError };

/** A failed reply for a request the host could not accept. */
export function rejectReply(id: number, message: string, fieldErrors: FieldError[] = []): ReplyMessage<never> {
  return { type: 'reply', id, ok: false, error: { message, fieldErrors } };
}

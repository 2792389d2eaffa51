// The reply every protocol (forms, views, topology) gives a request: its id, then a result or an error. A request
// is always answered, so a webview's request never hangs.
import type { FieldError } from '../core/forms';

/** Why a request failed. `fieldErrors` go next to their fields; `cause` and `fix` explain an engine refusal. */
export interface ReplyError {
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

export type ReplyMessage<R = unknown> =
  | { type: 'reply'; id: number; ok: true; result: R }
  | { type: 'reply'; id: number; ok: false; error: ReplyError };

/** A failed reply for a request the host could not accept. */
export function rejectReply(id: number, message: string, fieldErrors: FieldError[] = []): ReplyMessage<never> {
  return { type: 'reply', id, ok: false, error: { message, fieldErrors } };
}

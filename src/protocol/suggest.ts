// The forms' `suggest` request (src/protocol/messages.ts): the fields a form may ask the host to fill, and the answer.
import { fail, shown, str, type Check } from './check';
import type { FormKind } from './messages';

export interface SuggestResult {
  /** The value for the field, when there is one. */
  value?: string;
  /** Why this value (or why there is none), in words. */
  message: string;
}

/**
 * The fields a form may ask the host to fill: Connect and Run, the next free address of the chosen network; Create
 * Network, a free subnet for an IPv4 row.
 */
export const SUGGEST_FIELDS: { [K in FormKind]: RegExp } = {
  createNetwork: /^ipv4\[(0|[1-9][0-9]{0,2})\]\.subnet$/,
  connect: /^ipv[46]Address$/,
  run: /^ipv[46]Address$/,
};

/** The check of `params.field` for a form of that kind. */
export function suggestField(kind: FormKind): Check<string> {
  return (v, path) => {
    const text = str(64)(v, path);
    return SUGGEST_FIELDS[kind].test(text) ? text : fail(path, `not a field this form can have suggested: ${shown(text)}`);
  };
}

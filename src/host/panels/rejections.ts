// What every panel does with a message from its webview that fails the protocol check: keep a short record
// (tests read it), log it, and answer with a failed reply when the message carried a request id.
import * as vscode from 'vscode';
import { rejectReply, type ReplyMessage } from '../../protocol/reply';

const KEEP = 50;

export function rejectMessage(
  rejected: string[],
  parsed: { error: string; id?: number },
  source: string,
  post: (reply: ReplyMessage<never>) => void,
): ReplyMessage<never> | undefined {
  rejected.push(parsed.error);
  if (rejected.length > KEEP) rejected.shift();
  console.warn(`[docker-networks] rejected a message from the ${source}: ${parsed.error}`);
  if (parsed.id === undefined) return undefined;
  const reply = rejectReply(parsed.id, vscode.l10n.t('The {0} sent a message the extension does not accept ({1}).', source, parsed.error));
  post(reply);
  return reply;
}

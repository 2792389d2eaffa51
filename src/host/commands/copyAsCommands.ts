import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { exportSource } from './exportSource';
import { exportCommands } from '../../core/exportCommands';
import { exportPlan } from '../../core/exportPlan';

/** "Copy as Docker Commands": `docker network create` and a `docker run` / `docker network connect` per container. */
export async function copyAsCommands(ctx: CommandContext, node?: unknown): Promise<void> {
  const found = await exportSource(ctx, node, vscode.l10n.t('Copy which network as docker commands?'));
  if (!found) return;
  const { text, argvs } = exportCommands(found.snapshot, found.network, found.extras);
  await vscode.env.clipboard.writeText(text);
  const left = exportPlan(found.snapshot, found.network, found.extras).members.filter((m) => m.kind === 'skipped').length;
  const name = found.network.name;
  void vscode.window.showInformationMessage(left > 0
    ? vscode.l10n.t('Copied {0} docker command(s) that rebuild {1}; {2} container(s) left out, with the reason in a comment.', argvs.length, name, left)
    : vscode.l10n.t('Copied {0} docker command(s) that rebuild {1}.', argvs.length, name));
}

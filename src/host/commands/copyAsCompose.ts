import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { exportCompose } from '../../core/exportCompose';
import { exportPlan } from '../../core/exportPlan';
import { exportSource } from './exportSource';

/** "Copy as Compose": the network and a service per container on it, as a Compose snippet on the clipboard. */
export async function copyAsCompose(ctx: CommandContext, node?: unknown): Promise<void> {
  const found = await exportSource(ctx, node, vscode.l10n.t('Copy which network as Compose?'));
  if (!found) return;
  const { snapshot, network, extras } = found;
  await vscode.env.clipboard.writeText(exportCompose(snapshot, network, { extras }));
  const members = exportPlan(snapshot, network, extras).members;
  const left = members.filter((m) => m.kind === 'skipped').length;
  const services = members.length - left;
  void vscode.window.showInformationMessage(left > 0
    ? vscode.l10n.t('Copied {0} as Compose: the network and {1} service(s); {2} container(s) left out, with the reason in a comment.', network.name, services, left)
    : vscode.l10n.t('Copied {0} as Compose: the network and {1} service(s).', network.name, services));
}

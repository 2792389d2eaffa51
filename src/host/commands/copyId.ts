import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import { shortId } from '../../core/join';

/** Copies the full id of a network or container; from the palette, asks which one. */
export async function copyId(ctx: CommandContext, node?: unknown): Promise<void> {
  let id: string | undefined;
  let name: string | undefined;
  if (node instanceof NetworkNode) ({ id, name } = node.network);
  else if (node instanceof ContainerNode) ({ containerId: id, name } = node.attachment);
  else {
    const snapshot = await ctx.connection.snapshot();
    const items = [
      ...snapshot.networks.map((n) => ({ label: n.name, description: vscode.l10n.t('network · {0}', shortId(n.id)), id: n.id })),
      ...snapshot.containers.map((c) => ({
        label: c.Names[0]?.replace(/^\//, '') ?? shortId(c.Id),
        description: vscode.l10n.t('container · {0}', shortId(c.Id)),
        id: c.Id,
      })),
    ];
    const choice = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Copy the ID of…'), matchOnDescription: true });
    if (!choice) return;
    ({ id, label: name } = choice);
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the ID of {0}', name), 3000);
}

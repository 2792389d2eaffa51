import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode } from '../tree/nodes';
import { pickAttachment } from './pickers';

/** Copies a container's address on one network, without the prefix length (what `ping` or a URL wants). */
export async function copyIp(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = node instanceof ContainerNode ? node : await pickAttachment(await ctx.connection.snapshot());
  if (!target) return;
  const { attachment: a, network } = target;
  const ip = (a.ipv4 ?? a.ipv6)?.split('/')[0];
  if (!ip) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} has no IP address on {1} (state: {2}, network mode: {3}).', a.name, network.name, a.state, a.networkMode),
    );
    return;
  }
  await vscode.env.clipboard.writeText(ip);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} ({1} on {2})', ip, a.name, network.name), 3000);
}

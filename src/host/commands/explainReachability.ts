import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode } from '../tree/nodes';
import { containerName } from '../../core/join';
import type { RawContainer, Snapshot } from '../../core/model';
import { computeReachability, reachBetween } from '../../core/reachability';

interface Item extends vscode.QuickPickItem {
  value: string;
}

function networksOf(snapshot: Snapshot, id: string): string[] {
  return snapshot.networks.filter((n) => n.attachments.some((a) => a.containerId === id)).map((n) => n.name);
}

async function ask(items: Item[], placeHolder: string, empty: string): Promise<string | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.value;
}

function byName(list: RawContainer[]): RawContainer[] {
  return [...list].sort((a, b) => containerName(a).localeCompare(containerName(b)));
}

/**
 * "Explain Reachability…": why a source container can or cannot reach a target, step by step, with fixes.
 * - two containers selected in the tree: the clicked one is the source, the other the target;
 * - one container node: it is the source; pick the target (each with the model's verdict);
 * - palette: pick the source, then the target.
 * Stopped containers are offered too: "it is not running" is an explanation, with its fix.
 */
export async function explainReachability(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  const connection = ctx.connection;
  const snapshot = await connection.snapshot();
  const picked = (Array.isArray(selection) ? selection : []).filter((n): n is ContainerNode => n instanceof ContainerNode);
  let sourceId = node instanceof ContainerNode ? node.attachment.containerId : undefined;
  let targetId = picked.map((n) => n.attachment.containerId).find((id) => id !== sourceId);
  if (!sourceId) {
    sourceId = await ask(byName(snapshot.containers).map((c) => ({ label: containerName(c), description: `${c.State} · ${c.Image}`, detail: networksOf(snapshot, c.Id).join(', '), value: c.Id })),
      vscode.l10n.t('Explain reachability from which container?'), vscode.l10n.t('This engine has no container.'));
  }
  if (!sourceId) return;
  const source = snapshot.containers.find((c) => c.Id === sourceId);
  if (!source) throw new Error(vscode.l10n.t('That container no longer exists.'));
  const sourceName = containerName(source);
  if (!targetId) {
    const reach = computeReachability(snapshot);
    targetId = await ask(byName(snapshot.containers.filter((c) => c.Id !== sourceId)).map((c) => ({
      label: containerName(c),
      description: `${c.State} · ${networksOf(snapshot, c.Id).join(', ')}`,
      detail: reachBetween(reach, sourceId, c.Id).reachable ? vscode.l10n.t('model: reachable') : vscode.l10n.t('model: not reachable'),
      value: c.Id,
    })), vscode.l10n.t('Explain whether {0} can reach which container?', sourceName), vscode.l10n.t('{0} is the only container on this engine.', sourceName));
  }
  if (!targetId) return;
  const target = snapshot.containers.find((c) => c.Id === targetId);
  if (!target) throw new Error(vscode.l10n.t('That container no longer exists.'));
  const view = ctx.views.explainReach(connection, ctx.panels, sourceId, targetId, { source: sourceName, target: containerName(target) });
  await view.refresh();
}

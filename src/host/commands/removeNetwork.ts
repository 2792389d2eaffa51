import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { describeFailure } from './run';
import { NetworkNode } from '../tree/nodes';
import type { NetworkView } from '../../core/model';
import { networkDescription } from '../../core/format';
import { disconnectContainer, removeNetwork as remove } from '../../docker/actions';
import type { Engine } from '../../docker/client';

/** Tree multi-select passes (clicked, selection); the palette passes nothing and we ask. */
async function chooseNetworks(ctx: CommandContext, node: unknown, selection: unknown): Promise<NetworkView[]> {
  const picked = (Array.isArray(selection) ? selection : [node]).filter((n): n is NetworkNode => n instanceof NetworkNode);
  if (picked.length > 0) {
    const builtin = picked.filter((n) => n.network.builtin).map((n) => n.network.name);
    if (builtin.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: built into the engine, never removed.', builtin.join(', ')));
    }
    return picked.map((n) => n.network).filter((n) => !n.builtin);
  }
  const snapshot = await ctx.connection.snapshot();
  const items = snapshot.networks
    .filter((n) => !n.builtin)
    .map((n) => ({ label: n.name, description: networkDescription(n), detail: vscode.l10n.t('{0} containers', n.attachments.length), value: n }));
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Remove which networks?') });
  return chosen?.map((c) => c.value) ?? [];
}

/** Disconnects every running endpoint, then removes the network; on failure says exactly where it stopped. */
async function disconnectAllAndRemove(engine: Engine, n: NetworkView): Promise<void> {
  const done: string[] = [];
  for (const a of n.attachments.filter((x) => !x.sharesNamespaceOf && x.state === 'running')) {
    try {
      await disconnectContainer(engine, n.id, a.containerId, true);
      done.push(a.name);
    } catch (err) {
      throw new Error(
        vscode.l10n.t(
          'Stopped part-way: disconnected {0} from {1}, but disconnecting {2} failed: {3}. {1} was NOT removed; the containers listed as disconnected stay disconnected.',
          done.length ? done.join(', ') : vscode.l10n.t('nothing'), n.name, a.name, describeFailure(err),
        ),
      );
    }
  }
  try {
    await remove(engine, n.id);
  } catch (err) {
    throw new Error(
      vscode.l10n.t('Disconnected {0} from {1}, but removing {1} failed: {2}. The network still exists.',
        done.length ? done.join(', ') : vscode.l10n.t('nothing'), n.name, describeFailure(err)),
    );
  }
}

export async function removeNetwork(ctx: CommandContext, node?: unknown, selection?: unknown): Promise<void> {
  const networks = await chooseNetworks(ctx, node, selection);
  if (networks.length === 0) return;
  const inUse = networks.filter((n) => n.attachments.length > 0);
  const names = networks.map((n) => n.name).join(', ');
  const lines = inUse.map((n) =>
    `• ${n.name}: ${n.attachments.map((a) => `${a.name} (${a.state}${a.ipv4 ? `, ${a.ipv4}` : ''})`).join(', ')}`,
  );
  const detail = inUse.length
    ? vscode.l10n.t('These containers are attached and will lose their connection and addresses on it:\n{0}\nStopped containers still configured on a removed network will not start until reconnected elsewhere.', lines.join('\n'))
    : vscode.l10n.t('No container uses {0}. This cannot be undone.', names);
  const removeLabel = vscode.l10n.t('Remove');
  const disconnectLabel = vscode.l10n.t('Disconnect All and Remove');
  const choice = await vscode.window.showWarningMessage(
    networks.length === 1 ? vscode.l10n.t('Remove network {0}?', names) : vscode.l10n.t('Remove {0} networks ({1})?', networks.length, names),
    { modal: true, detail },
    ...(inUse.length ? [disconnectLabel] : [removeLabel]),
  );
  if (!choice) return;
  const engine = ctx.connection.engine();
  const removed: string[] = [];
  const failed: string[] = [];
  for (const n of networks) {
    try {
      if (choice === disconnectLabel) await disconnectAllAndRemove(engine, n);
      else await remove(engine, n.id);
      removed.push(n.name);
    } catch (err) {
      failed.push(`${n.name}: ${describeFailure(err)}`);
    }
  }
  if (failed.length) {
    const prefix = removed.length ? vscode.l10n.t('Removed {0}. ', removed.join(', ')) : '';
    throw new Error(prefix + failed.join('\n'));
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('Removed {0}', removed.join(', ')), 4000);
}

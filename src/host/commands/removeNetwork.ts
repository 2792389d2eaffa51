import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { describeFailure } from '../../core/refusal';
import { NetworkNode } from '../tree/nodes';
import type { NetworkView } from '../../core/model';
import { networkDescription } from '../../core/format';
import { disconnectContainer, removeNetwork as remove } from '../../docker/actions';
import type { Engine } from '../../docker/client';
import type { Connection } from '../connection';

/** A network and the engine it is on (a multi-selection may span the engines shown side by side). */
interface Target {
  network: NetworkView;
  connection: Connection;
}

/** Tree multi-select passes (clicked, selection); the palette passes nothing and we ask. */
async function chooseNetworks(ctx: CommandContext, node: unknown, selection: unknown): Promise<Target[]> {
  const picked = (Array.isArray(selection) ? selection : [node]).filter((n): n is NetworkNode => n instanceof NetworkNode);
  if (picked.length > 0) {
    const builtin = picked.filter((n) => n.network.builtin).map((n) => n.network.name);
    if (builtin.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: built into the engine, never removed.', builtin.join(', ')));
    }
    return picked.filter((n) => !n.network.builtin).map((n) => ({ network: n.network, connection: n.connection }));
  }
  const snapshot = await ctx.connection.snapshot();
  const items = snapshot.networks
    .filter((n) => !n.builtin)
    .map((n) => ({ label: n.name, description: networkDescription(n), detail: vscode.l10n.t('{0} containers', n.attachments.length), value: n }));
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Remove which networks?') });
  return chosen?.map((c) => ({ network: c.value, connection: ctx.connection })) ?? [];
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
  const targets = await chooseNetworks(ctx, node, selection);
  if (targets.length === 0) return;
  const networks = targets.map((t) => t.network);
  const engines = new Set(targets.map((t) => t.connection));
  // Several engines: each network is named with its engine's.
  const nameOf = (t: Target): string => (engines.size > 1 ? `${t.network.name} (${ctx.engines.nameOf(t.connection)})` : t.network.name);
  const inUse = networks.filter((n) => n.attachments.length > 0);
  const names = targets.map(nameOf).join(', ');
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
  const removed: string[] = [];
  const failed: string[] = [];
  for (const t of targets) {
    try {
      // each through its own engine
      const engine = t.connection.engine();
      if (choice === disconnectLabel) await disconnectAllAndRemove(engine, t.network);
      else await remove(engine, t.network.id);
      removed.push(nameOf(t));
    } catch (err) {
      failed.push(`${nameOf(t)}: ${describeFailure(err)}`);
    }
  }
  if (failed.length) {
    const prefix = removed.length ? vscode.l10n.t('Removed {0}. ', removed.join(', ')) : '';
    throw new Error(prefix + failed.join('\n'));
  }
  vscode.window.setStatusBarMessage(vscode.l10n.t('Removed {0}', removed.join(', ')), 4000);
}

import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import { pickNetwork } from './pickers';
import { containerName } from '../../core/join';
import type { NetworkView, Snapshot } from '../../core/model';
import { computeReachability, reachBetween } from '../../core/reachability';
import { MATRIX_CAP } from '../../core/probe';
import { modelAt, probeNetworks, probeTarget } from '../../core/probeTargets';

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

async function ask<T>(items: Item<T>[], placeHolder: string, empty: string): Promise<T | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(empty);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.value;
}

function networksOf(snapshot: Snapshot, id: string): string[] {
  return snapshot.networks.filter((n) => n.attachments.some((a) => a.containerId === id)).map((n) => n.name);
}

/**
 * "Check Connectivity…": probes from inside a running source container to a target container's address (ping, else
 * nc -z / wget on an exposed port) and sets the result beside the computed reachability.
 * - container node: that container is the source (and the node's network is preferred); pick the target.
 * - network node: every pair of the network's running containers (the matrix, capped at MATRIX_CAP containers).
 * - palette: one pair, or all pairs on a network.
 */
export async function checkConnectivity(ctx: CommandContext, node?: unknown): Promise<void> {
  const connection = ctx.connection;
  const snapshot = await connection.snapshot();
  if (node instanceof NetworkNode) {
    await ctx.views.connectivity(connection).runMatrix(node.network.id);
    return;
  }
  let sourceId: string | undefined;
  let preferred: string | undefined;
  if (node instanceof ContainerNode) {
    sourceId = node.attachment.containerId;
    preferred = node.network.id;
  } else {
    const mode = await ask<'pair' | 'matrix'>([
      { label: vscode.l10n.t('$(arrow-right) One pair…'), description: vscode.l10n.t('a source container and a target container'), value: 'pair' },
      { label: vscode.l10n.t('$(table) All pairs on a network…'), description: vscode.l10n.t('every running container to every other (at most {0} containers)', MATRIX_CAP), value: 'matrix' },
    ], vscode.l10n.t('Check connectivity between…'), '');
    if (!mode) return;
    if (mode === 'matrix') {
      const probeable = { ...snapshot, networks: snapshot.networks.filter((n) => n.driver !== 'host' && n.driver !== 'null' && n.attachments.some((a) => a.state === 'running')) };
      const network = await pickNetwork(probeable, vscode.l10n.t('Probe every pair of running containers on which network?'));
      if (network) await ctx.views.connectivity(connection).runMatrix(network.id);
      return;
    }
    const running = snapshot.containers.filter((c) => c.State === 'running').sort((a, b) => containerName(a).localeCompare(containerName(b)));
    sourceId = await ask(running.map((c) => ({ label: containerName(c), description: c.Image, detail: networksOf(snapshot, c.Id).join(', '), value: c.Id })),
      vscode.l10n.t('Probe from which container? (the probe runs inside it)'), vscode.l10n.t('No container is running: a probe runs inside a running container.'));
  }
  if (!sourceId) return;
  const source = snapshot.containers.find((c) => c.Id === sourceId);
  if (!source) throw new Error(vscode.l10n.t('That container no longer exists.'));
  const sourceName = containerName(source);
  if (source.State !== 'running') throw new Error(vscode.l10n.t('{0} is not running ({1}): a probe runs inside the source container, so start it first.', sourceName, source.State));

  const reach = computeReachability(snapshot);
  const targets = snapshot.containers
    .filter((c) => c.Id !== sourceId && probeNetworks(snapshot, sourceId, c.Id).length > 0)
    .sort((a, b) => containerName(a).localeCompare(containerName(b)));
  const targetId = await ask(targets.map((c) => {
    const pair = reachBetween(reach, sourceId, c.Id);
    return {
      label: containerName(c),
      description: `${c.State} · ${networksOf(snapshot, c.Id).join(', ')}`,
      detail: pair.reachable ? vscode.l10n.t('model: reachable') : vscode.l10n.t('model: not reachable'),
      value: c.Id,
    };
  }), vscode.l10n.t('Probe which container from {0}?', sourceName), vscode.l10n.t('No other container has an address to probe.'));
  if (!targetId) return;

  const options = probeNetworks(snapshot, sourceId, targetId);
  const shared = options.filter((o) => o.shared);
  const candidates = shared.length > 0 ? shared : options;
  let network: NetworkView | undefined = candidates.find((o) => o.network.id === preferred)?.network;
  if (!network && candidates.length === 1) network = candidates[0].network;
  if (!network) {
    const targetName = containerName(snapshot.containers.find((c) => c.Id === targetId) ?? source);
    const pair = reachBetween(reach, sourceId, targetId);
    network = await ask(candidates.map((o) => ({
      label: o.network.name,
      description: o.address,
      detail: vscode.l10n.t('model: {0}', modelAt(pair, o.network.id).text),
      value: o.network,
    })), shared.length > 1
      ? vscode.l10n.t('{0} and {1} share several networks: probe {1}\'s address on which?', sourceName, targetName)
      : vscode.l10n.t('{0} and {1} share no network: probe {1}\'s address on which network?', sourceName, targetName), '');
  }
  if (!network) return;
  probeTarget(snapshot, sourceId, targetId, network.id); // says why before any panel opens, when the pair cannot be probed
  await ctx.views.connectivity(connection).runPair(sourceId, targetId, network.id);
}

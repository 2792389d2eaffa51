import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import { emptyConnectForm } from '../../core/forms';
import { unjoinable } from '../../core/validate';
import { containerName } from '../../core/join';
import { networkDescription } from '../../core/format';
import type { NetworkView, RawContainer, Snapshot } from '../../core/model';
import {
  connectableContainers, findContainerByName, joinableNetworks, networksOfContainer, notConnectable,
} from '../panels/choices';

async function pickContainerFor(snapshot: Snapshot, network: NetworkView | undefined): Promise<RawContainer | undefined> {
  const candidates = connectableContainers(snapshot).filter((c) => !network || !networksOfContainer(c).includes(network.name));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(network
      ? vscode.l10n.t('Every running container that can join a network is already on {0}.', network.name)
      : vscode.l10n.t('No running container can be connected to a network (host, none and container: modes cannot).'));
    return undefined;
  }
  const items = candidates.map((c) => ({
    label: containerName(c),
    description: `${c.Image}`,
    detail: vscode.l10n.t('on {0}', networksOfContainer(c).join(', ') || vscode.l10n.t('no network')),
    value: c,
  }));
  const placeHolder = network ? vscode.l10n.t('Connect which container to {0}?', network.name) : vscode.l10n.t('Connect which container?');
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.value;
}

async function pickNetworkFor(snapshot: Snapshot, c: RawContainer): Promise<NetworkView | undefined> {
  const on = new Set(networksOfContainer(c));
  const candidates = joinableNetworks(snapshot).filter((n) => !on.has(n.name));
  const name = containerName(c);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already on every network it can join.', name));
    return undefined;
  }
  const items = candidates.map((n) => ({ label: n.name, description: networkDescription(n), value: n }));
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Connect {0} to which network?', name), matchOnDescription: true }))?.value;
}

/**
 * "Connect Container to Network…": from a network node, pick the container; from a container node, pick the network;
 * from the palette, pick both. Only running containers with their own network stack are offered, never on a network
 * they are already on. Then the form asks for addresses, aliases and the rest.
 */
export async function connectContainer(ctx: CommandContext, node?: unknown): Promise<void> {
  const snapshot = await ctx.connection.snapshot();
  let network: NetworkView | undefined;
  let container: RawContainer | undefined;
  if (node instanceof NetworkNode) {
    network = snapshot.networks.find((n) => n.id === node.network.id) ?? node.network;
    const why = unjoinable(network);
    if (why) throw new Error(why);
    container = await pickContainerFor(snapshot, network);
  } else if (node instanceof ContainerNode) {
    if (node.attachment.sharesNamespaceOf) {
      throw new Error(vscode.l10n.t('{0} shares the network namespace of {1}: connect {1} instead.', node.attachment.name, node.attachment.sharesNamespaceOf));
    }
    container = findContainerByName(snapshot, node.attachment.containerId);
    if (!container) throw new Error(vscode.l10n.t('{0} no longer exists.', node.attachment.name));
    const why = notConnectable(container);
    if (why) throw new Error(why);
    network = await pickNetworkFor(snapshot, container);
  } else {
    container = await pickContainerFor(snapshot, undefined);
    if (container) network = await pickNetworkFor(snapshot, container);
  }
  if (!container || !network) return;
  await ctx.panels.open(ctx.connection, 'connect', { ...emptyConnectForm(), container: containerName(container), network: network.name });
}

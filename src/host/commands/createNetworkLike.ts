import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { NetworkNode } from '../tree/nodes';
import { pickNetwork } from './pickers';
import { formFromNetwork } from '../../core/prefill';
import { fitCreateNetworkForm } from '../../core/formCapabilities';

/** "Create Network Like This…": the Create Network form filled from an existing network's inspect, with a new name. */
export async function createNetworkLike(ctx: CommandContext, node?: unknown): Promise<void> {
  const snapshot = await ctx.connection.snapshot();
  const copyable = { ...snapshot, networks: snapshot.networks.filter((n) => n.driver !== 'host' && n.driver !== 'null') };
  const network = node instanceof NetworkNode
    ? node.network
    : await pickNetwork(copyable, vscode.l10n.t('Create a network like which one?'));
  if (!network) return;
  if (network.driver === 'host' || network.driver === 'null') {
    throw new Error(vscode.l10n.t('{0} is the engine\'s own "{1}" network: there is only ever one of it, so it cannot be copied.', network.name, network.driver));
  }
  const inspect = await ctx.connection.engine().inspectNetwork(network.id);
  const taken = new Set(snapshot.networks.map((n) => n.name));
  // What this engine cannot take is left out, with a notice above the form, rather than refused by the engine.
  const { form, notices } = fitCreateNetworkForm(formFromNetwork(inspect, taken), snapshot.api);
  await ctx.panels.open(ctx.connection, 'createNetwork', form, true, notices);
}

import type { CommandContext } from './context';
import { NetworkNode } from '../tree/nodes';
import { pickNetwork } from './pickers';

/** "Show Network Details": the network as a live page (from a network node, or chosen from the palette). */
export async function showNetworkDetails(ctx: CommandContext, node?: unknown): Promise<void> {
  const connection = ctx.connection;
  const snapshot = await connection.snapshot();
  const chosen = node instanceof NetworkNode ? node.network : await pickNetwork(snapshot);
  if (!chosen) return;
  const network = snapshot.networks.find((n) => n.id === chosen.id) ?? chosen;
  ctx.views.networkDetails(connection, network);
}

import type { CommandContext } from './context';
import { NetworkNode } from '../tree/nodes';
import { pickNetwork } from './pickers';

export async function inspectNetwork(ctx: CommandContext, node?: unknown): Promise<void> {
  const network = node instanceof NetworkNode ? node.network : await pickNetwork(await ctx.connection.snapshot());
  if (network) await ctx.inspect.open('network', network.id, network.name, ctx.connection);
}

import type { CommandContext } from './context';

/** "Show Topology": the engine as a map of networks (hubs) and containers, with what a selected container reaches. */
export async function showTopology(ctx: CommandContext): Promise<void> {
  ctx.topology.open(ctx.connection);
}

import type { CommandContext } from './context';
import { emptyCreateNetworkForm } from '../../core/forms';

/** "Create Network…": opens the form (or brings back the one already open, as the user left it). */
export async function createNetwork(ctx: CommandContext): Promise<void> {
  ctx.connection.start();
  await ctx.panels.open(ctx.connection, 'createNetwork', emptyCreateNetworkForm(), false);
}

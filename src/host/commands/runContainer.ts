import type { CommandContext } from './context';
import { NetworkNode } from '../tree/nodes';
import { emptyRunForm } from '../../core/forms';

/** "Run Container on Network…": the Run form, on the clicked network (or chosen in the form from the palette). */
export async function runContainer(ctx: CommandContext, node?: unknown): Promise<void> {
  ctx.connection.start();
  if (node instanceof NetworkNode) {
    await ctx.panels.open(ctx.connection, 'run', { ...emptyRunForm(), network: node.network.name });
  } else {
    await ctx.panels.open(ctx.connection, 'run', emptyRunForm(), false);
  }
}

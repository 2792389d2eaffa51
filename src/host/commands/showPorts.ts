import type { CommandContext } from './context';

/** "Show Published Ports": every published port of the engine, its exposure and its conflicts. */
export async function showPorts(ctx: CommandContext): Promise<void> {
  await ctx.views.publishedPorts(ctx.connection).refresh();
}

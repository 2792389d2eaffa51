import type { CommandContext } from './context';

/** Rebuilds the snapshot now; after a failure it also reopens the event stream (the welcome view's Retry). */
export async function refresh(ctx: CommandContext): Promise<void> {
  await ctx.connection.retry();
}

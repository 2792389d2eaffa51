import type { CommandContext } from './context';
import { connectionOf } from '../tree/nodes';

/**
 * Rebuilds the snapshot now; after a failure it also reopens the event stream (the disconnected view's Retry). From
 * an engine's node that engine; otherwise every engine the view lists.
 */
export async function refresh(ctx: CommandContext, node?: unknown): Promise<void> {
  const one = connectionOf(node);
  await Promise.all((one ? [one] : ctx.engines.listed).map((c) => c.retry()));
}

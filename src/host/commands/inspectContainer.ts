import type { CommandContext } from './context';
import { ContainerNode } from '../tree/nodes';
import { pickContainer } from './pickers';

export async function inspectContainer(ctx: CommandContext, node?: unknown): Promise<void> {
  const a = node instanceof ContainerNode ? node.attachment : await pickContainer(await ctx.connection.snapshot());
  if (a) await ctx.inspect.open('container', a.containerId, a.name, ctx.connection);
}

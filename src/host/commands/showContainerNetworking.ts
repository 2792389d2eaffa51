import type { CommandContext } from './context';
import { ContainerNode } from '../tree/nodes';
import { pickContainer } from './pickers';

/** "Show Container Networking": a container's networks, ports and namespaces (from a container node, or chosen). */
export async function showContainerNetworking(ctx: CommandContext, node?: unknown): Promise<void> {
  const connection = ctx.connection;
  const a = node instanceof ContainerNode ? node.attachment : await pickContainer(await connection.snapshot());
  if (!a) return;
  const view = ctx.views.containerNetworking(connection, a.containerId, a.name);
  await view.refresh();
}

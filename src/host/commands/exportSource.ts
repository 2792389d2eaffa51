// What the two copy commands export: the node's network (its own picture: Network Details passes the last one, even
// of a network just removed), else one the user picks; the snapshot its containers come from; and what an inspect
// of each container adds, since the list call leaves the aliases out (Docker 28 lists none, 20.10 no IPAMConfig).
import type { CommandContext } from './context';
import { NetworkNode } from '../tree/nodes';
import { pickNetwork } from './pickers';
import type { EndpointExtras } from '../../core/exportPlan';
import type { NetworkView, Snapshot } from '../../core/model';

export interface ExportSource {
  snapshot: Snapshot;
  network: NetworkView;
  extras: Map<string, EndpointExtras>;
}

export async function exportSource(ctx: CommandContext, node: unknown, question: string): Promise<ExportSource | undefined> {
  const snapshot = await ctx.connection.snapshot();
  const network = node instanceof NetworkNode ? node.network : await pickNetwork(snapshot, question);
  if (!network) return undefined;
  const extras = new Map<string, EndpointExtras>();
  const details = ctx.connection.details;
  if (details) {
    // One inspect per container with an endpoint of its own (cached per endpoint); one that fails exports without.
    await Promise.all(network.attachments.filter((a) => !a.sharesNamespaceOf && !a.serviceId).map(async (a) => {
      const d = await details.get(a, network.name).catch(() => undefined);
      if (d) extras.set(a.containerId, d);
    }));
  }
  return { snapshot, network, extras };
}

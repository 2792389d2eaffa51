import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { ContainerNode } from '../tree/nodes';
import type { Attachment, NetworkView, Snapshot } from '../../core/model';
import { attachmentDescription } from '../../core/format';
import { disconnectContainer as disconnect } from '../../docker/actions';

/** Networks a container has an endpoint of its own on (a shared namespace or host/none cannot be disconnected). */
function endpointsOf(snapshot: Snapshot, containerId: string): NetworkView[] {
  return snapshot.networks.filter((n) => n.attachments.some((a) => a.containerId === containerId && !a.sharesNamespaceOf));
}

function disconnectable(network: NetworkView, a: Attachment): boolean {
  return !a.sharesNamespaceOf && network.name !== 'host' && network.name !== 'none';
}

export async function disconnectContainer(ctx: CommandContext, node?: unknown): Promise<void> {
  const snapshot = await ctx.connection.snapshot();
  let target: { network: NetworkView; attachment: Attachment } | undefined;
  if (node instanceof ContainerNode) target = { network: node.network, attachment: node.attachment };
  else {
    const items = snapshot.networks.flatMap((network) =>
      network.attachments.filter((a) => disconnectable(network, a)).map((attachment) => ({
        label: attachment.name,
        description: `${network.name} · ${attachmentDescription(attachment)}`,
        value: { network, attachment },
      })),
    );
    target = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Disconnect which container from which network?') }))?.value;
  }
  if (!target) return;
  const { network, attachment: a } = target;
  if (a.sharesNamespaceOf) {
    throw new Error(vscode.l10n.t('{0} shares the network namespace of {1}: disconnect {1} instead, or recreate {0} with its own network.', a.name, a.sharesNamespaceOf));
  }
  if (!disconnectable(network, a)) {
    throw new Error(vscode.l10n.t('{0} runs in {1} mode: a container cannot be disconnected from the {1} network. Recreate it with another network instead.', a.name, network.name));
  }
  const last = endpointsOf(snapshot, a.containerId).length <= 1;
  const address = a.ipv4 ?? a.ipv6;
  const detail = [
    address ? vscode.l10n.t('It gives up its address {0} on {1}.', address, network.name) : undefined,
    last
      ? vscode.l10n.t('{0} is the last network of {1}: it will lose ALL network connectivity (only its loopback remains).', network.name, a.name)
      : undefined,
    vscode.l10n.t('Force disconnects even when the engine cannot clean up the endpoint (for example a container that is not running).'),
  ].filter(Boolean).join('\n');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Disconnect {0} from {1}?', a.name, network.name),
    { modal: true, detail },
    vscode.l10n.t('Disconnect'),
    vscode.l10n.t('Force Disconnect'),
  );
  if (!choice) return;
  const force = choice === vscode.l10n.t('Force Disconnect');
  await disconnect(ctx.connection.engine(), network.id, a.containerId, force);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Disconnected {0} from {1}', a.name, network.name), 4000);
}

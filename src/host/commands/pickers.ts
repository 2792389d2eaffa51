// QuickPicks used when a command runs from the palette without a tree node.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import type { Engines } from '../engines';
import type { Attachment, NetworkView, Snapshot } from '../../core/model';
import { attachmentDescription, networkDescription } from '../../core/format';
import { shortId } from '../../core/join';

interface Picked<T> extends vscode.QuickPickItem {
  value: T;
}

async function pick<T>(items: Picked<T>[], placeHolder: string): Promise<T | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to choose from: {0}', placeHolder));
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return choice?.value;
}

export function pickNetwork(snapshot: Snapshot, placeHolder = vscode.l10n.t('Select a network')): Promise<NetworkView | undefined> {
  return pick(
    snapshot.networks.map((n) => ({ label: n.name, description: networkDescription(n), detail: shortId(n.id), value: n })),
    placeHolder,
  );
}

/** Every container once, with the networks it is on. */
export function pickContainer(snapshot: Snapshot, placeHolder = vscode.l10n.t('Select a container')): Promise<Attachment | undefined> {
  const seen = new Map<string, { a: Attachment; nets: string[] }>();
  for (const n of snapshot.networks) {
    for (const a of n.attachments) {
      const e = seen.get(a.containerId) ?? { a, nets: [] };
      e.nets.push(n.name);
      seen.set(a.containerId, e);
    }
  }
  const items = [...seen.values()]
    .sort((x, y) => x.a.name.localeCompare(y.a.name))
    .map(({ a, nets }) => ({ label: a.name, description: `${a.state} · ${a.image}`, detail: nets.join(', '), value: a }));
  return pick(items, placeHolder);
}

/** A container on a particular network (for per-network values such as its address). */
export function pickAttachment(
  snapshot: Snapshot,
  placeHolder = vscode.l10n.t('Select a container on a network'),
): Promise<{ network: NetworkView; attachment: Attachment } | undefined> {
  const items = snapshot.networks.flatMap((network) =>
    network.attachments.map((attachment) => ({
      label: attachment.name,
      description: `${network.name} · ${attachmentDescription(attachment)}`,
      value: { network, attachment },
    })),
  );
  return pick(items, placeHolder);
}

/**
 * The engine a command from the palette acts on: the extension's own; side by side, the one listed engine, or the
 * one the user picks when several are listed (undefined: the user cancelled).
 */
export async function pickEngine(engines: Engines, placeHolder = vscode.l10n.t('On which engine?')): Promise<Connection | undefined> {
  const listed = engines.listed;
  if (listed.length <= 1) return listed[0] ?? engines.primary;
  const items = listed.map((c) => {
    const s = c.state;
    const detail = s.kind === 'disconnected' || s.kind === 'misconfigured' ? vscode.l10n.t('unreachable: {0}', s.error.message) : undefined;
    return { label: engines.nameOf(c), description: c.endpoint?.display, detail, value: c };
  });
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.value;
}

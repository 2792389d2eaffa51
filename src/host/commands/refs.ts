// Commands take tree nodes. Panels (and other callers) may hand them plain ids instead, `{ networkId }` or
// `{ networkId, containerId }` (or `{ containerId }`): resolveRef turns those into the very nodes the tree would pass,
// read from the current snapshot, so every command has one code path whatever called it.
import * as vscode from 'vscode';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import type { CommandContext } from './context';
import { pickEngine } from './pickers';

/** Ids instead of a tree node. */
export interface ItemRef {
  networkId?: string;
  containerId?: string;
  /** The engine's context when several are side by side; without it the user is asked which. */
  engine?: string;
}

const REF_KEYS = new Set(['networkId', 'containerId', 'engine']);

export function isItemRef(v: unknown): v is ItemRef {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const keys = Object.keys(v);
  if (!keys.some((k) => k !== 'engine') || !keys.every((k) => REF_KEYS.has(k))) return false;
  const r = v as Record<string, unknown>;
  return keys.every((k) => typeof r[k] === 'string' && r[k] !== '');
}

/**
 * A tree node for the ids (a ContainerNode when a container is named), or the argument unchanged when it is no ItemRef.
 * Ids are looked up on the engine the ref names, else on the one engine listed, else on the one the user picks.
 */
export async function resolveRef(ctx: CommandContext, arg: unknown): Promise<unknown> {
  if (!isItemRef(arg)) return arg;
  const connection = arg.engine !== undefined ? ctx.engines.byKey(arg.engine) : await pickEngine(ctx.engines);
  if (!connection) {
    if (arg.engine === undefined) return undefined;
    throw new Error(vscode.l10n.t('No engine {0} is listed.', arg.engine));
  }
  const snapshot = await connection.snapshot();
  const byId = (id: string | undefined) => (id === undefined ? undefined : snapshot.networks.find((n) => n.id === id || n.name === id));
  const network = byId(arg.networkId);
  if (arg.networkId !== undefined && !network) throw new Error(vscode.l10n.t('The network {0} no longer exists.', arg.networkId.slice(0, 12)));
  if (arg.containerId === undefined) return network ? new NetworkNode(network, connection) : undefined;
  const on = network ? [network] : snapshot.networks;
  for (const n of on) {
    const a = n.attachments.find((x) => x.containerId === arg.containerId || x.name === arg.containerId);
    if (a) return new ContainerNode(n, a, connection);
  }
  throw new Error(network
    ? vscode.l10n.t('The container {0} is not on {1} any more.', arg.containerId.slice(0, 12), network.name)
    : vscode.l10n.t('The container {0} is on no network of this engine.', arg.containerId.slice(0, 12)));
}

// Helpers for tests inside the real extension host. Tree nodes must come from the extension's own
// provider (the test bundle has its own copies of the classes, so `instanceof` across bundles fails).
import * as vscode from 'vscode';
import Dockerode from 'dockerode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'docker-networks.docker-networks';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return ext.activate();
}

export function docker(): Dockerode {
  const host = process.env.DOCKER_HOST;
  if (!host?.startsWith('unix://')) throw new Error(`host tests need DOCKER_HOST=unix://…, got ${host ?? '(unset)'}`);
  return new Dockerode({ socketPath: host.slice('unix://'.length) });
}

export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 5000, what: string | (() => string) = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The extension, with a snapshot taken after everything the test did so far (as the Refresh command does). */
export async function fresh(): Promise<ExtensionApi> {
  const a = await api();
  a.connection.start();
  await a.connection.model?.refresh();
  return a;
}

/** Resolves once the tree announced no change for `ms` (what earlier suites removed has arrived), within `max`. */
export async function treeQuiet(a: ExtensionApi, ms = 1000, max = 15000): Promise<void> {
  let last = Date.now();
  const sub = a.tree.onDidChangeTreeData(() => { last = Date.now(); });
  try {
    await until(() => Date.now() - last >= ms, max, `a tree quiet for ${ms} ms`);
  } finally {
    sub.dispose();
  }
}

type Node = Awaited<ReturnType<ExtensionApi['tree']['getChildren']>>[number];

export async function findNetwork(a: ExtensionApi, name: string): Promise<Node | undefined> {
  const roots = await a.tree.getChildren();
  return roots.find((n) => a.tree.getTreeItem(n).label === name);
}

export async function childrenOf(a: ExtensionApi, network: string): Promise<vscode.TreeItem[]> {
  const node = await findNetwork(a, network);
  if (!node) return [];
  return (await a.tree.getChildren(node)).map((c) => a.tree.getTreeItem(c));
}

/** A node's item as the hover shows it: the tooltip is made by resolveTreeItem, not with the row. */
export async function hovered(a: ExtensionApi, node: Node): Promise<vscode.TreeItem> {
  const item = a.tree.getTreeItem(node);
  return a.tree.resolveTreeItem(item, node as Parameters<typeof a.tree.resolveTreeItem>[1]);
}

/** Replaces showQuickPick for one call sequence: `choose` gets each list's labels and returns the label to pick. */
export function answerPicks(choose: (labels: string[], placeHolder: string) => string | undefined): { asked: { labels: string[]; placeHolder: string }[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.showQuickPick;
  const asked: { labels: string[]; placeHolder: string }[] = [];
  w.showQuickPick = async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
    const list = await items;
    const labels = list.map((i) => i.label);
    const placeHolder = options?.placeHolder ?? '';
    asked.push({ labels, placeHolder });
    const pick = choose(labels, placeHolder);
    return list.find((i) => i.label === pick);
  };
  return { asked, restore: () => { w.showQuickPick = saved; } };
}

/** The tree's node of a container under a network, once the tree shows it. */
export async function containerNode(a: ExtensionApi, network: string, name: string): Promise<Node> {
  return until(async () => {
    const net = await findNetwork(a, network);
    if (!net) return undefined;
    return (await a.tree.getChildren(net)).find((c) => a.tree.getTreeItem(c).label === name);
  }, 10000, `${name} under ${network}`);
}

/** Answers (modal) warnings with the button of that title, recording each message asked. */
export function answerWarnings(button: string): { asked: string[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = w.showWarningMessage;
  const asked: string[] = [];
  w.showWarningMessage = async (message: string, ...rest: unknown[]) => {
    asked.push(message);
    return rest.find((r) => r === button);
  };
  return { asked, restore: () => { w.showWarningMessage = saved; } };
}

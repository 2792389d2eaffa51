// The Networks view. It reads the live models only: no engine call happens in here, so expanding a node is
// instant and a refresh costs what one snapshot costs. One engine normally; several side by side when
// `dockerNetworks.contexts` lists contexts, each under its own top-level node.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { OLDEST_KNOWN_API, supports } from '../../core/apiVersion';
import { describeProblem } from '../connection';
import type { Engines } from '../engines';
import { ContainerNode, EngineNode, NetworkNode, ServiceNode, type TreeNode } from './nodes';
import { ActionNode, problemRows } from './actionNodes';
import { hostNetOf } from '../hostNet';

/** Everything the view shows: the model's nodes, and the rows of a disconnected engine (hint, Retry, Open Settings). */
export type ViewNode = TreeNode | ActionNode;
import { describeStale } from '../../core/stale';

/** Above this many networks, nodes start collapsed so a big engine does not render thousands of rows at once. */
const EXPAND_LIMIT = 30;
/** While the tree shows a stale picture, its message (which says how old) is rewritten this often. */
const STALE_TICK_MS = 1000;

export class NetworksProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view?: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private engineSubs: vscode.Disposable[] = [];
  private staleTicker?: NodeJS.Timeout;

  constructor(private readonly engines: Engines) {
    this.watchEngines();
    this.disposables.push(
      engines.onDidChangeEngines(() => {
        this.watchEngines();
        if (this.view?.visible) this.startAll();
        this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dockerNetworks.showBuiltInNetworks')) this.changed.fire(undefined);
      }),
    );
  }

  private get connection(): Connection {
    return this.engines.primary;
  }

  private watchEngines(): void {
    for (const d of this.engineSubs) d.dispose();
    const all = new Set([this.engines.primary, ...this.engines.listed]);
    this.engineSubs = [...all].flatMap((c) => [c.onDidChange(() => this.update()), hostNetOf(c).onDidChange(() => this.update())]);
  }

  private startAll(): void {
    for (const c of this.engines.listed) c.start();
  }

  attach(view: vscode.TreeView<ViewNode>): void {
    this.view = view;
    this.disposables.push(view);
    // Follow the engines from the moment the view is first shown, not at activation.
    if (view.visible) this.startAll();
    this.disposables.push(view.onDidChangeVisibility((e) => e.visible && this.startAll()));
  }

  private update(): void {
    this.updateMessage();
    this.changed.fire(undefined);
  }

  private updateMessage(): void {
    const state = this.connection.state;
    const single = !this.engines.sideBySide;
    if (this.view) this.view.message = single ? describeProblem(state, this.connection.endpoint) ?? describeStale(state) : undefined;
    // A stale message says how old the picture is: keep that current (the tree itself is not redrawn).
    const ticking = single && state.kind === 'connected' && state.stale !== undefined;
    if (ticking && !this.staleTicker) this.staleTicker = setInterval(() => this.updateMessage(), STALE_TICK_MS);
    if (!ticking && this.staleTicker) {
      clearInterval(this.staleTicker);
      this.staleTicker = undefined;
    }
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node instanceof NetworkNode) {
      const count = node.connection.model?.snapshot?.networks.length ?? 0;
      return node.toTreeItem(count <= EXPAND_LIMIT);
    }
    return node.toTreeItem();
  }

  getChildren(node?: ViewNode): ViewNode[] {
    this.startAll();
    if (!node) {
      if (this.engines.sideBySide) return this.engines.listed.map((c) => new EngineNode(c));
      return this.networksOrProblem(this.connection, false);
    }
    if (node instanceof ActionNode) return [];
    if (node instanceof EngineNode) return this.networksOrProblem(node.connection, true);
    const snapshot = node.connection.model?.snapshot;
    // Read the current version of the network: the node may come from an older snapshot.
    const current = snapshot?.networks.find((n) => n.id === node.network.id);
    if (!current) return [];
    const conn = node.connection;
    if (node instanceof ServiceNode) {
      const service = current.services?.find((s) => s.id === node.service.id);
      return service ? new ServiceNode(current, service, conn).tasks().map((a) => new ContainerNode(current, a, conn)) : [];
    }
    if (node instanceof NetworkNode) {
      // Services first, each holding its tasks; other containers directly under the network.
      const services = current.services ?? [];
      const grouped = new Set(services.map((s) => s.id));
      return [
        ...services.map((s) => new ServiceNode(current, s, conn)),
        ...current.attachments.filter((a) => !a.serviceId || !grouped.has(a.serviceId)).map((a) => new ContainerNode(current, a, conn)),
      ];
    }
    return [];
  }

  /** The engine's networks; while it cannot be reached, what to do about it (Retry, Open Settings). */
  private networksOrProblem(connection: Connection, sideBySide: boolean): ViewNode[] {
    const rows = problemRows(connection, sideBySide);
    return rows.length > 0 ? rows : this.networksOf(connection);
  }

  private networksOf(connection: Connection): NetworkNode[] {
    const snapshot = connection.model?.snapshot;
    if (!snapshot) return [];
    const showBuiltIn = vscode.workspace.getConfiguration('dockerNetworks').get<boolean>('showBuiltInNetworks', true);
    return snapshot.networks.filter((n) => showBuiltIn || !n.builtin).map((n) => new NetworkNode(n, connection));
  }

  /** Hovering a container fills in what the list calls left out (aliases on older engines), for that one container. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    // aliases: absent from 20.10's list; DNS names (API 1.44+): only in inspect. One inspect of this container fills both.
    const dnsApi = supports(node.connection.model?.snapshot?.api ?? OLDEST_KNOWN_API, 'dnsNames');
    if (!(node instanceof ContainerNode) || (node.attachment.aliases.length > 0 && !(dnsApi && !node.attachment.dnsNames))) return item;
    const details = await node.connection.details?.get(node.attachment, node.network.name).catch(() => undefined);
    if (details) item.tooltip = node.tooltipWith(details);
    return item;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    if (node instanceof EngineNode) return undefined;
    if (node instanceof ActionNode) return this.engines.sideBySide ? this.engines.listed.map((c) => new EngineNode(c)).find((e) => node.id.startsWith(`problem/${e.connection.key}/`)) : undefined;
    const top = this.engines.sideBySide ? new EngineNode(node.connection) : undefined;
    if (node instanceof NetworkNode) return top;
    if (node instanceof ServiceNode) return new NetworkNode(node.network, node.connection);
    const service = node.network.services?.find((s) => s.id === node.attachment.serviceId);
    return service ? new ServiceNode(node.network, service, node.connection) : new NetworkNode(node.network, node.connection);
  }

  dispose(): void {
    clearInterval(this.staleTicker);
    for (const d of this.engineSubs) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

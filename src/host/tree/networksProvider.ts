// The Networks view. It reads the live model only: no engine call happens in here, so expanding a node is
// instant and a refresh costs what one snapshot costs.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { describeProblem } from '../connection';
import { ContainerNode, NetworkNode, ServiceNode, type TreeNode } from './nodes';

/** Above this many networks, nodes start collapsed so a big engine does not render thousands of rows at once. */
const EXPAND_LIMIT = 30;

export class NetworksProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view?: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly connection: Connection) {
    this.disposables.push(
      connection.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dockerNetworks.showBuiltInNetworks')) this.changed.fire(undefined);
      }),
    );
  }

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.disposables.push(view);
    // Follow the engine from the moment the view is first shown, not at activation.
    if (view.visible) this.connection.start();
    this.disposables.push(view.onDidChangeVisibility((e) => e.visible && this.connection.start()));
  }

  private update(): void {
    if (this.view) this.view.message = describeProblem(this.connection.state, this.connection.endpoint);
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node instanceof ContainerNode || node instanceof ServiceNode) return node.toTreeItem();
    const count = this.connection.model?.snapshot?.networks.length ?? 0;
    return node.toTreeItem(count <= EXPAND_LIMIT);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    this.connection.start();
    const snapshot = this.connection.model?.snapshot;
    if (!snapshot) return [];
    if (!node) {
      const showBuiltIn = vscode.workspace.getConfiguration('dockerNetworks').get<boolean>('showBuiltInNetworks', true);
      return snapshot.networks.filter((n) => showBuiltIn || !n.builtin).map((n) => new NetworkNode(n));
    }
    // Read the current version of the network: the node may come from an older snapshot.
    const current = snapshot.networks.find((n) => n.id === node.network.id);
    if (!current) return [];
    if (node instanceof ServiceNode) {
      const service = current.services?.find((s) => s.id === node.service.id);
      return service ? new ServiceNode(current, service).tasks().map((a) => new ContainerNode(current, a)) : [];
    }
    if (node instanceof NetworkNode) {
      // Services first, each holding its tasks; other containers directly under the network.
      const services = current.services ?? [];
      const grouped = new Set(services.map((s) => s.id));
      return [
        ...services.map((s) => new ServiceNode(current, s)),
        ...current.attachments.filter((a) => !a.serviceId || !grouped.has(a.serviceId)).map((a) => new ContainerNode(current, a)),
      ];
    }
    return [];
  }

  /** Hovering a container fills in what the list calls left out (aliases on older engines), for that one container. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (!(node instanceof ContainerNode) || node.attachment.aliases.length > 0) return item;
    const details = await this.connection.details?.get(node.attachment, node.network.name).catch(() => undefined);
    if (details) item.tooltip = node.tooltipWith(details.aliases);
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof ServiceNode) return new NetworkNode(node.network);
    if (!(node instanceof ContainerNode)) return undefined;
    const service = node.network.services?.find((s) => s.id === node.attachment.serviceId);
    return service ? new ServiceNode(node.network, service) : new NetworkNode(node.network);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

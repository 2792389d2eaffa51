// Tree nodes: thin wrappers over the model. contextValue tokens drive the package.json menus.
import * as vscode from 'vscode';
import type { Attachment, NetworkView } from '../../core/model';
import {
  attachmentDescription,
  attachmentTooltip,
  driverIcon,
  networkDescription,
  networkTooltip,
  stateIcon,
} from '../../core/format';

export class NetworkNode {
  readonly kind = 'network';
  constructor(readonly network: NetworkView) {}

  toTreeItem(expanded: boolean): vscode.TreeItem {
    const n = this.network;
    const state = n.attachments.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.name, state);
    item.id = `network/${n.id}`;
    item.description = networkDescription(n);
    item.tooltip = new vscode.MarkdownString(networkTooltip(n));
    item.iconPath = new vscode.ThemeIcon(driverIcon(n.driver));
    item.contextValue = n.builtin ? 'network.builtin' : 'network.custom';
    return item;
  }
}

export class ContainerNode {
  readonly kind = 'container';
  constructor(readonly network: NetworkView, readonly attachment: Attachment) {}

  toTreeItem(): vscode.TreeItem {
    const a = this.attachment;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = `network/${this.network.id}/container/${a.containerId}`;
    item.description = attachmentDescription(a);
    item.tooltip = this.tooltipWith(a.aliases);
    const color = a.state === 'running' ? new vscode.ThemeColor('testing.iconPassed') : undefined;
    item.iconPath = new vscode.ThemeIcon(stateIcon(a.state), color);
    item.contextValue = 'container.attached';
    return item;
  }

  tooltipWith(aliases: string[]): vscode.MarkdownString {
    return new vscode.MarkdownString(attachmentTooltip({ ...this.attachment, aliases }, this.network));
  }
}

export type TreeNode = NetworkNode | ContainerNode;

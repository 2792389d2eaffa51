// Tree nodes: thin wrappers over the model. contextValue tokens drive the package.json menus.
import * as vscode from 'vscode';
import type { Attachment, NetworkView, ServiceOnNetwork } from '../../core/model';
import {
  attachmentDescription,
  attachmentTooltip,
  driverIcon,
  networkDescription,
  networkTooltip,
  serviceDescription,
  serviceTooltip,
  stateIcon,
} from '../../core/format';

export class NetworkNode {
  readonly kind = 'network';
  constructor(readonly network: NetworkView) {}

  toTreeItem(expanded: boolean): vscode.TreeItem {
    const n = this.network;
    const state = n.attachments.length === 0 && !n.services?.length
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

/** A Swarm service with a virtual IP on an overlay network; its tasks on this node are its children. */
export class ServiceNode {
  readonly kind = 'service';
  constructor(readonly network: NetworkView, readonly service: ServiceOnNetwork) {}

  tasks(): Attachment[] {
    return this.network.attachments.filter((a) => a.serviceId === this.service.id);
  }

  toTreeItem(): vscode.TreeItem {
    const tasks = this.tasks();
    const item = new vscode.TreeItem(this.service.name, tasks.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `network/${this.network.id}/service/${this.service.id}`;
    item.description = serviceDescription(this.service, tasks);
    item.tooltip = new vscode.MarkdownString(serviceTooltip(this.service, this.network, tasks));
    item.iconPath = new vscode.ThemeIcon('layers');
    item.contextValue = 'service';
    return item;
  }
}

export type TreeNode = NetworkNode | ServiceNode | ContainerNode;

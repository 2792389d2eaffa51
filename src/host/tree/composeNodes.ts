// Tree nodes of `dockerNetworks.groupBy: composeProject`: a compose project (its networks under it), "Other networks",
// and a compose service on a network (its replicas under it). The grouping itself is core's (src/core/compose.ts).
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { composeWords } from '../../core/compose';
import type { Attachment, NetworkView } from '../../core/model';

function scopeId(connection: Connection): string {
  return connection.key ? `engine/${connection.key}/` : '';
}

export class ProjectNode {
  readonly kind = 'composeProject';
  constructor(readonly project: string, readonly networkCount: number, readonly connection: Connection) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.project, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${scopeId(this.connection)}compose/${this.project}`;
    item.description = this.networkCount === 1 ? vscode.l10n.t('compose project · 1 network') : vscode.l10n.t('compose project · {0} networks', this.networkCount);
    item.tooltip = vscode.l10n.t('Docker Compose project {0} (label com.docker.compose.project)', this.project);
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = 'composeProject';
    return item;
  }
}

export class OtherNetworksNode {
  readonly kind = 'otherNetworks';
  constructor(readonly networkCount: number, readonly connection: Connection) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Other networks'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${scopeId(this.connection)}compose-other`;
    item.description = String(this.networkCount);
    item.tooltip = vscode.l10n.t('Networks no single compose project owns: built-in, made by hand, or shared by several projects');
    item.iconPath = new vscode.ThemeIcon('type-hierarchy');
    item.contextValue = 'otherNetworks';
    return item;
  }
}

/** A compose service on one network; its containers (replicas, one-off runs) are its children. */
export class ComposeServiceNode {
  readonly kind = 'composeService';
  constructor(readonly network: NetworkView, readonly project: string, readonly service: string, readonly members: Attachment[], readonly connection: Connection) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.service, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${scopeId(this.connection)}network/${this.network.id}/compose/${this.project}/${this.service}`;
    const running = this.members.filter((a) => a.state === 'running').length;
    item.description = vscode.l10n.t('{0} of {1} running', running, this.members.length);
    item.tooltip = new vscode.MarkdownString().appendText(vscode.l10n.t('Compose service {0} of project {1} on {2}: {3}', this.service, this.project, this.network.name,
      this.members.map((a) => (a.compose ? `${a.name} (${composeWords(a.compose)})` : a.name)).join(', ')));
    item.iconPath = new vscode.ThemeIcon('layers');
    item.contextValue = 'composeService';
    return item;
  }
}

// Tree nodes: thin wrappers over the model. contextValue tokens drive the package.json menus.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { explainEndpoint } from '../../core/endpoint';
import { describeStale } from '../../core/stale';
import { collisionMark, describeCollision } from '../../core/hostRoutes';
import { hostNetOf } from '../hostNet';
import type { Attachment, NetworkView, ServiceOnNetwork } from '../../core/model';
import { attachmentCount } from '../../core/join';
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

/** Tree ids and context values for nodes of a side-by-side engine other than the extension's own. */
function scope(connection: Connection): { id: string; remote: string } {
  return { id: connection.key ? `engine/${connection.key}/` : '', remote: connection.fixedContext !== undefined ? '.remote' : '' };
}

/** A top-level engine (one per context) when several are shown side by side. */
export class EngineNode {
  readonly kind = 'engine';
  constructor(readonly connection: Connection) {}

  toTreeItem(): vscode.TreeItem {
    const c = this.connection;
    const s = c.state;
    const item = new vscode.TreeItem(c.key, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `engine/${c.key}`;
    const ep = c.endpoint;
    const problem = s.kind === 'disconnected' || s.kind === 'misconfigured' ? s.error.message : undefined;
    const stale = describeStale(s);
    item.description = problem ? vscode.l10n.t('unreachable') : s.kind === 'connected' && s.stale ? vscode.l10n.t('stale') : ep?.display ?? '';
    item.tooltip = new vscode.MarkdownString().appendText([ep ? `${ep.display}\n${explainEndpoint(ep)}` : c.key, problem, stale].filter(Boolean).join('\n\n'));
    item.iconPath = new vscode.ThemeIcon(problem ? 'debug-disconnect' : s.kind === 'connected' ? 'server-environment' : 'sync~spin');
    item.contextValue = 'engine';
    return item;
  }
}

export class NetworkNode {
  readonly kind = 'network';
  /** Its containers are still being read (the first paint): it must not look empty. */
  loading = false;
  /** By compose project: what the grouping says about it ("external", "shared by the compose projects a, b"). */
  groupNote?: string;
  /** The network as of the latest snapshot: the view keeps one node per network and updates it. */
  constructor(public network: NetworkView, readonly connection: Connection) {}

  toTreeItem(expanded: boolean): vscode.TreeItem {
    const n = this.network;
    const state = this.loading || (attachmentCount(n) === 0 && !n.services?.length)
      ? vscode.TreeItemCollapsibleState.None
      : expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(n.name, state);
    item.id = `${scope(this.connection).id}network/${n.id}`;
    // A subnet that a host route also claims (engine on this machine only): marked, with the routes in the tooltip.
    const collisions = this.loading ? [] : hostNetOf(this.connection).collisionsOf(n.id);
    const plain = this.groupNote ? `${networkDescription(n)} · ${this.groupNote}` : networkDescription(n);
    const description = collisions.length > 0 ? `⚠ ${collisionMark(collisions)} · ${plain}` : plain;
    item.description = this.loading ? vscode.l10n.t('{0} · loading containers…', description) : description;
    // No tooltip here: it is made on hover (resolveTreeItem); a redraw of 300 roots made 300 of them for nothing.
    item.iconPath = collisions.length > 0
      ? new vscode.ThemeIcon(driverIcon(n.driver), new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(driverIcon(n.driver));
    // While its containers load (a fraction of a second at first paint) a row offers no network actions: the window
    // draws an action bar into every row whose menus match, and at 300 networks that drawing competed with the
    // container list's arrival for the same 2 cores (bench (e)); the actions come with the containers.
    item.contextValue = this.loading ? 'loadingNetwork' : (n.builtin ? 'network.builtin' : 'network.custom') + scope(this.connection).remote;
    return item;
  }

  /** The hover: the network's settings and use, and any host route its subnet collides with. */
  tooltip(): vscode.MarkdownString {
    const n = this.network;
    // While loading, the tooltip's container count would say 0: say what is true instead.
    const tooltip = new vscode.MarkdownString(this.loading ? vscode.l10n.t('Reading the containers of {0}…', n.name) : networkTooltip(n));
    const collisions = this.loading ? [] : hostNetOf(this.connection).collisionsOf(n.id);
    for (const c of collisions) tooltip.appendMarkdown('\n\n⚠ ').appendText(describeCollision(c));
    return tooltip;
  }
}

export class ContainerNode {
  readonly kind = 'container';
  constructor(readonly network: NetworkView, readonly attachment: Attachment, readonly connection: Connection) {}

  toTreeItem(): vscode.TreeItem {
    const a = this.attachment;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${scope(this.connection).id}network/${this.network.id}/container/${a.containerId}`;
    item.description = attachmentDescription(a);
    // The tooltip is made on hover (resolveTreeItem), with what an inspect adds where the list leaves it out.
    const color = a.state === 'running' ? new vscode.ThemeColor('testing.iconPassed') : undefined;
    item.iconPath = new vscode.ThemeIcon(stateIcon(a.state), color);
    item.contextValue = 'container.attached' + scope(this.connection).remote;
    return item;
  }

  /** The tooltip with what one inspect adds: aliases (missing from 20.10's list) and DNS names (never in the list). */
  tooltipWith(details: { aliases: string[]; dnsNames: string[] }): vscode.MarkdownString {
    const dnsNames = details.dnsNames.length > 0 ? details.dnsNames : this.attachment.dnsNames;
    return new vscode.MarkdownString(attachmentTooltip({ ...this.attachment, aliases: details.aliases, dnsNames }, this.network));
  }
}

/** A Swarm service with a virtual IP on an overlay network; its tasks on this node are its children. */
export class ServiceNode {
  readonly kind = 'service';
  constructor(readonly network: NetworkView, readonly service: ServiceOnNetwork, readonly connection: Connection) {}

  tasks(): Attachment[] {
    return this.network.attachments.filter((a) => a.serviceId === this.service.id);
  }

  toTreeItem(): vscode.TreeItem {
    const tasks = this.tasks();
    const item = new vscode.TreeItem(this.service.name, tasks.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    item.id = `${scope(this.connection).id}network/${this.network.id}/service/${this.service.id}`;
    item.description = serviceDescription(this.service, tasks);
    item.tooltip = new vscode.MarkdownString(serviceTooltip(this.service, this.network, tasks));
    item.iconPath = new vscode.ThemeIcon('layers');
    item.contextValue = 'service';
    return item;
  }
}

export type TreeNode = EngineNode | NetworkNode | ServiceNode | ContainerNode;

/** The engine a tree node belongs to (commands act there, not on the extension's default engine). */
export function connectionOf(node: unknown): Connection | undefined {
  return node instanceof EngineNode || node instanceof NetworkNode || node instanceof ServiceNode || node instanceof ContainerNode
    ? node.connection
    : undefined;
}

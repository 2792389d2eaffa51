// Network Details: one network as a page (header, IPAM, bridge interface, options, labels, its containers), live
// from the connection's snapshots. When the network disappears the page keeps the last picture under a banner.
// Buttons run the existing commands with the nodes the tree would pass.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { apiOrOldest, supports } from '../../core/apiVersion';
import { networkDetailsState, type NetworkDetailsState } from '../../core/details';
import type { NetworkView, RawNetworkStatus, RawSubnetStatus } from '../../core/model';
import { CommandIds } from '../commandIds';
import { hostNetOf } from '../hostNet';
import { routeChecked } from '../../core/hostRoutes';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import type { ActionParams, ActionResult, ViewActionOf } from '../../protocol/views';
import { PanelView, ViewPanel } from './viewPanel';
import type { PanelEngine } from './webviewHost';

/** What each button runs, with the node the tree would pass (the network, or the row's container). */
const DETAILS_ACTIONS: Record<ViewActionOf<'networkDetails'>, { command: string; on: 'network' | 'container'; whileRemoved?: true }> = {
  inspectContainer: { command: CommandIds.inspectContainer, on: 'container', whileRemoved: true },
  showContainerNetworking: { command: CommandIds.showContainerNetworking, on: 'container', whileRemoved: true },
  disconnect: { command: CommandIds.disconnectContainer, on: 'container' },
  checkConnectivity: { command: CommandIds.checkConnectivity, on: 'container' },
  checkAllPairs: { command: CommandIds.checkConnectivity, on: 'network' },
  connectContainer: { command: CommandIds.connectContainer, on: 'network' },
  createLike: { command: CommandIds.createNetworkLike, on: 'network' },
  openJson: { command: CommandIds.inspectNetwork, on: 'network' },
  remove: { command: CommandIds.removeNetwork, on: 'network' },
  // The last picture of a removed network can still be copied: that is how it is made again.
  copyAsCompose: { command: CommandIds.copyAsCompose, on: 'network', whileRemoved: true },
  copyAsCommands: { command: CommandIds.copyAsCommands, on: 'network', whileRemoved: true },
};

export class NetworkDetailsView extends PanelView<'networkDetails'> {
  readonly panel: ViewPanel<'networkDetails'>;
  private network: NetworkView;
  private removedAt?: string;
  /** Aliases read per endpoint (container id + endpoint id), for engines whose list call leaves them out. */
  private readonly aliases = new Map<string, string[]>();
  private readonly reading = new Set<string>();
  /** The engine's allocation figures (API 1.52 inspect), read again after each change of the network. */
  private status?: Record<string, RawSubnetStatus>;
  private statusRead?: Promise<void>;
  private readonly subs: vscode.Disposable[] = [];

  /** Brought back after a reload with its network gone meanwhile: the page's last picture (never read here), no actions. */
  private readonly goneAtRestore?: { picture?: Record<string, unknown> };

  readonly connection: Connection;

  /** `goneAtRestore`: restored after a reload, its network removed meanwhile (`network` is then only its id and name). */
  constructor(engine: PanelEngine, network: NetworkView, extensionUri: vscode.Uri, goneAtRestore?: { picture?: Record<string, unknown> }) {
    super();
    this.connection = engine.connection;
    this.network = network;
    this.goneAtRestore = goneAtRestore;
    if (goneAtRestore) this.removedAt = new Date().toISOString();
    this.panel = this.open(engine, extensionUri, {
      kind: 'networkDetails', title: vscode.l10n.t('Network: {0}', network.name), subject: { panel: 'networkDetails', networkId: network.id, name: network.name },
    });
    this.subs.push(this.connection.onDidChange(() => this.update()), hostNetOf(this.connection).onDidChange(() => !this.removedAt && this.publish()));
    this.publish();
  }

  get networkId(): string {
    return this.network.id;
  }

  /** Follows the connection's latest snapshot. A disconnected engine changes nothing (the network is not gone). */
  update(): void {
    const s = this.connection.state;
    if (s.kind !== 'connected') return;
    const current = s.snapshot.networks.find((n) => n.id === this.network.id);
    if (current) {
      this.network = current;
      this.removedAt = undefined;
    } else if (!this.removedAt) {
      this.removedAt = new Date().toISOString();
    }
    this.publish();
    if (current && supports(apiOrOldest(s.snapshot.api), 'networkStatus')) this.readStatus();
  }

  /** One inspect at a time for `Status.IPAM.Subnets` (only in `GET /networks/{id}`); without it the panel counts itself. */
  private readStatus(): void {
    if (this.statusRead) return;
    this.statusRead = this.connection.engine().inspectNetwork(this.network.id)
      .then((info) => {
        const subnets = (info as { Status?: RawNetworkStatus | null }).Status?.IPAM?.Subnets;
        this.status = subnets ? { ...subnets } : undefined;
      }, () => undefined)
      .finally(() => {
        this.statusRead = undefined;
        if (!this.panel.isDisposed && !this.removedAt) this.publish();
      });
  }

  private publish(): void {
    const byContainer = new Map<string, string[]>();
    for (const a of this.network.attachments) {
      const got = this.aliases.get(endpointKey(a.containerId, a.endpointId));
      if (got) byContainer.set(a.containerId, got);
    }
    const hostRoutes = routeChecked(this.network.driver, this.network.configOnly) ? hostNetOf(this.connection).describe(this.network.id) : undefined;
    const picture = this.goneAtRestore?.picture;
    // The restored page's own last picture goes back to it as it was (see src/protocol/restore.ts), under the banner.
    const state = picture ? { ...picture } as unknown as NetworkDetailsState
      : networkDetailsState(this.network, { engine: this.connection.endpoint?.display ?? '', aliases: byContainer, status: this.status, hostRoutes });
    if (this.removedAt) state.removed = { at: this.removedAt };
    this.panel.title = this.removedAt ? vscode.l10n.t('Network: {0} (removed)', this.network.name) : vscode.l10n.t('Network: {0}', this.network.name);
    this.panel.setState(state);
    if (!this.removedAt) this.readAliases();
  }

  /** Fills in aliases the list call left out (engine 20.10), one inspect per endpoint, once. */
  private readAliases(): void {
    const details = this.connection.details;
    if (!details) return;
    const todo = this.network.attachments.filter((a) => a.aliases.length === 0 && a.endpointId && !a.sharesNamespaceOf
      && !this.aliases.has(endpointKey(a.containerId, a.endpointId)) && !this.reading.has(endpointKey(a.containerId, a.endpointId)));
    if (todo.length === 0) return;
    for (const a of todo) this.reading.add(endpointKey(a.containerId, a.endpointId));
    void Promise.all(todo.map(async (a) => {
      const key = endpointKey(a.containerId, a.endpointId);
      const d = await details.get(a, this.network.name).catch(() => undefined);
      this.reading.delete(key);
      this.aliases.set(key, d?.aliases ?? []);
    })).then(() => {
      if (!this.panel.isDisposed) this.publish();
    });
  }

  protected async act(p: ActionParams<'networkDetails'>): Promise<ActionResult> {
    const { command, on, whileRemoved } = DETAILS_ACTIONS[p.action];
    if (this.goneAtRestore) throw new Error(vscode.l10n.t('{0} was removed while the window reloaded: this page only shows its last state.', this.network.name));
    if (this.removedAt && !whileRemoved) throw new Error(vscode.l10n.t('{0} was removed: this page only shows its last state.', this.network.name));
    let node: NetworkNode | ContainerNode = new NetworkNode(this.network, this.connection);
    if (on === 'container') {
      const a = this.network.attachments.find((x) => x.containerId === p.containerId);
      if (!a) throw new Error(vscode.l10n.t('That container is no longer on {0}.', this.network.name));
      node = new ContainerNode(this.network, a, this.connection);
    }
    await vscode.commands.executeCommand(command, node);
    return {};
  }

  protected override cleanup(): void {
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

function endpointKey(containerId: string, endpointId: string | undefined): string {
  return `${containerId}/${endpointId ?? ''}`;
}

/** A network known only by its id and name (restored after a reload, removed meanwhile): nothing on it, no options. */
export function goneNetwork(id: string, name: string): NetworkView {
  return {
    id, name, driver: '', scope: '', builtin: false, internal: false, attachable: false, ingress: false, enableIPv4: true, enableIPv6: false,
    configOnly: false, ipamDriver: '', ipamOptions: {}, ipam: [], options: {}, labels: {}, attachments: [],
  };
}

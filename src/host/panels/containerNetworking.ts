// Container Networking: one container's networks (addresses, gateway, MAC, aliases, DNS names), its network mode,
// ports, and the seven namespaces with their modes and, on a local engine, their real ids from /proc/<pid>/ns.
// Live: a change of the container in the snapshot reads its inspect again; a removed container keeps its last
// picture under a banner.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { containerNetworkingState, type ContainerNetworkingState } from '../../core/containerDetails';
import type { EngineNamespaceDefaults } from '../../core/namespaces';
import { EngineError } from '../../core/errors';
import type { RawContainer, Snapshot } from '../../core/model';
import { OwnerResolver } from '../../core/join';
import { peerNames, type PeerNameRow } from '../../core/peerNames';
import type { ExecFn } from '../../docker/probe';
import { resolveIn } from '../../docker/resolve';
import { containerNamespaceIds, namespaceDefaults } from '../../docker/namespaceIds';
import { CommandIds } from '../commandIds';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import type { ActionParams, ActionResult } from '../../protocol/views';
import { PanelView, ViewPanel } from './viewPanel';
import type { PanelEngine } from './webviewHost';

const DEBOUNCE_MS = 250;
/** Names Resolve looks up for one peer at most (each a bounded exec or two). */
const MAX_NAMES = 6;

export class ContainerNetworkingView extends PanelView<'containerNetworking'> {
  readonly panel: ViewPanel<'containerNetworking'>;
  private signature = '';
  private removedAt?: string;
  private defaults?: Promise<EngineNamespaceDefaults | undefined>;
  private timer?: NodeJS.Timeout;
  private readonly subs: vscode.Disposable[] = [];
  /** Resolve's answers by peer and network, kept across refreshes. */
  private readonly resolved = new Map<string, NonNullable<PeerNameRow['resolved']>>();
  /** Tests replace Resolve's exec to see what would run; normally the engine's. */
  exec?: ExecFn;
  /** Resolves after each completed read (tests wait on it). */
  private readonly refreshedEmitter = new vscode.EventEmitter<ContainerNetworkingState>();
  readonly onDidRefresh = this.refreshedEmitter.event;

  readonly connection: Connection;

  constructor(engine: PanelEngine, readonly containerId: string, name: string, extensionUri: vscode.Uri) {
    super();
    this.connection = engine.connection;
    this.panel = this.open(engine, extensionUri, {
      kind: 'containerNetworking', title: vscode.l10n.t('Container: {0}', name), subject: { panel: 'containerNetworking', containerId, name },
    });
    this.subs.push(this.refreshedEmitter, this.connection.onDidChange(() => this.schedule()));
  }

  /** Reads the inspect, the engine's defaults and the namespace ids, and publishes the picture. */
  refresh(): Promise<void> {
    return this.serially(vscode.l10n.t('Container Networking'), () => this.read());
  }

  private schedule(): void {
    if (this.disposed) return;
    const s = this.connection.state;
    if (s.kind !== 'connected') return;
    const sig = signatureOf(s.snapshot, this.containerId);
    if (sig === this.signature) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async read(): Promise<void> {
    if (this.disposed) return;
    const snapshot = await this.connection.snapshot();
    const engine = this.connection.engine();
    this.signature = signatureOf(snapshot, this.containerId);
    let inspect;
    try {
      inspect = await engine.inspectContainer(this.containerId);
    } catch (err) {
      if (err instanceof EngineError && err.kind === 'notFound') {
        this.markRemoved();
        return;
      }
      throw err;
    }
    this.defaults ??= namespaceDefaults(engine).catch(() => undefined);
    const [defaults, ids] = await Promise.all([this.defaults, containerNamespaceIds(this.connection.endpoint, inspect)]);
    const state = {
      ...containerNetworkingState(inspect, snapshot, {
        engine: this.connection.endpoint?.display ?? '',
        defaults,
        ...(ids.shown ? { nsLinks: ids.links, hostLinks: ids.host } : { nsNote: ids.note }),
      }),
      peers: peerNames(snapshot, inspect).map((row) => {
        const resolved = this.resolved.get(`${row.peerId}/${row.networkId ?? ''}`);
        return resolved ? { ...row, resolved } : row;
      }),
    };
    if (this.disposed) return;
    this.removedAt = undefined;
    this.panel.title = vscode.l10n.t('Container: {0}', state.container.name);
    this.panel.setState(state);
    this.refreshedEmitter.fire(state);
  }

  private markRemoved(): void {
    if (!this.removedAt) this.removedAt = new Date().toISOString();
    const last = this.panel.state;
    if (!last) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The container {0} no longer exists.', this.containerId.slice(0, 12)));
      this.dispose();
      return;
    }
    this.panel.title = vscode.l10n.t('Container: {0} (removed)', last.container.name);
    const state = { ...last, removed: { at: this.removedAt } };
    this.panel.setState(state);
    this.refreshedEmitter.fire(state);
  }

  protected async act(p: ActionParams<'containerNetworking'>): Promise<ActionResult> {
    const snapshot = await this.connection.snapshot();
    const on = snapshot.networks.filter((n) => n.attachments.some((a) => a.containerId === this.containerId));
    const node = (): ContainerNode => {
      const n = on.find((x) => x.id === p.networkId) ?? on[0];
      const a = n?.attachments.find((x) => x.containerId === this.containerId);
      if (!n || !a) throw new Error(vscode.l10n.t('The container is on no network now.'));
      return new ContainerNode(n, a, this.connection);
    };
    switch (p.action) {
      case 'inspect':
        await vscode.commands.executeCommand(CommandIds.inspectContainer, node());
        break;
      case 'checkConnectivity':
        await vscode.commands.executeCommand(CommandIds.checkConnectivity, node());
        break;
      case 'resolve':
        return this.resolve(p.containerId, p.networkId);
      case 'showNetworkDetails': {
        const n = snapshot.networks.find((x) => x.id === p.networkId);
        if (!n) throw new Error(vscode.l10n.t('That network no longer exists.'));
        await vscode.commands.executeCommand(CommandIds.showNetworkDetails, new NetworkNode(n, this.connection));
        break;
      }
    }
    return {};
  }

  /** Asks the container's resolver for each name the peers table lists for that peer on that network (at most MAX_NAMES). */
  private async resolve(peerId: string | undefined, networkId: string | undefined): Promise<ActionResult> {
    const row = this.panel.state?.peers?.find((r) => r.peerId === peerId && r.networkId === networkId);
    if (!row || !row.network || row.names.length === 0) throw new Error(vscode.l10n.t('No names to look up for that container there.'));
    const results = [];
    for (const n of row.names.slice(0, MAX_NAMES)) results.push(await resolveIn(this.connection.engine(), this.containerId, n.name, this.exec));
    this.resolved.set(`${row.peerId}/${row.networkId ?? ''}`, { at: new Date().toISOString(), results });
    await this.refresh();
    const found = results.filter((r) => r.verdict === 'resolved').length;
    return { message: vscode.l10n.t('{0} of {1} names of {2} resolved.', found, results.length, row.peer) };
  }

  private get disposed(): boolean {
    return this.panel.isDisposed;
  }

  protected override cleanup(): void {
    clearTimeout(this.timer);
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

/** What, in the list data, would change the panel: the container itself, its namespace owner, who joins it, its peers. */
function signatureOf(snapshot: Snapshot, id: string): string {
  const c = snapshot.containers.find((x) => x.Id === id);
  if (!c) return 'gone';
  const owners = new OwnerResolver(snapshot.containers);
  const root = owners.rootOf(c);
  const part = (x: RawContainer | undefined): unknown => x && [x.Id, x.State, x.HostConfig?.NetworkMode, x.Ports, x.NetworkSettings?.Networks];
  const joined = snapshot.containers.filter((o) => o.Id !== id && owners.directOwner(o)?.Id === id).map((o) => `${o.Id}:${o.State}`);
  // Its peers on its networks (for the names table): who is there, running or not, with which names.
  const peers = snapshot.networks.filter((n) => n.attachments.some((a) => a.containerId === id))
    .map((n) => n.attachments.map((a) => [a.containerId, a.state, a.ipv4, a.ipv6, a.aliases, a.dnsNames]));
  return JSON.stringify([part(c), root !== c ? part(root) : null, joined, peers]);
}

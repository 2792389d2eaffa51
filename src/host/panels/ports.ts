// Show Published Ports: every published port of one engine, host side first, with its exposure and conflicts
// (src/core/ports.ts, src/core/portsView.ts). Live: each snapshot change builds the picture again; a stopped
// container's requested bindings (HostConfig.PortBindings, only in inspect) are read once per container, as they
// cannot change after create. This machine's listening sockets are read again with each picture (a cheap file read);
// a process that starts listening without any engine change shows after Refresh.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { foreignListeners, publishedPorts, type RawPortBindings } from '../../core/ports';
import { portsState, type PortsState } from '../../core/portsView';
import { containerName } from '../../core/join';
import type { Snapshot } from '../../core/model';
import { readListeners } from '../../docker/hostNet';
import { CommandIds } from '../commandIds';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import type { ActionParams, ActionResult } from '../../protocol/views';
import { PanelView, ViewPanel } from './viewPanel';
import type { PanelEngine } from './webviewHost';

const DEBOUNCE_MS = 250;
/** Inspects at once for the stopped containers' bindings. */
const CONCURRENCY = 4;

export class PortsView extends PanelView<'ports'> {
  readonly panel: ViewPanel<'ports'>;
  private readonly requested = new Map<string, RawPortBindings>();
  private timer?: NodeJS.Timeout;
  private readonly subs: vscode.Disposable[] = [];
  private readonly refreshedEmitter = new vscode.EventEmitter<PortsState>();
  /** Fires after each picture is built (tests wait on it). */
  readonly onDidRefresh = this.refreshedEmitter.event;

  readonly connection: Connection;

  constructor(engine: PanelEngine, extensionUri: vscode.Uri) {
    super();
    this.connection = engine.connection;
    this.panel = this.open(engine, extensionUri, { kind: 'ports', title: vscode.l10n.t('Published Ports'), subject: { panel: 'ports' } });
    this.subs.push(this.refreshedEmitter, this.connection.onDidChange(() => this.schedule()));
  }

  /** Builds the picture from the current snapshot (one build at a time). */
  refresh(): Promise<void> {
    return this.serially(vscode.l10n.t('Published Ports'), () => this.build());
  }

  private schedule(): void {
    if (this.panel.isDisposed || this.connection.state.kind !== 'connected') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async build(): Promise<void> {
    if (this.panel.isDisposed) return;
    const snapshot = await this.connection.snapshot();
    const unread = await this.readRequested(snapshot);
    const host = await readListeners(this.connection.endpoint);
    const bindings = publishedPorts(snapshot, this.requested);
    const state = portsState(bindings, {
      engine: this.connection.endpoint?.display ?? '',
      listeners: host.available ? foreignListeners(host.listeners, snapshot.containers) : { reason: host.reason },
      unread,
    });
    if (this.panel.isDisposed) return;
    this.panel.setState(state);
    this.refreshedEmitter.fire(state);
  }

  /** Reads the PortBindings of stopped containers not read yet; returns the names of those that could not be read. */
  private async readRequested(snapshot: Snapshot): Promise<string[]> {
    const present = new Set(snapshot.containers.map((c) => c.Id));
    for (const id of [...this.requested.keys()]) if (!present.has(id)) this.requested.delete(id);
    const todo = snapshot.containers.filter((c) => c.State !== 'running' && !this.requested.has(c.Id));
    const unread: string[] = [];
    const engine = this.connection.engine();
    for (let i = 0; i < todo.length; i += CONCURRENCY) {
      await Promise.all(todo.slice(i, i + CONCURRENCY).map(async (c) => {
        try {
          const info = await engine.inspectContainer(c.Id);
          this.requested.set(c.Id, (info.HostConfig?.PortBindings ?? {}) as RawPortBindings);
        } catch {
          unread.push(containerName(c)); // removed meanwhile, or the engine refused: said on the page, tried again next time
        }
      }));
    }
    return unread;
  }

  protected async act(p: ActionParams<'ports'>): Promise<ActionResult> {
    if (p.action === 'refresh') {
      await this.refresh();
      return {};
    }
    const snapshot = await this.connection.snapshot();
    if (p.action === 'showNetworkDetails') {
      const n = snapshot.networks.find((x) => x.id === p.networkId);
      if (!n) throw new Error(vscode.l10n.t('That network no longer exists.'));
      await vscode.commands.executeCommand(CommandIds.showNetworkDetails, new NetworkNode(n, this.connection));
      return {};
    }
    for (const n of snapshot.networks) {
      const a = n.attachments.find((x) => x.containerId === p.containerId);
      if (a) {
        await vscode.commands.executeCommand(CommandIds.showContainerNetworking, new ContainerNode(n, a, this.connection));
        return {};
      }
    }
    throw new Error(vscode.l10n.t('That container is on no network now.'));
  }

  protected override cleanup(): void {
    clearTimeout(this.timer);
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

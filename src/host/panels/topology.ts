// The topology map: one webview panel per engine, speaking src/protocol/topology.ts through the shared plumbing
// (webviewHost.ts).
//
// The host sends the whole graph (core/topology.ts) on `ready` and again when the engine changes (debounced, and
// only when the snapshot really is a new one); the webview keeps its layout and places only what is new. What a
// selected container reaches is computed here from the current snapshot (core/reachability.ts, indexed once per
// snapshot), so the webview bundle carries no engine logic.
import * as vscode from 'vscode';
import type { Snapshot } from '../../core/model';
import { buildTopology, reachabilityOf, topologyReach, type TopologyGraph } from '../../core/topology';
import type { ReplyMessage } from '../../protocol/reply';
import {
  parseTopologyMessage, type GraphMessage, type TopologyInitMessage, type RenderedMessage, type TopologyMethods, type TopologyRequest,
  type TopologyWebviewMessage,
} from '../../protocol/topology';
import { TOPOLOGY_PANEL_TYPE } from '../../protocol/restore';
import { CommandIds } from '../commandIds';
import { describeProblem, type Connection } from '../connection';
import type { Engines } from '../engines';
import { ContainerNode, NetworkNode } from '../tree/nodes';
import { okReply, WebviewHost, type PanelEngine } from './webviewHost';
import { topologyText } from '../../core/pageText/topology';

/** Engine changes reach the map at most this often (the live model has already coalesced the events). */
const GRAPH_DEBOUNCE_MS = 150;

export class TopologyPanel extends WebviewHost<TopologyWebviewMessage, TopologyInitMessage | GraphMessage> {
  private version = 0;
  private timer?: NodeJS.Timeout;
  private sentSnapshot?: Snapshot;
  private sentProblem?: string;
  private graphCache?: { snapshot: Snapshot; graph: TopologyGraph };
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  /** The webview drew a graph (its own measure: graph message in → first frame drawn). */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered?: RenderedMessage;

  constructor(engine: PanelEngine, extensionUri: vscode.Uri) {
    super(engine, {
      viewType: TOPOLOGY_PANEL_TYPE, title: vscode.l10n.t('Docker Topology'), script: 'topology', styles: ['topology'],
      subject: { panel: 'topology' }, source: 'topology map', parse: parseTopologyMessage,
    }, extensionUri);
    this.disposables.push(this.renderedEmitter, this.connection.onDidChange(() => this.schedule()));
    this.connection.start();
  }

  /** The graph of the current snapshot (what the webview was, or is about to be, sent). */
  async graph(): Promise<TopologyGraph> {
    return this.graphOf(await this.connection.snapshot());
  }

  /** The same path as a request from the webview (tests use it). */
  async request<M extends keyof TopologyMethods>(method: M, params: TopologyMethods[M]['params']): Promise<ReplyMessage<TopologyMethods[M]['result']>> {
    return (await this.call(method, params)) as ReplyMessage<TopologyMethods[M]['result']>;
  }

  protected async onReady(): Promise<void> {
    // a new page has nothing: send the graph whatever was sent before
    this.sentSnapshot = undefined;
    this.sentProblem = undefined;
    this.post({ type: 'init', text: this.pageText(topologyText()) });
    await this.sendGraph();
  }

  protected override onNotification(msg: TopologyWebviewMessage): void {
    if (msg.type !== 'rendered') return;
    this.lastRendered = msg;
    this.renderedEmitter.fire(msg);
  }

  protected async onRequest(msg: TopologyRequest): Promise<ReplyMessage> {
    const snapshot = await this.connection.snapshot();
    if (msg.method === 'reach') {
      const { containerId } = msg.params as TopologyMethods['reach']['params'];
      const r = reachabilityOf(snapshot);
      if (!r.nodes.has(containerId)) throw new Error(vscode.l10n.t('The container {0} is not on this engine any more.', containerId.slice(0, 12)));
      return okReply(msg.id, topologyReach(r, containerId));
    }
    // The nodes the tree would pass, of this map's engine.
    if (msg.method === 'explain') {
      const { containerId, targetId } = msg.params as TopologyMethods['explain']['params'];
      const source = containerNodeOf(snapshot, containerId, this.connection);
      const target = targetId === undefined ? undefined : containerNodeOf(snapshot, targetId, this.connection);
      await vscode.commands.executeCommand(CommandIds.explainReachability, source, target ? [source, target] : undefined);
      return okReply(msg.id, {});
    }
    const params = msg.params as TopologyMethods['show']['params'];
    if ('containerId' in params) {
      await vscode.commands.executeCommand(CommandIds.showContainerNetworking, containerNodeOf(snapshot, params.containerId, this.connection));
    } else {
      const n = snapshot.networks.find((x) => x.id === params.networkId);
      if (!n) throw new Error(vscode.l10n.t('The network {0} no longer exists.', params.networkId.slice(0, 12)));
      await vscode.commands.executeCommand(CommandIds.showNetworkDetails, new NetworkNode(n, this.connection));
    }
    return okReply(msg.id, {});
  }

  private graphOf(snapshot: Snapshot): TopologyGraph {
    if (this.graphCache?.snapshot !== snapshot) this.graphCache = { snapshot, graph: buildTopology(snapshot) };
    return this.graphCache.graph;
  }

  private schedule(): void {
    if (this.isDisposed || !this.hasPage) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sendGraph(), GRAPH_DEBOUNCE_MS);
  }

  /** Posts the graph of the current snapshot, or the problem, unless the webview already has exactly that. */
  private async sendGraph(): Promise<void> {
    const engine = this.connection.endpoint?.display ?? vscode.l10n.t('Docker engine');
    const state = this.connection.state;
    let snapshot: Snapshot | undefined;
    let problem: string | undefined;
    if (state.kind === 'connected') snapshot = state.snapshot;
    else if (state.kind === 'disconnected' || state.kind === 'misconfigured') problem = describeProblem(state, this.connection.endpoint);
    else {
      // idle or connecting: wait for the first snapshot (a failure is told as the problem)
      try {
        snapshot = await this.connection.snapshot();
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err);
      }
    }
    if (this.isDisposed) return;
    if (snapshot && snapshot === this.sentSnapshot) return;
    if (!snapshot && problem === this.sentProblem && this.version > 0) return;
    const msg: GraphMessage = { type: 'graph', version: ++this.version, engine };
    if (snapshot) {
      msg.graph = this.graphOf(snapshot);
      this.sentSnapshot = snapshot;
      this.sentProblem = undefined;
    } else {
      msg.problem = problem ?? vscode.l10n.t('The Docker engine is not connected.');
      this.sentProblem = problem;
    }
    this.post(msg);
  }

  protected override onDispose(): void {
    clearTimeout(this.timer);
  }
}

/** The tree's node for a container of this map's engine (on its first network). */
function containerNodeOf(snapshot: Snapshot, containerId: string, connection: Connection): ContainerNode {
  const n = snapshot.networks.find((x) => x.attachments.some((a) => a.containerId === containerId));
  const a = n?.attachments.find((x) => x.containerId === containerId);
  if (!n || !a) throw new Error(vscode.l10n.t('The container {0} is on no network of this engine.', containerId.slice(0, 12)));
  return new ContainerNode(n, a, connection);
}

/** One map per engine: opening it again reveals it; a map closes with its engine. */
export class TopologyPanels implements vscode.Disposable {
  private readonly open_ = new Map<string, TopologyPanel>();

  constructor(private readonly engines: Engines, private readonly extensionUri: vscode.Uri) {}

  /** The open map of an engine ('' for the extension's own), if any. */
  get(connectionKey = ''): TopologyPanel | undefined {
    return this.open_.get(connectionKey);
  }

  /** `restored`: the panel VS Code brought back after a reload, adopted when no map of this engine is open. */
  open(connection: Connection, restored?: vscode.WebviewPanel): TopologyPanel {
    const key = connection.key;
    const existing = this.open_.get(key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing;
    }
    const panel = new TopologyPanel({ connection, engines: this.engines, restored }, this.extensionUri);
    this.open_.set(key, panel);
    panel.onDidDispose(() => {
      if (this.open_.get(key) === panel) this.open_.delete(key);
    });
    return panel;
  }

  dispose(): void {
    for (const p of [...this.open_.values()]) p.dispose();
    this.open_.clear();
  }
}

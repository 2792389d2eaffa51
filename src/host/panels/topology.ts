// The topology map: one webview panel per engine, speaking src/protocol/topology.ts. The same plumbing as the forms
// (html.ts: CSP with a nonce, assets from dist/webview only; a `ready` handshake; requests with ids that are always
// answered, every message from the webview checked at run time before anything is done).
//
// The host sends the whole graph (core/topology.ts) on `ready` and again when the engine changes (debounced, and
// only when the snapshot really is a new one); the webview keeps its layout and places only what is new. What a
// selected container reaches is computed here from the current snapshot (core/reachability.ts, indexed once per
// snapshot), so the webview bundle carries no engine logic.
import { rejectMessage } from './rejections';
import * as vscode from 'vscode';
import type { Snapshot } from '../../core/model';
import { buildTopology, reachabilityOf, topologyReach, type TopologyGraph } from '../../core/topology';
import { rejectReply, type ReplyMessage } from '../../protocol/messages';
import {
  parseTopologyMessage, type GraphMessage, type RenderedMessage, type TopologyHostMessage, type TopologyMethods,
  type TopologyRequest,
} from '../../protocol/topology';
import { CommandIds } from '../commands/ids';
import { describeProblem, type Connection } from '../connection';
import { formHtml, webviewRoot } from './html';

/** Engine changes reach the map at most this often (the live model has already coalesced the events). */
const GRAPH_DEBOUNCE_MS = 150;

export class TopologyPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private version = 0;
  private timer?: NodeJS.Timeout;
  private disposed = false;
  private hostRequestId = 1_000_000_000;
  private sentSnapshot?: Snapshot;
  private sentProblem?: string;
  private graphCache?: { snapshot: Snapshot; graph: TopologyGraph };
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<TopologyHostMessage>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedMessage>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Every message posted to the webview (tests watch graphs and replies through it). */
  readonly onDidPost = this.postedEmitter.event;
  readonly onDidBecomeReady = this.readyEmitter.event;
  /** The webview drew a graph (its own measure: graph message in → first frame drawn). */
  readonly onDidRender = this.renderedEmitter.event;
  readonly onDidDispose = this.disposeEmitter.event;
  /** Messages refused by the run-time check, with the reason (newest last, at most 50). */
  readonly rejected: string[] = [];
  readyCount = 0;
  lastRendered?: RenderedMessage;

  constructor(private readonly connection: Connection, extensionUri: vscode.Uri) {
    const title = connection.key ? vscode.l10n.t('Topology — {0}', connection.key) : vscode.l10n.t('Docker Topology');
    this.panel = vscode.window.createWebviewPanel('dockerNetworks.topology', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(extensionUri)],
      // The page is discarded while hidden; the webview keeps its layout, viewport and selection with setState().
      retainContextWhenHidden: false,
      enableFindWidget: false,
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'network.svg');
    this.panel.webview.html = formHtml(this.panel.webview, extensionUri, 'topology', title, ['topology']);
    this.disposables.push(
      this.postedEmitter, this.readyEmitter, this.renderedEmitter,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      connection.onDidChange(() => this.schedule()),
    );
    connection.start();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal();
  }

  /** Resolves at the next `ready` handshake, or at once when one already happened and `fresh` is false. */
  whenReady(fresh = false): Promise<void> {
    if (!fresh && this.readyCount > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = this.readyEmitter.event(() => {
        sub.dispose();
        resolve();
      });
    });
  }

  /** The graph of the current snapshot (what the webview was, or is about to be, sent). */
  async graph(): Promise<TopologyGraph> {
    return this.graphOf(await this.connection.snapshot());
  }

  /** The same path as a request from the webview (tests use it). */
  async request<M extends keyof TopologyMethods>(method: M, params: TopologyMethods[M]['params']): Promise<ReplyMessage<TopologyMethods[M]['result']>> {
    const reply = await this.receive({ type: 'request', id: this.hostRequestId++, method, params });
    if (!reply) throw new Error('no reply');
    return reply as ReplyMessage<TopologyMethods[M]['result']>;
  }

  /** Handles one message exactly as it arrived from the webview: checked, then acted upon. Never throws. */
  async receive(raw: unknown): Promise<ReplyMessage | undefined> {
    const parsed = parseTopologyMessage(raw);
    if (!parsed.ok) {
      return rejectMessage(this.rejected, parsed, 'topology map', (r) => this.post(r));
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'ready':
        this.readyCount++;
        // a new page has nothing: send the graph whatever was sent before
        this.sentSnapshot = undefined;
        this.sentProblem = undefined;
        await this.sendGraph();
        this.readyEmitter.fire();
        return undefined;
      case 'rendered':
        this.lastRendered = msg;
        this.renderedEmitter.fire(msg);
        return undefined;
      case 'request': {
        const reply = await this.handle(msg);
        this.post(reply);
        return reply;
      }
    }
  }

  private async handle(msg: TopologyRequest): Promise<ReplyMessage> {
    try {
      if (msg.method === 'reach') {
        const { containerId } = msg.params as TopologyMethods['reach']['params'];
        const snapshot = await this.connection.snapshot();
        const r = reachabilityOf(snapshot);
        if (!r.nodes.has(containerId)) throw new Error(vscode.l10n.t('The container {0} is not on this engine any more.', containerId.slice(0, 12)));
        return { type: 'reply', id: msg.id, ok: true, result: topologyReach(r, containerId) };
      }
      const params = msg.params as TopologyMethods['show']['params'];
      if (this.connection.key) throw new Error(vscode.l10n.t('Details open from the Docker Networks view for this engine.'));
      if ('containerId' in params) await vscode.commands.executeCommand(CommandIds.showContainerNetworking, { containerId: params.containerId });
      else await vscode.commands.executeCommand(CommandIds.showNetworkDetails, { networkId: params.networkId });
      return { type: 'reply', id: msg.id, ok: true, result: {} };
    } catch (err) {
      return rejectReply(msg.id, err instanceof Error ? err.message : String(err));
    }
  }

  private graphOf(snapshot: Snapshot): TopologyGraph {
    if (this.graphCache?.snapshot !== snapshot) this.graphCache = { snapshot, graph: buildTopology(snapshot) };
    return this.graphCache.graph;
  }

  private schedule(): void {
    if (this.disposed || this.readyCount === 0) return;
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
    if (this.disposed) return;
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

  private post(msg: TopologyHostMessage): void {
    if (this.disposed) return;
    this.postedEmitter.fire(msg);
    void this.panel.webview.postMessage(msg).then(undefined, () => undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** One map per engine: opening it again reveals it. */
export class TopologyPanels implements vscode.Disposable {
  private readonly open_ = new Map<string, TopologyPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The open map of an engine ('' for the extension's own), if any. */
  get(connectionKey = ''): TopologyPanel | undefined {
    return this.open_.get(connectionKey);
  }

  open(connection: Connection): TopologyPanel {
    const key = connection.key;
    const existing = this.open_.get(key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing;
    }
    const panel = new TopologyPanel(connection, this.extensionUri);
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

// The read-only view panels (Network Details, Container Networking, Connectivity): the same plumbing as the forms
// (html.ts: CSP with a nonce, assets from dist/webview only; a `ready` handshake; requests with ids that are always
// answered), speaking src/protocol/views.ts. A view holds no form: the host sends the whole picture on `ready` and
// again whenever it changes; buttons come back as `action` requests, which the owner turns into commands.
import { rejectMessage } from './rejections';
import * as vscode from 'vscode';
import { rejectReply, type ReplyMessage } from '../../protocol/messages';
import {
  parseViewMessage, type ActionParams, type ActionResult, type ViewHostMessage, type ViewKind, type ViewStateOf,
} from '../../protocol/views';
import { formHtml, webviewRoot } from './html';

export interface ViewPanelOptions<K extends ViewKind> {
  kind: K;
  title: string;
  /** The bundle under dist/webview (without .js). */
  script: string;
  /** What a button does; the reply carries the result, or the error's message. */
  onAction(params: ActionParams<K>): Promise<ActionResult>;
  /** Called once when the panel closes. */
  onDispose?(): void;
}

export class ViewPanel<K extends ViewKind> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private current?: ViewStateOf[K];
  private currentJson?: string;
  private disposed = false;
  private hostRequestId = 1_000_000_000;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<ViewHostMessage<K>>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  /** Every message posted to the webview (tests watch states and replies through it). */
  readonly onDidPost = this.postedEmitter.event;
  readonly onDidBecomeReady = this.readyEmitter.event;
  /** Messages refused by the run-time check (newest last, at most 50). */
  readonly rejected: string[] = [];
  readyCount = 0;

  constructor(private readonly options: ViewPanelOptions<K>, extensionUri: vscode.Uri) {
    this.panel = vscode.window.createWebviewPanel(`dockerNetworks.view.${options.kind}`, options.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(extensionUri)],
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'network.svg');
    this.panel.webview.html = formHtml(this.panel.webview, extensionUri, options.script, options.title, ['views']);
    this.disposables.push(
      this.postedEmitter, this.readyEmitter,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  get kind(): K {
    return this.options.kind;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The picture last sent (or to be sent at the next `ready`). */
  get state(): ViewStateOf[K] | undefined {
    return this.current;
  }

  set title(title: string) {
    if (!this.disposed) this.panel.title = title;
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal();
  }

  /** Replaces the picture; it is posted now when the page is up, else at its `ready`. */
  setState(state: ViewStateOf[K]): void {
    // Engine events come for everything on the engine: an unchanged picture is not sent again (no re-render).
    const json = JSON.stringify(state);
    if (json === this.currentJson) return;
    this.current = state;
    this.currentJson = json;
    if (this.readyCount > 0) this.post({ type: 'state', kind: this.options.kind, state });
  }

  whenReady(): Promise<void> {
    if (this.readyCount > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = this.readyEmitter.event(() => {
        sub.dispose();
        resolve();
      });
    });
  }

  /** The same path as a button in the webview (tests use it). */
  async action(params: ActionParams<K>): Promise<ReplyMessage<ActionResult>> {
    const reply = await this.receive({ type: 'request', id: this.hostRequestId++, method: 'action', params });
    if (!reply) throw new Error('no reply');
    return reply as ReplyMessage<ActionResult>;
  }

  /** Handles one message as it arrived from the webview: checked, then acted upon. Never throws. */
  async receive(raw: unknown): Promise<ReplyMessage | undefined> {
    const parsed = parseViewMessage(this.options.kind, raw);
    if (!parsed.ok) {
      return rejectMessage(this.rejected, parsed, `${this.options.kind} panel`, (r) => this.post(r));
    }
    const msg = parsed.message;
    if (msg.type === 'ready') {
      this.readyCount++;
      if (this.current) this.post({ type: 'state', kind: this.options.kind, state: this.current });
      this.readyEmitter.fire();
      return undefined;
    }
    let reply: ReplyMessage;
    try {
      const result = await this.options.onAction(msg.params);
      reply = { type: 'reply', id: msg.id, ok: true, result };
    } catch (err) {
      reply = rejectReply(msg.id, err instanceof Error ? err.message : String(err));
    }
    this.post(reply);
    return reply;
  }

  private post(msg: ViewHostMessage<K>): void {
    if (this.disposed) return;
    this.postedEmitter.fire(msg);
    void this.panel.webview.postMessage(msg).then(undefined, () => undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.options.onDispose?.();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

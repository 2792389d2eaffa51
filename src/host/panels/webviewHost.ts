// The host side of every webview panel (the forms, the view panels, the topology map): one plumbing.
// - the page: html.ts (CSP `default-src 'none'` with a nonce, assets only from dist/webview via localResourceRoots);
// - the protocol: every message from the webview is checked (the protocol's parser, src/protocol/check.ts) before
//   anything is done with it; a refused one is recorded, logged and, when it carried a request id, answered with an
//   error; a request is always answered (a result or an error, never left hanging);
// - the `ready` handshake: the page says ready after every load (first open, and each show after a hide, since the
//   page is discarded while hidden), and the panel answers with its whole picture;
// - the engine: a panel belongs to one engine (its Connection), says which in its title when more than one engine is
//   listed, and closes when that engine goes away (its connection is disposed: the context left the setting; or the
//   settings moved the extension's own engine to another endpoint);
// - a reload: the page is told which panel it is (engine and subject, src/protocol/restore.ts) at every `ready`, and
//   keeps that for VS Code's serializer; a panel VS Code restored is adopted (restore.ts) instead of a new one opened.
import * as vscode from 'vscode';
import type { Parsed } from '../../protocol/check';
import type { PageText } from '../../protocol/pageText';
import type { PanelSubject, RestoreMessage } from '../../protocol/restore';
import { rejectReply, type ReplyMessage } from '../../protocol/reply';
import type { Connection } from '../connection';
import type { Engines } from '../engines';
import { formHtml, webviewRoot } from './html';
import { rejectMessage } from './rejections';

/** A panel's engine: its connection, and the engines listed (for the title). */
export interface PanelEngine {
  connection: Connection;
  engines: Engines;
  /** A panel VS Code brought back after a reload (src/host/panels/restore.ts): adopted instead of opening a new one. */
  restored?: vscode.WebviewPanel;
}

export interface WebviewHostOptions<In> {
  viewType: string;
  title: string;
  /** The bundle under dist/webview (without .js). */
  script: string;
  /** More stylesheets from dist/webview after forms.css. */
  styles?: string[];
  findWidget?: boolean;
  /** What a refusal names as the sender, e.g. "run form". */
  source: string;
  /** What the panel is about, for the page to keep across a reload. */
  subject: PanelSubject;
  parse(raw: unknown): Parsed<In>;
}

type RequestOf<In> = Extract<In, { type: 'request' }>;

/** Request ids the host uses for its own calls (tests, the same path as the webview's), far from the webview's. */
const HOST_REQUEST_IDS = 1_000_000_000;

export abstract class WebviewHost<In extends { type: string }, Out extends { type: string }> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  readonly connection: Connection;
  private baseTitle: string;
  private subject_: PanelSubject;
  private disposed = false;
  private hostRequestId = HOST_REQUEST_IDS;
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<Out | ReplyMessage>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Every message posted to the webview (tests watch them). */
  readonly onDidPost = this.postedEmitter.event;
  /** The page said `ready` and got its picture (after every page load). */
  readonly onDidBecomeReady = this.readyEmitter.event;
  readonly onDidDispose = this.disposeEmitter.event;
  /** Messages refused by the run-time check, with the reason (newest last, at most 50). */
  readonly rejected: string[] = [];
  /** How many `ready` handshakes so far, counted once the page got its picture. */
  readyCount = 0;
  /** A page said `ready` at least once (its picture may still be on its way): changes are worth posting. */
  private pageStarted = false;
  /** How many of the page's own requests were answered (not the host's calls through the same path). */
  pageRequests = 0;

  constructor(private readonly binding: PanelEngine, private readonly hostOptions: WebviewHostOptions<In>, extensionUri: vscode.Uri) {
    this.connection = binding.connection;
    this.baseTitle = hostOptions.title;
    this.subject_ = hostOptions.subject;
    const webviewOptions = { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
    if (binding.restored) {
      // VS Code kept the panel's own options (find widget, hidden context) with it; the webview's are set again.
      this.panel = binding.restored;
      this.panel.webview.options = webviewOptions;
      this.panel.title = this.fullTitle();
    } else {
      this.panel = vscode.window.createWebviewPanel(hostOptions.viewType, this.fullTitle(), vscode.ViewColumn.Active, {
        ...webviewOptions,
        // The page is discarded while hidden; the webview keeps its state with setState() and the host its own.
        retainContextWhenHidden: false,
        enableFindWidget: hostOptions.findWidget === true,
      });
    }
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'network.svg');
    this.panel.webview.html = formHtml(this.panel.webview, extensionUri, hostOptions.script, hostOptions.title, hostOptions.styles);
    this.disposables.push(
      this.postedEmitter, this.readyEmitter,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      this.connection.onDidDispose(() => this.dispose()),
      this.connection.onDidSwitchEngine(() => this.dispose()),
      binding.engines.onDidChangeEngines(() => this.applyTitle()),
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** The title without the engine's name (which is added when more than one engine is listed). */
  set title(title: string) {
    this.baseTitle = title;
    this.applyTitle();
  }

  get title(): string {
    return this.baseTitle;
  }

  private fullTitle(): string {
    const listed = this.binding.engines.listed;
    if (listed.length <= 1 && listed.includes(this.connection)) return this.baseTitle;
    return vscode.l10n.t('{0} — {1}', this.baseTitle, this.binding.engines.nameOf(this.connection));
  }

  private applyTitle(): void {
    if (!this.disposed) this.panel.title = this.fullTitle();
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal();
  }

  /** What the panel is about (what its page keeps for a reload). */
  get subject(): PanelSubject {
    return this.subject_;
  }

  set subject(subject: PanelSubject) {
    if (JSON.stringify(subject) === JSON.stringify(this.subject_)) return;
    this.subject_ = subject;
    if (this.pageStarted) this.postRestore();
  }

  /** Tells the page which panel it is; not a message of the panel's own protocol, so onDidPost does not see it. */
  private postRestore(): void {
    if (this.disposed) return;
    const msg: RestoreMessage = { type: 'restore', restore: { engine: this.connection.key, subject: this.subject_ } };
    void this.panel.webview.postMessage(msg).then(undefined, () => undefined);
  }

  /** A page has loaded (or is loading): changes are worth posting to it. */
  protected get hasPage(): boolean {
    return this.pageStarted;
  }

  /** A page's words (a table of src/core/pageText, translated now) with the display language, for its `init`. */
  protected pageText<S>(strings: S): PageText<S> {
    return { locale: vscode.env.language, strings };
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

  /**
   * Handles one message exactly as it arrived from the webview: checked, then acted upon. Returns the reply it
   * posted (undefined for notifications and for refused messages without an id). Never throws.
   */
  async receive(raw: unknown): Promise<ReplyMessage | undefined> {
    const parsed = this.hostOptions.parse(raw);
    if (!parsed.ok) return rejectMessage(this.rejected, parsed, this.hostOptions.source, (r) => this.post(r));
    const msg = parsed.message;
    if (msg.type === 'ready') {
      this.pageStarted = true;
      this.postRestore();
      await this.onReady().catch(() => undefined);
      this.readyCount++;
      if (!this.disposed) this.readyEmitter.fire();
      return undefined;
    }
    if (msg.type !== 'request') {
      this.onNotification(msg);
      return undefined;
    }
    const req = msg as RequestOf<In> & { id: number };
    let reply: ReplyMessage;
    try {
      reply = await this.onRequest(req);
    } catch (err) {
      reply = rejectReply(req.id, err instanceof Error ? err.message : String(err));
    }
    this.post(reply);
    if (req.id < HOST_REQUEST_IDS) this.pageRequests++;
    return reply;
  }

  /** The same path as a request from the webview (tests and the host's own calls use it). */
  protected async call(method: string, params: unknown): Promise<ReplyMessage> {
    const reply = await this.receive({ type: 'request', id: this.hostRequestId++, method, params });
    if (!reply) throw new Error('no reply');
    return reply;
  }

  /** The page loaded: send it the whole picture. */
  protected abstract onReady(): Promise<void>;

  /** A checked request; the reply is posted by the caller. A throw becomes a failed reply. */
  protected abstract onRequest(msg: RequestOf<In> & { id: number }): Promise<ReplyMessage>;

  /** A checked message without a reply (other than `ready`). */
  protected onNotification(_msg: In): void {}

  /** Posts to the page; returns false when the page was not there to get it (disposed or hidden). */
  protected post(msg: Out | ReplyMessage): boolean {
    if (this.disposed) return false;
    this.postedEmitter.fire(msg);
    const visible = this.panel.visible;
    void this.panel.webview.postMessage(msg).then(undefined, () => undefined);
    return visible;
  }

  /** Called once when the panel goes (closed by the user, its engine gone, or the work done). */
  protected onDispose(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A successful reply. */
export function okReply<R>(id: number, result: R): ReplyMessage<R> {
  return { type: 'reply', id, ok: true, result };
}

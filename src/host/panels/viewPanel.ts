// The read-only view panels (Network Details, Container Networking, Connectivity) on the shared plumbing
// (webviewHost.ts), speaking src/protocol/views.ts. A view holds no form: the host sends the whole picture on `ready`
// and again whenever it changes (after its words: `init`, src/core/pageText/views.ts); buttons come back as `action`
// requests, which the owner turns into commands.
import * as vscode from 'vscode';
import type { ReplyMessage } from '../../protocol/reply';
import {
  parseViewMessage, type ActionParams, type ActionResult, type ViewKind, type ViewRequest, type ViewStateMessage,
  type ViewStateOf, type ViewWebviewMessage, type ViewInitMessage,
} from '../../protocol/views';
import { viewText } from '../../core/pageText/views';
import { viewPanelType, type PanelSubject } from '../../protocol/restore';
import { okReply, WebviewHost, type PanelEngine } from './webviewHost';

export interface ViewPanelOptions<K extends ViewKind> {
  kind: K;
  title: string;
  /** The bundle under dist/webview (without .js). */
  script: string;
  /** What the panel is about (kept by its page for a reload). */
  subject: PanelSubject;
  /** What a button does; the reply carries the result, or the error's message. */
  onAction(params: ActionParams<K>): Promise<ActionResult>;
  /** Called once when the panel closes. */
  onDispose?(): void;
}

export class ViewPanel<K extends ViewKind> extends WebviewHost<ViewWebviewMessage<K>, ViewInitMessage<K> | ViewStateMessage<K>> {
  private current?: ViewStateOf[K];
  private currentJson?: string;

  constructor(private readonly options: ViewPanelOptions<K>, engine: PanelEngine, extensionUri: vscode.Uri) {
    super(engine, {
      viewType: viewPanelType(options.kind), title: options.title, script: options.script, styles: ['views'], findWidget: true,
      subject: options.subject, source: `${options.kind} panel`, parse: (raw) => parseViewMessage(options.kind, raw),
    }, extensionUri);
  }

  get kind(): K {
    return this.options.kind;
  }

  /** The picture last sent (or to be sent at the next `ready`). */
  get state(): ViewStateOf[K] | undefined {
    return this.current;
  }

  /** Replaces the picture; it is posted now when the page is up, else at its `ready`. */
  setState(state: ViewStateOf[K]): void {
    // Engine events come for everything on the engine: an unchanged picture is not sent again (no re-render).
    const json = JSON.stringify(state);
    if (json === this.currentJson) return;
    this.current = state;
    this.currentJson = json;
    if (this.hasPage) this.post({ type: 'state', kind: this.options.kind, state });
  }

  /** The same path as a button in the webview (tests use it). */
  async action(params: ActionParams<K>): Promise<ReplyMessage<ActionResult>> {
    return (await this.call('action', params)) as ReplyMessage<ActionResult>;
  }

  protected async onReady(): Promise<void> {
    this.post({ type: 'init', kind: this.options.kind, text: this.pageText(viewText(this.options.kind)) });
    if (this.current) this.post({ type: 'state', kind: this.options.kind, state: this.current });
  }

  protected async onRequest(msg: ViewRequest<K>): Promise<ReplyMessage> {
    return okReply(msg.id, await this.options.onAction(msg.params));
  }

  protected override onDispose(): void {
    this.options.onDispose?.();
  }
}

/** What owns a view panel (Network Details, Container Networking, Connectivity…): it closes with its panel. */
export abstract class PanelView<K extends ViewKind> implements vscode.Disposable {
  abstract readonly panel: ViewPanel<K>;
  private queued?: Promise<void>;

  /** Opens the owner's panel (its page's bundle is named after its kind): buttons go to act(), closing to cleanup(). */
  protected open(engine: PanelEngine, extensionUri: vscode.Uri, page: { kind: K; title: string; subject: PanelSubject }): ViewPanel<K> {
    return new ViewPanel<K>({ ...page, script: page.kind, onAction: (p) => this.act(p), onDispose: () => this.cleanup() }, engine, extensionUri);
  }

  /** What a button of the page does. */
  protected abstract act(p: ActionParams<K>): Promise<ActionResult>;

  /** Runs once when the panel closes. */
  protected cleanup(): void {}

  /** Runs `build` after the one in progress (never two at once); a failure is told as "<what>: <message>". */
  protected serially(what: string, build: () => Promise<void>): Promise<void> {
    const run = (this.queued ?? Promise.resolve()).then(build).catch((err: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', what, err instanceof Error ? err.message : String(err)));
    });
    this.queued = run;
    return run;
  }

  get onDidDispose(): vscode.Event<void> {
    return this.panel.onDidDispose;
  }

  /** The picture last sent to the page. */
  get state(): ViewStateOf[K] | undefined {
    return this.panel.state;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Closes the panel (its owner's cleanup runs with it). */
  dispose(): void {
    this.panel.dispose();
  }
}

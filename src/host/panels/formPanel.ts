// The form panels: one webview panel per form kind (reused while open), speaking src/protocol/messages.ts.
//
// The webview script holds the form; it sends it on every change (debounced) to be validated here, against the
// current snapshot and engine info, and on submit. A form with an error never reaches the engine. An engine refusal
// comes back explained (cause and fix, next to its field when known) and the form keeps every input. Success closes
// the panel and says what was done; the tree follows by itself through the engine's events.
//
// Every message from the webview is checked at run time (parseWebviewMessage); a malformed one is rejected (and
// answered with an error when it carried a request id) without ever being acted upon.
import { rejectMessage } from './rejections';
import * as vscode from 'vscode';
import { EngineError } from '../../core/errors';
import { explainDaemonErrors } from '../../core/daemonErrors';
import { validationContext, type FieldError } from '../../core/forms';
import { renderCommand } from '../../core/cli';
import { engineInfo as readEngineInfo, type EngineInfo } from '../../docker/actions';
import type { Connection } from '../connection';
import {
  parseWebviewMessage, rejectReply,
  type FormKind, type FormOf, type HostMessage, type Method, type ReplyError, type ReplyMessage, type RequestMessage,
  type ResultOf, type WebviewMessage,
} from '../../protocol/messages';
import { formHtml, webviewRoot } from './html';
import { FORM_SPECS, type FormEnv, type FormSpec } from './specs';

/** How long engine info (drivers, swarm role) is reused for live validation; a submit always reads it afresh. */
const ENGINE_INFO_TTL_MS = 30_000;
/** Pick lists follow the engine, at most this often. */
const OPTIONS_DEBOUNCE_MS = 300;

export class FormPanel<K extends FormKind> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private form: FormOf[K];
  private formVersion = 1;
  /** Lines about the current prefill, shown above the form (what a copy left out for this engine). */
  private notices: string[];
  private info?: { value: EngineInfo; at: number };
  private submitting = false;
  private disposed = false;
  private optionsTimer?: NodeJS.Timeout;
  private hostRequestId = 1_000_000_000;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<HostMessage<K>>();
  private readonly readyEmitter = new vscode.EventEmitter<void>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Every message posted to the webview (tests watch replies and inits through it). */
  readonly onDidPost = this.postedEmitter.event;
  /** The webview script said `ready` (after every page load: first open, and each show after a hide). */
  readonly onDidBecomeReady = this.readyEmitter.event;
  readonly onDidDispose = this.disposeEmitter.event;
  /** Messages refused by the run-time check, with the reason (newest last, at most 50). */
  readonly rejected: string[] = [];
  /** How many `ready` handshakes so far. */
  readyCount = 0;

  constructor(
    readonly spec: FormSpec<K>,
    private readonly connection: Connection,
    extensionUri: vscode.Uri,
    initial: FormOf[K],
    notices: readonly string[] = [],
  ) {
    this.form = initial;
    this.notices = [...notices];
    this.panel = vscode.window.createWebviewPanel(`dockerNetworks.form.${spec.kind}`, spec.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot(extensionUri)],
      // The page is discarded while hidden; the webview keeps the form with setState() and the host with `form`.
      retainContextWhenHidden: false,
      enableFindWidget: false,
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'network.svg');
    this.panel.webview.html = formHtml(this.panel.webview, extensionUri, spec.script, spec.title);
    this.disposables.push(
      this.postedEmitter, this.readyEmitter,
      this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
      connection.onDidChange(() => this.scheduleOptions()),
    );
  }

  get kind(): K {
    return this.spec.kind;
  }

  /** The form as the host last saw it (the prefill, then every form the webview sent). */
  get currentForm(): FormOf[K] {
    return this.form;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Replaces the form (a new prefill when the command runs again while the panel is open), with its notices. */
  setForm(form: FormOf[K], notices: readonly string[] = []): void {
    this.form = form;
    this.notices = [...notices];
    this.formVersion++;
    this.post({ type: 'setForm', form, formVersion: this.formVersion, notices: this.notices });
  }

  /** The notices shown above the form now. */
  get currentNotices(): readonly string[] {
    return this.notices;
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
   * posted (undefined for `ready` and for malformed messages without an id). Never throws.
   */
  async receive(raw: unknown): Promise<ReplyMessage | undefined> {
    const parsed = parseWebviewMessage(this.spec.kind, raw);
    if (!parsed.ok) {
      return rejectMessage(this.rejected, parsed, `${this.spec.kind} form`, (r) => this.post(r));
    }
    const msg: WebviewMessage<K> = parsed.message;
    if (msg.type === 'ready') {
      await this.sendInit();
      return undefined;
    }
    const reply = await this.handle(msg);
    this.post(reply);
    return reply;
  }

  /** The same path as the webview's Create/Connect/Run button. */
  submit(form: FormOf[K]): Promise<ReplyMessage<ResultOf<K, 'submit'>>> {
    return this.request('submit', form) as Promise<ReplyMessage<ResultOf<K, 'submit'>>>;
  }

  /** The same path as the webview's live validation. */
  validate(form: FormOf[K]): Promise<ReplyMessage<ResultOf<K, 'validate'>>> {
    return this.request('validate', form) as Promise<ReplyMessage<ResultOf<K, 'validate'>>>;
  }

  private async request(method: Method, form: FormOf[K]): Promise<ReplyMessage> {
    const reply = await this.receive({ type: 'request', id: this.hostRequestId++, method, params: { form } });
    if (!reply) throw new Error('no reply');
    return reply;
  }

  private async handle(msg: RequestMessage<K>): Promise<ReplyMessage> {
    const { id } = msg;
    const form = msg.params.form;
    try {
      switch (msg.method) {
        case 'validate': {
          this.form = form;
          const errors = await this.check(form, false);
          return ok(id, { errors, command: this.command(form) });
        }
        case 'copyCommand': {
          this.form = form;
          const command = this.command(form);
          await vscode.env.clipboard.writeText(command);
          return ok(id, { command });
        }
        case 'submit': {
          this.form = form;
          return await this.doSubmit(id, form);
        }
      }
    } catch (err) {
      return fail(id, { message: err instanceof Error ? err.message : String(err), fieldErrors: [] });
    }
  }

  private async doSubmit(id: number, form: FormOf[K]): Promise<ReplyMessage> {
    if (this.submitting) return rejectReply(id, vscode.l10n.t('Already working on it: wait for the engine to answer.'));
    this.submitting = true;
    try {
      // Validate against the engine as it is now, not as the last event left it.
      await this.connection.model?.refresh();
      const errors = await this.check(form, true);
      if (errors.length > 0) {
        return fail(id, {
          message: errors.length === 1
            ? vscode.l10n.t('1 problem to fix before {0}.', this.spec.action)
            : vscode.l10n.t('{0} problems to fix before {1}.', errors.length, this.spec.action),
          fieldErrors: errors,
        });
      }
      let message: string;
      try {
        message = await this.spec.submit(this.connection.engine(), form);
      } catch (err) {
        return fail(id, await this.explain(err, form));
      }
      // The reply goes out before the panel closes, so the webview (and a test) sees the outcome.
      setTimeout(() => {
        void vscode.window.showInformationMessage(message);
        this.dispose();
      }, 0);
      return ok(id, { message });
    } finally {
      this.submitting = false;
    }
  }

  /**
   * The engine's refusal explained: each error it joins (engines 25+ send several, one a line) next to its own field,
   * with the negotiated API version in the context (some advice depends on the engine's version).
   */
  private async explain(err: unknown, form: FormOf[K]): Promise<ReplyError> {
    const message = err instanceof Error ? err.message : String(err);
    if (!(err instanceof EngineError) || !err.daemonMessage) return { message, fieldErrors: [] };
    const api = await this.connection.snapshot().then((s) => s.api, () => undefined);
    const ctx = { ...this.spec.daemonContext(form), ...(api ? { api } : {}) };
    const whys = explainDaemonErrors(err.daemonMessage, ctx);
    const first = whys[0];
    if (!first) return { message, fieldErrors: [] };
    const fieldErrors: FieldError[] = whys.flatMap((w) => (w.field ? [{ field: w.field, message: `${w.cause} ${w.fix}` }] : []));
    const reply: ReplyError = {
      message: vscode.l10n.t('The engine refused: {0}', err.daemonMessage), fieldErrors, cause: first.cause, fix: first.fix, field: first.field,
    };
    if (whys.length > 1) reply.explanations = whys.map(({ cause, fix, field }) => (field ? { cause, fix, field } : { cause, fix }));
    return reply;
  }

  private async check(form: FormOf[K], freshInfo: boolean): Promise<FieldError[]> {
    const [snapshot, info] = await Promise.all([this.connection.snapshot(), this.engineInfo(freshInfo)]);
    const ctx = validationContext(snapshot, { swarmManager: info.swarmManager, drivers: info.networkDrivers });
    return this.spec.validate(form, ctx);
  }

  private command(form: FormOf[K]): string {
    return renderCommand(this.spec.argv(form));
  }

  private async engineInfo(fresh = false): Promise<EngineInfo> {
    if (!fresh && this.info && Date.now() - this.info.at < ENGINE_INFO_TTL_MS) return this.info.value;
    const value = await readEngineInfo(this.connection.engine());
    this.info = { value, at: Date.now() };
    return value;
  }

  private env(): FormEnv {
    return {
      snapshot: () => this.connection.snapshot(),
      engineInfo: () => this.engineInfo(),
      engine: () => this.connection.engine(),
    };
  }

  private async sendInit(): Promise<void> {
    this.readyCount++;
    // Without the engine the form still shows (the validation reply then says what is wrong with the engine).
    const options = await this.spec.options(this.env(), this.form).catch(() => this.spec.fallbackOptions(this.form));
    if (this.disposed) return;
    this.post({ type: 'init', kind: this.spec.kind, title: this.spec.title, form: this.form, formVersion: this.formVersion, notices: this.notices, options });
    this.readyEmitter.fire();
  }

  private scheduleOptions(): void {
    if (this.disposed || this.readyCount === 0) return;
    clearTimeout(this.optionsTimer);
    this.optionsTimer = setTimeout(() => {
      if (this.disposed || this.connection.state.kind !== 'connected') return;
      void this.spec.options(this.env(), this.form).then(
        (options) => this.post({ type: 'options', options }),
        () => undefined, // the next change (or the view's message) tells the user
      );
    }, OPTIONS_DEBOUNCE_MS);
  }

  private post(msg: HostMessage<K>): void {
    if (this.disposed) return;
    this.postedEmitter.fire(msg);
    void this.panel.webview.postMessage(msg).then(undefined, () => undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.optionsTimer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function ok<R>(id: number, result: R): ReplyMessage<R> {
  return { type: 'reply', id, ok: true, result };
}

function fail(id: number, error: ReplyError): ReplyMessage<never> {
  return { type: 'reply', id, ok: false, error };
}

type AnyPanel = { [K in FormKind]: FormPanel<K> }[FormKind];

/** One panel per form kind: opening a kind that is already open reveals it (with the new prefill, if any). */
export class FormPanels implements vscode.Disposable {
  private readonly open_ = new Map<FormKind, AnyPanel>();

  constructor(private readonly connection: Connection, private readonly extensionUri: vscode.Uri) {}

  /** The open panel of this kind, if any. */
  get<K extends FormKind>(kind: K): FormPanel<K> | undefined {
    return this.open_.get(kind) as FormPanel<K> | undefined;
  }

  /**
   * Shows the form of this kind. `prefill` replaces what an open panel holds (the user asked for something new);
   * without one an open panel is just revealed, as the user left it.
   */
  open<K extends FormKind>(kind: K, initial: FormOf[K], prefill = true, notices: readonly string[] = []): FormPanel<K> {
    const existing = this.get(kind);
    if (existing && !existing.isDisposed) {
      if (prefill) existing.setForm(initial, notices);
      existing.reveal();
      return existing;
    }
    const panel = new FormPanel<K>(FORM_SPECS[kind] as FormSpec<K>, this.connection, this.extensionUri, initial, notices);
    this.open_.set(kind, panel as unknown as AnyPanel);
    panel.onDidDispose(() => {
      if (this.open_.get(kind) === (panel as unknown as AnyPanel)) this.open_.delete(kind);
    });
    return panel;
  }

  dispose(): void {
    for (const p of [...this.open_.values()]) p.dispose();
    this.open_.clear();
  }
}

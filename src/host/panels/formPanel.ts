// The form panels: one webview panel per engine and form kind (reused while open), speaking src/protocol/messages.ts
// through the shared plumbing (webviewHost.ts). A kind's page is the bundle of the same name (dist/webview/<kind>.js).
//
// The webview script holds the form; it sends it on every change (debounced) to be validated here, against the
// current snapshot and engine info, and on submit. A form with an error never reaches the engine. An engine refusal
// comes back explained (cause and fix, next to its field when known) and the form keeps every input; the host keeps
// that failure and sends it again with the picture when the page loads anew (a reply posted while the panel was
// hidden never reached its page). Success closes the panel and says what was done; the tree follows by itself.
import * as vscode from 'vscode';
import { validationContext, type FieldError, type HostFacts } from '../../core/forms';
import { readListeners } from '../../docker/hostNet';
import { hostNetOf } from '../hostNet';
import { renderCommand } from '../../core/cli';
import { explainRefusal } from '../../core/refusal';
import { engineInfo as readEngineInfo, imageExposedPorts, listImages, type EngineInfo, type LocalImage } from '../../docker/actions';
import {
  parseWebviewMessage, rejectReply,
  type FormKind, type FormOf, type HostMessage, type InitMessage, type Method, type ReplyError, type ReplyMessage, type RequestMessage,
  type ResultOf, type WebviewMessage,
} from '../../protocol/messages';
import { formText } from '../../core/pageText/forms';
import { formPanelType } from '../../protocol/restore';
import type { FormEnv, FormSpec } from './specs';
import { okReply, WebviewHost, type PanelEngine } from './webviewHost';
import { hostRoutesFor } from './hostRoutes';
import { PromiseCache } from '../../core/promiseCache';

/** How long engine info (drivers, swarm role) is reused for live validation; a submit always reads it afresh. */
const ENGINE_INFO_TTL_MS = 30_000;
/** Pick lists follow the engine, at most this often. */
const OPTIONS_DEBOUNCE_MS = 300;

export class FormPanel<K extends FormKind> extends WebviewHost<WebviewMessage<K>, Exclude<HostMessage<K>, ReplyMessage>> {
  /** What the host last put in the form (the prefill): what the user typed is what differs from it. */
  private base: FormOf[K];
  private form: FormOf[K];
  private formVersion = 1;
  /** Lines about the current prefill, shown above the form (what a copy left out for this engine). */
  private notices: string[];
  private info?: { value: EngineInfo; at: number };
  /** The engine's images, read when the page loads, on an image event and on Refresh; not on every engine change. */
  private images?: Promise<LocalImage[]>;
  /** Each image's exposed ports as read (Run's -P remark), until an image event. */
  private readonly exposed = new PromiseCache<string[] | undefined>(50);
  /** The last submit's failure, for the form it was about (sent again with the picture at the next page load). */
  private failure?: { form: string; error: ReplyError };
  private submitting = false;
  private optionsTimer?: NodeJS.Timeout;
  /** Image lists read so far (tests check they follow image events only). */
  imageReads = 0;

  /** `restored`: a form brought back after a reload: its prefill (what typed values differ from) and its page's version. */
  constructor(readonly spec: FormSpec<K>, engine: PanelEngine, extensionUri: vscode.Uri, initial: FormOf[K], notices: readonly string[] = [],
    restored?: { base: FormOf[K]; formVersion: number }) {
    super(engine, {
      viewType: formPanelType(spec.kind), title: spec.title, script: spec.kind, source: `${spec.kind} form`,
      subject: { panel: 'form', kind: spec.kind }, parse: (raw) => parseWebviewMessage(spec.kind, raw),
    }, extensionUri);
    this.base = restored?.base ?? initial;
    this.formVersion = restored?.formVersion ?? this.formVersion;
    this.form = initial;
    this.notices = [...notices];
    const dropImages = (): void => {
      this.images = undefined;
      this.exposed.clear();
      this.scheduleOptions();
    };
    this.disposables.push(
      this.connection.onDidChange(() => this.scheduleOptions()),
      this.connection.onImageEvent(dropImages),
      this.connection.onDidRefresh(dropImages),
    );
  }

  get kind(): K {
    return this.spec.kind;
  }

  /** The form as the host last saw it (the prefill, then every form the webview sent). */
  get currentForm(): FormOf[K] {
    return this.form;
  }

  /** The prefill the form was last given. */
  get prefilled(): FormOf[K] {
    return this.base;
  }

  /** The notices shown above the form now. */
  get currentNotices(): readonly string[] {
    return this.notices;
  }

  /** Replaces the form (a new prefill, merged or confirmed by FormPanels), with its notices. */
  setForm(form: FormOf[K], notices: readonly string[] = [], base: FormOf[K] = form): void {
    this.base = base;
    this.form = form;
    this.notices = [...notices];
    this.failure = undefined;
    this.formVersion++;
    this.post({ type: 'setForm', form, formVersion: this.formVersion, notices: this.notices });
  }

  /** The same path as the webview's Create/Connect/Run button. */
  submit(form: FormOf[K]): Promise<ReplyMessage<ResultOf<K, 'submit'>>> {
    return this.request('submit', form) as Promise<ReplyMessage<ResultOf<K, 'submit'>>>;
  }

  /** The same path as the webview's "Next free address" and "Suggest a free subnet". */
  suggest(form: FormOf[K], field: string): Promise<ReplyMessage<ResultOf<K, 'suggest'>>> {
    return this.call('suggest', { form, field }) as Promise<ReplyMessage<ResultOf<K, 'suggest'>>>;
  }

  /** The same path as the webview's live validation. */
  validate(form: FormOf[K]): Promise<ReplyMessage<ResultOf<K, 'validate'>>> {
    return this.request('validate', form) as Promise<ReplyMessage<ResultOf<K, 'validate'>>>;
  }

  private request(method: Method, form: FormOf[K]): Promise<ReplyMessage> {
    return this.call(method, { form });
  }

  protected async onRequest(msg: RequestMessage<K>): Promise<ReplyMessage> {
    const { id } = msg;
    const form = msg.params.form;
    this.form = form;
    if (this.failure && this.failure.form !== JSON.stringify(form)) this.failure = undefined;
    switch (msg.method) {
      case 'validate': {
        const [errors, notes] = await Promise.all([this.check(form, false), this.spec.notes?.(this.env(), form) ?? []]);
        return okReply(id, { errors, command: this.command(form), notes });
      }
      case 'copyCommand': {
        const command = this.command(form);
        await vscode.env.clipboard.writeText(command);
        return okReply(id, { command });
      }
      case 'suggest': {
        const field = (msg as RequestMessage<K, 'suggest'>).params.field;
        return okReply(id, await this.spec.suggest(this.env(), form, field));
      }
      case 'submit': {
        const reply = await this.doSubmit(id, form);
        if (!reply.ok) this.failure = { form: JSON.stringify(form), error: reply.error };
        return reply;
      }
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
        return failReply(id, {
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
        const api = await this.connection.snapshot().then((s) => s.api, () => undefined);
        return failReply(id, explainRefusal(err, { ...this.spec.daemonContext(form), ...(api ? { api } : {}) }));
      }
      // The reply goes out before the panel closes, so the webview (and a test) sees the outcome.
      setTimeout(() => {
        void vscode.window.showInformationMessage(message);
        this.dispose();
      }, 0);
      return okReply(id, { message });
    } finally {
      this.submitting = false;
    }
  }

  private async check(form: FormOf[K], freshInfo: boolean): Promise<FieldError[]> {
    const [snapshot, info, host] = await Promise.all([this.connection.snapshot(), this.engineInfo(freshInfo), this.hostFacts(freshInfo)]);
    const ctx = validationContext(snapshot, { swarmManager: info.swarmManager, drivers: info.networkDrivers }, host);
    return this.spec.validate(form, ctx);
  }

  /** The engine host's listeners (Run) or routes (Create Network), when it is this machine; read afresh on submit. */
  private async hostFacts(fresh: boolean): Promise<HostFacts | undefined> {
    if (this.spec.kind === 'run') {
      const l = await readListeners(this.connection.endpoint);
      return l.available ? { listeners: l.listeners } : undefined;
    }
    if (this.spec.kind !== 'createNetwork') return undefined;
    const net = hostNetOf(this.connection);
    const routes = fresh || !net.state ? await net.fresh() : net.state;
    return routes.available ? { routes: routes.facts } : undefined;
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
      hostRoutes: () => hostRoutesFor(this.connection),
      engineInfo: () => this.engineInfo(),
      images: () => {
        if (!this.images) {
          this.imageReads++;
          const read = listImages(this.connection.engine());
          this.images = read;
          read.catch(() => { if (this.images === read) this.images = undefined; });
        }
        return this.images;
      },
      exposedPorts: (image) => this.exposed.get(image, () => imageExposedPorts(this.connection.engine(), image)),
    };
  }

  protected async onReady(): Promise<void> {
    // A page that loads (again) gets the images as they are now.
    this.images = undefined;
    // Without the engine the form still shows (the validation reply then says what is wrong with the engine).
    const options = await this.spec.options(this.env(), this.form).catch(() => this.spec.fallbackOptions(this.form));
    const init: InitMessage<K> = {
      type: 'init', kind: this.spec.kind, title: this.title, form: this.form, formVersion: this.formVersion, notices: this.notices, options,
      text: this.pageText(formText(this.spec.kind)),
    };
    if (this.failure) init.outcome = this.failure.error;
    this.post(init);
  }

  private scheduleOptions(): void {
    if (this.isDisposed || !this.hasPage) return;
    clearTimeout(this.optionsTimer);
    this.optionsTimer = setTimeout(() => {
      if (this.isDisposed || this.connection.state.kind !== 'connected') return;
      void this.spec.options(this.env(), this.form).then(
        (options) => this.post({ type: 'options', options }),
        () => undefined, // the next change (or the view's message) tells the user
      );
    }, OPTIONS_DEBOUNCE_MS);
  }

  protected override onDispose(): void {
    clearTimeout(this.optionsTimer);
  }
}

function failReply(id: number, error: ReplyError): ReplyMessage<never> {
  return { type: 'reply', id, ok: false, error };
}

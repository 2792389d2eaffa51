// The form machinery every panel script shares: the form's state and its messages with the host (live validation,
// submit, copy), and the page (the fields of ./formFields.ts, the equivalent command with a Copy button, the submit
// button); ./formErrors.ts puts the errors next to their fields.
//
// The webview never decides whether a form is valid: it sends the form to the host on every change (debounced) and
// on submit, and shows what comes back. Its state is saved with setState() on every change, so hiding the panel
// (which discards this page) loses nothing.
import {
  fieldId, readNotices, type FieldError, type FormKind, type FormOf, type HostMessage, type Methods, type OptionsOf, type ReplyError,
  type ReplyMessage, type SavedState, type SuggestResult,
} from '../../protocol/messages';
import { append, getPath, h, hasValue, isTextField, replaceChildrenKeeping, setPath } from './dom';
import { FieldSuggestions } from './formSuggest';
import { Channel, RequestFailed } from './channel';
import { focusFirstError, placeErrors, placeNotes, showBanner } from './formErrors';
import { buildUi, type FormDefinition } from './formFields';
import { setText, texts } from './text';
import type { FormCommonText } from '../../core/pageText/forms';

export { labelsField, routePriorityField, rowLabel, rowTexts, type FieldOptions, type FormDefinition, type FormUi, type KeyValueOptions } from './formFields';

const VALIDATE_DEBOUNCE_MS = 200;

export class FormController<K extends FormKind> {
  private form!: FormOf[K];
  private options!: OptionsOf[K];
  private formVersion = 0;
  /** Lines the host sent about this prefill (what a copy had to leave out), shown above the form. */
  private notices: string[] = [];
  private touched = new Set<string>();
  private submitted = false;
  private errors: FieldError[] = [];
  /** The host's remarks of the last check (they stop nothing). */
  private notes: FieldError[] = [];
  /** The engine's field errors of the last failed submit: they stay beside live validation until the form changes. */
  private refused: FieldError[] = [];
  private command = '';
  private validateTimer?: number;
  private validateSeq = 0;
  private busy = false;
  /** The banner shows why the last check could not run. */
  private checkFailed = false;
  private pendingFocus?: string;
  /** An options push is waiting for the user to leave the text field being typed in. */
  private renderDeferred = false;
  private readonly suggestions = new FieldSuggestions();
  private readonly channel: Channel<Methods<K>, Exclude<HostMessage<K>, ReplyMessage>, SavedState<K>>;
  private readonly app: HTMLElement;
  private title = '';

  constructor(private readonly def: FormDefinition<K>) {
    const app = document.getElementById('app');
    if (!app) throw new Error('no #app');
    this.app = app;
    this.channel = new Channel((msg) => this.onHostMessage(msg));
    this.channel.ready();
  }

  private onHostMessage(msg: Exclude<HostMessage<K>, ReplyMessage>): void {
    switch (msg.type) {
      case 'init': {
        setText(msg.text);
        this.options = msg.options;
        this.title = msg.title;
        const saved = this.channel.state;
        if (saved && saved.kind === msg.kind && saved.formVersion === msg.formVersion) {
          this.form = saved.form;
          this.touched = new Set(saved.touched);
          this.submitted = saved.submitted;
        } else {
          this.form = msg.form;
          this.touched = new Set();
          this.submitted = false;
        }
        this.formVersion = msg.formVersion;
        this.notices = readNotices(msg.notices);
        this.render(true);
        this.validateNow();
        // the last submit failed while this page was not there to show it (or before it was discarded): show it now
        if (msg.outcome) this.showFailure(msg.outcome);
        break;
      }
      case 'options': {
        if (JSON.stringify(msg.options) === JSON.stringify(this.options)) return;
        this.options = msg.options;
        this.renderWhenNotTyping();
        this.validateNow();
        break;
      }
      case 'setForm': {
        this.refused = [];
        this.suggestions.clear();
        this.form = msg.form;
        this.formVersion = msg.formVersion;
        this.notices = readNotices(msg.notices);
        this.touched = new Set();
        this.submitted = false;
        showBanner(undefined);
        this.render(true);
        this.validateNow();
        break;
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // State

  private save(): void {
    this.channel.save({ kind: this.def.kind, formVersion: this.formVersion, form: this.form, touched: [...this.touched], submitted: this.submitted });
  }

  private changed(path: string, structural = false): void {
    this.touched.add(path);
    this.suggestions.forget(path);
    this.refused = [];
    this.save();
    if (structural) this.render();
    this.scheduleValidate();
  }

  private scheduleValidate(): void {
    window.clearTimeout(this.validateTimer);
    this.validateTimer = window.setTimeout(() => this.validateNow(), VALIDATE_DEBOUNCE_MS);
  }

  private validateNow(): void {
    window.clearTimeout(this.validateTimer);
    const seq = ++this.validateSeq;
    this.channel.request('validate', { form: this.form }).then(
      (r) => {
        if (seq !== this.validateSeq) return; // an older answer: a newer form is on its way
        this.errors = [...r.errors, ...this.refused];
        this.notes = r.notes;
        this.setCommand(r.command);
        this.applyErrors();
        if (this.checkFailed) showBanner(undefined);
        this.checkFailed = false;
      },
      (e: unknown) => {
        if (seq !== this.validateSeq) return;
        // e.g. the engine is not reachable: say so until a check succeeds again
        this.checkFailed = true;
        showBanner(e instanceof RequestFailed ? e.error.message : String(e), 'error');
      },
    );
  }

  private async submit(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    window.clearTimeout(this.validateTimer);
    this.validateSeq++; // answers to earlier validations no longer apply
    this.submitted = true;
    this.save();
    const formEl = this.app.querySelector('form');
    formEl?.setAttribute('aria-busy', 'true');
    this.setStatus(texts<FormCommonText>().working);
    showBanner(undefined);
    this.checkFailed = false;
    try {
      const r = await this.channel.request('submit', { form: this.form });
      this.errors = [];
      this.applyErrors();
      this.setStatus(r.message);
      showBanner(r.message, 'success');
    } catch (e) {
      this.setStatus('');
      if (e instanceof RequestFailed) this.showFailure(e.error);
      else showBanner(String(e), 'error');
    } finally {
      this.busy = false;
      formEl?.removeAttribute('aria-busy');
    }
  }

  /** A failed submit: each error next to its field, the explanations (or the message) in the banner. */
  private showFailure(error: ReplyError): void {
    this.submitted = true;
    this.refused = error.fieldErrors;
    this.errors = error.fieldErrors;
    const unplaced = this.applyErrors();
    const lines: string[] = [];
    const explained = error.explanations ?? (error.cause ? [{ cause: error.cause, fix: error.fix ?? '' }] : []);
    for (const w of explained) lines.push(w.cause, w.fix);
    if (explained.length === 0) lines.push(error.message);
    if (error.cause && error.message) lines.push(error.message);
    showBanner(lines.filter(Boolean), 'error', unplaced);
    focusFirstError(this.app);
  }

  /** "Next free address", "Suggest a free subnet": the value goes in as if typed, the reason (or failure) by the button. */
  private async suggest(path: string): Promise<void> {
    const r = await this.channel.request('suggest', { form: this.form, field: path })
      .catch((e: unknown): SuggestResult => ({ message: e instanceof RequestFailed ? e.error.message : String(e) }));
    if (r.value !== undefined) { setPath(this.form, path, r.value); this.changed(path); } // as if typed
    this.suggestions.note(path, r.message);
    this.pendingFocus = fieldId(path);
    this.render();
  }

  private async copy(): Promise<void> {
    try {
      const r = await this.channel.request('copyCommand', { form: this.form });
      this.setCommand(r.command);
      this.setStatus(texts<FormCommonText>().copied);
    } catch (e) {
      this.setStatus(e instanceof RequestFailed ? e.error.message : String(e));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rendering

  /**
   * An engine update (new options) while the user types in a text field draws the form around that field: the field
   * itself stays the same element (replaceChildrenKeeping), since replacing the element under the caret would end an
   * IME composition and empty its undo history. Only when the new form has no such field in the same place (its
   * section went away) does the update wait until focus leaves it. Validation runs at once regardless.
   */
  private renderWhenNotTyping(): void {
    const typing = document.activeElement;
    if (!isTextField(typing) || !this.app.contains(typing)) {
      this.render();
      return;
    }
    if (this.renderDeferred || this.render(false, typing)) return;
    this.renderDeferred = true;
    this.app.addEventListener('focusout', (e) => {
      this.renderDeferred = false;
      // Focus moving on to another text field keeps typing going: draw around that one.
      if (isTextField(e.relatedTarget instanceof Element ? e.relatedTarget : null)) this.renderWhenNotTyping();
      else this.render();
    }, { once: true });
  }

  /** Draws the form; with `keep`, around that field (false, and nothing drawn, when the new form has no place for it). */
  private render(initial = false, keep?: HTMLInputElement | HTMLTextAreaElement): boolean {
    this.def.normalize?.(this.form);
    const t = texts<FormCommonText>();
    const active = document.activeElement;
    const focusId = this.pendingFocus ?? (active && active !== document.body ? active.id : undefined);
    const selection = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: active.selectionStart, end: active.selectionEnd } : undefined;
    const scroll = window.scrollY;
    const moveFocus = this.pendingFocus !== undefined;
    this.pendingFocus = undefined;

    const currentForm = (): FormOf[K] => this.form;
    const currentOptions = (): OptionsOf[K] => this.options;
    const ui = buildUi<K>({
      get form() { return currentForm(); },
      get options() { return currentOptions(); },
      changed: (path, structural) => this.changed(path, structural),
      focusAfterRender: (id) => { this.pendingFocus = id; },
      forgetTouched: (prefix) => { this.touched = new Set([...this.touched].filter((t) => !t.startsWith(prefix))); },
      suggest: (path) => void this.suggest(path), suggestion: (path) => this.suggestions.message(path),
    });
    const form = h('form', { novalidate: true, className: `form form-${this.def.kind}` });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    append(form, ...this.def.render(ui));
    const copy = ui.button(t.copy, () => void this.copy(), { className: 'secondary', id: 'copy-command' });
    // The command and the submit button stay in view at the bottom while the form scrolls.
    append(form, h('div', { className: 'footer' },
      h('section', { className: 'command' },
        h('h2', {}, t.equivalentCommand),
        h('div', { className: 'command-row' },
          // focusable so a long command can be scrolled with the keyboard; a named region, so Tab lands on something said
          h('pre', { id: 'command', tabindex: 0, role: 'region', 'aria-label': t.equivalentCommand }, h('code', {}, this.command)),
          copy)),
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'primary', id: 'submit' }, t.submit),
        h('p', { id: 'status', role: 'status', 'aria-live': 'polite', className: 'status' }))));

    const banner = document.getElementById('banner') ?? h('div', { id: 'banner', className: 'banner', role: 'alert', hidden: true });
    const notices = this.notices.length > 0
      ? h('div', { className: 'notices', id: 'notices', role: 'note', 'aria-label': t.notices }, ...this.notices.map((n) => h('p', {}, n)))
      : undefined;
    const page = [h('header', {}, h('h1', {}, this.title), h('p', { className: 'intro' }, t.intro)), ...(notices ? [notices] : []), banner, form];
    if (!keep) this.app.replaceChildren(...page);
    else if (!replaceChildrenKeeping(this.app, page, keep)) return false;
    this.app.removeAttribute('aria-busy');
    this.applyErrors();
    this.save();

    const target = focusId ? document.getElementById(focusId) : initial ? form.querySelector<HTMLElement>('[data-autofocus]') : null;
    // the kept field still has focus and caret: setting its selection again would commit an IME composition
    if (target && target !== keep) {
      target.focus({ preventScroll: !moveFocus });
      if (selection && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.id === active?.id) {
        try { target.setSelectionRange(selection.start, selection.end); } catch { /* not a text input */ }
      }
    }
    if (!initial && !moveFocus && !keep) window.scrollTo(0, scroll);
    return true;
  }

  private setCommand(command: string): void {
    this.command = command;
    const code = document.querySelector('#command code');
    if (code) code.textContent = command;
  }

  private setStatus(text: string): void {
    const s = document.getElementById('status');
    if (s) s.textContent = text;
  }

  /** Whether an error of this field shows now: after a submit, or once the field was edited or holds something. */
  private visible(field: string): boolean {
    if (this.submitted) return true;
    for (const t of this.touched) if (t === field || t.startsWith(`${field}[`) || t.startsWith(`${field}.`)) return true;
    return hasValue(getPath(this.form, field));
  }

  /** Puts each visible error next to its field (and each remark under it); returns the visible errors that have no
   * field on the page. */
  private applyErrors(): FieldError[] {
    const targets = this.def.errorTargets?.(this.form) ?? new Map<string, string>();
    placeNotes(this.app, this.notes);
    return placeErrors(this.app, this.errors, (f) => this.visible(f), targets, this.submitted);
  }
}

export function startForm<K extends FormKind>(def: FormDefinition<K>): void {
  const start = (): void => void new FormController(def);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}


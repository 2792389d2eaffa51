// The form machinery every panel script shares: state, rendering with labelled fields, live validation by the host,
// errors next to their fields (aria-invalid + aria-describedby), the equivalent command with a Copy button, submit.
//
// The webview never decides whether a form is valid: it sends the form to the host on every change (debounced) and
// on submit, and shows what comes back. Its state is saved with setState() on every change, so hiding the panel
// (which discards this page) loses nothing.
import {
  fieldId, readNotices, type Choice, type FieldError, type FormKind, type FormOf, type HostMessage, type Methods, type OptionsOf,
  type ReplyError, type ReplyMessage, type SavedState,
} from '../../protocol/messages';
import { append, getPath, h, hasValue, isField, setDescribedBy, setPath } from './dom';
import { Channel, RequestFailed } from './channel';

const VALIDATE_DEBOUNCE_MS = 200;

export interface FieldOptions {
  help?: string;
  placeholder?: string;
  /** Monospace (addresses, CIDRs, commands). */
  code?: boolean;
  inputMode?: 'numeric' | 'text';
  /** Suggestions (a datalist). */
  suggestions?: string[];
  autofocus?: boolean;
  /** Rows of a textarea. */
  rows?: number;
  /** Extra class on the field wrapper. */
  className?: string;
}

export interface KeyValueOptions {
  /** Path of the list in the form, e.g. `labels`. */
  path: string;
  legend: string;
  help?: string;
  /** Labels of row n (1-based), e.g. `Label key #1`. */
  keyLabel: (n: number) => string;
  valueLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addText: string;
  /** Rows hidden from the table (handled by helper fields elsewhere). */
  hide?: (key: string) => boolean;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

export interface FormDefinition<K extends FormKind> {
  kind: K;
  /** One sentence under the title. */
  intro: string;
  submitText: string;
  /** Builds the fields (inside the <form>, before the command and the submit button). */
  render(ui: FormUi<K>): Node[];
  /** Fixes up a form before it is shown (e.g. one blank row to type into). */
  normalize?(form: FormOf[K]): void;
  /** Error paths that belong to another element (e.g. a driver option shown by a helper field): path → element id. */
  errorTargets?(form: FormOf[K]): Map<string, string>;
}

/** What a form definition builds its fields with. */
export interface FormUi<K extends FormKind> {
  readonly form: FormOf[K];
  readonly options: OptionsOf[K];
  text(path: string, label: string, opts?: FieldOptions): HTMLElement;
  textarea(path: string, label: string, opts?: FieldOptions): HTMLElement;
  select(path: string, label: string, choices: Choice[], opts?: FieldOptions & { empty?: string }): HTMLElement;
  checkbox(path: string, label: string, opts?: FieldOptions): HTMLElement;
  keyValues(opts: KeyValueOptions): HTMLElement;
  /** A field bound to something other than a plain path (custom get/set), with a stable id. */
  custom(id: string, label: string, control: HTMLInputElement | HTMLSelectElement, opts?: FieldOptions): HTMLElement;
  /** An error slot for a whole list (`ports`, `labels`). */
  listError(path: string): HTMLElement;
  /** Adds a row to a list and focuses `focusPath` after the re-render. */
  addRow(listPath: string, row: unknown, focusPath: string): void;
  /** Removes row `index` of a list; focus goes to `focusId` (or the list's add button). */
  removeRow(listPath: string, index: number, focusId?: string): void;
  /** Marks a change made by custom controls; `structural` re-renders. */
  changed(path: string, structural?: boolean): void;
  button(text: string, onClick: () => void, attrs?: Record<string, string>): HTMLButtonElement;
}

function errorId(id: string): string {
  return `${id}-error`;
}

function helpId(id: string): string {
  return `${id}-help`;
}

export class FormController<K extends FormKind> {
  private form!: FormOf[K];
  private options!: OptionsOf[K];
  private formVersion = 0;
  /** Lines the host sent about this prefill (what a copy had to leave out), shown above the form. */
  private notices: string[] = [];
  private touched = new Set<string>();
  private submitted = false;
  private errors: FieldError[] = [];
  /** The engine's field errors of the last failed submit: they stay beside live validation until the form changes. */
  private refused: FieldError[] = [];
  private command = '';
  private validateTimer?: number;
  private validateSeq = 0;
  private busy = false;
  /** The banner shows why the last check could not run. */
  private checkFailed = false;
  private pendingFocus?: string;
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
        this.render();
        this.validateNow();
        break;
      }
      case 'setForm': {
        this.refused = [];
        this.form = msg.form;
        this.formVersion = msg.formVersion;
        this.notices = readNotices(msg.notices);
        this.touched = new Set();
        this.submitted = false;
        this.showBanner(undefined);
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
        this.setCommand(r.command);
        this.applyErrors();
        if (this.checkFailed) this.showBanner(undefined);
        this.checkFailed = false;
      },
      (e: unknown) => {
        if (seq !== this.validateSeq) return;
        // e.g. the engine is not reachable: say so until a check succeeds again
        this.checkFailed = true;
        this.showBanner(e instanceof RequestFailed ? e.error.message : String(e), 'error');
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
    this.setStatus('Working…');
    this.showBanner(undefined);
    this.checkFailed = false;
    try {
      const r = await this.channel.request('submit', { form: this.form });
      this.errors = [];
      this.applyErrors();
      this.setStatus(r.message);
      this.showBanner(r.message, 'success');
    } catch (e) {
      this.setStatus('');
      if (e instanceof RequestFailed) this.showFailure(e.error);
      else this.showBanner(String(e), 'error');
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
    this.showBanner(lines.filter(Boolean), 'error', unplaced);
    this.focusFirstError();
  }

  private async copy(): Promise<void> {
    try {
      const r = await this.channel.request('copyCommand', { form: this.form });
      this.setCommand(r.command);
      this.setStatus('Command copied to the clipboard.');
    } catch (e) {
      this.setStatus(e instanceof RequestFailed ? e.error.message : String(e));
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Rendering

  private render(initial = false): void {
    this.def.normalize?.(this.form);
    const active = document.activeElement;
    const focusId = this.pendingFocus ?? (active && active !== document.body ? active.id : undefined);
    const selection = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
      ? { start: active.selectionStart, end: active.selectionEnd } : undefined;
    const scroll = window.scrollY;
    const moveFocus = this.pendingFocus !== undefined;
    this.pendingFocus = undefined;

    const ui = this.ui();
    const form = h('form', { novalidate: true, className: `form form-${this.def.kind}` });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    append(form, ...this.def.render(ui));
    const copy = ui.button('Copy', () => void this.copy(), { className: 'secondary', id: 'copy-command' });
    // The command and the submit button stay in view at the bottom while the form scrolls.
    append(form, h('div', { className: 'footer' },
      h('section', { className: 'command' },
        h('h2', {}, 'Equivalent docker command'),
        h('div', { className: 'command-row' },
          h('pre', { id: 'command', tabindex: 0 }, h('code', {}, this.command)),
          copy)),
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'primary', id: 'submit' }, this.def.submitText),
        h('p', { id: 'status', role: 'status', 'aria-live': 'polite', className: 'status' }))));

    const banner = document.getElementById('banner') ?? h('div', { id: 'banner', className: 'banner', role: 'alert', hidden: true });
    const notices = this.notices.length > 0
      ? h('div', { className: 'notices', id: 'notices', role: 'note', 'aria-label': 'Notes about this form' }, ...this.notices.map((n) => h('p', {}, n)))
      : undefined;
    this.app.replaceChildren(
      h('header', {}, h('h1', {}, this.title), h('p', { className: 'intro' }, this.def.intro)),
      ...(notices ? [notices] : []),
      banner,
      form,
    );
    this.app.removeAttribute('aria-busy');
    this.applyErrors();
    this.save();

    const target = focusId ? document.getElementById(focusId) : initial ? form.querySelector<HTMLElement>('[data-autofocus]') : null;
    if (target) {
      target.focus({ preventScroll: !moveFocus });
      if (selection && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.id === active?.id) {
        try { target.setSelectionRange(selection.start, selection.end); } catch { /* not a text input */ }
      }
    }
    if (!initial && !moveFocus) window.scrollTo(0, scroll);
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

  private showBanner(text: string | string[] | undefined, kind: 'error' | 'success' = 'error', extra: FieldError[] = []): void {
    const banner = document.getElementById('banner');
    if (!banner) return;
    const lines = text === undefined ? [] : Array.isArray(text) ? text : [text];
    banner.replaceChildren();
    banner.className = `banner banner-${kind}`;
    if (lines.length === 0 && extra.length === 0) {
      banner.hidden = true;
      return;
    }
    for (const l of lines) append(banner, h('p', {}, l));
    if (extra.length > 0) {
      const ul = h('ul');
      for (const e of extra) append(ul, h('li', {}, e.message));
      append(banner, ul);
    }
    banner.hidden = false;
  }

  /** Whether an error of this field shows now: after a submit, or once the field was edited or holds something. */
  private visible(field: string): boolean {
    if (this.submitted) return true;
    for (const t of this.touched) if (t === field || t.startsWith(`${field}[`) || t.startsWith(`${field}.`)) return true;
    return hasValue(getPath(this.form, field));
  }

  /** Puts each visible error next to its field; returns the visible ones that have no field on the page. */
  private applyErrors(): FieldError[] {
    for (const el of this.app.querySelectorAll('[aria-invalid="true"]')) {
      el.removeAttribute('aria-invalid');
      setDescribedBy(el, errorId(el.id), false);
    }
    for (const el of this.app.querySelectorAll<HTMLElement>('.error')) {
      el.textContent = '';
      el.hidden = true;
    }
    const targets = this.def.errorTargets?.(this.form) ?? new Map<string, string>();
    const unplaced: FieldError[] = [];
    const done = new Set<string>();
    for (const e of this.errors) {
      if (!this.visible(e.field)) continue;
      const id = targets.get(e.field) ?? this.findTarget(e.field);
      if (!id) {
        unplaced.push(e);
        continue;
      }
      const slot = document.getElementById(errorId(id));
      const el = document.getElementById(id);
      if (!slot || !el) {
        unplaced.push(e);
        continue;
      }
      // Several messages for one field: one line each.
      slot.textContent = done.has(id) ? `${slot.textContent ?? ''}\n${e.message}` : e.message;
      slot.hidden = false;
      done.add(id);
      if (isField(el)) {
        el.setAttribute('aria-invalid', 'true');
        setDescribedBy(el, slot.id, true);
      }
    }
    const others = document.getElementById('other-errors');
    if (others) others.remove();
    if (unplaced.length > 0 && this.submitted) {
      const list = h('ul', { id: 'other-errors', className: 'other-errors' });
      for (const e of unplaced) append(list, h('li', {}, e.message));
      this.app.querySelector('form')?.prepend(list);
    }
    return unplaced;
  }

  /** The element id for an error path: the field itself, else its list's error slot, else the first field under it. */
  private findTarget(field: string): string | undefined {
    const own = fieldId(field);
    if (document.getElementById(own) && document.getElementById(errorId(own))) return own;
    // `ipv4[0]` → the first field of that row; `ports[1].hostPort` with no such input → its list
    const under = this.app.querySelector<HTMLElement>(`[data-path^="${CSS.escape(field)}["], [data-path^="${CSS.escape(field)}."]`);
    if (under?.id) return under.id;
    const list = field.replace(/\[\d+\].*$/, '');
    if (list !== field) return this.findTarget(list);
    return undefined;
  }

  private focusFirstError(): void {
    const first = this.app.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? document.getElementById('banner'))?.focus();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Field builders

  private ui(): FormUi<K> {
    const wrap = (id: string, label: string, control: HTMLElement, opts: FieldOptions = {}, after = false): HTMLElement => {
      const lab = h('label', { for: id }, label);
      const help = opts.help ? h('p', { className: 'help', id: helpId(id) }, opts.help) : undefined;
      if (help) setDescribedBy(control, help.id, true);
      const err = h('p', { className: 'error', id: errorId(id), hidden: true });
      return h('div', { className: `field${after ? ' field-check' : ''}${opts.className ? ` ${opts.className}` : ''}` },
        ...(after ? [control, lab] : [lab, control]), help, err);
    };
    const common = (el: HTMLElement, path: string | undefined, opts: FieldOptions): void => {
      if (path !== undefined) el.dataset.path = path;
      if (opts.autofocus) el.dataset.autofocus = '';
      if (opts.code) el.classList.add('code');
    };
    const str = (path: string): string => {
      const v = getPath(this.form, path);
      return typeof v === 'string' ? v : '';
    };
    const ui: FormUi<K> = {
      form: this.form,
      options: this.options,
      text: (path, label, opts = {}) => {
        const id = fieldId(path);
        const input = h('input', {
          type: 'text', id, name: path, placeholder: opts.placeholder, inputmode: opts.inputMode,
          spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
        });
        input.value = str(path);
        common(input, path, opts);
        input.addEventListener('input', () => {
          setPath(this.form, path, input.value);
          this.changed(path);
        });
        let list: HTMLDataListElement | undefined;
        if (opts.suggestions?.length) {
          list = h('datalist', { id: `${id}-list` });
          for (const s of opts.suggestions) append(list, h('option', { value: s }));
          input.setAttribute('list', list.id);
        }
        const field = wrap(id, label, input, opts);
        if (list) append(field, list);
        return field;
      },
      textarea: (path, label, opts = {}) => {
        const id = fieldId(path);
        const ta = h('textarea', { id, name: path, rows: opts.rows ?? 2, placeholder: opts.placeholder, spellcheck: 'false' });
        ta.value = str(path);
        common(ta, path, opts);
        ta.addEventListener('input', () => {
          setPath(this.form, path, ta.value);
          this.changed(path);
        });
        return wrap(id, label, ta, opts);
      },
      select: (path, label, choices, opts = {}) => {
        const id = fieldId(path);
        const sel = h('select', { id, name: path });
        const current = str(path);
        const all = [...choices];
        if (opts.empty !== undefined && !all.some((c) => c.value === '')) all.unshift({ value: '', label: opts.empty });
        if (!all.some((c) => c.value === current)) all.unshift({ value: current, label: current });
        let group: HTMLOptGroupElement | undefined;
        for (const c of all) {
          const o = h('option', { value: c.value }, c.detail ? `${c.label} — ${c.detail}` : c.label);
          if (c.group && group?.label !== c.group) {
            group = h('optgroup', { label: c.group });
            append(sel, group);
          }
          append(c.group && group ? group : sel, o);
        }
        sel.value = current;
        common(sel, path, opts);
        sel.addEventListener('change', () => {
          setPath(this.form, path, sel.value);
          this.changed(path, true);
        });
        return wrap(id, label, sel, opts);
      },
      checkbox: (path, label, opts = {}) => {
        const id = fieldId(path);
        const cb = h('input', { type: 'checkbox', id, name: path });
        cb.checked = getPath(this.form, path) === true;
        common(cb, path, opts);
        cb.addEventListener('change', () => {
          setPath(this.form, path, cb.checked);
          this.changed(path, true);
        });
        return wrap(id, label, cb, opts, true);
      },
      custom: (id, label, control, opts = {}) => {
        control.id = id;
        common(control, undefined, opts);
        return wrap(id, label, control, opts);
      },
      listError: (path) => {
        return h('p', { className: 'error', id: errorId(fieldId(path)), hidden: true });
      },
      keyValues: (o) => {
        const rows = getPath(this.form, o.path);
        const list = Array.isArray(rows) ? (rows as { key: string; value: string }[]) : [];
        const fs = h('fieldset', { className: 'kv', id: fieldId(o.path) });
        append(fs, h('legend', {}, o.legend));
        if (o.help) append(fs, h('p', { className: 'help' }, o.help));
        let n = 0;
        list.forEach((row, i) => {
          if (o.hide?.(row.key.trim())) return;
          n++;
          const base = `${o.path}[${i}]`;
          const remove = ui.button('Remove', () => ui.removeRow(o.path, i, undefined), { 'aria-label': o.removeLabel(n), className: 'secondary remove' });
          append(fs, h('div', { className: 'kv-row' },
            ui.text(`${base}.key`, o.keyLabel(n), { placeholder: o.keyPlaceholder, code: true, className: 'kv-key' }),
            h('span', { className: 'kv-eq', 'aria-hidden': 'true' }, '='),
            ui.text(`${base}.value`, o.valueLabel(n), { placeholder: o.valuePlaceholder, code: true, className: 'kv-value' }),
            remove));
        });
        append(fs, ui.listError(o.path));
        append(fs, ui.button(o.addText, () => ui.addRow(o.path, { key: '', value: '' }, `${o.path}[${list.length}].key`), { className: 'secondary add', id: `${fieldId(o.path)}-add` }));
        return fs;
      },
      addRow: (listPath, row, focusPath) => {
        const rows = getPath(this.form, listPath);
        if (!Array.isArray(rows)) return;
        rows.push(row);
        this.pendingFocus = fieldId(focusPath);
        this.changed(listPath, true);
      },
      removeRow: (listPath, index, focusId) => {
        const rows = getPath(this.form, listPath);
        if (!Array.isArray(rows)) return;
        rows.splice(index, 1);
        // Paths after the removed row moved up by one: forget what was touched there.
        this.touched = new Set([...this.touched].filter((t) => !t.startsWith(`${listPath}[`)));
        this.pendingFocus = focusId ?? `${fieldId(listPath)}-add`;
        this.changed(listPath, true);
      },
      changed: (path, structural) => {
        this.changed(path, structural);
      },
      button: (text, onClick, attrs = {}) => {
        const b = h('button', { type: 'button', ...attrs }, text);
        b.addEventListener('click', onClick);
        return b;
      },
    };
    return ui;
  }
}

export function startForm<K extends FormKind>(def: FormDefinition<K>): void {
  const start = (): void => void new FormController(def);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/**
 * The Connect and Run forms' `Route priority` (gwPriority): offered where the engine has it (API 1.48), and shown
 * anyway when the form holds a value, so the error about it can be seen and the value cleared.
 */
export function routePriorityField<K extends 'connect' | 'run'>(ui: FormUi<K>, caps: { gwPriority: boolean }, flag: string): HTMLElement | undefined {
  const value = getPath(ui.form, 'gwPriority');
  if (!caps.gwPriority && !hasValue(value)) return undefined;
  return ui.text('gwPriority', 'Route priority', {
    code: true, inputMode: 'text', placeholder: '0',
    help: `${flag}. Of the container's networks, the one with the highest priority gives its default route (ties: network name order). A whole number, negative ones too. Empty: 0.`,
  });
}

/** Row labels: the first row plain ("Subnet"), the next ones numbered ("Subnet (IPv4 #2)"). */
export function rowLabel(label: string, n: number, family?: string): string {
  if (family) return n === 1 ? (family === 'IPv4' ? label : `${label} (${family})`) : `${label} (${family} #${n})`;
  return n === 1 ? label : `${label} #${n}`;
}

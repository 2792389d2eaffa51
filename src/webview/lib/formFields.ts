// The fields a form definition builds its form with (text, textarea, select, checkbox, key/value rows, custom
// controls): each labelled, with its help and its error slot (ids from the field path, so errors find their field),
// each bound to a path of the form object. What a change means (save, re-render, validate) is the controller's.
import type { Choice, FormKind, FormOf, OptionsOf } from '../../protocol/messages';
import { fieldId } from '../../protocol/messages';
import type { FormCommonText } from '../../core/pageText/forms';
import { append, getPath, h, hasValue, setDescribedBy, setPath } from './dom';
import { fmt, texts } from './text';

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

/** Its words come with `init` (src/core/pageText/forms.ts): its table's `intro` (under the title) and `submit`. */
export interface FormDefinition<K extends FormKind> {
  kind: K;
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
  /** A button that asks the host for the field's value (SUGGEST_FIELDS) and fills it in, with the host's reason under it. */
  suggest(path: string, text: string, title: string): HTMLElement;
}

/** What the fields need from the controller. */
export interface FieldHost<K extends FormKind> {
  readonly form: FormOf[K];
  readonly options: OptionsOf[K];
  /** A field changed; `structural`: the form must be rendered again. */
  changed(path: string, structural?: boolean): void;
  /** The element to focus once the form is rendered again. */
  focusAfterRender(id: string): void;
  /** Forgets the edits under a prefix (rows whose paths moved). */
  forgetTouched(prefix: string): void;
  /** Asks the host for a value of the field; fills it in and re-renders. */
  suggest(path: string): void;
  /** What the host said about its last suggestion for the field, while the field holds it. */
  suggestion(path: string): string | undefined;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

function helpId(id: string): string {
  return `${id}-help`;
}

export function buildUi<K extends FormKind>(host: FieldHost<K>): FormUi<K> {
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
    const v = getPath(host.form, path);
    return typeof v === 'string' ? v : '';
  };
  const ui: FormUi<K> = {
    form: host.form,
    options: host.options,
    text: (path, label, opts = {}) => {
      const id = fieldId(path);
      const input = h('input', {
        type: 'text', id, name: path, placeholder: opts.placeholder, inputmode: opts.inputMode,
        spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
      });
      input.value = str(path);
      common(input, path, opts);
      input.addEventListener('input', () => {
        setPath(host.form, path, input.value);
        host.changed(path);
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
        setPath(host.form, path, ta.value);
        host.changed(path);
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
        setPath(host.form, path, sel.value);
        host.changed(path, true);
      });
      return wrap(id, label, sel, opts);
    },
    checkbox: (path, label, opts = {}) => {
      const id = fieldId(path);
      const cb = h('input', { type: 'checkbox', id, name: path });
      cb.checked = getPath(host.form, path) === true;
      common(cb, path, opts);
      cb.addEventListener('change', () => {
        setPath(host.form, path, cb.checked);
        host.changed(path, true);
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
      const rows = getPath(host.form, o.path);
      const list = Array.isArray(rows) ? (rows as { key: string; value: string }[]) : [];
      const fs = h('fieldset', { className: 'kv', id: fieldId(o.path) });
      append(fs, h('legend', {}, o.legend));
      if (o.help) append(fs, h('p', { className: 'help' }, o.help));
      let n = 0;
      list.forEach((row, i) => {
        if (o.hide?.(row.key.trim())) return;
        n++;
        const base = `${o.path}[${i}]`;
        const remove = ui.button(texts<FormCommonText>().remove, () => ui.removeRow(o.path, i, undefined), { 'aria-label': o.removeLabel(n), className: 'secondary remove' });
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
      const rows = getPath(host.form, listPath);
      if (!Array.isArray(rows)) return;
      rows.push(row);
      host.focusAfterRender(fieldId(focusPath));
      host.changed(listPath, true);
    },
    removeRow: (listPath, index, focusId) => {
      const rows = getPath(host.form, listPath);
      if (!Array.isArray(rows)) return;
      rows.splice(index, 1);
      // Paths after the removed row moved up by one: forget what was touched there.
      host.forgetTouched(`${listPath}[`);
      host.focusAfterRender(focusId ?? `${fieldId(listPath)}-add`);
      host.changed(listPath, true);
    },
    changed: (path, structural) => {
      host.changed(path, structural);
    },
    button: (text, onClick, attrs = {}) => {
      const b = h('button', { type: 'button', ...attrs }, text);
      b.addEventListener('click', onClick);
      return b;
    },
    suggest: (path, text, title) => {
      const id = fieldId(path);
      const note = h('p', { className: 'help suggestion', id: `${id}-suggestion`, role: 'status', 'aria-live': 'polite' }, host.suggestion(path) ?? '');
      const b = ui.button(text, () => host.suggest(path), { className: 'secondary suggest', id: `${id}-suggest`, title, 'aria-describedby': note.id });
      return h('div', { className: 'suggest-row' }, b, note);
    },
  };
  return ui;
}

/**
 * The Connect and Run forms' `Route priority` (gwPriority): offered where the engine has it (API 1.48), and shown
 * anyway when the form holds a value, so the error about it can be seen and the value cleared.
 */
export function routePriorityField<K extends 'connect' | 'run'>(ui: FormUi<K>, caps: { gwPriority: boolean }, flag: string): HTMLElement | undefined {
  const value = getPath(ui.form, 'gwPriority');
  if (!caps.gwPriority && !hasValue(value)) return undefined;
  const t = texts<FormCommonText>();
  return ui.text('gwPriority', t.routePriority, { code: true, inputMode: 'text', placeholder: '0', help: fmt(t.routePriorityHelp, flag) });
}

/** Row labels: the first row plain ("Subnet"), the next ones numbered ("Subnet (IPv4 #2)"). */
export function rowLabel(label: string, n: number, family?: string): string {
  const t = texts<FormCommonText>();
  if (family) return n === 1 ? (family === 'IPv4' ? label : fmt(t.rowFamily, label, family)) : fmt(t.rowFamilyN, label, family, n);
  return n === 1 ? label : fmt(t.rowN, label, n);
}

/** A key/value table's texts from its templates ({0}: the row number): `Label key #2`, …, and `Add label`. */
export function rowTexts(key: string, value: string, remove: string, add: string): Pick<KeyValueOptions, 'keyLabel' | 'valueLabel' | 'removeLabel' | 'addText'> {
  return { keyLabel: (n) => fmt(key, n), valueLabel: (n) => fmt(value, n), removeLabel: (n) => fmt(remove, n), addText: add };
}

/** The labels table (Create Network and Run). */
export function labelsField<K extends FormKind>(ui: FormUi<K>): HTMLElement {
  const t = texts<FormCommonText>();
  return ui.keyValues({ path: 'labels', legend: t.labels, ...rowTexts(t.labelKey, t.labelValue, t.labelRemove, t.labelAdd), keyPlaceholder: 'com.example.team' });
}

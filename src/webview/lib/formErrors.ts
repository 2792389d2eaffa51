// Where a form's errors show: each next to its field (aria-invalid and aria-describedby on the input, the message in
// the field's error slot), in a list at the top for those with no field on the page, and in the banner.
import type { FieldError } from '../../protocol/messages';
import { fieldId } from '../../protocol/messages';
import { append, h, isField, setDescribedBy } from './dom';
import { errorId } from './formFields';

/**
 * Puts each error that `visible` lets show next to its field (`targets`: paths that belong to another element);
 * returns the shown ones that have no field on the page (listed at the top after a submit).
 */
export function placeErrors(app: HTMLElement, errors: readonly FieldError[], visible: (field: string) => boolean, targets: Map<string, string>, submitted: boolean): FieldError[] {
  for (const el of app.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    setDescribedBy(el, errorId(el.id), false);
  }
  for (const el of app.querySelectorAll<HTMLElement>('.error')) {
    el.textContent = '';
    el.hidden = true;
  }
  const unplaced: FieldError[] = [];
  const done = new Set<string>();
  for (const e of errors) {
    if (!visible(e.field)) continue;
    const id = targets.get(e.field) ?? findTarget(app, e.field);
    const slot = id ? document.getElementById(errorId(id)) : null;
    const el = id ? document.getElementById(id) : null;
    if (!id || !slot || !el) {
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
  document.getElementById('other-errors')?.remove();
  if (unplaced.length > 0 && submitted) {
    const list = h('ul', { id: 'other-errors', className: 'other-errors' });
    for (const e of unplaced) append(list, h('li', {}, e.message));
    app.querySelector('form')?.prepend(list);
  }
  return unplaced;
}

/**
 * Puts each remark (ValidateResult.notes: worth knowing, stops nothing) under its field's error slot, named by the
 * field's aria-describedby and said by a polite live region. A remark that stays the same stays the same element, so
 * it is announced once, not on every check.
 */
export function placeNotes(app: HTMLElement, notes: readonly FieldError[]): void {
  const wanted = new Map<string, string>();
  for (const n of notes) {
    const id = findTarget(app, n.field);
    if (id) wanted.set(id, wanted.has(id) ? `${wanted.get(id) ?? ''}\n${n.message}` : n.message);
  }
  for (const el of app.querySelectorAll<HTMLElement>('.field-note')) {
    const owner = el.dataset.for ?? '';
    if (wanted.get(owner) === el.textContent && document.getElementById(owner)) {
      wanted.delete(owner);
      continue;
    }
    const field = document.getElementById(owner);
    if (field) setDescribedBy(field, el.id, false);
    el.remove();
  }
  for (const [id, message] of wanted) {
    const field = document.getElementById(id);
    const slot = document.getElementById(errorId(id));
    if (!field || !slot) continue;
    const note = h('p', { className: 'help field-note', id: `${id}-note`, 'data-for': id, role: 'status', 'aria-live': 'polite' }, message);
    slot.after(note);
    setDescribedBy(field, note.id, true);
  }
}

/** The element id for an error path: the field itself, else its list's error slot, else the first field under it. */
function findTarget(app: HTMLElement, field: string): string | undefined {
  const own = fieldId(field);
  if (document.getElementById(own) && document.getElementById(errorId(own))) return own;
  // `ipv4[0]` → the first field of that row; `ports[1].hostPort` with no such input → its list
  const under = app.querySelector<HTMLElement>(`[data-path^="${CSS.escape(field)}["], [data-path^="${CSS.escape(field)}."]`);
  if (under?.id) return under.id;
  const list = field.replace(/\[\d+\].*$/, '');
  if (list !== field) return findTarget(app, list);
  return undefined;
}

/** The banner above the form: lines of text, and a list of errors that have no field. */
export function showBanner(text: string | string[] | undefined, kind: 'error' | 'success' = 'error', extra: readonly FieldError[] = []): void {
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

/** Focus on the first field in error, else on the banner. */
export function focusFirstError(app: HTMLElement): void {
  const first = app.querySelector<HTMLElement>('[aria-invalid="true"]');
  (first ?? document.getElementById('banner'))?.focus();
}

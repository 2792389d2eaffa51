// Tiny DOM helpers. Text always goes in through textContent, never as markup.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function h<T extends keyof HTMLElementTagNameMap>(tag: T, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[T] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'className') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** Adds or removes one id in an aria-describedby list. */
export function setDescribedBy(el: Element, id: string, on: boolean): void {
  const ids = new Set((el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size > 0) el.setAttribute('aria-describedby', [...ids].join(' '));
  else el.removeAttribute('aria-describedby');
}

export function isField(el: Element | null): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/** A field the user types text into (a redraw under the caret would lose an IME composition and the undo history). */
export function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.type));
}

// ---------------------------------------------------------------------------------------------------------------
// Field paths into the form object: `ipv4[0].gateway`, `labels[2].key`

export type PathPart = string | number;

export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}

export function getPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const p of parsePath(path)) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PathPart, unknown>)[p];
  }
  return cur;
}

export function setPath(root: unknown, path: string, value: unknown): void {
  const parts = parsePath(path);
  let cur: unknown = root;
  for (const p of parts.slice(0, -1)) {
    if (typeof cur !== 'object' || cur === null) return;
    cur = (cur as Record<PathPart, unknown>)[p];
  }
  if (typeof cur === 'object' && cur !== null) (cur as Record<PathPart, unknown>)[parts[parts.length - 1]] = value;
}

/** Whether a value counts as "filled in" (its errors then show while typing). */
export function hasValue(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'boolean') return true;
  if (Array.isArray(v)) return v.some(hasValue);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasValue);
  return false;
}

/** A translated template whose {0}, {1}… are nodes (e.g. `code(address)`): the words around them stay text. */
export function fill(template: string, ...parts: (Node | string)[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\d+)\}/g)) {
    out.push(template.slice(last, m.index), parts[Number(m[1])] ?? m[0]);
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  return out.filter((x) => x !== '');
}

/**
 * Replaces `parent`'s children with `children`, except that `kept` (inside `parent`: the field being typed in) and its
 * ancestors stay the same elements: the new tree's element with kept's id, and its ancestors level by level, hand
 * them their attributes and their other children. Moving or replacing a focused element blurs it, which ends an IME
 * composition and empties its undo history; changing what is around it does neither.
 * Returns false, and changes nothing, when the new tree has no such element or its ancestors differ in tag.
 */
export function replaceChildrenKeeping(parent: Element, children: Node[], kept: Element): boolean {
  if (!kept.id || kept === parent || !parent.contains(kept)) return false;
  let twin: Element | undefined;
  for (const c of children) {
    if (!(c instanceof Element)) continue;
    twin = c.id === kept.id ? c : c.querySelector(`#${CSS.escape(kept.id)}`) ?? undefined;
    if (twin) break;
  }
  if (!twin) return false;
  // the two chains, from the kept element up to (not including) `parent` and the new tree's top
  const olds: Element[] = [];
  const news: Element[] = [];
  for (let o: Element | null = kept, n: Element | null = twin; o !== parent; o = o.parentElement, n = n.parentElement) {
    if (!o || !n || o.tagName !== n.tagName) return false;
    olds.push(o);
    news.push(n);
  }
  if (!children.includes(news[news.length - 1])) return false;
  for (let i = 0; i < olds.length; i++) copyAttributes(olds[i], news[i]);
  // level by level: the old box keeps its one child on the chain, and gets the new box's others around it
  for (let i = 0; i < olds.length; i++) {
    const box = i + 1 < olds.length ? olds[i + 1] : parent;
    const others = i + 1 < olds.length ? [...news[i + 1].childNodes] : children;
    for (const c of [...box.childNodes]) if (c !== olds[i]) c.remove();
    let before = true;
    for (const c of others) {
      if (c === news[i]) before = false;
      else if (before) box.insertBefore(c, olds[i]);
      else box.append(c);
    }
  }
  return true;
}

function copyAttributes(to: Element, from: Element): void {
  for (const a of [...to.attributes]) if (!from.hasAttribute(a.name)) to.removeAttribute(a.name);
  for (const a of [...from.attributes]) if (to.getAttribute(a.name) !== a.value) to.setAttribute(a.name, a.value);
}

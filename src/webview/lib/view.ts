// The webview end of src/protocol/views.ts for the read-only panels: the `ready` handshake, the page's words (`init`,
// src/webview/lib/text.ts), the picture the host sends (kept with setState so a hidden panel comes back at once),
// buttons as `action` requests with ids whose replies resolve or reject them (never hang), and small builders for
// sections, tables and term lists. Keyboard use: every control is a real <button>. A new picture is rendered aside
// and then merged into the page by key (morphdom; ids are the keys): an element that did not change is the same
// element afterwards, so focus, selection, scroll and a screen reader's place survive an engine update. Buttons
// carry their action as a key into the current picture's table (one delegated listener), since a merged button is
// the old element with the new attributes. The live region that says what a button did is made once, outside the
// merged part, so a new picture neither repeats nor swallows its announcement.
import type {
  ActionParams, ActionResult, ViewHostMessage, ViewKind, ViewSavedState, ViewStateOf,
} from '../../protocol/views';
import type { ReplyMessage } from '../../protocol/reply';
import type { ViewTextOf } from '../../core/pageText/views';
import type { PageText } from '../../protocol/pageText';
import morphdom from 'morphdom';
import { Channel } from './channel';
import { append, h } from './dom';
import { date, fmt, hasText, setText, texts } from './text';

type ViewMethods<K extends ViewKind> = { action: { params: ActionParams<K>; result: ActionResult } };

export interface ViewUi<K extends ViewKind> {
  /** A button that sends an action; it is disabled while its request runs. */
  button(text: string, params: ActionParams<K>, attrs?: { id?: string; className?: string; title?: string; disabled?: boolean; 'aria-label'?: string }): HTMLButtonElement;
}

export type RenderView<K extends ViewKind> = (state: ViewStateOf[K], ui: ViewUi<K>) => Node[];

class ViewController<K extends ViewKind> {
  private readonly channel: Channel<ViewMethods<K>, Exclude<ViewHostMessage<K>, ReplyMessage>, ViewSavedState<K>>;
  private readonly app: HTMLElement;
  /** What is rendered again with every picture. */
  private readonly body = h('div', { className: 'view-body' });
  /** Made once: what a button did is announced once, whatever pictures come meanwhile. */
  private readonly status = h('p', { id: 'view-status', className: 'view-status', role: 'status', 'aria-live': 'polite' });
  private readonly busy = new Set<string>();
  /** The actions of the buttons in the current picture, by the key each button carries. */
  private actions = new Map<string, ActionParams<K>>();
  private text?: PageText<ViewTextOf[K]>;
  private state?: ViewStateOf[K];

  constructor(private readonly kind: K, private readonly render: RenderView<K>) {
    const app = document.getElementById('app');
    if (!app) throw new Error('no #app');
    this.app = app;
    app.replaceChildren(this.body, this.status);
    this.body.addEventListener('click', (e) => this.onClick(e));
    this.channel = new Channel((msg) => this.onMessage(msg));
    const saved = this.channel.state;
    // A saved picture this script cannot draw (an older version's, after a reload) must not stop the handshake.
    try {
      if (saved && saved.kind === kind && saved.text) {
        this.text = setText(saved.text) as PageText<ViewTextOf[K]>;
        this.state = saved.state;
        this.show(saved.state);
      }
    } catch { /* the host's words and picture follow */ }
    this.channel.ready();
  }

  private onMessage(msg: Exclude<ViewHostMessage<K>, ReplyMessage>): void {
    if (msg.kind !== this.kind) return;
    if (msg.type === 'init') {
      this.text = setText(msg.text) as PageText<ViewTextOf[K]>;
      if (this.state) this.show(this.state);
    } else if (msg.type === 'state') {
      this.state = msg.state;
      if (hasText()) this.show(msg.state);
    } else return;
    if (this.state) this.channel.save({ kind: this.kind, state: this.state, text: this.text });
  }

  private async request(params: ActionParams<K>): Promise<ActionResult> {
    return (await this.channel.request('action', params)) ?? {};
  }

  private show(state: ViewStateOf[K]): void {
    this.actions = new Map();
    const next = h('div', { className: 'view-body' }, ...this.render(state, this.ui()));
    // Keyed by id; elements without one are matched in place by tag. Unchanged subtrees are left alone entirely.
    morphdom(this.body, next, {
      childrenOnly: true,
      getNodeKey: (n) => (n instanceof Element && n.id ? n.id : undefined),
      onBeforeElUpdated: (from, to) => !from.isEqualNode(to),
    });
    this.app.removeAttribute('aria-busy');
  }

  /** A click on a button of the current picture: its action, looked up by the key the button carries. */
  private onClick(e: MouseEvent): void {
    const b = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-action]') : null;
    const key = b?.dataset.action;
    const params = key !== undefined ? this.actions.get(key) : undefined;
    if (!b || key === undefined || !params || this.busy.has(key)) return;
    this.busy.add(key);
    b.disabled = true;
    this.setStatus('');
    this.request(params).then(
      (r) => { if (r.message) this.setStatus(r.message); },
      (err: unknown) => this.setStatus(err instanceof Error ? err.message : String(err), true),
    ).finally(() => {
      this.busy.delete(key);
      // The picture may have changed meanwhile: the button of this action now, unless that picture disables it.
      for (const again of this.body.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
        if (again.dataset.action === key && again.dataset.disabled === undefined) again.disabled = false;
      }
    });
  }

  private setStatus(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('view-status-error', error);
  }

  private ui(): ViewUi<K> {
    return {
      button: (text, params, attrs = {}) => {
        const key = JSON.stringify(params);
        this.actions.set(key, params);
        return h('button', {
          type: 'button', id: attrs.id, className: attrs.className ?? 'secondary', title: attrs.title, 'aria-label': attrs['aria-label'],
          'data-action': key, 'data-disabled': attrs.disabled === true,
          disabled: attrs.disabled === true || this.busy.has(key),
        }, text);
      },
    };
  }
}

export function startView<K extends ViewKind>(kind: K, render: RenderView<K>): void {
  const start = (): void => void new ViewController(kind, render);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

// ---------------------------------------------------------------------------------------------------------------
// Builders

type Cell = Node | string | undefined;

/** A titled section (a landmark with its heading as its name). */
export function section(id: string, title: string, ...children: (Node | string | undefined | false)[]): HTMLElement {
  const heading = h('h2', { id: `${id}-title` }, title);
  const s = h('section', { id, 'aria-labelledby': heading.id }, heading);
  append(s, ...children);
  return s;
}

/** A table with a caption (for screen readers), column headers, and one header cell per row (its first column). */
/** `rowKey`: a stable id per row, so an update that adds or removes a row moves the others rather than rewriting them. */
export function table(caption: string, headers: string[], rows: Cell[][], opts: { className?: string; rowClass?: (i: number) => string | undefined; rowKey?: (i: number) => string; empty?: string } = {}): HTMLElement {
  if (rows.length === 0) return h('p', { className: 'empty' }, opts.empty ?? texts<ViewTextOf[ViewKind]>().none);
  const thead = h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x))));
  const tbody = h('tbody');
  rows.forEach((r, i) => {
    const tr = h('tr', { className: opts.rowClass?.(i), id: opts.rowKey?.(i) });
    r.forEach((c, j) => append(tr, j === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)));
    append(tbody, tr);
  });
  const t = h('table', { className: `data${opts.className ? ` ${opts.className}` : ''}` }, h('caption', { className: 'visually-hidden' }, caption), thead, tbody);
  return h('div', { className: 'table-wrap' }, t);
}

/** Term/description pairs; undefined values are left out. `wide`: two pairs a line where there is room. */
export function terms(pairs: [string, Cell][], wide = false): HTMLElement {
  const dl = h('dl', { className: wide ? 'terms terms-wide' : 'terms' });
  for (const [term, value] of pairs) {
    if (value === undefined || value === '') continue;
    append(dl, h('dt', {}, term), h('dd', {}, value));
  }
  return dl;
}

export function code(text: string): HTMLElement {
  return h('code', {}, text);
}

/** Several values, one per line (aliases, ports, addresses). */
export function lines(values: readonly string[], asCode = true, none = '—'): Node {
  if (values.length === 0) return h('span', { className: 'muted' }, none);
  const span = h('span', { className: 'lines' });
  values.forEach((v, i) => {
    if (i > 0) append(span, h('br'));
    append(span, asCode ? code(v) : v);
  });
  return span;
}

/** A small labelled flag: "Internal: yes". */
export function flag(label: string, on: boolean): HTMLElement {
  const t = texts<ViewTextOf[ViewKind]>();
  return h('span', { className: `flag ${on ? 'flag-on' : 'flag-off'}` }, fmt(on ? t.flagYes : t.flagNo, label));
}

export function banner(text: string, kind: 'warning' | 'error' | 'info' = 'warning'): HTMLElement {
  return h('div', { className: `banner banner-${kind}`, role: kind === 'info' ? 'note' : 'alert' }, h('p', {}, text));
}

export function muted(text: string): HTMLElement {
  return h('span', { className: 'muted' }, text);
}

/** A date and time in the user's locale, or the text as is. */
export function when(iso: string): string {
  return date(iso);
}

// The map's side list of containers: a listbox the keyboard walks (arrows, Page Up/Down, Home/End, Enter or Space
// to select), with an active option that the selection follows and the map marks.
import type { TopologyGraph } from '../../protocol/topology';
import type { TopologyText } from '../../core/pageText/topology';
import { h } from '../lib/dom';
import { fmt, texts } from '../lib/text';

type Container = TopologyGraph['containers'][number];

export interface ListEvents {
  /** The active option moved (the map marks it; the page selects it a little later). */
  moved(id: string): void;
  /** Enter or Space on the active option. */
  chosen(id: string): void;
}

export class ContainerList {
  /** The option the keyboard is on. */
  active?: string;
  private items: Container[] = [];

  constructor(private readonly list: HTMLElement, private readonly heading: HTMLElement, private readonly events: ListEvents) {
    list.addEventListener('keydown', (e) => this.key(e));
    // Tabbing in marks the first option without selecting it: passing through the list with Tab changes nothing on
    // the map; an arrow key, Enter or Space selects.
    list.addEventListener('focus', () => { if (!this.active && this.items.length > 0) this.setActive(this.items[0].id); });
  }

  /** Shows `items` (of `total`), each with its state and network count; `selected` is marked so. */
  render(items: Container[], total: number, edges: TopologyGraph['edges'], selected: string | undefined): void {
    const t = texts<TopologyText>();
    this.items = items;
    this.heading.textContent = items.length === total ? fmt(t.listAll, total) : fmt(t.listSome, items.length, total);
    const degree = new Map<string, number>();
    for (const e of edges) degree.set(e.c, (degree.get(e.c) ?? 0) + 1);
    const frag = document.createDocumentFragment();
    for (const c of items) {
      const n = degree.get(c.id) ?? 0;
      frag.append(h('li', { role: 'option', id: `opt-${c.id}`, 'data-id': c.id, 'aria-selected': c.id === selected ? 'true' : 'false' },
        h('span', { className: 'name' }, c.name),
        h('span', { className: `state state-${c.state === 'running' ? 'running' : 'other'}` }, fmt(n === 1 ? t.stateNetworksOne : t.stateNetworksMany, c.state, n))));
    }
    if (items.length === 0) frag.append(h('li', { className: 'empty', role: 'presentation' }, total === 0 ? t.noContainers : t.noMatch));
    this.list.replaceChildren(frag);
    if (this.active && !items.some((c) => c.id === this.active)) this.active = undefined;
    this.mark();
  }

  /** Makes `id` the active option (or none). */
  setActive(id: string | undefined): void {
    this.active = id;
    this.mark();
  }

  private mark(): void {
    this.list.querySelector('li.active')?.classList.remove('active');
    if (!this.active) {
      this.list.removeAttribute('aria-activedescendant');
      return;
    }
    const li = document.getElementById(`opt-${this.active}`);
    if (!li) return;
    li.classList.add('active');
    this.list.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  /** Moves the active option: to an index (`absolute`), or by a step from the current one. */
  move(to: number, absolute: boolean): void {
    if (this.items.length === 0) return;
    const at = this.active ? this.items.findIndex((c) => c.id === this.active) : -1;
    const i = Math.max(0, Math.min(this.items.length - 1, absolute ? to : at + to));
    this.setActive(this.items[i].id);
    this.events.moved(this.items[i].id);
  }

  private key(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.list.clientHeight / 24));
    switch (e.key) {
      case 'ArrowDown': this.move(1, false); break;
      case 'ArrowUp': this.move(-1, false); break;
      case 'PageDown': this.move(page, false); break;
      case 'PageUp': this.move(-page, false); break;
      case 'Home': this.move(0, true); break;
      case 'End': this.move(this.items.length - 1, true); break;
      case 'Enter':
      case ' ':
        if (this.active) this.events.chosen(this.active);
        break;
      default: return;
    }
    e.preventDefault();
  }
}

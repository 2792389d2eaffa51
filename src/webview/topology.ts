// The topology map's page: a side bar (search, toggles, the containers as a keyboard-usable list, what the selected
// container reaches) and the map (src/webview/topology/map.ts). The host sends the whole graph on `ready` and on every
// change; what a container reaches is asked of the host (core/reachability) and comes back in words.
//
// Keyboard: Tab reaches the filter, the toggles, the container list (arrows, Home/End, type-ahead by the filter),
// the reach list (each target is a button that selects it), the toolbar and the map (arrows pan, + and - zoom,
// 0 fits). Escape clears the selection.
import type {
  GraphMessage, LayoutKind, TopologyGraph, TopologyMethods, TopologyReach, TopologySavedState,
} from '../protocol/topology';
import { Channel, RequestFailed } from './lib/channel';
import { h } from './lib/dom';
import { filterGraph, type FilterResult } from './topology/filter';
import { TopologyMap, type Point } from './topology/map';

const FILTER_DEBOUNCE_MS = 120;
const SAVE_DEBOUNCE_MS = 400;
const SELECT_DEBOUNCE_MS = 80;

class TopologyPage {
  private readonly channel = new Channel<TopologyMethods, GraphMessage, TopologySavedState>((m) => { if (m.type === 'graph') this.onGraph(m); });
  private readonly map: TopologyMap;
  private graph?: TopologyGraph;
  private filter?: FilterResult;
  private state: TopologySavedState;
  private savedPositions?: Record<string, Point>;
  private reach?: TopologyReach;
  private reachSeq = 0;
  private saveTimer?: number;
  private filterTimer?: number;
  private selectTimer?: number;
  private active?: string;

  private readonly el = {
    engine: h('p', { className: 'intro', id: 'engine' }, 'Waiting for the engine…'),
    filter: h('input', { type: 'search', id: 'filter', className: 'code', placeholder: 'name, image, subnet or key=value', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'filter-help' }),
    only: h('input', { type: 'checkbox', id: 'only' }),
    collapse: h('input', { type: 'checkbox', id: 'collapse' }),
    listHeading: h('h2', { id: 'containers-h' }, 'Containers'),
    list: h('ul', { id: 'containers', role: 'listbox', tabindex: 0, 'aria-labelledby': 'containers-h', className: 'topo-list' }),
    reachSummary: h('p', { id: 'reach-summary' }, 'Select a container to see what it can reach.'),
    reachList: h('ul', { id: 'reach-list', className: 'topo-reach', 'aria-label': 'Reachable containers' }),
    blocked: h('div', { id: 'reach-blocked' }),
    openSelected: h('button', { type: 'button', className: 'secondary', id: 'open-selected', hidden: true }, 'Show Container Networking'),
    status: h('p', { className: 'status', id: 'status', role: 'status' }),
    problem: h('div', { className: 'banner banner-error', id: 'problem', role: 'alert', hidden: true }),
    cy: h('div', { id: 'cy', tabindex: 0, role: 'application', 'aria-roledescription': 'network map', 'aria-label': 'Topology map. Arrows pan, plus and minus zoom, 0 fits. Select containers from the list.' }),
  };

  constructor() {
    const saved = this.channel.state;
    this.state = saved ?? { positions: {}, filter: '', onlyMatches: false, collapseBuiltin: false };
    if (saved && Object.keys(saved.positions).length > 0) this.savedPositions = saved.positions;
    this.el.filter.value = this.state.filter;
    this.el.only.checked = this.state.onlyMatches;
    this.el.collapse.checked = this.state.collapseBuiltin;
    this.build();
    this.map = new TopologyMap(this.el.cy, {
      select: (id) => this.select(id),
      open: (kind, id) => void this.show(kind, id),
      moved: () => this.scheduleSave(),
    });
    this.map.setCollapsed(this.state.collapseBuiltin);
    this.channel.ready();
  }

  private build(): void {
    const app = document.getElementById('app');
    if (!app) throw new Error('no #app');
    const tool = (text: string, label: string, fn: () => void, id: string): HTMLButtonElement => {
      const b = h('button', { type: 'button', className: 'secondary', id, title: label, 'aria-label': label }, text);
      b.addEventListener('click', fn);
      return b;
    };
    const side = h('aside', { className: 'topo-side' },
      h('h1', {}, 'Topology'),
      this.el.engine,
      h('div', { className: 'field' },
        h('label', { for: 'filter' }, 'Filter by name or label'),
        this.el.filter,
        h('p', { className: 'help', id: 'filter-help' }, 'Every word must match a name, image, driver, subnet or label; key=value matches a label.')),
      h('div', { className: 'field field-check' }, this.el.only, h('label', { for: 'only' }, 'Hide what does not match')),
      h('div', { className: 'field field-check' }, this.el.collapse, h('label', { for: 'collapse' }, 'Collapse built-in networks')),
      this.el.listHeading,
      this.el.list,
      h('section', { id: 'reach', 'aria-live': 'polite', 'aria-labelledby': 'reach-h' },
        h('h2', { id: 'reach-h' }, 'Reachability'),
        this.el.reachSummary,
        this.el.reachList,
        this.el.blocked,
        this.el.openSelected),
    );
    const toolbar = h('div', { className: 'topo-toolbar', role: 'toolbar', 'aria-label': 'Map' },
      tool('Fit', 'Fit the map to the window (0)', () => this.map.fit(), 'fit'),
      tool('+', 'Zoom in (+)', () => this.map.zoomBy(1.4), 'zoom-in'),
      tool('−', 'Zoom out (-)', () => this.map.zoomBy(1 / 1.4), 'zoom-out'),
      tool('Re-layout', 'Lay out what is shown again (hidden nodes keep their places)', () => this.relayout(), 'relayout'),
      this.el.status);
    const main = h('section', { className: 'topo-main' }, toolbar, this.el.problem, this.el.cy);
    app.replaceChildren(side, main);
    app.classList.add('topo');
    app.removeAttribute('aria-busy');

    this.el.filter.addEventListener('input', () => {
      window.clearTimeout(this.filterTimer);
      this.filterTimer = window.setTimeout(() => this.applyFilter(), FILTER_DEBOUNCE_MS);
    });
    this.el.filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'Enter') {
        e.preventDefault();
        this.applyFilter();
        this.active = undefined;
        this.el.list.focus();
        this.moveActive(0, true);
      }
    });
    this.el.only.addEventListener('change', () => {
      this.state.onlyMatches = this.el.only.checked;
      this.map.setFilter(this.filter?.shown, this.state.onlyMatches);
      this.scheduleSave();
    });
    this.el.collapse.addEventListener('change', () => {
      this.state.collapseBuiltin = this.el.collapse.checked;
      this.map.setCollapsed(this.state.collapseBuiltin);
      this.scheduleSave();
    });
    this.el.list.addEventListener('keydown', (e) => this.listKey(e));
    this.el.list.addEventListener('focus', () => { if (!this.active) this.moveActive(0, false); });
    this.el.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('li[data-id]');
      const id = li?.getAttribute('data-id');
      if (id) this.select(id, true);
    });
    this.el.openSelected.addEventListener('click', () => { if (this.state.selected) void this.show('container', this.state.selected); });
    this.el.cy.addEventListener('keydown', (e) => this.mapKey(e));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.state.selected) {
        this.select(undefined);
        e.preventDefault();
      }
    });
    new ResizeObserver(() => this.map.resize()).observe(this.el.cy);
  }

  // ------------------------------------------------------------------------------------------------ graph

  private onGraph(msg: GraphMessage): void {
    const t0 = performance.now();
    this.el.engine.textContent = msg.engine;
    this.el.problem.hidden = !msg.problem;
    this.el.problem.textContent = msg.problem ?? '';
    const graph = msg.graph;
    if (!graph) return;
    this.graph = graph;
    this.filter = filterGraph(graph, this.state.filter);
    const first = this.savedPositions;
    this.savedPositions = undefined;
    const layout: LayoutKind = this.map.setGraph(graph, first);
    if (first && layout !== 'full' && this.state.zoom !== undefined && this.state.pan) this.map.setViewport(this.state.zoom, this.state.pan);
    this.map.setFilter(this.filter?.shown, this.state.onlyMatches);
    this.renderList();
    this.el.engine.textContent = `${msg.engine} · ${count(graph.networks.length, 'network')} · ${count(graph.containers.length, 'container')}`;
    const selected = this.state.selected;
    if (selected && !graph.containers.some((c) => c.id === selected)) {
      this.select(undefined);
    } else if (selected) {
      // what it reaches may have changed with the engine: ask again (the old highlight stays meanwhile)
      void this.askReach(selected);
    }
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const ms = Math.round(performance.now() - t0);
      const nodes = graph.networks.length + graph.containers.length;
      this.el.cy.dataset.version = String(msg.version);
      this.el.cy.dataset.renderMs = String(ms);
      this.el.cy.dataset.layout = layout;
      this.el.status.textContent = `${nodes} nodes · ${graph.edges.length} edges · drawn in ${ms} ms${layout === 'full' ? ' (full layout)' : layout === 'incremental' ? ' (new nodes placed)' : ''}`;
      this.channel.notify({ type: 'rendered', version: msg.version, nodes, edges: graph.edges.length, ms, layout });
      this.scheduleSave();
    }));
  }

  private relayout(): void {
    const t0 = performance.now();
    // what is shown, refined when that is small enough to take a second or two (a filter makes it so)
    this.map.layout(true);
    this.map.fit();
    this.el.status.textContent = `Laid out again in ${Math.round(performance.now() - t0)} ms`;
    this.scheduleSave();
  }

  // ------------------------------------------------------------------------------------------------ filter and list

  private applyFilter(): void {
    window.clearTimeout(this.filterTimer);
    const q = this.el.filter.value;
    this.state.filter = q;
    if (this.graph) {
      this.filter = filterGraph(this.graph, q);
      this.map.setFilter(this.filter?.shown, this.state.onlyMatches);
      this.renderList();
    }
    this.scheduleSave();
  }

  private listed(): TopologyGraph['containers'] {
    return this.filter?.containers ?? this.graph?.containers ?? [];
  }

  private renderList(): void {
    const items = this.listed();
    const total = this.graph?.containers.length ?? 0;
    this.el.listHeading.textContent = items.length === total ? `Containers (${total})` : `Containers (${items.length} of ${total})`;
    const degree = new Map<string, number>();
    for (const e of this.graph?.edges ?? []) degree.set(e.c, (degree.get(e.c) ?? 0) + 1);
    const frag = document.createDocumentFragment();
    for (const c of items) {
      const n = degree.get(c.id) ?? 0;
      const li = h('li', { role: 'option', id: `opt-${c.id}`, 'data-id': c.id, 'aria-selected': c.id === this.state.selected ? 'true' : 'false' },
        h('span', { className: 'name' }, c.name),
        h('span', { className: `state state-${c.state === 'running' ? 'running' : 'other'}` }, `${c.state} · ${count(n, 'network')}`));
      frag.append(li);
    }
    if (items.length === 0) frag.append(h('li', { className: 'empty', role: 'presentation' }, total === 0 ? 'No containers.' : 'No container matches.'));
    this.el.list.replaceChildren(frag);
    if (this.active && !items.some((c) => c.id === this.active)) this.active = undefined;
    this.markActive();
  }

  private markActive(): void {
    this.el.list.querySelector('li.active')?.classList.remove('active');
    if (!this.active) {
      this.el.list.removeAttribute('aria-activedescendant');
      return;
    }
    const li = document.getElementById(`opt-${this.active}`);
    if (!li) return;
    li.classList.add('active');
    this.el.list.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  /** Moves the list's active option (selection follows it). `to`: an index, or a step from the current one. */
  private moveActive(to: number, absolute: boolean): void {
    const items = this.listed();
    if (items.length === 0) return;
    const at = this.active ? items.findIndex((c) => c.id === this.active) : -1;
    const i = Math.max(0, Math.min(items.length - 1, absolute ? to : at + to));
    this.active = items[i].id;
    this.markActive();
    this.map.setFocus(this.active);
    window.clearTimeout(this.selectTimer);
    const id = this.active;
    this.selectTimer = window.setTimeout(() => this.select(id), SELECT_DEBOUNCE_MS);
  }

  private listKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.el.list.clientHeight / 24));
    switch (e.key) {
      case 'ArrowDown': this.moveActive(1, false); break;
      case 'ArrowUp': this.moveActive(-1, false); break;
      case 'PageDown': this.moveActive(page, false); break;
      case 'PageUp': this.moveActive(-page, false); break;
      case 'Home': this.moveActive(0, true); break;
      case 'End': this.moveActive(this.listed().length - 1, true); break;
      case 'Enter':
      case ' ':
        if (this.active) {
          this.select(this.active, true);
        }
        break;
      default: return;
    }
    e.preventDefault();
  }

  private mapKey(e: KeyboardEvent): void {
    const step = 60;
    switch (e.key) {
      case 'ArrowLeft': this.map.panBy(step, 0); break;
      case 'ArrowRight': this.map.panBy(-step, 0); break;
      case 'ArrowUp': this.map.panBy(0, step); break;
      case 'ArrowDown': this.map.panBy(0, -step); break;
      case '+': case '=': this.map.zoomBy(1.25); break;
      case '-': case '_': this.map.zoomBy(0.8); break;
      case '0': this.map.fit(); break;
      default: return;
    }
    e.preventDefault();
  }

  // ------------------------------------------------------------------------------------------------ selection

  /** Selects a container (undefined: none); `reveal` brings it into view on the map. */
  private select(id: string | undefined, reveal = false): void {
    window.clearTimeout(this.selectTimer);
    const before = this.state.selected;
    this.state.selected = id;
    if (before) document.getElementById(`opt-${before}`)?.setAttribute('aria-selected', 'false');
    if (id) {
      document.getElementById(`opt-${id}`)?.setAttribute('aria-selected', 'true');
      this.active = id;
      this.markActive();
      this.map.setFocus(id);
      if (reveal) this.map.reveal(id);
      if (id !== before || !this.reach) void this.askReach(id);
    } else {
      this.reachSeq++;
      this.reach = undefined;
      this.map.highlight(undefined);
      this.map.setFocus(undefined);
      this.renderReach();
    }
    this.scheduleSave();
  }

  private async askReach(id: string): Promise<void> {
    const seq = ++this.reachSeq;
    const name = this.graph?.containers.find((c) => c.id === id)?.name ?? id.slice(0, 12);
    if (!this.reach || this.reach.containerId !== id) {
      this.el.reachSummary.textContent = `Working out what ${name} can reach…`;
      this.el.cy.dataset.selected = name;
      delete this.el.cy.dataset.highlighted;
    }
    try {
      const reach = await this.channel.request('reach', { containerId: id });
      if (seq !== this.reachSeq || this.state.selected !== id) return;
      this.reach = reach;
      this.map.highlight({ source: id, targets: new Map(reach.reachable.map((t) => [t.id, t.networks])) });
      this.renderReach();
    } catch (err) {
      if (seq !== this.reachSeq) return;
      this.reach = undefined;
      this.map.highlight(undefined);
      this.el.reachSummary.textContent = err instanceof RequestFailed ? err.message : String(err);
      this.el.reachList.replaceChildren();
      this.el.blocked.replaceChildren();
    }
  }

  private renderReach(): void {
    const r = this.reach;
    this.el.openSelected.hidden = !r;
    if (!r) {
      this.el.reachSummary.textContent = 'Select a container to see what it can reach.';
      this.el.reachList.replaceChildren();
      this.el.blocked.replaceChildren();
      delete this.el.cy.dataset.selected;
      delete this.el.cy.dataset.highlighted;
      return;
    }
    this.el.reachSummary.textContent = r.summary;
    this.el.reachList.replaceChildren(...r.reachable.map((t) => {
      const b = h('button', { type: 'button', className: 'link', 'data-id': t.id, title: `Select ${t.name}` }, t.name);
      b.addEventListener('click', () => this.select(t.id, true));
      return h('li', { 'data-name': t.name }, b, h('span', { className: 'via' }, ` (${t.via})`));
    }));
    this.el.blocked.replaceChildren(...(r.blocked.length === 0 ? [] : [
      h('p', { className: 'help' }, 'On a shared network, but blocked:'),
      h('ul', { className: 'topo-reach blocked' }, ...r.blocked.map((b) => h('li', {}, `${b.name}: ${b.reason}`))),
    ]));
    this.el.cy.dataset.selected = r.name;
    this.el.cy.dataset.highlighted = this.map.highlightedNames().join(',');
  }

  private async show(kind: 'container' | 'network', id: string): Promise<void> {
    try {
      await this.channel.request('show', kind === 'container' ? { containerId: id } : { networkId: id });
    } catch (err) {
      this.el.status.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  // ------------------------------------------------------------------------------------------------ saved state

  private scheduleSave(): void {
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      const vp = this.map.viewport();
      this.state.positions = this.graph ? this.map.positions() : this.state.positions;
      if (vp) {
        this.state.zoom = vp.zoom;
        this.state.pan = vp.pan;
      }
      this.channel.save(this.state);
    }, SAVE_DEBOUNCE_MS);
  }
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

new TopologyPage();

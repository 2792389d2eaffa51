// The topology map's page: a side bar (search, toggles, the containers as a keyboard-usable list, what the selected
// container reaches) and the map (src/webview/topology/map.ts). The host sends the whole graph on `ready` and on every
// change; what a container reaches is asked of the host (core/reachability) and comes back in words.
//
// Keyboard: Tab reaches the filter, the toggles, the container list (arrows, Home/End, type-ahead by the filter),
// the reach list (each target is a button that selects it), the toolbar and the map (arrows pan, + and - zoom,
// 0 fits). Escape clears the selection. The page is built once its words arrive (`init`, src/core/pageText/topology.ts).
import type { TopologyText } from '../core/pageText/topology';
import type {
  GraphMessage, LayoutKind, TopologyGraph, TopologyHostMessage, TopologyMethods, TopologyReach, TopologySavedState,
} from '../protocol/topology';
import type { ReplyMessage } from '../protocol/reply';
import { Channel, RequestFailed } from './lib/channel';
import { h } from './lib/dom';
import { duration, fmt, setText, texts } from './lib/text';
import { ContainerList } from './topology/containerList';
import { layOut, pageElements, whyButton } from './topology/page';
import { filterGraph, type FilterResult } from './topology/filter';
import { TopologyMap, type Point } from './topology/map';

const FILTER_DEBOUNCE_MS = 120;
const SAVE_DEBOUNCE_MS = 400;
const SELECT_DEBOUNCE_MS = 80;

type TopologyChannel = Channel<TopologyMethods, Exclude<TopologyHostMessage, ReplyMessage>, TopologySavedState>;

class TopologyPage {
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
  private readonly list: ContainerList;

  private readonly el = pageElements();

  constructor(private readonly channel: TopologyChannel) {
    const saved = this.channel.state;
    this.state = saved ?? { positions: {}, filter: '', onlyMatches: false, collapseBuiltin: false };
    if (saved && Object.keys(saved.positions).length > 0) this.savedPositions = saved.positions;
    this.el.filter.value = this.state.filter;
    this.el.only.checked = this.state.onlyMatches;
    this.el.collapse.checked = this.state.collapseBuiltin;
    this.build();
    this.list = new ContainerList(this.el.list, this.el.listHeading, {
      moved: (id) => {
        this.map.setFocus(id);
        window.clearTimeout(this.selectTimer);
        this.selectTimer = window.setTimeout(() => this.select(id), SELECT_DEBOUNCE_MS);
      },
      chosen: (id) => this.select(id, true),
    });
    this.map = new TopologyMap(this.el.cy, {
      select: (id) => this.select(id),
      open: (kind, id) => void this.open('show', kind === 'container' ? { containerId: id } : { networkId: id }),
      moved: () => this.scheduleSave(),
    });
    this.map.setCollapsed(this.state.collapseBuiltin);
  }

  private build(): void {
    layOut(this.el, {
      fit: () => this.map.fit(),
      zoomIn: () => this.map.zoomBy(1.4),
      zoomOut: () => this.map.zoomBy(1 / 1.4),
      relayout: () => this.relayout(),
    });

    this.el.filter.addEventListener('input', () => {
      window.clearTimeout(this.filterTimer);
      this.filterTimer = window.setTimeout(() => this.applyFilter(), FILTER_DEBOUNCE_MS);
    });
    this.el.filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'Enter') {
        e.preventDefault();
        this.applyFilter();
        this.list.active = undefined;
        this.el.list.focus();
        this.list.move(0, true);
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
    this.el.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('li[data-id]');
      const id = li?.getAttribute('data-id');
      if (id) this.select(id, true);
    });
    this.el.openSelected.addEventListener('click', () => { if (this.state.selected) void this.open('show', { containerId: this.state.selected }); });
    this.el.explainSelected.addEventListener('click', () => { if (this.state.selected) void this.open('explain', { containerId: this.state.selected }); });
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

  onGraph(msg: GraphMessage): void {
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
    const t = texts<TopologyText>();
    this.el.engine.textContent = fmt(t.engineLine, msg.engine,
      fmt(graph.networks.length === 1 ? t.networksOne : t.networksMany, graph.networks.length),
      fmt(graph.containers.length === 1 ? t.containersOne : t.containersMany, graph.containers.length));
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
      const note = layout === 'full' ? t.layoutFull : layout === 'hubs' ? t.layoutHubs : layout === 'incremental' ? t.layoutIncremental : '';
      this.el.status.textContent = fmt(t.drawn, nodes, graph.edges.length, duration(ms), note);
      this.channel.notify({ type: 'rendered', version: msg.version, nodes, edges: graph.edges.length, ms, layout });
      this.scheduleSave();
    }));
  }

  private relayout(): void {
    const t0 = performance.now();
    // what is shown, refined when that is small enough to take a second or two (a filter makes it so)
    this.map.layout(true);
    this.map.fit();
    this.el.status.textContent = fmt(texts<TopologyText>().laidOut, duration(performance.now() - t0));
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

  private renderList(): void {
    this.list.render(this.listed(), this.graph?.containers.length ?? 0, this.graph?.edges ?? [], this.state.selected);
  }

  private listed(): TopologyGraph['containers'] {
    return this.filter?.containers ?? this.graph?.containers ?? [];
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
      this.list.setActive(id);
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
      this.el.reachSummary.textContent = fmt(texts<TopologyText>().workingOut, name);
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
    const t = texts<TopologyText>();
    this.el.openSelected.hidden = !r;
    this.el.explainSelected.hidden = !r;
    if (!r) {
      this.el.reachSummary.textContent = t.selectHint;
      this.el.reachList.replaceChildren();
      this.el.blocked.replaceChildren();
      delete this.el.cy.dataset.selected;
      delete this.el.cy.dataset.highlighted;
      return;
    }
    this.el.reachSummary.textContent = r.summary;
    this.el.reachList.replaceChildren(...r.reachable.map((x) => {
      const b = h('button', { type: 'button', className: 'link', 'data-id': x.id, title: fmt(t.selectTitle, x.name) }, x.name);
      b.addEventListener('click', () => this.select(x.id, true));
      return h('li', { 'data-name': x.name }, b, h('span', { className: 'via' }, ` (${x.via})`));
    }));
    this.el.blocked.replaceChildren(...(r.blocked.length === 0 ? [] : [
      h('p', { className: 'help' }, t.blocked),
      h('ul', { className: 'topo-reach blocked' }, ...r.blocked.map((b) =>
        h('li', {}, `${b.name}: ${b.reason} `, whyButton(r.name, b, () => void this.open('explain', { containerId: r.containerId, targetId: b.id }))))),
    ]));
    this.el.cy.dataset.selected = r.name;
    this.el.cy.dataset.highlighted = this.map.highlightedNames().join(',');
  }

  /** Asks the host to open a panel (Container Networking, Network Details, Explain Reachability); a failure is said. */
  private async open<M extends 'show' | 'explain'>(method: M, params: TopologyMethods[M]['params']): Promise<void> {
    try {
      await this.channel.request(method, params);
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

let page: TopologyPage | undefined;
const channel: TopologyChannel = new Channel((m) => {
  if (m.type === 'init') {
    setText(m.text);
    page ??= new TopologyPage(channel);
  } else if (m.type === 'graph') page?.onGraph(m);
});
channel.ready();

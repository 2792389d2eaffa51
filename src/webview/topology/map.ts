// The drawing of the topology map: cytoscape.js on a canvas (never one DOM node per element), laid out by
// cytoscape-fcose. Networks are hubs, containers are nodes, attachments are edges labelled with the address.
//
// Speed at 300 networks × 1000 containers (≈ 3300 elements), measured in bench/topology.ts:
// - positions are never computed twice: a change of the engine keeps every node where it is, removes what went away
//   and puts what is new beside its neighbours; a full layout runs only for the first graph (or when most of it is
//   new) and when the user asks. Positions are kept with setState, so a hidden panel comes back as it was.
// - fcose at `draft` quality (its spectral step) for big graphs, `default` (with the force-directed refinement)
//   for small ones.
// - container names and addresses are drawn only when zoomed in, and then only for what is on screen (the `lbl`
//   class); label sizes are never measured for the whole graph.
// - pixelRatio 1 and haystack edges for big graphs; the viewport is fitted from node positions, not from
//   label-inclusive bounding boxes.
import cytoscape from 'cytoscape';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutKind, TopologyGraph } from '../../protocol/topology';

cytoscape.use(fcose);

/** Above this many elements the map switches to its fast settings. */
const BIG = 1200;
/** Up to this many elements every label is always there (zoomed out, cytoscape skips drawing the tiny ones). */
const ALL_LABELS = 150;
/** Up to this many elements the layout refines (fcose `default`); above, its spectral step alone (`draft`). */
const REFINE = 400;
/** When the user asks for a new layout, the refinement is worth a second or two up to this many elements. */
const REFINE_ON_REQUEST = 1500;
/** Labels of containers and edges appear from this zoom on (a container is then about 12 px wide). */
const LABEL_ZOOM = 1;
/** Network names appear from this zoom on (11 px text is then 6 px: cytoscape would not draw it smaller anyway). */
const NET_LABEL_ZOOM = 0.55;
/** Labels for at most this many on-screen nodes (and their edges). */
const MAX_LABELLED = 400;
/** When more than this share of the nodes is new, a full layout is better than placing them one by one. */
const RELAYOUT_SHARE = 0.5;

export type Point = [number, number];

export interface Highlight {
  source: string;
  /** Reached container id → the networks the way goes through. */
  targets: Map<string, string[]>;
}

export interface MapEvents {
  /** A container was clicked (undefined: the background). */
  select(containerId: string | undefined): void;
  /** A node was double-clicked. */
  open(kind: 'container' | 'network', id: string): void;
  /** The user panned, zoomed or dragged (to be saved). */
  moved(): void;
}

interface Theme {
  fg: string;
  muted: string;
  bg: string;
  edge: string;
  net: string;
  builtin: string;
  running: string;
  stopped: string;
  source: string;
  reached: string;
  font: string;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

function readTheme(): Theme {
  const s = getComputedStyle(document.body);
  return {
    fg: cssVar(s, '--vscode-foreground', '#cccccc'),
    muted: cssVar(s, '--vscode-descriptionForeground', '#999999'),
    bg: cssVar(s, '--vscode-editor-background', '#1e1e1e'),
    edge: cssVar(s, '--vscode-editorIndentGuide-activeBackground1', cssVar(s, '--vscode-descriptionForeground', '#888888')),
    net: cssVar(s, '--vscode-charts-blue', '#3794ff'),
    builtin: cssVar(s, '--vscode-charts-purple', '#b180d7'),
    running: cssVar(s, '--vscode-charts-green', '#89d185'),
    stopped: cssVar(s, '--vscode-disabledForeground', '#808080'),
    source: cssVar(s, '--vscode-charts-orange', '#d18616'),
    reached: cssVar(s, '--vscode-charts-yellow', '#cca700'),
    font: cssVar(s, '--vscode-font-family', 'sans-serif'),
  };
}

/**
 * The map's style. Kept lean on purpose: every property of a rule that matches all 3000+ elements is parsed and applied
 * per element on the first render, so text properties live only on the rules of elements that show a label.
 */
function stylesheet(t: Theme, big: boolean): StylesheetJson {
  const text = { color: t.fg, 'font-family': t.font, 'text-outline-color': t.bg, 'text-outline-width': 2, 'text-valign': 'bottom' as const };
  return [
    { selector: 'node.con', style: { width: 12, height: 12, 'background-color': t.stopped } },
    { selector: 'node.running', style: { 'background-color': t.running } },
    { selector: 'node.net', style: {
      shape: 'round-rectangle', width: 'data(size)', height: 'data(size)', 'background-color': t.net,
    } },
    { selector: 'node.net.lbl, node.net.via', style: { label: 'data(label)', 'font-size': 11, 'font-weight': 'bold', 'text-margin-y': 3, 'min-zoomed-font-size': 6, ...text } },
    { selector: 'node.builtin', style: { 'background-color': t.builtin } },
    { selector: 'node.collapsed', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': t.fg } },
    { selector: 'node.con.lbl, node.src, node.hit', style: { label: 'data(name)', 'font-size': 9, 'min-zoomed-font-size': 8, 'text-margin-y': 2, ...text } },
    { selector: 'edge', style: { width: 1, 'line-color': t.edge, 'curve-style': big ? 'haystack' : 'straight' } },
    { selector: 'edge.lbl, edge.via', style: { label: 'data(label)', 'text-rotation': 'autorotate', 'font-size': 7, 'min-zoomed-font-size': 9, ...text, color: t.muted, 'text-valign': 'center' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.dim', style: { opacity: 0.15, 'text-opacity': 0 } },
    { selector: '.chid, .fhid', style: { display: 'none' } },
    { selector: 'node.src', style: { 'background-color': t.source, width: 20, height: 20, 'border-width': 3, 'border-color': t.fg, 'z-index': 20, 'font-size': 11, 'font-weight': 'bold' } },
    { selector: 'node.hit', style: { 'background-color': t.reached, width: 18, height: 18, 'border-width': 2, 'border-color': t.fg, 'z-index': 15, 'font-size': 11, 'font-weight': 'bold' } },
    { selector: 'node.via', style: { 'border-width': 3, 'border-color': t.source, 'z-index': 12 } },
    { selector: 'edge.via', style: { width: 3, 'line-color': t.source, opacity: 1, 'z-index': 10, color: t.fg } },
    { selector: 'node.focus', style: { 'overlay-color': t.source, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];
}

const netKey = (id: string): string => `n:${id}`;
const conKey = (id: string): string => `c:${id}`;
const edgeKey = (n: string, c: string): string => `e:${n}:${c}`;

/** A stable pseudo-random number in [0, 1) from a string, so a node placed twice lands in the same spot. */
function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

function jitter(id: string, radius: number): Point {
  const a = hash01(id) * 2 * Math.PI;
  const r = radius * (0.5 + hash01(`${id}r`) / 2);
  return [Math.cos(a) * r, Math.sin(a) * r];
}

interface FcoseOptions {
  name: 'fcose';
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  packComponents: boolean;
  nodeRepulsion: number;
  idealEdgeLength: number;
  numIter: number;
  sampleSize: number;
}

export class TopologyMap {
  private cy?: Core;
  private big = false;
  private theme = readTheme();
  private graph?: TopologyGraph;
  private labelled?: cytoscape.CollectionReturnValue;
  private highlighted?: cytoscape.CollectionReturnValue;
  private dimmed = false;
  private labelTimer?: number;
  private collapse = false;
  private filterShown?: Set<string>;
  private onlyMatches = false;

  constructor(private readonly container: HTMLElement, private readonly events: MapEvents) {
    // Cytoscape adds a <style> element unless one with this id exists; the CSP would refuse it, and topology.css
    // already carries its one rule. Naming our stylesheet so keeps the console free of CSP reports.
    const ours = document.querySelector<HTMLLinkElement>('link[href*="topology.css"]');
    if (ours && !document.getElementById('__________cytoscape_stylesheet')) ours.id = '__________cytoscape_stylesheet';
    // Theme changes (body class) restyle the map.
    new MutationObserver(() => this.restyle()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  get core(): Core | undefined {
    return this.cy;
  }

  /** Shows `graph`; keeps the nodes that stay where they are. Returns how the nodes were placed. */
  setGraph(graph: TopologyGraph, saved?: Record<string, Point>): LayoutKind {
    this.graph = graph;
    const first = !this.cy;
    const cy = this.cy ?? this.create(graph);
    const known = new Map<string, Point>();
    if (saved) for (const [k, p] of Object.entries(saved)) known.set(k, p);
    if (!first) cy.nodes().forEach((n) => { const p = n.position(); known.set(n.id(), [p.x, p.y]); });

    const wanted = this.elements(graph);
    const wantedIds = new Set(wanted.map((e) => e.data.id as string));
    const fresh: ElementDefinition[] = [];
    let newNodes = 0;
    let nodeCount = 0;
    cy.batch(() => {
      if (!first) cy.elements().filter((e) => !wantedIds.has(e.id())).remove();
      for (const def of wanted) {
        const id = def.data.id as string;
        if (def.group === 'nodes') nodeCount++;
        const existing = first ? undefined : cy.getElementById(id);
        if (existing && existing.nonempty()) {
          for (const [k, v] of Object.entries(def.data)) if (existing.data(k) !== v) existing.data(k, v);
          const cls = def.classes as string;
          for (const c of ['running', 'builtin']) existing.toggleClass(c, cls.split(' ').includes(c));
          continue;
        }
        if (def.group === 'nodes' && !known.has(id)) newNodes++;
        fresh.push(def);
      }
      this.place(fresh, known);
      cy.add(fresh);
    });

    let kind: LayoutKind;
    if (nodeCount === 0) kind = 'kept';
    else if (newNodes === 0) kind = first && !saved ? 'full' : 'kept';
    else if (newNodes / nodeCount > RELAYOUT_SHARE) kind = 'full';
    else kind = 'incremental';
    if (kind === 'full' && (newNodes > 0 || first)) this.layout();
    this.labelled = undefined;
    this.applyCollapse();
    this.applyFilter();
    if (first || kind === 'full') this.fit();
    this.updateLabels();
    return kind;
  }

  private create(graph: TopologyGraph): Core {
    this.big = graph.containers.length + graph.networks.length + graph.edges.length > BIG;
    const cy = cytoscape({
      container: this.container,
      style: stylesheet(this.theme, this.big),
      layout: { name: 'preset', fit: false },
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      autounselectify: true,
      pixelRatio: this.big ? 1 : 'auto',
      hideEdgesOnViewport: false,
      textureOnViewport: false,
    });
    cy.on('tap', 'node.con', (e) => this.events.select((e.target as NodeSingular).data('ref') as string));
    cy.on('tap', (e) => { if (e.target === cy) this.events.select(undefined); });
    cy.on('dbltap', 'node', (e) => {
      const n = e.target as NodeSingular;
      this.events.open(n.hasClass('net') ? 'network' : 'container', n.data('ref') as string);
    });
    cy.on('viewport', () => {
      this.events.moved();
      this.scheduleLabels();
    });
    cy.on('free', 'node', () => this.events.moved());
    this.cy = cy;
    return cy;
  }

  private elements(graph: TopologyGraph): ElementDefinition[] {
    const degree = new Map<string, number>();
    for (const e of graph.edges) degree.set(e.n, (degree.get(e.n) ?? 0) + 1);
    const out: ElementDefinition[] = [];
    for (const n of graph.networks) {
      const d = degree.get(n.id) ?? 0;
      out.push({
        group: 'nodes',
        data: { id: netKey(n.id), ref: n.id, name: n.name, label: n.name, size: Math.round(20 + Math.min(16, Math.sqrt(d) * 3)) },
        classes: n.builtin ? 'net builtin' : 'net',
      });
    }
    for (const c of graph.containers) {
      out.push({ group: 'nodes', data: { id: conKey(c.id), ref: c.id, name: c.name }, classes: c.state === 'running' ? 'con running' : 'con' });
    }
    for (const e of graph.edges) {
      out.push({ group: 'edges', data: { id: edgeKey(e.n, e.c), source: conKey(e.c), target: netKey(e.n), label: e.label ?? '' }, classes: '' });
    }
    return out;
  }

  /** Puts new nodes where they were (saved) or beside their neighbours; never moves the others. */
  private place(fresh: ElementDefinition[], known: Map<string, Point>): void {
    const pos = (id: string): Point | undefined => known.get(id);
    const neighbours = new Map<string, string[]>();
    const link = (a: string, b: string): void => {
      const l = neighbours.get(a);
      if (l) l.push(b);
      else neighbours.set(a, [b]);
    };
    for (const e of this.graph?.edges ?? []) {
      link(netKey(e.n), conKey(e.c));
      link(conKey(e.c), netKey(e.n));
    }
    let x2 = 0;
    let yMid = 0;
    if (known.size > 0) {
      let x1 = Infinity;
      let y1 = Infinity;
      let y2 = -Infinity;
      x2 = -Infinity;
      for (const [x, y] of known.values()) {
        x1 = Math.min(x1, x);
        x2 = Math.max(x2, x);
        y1 = Math.min(y1, y);
        y2 = Math.max(y2, y);
      }
      yMid = (y1 + y2) / 2;
    }
    let spare = 0;
    const periphery = (id: string): Point => {
      spare++;
      return [x2 + 80 + (spare % 5) * 40, yMid + (Math.floor(spare / 5) - 2) * 40 + hash01(id) * 10];
    };
    const centroid = (id: string): Point | undefined => {
      const pts = (neighbours.get(id) ?? []).map(pos).filter((p): p is Point => p !== undefined);
      if (pts.length === 0) return undefined;
      return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
    };
    const nodes = fresh.filter((d) => d.group === 'nodes' && !known.has(d.data.id as string));
    // networks that already have placed containers, then the other networks, then containers
    const order = [
      ...nodes.filter((d) => (d.classes as string).includes('net') && centroid(d.data.id as string)),
      ...nodes.filter((d) => (d.classes as string).includes('net') && !centroid(d.data.id as string)),
      ...nodes.filter((d) => (d.classes as string).includes('con')),
    ];
    for (const d of order) {
      const id = d.data.id as string;
      const c = centroid(id);
      const [jx, jy] = jitter(id, c ? 70 : 0);
      known.set(id, c ? [c[0] + jx, c[1] + jy] : periphery(id));
    }
    for (const d of fresh) {
      const p = d.group === 'nodes' ? known.get(d.data.id as string) : undefined;
      if (p) d.position = { x: p[0], y: p[1] };
    }
  }

  /**
   * A full layout (the first graph, most of it new, or the user asked) of what is shown. Nodes without any edge (an
   * unused network, a container on none) are left out of fcose, whose component handling is costly with many of
   * them; they are lined up under the rest instead.
   */
  layout(refine = false): void {
    const cy = this.cy;
    if (!cy) return;
    const shown = cy.elements().filter((e) => !e.hasClass('chid') && !e.hasClass('fhid'));
    const lonely = shown.nodes().filter((n) => n.degree(false) === 0);
    const eles = shown.difference(lonely);
    if (eles.nodes().length > 0) {
      const opts: FcoseOptions = {
        name: 'fcose',
        quality: eles.length <= (refine ? REFINE_ON_REQUEST : REFINE) ? 'default' : 'draft',
        randomize: true,
        animate: false,
        fit: false,
        padding: 30,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        nodeRepulsion: 6000,
        idealEdgeLength: 60,
        numIter: 2500,
        sampleSize: 10,
      };
      eles.layout(opts).run();
    }
    if (lonely.length > 0) {
      let x1 = Infinity;
      let y2 = -Infinity;
      eles.nodes().forEach((n) => {
        const p = n.position();
        x1 = Math.min(x1, p.x);
        y2 = Math.max(y2, p.y);
      });
      if (!Number.isFinite(x1)) {
        x1 = 0;
        y2 = 0;
      }
      const perRow = Math.max(8, Math.ceil(Math.sqrt(lonely.length * 4)));
      cy.batch(() => lonely.forEach((n, i) => {
        n.position({ x: x1 + (i % perRow) * 100, y: y2 + 90 + Math.floor(i / perRow) * 70 });
      }));
    }
  }

  /** Fits the shown nodes from their positions (no label measuring). */
  fit(): void {
    const cy = this.cy;
    if (!cy) return;
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    cy.nodes().forEach((n) => {
      if (n.hasClass('chid') || n.hasClass('fhid')) return;
      const p = n.position();
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
    });
    if (!Number.isFinite(x1)) return;
    const pad = 70; // room for the node sizes and their labels
    const w = cy.width();
    const h = cy.height();
    const zoom = Math.max(cy.minZoom(), Math.min(2, (w - 2 * pad) / Math.max(1, x2 - x1), (h - 2 * pad) / Math.max(1, y2 - y1)));
    cy.viewport({ zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } });
  }

  setViewport(zoom: number, pan: Point): void {
    this.cy?.viewport({ zoom, pan: { x: pan[0], y: pan[1] } });
  }

  viewport(): { zoom: number; pan: Point } | undefined {
    const cy = this.cy;
    if (!cy) return undefined;
    const p = cy.pan();
    return { zoom: cy.zoom(), pan: [p.x, p.y] };
  }

  positions(): Record<string, Point> {
    const out: Record<string, Point> = {};
    this.cy?.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = [Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10];
    });
    return out;
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  panBy(dx: number, dy: number): void {
    this.cy?.panBy({ x: dx, y: dy });
  }

  /** Brings a container (or network) into view, zoomed in enough to read its labels. */
  reveal(id: string, kind: 'container' | 'network' = 'container'): void {
    const cy = this.cy;
    const n = cy?.getElementById(kind === 'container' ? conKey(id) : netKey(id));
    if (!cy || !n || n.empty()) return;
    const zoom = Math.max(cy.zoom(), LABEL_ZOOM * 1.3);
    const p = n.position();
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * p.x, y: cy.height() / 2 - zoom * p.y } });
  }

  setCollapsed(collapse: boolean): void {
    this.collapse = collapse;
    this.applyCollapse();
  }

  /** Built-in networks collapsed: their edges hidden, a count on the hub, containers on nothing else hidden. */
  private applyCollapse(): void {
    const cy = this.cy;
    const graph = this.graph;
    if (!cy || !graph) return;
    const builtin = new Set(graph.networks.filter((n) => n.builtin).map((n) => n.id));
    const count = new Map<string, number>();
    const visibleEdges = new Map<string, number>();
    for (const e of graph.edges) {
      if (builtin.has(e.n)) count.set(e.n, (count.get(e.n) ?? 0) + 1);
      if (!builtin.has(e.n) || !this.collapse) visibleEdges.set(e.c, (visibleEdges.get(e.c) ?? 0) + 1);
    }
    const onAny = new Set(graph.edges.map((e) => e.c));
    cy.batch(() => {
      for (const n of graph.networks) {
        if (!n.builtin) continue;
        const node = cy.getElementById(netKey(n.id));
        const k = count.get(n.id) ?? 0;
        node.toggleClass('collapsed', this.collapse);
        node.data('label', this.collapse && k > 0 ? `${n.name} (${k} hidden)` : n.name);
        node.connectedEdges().toggleClass('chid', this.collapse);
      }
      for (const c of graph.containers) {
        const hide = this.collapse && onAny.has(c.id) && !visibleEdges.has(c.id);
        const node = cy.getElementById(conKey(c.id));
        if (node.hasClass('chid') !== hide) node.toggleClass('chid', hide);
      }
    });
  }

  /** `shown` undefined: no filter. Otherwise what is not shown is faded (or hidden with `only`). */
  setFilter(shown: Set<string> | undefined, only: boolean): void {
    this.filterShown = shown;
    this.onlyMatches = only;
    this.applyFilter();
  }

  private applyFilter(): void {
    const cy = this.cy;
    if (!cy) return;
    const shown = this.filterShown;
    const only = this.onlyMatches;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const out = shown !== undefined && !shown.has(n.data('ref') as string);
        const fade = out && !only;
        const hide = out && only;
        if (n.hasClass('faded') !== fade) n.toggleClass('faded', fade);
        if (n.hasClass('fhid') !== hide) n.toggleClass('fhid', hide);
      });
      cy.edges().forEach((e: EdgeSingular) => {
        const out = shown !== undefined && (!shown.has(e.source().data('ref') as string) || !shown.has(e.target().data('ref') as string));
        const fade = out && !only;
        if (e.hasClass('faded') !== fade) e.toggleClass('faded', fade);
        // hidden nodes take their edges along (display: none)
      });
    });
  }

  /** Highlights a container, what it reaches, and the networks and edges the ways go through; dims the rest (small maps). */
  highlight(h: Highlight | undefined): void {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      if (this.highlighted) {
        this.highlighted.removeClass('src hit via');
        this.highlighted = undefined;
      }
      if (this.dimmed) {
        cy.elements('.dim').removeClass('dim');
        this.dimmed = false;
      }
      if (!h) return;
      const src = cy.getElementById(conKey(h.source));
      if (src.empty()) return;
      let set = cy.collection().union(src);
      src.addClass('src');
      for (const [target, networks] of h.targets) {
        const t = cy.getElementById(conKey(target));
        if (t.empty()) continue;
        t.addClass('hit');
        set = set.union(t);
        for (const n of networks) {
          const hub = cy.getElementById(netKey(n));
          const e1 = cy.getElementById(edgeKey(n, h.source));
          const e2 = cy.getElementById(edgeKey(n, target));
          const via = hub.union(e1).union(e2);
          via.addClass('via');
          set = set.union(via);
        }
      }
      this.highlighted = set;
      // Dimming the rest restyles every element: on a big map that is most of a second, so there the highlight
      // stands out by itself (colour, size, labels, thick edges) and nothing else is touched.
      if (!this.big) {
        cy.elements().difference(set).addClass('dim');
        this.dimmed = true;
      }
    });
  }

  /** Names of the containers highlighted as reached (tests and the status line read them). */
  highlightedNames(): string[] {
    return (this.cy?.nodes('node.hit').map((n) => n.data('name') as string) ?? []).sort();
  }

  /** Marks a container the keyboard is on (in the list). */
  setFocus(containerId: string | undefined): void {
    const cy = this.cy;
    if (!cy) return;
    cy.nodes('.focus').removeClass('focus');
    if (containerId) cy.getElementById(conKey(containerId)).addClass('focus');
  }

  private scheduleLabels(): void {
    window.clearTimeout(this.labelTimer);
    this.labelTimer = window.setTimeout(() => this.updateLabels(), 120);
  }

  /** Names and addresses for what is on screen, once zoomed in (all of them on a small graph). */
  private updateLabels(): void {
    const cy = this.cy;
    if (!cy) return;
    if (cy.elements().length <= ALL_LABELS) {
      if (!this.labelled) {
        this.labelled = cy.elements().addClass('lbl');
      } else {
        cy.elements().not('.lbl').addClass('lbl');
      }
      return;
    }
    let want = cy.collection();
    const zoom = cy.zoom();
    if (zoom >= NET_LABEL_ZOOM) {
      const ext = cy.extent();
      // on screen, shown, and not faded by the search
      const inView = (n: NodeSingular): boolean => {
        if (n.hasClass('fhid') || n.hasClass('chid') || n.hasClass('faded')) return false;
        const p = n.position();
        return p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
      };
      want = cy.nodes('.net').filter(inView);
      if (zoom >= LABEL_ZOOM) {
        let nodes = cy.nodes('.con').filter(inView);
        if (nodes.length > MAX_LABELLED) nodes = nodes.slice(0, MAX_LABELLED);
        want = want.union(nodes).union(nodes.connectedEdges());
      }
    }
    const before = this.labelled ?? cy.collection();
    cy.batch(() => {
      before.difference(want).removeClass('lbl');
      want.difference(before).addClass('lbl');
    });
    this.labelled = want;
  }

  private restyle(): void {
    this.theme = readTheme();
    this.cy?.style(stylesheet(this.theme, this.big));
  }

  resize(): void {
    this.cy?.resize();
  }
}

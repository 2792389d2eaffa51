// The drawing of the topology map: cytoscape.js on a canvas (never one DOM node per element), laid out by
// cytoscape-fcose. Networks are hubs, containers are nodes, attachments are edges labelled with the address.
//
// Speed at 300 networks × 1000 containers (≈ 3300 elements), measured in bench/topology.ts:
// - positions are never computed twice: a change of the engine keeps every node where it is, removes what went away
//   and puts what is new beside its neighbours; a full layout runs only for the first graph (or when most of it is
//   new) and when the user asks. Positions are kept with setState, so a hidden panel comes back as it was.
// - a first graph above REFINE elements gets the quick hub layout (mapHubs.ts, linear time); fcose lays out small
//   graphs (`default` quality) and any graph on Re-layout (`draft` above REFINE_ON_REQUEST).
// - container names and addresses are drawn only when zoomed in, and then only for what is on screen (the `lbl`
//   class); label sizes are never measured for the whole graph.
// - pixelRatio 1 and haystack edges for big graphs; the viewport is fitted from node positions only.
// This file drives cytoscape; beside it: mapDiff.ts (a new graph applied), mapPlacement.ts (new nodes, the fitted
// viewport), mapHubs.ts, mapLabels.ts, mapMarks.ts (collapse, filter, reach highlight), mapStyle.ts (theme colours).
import cytoscape from 'cytoscape';
import type { CollectionReturnValue, Core, NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutKind, TopologyGraph } from '../../protocol/topology';
import { applyDiff, conKey, elementsOf, layoutKind, netKey, type Diff } from './mapDiff';
import { applyCollapse, applyFilter, applyHighlight, type Highlight, type Highlighted } from './mapMarks';
import { LABEL_ZOOM, updateLabels } from './mapLabels';
import { fitView, lineUp, placeFresh, type Point } from './mapPlacement';
import { hubLayout } from './mapHubs';
import { readTheme, showTheme, stylesheet } from './mapStyle';

export type { Point } from './mapPlacement';

cytoscape.use(fcose);

/** Above this many elements the map switches to its fast settings. */
const BIG = 1200;
/** Up to this many elements the layout refines (fcose `default`); above, its spectral step alone (`draft`). */
const REFINE = 400;
/** When the user asks for a new layout, the refinement is worth a second or two up to this many elements. */
const REFINE_ON_REQUEST = 1500;

export type { Highlight } from './mapMarks';

export interface MapEvents {
  /** A container was clicked (undefined: the background). */
  select(containerId: string | undefined): void;
  /** A node was double-clicked. */
  open(kind: 'container' | 'network', id: string): void;
  /** The user panned, zoomed or dragged (to be saved). */
  moved(): void;
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
  private labelled?: CollectionReturnValue;
  private shown: Highlighted = { dimmed: false };
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
    showTheme(container, this.theme);
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
    // A first graph without saved positions: a big one gets the quick hub layout instead of fcose.
    const quick = first && !saved && graph.containers.length + graph.networks.length + graph.edges.length > REFINE;
    if (quick) for (const [k, p] of hubLayout(graph)) known.set(k, p);
    let diff: Diff | undefined;
    cy.batch(() => {
      diff = applyDiff(cy, elementsOf(graph), first, known);
      placeFresh(diff.fresh, known, graph.edges);
      cy.add(diff.fresh);
    });
    const kind = quick ? 'hubs' : diff ? layoutKind(diff, first, saved !== undefined) : 'kept';
    if (kind === 'full') this.layout();
    if (kind === 'hubs') this.lineUpLonely(cy.elements());
    this.labelled = undefined;
    this.applyCollapse();
    this.applyFilter();
    if (first || kind === 'full' || kind === 'hubs') this.fit();
    this.labelled = updateLabels(cy, this.labelled);
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

  /** fcose on what is shown (a first small graph, most of it new, or Re-layout); nodes without edges are lined up
   * under the rest instead (fcose's component handling is costly with many of them). */
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
    this.lineUpLonely(shown);
  }

  /** Lines the nodes of `shown` that have no edge up under the others (fcose and the hub layout leave them out). */
  private lineUpLonely(shown: CollectionReturnValue): void {
    const cy = this.cy;
    if (!cy) return;
    const lonely = shown.nodes().filter((n) => n.degree(false) === 0);
    if (lonely.length === 0) return;
    let x1 = Infinity;
    let y2 = -Infinity;
    shown.nodes().difference(lonely).forEach((n) => {
      const p = n.position();
      x1 = Math.min(x1, p.x);
      y2 = Math.max(y2, p.y);
    });
    const spots = Number.isFinite(x1) ? lineUp(lonely.length, x1, y2) : lineUp(lonely.length, 0, 0);
    cy.batch(() => lonely.forEach((n, i) => { n.position({ x: spots[i][0], y: spots[i][1] }); }));
  }

  /** Fits the shown nodes from their positions (no label measuring). */
  fit(): void {
    const cy = this.cy;
    if (!cy) return;
    const points: Point[] = [];
    cy.nodes().forEach((n) => {
      if (n.hasClass('chid') || n.hasClass('fhid')) return;
      const p = n.position();
      points.push([p.x, p.y]);
    });
    const view = fitView(points, cy.width(), cy.height(), cy.minZoom());
    if (view) cy.viewport(view);
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

  private applyCollapse(): void {
    if (this.cy && this.graph) applyCollapse(this.cy, this.graph, this.collapse);
  }

  /** `shown` undefined: no filter. Otherwise what is not shown is faded (or hidden with `only`). */
  setFilter(shown: Set<string> | undefined, only: boolean): void {
    this.filterShown = shown;
    this.onlyMatches = only;
    this.applyFilter();
  }

  private applyFilter(): void {
    if (this.cy) applyFilter(this.cy, this.filterShown, this.onlyMatches);
  }

  /** Highlights a container, what it reaches, and the networks and edges the ways go through; dims the rest (small maps). */
  highlight(h: Highlight | undefined): void {
    const cy = this.cy;
    if (!cy) return;
    this.shown = applyHighlight(cy, h, this.shown, !this.big);
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
    this.labelTimer = window.setTimeout(() => { if (this.cy) this.labelled = updateLabels(this.cy, this.labelled); }, 120);
  }

  private restyle(): void {
    this.theme = readTheme();
    showTheme(this.container, this.theme);
    this.cy?.style(stylesheet(this.theme, this.big));
  }

  resize(): void {
    this.cy?.resize();
  }
}

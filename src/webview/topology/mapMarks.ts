// What the map marks on its elements (classes, never positions): built-in networks collapsed, what the filter leaves
// out (faded or hidden), and a selected container's reach (source, hits, the ways through; the rest dimmed).
import type { CollectionReturnValue, Core, EdgeSingular } from 'cytoscape';
import type { TopologyGraph } from '../../protocol/topology';
import type { TopologyText } from '../../core/pageText/topology';
import { fmt, texts } from '../lib/text';
import { conKey, edgeKey, netKey } from './mapDiff';

export interface Highlight {
  source: string;
  /** Reached container id → the networks the way goes through. */
  targets: Map<string, string[]>;
}

/** What a highlight marked, to be unmarked by the next one. */
export interface Highlighted {
  set?: CollectionReturnValue;
  dimmed: boolean;
}

/** Built-in networks collapsed: their edges hidden, a count on the hub, containers on nothing else hidden. */
export function applyCollapse(cy: Core, graph: TopologyGraph, collapse: boolean): void {
  const builtin = new Set(graph.networks.filter((n) => n.builtin).map((n) => n.id));
  const count = new Map<string, number>();
  const visibleEdges = new Map<string, number>();
  for (const e of graph.edges) {
    if (builtin.has(e.n)) count.set(e.n, (count.get(e.n) ?? 0) + 1);
    if (!builtin.has(e.n) || !collapse) visibleEdges.set(e.c, (visibleEdges.get(e.c) ?? 0) + 1);
  }
  const onAny = new Set(graph.edges.map((e) => e.c));
  cy.batch(() => {
    for (const n of graph.networks) {
      if (!n.builtin) continue;
      const node = cy.getElementById(netKey(n.id));
      const k = count.get(n.id) ?? 0;
      node.toggleClass('collapsed', collapse);
      node.data('label', collapse && k > 0 ? fmt(texts<TopologyText>().collapsed, n.name, k) : n.name);
      node.connectedEdges().toggleClass('chid', collapse);
    }
    for (const c of graph.containers) {
      const hide = collapse && onAny.has(c.id) && !visibleEdges.has(c.id);
      const node = cy.getElementById(conKey(c.id));
      if (node.hasClass('chid') !== hide) node.toggleClass('chid', hide);
    }
  });
}

/** `shown` undefined: no filter. Otherwise what is not shown is faded (or hidden with `only`). */
export function applyFilter(cy: Core, shown: Set<string> | undefined, only: boolean): void {
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

/**
 * Marks a container, what it reaches and the ways there (undefined: nothing), after unmarking `before`. `dim`: fade
 * the rest too, which restyles every element (most of a second on a big map: there the highlight stands out by
 * itself, colour, size, labels, thick edges, and nothing else is touched).
 */
export function applyHighlight(cy: Core, h: Highlight | undefined, before: Highlighted, dim: boolean): Highlighted {
  const now: Highlighted = { dimmed: false };
  cy.batch(() => {
    before.set?.removeClass('src hit via');
    if (before.dimmed) cy.elements('.dim').removeClass('dim');
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
        const via = cy.getElementById(netKey(n)).union(cy.getElementById(edgeKey(n, h.source))).union(cy.getElementById(edgeKey(n, target)));
        via.addClass('via');
        set = set.union(via);
      }
    }
    now.set = set;
    if (dim) {
      cy.elements().difference(set).addClass('dim');
      now.dimmed = true;
    }
  });
  return now;
}

// What the map draws for a graph (cytoscape element definitions, one id scheme), and how a new graph is applied to
// the drawing: what stays is updated in place (never moved), what went is removed, what is new is returned to be
// placed (./mapPlacement.ts) and added.
import type { Core, ElementDefinition } from 'cytoscape';
import type { LayoutKind, TopologyGraph } from '../../protocol/topology';

/** When more than this share of the nodes is new, a full layout is better than placing them one by one. */
const RELAYOUT_SHARE = 0.5;

export const netKey = (id: string): string => `n:${id}`;
export const conKey = (id: string): string => `c:${id}`;
export const edgeKey = (n: string, c: string): string => `e:${n}:${c}`;

export function elementsOf(graph: TopologyGraph): ElementDefinition[] {
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

export interface Diff {
  /** Elements to add (nodes without a position yet are placed before they are added). */
  fresh: ElementDefinition[];
  /** New nodes with no known position. */
  newNodes: number;
  nodeCount: number;
}

/** Inside a batch: removes what is not wanted, updates what stays (data, running/builtin classes), returns the rest. */
export function applyDiff(cy: Core, wanted: ElementDefinition[], first: boolean, known: ReadonlyMap<string, unknown>): Diff {
  const wantedIds = new Set(wanted.map((e) => e.data.id as string));
  const fresh: ElementDefinition[] = [];
  let newNodes = 0;
  let nodeCount = 0;
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
  return { fresh, newNodes, nodeCount };
}

/** How the nodes of a graph get their places: all laid out anew, the new ones placed beside the rest, or all kept. */
export function layoutKind(d: Diff, first: boolean, saved: boolean): LayoutKind {
  if (d.nodeCount === 0) return 'kept';
  if (d.newNodes === 0) return first && !saved ? 'full' : 'kept';
  return d.newNodes / d.nodeCount > RELAYOUT_SHARE ? 'full' : 'incremental';
}

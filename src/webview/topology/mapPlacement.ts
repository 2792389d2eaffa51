// Where the map's nodes go, without cytoscape: new nodes beside their neighbours (or at the edge of what is there),
// nodes without any edge lined up under the rest, and the viewport that fits a set of positions. Positions are never
// computed twice: what is already placed stays where it is.
import type { ElementDefinition } from 'cytoscape';
import type { TopologyGraph } from '../../protocol/topology';
import { conKey, netKey } from './mapDiff';

export type Point = [number, number];

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

/** Puts new nodes where they were (`known`: saved or drawn positions) or beside their neighbours; never moves the others. */
export function placeFresh(fresh: ElementDefinition[], known: Map<string, Point>, edges: TopologyGraph['edges']): void {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const l = neighbours.get(a);
    if (l) l.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of edges) {
    link(netKey(e.n), conKey(e.c));
    link(conKey(e.c), netKey(e.n));
  }
  let x2 = 0;
  let yMid = 0;
  if (known.size > 0) {
    let y1 = Infinity;
    let y2 = -Infinity;
    x2 = -Infinity;
    for (const [x, y] of known.values()) {
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
    const pts = (neighbours.get(id) ?? []).map((n) => known.get(n)).filter((p): p is Point => p !== undefined);
    if (pts.length === 0) return undefined;
    return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  };
  const nodes = fresh.filter((d) => d.group === 'nodes' && !known.has(d.data.id as string));
  const isNet = (d: ElementDefinition): boolean => (d.classes as string).includes('net');
  // networks that already have placed containers, then the other networks, then containers
  const order = [
    ...nodes.filter((d) => isNet(d) && centroid(d.data.id as string)),
    ...nodes.filter((d) => isNet(d) && !centroid(d.data.id as string)),
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

/** Rows for `count` nodes without edges under what was laid out (its left edge `x1`, its bottom `y2`). */
export function lineUp(count: number, x1: number, y2: number): Point[] {
  const perRow = Math.max(8, Math.ceil(Math.sqrt(count * 4)));
  return Array.from({ length: count }, (_, i): Point => [x1 + (i % perRow) * 100, y2 + 90 + Math.floor(i / perRow) * 70]);
}

/** The zoom and pan that fit these positions in a `w`×`h` view (from positions only: no label measuring). */
export function fitView(points: Iterable<Point>, w: number, h: number, minZoom: number): { zoom: number; pan: { x: number; y: number } } | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [x, y] of points) {
    x1 = Math.min(x1, x);
    x2 = Math.max(x2, x);
    y1 = Math.min(y1, y);
    y2 = Math.max(y2, y);
  }
  if (!Number.isFinite(x1)) return undefined;
  const pad = 70; // room for the node sizes and their labels
  const zoom = Math.max(minZoom, Math.min(2, (w - 2 * pad) / Math.max(1, x2 - x1), (h - 2 * pad) / Math.max(1, y2 - y1)));
  return { zoom, pan: { x: (w - zoom * (x1 + x2)) / 2, y: (h - zoom * (y1 + y2)) / 2 } };
}

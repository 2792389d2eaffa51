// The quick first layout of a big map: each network is a hub with the containers that live on it around it in rings,
// and the hubs are packed in rows, the busiest first. It is linear in the size of the graph (a force-directed layout
// of 300 networks × 1000 containers costs seconds of the page's only thread), and it reads well for what people look
// at first: which containers are on which network. A container on several networks sits with the network it has the
// most company on, its other edges drawn across. The force-directed layout stays one click away (Re-layout).
import type { TopologyGraph } from '../../protocol/topology';
import { conKey, netKey } from './mapDiff';
import type { Point } from './mapPlacement';

/** Distance between rings and between neighbours on a ring (a container's disc and its name fit). */
const RING_STEP = 46;
/** Gap between two hubs' areas. */
const HUB_GAP = 60;
/** Radius of the first ring (the hub itself sits in the middle). */
const FIRST_RING = 60;

/** Positions by element id (netKey / conKey) for every node that has an edge; nodes without one are left out. */
export function hubLayout(graph: TopologyGraph): Map<string, Point> {
  const members = new Map<string, string[]>();
  for (const n of graph.networks) members.set(n.id, []);
  const networksOf = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!members.has(e.n)) continue;
    const l = networksOf.get(e.c);
    if (l) l.push(e.n);
    else networksOf.set(e.c, [e.n]);
  }
  // each container's home: the network with the most containers among its networks (ties: the first edge)
  const degree = new Map<string, number>();
  for (const e of graph.edges) degree.set(e.n, (degree.get(e.n) ?? 0) + 1);
  const size = (id: string): number => degree.get(id) ?? 0;
  for (const [c, nets] of networksOf) {
    let home = nets[0];
    for (const n of nets) if (size(n) > size(home)) home = n;
    members.get(home)!.push(c);
  }
  const hubs = graph.networks
    .filter((n) => (degree.get(n.id) ?? 0) > 0)
    .map((n) => ({ id: n.id, around: members.get(n.id)!, radius: ringsRadius(members.get(n.id)!.length) }))
    .sort((a, b) => b.around.length - a.around.length || a.id.localeCompare(b.id));
  const out = new Map<string, Point>();
  const area = hubs.reduce((s, h) => s + (2 * h.radius + HUB_GAP) ** 2, 0);
  const rowWidth = Math.max(600, Math.sqrt(area) * 1.4);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const h of hubs) {
    const d = 2 * h.radius + HUB_GAP;
    if (x > 0 && x + d > rowWidth) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const cx = x + d / 2;
    const cy = y + d / 2;
    out.set(netKey(h.id), [cx, cy]);
    ring(h.around, cx, cy, (id, p) => out.set(conKey(id), p));
    x += d;
    rowHeight = Math.max(rowHeight, d);
  }
  return out;
}

/** The radius the rings of `count` containers take. */
function ringsRadius(count: number): number {
  let r = FIRST_RING;
  let left = count;
  while (left > 0) {
    left -= perRing(r);
    if (left > 0) r += RING_STEP;
  }
  return count === 0 ? FIRST_RING / 2 : r;
}

function perRing(r: number): number {
  return Math.max(6, Math.floor((2 * Math.PI * r) / RING_STEP));
}

/** Puts `ids` on rings around (cx, cy), the inner rings full first. */
function ring(ids: readonly string[], cx: number, cy: number, put: (id: string, p: Point) => void): void {
  let r = FIRST_RING;
  let i = 0;
  while (i < ids.length) {
    const n = Math.min(perRing(r), ids.length - i);
    for (let k = 0; k < n; k++) {
      const a = (2 * Math.PI * k) / n + (r / RING_STEP) * 0.5; // each ring turned a little: no radial lines
      put(ids[i + k], [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
    i += n;
    r += RING_STEP;
  }
}

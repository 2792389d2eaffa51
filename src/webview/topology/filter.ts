// The map's search: which networks and containers a query names. Pure (no DOM), so the unit tests run it.
//
// A query is words separated by spaces; an item matches when every word does (case-insensitive):
//   word          a substring of the name, the image, the driver, a subnet, the state, or a label's key or value
//   key=value     a label whose key is `key` and whose value contains `value` (`key=` : the label exists)
// What a match keeps in view: a matched container keeps its networks, a matched network keeps its containers.
import type { TopoContainer, TopoNetwork, TopologyGraph } from '../../protocol/topology';

interface Word {
  key?: string;
  text: string;
}

export function parseQuery(query: string): Word[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean).map((w) => {
    const eq = w.indexOf('=');
    return eq > 0 ? { key: w.slice(0, eq), text: w.slice(eq + 1) } : { text: w };
  });
}

function labelsMatch(labels: Record<string, string> | undefined, w: Word): boolean {
  if (!labels) return false;
  for (const [k, v] of Object.entries(labels)) {
    const key = k.toLowerCase();
    const value = v.toLowerCase();
    if (w.key !== undefined ? key === w.key && value.includes(w.text) : key.includes(w.text) || value.includes(w.text)) return true;
  }
  return false;
}

function wordMatches(fields: (string | undefined)[], labels: Record<string, string> | undefined, w: Word): boolean {
  if (w.key !== undefined) return labelsMatch(labels, w);
  return fields.some((f) => f !== undefined && f.toLowerCase().includes(w.text)) || labelsMatch(labels, w);
}

export function containerMatches(c: TopoContainer, words: Word[]): boolean {
  return words.every((w) => wordMatches([c.name, c.image, c.state, c.mode], c.labels, w));
}

export function networkMatches(n: TopoNetwork, words: Word[]): boolean {
  return words.every((w) => wordMatches([n.name, n.driver, ...(n.subnets ?? [])], n.labels, w));
}

export interface FilterResult {
  /** Ids of the networks and containers the query names. */
  matched: Set<string>;
  /** Matched ids plus what they keep in view (a container's networks, a network's containers). */
  shown: Set<string>;
  /** Containers that match, in the graph's (name) order. */
  containers: TopoContainer[];
}

/** undefined for an empty query: nothing is filtered. */
export function filterGraph(graph: TopologyGraph, query: string): FilterResult | undefined {
  const words = parseQuery(query);
  if (words.length === 0) return undefined;
  const matched = new Set<string>();
  const containers = graph.containers.filter((c) => containerMatches(c, words));
  for (const c of containers) matched.add(c.id);
  for (const n of graph.networks) if (networkMatches(n, words)) matched.add(n.id);
  const shown = new Set(matched);
  for (const e of graph.edges) {
    if (matched.has(e.c) || matched.has(e.n)) {
      shown.add(e.c);
      shown.add(e.n);
    }
  }
  return { matched, shown, containers };
}

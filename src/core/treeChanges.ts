// What a new snapshot changes in the Networks view, so the view redraws only that: the list of networks (a network
// came or went, which redraws the top level), or the networks whose own row or containers changed (each redrawn
// alone, with its children). A change to one container then costs the networks it is on, not all of them.
import type { NetworkView, Snapshot } from './model';

/** A network's content, as a string that differs exactly when anything shown for it or its containers differs. */
export type Signatures = ReadonlyMap<string, string>;

export function signaturesOf(snapshot: Snapshot): Map<string, string> {
  return new Map(snapshot.networks.map((n) => [n.id, signature(n)]));
}

function signature(n: NetworkView): string {
  return JSON.stringify(n);
}

export interface TreeChange {
  /** The list of networks itself changed (or there was none before): redraw from the top. */
  all: boolean;
  /** Otherwise: the networks to redraw, in snapshot order. */
  networks: string[];
}

export function treeChange(before: Signatures | undefined, after: Signatures): TreeChange {
  if (!before || before.size !== after.size) return { all: true, networks: [] };
  const a = [...before.keys()];
  const b = [...after.keys()];
  if (a.some((id, i) => b[i] !== id)) return { all: true, networks: [] };
  return { all: false, networks: b.filter((id) => before.get(id) !== after.get(id)) };
}

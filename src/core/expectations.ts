// What engine events say must be true, checked against the snapshots that follow. The engine emits a network
// event before `GET /containers/json` shows the change (measured: most lists read right after a connect or
// disconnect event were still stale), so a rebuild can miss what its own event announced. The live model uses
// this to re-check, instead of leaving the tree stale until some later event.
import type { Snapshot } from './model';

/** The fields of an engine event this needs (structurally the Engine API's event message). */
export interface EventFacts {
  Type: string;
  Action: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export class Expectations {
  /** key → whether the thing must be present */
  private readonly expected = new Map<string, boolean>();

  note(e: EventFacts): void {
    const id = e.Actor?.ID ?? '';
    if (!id) return;
    const container = e.Actor?.Attributes?.container;
    if (e.Type === 'network') {
      if ((e.Action === 'connect' || e.Action === 'disconnect') && container) this.expected.set(`on ${container} ${id}`, e.Action === 'connect');
      else if (e.Action === 'create' || e.Action === 'destroy') this.expected.set(`net ${id}`, e.Action === 'create');
    } else if (e.Type === 'container' && (e.Action === 'create' || e.Action === 'destroy')) {
      this.expected.set(`ctr ${id}`, e.Action === 'create');
    }
  }

  /** What is expected now; take it when a rebuild starts, and give it back to `settle` with that rebuild's result. */
  pending(): Map<string, boolean> {
    return new Map(this.expected);
  }

  /** Forgets what the snapshot shows; true when something asked before it was taken is still missing. */
  settle(s: Snapshot, asked: Map<string, boolean>): boolean {
    let missing = false;
    for (const [key, want] of asked) {
      if (this.expected.get(key) !== want) continue; // superseded by a later event
      if (holds(s, key, want)) this.expected.delete(key);
      else missing = true;
    }
    return missing;
  }

  /** What to read again to re-check what is still expected: the containers and networks its keys name. */
  subjects(): { containers: string[]; networks: string[] } {
    const containers = new Set<string>();
    const networks = new Set<string>();
    for (const key of this.expected.keys()) {
      const [kind, a] = key.split(' ');
      (kind === 'net' ? networks : containers).add(a);
    }
    return { containers: [...containers], networks: [...networks] };
  }

  clear(): void {
    this.expected.clear();
  }
}

function holds(s: Snapshot, key: string, want: boolean): boolean {
  const [kind, a, b] = key.split(' ');
  if (kind === 'on') {
    // A stopped container keeps its networks in the list (without addresses): its disconnect shows as not running.
    const on = s.networks.find((n) => n.id === b)?.attachments.find((x) => x.containerId === a);
    return want ? on !== undefined : on?.state !== 'running';
  }
  if (kind === 'net') return s.networks.some((n) => n.id === a) === want;
  return s.containers.some((c) => c.Id === a) === want;
}

// Which reads bring the live model up to date after a batch of engine events. Each event names what it changed:
// a container event its container, a network connect/disconnect the container it moved (its list entry carries
// its networks), a network create/update that network. Destroyed things need no read. A batch that names more
// than PATCH_LIMIT objects, or a Swarm service event (a service touches VIPs on many networks and the services
// list), is read in full instead.
import type { EventFacts } from './expectations';

/**
 * Above this many objects to re-read, one full snapshot. Measured at 1000 containers: a full snapshot costs
 * 80–170 ms, a targeted container read 2.5 ms and a network inspect 7.7 ms. Container reads of a batch share one
 * filtered list call, network reads are one inspect each (in parallel); 20 inspects cost about what a full
 * snapshot does, and a batch that large is a `compose up/down`, which changes most of the picture anyway.
 */
export const PATCH_LIMIT = 20;

/** What to do with each id: read it again, or forget it (its destroy event said it is gone). */
export interface Reads {
  read: string[];
  drop: string[];
}

export type FullReason = 'service' | 'unknown' | 'many';

export type Plan =
  | { kind: 'none' }
  | { kind: 'full'; reason: FullReason }
  | { kind: 'patch'; containers: Reads; networks: Reads; services: boolean };

type Action = 'read' | 'drop';

export class ChangeBatch {
  private containers = new Map<string, Action>();
  private networks = new Map<string, Action>();
  /** Networks a connect/disconnect named: read too when the model does not know them yet. */
  private mentioned = new Set<string>();
  private services = false;
  private full?: FullReason;

  get empty(): boolean {
    return !this.full && !this.services && this.containers.size === 0 && this.networks.size === 0;
  }

  add(e: EventFacts): void {
    const id = e.Actor?.ID ?? '';
    if (e.Type === 'service') return this.fullFor('service');
    if (!id) return this.fullFor('unknown');
    if (e.Type === 'container') {
      this.containers.set(id, e.Action === 'destroy' ? 'drop' : 'read');
      return;
    }
    if (e.Type !== 'network') return;
    const container = e.Actor?.Attributes?.container;
    if ((e.Action === 'connect' || e.Action === 'disconnect') && container) {
      this.container(container);
      this.mentioned.add(id);
    } else if (e.Action === 'create' || e.Action === 'update') {
      this.networks.set(id, 'read');
    } else if (e.Action === 'destroy' || e.Action === 'remove') {
      this.networks.set(id, 'drop');
    } else if (e.Action !== 'prune') {
      // prune is followed by a destroy per network; anything else is not understood: read everything
      this.fullFor('unknown');
    }
  }

  /** Reads this container again (unless the batch already knows it is gone). */
  container(id: string): void {
    if (this.containers.get(id) !== 'drop') this.containers.set(id, 'read');
  }

  network(id: string): void {
    if (this.networks.get(id) !== 'drop') this.networks.set(id, 'read');
  }

  /** Reads the services list again (a Swarm manager's, after it failed). */
  servicesToo(): void {
    this.services = true;
  }

  /**
   * What the batch asks for; the batch starts empty again. `known` says whether the model has a network, so a
   * connect to a network it has never seen also reads that network.
   */
  take(known: (networkId: string) => boolean, limit = PATCH_LIMIT): Plan {
    for (const id of this.mentioned) if (!known(id) && !this.networks.has(id)) this.networks.set(id, 'read');
    const plan = this.plan(limit);
    this.containers = new Map();
    this.networks = new Map();
    this.mentioned = new Set();
    this.services = false;
    this.full = undefined;
    return plan;
  }

  private plan(limit: number): Plan {
    if (this.full) return { kind: 'full', reason: this.full };
    if (this.empty) return { kind: 'none' };
    const containers = split(this.containers);
    const networks = split(this.networks);
    if (containers.read.length + networks.read.length > limit) return { kind: 'full', reason: 'many' };
    return { kind: 'patch', containers, networks, services: this.services };
  }

  private fullFor(reason: FullReason): void {
    this.full ??= reason;
  }
}

function split(actions: Map<string, Action>): Reads {
  const reads: Reads = { read: [], drop: [] };
  for (const [id, action] of actions) reads[action].push(id);
  return reads;
}

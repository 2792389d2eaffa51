// The engine's lists as the live model last read them (networks and containers by id, a Swarm manager's services),
// patched by targeted reads. Full and patched snapshots both come out of `snapshotOf`, the same join, so a patched
// picture is built exactly like a fresh one.
import type { EngineError } from './errors';
import { joinSnapshot } from './join';
import type { RawContainer, RawNetwork, RawService, Snapshot } from './model';
import { withServices } from './services';

/** What one full read returns: both lists, and on a Swarm manager the services (or why they could not be read). */
export interface RawLists {
  networks: RawNetwork[];
  containers: RawContainer[];
  services?: RawService[];
  servicesError?: EngineError;
}

export function snapshotOf(lists: RawLists, api: string | undefined): Snapshot {
  const joined: Snapshot = { ...joinSnapshot(lists.networks, lists.containers), api };
  const full = lists.services ? withServices(joined, lists.services) : joined;
  return lists.servicesError ? { ...full, partial: [{ part: 'services', error: lists.servicesError }] } : full;
}

/** Fields `GET /networks/{id}` has and `GET /networks` lacks (every container's endpoint, swarm services, IPAM use). */
const INSPECT_ONLY = ['Containers', 'Services', 'Status'] as const;

/** A network inspect as the list call shows it. */
export function asListed(inspected: RawNetwork): RawNetwork {
  const listed: RawNetwork & Partial<Record<(typeof INSPECT_ONLY)[number], unknown>> = { ...inspected };
  for (const key of INSPECT_ONLY) delete listed[key];
  return listed;
}

export class RawState {
  private networks: Map<string, RawNetwork>;
  /** In the engine's order (newest first), so the snapshot's container list reads like a fresh one. */
  private containers: Map<string, RawContainer>;
  private services?: RawService[];
  private servicesError?: EngineError;

  constructor(lists: RawLists) {
    this.networks = new Map(lists.networks.map((n) => [n.Id, n]));
    this.containers = new Map(lists.containers.map((c) => [c.Id, c]));
    this.services = lists.services;
    this.servicesError = lists.servicesError;
  }

  hasNetwork(id: string): boolean {
    return this.networks.has(id);
  }

  /** The answer of a filtered container list: what it found replaces what we had, the rest asked for is gone. */
  putContainers(asked: string[], found: RawContainer[]): void {
    const seen = new Set(found.map((c) => c.Id));
    for (const id of asked) if (!seen.has(id)) this.containers.delete(id);
    const fresh: [string, RawContainer][] = [];
    for (const c of found) {
      if (this.containers.has(c.Id)) this.containers.set(c.Id, c);
      else fresh.push([c.Id, c]);
    }
    if (fresh.length) this.containers = new Map([...fresh, ...this.containers]);
  }

  dropContainer(id: string): void {
    this.containers.delete(id);
  }

  /** A network as read again, or undefined when the engine no longer has it. */
  putNetwork(id: string, network: RawNetwork | undefined): void {
    if (network) this.networks.set(id, asListed(network));
    else this.networks.delete(id);
  }

  dropNetwork(id: string): void {
    this.networks.delete(id);
  }

  /** The services list as read again, or why it could not be (the snapshot is then partial). */
  setServices(services: RawService[] | undefined, error?: EngineError): void {
    this.services = services;
    this.servicesError = error;
  }

  get servicesFailed(): boolean {
    return this.servicesError !== undefined;
  }

  snapshot(api: string | undefined): Snapshot {
    return snapshotOf({
      networks: [...this.networks.values()],
      containers: [...this.containers.values()],
      services: this.services,
      servicesError: this.servicesError,
    }, api);
  }
}

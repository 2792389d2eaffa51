// A full snapshot is exactly two list calls made in parallel and joined in memory: `GET /networks` no longer
// lists containers (API >= 1.28), but every container lists its networks. The targeted reads the live model
// patches it with (one container list filtered by id, one network inspect) live here too.
import type Docker from 'dockerode';
import { classifyError } from '../core/errors';
import type { RawContainer, RawNetwork, RawService, Snapshot } from '../core/model';
import { snapshotOf, type RawLists } from '../core/rawState';
import type { Engine } from './client';

/**
 * Both lists, in parallel. `onNetworks` hears the network list as soon as it answers, before the container list
 * (a first paint can draw the networks while the longer list is still on its way).
 */
export async function listRaw(engine: Engine, onNetworks?: (networks: RawNetwork[]) => void): Promise<{ networks: RawNetwork[]; containers: RawContainer[] }> {
  // Both leave at once, beside the negotiation's ping when it is the first call (Engine.callEarly).
  const networksRead = engine.callEarly('list networks', (abortSignal) => engine.docker.listNetworks({ abortSignal })) as Promise<RawNetwork[]>;
  const containersRead = readContainers(engine);
  const [networks, containers] = await Promise.all([
    onNetworks ? networksRead.then((n) => (onNetworks(n), n)) : networksRead,
    containersRead,
  ]);
  return { networks, containers };
}

/** Every container, or (`ids`) only those: `GET /containers/json?all=1&filters={"id":[…]}`, one call for all. */
export async function readContainers(engine: Engine, ids?: string[]): Promise<RawContainer[]> {
  const filters = ids ? { filters: { id: ids } } : {};
  const action = ids ? `list containers ${ids.map((id) => id.slice(0, 12)).join(', ')}` : 'list containers';
  return await engine.callEarly(action, (abortSignal) =>
    engine.docker.listContainers({ all: true, ...filters, abortSignal } as Docker.ContainerListOptions),
  ) as RawContainer[];
}

/** One network (`GET /networks/{id}`), or undefined when the engine no longer has it. */
export async function readNetwork(engine: Engine, id: string): Promise<RawNetwork | undefined> {
  try {
    return await engine.inspectNetwork(id) as RawNetwork;
  } catch (err) {
    if (classifyError(err).kind === 'notFound') return undefined;
    throw err;
  }
}

/**
 * A Swarm manager's services and their virtual IPs (`GET /services`). They are optional: when the call fails, the
 * answer says why (`servicesError`) and the rest of the snapshot stands without them.
 */
export function readServices(engine: Engine): Promise<Pick<RawLists, 'services' | 'servicesError'>> {
  return engine.call('list services', (abortSignal) => engine.docker.listServices({ abortSignal } as object) as Promise<RawService[]>)
    .then((services) => ({ services }), (err: unknown) => ({ servicesError: classifyError(err, { endpoint: engine.resolved.display }) }));
}

/** Both lists, and on a Swarm manager one more call for the services. */
export async function readLists(engine: Engine, options: { swarmManager?: boolean; onNetworks?: (networks: RawNetwork[]) => void } = {}): Promise<RawLists> {
  const [lists, services] = await Promise.all([listRaw(engine, options.onNetworks), options.swarmManager ? readServices(engine) : {}]);
  return { ...lists, ...services };
}

export async function takeSnapshot(engine: Engine, options: { swarmManager?: boolean } = {}): Promise<Snapshot> {
  return snapshotOf(await readLists(engine, options), engine.negotiated?.api);
}

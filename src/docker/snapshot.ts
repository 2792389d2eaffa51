// A full snapshot is exactly two list calls made in parallel and joined in memory: `GET /networks` no longer
// lists containers (API >= 1.28), but every container lists its networks.
import type Docker from 'dockerode';
import { joinSnapshot } from '../core/join';
import type { RawContainer, RawNetwork, RawService, Snapshot } from '../core/model';
import { withServices } from '../core/services';
import type { Engine } from './client';

export async function listRaw(engine: Engine): Promise<{ networks: RawNetwork[]; containers: RawContainer[] }> {
  const [networks, containers] = await Promise.all([
    engine.call('list networks', (abortSignal) => engine.docker.listNetworks({ abortSignal })),
    engine.call('list containers', (abortSignal) =>
      engine.docker.listContainers({ all: true, abortSignal } as Docker.ContainerListOptions),
    ),
  ]);
  return { networks: networks as RawNetwork[], containers: containers as RawContainer[] };
}

/** On a Swarm manager, one more list call adds the services and their virtual IPs. */
export async function takeSnapshot(engine: Engine, options: { swarmManager?: boolean } = {}): Promise<Snapshot> {
  const [{ networks, containers }, services] = await Promise.all([
    listRaw(engine),
    options.swarmManager
      ? engine.call('list services', (abortSignal) => engine.docker.listServices({ abortSignal } as object) as Promise<RawService[]>)
      : undefined,
  ]);
  const joined = { ...joinSnapshot(networks, containers), api: engine.negotiated?.api };
  return services ? withServices(joined, services) : joined;
}

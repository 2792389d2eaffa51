// Changes to the engine. Each action is one engine call or a sequence that undoes itself when a later
// step fails, so the user never ends up with half of what they asked for.
import type Docker from 'dockerode';
import type { StartedPorts } from '../core/publishAll';
import type { Engine } from './client';
import { classifyError } from '../core/errors';
import { swarmManagerFromPing } from '../core/apiVersion';
import { removeWhenBack } from './undoRun';

export interface EngineInfo {
  /** Network drivers the engine offers (plugins included), e.g. bridge, host, ipvlan, macvlan, null, overlay. */
  networkDrivers: string[];
  swarmManager: boolean;
  serverVersion: string;
  apiVersion?: string;
}

export async function engineInfo(engine: Engine): Promise<EngineInfo> {
  const info = await engine.call('read engine info', () => engine.docker.info() as Promise<{
    Plugins?: { Network?: string[] };
    Swarm?: { ControlAvailable?: boolean; LocalNodeState?: string };
    ServerVersion?: string;
  }>);
  return {
    networkDrivers: [...(info.Plugins?.Network ?? [])].sort(),
    swarmManager: info.Swarm?.ControlAvailable === true,
    serverVersion: info.ServerVersion ?? '',
  };
}

/** Is the engine a Swarm manager? `GET /_ping`'s Swarm header says so in a millisecond (API 1.42+); older engines: `GET /info`. */
export async function isSwarmManager(engine: Engine): Promise<boolean> {
  const fromPing = swarmManagerFromPing(await engine.call('ping', (abortSignal) => engine.pingHeaders(abortSignal), 5_000));
  return fromPing ?? (await engineInfo(engine)).swarmManager;
}

export interface LocalImage {
  id: string;
  tags: string[];
  size: number;
}

export async function listImages(engine: Engine): Promise<LocalImage[]> {
  const images = await engine.call('list images', (abortSignal) => engine.docker.listImages({ abortSignal } as Docker.ListImagesOptions));
  return images
    .map((i) => ({ id: i.Id, tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'), size: i.Size }))
    .sort((a, b) => (a.tags[0] ?? a.id).localeCompare(b.tags[0] ?? b.id));
}

export async function createNetwork(engine: Engine, body: Docker.NetworkCreateOptions): Promise<string> {
  const net = await engine.call(`create network ${body.Name}`, () => engine.docker.createNetwork(body));
  return net.id;
}

export async function connectContainer(engine: Engine, network: string, body: Docker.NetworkConnectOptions): Promise<void> {
  try {
    await engine.call(`connect ${String(body.Container)} to ${network}`, () => engine.docker.getNetwork(network).connect(body));
  } catch (err) {
    await clearFailedConnect(engine, network, String(body.Container)).catch(() => undefined);
    throw err;
  }
}

/**
 * Engine 20.10 writes the network into a running container's settings before it creates the endpoint, and leaves it
 * there when that fails (a static address already in use, outside the subnet…): the container then tries that
 * address again at its next start, and fails to start. Disconnect cannot clear it while the container runs ("not
 * connected"); a plain connect (the engine picks an address) followed by a disconnect does. Nothing to do when the
 * failed connect left no such entry (newer engines, or failures before that point).
 */
async function clearFailedConnect(engine: Engine, network: string, container: string): Promise<void> {
  const info = await engine.inspectContainer(container);
  if (!info.State.Running) return;
  const name = (await engine.inspectNetwork(network)).Name;
  const entry = info.NetworkSettings.Networks[name];
  if (entry === undefined || entry.EndpointID) return;
  await engine.call(`connect ${container} to ${name} to clear a failed connect`, () => engine.docker.getNetwork(name).connect({ Container: container }));
  await disconnectContainer(engine, name, container);
}

export async function disconnectContainer(engine: Engine, network: string, container: string, force = false): Promise<void> {
  await engine.call(`disconnect ${container} from ${network}`, () =>
    engine.docker.getNetwork(network).disconnect({ Container: container, Force: force }),
  );
}

export async function removeNetwork(engine: Engine, network: string): Promise<void> {
  await engine.call(`remove network ${network}`, () => engine.docker.getNetwork(network).remove());
}

/** `docker network prune`: returns the names the engine actually deleted. */
export async function pruneNetworks(engine: Engine, filters: { label?: string[]; until?: string }): Promise<string[]> {
  const f: Record<string, string[]> = {};
  if (filters.label?.length) f.label = filters.label;
  if (filters.until) f.until = [filters.until];
  const res: { NetworksDeleted?: string[] | null } = await engine.call('prune networks', () =>
    engine.docker.pruneNetworks({ filters: f }),
  );
  return res.NetworksDeleted ?? [];
}

/**
 * `docker run -d`: create, then start. When start fails (address in use, port taken…) the created container
 * is removed again, so a failed run leaves nothing behind.
 */
export async function runContainer(engine: Engine, body: Docker.ContainerCreateOptions): Promise<string> {
  const container = await engine.call(`create container ${body.name ?? ''}`.trim(), () => engine.docker.createContainer(body));
  try {
    await engine.call(`start container ${body.name ?? container.id.slice(0, 12)}`, () => container.start());
  } catch (err) {
    await engine.call('remove the container that failed to start', () => container.remove({ force: true }))
      // The engine went away between create and start: the undo cannot reach it now, so it is tried again until
      // the engine answers (src/docker/undoRun.ts), rather than leaving half of a Run behind.
      .catch(() => void removeWhenBack(engine, container.id));
    throw err;
  }
  return container.id;
}

/** The ports a local image exposes (its Config.ExposedPorts: EXPOSE), or undefined when the engine has no such image. */
export async function imageExposedPorts(engine: Engine, image: string): Promise<string[] | undefined> {
  try {
    const info = await engine.call(`inspect image ${image}`, () => engine.docker.getImage(image).inspect());
    return Object.keys(info.Config?.ExposedPorts ?? {}).sort();
  } catch (err) {
    if (classifyError(err).kind === 'notFound') return undefined;
    throw err;
  }
}

/** The ports of a started container as its inspect says (what `-P` bound is known only once it has started). */
export async function startedPorts(engine: Engine, id: string): Promise<StartedPorts> {
  const info = await engine.inspectContainer(id);
  return { exposed: Object.keys(info.Config.ExposedPorts ?? {}), bound: info.NetworkSettings.Ports ?? {} };
}

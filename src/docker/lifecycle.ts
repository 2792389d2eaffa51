// Starting a container: Explain Reachability's fix for a stopped source or target (after the user confirmed).
import type { Engine } from './client';

/** `docker start`: the engine answers 304 (no error) when it already runs. */
export async function startContainer(engine: Engine, containerId: string): Promise<void> {
  await engine.call(`start container ${containerId.slice(0, 12)}`, () => engine.docker.getContainer(containerId).start());
}

// The hook for the host's routes, which "Suggest a free subnet" avoids on an engine of this machine (moby checks new
// subnets against the host's routes too). Reading the routing table belongs to the host-route reader, made in a branch
// of its own: it plugs in here. Until then no route is known, and the suggestion avoids the engine's networks only.
import type { Connection } from '../connection';
import type { Route } from '../../core/suggestions';

/** Whether the engine runs on this machine (a Unix socket or a named pipe): only then are our routes its routes. */
export function engineIsLocal(connection: Pick<Connection, 'endpoint'>): boolean {
  const kind = connection.endpoint?.endpoint.kind;
  return kind === 'unix' || kind === 'npipe';
}

/** The routes of the engine's host, when that host is this machine; none otherwise (and none until the reader lands). */
export async function hostRoutesFor(connection: Pick<Connection, 'endpoint'>): Promise<Route[]> {
  if (!engineIsLocal(connection)) return [];
  return [];
}

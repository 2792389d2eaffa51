// The host's routes that "Suggest a free subnet" avoids on an engine of this machine (moby checks new subnets against
// the host's routes too): read by the host-route reader (src/host/hostNet.ts), minus the bridges of the engine's own
// networks (their subnets are the networks', which the suggestion avoids already, named as networks).
import type { Connection } from '../connection';
import { ownInterfaces } from '../../core/hostRoutes';
import type { Route } from '../../core/suggestions';
import { hostNetOf } from '../hostNet';

/** The routes of the engine's host, when that host is this machine; none for an engine elsewhere. */
export async function hostRoutesFor(connection: Connection): Promise<Route[]> {
  const state = await hostNetOf(connection).fresh();
  if (!state.available) return [];
  const s = connection.state;
  const own = new Set((s.kind === 'connected' ? s.snapshot.networks : []).flatMap((n) => [...ownInterfaces(n)]));
  const routes = state.facts.routes.filter((r) => r.family === 'ipv4' && !own.has(r.iface)).map((r) => ({ destination: r.cidr, device: r.iface }));
  const addresses = state.facts.addresses.filter((a) => a.family === 'ipv4' && !own.has(a.iface) && a.iface !== 'lo')
    .map((a) => ({ destination: `${a.address}/${a.prefix}`, device: a.iface }));
  return [...routes, ...addresses];
}

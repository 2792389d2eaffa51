// Which of a container's networks gives it its default route, by moby's rule (daemon/libnetwork sandbox.go
// Endpoint.Less, default_gateway.go getGatewayEndpoint): endpoints sort by GwPriority, highest first; then an
// endpoint on docker_gwbridge (the Swarm gateway network) after the others; then internal networks after the
// others; then endpoints with both an IPv4 and an IPv6 gateway, then one, then none; then by network name (byte
// order). The first endpoint with an IPv4 gateway gives the IPv4 default route, the first with an IPv6 gateway the
// IPv6 one; host and none never do.
import * as l10n from '@vscode/l10n';
import type { NetworkView, RawEndpoint } from './model';

export interface RouteCandidate {
  network: string;
  driver?: string;
  /** GwPriority; 0 when the engine does not say. */
  priority: number;
  internal: boolean;
  /** The endpoint has an IPv4 gateway (`Gateway` in the engine's endpoint settings). */
  ipv4Gateway: boolean;
  ipv6Gateway: boolean;
}

export interface DefaultRoute {
  ipv4?: RouteCandidate;
  ipv6?: RouteCandidate;
}

/** The Swarm's gateway network, which gives a default route only when nothing else does. */
const GATEWAY_NETWORK = 'docker_gwbridge';

function gatewayCount(c: RouteCandidate): number {
  return Number(c.ipv4Gateway) + Number(c.ipv6Gateway);
}

/** moby's Endpoint.Less as a comparator: better candidates for the default gateway first. */
export function compareRouteCandidates(a: RouteCandidate, b: RouteCandidate): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const gwA = a.network === GATEWAY_NETWORK;
  const gwB = b.network === GATEWAY_NETWORK;
  if (gwA !== gwB) return gwA ? 1 : -1;
  if (a.internal !== b.internal) return a.internal ? 1 : -1;
  const countA = gatewayCount(a);
  const countB = gatewayCount(b);
  if (countA !== countB) return countB - countA;
  return a.network < b.network ? -1 : a.network > b.network ? 1 : 0;
}

/** A candidate from an endpoint of `docker inspect` and its network's view (internal, driver), when known. */
export function routeCandidate(network: string, ep: RawEndpoint, view: Pick<NetworkView, 'driver' | 'internal'> | undefined): RouteCandidate {
  return {
    network, driver: view?.driver, priority: ep.GwPriority ?? 0, internal: view?.internal ?? false,
    ipv4Gateway: !!ep.Gateway, ipv6Gateway: !!ep.IPv6Gateway,
  };
}

/** The families whose default route goes through `network`. */
export function routeFamilies(route: DefaultRoute, network: string): Array<'IPv4' | 'IPv6'> {
  const out: Array<'IPv4' | 'IPv6'> = [];
  if (route.ipv4?.network === network) out.push('IPv4');
  if (route.ipv6?.network === network) out.push('IPv6');
  return out;
}

/** The endpoints giving the IPv4 and IPv6 default routes, if any. */
export function defaultRoute(candidates: readonly RouteCandidate[]): DefaultRoute {
  const sorted = candidates.filter((c) => c.driver !== 'null' && c.driver !== 'host').sort(compareRouteCandidates);
  const out: DefaultRoute = {};
  const ipv4 = sorted.find((c) => c.ipv4Gateway);
  const ipv6 = sorted.find((c) => c.ipv6Gateway);
  if (ipv4) out.ipv4 = ipv4;
  if (ipv6) out.ipv6 = ipv6;
  return out;
}

/** "IPv4 and IPv6 via my-net (gateway priority 10)", "IPv4 via a, IPv6 via b", or that there is none. */
export function describeDefaultRoute(route: DefaultRoute): string {
  const via = (c: RouteCandidate): string => (c.priority !== 0
    ? l10n.t('{0} (gateway priority {1})', c.network, c.priority)
    : c.network);
  const { ipv4, ipv6 } = route;
  if (ipv4 && ipv6 && ipv4.network === ipv6.network) return l10n.t('IPv4 and IPv6 via {0}', via(ipv4));
  const parts: string[] = [];
  if (ipv4) parts.push(l10n.t('IPv4 via {0}', via(ipv4)));
  if (ipv6) parts.push(l10n.t('IPv6 via {0}', via(ipv6)));
  return parts.length > 0 ? parts.join(', ') : l10n.t('none: no network of the container has a gateway');
}

// The engine's published ports and what stands in their way. A running container's bindings come from the list call
// (the ports the engine really bound, random ones included); a stopped one's from its HostConfig.PortBindings (what
// it will ask for at start), which the host reads with one inspect per stopped container. Pure.
//
// Conflicts:
// - two containers whose bindings meet (same protocol and host port, addresses equal or one a wildcard): a stopped
//   one cannot start while the running one holds the port; two stopped ones cannot run at the same time;
// - a process of this machine listening on the port (from /proc/net/tcp{,6}, only for an engine on this machine).
//   A running container's binding is itself in that table when the userland proxy (docker-proxy) holds it: a
//   listener at exactly a running binding's address and port is that container's own (only one socket can bind an
//   address and port, so it cannot be anyone else's), and is never reported.
import type { Listener } from './procNet';
import { parseIp } from './validate/common';
import { containerName } from './join';
import { defaultRoute, routeCandidate } from './defaultRoute';
import type { NetworkView, RawContainer, Snapshot } from './model';

/** HostConfig.PortBindings of an inspect: `"80/tcp": [{ HostIp, HostPort }]`. */
export type RawPortBindings = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null | undefined>;

/** A key of ExposedPorts, PortBindings and NetworkSettings.Ports (`80/tcp`, `53/udp`; without a protocol, tcp). */
export function splitPortKey(key: string): { port: string; protocol: string } {
  const [port, protocol = 'tcp'] = key.split('/');
  return { port, protocol };
}

export interface PortBinding {
  containerId: string;
  containerName: string;
  state: string;
  running: boolean;
  /** As bound or asked for; '' is every address of the host (a request not bound yet). */
  hostIp: string;
  /** The host port, when it is one known number (not a random port, not a range). */
  hostPort?: number;
  /** What was asked for when it is not one number: '' (random at start) or a range `8000-8010`. */
  hostPortText: string;
  containerPort: number;
  protocol: string;
  /** The network that carries it: the container's default-route network for the binding's family. */
  network?: { id: string; name: string; address?: string };
}

export type ConflictKind = 'bothRunning' | 'willClash' | 'blocksStart' | 'onlyOneRuns' | 'hostProcess';

export interface PortConflict {
  kind: ConflictKind;
  other?: { id: string; name: string };
  listener?: Listener;
}

/** Two host addresses can take the same port: equal, or one is every address ('' or the family's wildcard). */
export function addressesMeet(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return true;
  const pa = parseIp(a);
  const pb = parseIp(b);
  if (!pa || !pb || pa.family !== pb.family) return false;
  if (pa.text === pb.text) return true;
  return pa.addr.range() === 'unspecified' || pb.addr.range() === 'unspecified';
}

/** A listener takes a binding's port. `::` may be dual-stack (IPV6_V6ONLY off, /proc does not say): it meets IPv4 too. */
export function listenerMeets(l: Listener, hostIp: string, port: number): boolean {
  return l.port === port && (l.address === '::' || addressesMeet(hostIp, l.address));
}

/** Listeners that are not a running container's own binding (docker-proxy's socket for it). */
export function foreignListeners(listeners: readonly Listener[], containers: readonly RawContainer[]): Listener[] {
  const own = new Set<string>();
  for (const c of containers) {
    if (c.State !== 'running') continue;
    for (const p of c.Ports ?? []) {
      if (p.PublicPort === undefined || p.Type !== 'tcp') continue;
      const ip = parseIp(p.IP ?? '');
      if (ip) own.add(`${ip.text}/${p.PublicPort}`);
    }
  }
  return listeners.filter((l) => !own.has(`${parseIp(l.address)?.text ?? l.address}/${l.port}`));
}

function carrier(c: RawContainer, networks: readonly NetworkView[], family: 'ipv4' | 'ipv6'): PortBinding['network'] {
  const eps = Object.entries(c.NetworkSettings?.Networks ?? {});
  if (eps.length === 0) return undefined;
  const viewOf = (name: string, id?: string): NetworkView | undefined => networks.find((n) => n.id === id) ?? networks.find((n) => n.name === name);
  const route = defaultRoute(eps.map(([name, ep]) => routeCandidate(name, ep, viewOf(name, ep.NetworkID))));
  // A stopped container has no gateway yet: the order alone (priority, internal, name) says which network it will be.
  const chosen = (family === 'ipv6' ? route.ipv6 ?? route.ipv4 : route.ipv4 ?? route.ipv6)?.network
    ?? [...eps].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0][0];
  const ep = c.NetworkSettings?.Networks?.[chosen];
  const view = viewOf(chosen, ep?.NetworkID);
  if (!view || view.driver === 'host' || view.driver === 'null') return undefined;
  const address = family === 'ipv6' ? ep?.GlobalIPv6Address || ep?.IPAddress : ep?.IPAddress || ep?.GlobalIPv6Address;
  return address ? { id: view.id, name: view.name, address } : { id: view.id, name: view.name };
}

function familyOf(hostIp: string): 'ipv4' | 'ipv6' {
  return hostIp.includes(':') ? 'ipv6' : 'ipv4';
}

/** Every published port of the engine; `requested` holds the stopped containers' PortBindings (by container id). */
export function publishedPorts(snapshot: Pick<Snapshot, 'containers' | 'networks'>, requested: ReadonlyMap<string, RawPortBindings>): PortBinding[] {
  const out: PortBinding[] = [];
  for (const c of snapshot.containers) {
    const base = { containerId: c.Id, containerName: containerName(c), state: c.State, running: c.State === 'running' };
    if (base.running) {
      for (const p of c.Ports ?? []) {
        if (p.PublicPort === undefined) continue; // exposed, not published
        const hostIp = p.IP ?? '';
        out.push({
          ...base, hostIp, hostPort: p.PublicPort, hostPortText: String(p.PublicPort), containerPort: p.PrivatePort, protocol: p.Type,
          network: carrier(c, snapshot.networks, familyOf(hostIp)),
        });
      }
      continue;
    }
    for (const [key, list] of Object.entries(requested.get(c.Id) ?? {})) {
      const { port, protocol } = splitPortKey(key);
      const containerPort = Number(port);
      if (!Number.isInteger(containerPort)) continue;
      for (const b of list ?? []) {
        const hostIp = b.HostIp ?? '';
        const text = b.HostPort ?? '';
        const hostPort = /^[0-9]+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
        const binding: PortBinding = {
          ...base, hostIp, hostPortText: hostPort === undefined && text === '0' ? '' : text, containerPort, protocol,
          network: carrier(c, snapshot.networks, familyOf(hostIp)),
        };
        if (hostPort !== undefined) binding.hostPort = hostPort;
        out.push(binding);
      }
    }
  }
  return out.sort(comparePorts);
}

/** Every address first, then IPv4, then IPv6, each in address order. */
function addressKey(hostIp: string): string {
  const ip = parseIp(hostIp);
  if (!ip) return `0${hostIp}`;
  return ip.family === 'ipv4' ? `1${ip.addr.toByteArray().map((b) => String(b).padStart(3, '0')).join('.')}` : `2${ip.addr.toByteArray().map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By host port (random ports last), protocol, host address, container name, container port. */
function comparePorts(a: PortBinding, b: PortBinding): number {
  return (a.hostPort ?? 65536) - (b.hostPort ?? 65536) || byText(a.protocol, b.protocol) || byText(addressKey(a.hostIp), addressKey(b.hostIp))
    || byText(a.containerName, b.containerName) || a.containerPort - b.containerPort;
}

function clashKind(self: PortBinding, other: PortBinding): ConflictKind {
  if (self.running && other.running) return 'bothRunning';
  if (self.running) return 'blocksStart';
  return other.running ? 'willClash' : 'onlyOneRuns';
}

/**
 * The conflicts of each binding (same order as `bindings`). `listeners` are this machine's listening TCP sockets
 * (already without the running containers' own: foreignListeners); undefined when they cannot be known.
 */
export function portConflicts(bindings: readonly PortBinding[], listeners: readonly Listener[] | undefined): PortConflict[][] {
  return bindings.map((b) => {
    const found: PortConflict[] = [];
    const seen = new Set<string>();
    if (b.hostPort === undefined) return found; // a random port (or a range): the engine picks a free one
    for (const o of bindings) {
      if (o.containerId === b.containerId || o.hostPort !== b.hostPort || o.protocol !== b.protocol || !addressesMeet(o.hostIp, b.hostIp)) continue;
      const kind = clashKind(b, o);
      if (seen.has(`${kind}/${o.containerId}`)) continue; // the same container on 0.0.0.0 and [::]
      seen.add(`${kind}/${o.containerId}`);
      found.push({ kind, other: { id: o.containerId, name: o.containerName } });
    }
    if (b.protocol === 'tcp') {
      for (const l of listeners ?? []) {
        if (listenerMeets(l, b.hostIp, b.hostPort)) found.push({ kind: 'hostProcess', listener: l });
      }
    }
    return found;
  });
}

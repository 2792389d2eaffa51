// What the Published Ports panel shows: one row per binding, host side first, with its exposure and conflicts in
// words. Pure: the host gathers the snapshot, the stopped containers' PortBindings and (engine on this machine) the
// listening sockets; the webview renders this as it is.
import * as l10n from '@vscode/l10n';
import type { Listener } from './procNet';
import { parseIp } from './validate/common';
import { portConflicts, type ConflictKind, type PortBinding } from './ports';

export type Exposure = 'all' | 'loopback' | 'address';

export interface PortRowState {
  /** Stable across pictures (ids of buttons). */
  key: string;
  /** `0.0.0.0:8080 → web:80/tcp` */
  mapping: string;
  host: string;
  target: string;
  container: { id: string; name: string; state: string };
  network?: { id: string; name: string; address?: string };
  exposure: Exposure;
  exposureText: string;
  conflicts: { kind: ConflictKind; text: string; otherId?: string }[];
}

export interface PortsState {
  engine: string;
  rows: PortRowState[];
  /** Whether this machine's listening sockets were compared, and what was read (or why not). */
  hostChecks: { available: boolean; text: string };
  /** Stopped containers whose requested bindings could not be read. */
  unread: string[];
  summary: string;
}

/** Every address, loopback only, or one address of the host. */
export function exposureOf(hostIp: string): Exposure {
  if (hostIp === '') return 'all';
  const ip = parseIp(hostIp);
  if (!ip) return 'address';
  const range = ip.addr.range();
  if (range === 'unspecified') return 'all';
  if (range === 'loopback') return 'loopback';
  if (range === 'ipv4Mapped' && ip.addr.kind() === 'ipv6') {
    const v4 = (ip.addr as import('ipaddr.js').IPv6).toIPv4Address();
    return v4.range() === 'loopback' ? 'loopback' : v4.range() === 'unspecified' ? 'all' : 'address';
  }
  return 'address';
}

function exposureText(e: Exposure, hostIp: string): string {
  switch (e) {
    case 'all': return l10n.t('All interfaces ({0}): reachable from other machines. Docker\'s NAT rules bypass host firewalls such as ufw or firewalld, so their rules do not close it.', hostIp === '' ? l10n.t('every address') : hostIp);
    case 'loopback': return l10n.t('Loopback only ({0}): reachable from this machine only.', hostIp);
    case 'address': return l10n.t('Only {0}: reachable by whoever can reach that address of the host (Docker\'s NAT rules bypass host firewalls such as ufw).', hostIp);
  }
}

export function hostText(b: Pick<PortBinding, 'hostIp' | 'hostPortText'>): string {
  const port = b.hostPortText === '' ? l10n.t('(random port at start)') : b.hostPortText;
  if (b.hostIp === '') return `*:${port}`;
  return b.hostIp.includes(':') ? `[${b.hostIp}]:${port}` : `${b.hostIp}:${port}`;
}

function listenerText(l: Listener): string {
  return l.family === 'ipv6' ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`;
}

function conflictText(b: PortBinding, kind: ConflictKind, other: string | undefined, listener: Listener | undefined): string {
  const port = `${b.hostPortText}/${b.protocol}`;
  switch (kind) {
    case 'bothRunning': return l10n.t('{0} also publishes host port {1} and is running too.', other ?? '', port);
    case 'willClash': return l10n.t('Cannot start while {0} runs: it already holds host port {1}.', other ?? '', port);
    case 'blocksStart': return l10n.t('{0} (not running) asks for the same host port {1}: it cannot start while this one runs.', other ?? '', port);
    case 'onlyOneRuns': return l10n.t('{0} (not running) asks for the same host port {1}: only one of the two can run at a time.', other ?? '', port);
    case 'hostProcess': {
      const at = listener ? listenerText(listener) : port;
      return b.running
        ? l10n.t('A process on this machine also listens on {0}: which one a connection reaches depends on the address used.', at)
        : l10n.t('A process on this machine already listens on {0}: the container will fail to start (address already in use).', at);
    }
  }
}

/**
 * The panel's picture. `listeners`: this machine's listening sockets without the running containers' own
 * (foreignListeners), or, for an engine elsewhere or an unreadable /proc, why they are not compared.
 */
export function portsState(bindings: readonly PortBinding[], opts: {
  engine: string; listeners: readonly Listener[] | { reason: string }; unread?: string[];
}): PortsState {
  const listeners = Array.isArray(opts.listeners) ? opts.listeners as readonly Listener[] : undefined;
  const conflicts = portConflicts(bindings, listeners);
  const keys = new Map<string, number>();
  const rows = bindings.map((b, i): PortRowState => {
    const exposure = exposureOf(b.hostIp);
    const target = `${b.containerName}:${b.containerPort}/${b.protocol}`;
    const host = hostText(b);
    const base = `${b.containerId.slice(0, 12)}-${b.hostIp}-${b.hostPortText}-${b.containerPort}-${b.protocol}`;
    const n = keys.get(base) ?? 0;
    keys.set(base, n + 1);
    const row: PortRowState = {
      key: n === 0 ? base : `${base}-${n}`,
      mapping: `${host} → ${target}`, host, target,
      container: { id: b.containerId, name: b.containerName, state: b.state },
      exposure, exposureText: exposureText(exposure, b.hostIp),
      conflicts: conflicts[i].map((c) => ({
        kind: c.kind, text: conflictText(b, c.kind, c.other?.name, c.listener), ...(c.other ? { otherId: c.other.id } : {}),
      })),
    };
    if (b.network) row.network = b.network;
    return row;
  });
  const withConflicts = rows.filter((r) => r.conflicts.length > 0).length;
  const open = rows.filter((r) => r.exposure === 'all').length;
  return {
    engine: opts.engine,
    rows,
    hostChecks: listeners
      ? { available: true, text: l10n.t('Compared with the processes listening on this machine: {0} TCP sockets in /proc/net/tcp and /proc/net/tcp6, not counting the listeners of running containers\' own bindings (docker-proxy). UDP and SCTP ports are not compared.', listeners.length) }
      : { available: false, text: (opts.listeners as { reason: string }).reason },
    unread: opts.unread ?? [],
    summary: rows.length === 0
      ? l10n.t('No container publishes a port.')
      : l10n.t('{0} published ports · {1} open to other machines · {2} with a conflict', rows.length, open, withConflicts),
  };
}

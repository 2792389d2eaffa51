// Names that resolve: for each container a container can reach, per network they share, the names it can use there
// (the peer's container name and network aliases, the DNS names the engine lists, and its own --link aliases), as
// Docker's embedded DNS answers them on user-defined networks. The default bridge has no embedded DNS: only the
// address and legacy --link names work there, which is said with the fix (a user-defined network). From the snapshot
// and the container's inspect only; Container Networking shows it.
import * as l10n from '@vscode/l10n';
import { hasEmbeddedDns } from './containerDetails';
import type { NetworkView, RawEndpoint, Snapshot } from './model';
import { computeReachability, reachableFrom, type Reachability } from './reachability';
import type { ResolveResult } from './resolve';

export interface PeerNameRow {
  peer: string;
  peerId: string;
  /** The network they share; absent for a shared network namespace (localhost). */
  network?: string;
  networkId?: string;
  /** The peer's address there (what works when no name does). */
  address?: string;
  /** The names this container can use for the peer there, and where each comes from. */
  names: { name: string; from: 'container name' | 'alias' | 'dns name' | 'link' | 'localhost' }[];
  /** Why the names are what they are (the default bridge, a shared namespace). */
  note?: string;
  /** What the container's resolver answered for each name, when Resolve ran (and when). */
  resolved?: { at: string; results: ResolveResult[] };
}

/** The subset of the container's inspect read here: its legacy links and its endpoints' links. */
export interface PeerInspect {
  Id: string;
  HostConfig?: { Links?: string[] | null } | null;
  NetworkSettings?: { Networks?: Record<string, RawEndpoint> | null } | null;
}

/** `--link` on a user-defined network: the endpoint's Links, `target:alias` (or `target`). */
function endpointLinks(ep: RawEndpoint | undefined, peer: string): string[] {
  return (ep?.Links ?? []).flatMap((l) => {
    const [target, alias] = l.split(':');
    return target.replace(/^\//, '') === peer ? [alias || target] : [];
  });
}

/** Legacy links (the default bridge), HostConfig.Links: `/target:/self/alias`; /etc/hosts holds the alias and the target's name. */
function legacyLinks(links: readonly string[] | null | undefined, peer: string): string[] {
  return (links ?? []).flatMap((l) => {
    const [target, path] = l.split(':');
    if (target?.replace(/^\//, '') !== peer) return [];
    const alias = path?.split('/').pop() ?? '';
    return [...new Set([alias, peer].filter((x) => x !== ''))];
  });
}

function endpointOn(inspect: PeerInspect, net: NetworkView): RawEndpoint | undefined {
  const eps = inspect.NetworkSettings?.Networks ?? {};
  return Object.entries(eps).find(([name, ep]) => ep.NetworkID === net.id || name === net.name)?.[1];
}

/** Every peer the container reaches over a network (or on localhost), with the names it can use for it. */
export function peerNames(snapshot: Snapshot, inspect: PeerInspect, r: Reachability = computeReachability(snapshot)): PeerNameRow[] {
  const rows: PeerNameRow[] = [];
  for (const entry of reachableFrom(r, inspect.Id)) {
    for (const via of entry.via) {
      if (via.kind === 'shared-namespace' && via.network === undefined) {
        rows.push({ peer: entry.toName, peerId: entry.to, names: [{ name: 'localhost', from: 'localhost' }], note: l10n.t('the same network namespace: its ports are on localhost') });
        continue;
      }
      if (via.kind !== 'network') continue;
      const net = snapshot.networks.find((n) => n.id === via.networkId);
      const a = net?.attachments.find((x) => x.containerId === entry.to);
      if (!net || !a) continue;
      const row: PeerNameRow = { peer: entry.toName, peerId: entry.to, network: net.name, networkId: net.id, names: [] };
      if (via.detail) row.address = via.detail;
      const add = (name: string, from: PeerNameRow['names'][number]['from']): void => {
        if (name !== '' && !row.names.some((n) => n.name === name)) row.names.push({ name, from });
      };
      if (a.sharesNamespaceOf) {
        // No endpoint of its own, so no name in the network's DNS: the namespace owner's names lead there.
        row.note = l10n.t('{0} shares the network namespace of {1}: it has no name of its own here; use the names of {1}', a.name, a.sharesNamespaceOf);
      } else if (hasEmbeddedDns(net)) {
        add(a.name, 'container name');
        for (const alias of a.aliases) add(alias, 'alias');
        // The engine answers the short id too on a network with its DNS; the list call does not say it (inspect's DNSNames does).
        add(a.shortId, 'dns name');
        for (const dns of a.dnsNames ?? []) add(dns, 'dns name');
        for (const link of endpointLinks(endpointOn(inspect, net), a.name)) add(link, 'link');
      } else {
        for (const link of legacyLinks(inspect.HostConfig?.Links, a.name)) add(link, 'link');
        row.note = l10n.t('{0} has no embedded DNS: only the address {1} and legacy --link names work. Fix: put both on a user-defined network (docker network create NAME, then docker network connect NAME for each).',
          net.name, row.address ?? '?');
      }
      rows.push(row);
    }
  }
  return rows;
}

// Swarm: which services have a virtual IP on which network. Only a manager can list services, so this is a third
// list call made only there; the task containers on this node already come with the container list.
import type { RawService, ServiceOnNetwork, Snapshot } from './model';

function modeOf(s: RawService): string {
  const m = s.Spec?.Mode;
  if (m?.Global) return 'global';
  return `replicated ${m?.Replicated?.Replicas ?? 1}`;
}

/** Adds each service to the networks it has a VIP on (a new snapshot; the input is not changed). */
export function withServices(snapshot: Snapshot, services: RawService[]): Snapshot {
  const byNetwork = new Map<string, ServiceOnNetwork[]>();
  for (const s of services) {
    for (const vip of s.Endpoint?.VirtualIPs ?? []) {
      if (!vip.NetworkID) continue;
      const list = byNetwork.get(vip.NetworkID) ?? [];
      list.push({ id: s.ID, name: s.Spec?.Name ?? s.ID.slice(0, 12), vip: vip.Addr || undefined, mode: modeOf(s) });
      byNetwork.set(vip.NetworkID, list);
    }
  }
  return {
    ...snapshot,
    networks: snapshot.networks.map((n) => {
      const list = byNetwork.get(n.id);
      return list ? { ...n, services: list.sort((a, b) => a.name.localeCompare(b.name)) } : n;
    }),
  };
}

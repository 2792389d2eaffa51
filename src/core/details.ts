// What the Network Details panel shows, built from the snapshot (Container Networking's is ./containerDetails.ts).
// Pure: the host gathers the inputs, the webview renders the result as it is. Text is final here (ports host side
// first, modes in words).
import { bridgeInterface, formatPort } from './format';
import { describeHealth } from './health';
import { describeHolder, describeUsage, namedHolders, subnetUsage } from './ipamUsage';
import { shortId } from './join';
import type { Attachment, HealthInfo, NetworkView, RawSubnetStatus } from './model';
import { describeGatewayMode, gatewayModeOf, isIPv6Only, trustedHostInterfacesOf } from './networkTraits';
import { unjoinable } from './validate';
import { MATRIX_CAP } from './probe';

export interface KeyValueRow {
  key: string;
  value: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Network Details

/** A container on the network: its attachment as the tree shows it (src/core/model.ts), and what the panel adds. */
export interface NetworkDetailsContainer
  extends Pick<Attachment, 'shortId' | 'name' | 'state' | 'status' | 'image' | 'networkMode' | 'ipv4' | 'ipv6' | 'mac' | 'aliases'> {
  id: string;
  /** Host side first: `127.0.0.1:8080 → 80/tcp`. */
  ports: string[];
  /** Its health check's state in words ("unhealthy (3 failed checks in a row)"), when it has one. */
  health?: string;
  healthStatus?: HealthInfo['status'];
  sharesNamespaceOf?: string;
  /** Has an endpoint of its own here (not a shared namespace, not host or none). */
  canDisconnect: boolean;
  /** Running: a probe can run inside it. */
  canProbe: boolean;
}

export interface IpamRow {
  family: 'IPv4' | 'IPv6';
  subnet?: string;
  ipRange?: string;
  gateway?: string;
  /** `name=address` */
  auxAddresses: string[];
  /** "3 in use · 65,530 free": the engine's figures (API 1.52), else computed from what the snapshot shows. */
  usage?: string;
  usageSource?: 'engine' | 'computed';
  /** Who holds each address of the subnet (gateway, auxiliary addresses, containers), in address order. */
  holders: { address: string; holder: string }[];
}

export interface NetworkDetailsState {
  /** The endpoint's display name (`unix:///var/run/docker.sock`). */
  engine: string;
  /** The network's own scalar fields, as in the model, plus its short id. */
  network: Pick<NetworkView, 'id' | 'name' | 'driver' | 'scope' | 'created' | 'builtin' | 'internal' | 'attachable'
    | 'ingress' | 'enableIPv4' | 'enableIPv6' | 'configOnly' | 'configFrom' | 'ipamDriver'> & { shortId: string; ipv6Only: boolean };
  /** The bridge's gateway modes that are set (API 1.46+), in words. */
  gatewayModes: { family: 'IPv4' | 'IPv6'; mode: string; text: string }[];
  /** Host interfaces allowed direct access to its containers (API 1.50+). */
  trustedHostInterfaces: string[];
  ipam: IpamRow[];
  ipamOptions: KeyValueRow[];
  bridgeInterface?: string;
  options: KeyValueRow[];
  labels: KeyValueRow[];
  containers: NetworkDetailsContainer[];
  services: { id: string; name: string; vip?: string; mode: string }[];
  /** Set once the network is gone from the engine: the panel keeps the last data and says so. */
  removed?: { at: string };
  /** Why Connect Container… cannot be offered here, if it cannot. */
  cannotConnect?: string;
  /** Built-in networks are never removed from our UI. */
  canRemove: boolean;
  /** host and null are singletons: there is no "like this". */
  canCreateLike: boolean;
  runningCount: number;
  matrixCap: number;
  /** Host routes that collide with its subnets (engine on this machine), or why they are not compared. */
  hostRoutes?: { collisions: string[]; note?: string };
}

function rows(record: Record<string, string>): KeyValueRow[] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ key, value }));
}

/**
 * The panel's picture of one network. `aliases` fills in what the list call left out (container id → aliases);
 * `status` is the engine's allocation figures from an inspect (API 1.52), when the host read them.
 */
export function networkDetailsState(n: NetworkView, opts: {
  engine: string; aliases?: ReadonlyMap<string, string[]>; status?: Record<string, RawSubnetStatus>;
  hostRoutes?: { collisions: string[]; note?: string };
}): NetworkDetailsState {
  const singleton = n.driver === 'host' || n.driver === 'null';
  const containers = n.attachments.map((a): NetworkDetailsContainer => {
    const known = a.aliases.length > 0 ? a.aliases : opts.aliases?.get(a.containerId) ?? [];
    const c: NetworkDetailsContainer = {
      id: a.containerId,
      shortId: a.shortId,
      name: a.name,
      state: a.state,
      status: a.status,
      image: a.image,
      networkMode: a.networkMode,
      aliases: [...known],
      ports: a.ports.map(formatPort),
      canDisconnect: !a.sharesNamespaceOf && !singleton,
      canProbe: a.state === 'running',
    };
    if (a.ipv4) c.ipv4 = a.ipv4;
    if (a.ipv6) c.ipv6 = a.ipv6;
    if (a.mac) c.mac = a.mac;
    if (a.health) {
      c.health = describeHealth(a.health);
      c.healthStatus = a.health.status;
    }
    if (a.sharesNamespaceOf) c.sharesNamespaceOf = a.sharesNamespaceOf;
    return c;
  });
  const usage = subnetUsage({ ...n, status: opts.status ?? n.status });
  const state: NetworkDetailsState = {
    engine: opts.engine,
    network: {
      id: n.id, shortId: shortId(n.id), name: n.name, driver: n.driver, scope: n.scope, builtin: n.builtin,
      internal: n.internal, attachable: n.attachable, ingress: n.ingress, enableIPv4: n.enableIPv4, enableIPv6: n.enableIPv6,
      configOnly: n.configOnly, ipamDriver: n.ipamDriver, ipv6Only: isIPv6Only(n),
    },
    gatewayModes: (['ipv4', 'ipv6'] as const).flatMap((family) => {
      const mode = gatewayModeOf(n, family);
      return mode ? [{ family: family === 'ipv4' ? 'IPv4' as const : 'IPv6' as const, mode, text: describeGatewayMode(mode) }] : [];
    }),
    trustedHostInterfaces: trustedHostInterfacesOf(n),
    ipam: n.ipam.map((c, i) => {
      const row: IpamRow = {
        family: c.subnet?.includes(':') || c.gateway?.includes(':') ? 'IPv6' : 'IPv4',
        auxAddresses: Object.entries(c.auxAddresses).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`),
        holders: [],
      };
      if (c.subnet) row.subnet = c.subnet;
      if (c.ipRange) row.ipRange = c.ipRange;
      if (c.gateway) row.gateway = c.gateway;
      const u = usage.find((x) => x.index === i);
      if (u) {
        row.usage = describeUsage(u);
        row.usageSource = u.source;
        row.holders = namedHolders(u).map((h) => ({ address: h.address, holder: describeHolder(h) }));
      }
      return row;
    }),
    ipamOptions: rows(n.ipamOptions),
    options: rows(n.options),
    labels: rows(n.labels),
    containers,
    services: (n.services ?? []).map((s) => ({ id: s.id, name: s.name, mode: s.mode, ...(s.vip ? { vip: s.vip } : {}) })),
    canRemove: !n.builtin,
    canCreateLike: !singleton,
    runningCount: containers.filter((c) => c.state === 'running').length,
    matrixCap: MATRIX_CAP,
  };
  if (n.created) state.network.created = n.created;
  if (n.configFrom) state.network.configFrom = n.configFrom;
  const bridge = bridgeInterface(n);
  if (bridge) state.bridgeInterface = bridge;
  const why = unjoinable(n);
  if (why) state.cannotConnect = why;
  if (opts.hostRoutes) state.hostRoutes = opts.hostRoutes;
  return state;
}

// What the Container Networking panel shows, built from the container's inspect, the snapshot and the namespace ids
// read by src/docker/namespaceIds.ts. Pure: the host gathers the inputs, the webview renders the result as it is.
import * as l10n from '@vscode/l10n';
import { defaultRoute, describeDefaultRoute, routeCandidate, routeFamilies, type RouteCandidate } from './defaultRoute';
import { formatPort } from './format';

import { containerName, OwnerResolver, portsOf, shortId } from './join';
import type { NetworkView, RawEndpoint, Snapshot } from './model';
import type { PeerNameRow } from './peerNames';
import {
  describeNamespace, lookupFromMap, namespaceModes, namespaceTitle, withNamespaceIds,
  type ContainerInspectLike, type EngineNamespaceDefaults, type NamespaceMode, type NamespaceType,
} from './namespaces';

/** The subset of `GET /containers/{id}/json` the panel reads. */
export interface ContainerInspectNet extends ContainerInspectLike {
  Name?: string;
  Config?: { Image?: string } | null;
  State?: { Status?: string; Running?: boolean; Pid?: number } | null;
  NetworkSettings?: { SandboxKey?: string; Networks?: Record<string, RawEndpoint> | null } | null;
}

export interface ContainerNetworkRow {
  networkId?: string;
  name: string;
  driver?: string;
  ipv4?: string;
  ipv6?: string;
  gateway?: string;
  ipv6Gateway?: string;
  mac?: string;
  aliases: string[];
  dnsNames: string[];
  /** Why the DNS names are what they are (the default bridge has no embedded DNS). */
  dnsNote?: string;
  /** The endpoint's gateway priority, when the engine gives it (API 1.48+). */
  gwPriority?: number;
  /** The families whose default route goes through this network (only when the container has several). */
  defaultRoute?: Array<'IPv4' | 'IPv6'>;
}

export interface NamespaceTableRow {
  type: NamespaceType;
  title: string;
  mode: NamespaceMode;
  /** "private", "host", "shared with test1", "private (engine default)". */
  text: string;
  /** `HostConfig.IpcMode = "private"`, or undefined for mnt. */
  source?: string;
  /** From `/proc/<pid>/ns/<type>`, when it could be read. */
  nsId?: string;
  /** The id is the same as this machine's (the extension host's) namespace of that type. */
  sameAsHost?: boolean;
}

export interface ContainerNetworkingState {
  engine: string;
  container: {
    id: string;
    shortId: string;
    name: string;
    image: string;
    state: string;
    pid?: number;
    /** HostConfig.NetworkMode as the engine has it. */
    networkMode: string;
    /** In words: "bridge (the default bridge network)", "shares the network namespace of test1". */
    networkModeText: string;
    /** NetworkSettings.SandboxKey: the netns path. */
    sandboxKey?: string;
  };
  /** `container:` mode: whose network namespace (and so whose addresses) it uses. */
  sharesNetworkOf?: string;
  /** Containers that joined this one's network namespace with `--network container:<this>`. */
  joinedBy: string[];
  networks: ContainerNetworkRow[];
  /** Which network gives the default route, in words, when a running container has more than one (moby's rule). */
  defaultRoute?: string;
  /** Published and exposed ports, host side first. */
  ports: string[];
  namespaces: NamespaceTableRow[];
  /** Whether namespace ids are shown, and if not why not. */
  nsIds: { shown: boolean; note: string };
  /** The containers it reaches and the names it can use for each, per network (./peerNames.ts). */
  peers?: PeerNameRow[];
  removed?: { at: string };
}

/** Whether a network has Docker's embedded DNS: not the default bridge, not host or none. */
export function hasEmbeddedDns(n: Pick<NetworkView, 'name' | 'driver' | 'options'> | undefined): boolean {
  if (!n) return true;
  if (n.driver === 'host' || n.driver === 'null') return false;
  return !(n.options['com.docker.network.bridge.default_bridge'] === 'true' || (n.name === 'bridge' && n.driver === 'bridge'));
}

/**
 * The names other containers on that network resolve to this endpoint: the engine's own list (DNSNames, API 1.44+),
 * else the container name and its aliases on networks with the embedded DNS; none on the default bridge.
 */
export function dnsNamesOf(ep: RawEndpoint, name: string, network: Pick<NetworkView, 'name' | 'driver' | 'options'> | undefined,
  extraAliases: readonly string[] = []): { names: string[]; note?: string } {
  if (ep.DNSNames && ep.DNSNames.length > 0) return { names: [...ep.DNSNames] };
  if (!hasEmbeddedDns(network)) {
    return network && (network.driver === 'host' || network.driver === 'null')
      ? { names: [], note: l10n.t('no DNS on {0}', network.name) }
      : { names: [], note: l10n.t('the default bridge has no embedded DNS: other containers reach this one by IP (or legacy --link)') };
  }
  const names = [name, ...(ep.Aliases ?? []), ...extraAliases].filter((x) => x !== '');
  return { names: [...new Set(names)] };
}

/** HostConfig.NetworkMode in words. */
export function networkModeText(mode: string, sharesWith?: string): string {
  if (mode === '' || mode === 'default') return l10n.t('default (the default bridge network)');
  if (mode === 'bridge') return l10n.t('bridge (the default bridge network)');
  if (mode === 'host') return l10n.t('host (the host\'s network stack: no address of its own)');
  if (mode === 'none') return l10n.t('none (loopback only)');
  if (mode.startsWith('container:')) return l10n.t('container: shares the network namespace of {0}', sharesWith ?? mode.slice('container:'.length));
  return l10n.t('{0} (a user-defined network)', mode);
}

export interface ContainerNetworkingInputs {
  engine: string;
  defaults?: Partial<EngineNamespaceDefaults>;
  /** `/proc/<pid>/ns/*` link targets of the container, by type, when readable. */
  nsLinks?: Record<string, string>;
  /** The same for this machine (the extension host's own process), to mark "same as the host". */
  hostLinks?: Record<string, string>;
  /** Why the ids are not shown (remote engine, not running, not readable). */
  nsNote?: string;
  /** Aliases read per network name (the list call leaves them out on older engines). */
  aliases?: ReadonlyMap<string, string[]>;
}

export function containerNetworkingState(inspect: ContainerInspectNet, snapshot: Snapshot, inputs: ContainerNetworkingInputs): ContainerNetworkingState {
  const raw = snapshot.containers.find((c) => c.Id === inspect.Id);
  const name = (inspect.Name ?? '').replace(/^\//, '') || (raw ? containerName(raw) : shortId(inspect.Id));
  const mode = inspect.HostConfig?.NetworkMode ?? raw?.HostConfig?.NetworkMode ?? '';
  const owners = new OwnerResolver(snapshot.containers);
  const owner = raw ? owners.directOwner(raw) : undefined;
  const root = raw ? owners.rootOf(raw) : undefined;
  const sharesWith = owner ? containerName(owner) : mode.startsWith('container:') ? mode.slice('container:'.length) : undefined;

  // Endpoints: the container's own, or (container: mode) the namespace owner's, which are the addresses it uses.
  const ownEndpoints = inspect.NetworkSettings?.Networks ?? {};
  const endpoints: Record<string, RawEndpoint> = Object.keys(ownEndpoints).length > 0 || !root || root === raw
    ? ownEndpoints
    : root.NetworkSettings?.Networks ?? {};
  const candidates: RouteCandidate[] = [];
  const networks: ContainerNetworkRow[] = Object.entries(endpoints)
    .map(([netName, ep]) => {
      const view = snapshot.networks.find((n) => (ep.NetworkID && n.id === ep.NetworkID) || n.name === netName);
      const aliases = ep.Aliases && ep.Aliases.length > 0 ? [...ep.Aliases] : [...(inputs.aliases?.get(netName) ?? [])];
      const dns = dnsNamesOf({ ...ep, Aliases: aliases }, name, view);
      const row: ContainerNetworkRow = { name: netName, aliases, dnsNames: dns.names };
      if (view) {
        row.networkId = view.id;
        row.driver = view.driver;
      }
      const v4 = ep.IPAddress ? (ep.IPPrefixLen ? `${ep.IPAddress}/${ep.IPPrefixLen}` : ep.IPAddress) : undefined;
      const v6 = ep.GlobalIPv6Address ? (ep.GlobalIPv6PrefixLen ? `${ep.GlobalIPv6Address}/${ep.GlobalIPv6PrefixLen}` : ep.GlobalIPv6Address) : undefined;
      if (v4) row.ipv4 = v4;
      if (v6) row.ipv6 = v6;
      if (ep.Gateway) row.gateway = ep.Gateway;
      if (ep.IPv6Gateway) row.ipv6Gateway = ep.IPv6Gateway;
      if (ep.MacAddress) row.mac = ep.MacAddress;
      if (dns.note) row.dnsNote = dns.note;
      if (typeof ep.GwPriority === 'number') row.gwPriority = ep.GwPriority;
      candidates.push(routeCandidate(netName, ep, view));
      return row;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const running = inspect.State?.Running ?? (inspect.State?.Status ?? raw?.State) === 'running';
  const route = networks.length > 1 && running ? defaultRoute(candidates) : undefined;
  for (const row of networks) {
    const families = route ? routeFamilies(route, row.name) : [];
    if (families.length > 0) row.defaultRoute = families;
  }

  const names = new Map(snapshot.containers.map((c) => [c.Id, containerName(c)]));
  let ns = namespaceModes(inspect, lookupFromMap(names), inputs.defaults);
  if (inputs.nsLinks) ns = withNamespaceIds(ns, inputs.nsLinks);
  const hostIds = inputs.hostLinks ? withNamespaceIds(namespaceModes({ Id: '' }), inputs.hostLinks) : [];
  const namespaces = ns.map((r): NamespaceTableRow => {
    const row: NamespaceTableRow = { type: r.type, title: namespaceTitle(r.type), mode: r.mode, text: describeNamespace(r) };
    if (r.source) row.source = `${r.source.field} = ${JSON.stringify(r.source.value)}`;
    if (r.nsId) {
      row.nsId = r.nsId;
      const host = hostIds.find((h) => h.type === r.type)?.nsId;
      if (host !== undefined) row.sameAsHost = host === r.nsId;
    }
    return row;
  });
  const shown = namespaces.some((r) => r.nsId !== undefined);

  const state: ContainerNetworkingState = {
    engine: inputs.engine,
    container: {
      id: inspect.Id,
      shortId: shortId(inspect.Id),
      name,
      image: raw?.Image ?? inspect.Config?.Image ?? '',
      state: inspect.State?.Status ?? raw?.State ?? '',
      networkMode: mode,
      networkModeText: networkModeText(mode, sharesWith),
    },
    joinedBy: snapshot.containers
      .filter((c) => c.Id !== inspect.Id && owners.directOwner(c)?.Id === inspect.Id)
      .map(containerName)
      .sort((a, b) => a.localeCompare(b)),
    networks,
    ports: raw ? portsOf(raw).map(formatPort) : [],
    namespaces,
    nsIds: {
      shown,
      note: shown
        ? l10n.t('Namespace ids read from /proc/{0}/ns on this machine: containers sharing a namespace show the same id.', inspect.State?.Pid ?? '?')
        : inputs.nsNote ?? l10n.t('Namespace ids are not available.'),
    },
  };
  if (inspect.State?.Pid) state.container.pid = inspect.State.Pid;
  const key = inspect.NetworkSettings?.SandboxKey;
  if (key) state.container.sandboxKey = key;
  if (sharesWith) state.sharesNetworkOf = sharesWith;
  if (route) state.defaultRoute = describeDefaultRoute(route);
  return state;
}

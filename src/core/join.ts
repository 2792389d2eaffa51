// Builds the tree's picture from exactly two list calls (`GET /networks`, `GET /containers/json?all=1`):
// `GET /networks` stopped listing containers in API 1.28, and inspecting each network would be N+1 calls.
import { composeMemberOf } from './compose';
import { healthOf } from './health';
import type {
  Attachment, IpamConfig, NetworkView, PortMapping, RawContainer, RawEndpoint, RawNetwork, Snapshot,
} from './model';

const BUILTIN_NAMES = new Set(['bridge', 'host', 'none', 'docker_gwbridge', 'podman']);
const CONTAINER_MODE = 'container:';

export function isBuiltinNetwork(n: RawNetwork): boolean {
  return BUILTIN_NAMES.has(n.Name) || n.Ingress === true;
}

export function shortId(id: string): string {
  return id.slice(0, 12);
}

export function containerName(c: RawContainer): string {
  // With legacy links the engine also lists "/other/alias" names; the canonical one has a single slash.
  const names = c.Names ?? [];
  const own = names.find((n) => n.lastIndexOf('/') <= 0) ?? names[0];
  const name = own?.replace(/^\//, '');
  return name ? name : shortId(c.Id);
}

export function portsOf(c: RawContainer): PortMapping[] {
  const seen = new Set<string>();
  const ports: PortMapping[] = [];
  for (const p of c.Ports ?? []) {
    const m = compact<PortMapping>({
      hostIp: p.IP || undefined,
      hostPort: p.PublicPort || undefined,
      containerPort: p.PrivatePort,
      protocol: p.Type,
    });
    // Some engines repeat an identical binding; 0.0.0.0 and :: are distinct and both kept.
    const key = `${m.hostIp ?? ''}|${m.hostPort ?? ''}|${m.containerPort}|${m.protocol}`;
    if (!seen.has(key)) {
      seen.add(key);
      ports.push(m);
    }
  }
  return ports.sort((a, b) =>
    a.containerPort - b.containerPort
    || plain(a.protocol, b.protocol)
    || plain(a.hostIp ?? '', b.hostIp ?? '') // code-unit order: 0.0.0.0 before ::, whatever the locale
    || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

export function toNetworkView(n: RawNetwork, attachments: Attachment[]): NetworkView {
  return compact<NetworkView>({
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    created: n.Created || undefined,
    builtin: isBuiltinNetwork(n),
    internal: n.Internal === true,
    attachable: n.Attachable === true,
    ingress: n.Ingress === true,
    enableIPv4: n.EnableIPv4 !== false,
    enableIPv6: n.EnableIPv6 === true,
    configOnly: n.ConfigOnly === true,
    configFrom: n.ConfigFrom?.Network || undefined,
    ipamDriver: n.IPAM?.Driver || 'default',
    ipamOptions: { ...n.IPAM?.Options },
    ipam: (n.IPAM?.Config ?? []).map((c) => compact<IpamConfig>({
      subnet: c.Subnet || undefined,
      ipRange: c.IPRange || undefined,
      gateway: c.Gateway || undefined,
      auxAddresses: { ...c.AuxiliaryAddresses },
    })),
    options: { ...n.Options },
    labels: { ...n.Labels },
    attachments: [...attachments].sort(byName),
    status: n.Status?.IPAM?.Subnets ? { ...n.Status.IPAM.Subnets } : undefined,
  });
}

export function joinSnapshot(networks: RawNetwork[], containers: RawContainer[]): Snapshot {
  const byId = new Map(networks.map((n) => [n.Id, n]));
  const byName = new Map(networks.map((n) => [n.Name, n]));
  // Who is on which network is settled here; the attachment objects of a network are made when it is first read
  // (expanded in the tree, hovered, compared, sent to a panel): the first picture of a big engine only needs the
  // networks and whether each has containers, and 2000 attachments made cold were half of that picture's time.
  const members = new Map<string, Member[]>(networks.map((n) => [n.Id, []]));
  const owners = new OwnerResolver(containers);

  for (const c of containers) {
    const owner = owners.rootOf(c);
    if (!owner) continue; // its namespace owner is gone: it is on no network
    const endpoints = owner.NetworkSettings?.Networks ?? {};
    for (const key in endpoints) {
      const ep = endpoints[key];
      // NetworkID is empty for never-started containers on some engines; Podman may put the name there.
      const net = ep.NetworkID ? byId.get(ep.NetworkID) ?? byName.get(ep.NetworkID) : byName.get(key);
      if (!net) continue; // removed between the two list calls
      members.get(net.Id)?.push({ c, ep });
    }
  }

  // The same on each of a container's networks: made once, by whichever network is read first.
  const facts = new Map<RawContainer, ContainerFacts>();
  const factsFor = (c: RawContainer): ContainerFacts => {
    let f = facts.get(c);
    if (!f) facts.set(c, (f = factsOf(c, owners.directOwner(c))));
    return f;
  };
  const views = networks.map((n) => {
    const on = members.get(n.Id) ?? [];
    const view = toNetworkView(n, []);
    attachLazily(view, on.length, () => on.map(({ c, ep }) => toAttachment(c, ep, factsFor(c))));
    return view;
  });
  views.sort((a, b) => Number(a.builtin) - Number(b.builtin) || collator.compare(a.name, b.name) || plain(a.id, b.id));
  return { networks: views, containers };
}

/** One container's endpoint on one network, before it becomes an Attachment. */
interface Member {
  c: RawContainer;
  ep: RawEndpoint;
}

/** How many containers a view's network has, known before its attachments are made. */
const memberCounts = new WeakMap<NetworkView, number>();

/**
 * How many containers are on the network: what the tree needs to draw a network's row (expandable or not) without
 * making its attachments.
 */
export function attachmentCount(n: NetworkView): number {
  return memberCounts.get(n) ?? n.attachments.length;
}

/**
 * Makes `view.attachments` on first read, sorted by name, then keeps it as a plain property: the view reads, copies,
 * compares and serialises (JSON.stringify, spread, deepStrictEqual) exactly as one made eagerly.
 */
function attachLazily(view: NetworkView, count: number, make: () => Attachment[]): void {
  memberCounts.set(view, count);
  const keep = (value: Attachment[]): Attachment[] => {
    Object.defineProperty(view, 'attachments', { value, enumerable: true, configurable: true, writable: true });
    memberCounts.delete(view);
    return value;
  };
  Object.defineProperty(view, 'attachments', {
    enumerable: true,
    configurable: true,
    get: () => keep(make().sort(byName)),
    set: keep,
  });
}

/** What an attachment says of its container, whichever network it is on. */
interface ContainerFacts {
  name: string;
  health: Attachment['health'];
  ports: PortMapping[];
  sharesNamespaceOf?: string;
  serviceId?: string;
  compose: Attachment['compose'];
}

function factsOf(c: RawContainer, sharedWith: RawContainer | undefined): ContainerFacts {
  return {
    name: containerName(c),
    health: healthOf(c),
    ports: portsOf(c),
    sharesNamespaceOf: sharedWith ? containerName(sharedWith) : undefined,
    serviceId: c.Labels?.['com.docker.swarm.service.id'] || undefined,
    compose: composeMemberOf(c.Labels),
  };
}

function toAttachment(c: RawContainer, ep: RawEndpoint, facts: ContainerFacts): Attachment {
  // In `container:` mode the netns, hence addresses, belong to the owner; identity and ports stay the container's.
  return compact<Attachment>({
    containerId: c.Id,
    shortId: shortId(c.Id),
    name: facts.name,
    state: c.State,
    status: c.Status,
    image: c.Image,
    networkMode: c.HostConfig?.NetworkMode ?? '',
    ipv4: withPrefix(ep.IPAddress, ep.IPPrefixLen),
    ipv6: withPrefix(ep.GlobalIPv6Address, ep.GlobalIPv6PrefixLen),
    fixedIpv4: ep.IPAMConfig?.IPv4Address || undefined,
    fixedIpv6: ep.IPAMConfig?.IPv6Address || undefined,
    mac: ep.MacAddress || undefined,
    gateway: ep.Gateway || undefined,
    ipv6Gateway: ep.IPv6Gateway || undefined,
    aliases: [...(ep.Aliases ?? [])],
    dnsNames: ep.DNSNames && ep.DNSNames.length > 0 ? [...ep.DNSNames] : undefined,
    gwPriority: typeof ep.GwPriority === 'number' ? ep.GwPriority : undefined,
    health: facts.health,
    ports: facts.ports, // shared by the container's attachments, like health and compose: views are never edited
    endpointId: ep.EndpointID || undefined,
    sharesNamespaceOf: facts.sharesNamespaceOf,
    serviceId: facts.serviceId,
    compose: facts.compose,
  });
}

/** Finds whose network namespace a `container:<idOrName>` container uses. */
export class OwnerResolver {
  /** By id and by name: made on the first `container:` lookup (most engines have none). */
  private index?: { byId: Map<string, RawContainer>; byName: Map<string, RawContainer> };

  constructor(private readonly containers: RawContainer[]) {}

  directOwner(c: RawContainer): RawContainer | undefined {
    const mode = c.HostConfig?.NetworkMode ?? '';
    if (!mode.startsWith(CONTAINER_MODE)) return undefined;
    const ref = mode.slice(CONTAINER_MODE.length);
    if (!ref) return undefined;
    const { byId, byName } = this.indexed();
    const found = byId.get(ref) ?? byName.get(ref.replace(/^\//, ''));
    if (found) return found;
    const byPrefix = this.containers.filter((o) => o.Id.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined; // an ambiguous prefix names nobody
  }

  /** The container whose endpoints apply to c: c itself, or the end of its `container:` chain. */
  rootOf(c: RawContainer): RawContainer | undefined {
    let visited: Set<RawContainer> | undefined; // only for a `container:` chain, which most containers are not
    let current = c;
    while (current.HostConfig?.NetworkMode?.startsWith(CONTAINER_MODE)) {
      visited ??= new Set();
      if (visited.has(current)) return undefined; // a cycle cannot be started, so it has no network
      visited.add(current);
      const next = this.directOwner(current);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  private indexed(): NonNullable<OwnerResolver['index']> {
    if (this.index) return this.index;
    const byId = new Map<string, RawContainer>();
    const byName = new Map<string, RawContainer>();
    for (const c of this.containers) {
      byId.set(c.Id, c);
      for (const n of c.Names ?? []) byName.set(n.replace(/^\//, ''), c);
    }
    return (this.index = { byId, byName });
  }
}

function withPrefix(address: string | undefined, prefixLen: number | undefined): string | undefined {
  if (!address) return undefined;
  return prefixLen && prefixLen > 0 ? `${address}/${prefixLen}` : address;
}

function plain(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** localeCompare's own order (the default locale), without building a collator for each comparison. */
const collator = new Intl.Collator();

function byName(a: Attachment, b: Attachment): number {
  return collator.compare(a.name, b.name) || plain(a.containerId, b.containerId);
}

/**
 * The fields of `value` that are defined, so views stay minimal and compare cleanly with deepStrictEqual. Copied into
 * a new object rather than `delete`d: deleting turns an object into a slow dictionary, and the join makes thousands.
 */
function compact<T extends object>(value: T): T {
  const out: Partial<T> = {};
  for (const key in value) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out as T;
}

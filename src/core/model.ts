// The data model shared by every layer. Raw* types are the subset of the Engine API (1.41+) that we read;
// they are structural, so dockerode's result types fit them without copying.

export interface RawIpamConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string> | null;
}

/** An item of `GET /networks` (same shape as `GET /networks/{id}` minus Containers). */
export interface RawNetwork {
  Id: string;
  Name: string;
  Driver: string;
  Scope: string;
  Created?: string;
  /** API 1.48+: false for an IPv6-only network (and for `none`/`host`, which have no IPAM). Absent: true. */
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network?: string } | null;
  IPAM?: { Driver?: string; Options?: Record<string, string> | null; Config?: RawIpamConfig[] | null } | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  /** API 1.52+, only in `GET /networks/{id}`: what the IPAM has allocated, per subnet. */
  Status?: RawNetworkStatus | null;
}

/** `GET /networks/{id}` → Status (API 1.52, moby api/types/network SubnetStatus). */
export interface RawNetworkStatus {
  IPAM?: { Subnets?: Record<string, RawSubnetStatus> | null } | null;
}

export interface RawSubnetStatus {
  /** Addresses of the subnet in use or reserved (network, broadcast, gateway, auxiliary, endpoints). */
  IPsInUse?: number;
  /** Addresses of the subnet's IP range still free for dynamic allocation. */
  DynamicIPsAvailable?: number;
}

/** One entry of a container's `NetworkSettings.Networks`. */
export interface RawEndpoint {
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  MacAddress?: string;
  Aliases?: string[] | null;
  DNSNames?: string[] | null;
  /** API 1.48+: the endpoint with the highest priority gives the container its default route. */
  GwPriority?: number;
  Links?: string[] | null;
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
}

export interface RawPort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** An item of `GET /containers/json?all=1`. */
export interface RawContainer {
  Id: string;
  Names: string[];
  Image: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  State: string;
  Status: string;
  Ports: RawPort[];
  Labels?: Record<string, string> | null;
  HostConfig?: { NetworkMode?: string } | null;
  NetworkSettings?: { Networks?: Record<string, RawEndpoint> | null } | null;
  /** API 1.52+: the health check's state (older engines say it only in Status, e.g. "Up 2 minutes (healthy)"). */
  Health?: { Status?: string; FailingStreak?: number } | null;
}

/** A container's health check, when it has one. */
export interface HealthInfo {
  status: 'starting' | 'healthy' | 'unhealthy';
  /** Consecutive failed checks (API 1.52+ only). */
  failingStreak?: number;
}

/** A published or exposed port. Host side first, always: `hostIp:hostPort → containerPort/protocol`. */
export interface PortMapping {
  hostIp?: string;
  hostPort?: number;
  containerPort: number;
  protocol: string;
}

/** A container as seen on one network. */
export interface Attachment {
  containerId: string;
  shortId: string;
  /** Name without the leading slash. */
  name: string;
  /** running, exited, created, paused, restarting, removing, dead */
  state: string;
  /** Human status from the engine, e.g. "Up 3 minutes". */
  status: string;
  image: string;
  /** HostConfig.NetworkMode: default, bridge, host, none, container:<id>, or a network name. */
  networkMode: string;
  /** IPv4 with prefix length, e.g. "172.28.5.10/16"; absent when the container has none (stopped, host, none). */
  ipv4?: string;
  /** Global IPv6 with prefix length. */
  ipv6?: string;
  /**
   * The addresses it asked for (`--ip`, `--ip6`: the endpoint's IPAMConfig). A stopped container has no address but
   * takes these back when it starts, so they are never free; exports repeat them, not the engine's own picks.
   */
  fixedIpv4?: string;
  fixedIpv6?: string;
  mac?: string;
  gateway?: string;
  ipv6Gateway?: string;
  aliases: string[];
  /** The names other containers resolve to it here, as the engine lists them (API 1.44+). */
  dnsNames?: string[];
  /** The endpoint's gateway priority (API 1.48+). */
  gwPriority?: number;
  /** Its health check's state, when it has one. */
  health?: HealthInfo;
  ports: PortMapping[];
  endpointId?: string;
  /** Set when the container joins through `container:<owner>`: the owner's name. Addresses are the owner's. */
  sharesNamespaceOf?: string;
  /** The Swarm service this container is a task of (label com.docker.swarm.service.id). */
  serviceId?: string;
  /** The Compose project and service that made it (com.docker.compose.* labels). */
  compose?: import('./compose').ComposeMember;
}

/** An item of `GET /services` (Swarm managers only), the fields we read. */
export interface RawService {
  ID: string;
  Spec?: { Name?: string; Mode?: { Replicated?: { Replicas?: number }; Global?: object } } | null;
  Endpoint?: { VirtualIPs?: { NetworkID?: string; Addr?: string }[] | null } | null;
}

/** A Swarm service as seen on one network: its virtual IP there; its tasks are the attachments with its serviceId. */
export interface ServiceOnNetwork {
  id: string;
  name: string;
  /** e.g. "10.0.1.2/24" */
  vip?: string;
  /** "replicated 3" or "global" */
  mode: string;
}

export interface IpamConfig {
  subnet?: string;
  ipRange?: string;
  gateway?: string;
  auxAddresses: Record<string, string>;
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created?: string;
  /** Pre-defined by the engine (bridge, host, none, ingress, docker_gwbridge, podman): never removable from our UI. */
  builtin: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  /** False on an IPv6-only network (and on `none`/`host`); true when the engine does not say (before API 1.48). */
  enableIPv4: boolean;
  enableIPv6: boolean;
  configOnly: boolean;
  configFrom?: string;
  ipamDriver: string;
  ipamOptions: Record<string, string>;
  ipam: IpamConfig[];
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Sorted by container name. Made when first read (src/core/join.ts): `attachmentCount()` counts without making them. */
  attachments: Attachment[];
  /** Swarm services with a virtual IP on this network (managers only), sorted by name. */
  services?: ServiceOnNetwork[];
  /** The engine's own allocation figures per subnet (API 1.52 inspect only; never in the list call). */
  status?: Record<string, RawSubnetStatus>;
}

/** One consistent picture of the engine, built from exactly two list calls. */
export interface Snapshot {
  /** User networks first (alphabetical), then built-ins (alphabetical). */
  networks: NetworkView[];
  /** The raw container list, kept for pickers and lookups by id. */
  containers: RawContainer[];
  /**
   * The API version negotiated with the engine (src/core/apiVersion.ts), which decides the features offered
   * (`supports(snapshot.api, …)`). Absent only in hand-made fixtures: treated as the oldest version we know.
   */
  api?: string;
  /** What an optional call failed to read (a Swarm manager's services); everything else is complete. */
  partial?: SnapshotGap[];
}

/** A part left out of a snapshot, and why. */
export interface SnapshotGap {
  part: 'services';
  error: import('./errors').EngineError;
}

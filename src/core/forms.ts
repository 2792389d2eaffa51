// The three forms (Create Network, Connect, Run) as the webview sends them: plain strings, booleans and arrays,
// exactly as typed, their empty states, and what the checks know about the engine. What is typed is read by
// ./formValues.ts (lists, `name=ip` lines, numbers) and ./commandLine.ts (a command line); ./driverOptions.ts is the
// catalogue of driver options the Create form offers; ./formRequests.ts turns a form into an Engine API body.
// Validation lives in ./validate/, the equivalent CLI text in ./cli.ts.
import type { NetworkView, RawContainer, Snapshot } from './model';
import type { HostRouteFacts } from './hostRoutes';
import type { Listener } from './procNet';

// Form state

/** One row of a key/value table (labels, driver options, IPAM options, environment). A blank row is ignored. */
export interface KeyValue {
  key: string;
  value: string;
}

/** One IPAM configuration of one address family. A row whose fields are all blank is ignored. */
export interface IpamEntry {
  /** CIDR, e.g. `172.28.0.0/16`. */
  subnet: string;
  /** CIDR inside the subnet from which the engine hands out addresses. */
  ipRange: string;
  gateway: string;
  /** `name=ip` pairs, one per line or comma separated. */
  auxAddresses: string;
}

export type NetworkScope = 'local' | 'swarm' | '';

export interface CreateNetworkForm {
  name: string;
  /** A network driver offered by the engine; `bridge` by default. Never `host` or `null`. */
  driver: string;
  /** Empty: the driver's default. `swarm` only on a Swarm manager. */
  scope: NetworkScope;
  ipv4: IpamEntry[];
  ipv6: IpamEntry[];
  /** Off: an IPv6-only network (API 1.48+), `--ipv4=false`. On by default. */
  enableIPv4: boolean;
  enableIPv6: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  configOnly: boolean;
  /** Name of a config-only network to take the configuration from; empty for none. */
  configFrom: string;
  /** Empty: the engine's `default` IPAM driver. */
  ipamDriver: string;
  ipamOptions: KeyValue[];
  driverOptions: KeyValue[];
  labels: KeyValue[];
  /** Bridge only: com.docker.network.bridge.gateway_mode_ipv4 (API 1.46+); empty for the engine's default (nat). */
  gatewayModeIPv4: string;
  /** Bridge only: com.docker.network.bridge.gateway_mode_ipv6 (API 1.46+). */
  gatewayModeIPv6: string;
  /** Bridge only: com.docker.network.bridge.trusted_host_interfaces (API 1.50+), interface names separated by ":". */
  trustedHostInterfaces: string;
}

export interface ConnectForm {
  /** Container name or ID. */
  container: string;
  /** Network name or ID. */
  network: string;
  ipv4Address: string;
  ipv6Address: string;
  /** Network-scoped aliases, comma, space or newline separated. */
  aliases: string;
  /** Legacy links `container[:alias]`, comma, space or newline separated. */
  links: string;
  /** Link-local addresses, comma, space or newline separated. */
  linkLocalIps: string;
  driverOptions: KeyValue[];
  /** `--gw-priority` (API 1.48+): an integer, may be negative; empty for the engine's default (0). */
  gwPriority: string;
}

export interface PortEntry {
  /** Empty: every address of the host. */
  hostIp: string;
  /** Empty: an ephemeral port chosen by the engine. */
  hostPort: string;
  containerPort: string;
  /** tcp, udp or sctp; empty means tcp. */
  protocol: string;
}

export interface RunForm {
  image: string;
  /** Container name; empty lets the engine pick one. */
  name: string;
  /** Network name or ID, `host`, `none`, `container:<name>`; empty for the default bridge. */
  network: string;
  ipv4Address: string;
  ipv6Address: string;
  /** Network-scoped aliases, comma, space or newline separated. */
  aliases: string;
  /** `--network name=NET,gw-priority=N` (API 1.48+); empty for the engine's default (0). */
  gwPriority: string;
  ports: PortEntry[];
  /** `-P`: every port the container exposes (the image's EXPOSE and `ports`) on a host port the engine picks. */
  publishAll: boolean;
  /** The command and its arguments as one line, split like a POSIX shell would (quotes, backslashes) but never run by one. */
  command: string;
  env: KeyValue[];
  labels: KeyValue[];
}

/** A problem with one field. `field` is a stable path: `name`, `ipv4[0].gateway`, `ports[1].hostPort`, `labels[2].key`. */
export interface FieldError {
  field: string;
  message: string;
}

/** What the engine has, for the checks that need it. */
export interface ValidationContext {
  networks: NetworkView[];
  containers: RawContainer[];
  /** The engine is a Swarm manager: overlay networks and `swarm` scope are possible. */
  swarmManager: boolean;
  /** Network drivers the engine offers (`docker info` → Plugins.Network). Empty when unknown: not checked then. */
  drivers: string[];
  /** The negotiated API version: fields the engine lacks are refused. Absent (hand-made contexts): the oldest known. */
  api?: string;
  /** What the engine's host has, when it is this machine (src/docker/hostNet.ts); absent otherwise: not checked then. */
  host?: HostFacts;
}

/** The engine host's listening TCP sockets and routes, as far as they were read. */
export interface HostFacts {
  listeners?: Listener[];
  routes?: HostRouteFacts;
}

export function validationContext(snapshot: Snapshot, engine: { swarmManager: boolean; drivers: string[] }, host?: HostFacts): ValidationContext {
  const ctx: ValidationContext = { networks: snapshot.networks, containers: snapshot.containers, swarmManager: engine.swarmManager, drivers: engine.drivers };
  if (snapshot.api) ctx.api = snapshot.api;
  if (host) ctx.host = host;
  return ctx;
}

export function emptyCreateNetworkForm(): CreateNetworkForm {
  return {
    name: '', driver: 'bridge', scope: '', ipv4: [], ipv6: [], enableIPv4: true, enableIPv6: false, internal: false, attachable: false,
    ingress: false, configOnly: false, configFrom: '', ipamDriver: '', ipamOptions: [], driverOptions: [], labels: [],
    gatewayModeIPv4: '', gatewayModeIPv6: '', trustedHostInterfaces: '',
  };
}

export function emptyConnectForm(): ConnectForm {
  return { container: '', network: '', ipv4Address: '', ipv6Address: '', aliases: '', links: '', linkLocalIps: '', driverOptions: [], gwPriority: '' };
}

export function emptyRunForm(): RunForm {
  return { image: '', name: '', network: '', ipv4Address: '', ipv6Address: '', aliases: '', gwPriority: '', ports: [], publishAll: false, command: '', env: [], labels: [] };
}

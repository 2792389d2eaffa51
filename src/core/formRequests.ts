// A form that validated cleanly, as the Engine API body of its one request: POST /networks/create,
// POST /networks/{id}/connect, POST /containers/create (then start).
import type { ConnectForm, CreateNetworkForm, IpamEntry, PortEntry, RunForm } from './forms';
import { dedicatedOptionHelpers, type DedicatedOptionField } from './driverOptions';
import {
  addressFamilies, isBlankIpamEntry, isBlankKeyValue, isBlankPortEntry, keyValueRecord, normalizeLink, normalizeProtocol,
  parseAuxAddresses, parseGwPriority, splitInterfaceList, splitList,
} from './formValues';
import { splitCommand } from './commandLine';


export interface IpamConfigRequest {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** Body of `POST /networks/create`. */
export interface CreateNetworkRequest {
  Name: string;
  Driver?: string;
  Scope?: string;
  /** Ignored by API 1.44+, where duplicates are always refused; kept for 1.41–1.43. */
  CheckDuplicate?: boolean;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  /** API 1.48+; sent only as `false` (an IPv6-only network). */
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string };
  IPAM?: { Driver?: string; Config?: IpamConfigRequest[]; Options?: Record<string, string> };
  Options?: Record<string, string>;
  Labels?: Record<string, string>;
}

export interface EndpointIpamConfigRequest {
  IPv4Address?: string;
  IPv6Address?: string;
  LinkLocalIPs?: string[];
}

/** Body of `POST /networks/{network}/connect` (the network goes in the path). */
export interface ConnectRequest {
  Container: string;
  EndpointConfig?: {
    IPAMConfig?: EndpointIpamConfigRequest;
    Aliases?: string[];
    Links?: string[];
    DriverOpts?: Record<string, string>;
    /** API 1.48+. */
    GwPriority?: number;
  };
}

export interface PortBindingRequest {
  HostIp: string;
  HostPort: string;
}

/** Body of `POST /containers/create` (the name goes in the query string). */
export interface ContainerCreateRequest {
  Image: string;
  Cmd?: string[];
  Env?: string[];
  Labels?: Record<string, string>;
  ExposedPorts?: Record<string, Record<string, never>>;
  HostConfig?: {
    NetworkMode?: string;
    PortBindings?: Record<string, PortBindingRequest[]>;
    /** `-P`: each exposed port on a host port the engine picks. */
    PublishAllPorts?: boolean;
  };
  NetworkingConfig?: {
    EndpointsConfig: Record<string, RunEndpointRequest>;
  };
}

export interface RunEndpointRequest {
  IPAMConfig?: EndpointIpamConfigRequest;
  Aliases?: string[];
  /** API 1.48+. */
  GwPriority?: number;
}

export interface RunRequest {
  /** For `?name=`; undefined lets the engine choose. */
  name?: string;
  body: ContainerCreateRequest;
}

function ipamConfigRequest(e: IpamEntry): IpamConfigRequest {
  const out: IpamConfigRequest = {};
  if (e.subnet.trim()) out.Subnet = e.subnet.trim();
  if (e.ipRange.trim()) out.IPRange = e.ipRange.trim();
  if (e.gateway.trim()) out.Gateway = e.gateway.trim();
  const aux = parseAuxAddresses(e.auxAddresses);
  if (aux.length > 0) {
    out.AuxiliaryAddresses = {};
    for (const a of aux) out.AuxiliaryAddresses[a.name] = a.ip;
  }
  return out;
}

/** The Engine API body for the form. Call it only on a form that validated without errors. */
export function toCreateNetworkRequest(form: CreateNetworkForm): CreateNetworkRequest {
  const req: CreateNetworkRequest = { Name: form.name.trim(), CheckDuplicate: true };
  if (form.driver.trim()) req.Driver = form.driver.trim();
  if (form.scope) req.Scope = form.scope;
  if (form.internal) req.Internal = true;
  if (form.attachable) req.Attachable = true;
  if (form.ingress) req.Ingress = true;
  const families = addressFamilies(form);
  if (!families.ipv4) req.EnableIPv4 = false;
  if (families.ipv6) req.EnableIPv6 = true;
  if (form.configOnly) req.ConfigOnly = true;
  if (form.configFrom.trim()) req.ConfigFrom = { Network: form.configFrom.trim() };
  const configs = [...form.ipv4, ...form.ipv6].filter((e) => !isBlankIpamEntry(e)).map(ipamConfigRequest);
  const ipamOptions = keyValueRecord(form.ipamOptions);
  if (form.ipamDriver.trim() || configs.length > 0 || ipamOptions) {
    req.IPAM = {};
    if (form.ipamDriver.trim()) req.IPAM.Driver = form.ipamDriver.trim();
    if (configs.length > 0) req.IPAM.Config = configs;
    if (ipamOptions) req.IPAM.Options = ipamOptions;
  }
  const options = { ...keyValueRecord(form.driverOptions), ...dedicatedOptionsRecord(form) };
  if (Object.keys(options).length > 0) req.Options = options;
  const labels = keyValueRecord(form.labels);
  if (labels) req.Labels = labels;
  return req;
}

/** The options the form holds in fields of their own, as the engine takes them (interface lists joined by ":"). */
export function dedicatedOptionsRecord(form: Pick<CreateNetworkForm, DedicatedOptionField>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of dedicatedOptionHelpers()) {
    const raw = form[h.field];
    const value = h.kind === 'interfaces' ? splitInterfaceList(raw).join(':') : raw.trim();
    if (value !== '') out[h.key] = value;
  }
  return out;
}

function endpointIpam(ipv4: string, ipv6: string, linkLocal: string[]): EndpointIpamConfigRequest | undefined {
  const out: EndpointIpamConfigRequest = {};
  if (ipv4.trim()) out.IPv4Address = ipv4.trim();
  if (ipv6.trim()) out.IPv6Address = ipv6.trim();
  if (linkLocal.length > 0) out.LinkLocalIPs = linkLocal;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The body of `POST /networks/{form.network}/connect`. */
export function toConnectRequest(form: ConnectForm): ConnectRequest {
  const req: ConnectRequest = { Container: form.container.trim() };
  const ep: NonNullable<ConnectRequest['EndpointConfig']> = {};
  const ipam = endpointIpam(form.ipv4Address, form.ipv6Address, splitList(form.linkLocalIps));
  if (ipam) ep.IPAMConfig = ipam;
  const aliases = splitList(form.aliases);
  if (aliases.length > 0) ep.Aliases = aliases;
  const links = splitList(form.links).map(normalizeLink);
  if (links.length > 0) ep.Links = links;
  const opts = keyValueRecord(form.driverOptions);
  if (opts) ep.DriverOpts = opts;
  const priority = parseGwPriority(form.gwPriority);
  if (priority !== undefined) ep.GwPriority = priority;
  if (Object.keys(ep).length > 0) req.EndpointConfig = ep;
  return req;
}

/** The Run form's network; a gateway priority on the default bridge names it (`--network name=bridge,gw-priority=N`). */
export function runNetworkName(form: Pick<RunForm, 'network' | 'gwPriority'>): string {
  const network = form.network.trim();
  return network === '' && form.gwPriority.trim() !== '' ? 'bridge' : network;
}

/** `80/tcp`: the key of ExposedPorts and PortBindings. */
export function portKey(p: PortEntry): string {
  return `${p.containerPort.trim()}/${normalizeProtocol(p.protocol)}`;
}

/** The name and body of `POST /containers/create?name=…` for `docker run -d`; the caller starts the container afterwards. */
export function toRunRequest(form: RunForm): RunRequest {
  const body: ContainerCreateRequest = { Image: form.image.trim() };
  const cmd = splitCommand(form.command).argv;
  if (cmd.length > 0) body.Cmd = cmd;
  const env = form.env.filter((kv) => !isBlankKeyValue(kv)).map((kv) => `${kv.key.trim()}=${kv.value}`);
  if (env.length > 0) body.Env = env;
  const labels = keyValueRecord(form.labels);
  if (labels) body.Labels = labels;

  const ports = form.ports.filter((p) => !isBlankPortEntry(p));
  const hostConfig: NonNullable<ContainerCreateRequest['HostConfig']> = {};
  if (ports.length > 0) {
    body.ExposedPorts = {};
    hostConfig.PortBindings = {};
    for (const p of ports) {
      const key = portKey(p);
      body.ExposedPorts[key] = {};
      (hostConfig.PortBindings[key] ??= []).push({ HostIp: p.hostIp.trim(), HostPort: p.hostPort.trim() });
    }
  }
  if (form.publishAll) hostConfig.PublishAllPorts = true;
  const priority = parseGwPriority(form.gwPriority);
  const network = runNetworkName(form);
  if (network) {
    hostConfig.NetworkMode = network;
    const ipam = endpointIpam(form.ipv4Address, form.ipv6Address, []);
    const aliases = splitList(form.aliases);
    if (!network.startsWith('container:') && (ipam || aliases.length > 0 || priority !== undefined)) {
      const ep: RunEndpointRequest = {};
      if (ipam) ep.IPAMConfig = ipam;
      if (aliases.length > 0) ep.Aliases = aliases;
      if (priority !== undefined) ep.GwPriority = priority;
      body.NetworkingConfig = { EndpointsConfig: { [network]: ep } };
    }
  }
  if (Object.keys(hostConfig).length > 0) body.HostConfig = hostConfig;
  const name = form.name.trim().replace(/^\//, '');
  return name ? { name, body } : { body };
}

// The three forms (Create Network, Connect, Run) as the webview sends them: plain strings, booleans and arrays,
// exactly as typed. Also the parsing of what is typed (lists, `name=ip` lines, a command line) and the request
// builders that turn a form into an Engine API body. Validation lives in ./validate/, the CLI text in ./cli.ts.
import * as l10n from '@vscode/l10n';
import type { Feature } from './apiVersion';
import type { NetworkView, RawContainer, Snapshot } from './model';

// ---------------------------------------------------------------------------------------------------------------
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
}

export function validationContext(snapshot: Snapshot, engine: { swarmManager: boolean; drivers: string[] }): ValidationContext {
  const ctx: ValidationContext = { networks: snapshot.networks, containers: snapshot.containers, swarmManager: engine.swarmManager, drivers: engine.drivers };
  if (snapshot.api) ctx.api = snapshot.api;
  return ctx;
}

export function emptyIpamEntry(): IpamEntry {
  return { subnet: '', ipRange: '', gateway: '', auxAddresses: '' };
}

export function emptyPortEntry(): PortEntry {
  return { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' };
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
  return { image: '', name: '', network: '', ipv4Address: '', ipv6Address: '', aliases: '', gwPriority: '', ports: [], command: '', env: [], labels: [] };
}

/** The first message for each field, for a form that shows one message under each input. */
export function firstErrorByField(errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.message;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Driver options the form offers helpers for

export type DriverOptionKind = 'text' | 'interface' | 'interfaces' | 'mtu' | 'boolean' | 'ipv4' | 'choice';

/** The Create Network fields that hold a driver option of their own (it still goes into the request's Options). */
export type DedicatedOptionField = 'gatewayModeIPv4' | 'gatewayModeIPv6' | 'trustedHostInterfaces';

export interface DriverOptionHelper {
  key: string;
  label: string;
  /** Drivers this option means something to. */
  drivers: readonly string[];
  kind: DriverOptionKind;
  /** For `choice`. */
  choices?: readonly string[];
  /** Set when a form field of its own holds the option, instead of a driver-option row. */
  field?: DedicatedOptionField;
  /** The engine feature it needs: offered only where the negotiated API has it, refused elsewhere. */
  feature?: Feature;
}

export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';
export const OPT_MTU = 'com.docker.network.driver.mtu';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_MASQUERADE = 'com.docker.network.bridge.enable_ip_masquerade';
export const OPT_HOST_BINDING_IPV4 = 'com.docker.network.bridge.host_binding_ipv4';
export const OPT_PARENT = 'parent';
export const OPT_MACVLAN_MODE = 'macvlan_mode';
export const OPT_IPVLAN_MODE = 'ipvlan_mode';
export const OPT_IPVLAN_FLAG = 'ipvlan_flag';
export const OPT_GATEWAY_MODE_IPV4 = 'com.docker.network.bridge.gateway_mode_ipv4';
export const OPT_GATEWAY_MODE_IPV6 = 'com.docker.network.bridge.gateway_mode_ipv6';
export const OPT_TRUSTED_HOST_INTERFACES = 'com.docker.network.bridge.trusted_host_interfaces';
/** Generic options the engine reads when the request leaves EnableIPv4/EnableIPv6 out (moby daemon/network.go). */
export const OPT_ENABLE_IPV4 = 'com.docker.network.enable_ipv4';
export const OPT_ENABLE_IPV6 = 'com.docker.network.enable_ipv6';
/** Every gateway mode any engine knows (moby bridge newGwMode); apiVersion.gatewayModes() says which one has which. */
export const GATEWAY_MODES = ['nat', 'nat-unprotected', 'routed', 'isolated'] as const;
export const MACVLAN_MODES = ['bridge', 'private', 'vepa', 'passthru'] as const;
export const IPVLAN_MODES = ['l2', 'l3', 'l3s'] as const;
export const IPVLAN_FLAGS = ['bridge', 'private', 'vepa'] as const;

/** The well-known driver options, for the form's helpers; pass a driver to get only those that apply to it. */
export function driverOptionHelpers(driver?: string): DriverOptionHelper[] {
  const all: DriverOptionHelper[] = [
    { key: OPT_BRIDGE_NAME, label: l10n.t('Bridge interface name'), drivers: ['bridge'], kind: 'interface' },
    { key: OPT_MTU, label: l10n.t('MTU'), drivers: ['bridge', 'overlay', 'macvlan', 'ipvlan'], kind: 'mtu' },
    { key: OPT_ICC, label: l10n.t('Inter-container communication (ICC)'), drivers: ['bridge'], kind: 'boolean' },
    { key: OPT_MASQUERADE, label: l10n.t('IP masquerade'), drivers: ['bridge'], kind: 'boolean' },
    { key: OPT_HOST_BINDING_IPV4, label: l10n.t('Default host IPv4 for published ports'), drivers: ['bridge'], kind: 'ipv4' },
    { key: OPT_PARENT, label: l10n.t('Parent interface'), drivers: ['macvlan', 'ipvlan'], kind: 'interface' },
    { key: OPT_MACVLAN_MODE, label: l10n.t('Macvlan mode'), drivers: ['macvlan'], kind: 'choice', choices: MACVLAN_MODES },
    { key: OPT_IPVLAN_MODE, label: l10n.t('IPvlan mode'), drivers: ['ipvlan'], kind: 'choice', choices: IPVLAN_MODES },
    { key: OPT_IPVLAN_FLAG, label: l10n.t('IPvlan flag'), drivers: ['ipvlan'], kind: 'choice', choices: IPVLAN_FLAGS },
    {
      key: OPT_GATEWAY_MODE_IPV4, label: l10n.t('IPv4 routing mode'), drivers: ['bridge'], kind: 'choice', choices: GATEWAY_MODES,
      field: 'gatewayModeIPv4', feature: 'gatewayModeNatRouted',
    },
    {
      key: OPT_GATEWAY_MODE_IPV6, label: l10n.t('IPv6 routing mode'), drivers: ['bridge'], kind: 'choice', choices: GATEWAY_MODES,
      field: 'gatewayModeIPv6', feature: 'gatewayModeNatRouted',
    },
    {
      key: OPT_TRUSTED_HOST_INTERFACES, label: l10n.t('Trusted host interfaces'), drivers: ['bridge'], kind: 'interfaces',
      field: 'trustedHostInterfaces', feature: 'trustedHostInterfaces',
    },
  ];
  return driver === undefined ? all : all.filter((h) => h.drivers.includes(driver));
}

/** The helpers whose option has a form field of its own (gateway modes, trusted host interfaces). */
export function dedicatedOptionHelpers(): Array<DriverOptionHelper & { field: DedicatedOptionField }> {
  return driverOptionHelpers().filter((h): h is DriverOptionHelper & { field: DedicatedOptionField } => h.field !== undefined);
}

/** Drivers the form offers: the engine's, minus `host` and `null` (never created by hand), minus `overlay` off a Swarm manager; `bridge` first. */
export function creatableDrivers(ctx: Pick<ValidationContext, 'drivers' | 'swarmManager'>): string[] {
  const offered = ctx.drivers.length > 0 ? ctx.drivers : ['bridge', 'ipvlan', 'macvlan', 'overlay'];
  const out = [...new Set(offered)].filter((d) => d !== 'host' && d !== 'null' && (d !== 'overlay' || ctx.swarmManager));
  out.sort((a, b) => (a === 'bridge' ? -1 : b === 'bridge' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (!out.includes('bridge')) out.unshift('bridge');
  return out;
}

/** Scopes the form offers: `swarm` only on a Swarm manager. */
export function availableScopes(ctx: Pick<ValidationContext, 'swarmManager'>): NetworkScope[] {
  return ctx.swarmManager ? ['', 'local', 'swarm'] : ['', 'local'];
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing what the user typed

/** Items of a list typed as "a, b c\nd": split on commas and whitespace, blanks dropped. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

export interface AuxAddress {
  name: string;
  ip: string;
  /** The item as typed, for messages. */
  raw: string;
}

/** `name=ip` items, one per line or comma separated. Items without `=` come back with an empty ip and are reported by validation. */
export function parseAuxAddresses(text: string): AuxAddress[] {
  return text.split(/[\n,]+/).map((s) => s.trim()).filter((s) => s !== '').map((raw) => {
    const eq = raw.indexOf('=');
    return eq < 0 ? { name: raw, ip: '', raw } : { name: raw.slice(0, eq).trim(), ip: raw.slice(eq + 1).trim(), raw };
  });
}

/** A row is used when its key or its value has something in it. */
export function isBlankKeyValue(kv: KeyValue): boolean {
  return kv.key.trim() === '' && kv.value.trim() === '';
}

/** The used rows as a record (keys trimmed, values as typed); undefined when there are none. */
export function keyValueRecord(rows: readonly KeyValue[]): Record<string, string> | undefined {
  const used = rows.filter((kv) => !isBlankKeyValue(kv));
  if (used.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const kv of used) out[kv.key.trim()] = kv.value;
  return out;
}

export function isBlankIpamEntry(e: IpamEntry): boolean {
  return e.subnet.trim() === '' && e.ipRange.trim() === '' && e.gateway.trim() === '' && e.auxAddresses.trim() === '';
}

export function isBlankPortEntry(p: PortEntry): boolean {
  return p.hostIp.trim() === '' && p.hostPort.trim() === '' && p.containerPort.trim() === '';
}

export interface SplitCommand {
  argv: string[];
  /** Set when the line is not well formed (an unclosed quote, a trailing backslash); argv is then a best effort. */
  error?: string;
}

/**
 * Splits a command line into argv the way a POSIX shell splits words, without running one: no variables, no globbing,
 * no operators. Single quotes keep everything literally; double quotes keep everything but `\"`, `\\`, `\$` and `` \` ``;
 * outside quotes a backslash keeps the next character. Adjacent parts join (`a'b c'` is one word); `''` is an empty word.
 */
export function splitCommand(line: string): SplitCommand {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  let error: string | undefined;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      inWord = true;
      if (end < 0) {
        word += line.slice(i + 1);
        error = l10n.t('The command has a single quote that is never closed.');
        i = line.length;
      } else {
        word += line.slice(i + 1, end);
        i = end + 1;
      }
    } else if (ch === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i];
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) error = l10n.t('The command has a double quote that is never closed.');
    } else if (ch === '\\') {
      inWord = true;
      if (i + 1 < line.length) {
        // A backslash before a newline joins the lines, as in a shell.
        if (line[i + 1] !== '\n') word += line[i + 1];
        i += 2;
      } else {
        word += '\\';
        error = l10n.t('The command ends with a backslash that escapes nothing.');
        i++;
      }
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) argv.push(word);
  return error === undefined ? { argv } : { argv, error };
}

/** Interface names as typed ("eth0:wlan0", "eth0, wlan0"): the engine's option separates them with ":". */
export function splitInterfaceList(text: string): string[] {
  return text.split(/[\s,:]+/).filter((s) => s !== '');
}

/** Go's strconv.ParseBool, which the engine uses for boolean options; undefined when it would refuse the text. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** The range the form accepts for a gateway priority: a 32-bit int, which every engine (and JSON) carries exactly. */
export const GW_PRIORITY_MIN = -2147483648;
export const GW_PRIORITY_MAX = 2147483647;

/** A gateway priority as typed ("10", "-5", "+3"), or undefined when it is not a whole number in range. */
export function parseGwPriority(text: string): number | undefined {
  const s = text.trim();
  if (!/^[+-]?[0-9]{1,10}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= GW_PRIORITY_MIN && n <= GW_PRIORITY_MAX ? n : undefined;
}

/** The value of the used driver-option row with this key, trimmed; undefined when there is none. */
export function driverOptionValue(form: Pick<CreateNetworkForm, 'driverOptions'>, key: string): string | undefined {
  const row = form.driverOptions.find((kv) => !isBlankKeyValue(kv) && kv.key.trim() === key);
  return row?.value.trim();
}

/**
 * Whether the network gets IPv4 and IPv6, as the engine decides it (moby daemon/network.go): a checkbox moved off its
 * default wins (the engine then drops the option), else the `com.docker.network.enable_ipv4/_ipv6` driver option, else
 * the default (IPv4 on, IPv6 off). Validation refuses an option that contradicts a moved checkbox.
 */
export function addressFamilies(form: Pick<CreateNetworkForm, 'enableIPv4' | 'enableIPv6' | 'driverOptions'>): { ipv4: boolean; ipv6: boolean } {
  const option = (key: string): boolean | undefined => {
    const v = driverOptionValue(form, key);
    return v === undefined ? undefined : parseGoBool(v);
  };
  return {
    ipv4: form.enableIPv4 ? option(OPT_ENABLE_IPV4) ?? true : false,
    ipv6: form.enableIPv6 ? true : option(OPT_ENABLE_IPV6) ?? false,
  };
}

/** `container` or `container:alias`, normalised to `container:alias` as the engine stores links. */
export function normalizeLink(link: string): string {
  const i = link.indexOf(':');
  return i < 0 ? `${link}:${link}` : link;
}

export function normalizeProtocol(protocol: string): string {
  const p = protocol.trim().toLowerCase();
  return p === '' ? 'tcp' : p;
}

// ---------------------------------------------------------------------------------------------------------------
// Engine API bodies

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

// ---------------------------------------------------------------------------------------------------------------
// Forms arriving from a webview are untrusted: these turn any value into a well-formed form, never throwing.
// Missing or mistyped fields become empty; nothing else is changed, so validation still sees what was typed.

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}
function bool(v: unknown): boolean {
  return v === true;
}
function list<T>(v: unknown, item: (x: unknown) => T, max = 256): T[] {
  return Array.isArray(v) ? v.slice(0, max).map(item) : [];
}
function keyValues(v: unknown): KeyValue[] {
  return list(v, (x) => ({ key: str(obj(x).key), value: str(obj(x).value) }));
}
function ipamEntries(v: unknown): IpamEntry[] {
  return list(v, (x) => {
    const o = obj(x);
    return { subnet: str(o.subnet), ipRange: str(o.ipRange), gateway: str(o.gateway), auxAddresses: str(o.auxAddresses) };
  }, 32);
}

export function coerceCreateNetworkForm(raw: unknown): CreateNetworkForm {
  const o = obj(raw);
  const scope = str(o.scope);
  return {
    name: str(o.name), driver: str(o.driver), scope: scope === 'local' || scope === 'swarm' ? scope : '',
    ipv4: ipamEntries(o.ipv4), ipv6: ipamEntries(o.ipv6), enableIPv4: o.enableIPv4 !== false, enableIPv6: bool(o.enableIPv6),
    internal: bool(o.internal), attachable: bool(o.attachable), ingress: bool(o.ingress), configOnly: bool(o.configOnly),
    configFrom: str(o.configFrom), ipamDriver: str(o.ipamDriver), ipamOptions: keyValues(o.ipamOptions),
    driverOptions: keyValues(o.driverOptions), labels: keyValues(o.labels), gatewayModeIPv4: str(o.gatewayModeIPv4),
    gatewayModeIPv6: str(o.gatewayModeIPv6), trustedHostInterfaces: str(o.trustedHostInterfaces),
  };
}

export function coerceConnectForm(raw: unknown): ConnectForm {
  const o = obj(raw);
  return {
    container: str(o.container), network: str(o.network), ipv4Address: str(o.ipv4Address), ipv6Address: str(o.ipv6Address),
    aliases: str(o.aliases), links: str(o.links), linkLocalIps: str(o.linkLocalIps), driverOptions: keyValues(o.driverOptions),
    gwPriority: str(o.gwPriority),
  };
}

export function coerceRunForm(raw: unknown): RunForm {
  const o = obj(raw);
  return {
    image: str(o.image), name: str(o.name), network: str(o.network), ipv4Address: str(o.ipv4Address), ipv6Address: str(o.ipv6Address),
    aliases: str(o.aliases), gwPriority: str(o.gwPriority),
    ports: list(o.ports, (x) => {
      const p = obj(x);
      return { hostIp: str(p.hostIp), hostPort: str(p.hostPort), containerPort: str(p.containerPort), protocol: str(p.protocol) };
    }),
    command: str(o.command), env: keyValues(o.env), labels: keyValues(o.labels),
  };
}

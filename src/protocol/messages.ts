// The one message protocol between the form panels (src/host/panels) and their webview scripts (src/webview).
// Both sides import this module; it imports only types from core, so the webview bundle stays DOM-only.
//
//   webview → host   { type: 'ready' }                                           once the script runs (handshake)
//                    { type: 'request', id, method, params }                     validate | submit | copyCommand
//                    { type: 'request', id, method: 'suggest', params: { form, field } }   a value for one field
//   host → webview   { type: 'init', kind, form, formVersion, notices, options, title, text }   answer to `ready`
//                    (text: the page's words and the display language, src/protocol/pageText.ts)
//                    { type: 'options', options }                                the engine changed (pick lists)
//                    { type: 'setForm', form, formVersion, notices }             the panel was reopened with a prefill
//
// `options.capabilities` says which fields of engines 25–29 the negotiated API has (src/core/formCapabilities.ts);
// `notices` are lines shown above the form (what a Create Network Like This prefill had to leave out).
//                    { type: 'reply', id, ok: true, result }                     a request succeeded
//                    { type: 'reply', id, ok: false, error }                     a request failed (never left hanging)
//
// Everything that comes from a webview is untrusted: parseWebviewMessage() checks it at run time (shape, types,
// sizes, no unknown keys) and the host rejects anything else without acting on it.
import type {
  ConnectForm, CreateNetworkForm, FieldError, IpamEntry, KeyValue, NetworkScope, PortEntry, RunForm,
} from '../core/forms';
import type { DriverOptionHelper } from '../core/driverOptions';
import type { CreateNetworkCapabilities, EndpointCapabilities } from '../core/formCapabilities';
import type { FormTextOf } from '../core/pageText/forms';
import type { PageText } from './pageText';
import type { ReplyError, ReplyMessage } from './reply';
import {
  arr, bool, isPlainObject, MAX_LONG_TEXT, MAX_TEXT, obj, oneOf, parseEnvelope, str, type Check, type Parsed,
} from './check';
import { suggestField, type SuggestResult } from './suggest';

export { SUGGEST_FIELDS, type SuggestResult } from './suggest';

export { MAX_LONG_TEXT, MAX_ROWS, MAX_TEXT, ProtocolError } from './check';
export { rejectReply, type ReplyError, type ReplyMessage } from './reply';

export type { CreateNetworkCapabilities, EndpointCapabilities, FieldError };

// ---------------------------------------------------------------------------------------------------------------
// Forms and what the host tells each form about the engine

export type FormKind = 'createNetwork' | 'connect' | 'run';

export interface FormOf {
  createNetwork: CreateNetworkForm;
  connect: ConnectForm;
  run: RunForm;
}

/** One entry of a pick list: what is sent back (`value`), what is shown (`label`, `detail`), an optional group. */
export interface Choice {
  value: string;
  label: string;
  detail?: string;
  group?: string;
}

export interface CreateNetworkOptions {
  /** Drivers that can be created here (never host or null), bridge first. */
  drivers: string[];
  /** Scopes offered ('' = the driver's default); `swarm` only on a Swarm manager. */
  scopes: NetworkScope[];
  swarmManager: boolean;
  /** Config-only networks, for "config from". */
  configOnlyNetworks: Choice[];
  /** Suggestions for the IPAM driver. */
  ipamDrivers: string[];
  /** Well-known driver options (every driver's; the form shows those of the chosen driver). */
  driverOptionHelpers: DriverOptionHelper[];
  /** What the negotiated API has: the form offers a newer field only where this says so. */
  capabilities: CreateNetworkCapabilities;
}

export interface ConnectOptions {
  /** Running containers with a network stack of their own (not host, none or container: mode). */
  containers: Choice[];
  /** Networks a container can join (not host or none, not config-only). */
  networks: Choice[];
  /** Container name → the names of the networks it is already on (the form never offers those). */
  attached: Record<string, string[]>;
  capabilities: EndpointCapabilities;
}

export interface RunOptions {
  /** Local images (tags, or the short id of an untagged image). */
  images: Choice[];
  /** '' (the default bridge), networks, host, none, and `container:<name>` of running containers. */
  networks: Choice[];
  capabilities: EndpointCapabilities;
}

export interface OptionsOf {
  createNetwork: CreateNetworkOptions;
  connect: ConnectOptions;
  run: RunOptions;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests (webview → host) and their results

export interface ValidateResult {
  /** Every problem, each attached to its field path (`name`, `ipv4[0].gateway`, `ports[1].hostPort`). */
  errors: FieldError[];
  /** The equivalent docker command, for display. */
  command: string;
  /** What is worth knowing before the submit but does not stop it, beside its field (-P on an image that exposes nothing). */
  notes: FieldError[];
}

export interface SubmitResult {
  /** What was done, e.g. "Created network my-net." */
  message: string;
}

export interface CopyResult {
  /** The command that was put on the clipboard. */
  command: string;
}

export interface Methods<K extends FormKind> {
  validate: { params: { form: FormOf[K] }; result: ValidateResult };
  submit: { params: { form: FormOf[K] }; result: SubmitResult };
  copyCommand: { params: { form: FormOf[K] }; result: CopyResult };
  suggest: { params: { form: FormOf[K]; field: string }; result: SuggestResult };
}
export type Method = keyof Methods<FormKind>;
export const METHODS: readonly Method[] = ['validate', 'submit', 'copyCommand', 'suggest'];

export type ParamsOf<K extends FormKind, M extends Method> = Methods<K>[M]['params'];
export type ResultOf<K extends FormKind, M extends Method> = Methods<K>[M]['result'];

export interface RequestMessage<K extends FormKind, M extends Method = Method> {
  type: 'request';
  id: number;
  method: M;
  params: ParamsOf<K, M>;
}

export interface ReadyMessage {
  type: 'ready';
}

/** Everything a webview may send. */
export type WebviewMessage<K extends FormKind> = ReadyMessage | { [M in Method]: RequestMessage<K, M> }[Method];

// ---------------------------------------------------------------------------------------------------------------
// Host → webview

export interface InitMessage<K extends FormKind> {
  type: 'init';
  kind: K;
  title: string;
  form: FormOf[K];
  /** Changes whenever the host replaces the form (a new prefill); a webview keeps its own saved state otherwise. */
  formVersion: number;
  /** Lines to show above the form, about this prefill (e.g. what it left out for this engine). */
  notices: string[];
  options: OptionsOf[K];
  /** The page's words (src/core/pageText/forms.ts, translated) and the display language. */
  text: PageText<FormTextOf[K]>;
  /**
   * The last submit's failure, while the form is the one that failed: shown again as the submit showed it (a reply
   * posted while the panel was hidden never reached the page that was discarded).
   */
  outcome?: ReplyError;
}

export interface OptionsMessage<K extends FormKind> {
  type: 'options';
  options: OptionsOf[K];
}

export interface SetFormMessage<K extends FormKind> {
  type: 'setForm';
  form: FormOf[K];
  formVersion: number;
  notices: string[];
}

export type HostMessage<K extends FormKind> = InitMessage<K> | OptionsMessage<K> | SetFormMessage<K> | ReplyMessage;

/** What a webview keeps with setState() so the form survives the panel being hidden (its page is discarded). */
export interface SavedState<K extends FormKind> {
  kind: K;
  formVersion: number;
  form: FormOf[K];
  /** Field paths the user has edited (their errors show while typing). */
  touched: string[];
  /** The user tried to submit once: every error shows. */
  submitted: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Run-time checks of what a webview sends (src/protocol/check.ts)

type FormChecks = { [K in FormKind]: Check<FormOf[K]> };
let formChecksMade: FormChecks | undefined;

/**
 * The check of each form kind (its keys are the form kinds). Made on first use: the webview bundles, which never
 * check what they send, leave the checks out.
 */
export function formChecks(): FormChecks {
  if (formChecksMade) return formChecksMade;
  const keyValue: Check<KeyValue> = obj<KeyValue>({ key: str(), value: str(MAX_LONG_TEXT) });
  const ipamEntry: Check<IpamEntry> = obj<IpamEntry>({ subnet: str(), ipRange: str(), gateway: str(), auxAddresses: str() });
  const portEntry: Check<PortEntry> = obj<PortEntry>({ hostIp: str(), hostPort: str(), containerPort: str(), protocol: str() });
  formChecksMade = {
    createNetwork: obj<CreateNetworkForm>({
      name: str(),
      driver: str(),
      scope: oneOf<NetworkScope>(['', 'local', 'swarm']),
      ipv4: arr(ipamEntry),
      ipv6: arr(ipamEntry),
      enableIPv4: bool,
      enableIPv6: bool,
      internal: bool,
      attachable: bool,
      ingress: bool,
      configOnly: bool,
      configFrom: str(),
      ipamDriver: str(),
      ipamOptions: arr(keyValue),
      driverOptions: arr(keyValue),
      labels: arr(keyValue),
      gatewayModeIPv4: str(),
      gatewayModeIPv6: str(),
      trustedHostInterfaces: str(),
    }),
    connect: obj<ConnectForm>({
      container: str(),
      network: str(),
      ipv4Address: str(),
      ipv6Address: str(),
      aliases: str(),
      links: str(),
      linkLocalIps: str(),
      driverOptions: arr(keyValue),
      gwPriority: str(),
    }),
    run: obj<RunForm>({
      image: str(),
      name: str(),
      network: str(),
      ipv4Address: str(),
      ipv6Address: str(),
      aliases: str(),
      gwPriority: str(),
      ports: arr(portEntry),
      publishAll: bool,
      command: str(MAX_LONG_TEXT),
      env: arr(keyValue),
      labels: arr(keyValue),
    }),
  };
  return formChecksMade;
}

export type ParseResult<K extends FormKind> = Parsed<WebviewMessage<K>>;

/** Checks a message from a webview of the given kind. Never throws. */
export function parseWebviewMessage<K extends FormKind>(kind: K, raw: unknown): ParseResult<K> {
  const form = formChecks()[kind] as Check<FormOf[K]>;
  const params = obj<{ form: FormOf[K] }>({ form });
  const methods: Record<Method, Check<unknown>> = {
    validate: params, submit: params, copyCommand: params, suggest: obj<{ form: FormOf[K]; field: string }>({ form, field: suggestField(kind) }),
  };
  return parseEnvelope<WebviewMessage<K>>({ notifications: { ready: obj<ReadyMessage>({ type: oneOf(['ready'] as const) }) }, methods }, raw);
}

// ---------------------------------------------------------------------------------------------------------------
// The webview's check of the capabilities the host sends: anything malformed offers nothing new, never throws.

function readBool(o: Record<string, unknown>, key: string): boolean {
  return o[key] === true;
}

function readApi(o: Record<string, unknown>): string {
  return typeof o.api === 'string' && /^\d+\.\d+$/.test(o.api) ? o.api : '';
}

export function readCreateNetworkCapabilities(v: unknown): CreateNetworkCapabilities {
  const o = isPlainObject(v) ? v : {};
  const modes = Array.isArray(o.gatewayModes) ? o.gatewayModes.filter((m): m is string => typeof m === 'string' && m.length <= 32) : [];
  return {
    api: readApi(o), enableIPv4: readBool(o, 'enableIPv4'), ipv6DefaultPool: readBool(o, 'ipv6DefaultPool'),
    gatewayModes: modes.slice(0, 8), trustedHostInterfaces: readBool(o, 'trustedHostInterfaces'),
  };
}

export function readEndpointCapabilities(v: unknown): EndpointCapabilities {
  const o = isPlainObject(v) ? v : {};
  return { api: readApi(o), gwPriority: readBool(o, 'gwPriority') };
}

/** Notices as sent by the host: strings only, a few of them. */
export function readNotices(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 16).map((x) => x.slice(0, MAX_TEXT)) : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Field paths ↔ element ids (both sides agree on them)

/** `ipv4[0].gateway` → `f-ipv4-0-gateway`: a valid, unique HTML id for the input of a field path. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

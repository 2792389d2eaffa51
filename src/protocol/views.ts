// The protocol between the read-only view panels (Network Details, Container Networking, Connectivity) and their
// webview scripts. Same shape and rules as the forms' protocol (src/protocol/messages.ts): a `ready` handshake,
// requests with ids whose replies always come (ok or error), and everything from a webview checked at run time.
//
//   webview → host   { type: 'ready' }
//                    { type: 'request', id, method: 'action', params: { action, containerId?, networkId? } }
//   host → webview   { type: 'state', kind, state }            the whole picture, again on every change
//                    { type: 'reply', id, ok: true, result } | { type: 'reply', id, ok: false, error }
//
// The state is rendered as it is: the host has already put every text into words (src/core/details.ts).
import type { ContainerNetworkingState, NetworkDetailsState } from '../core/details';
import type { Agreement, ModelAtAddress, ProbeResult } from '../core/probe';
import type { ReplyMessage } from './messages';

export type ViewKind = 'networkDetails' | 'containerNetworking' | 'connectivity';
export const VIEW_KINDS: readonly ViewKind[] = ['networkDetails', 'containerNetworking', 'connectivity'];

/** One row of the Connectivity panel: a probe set beside the model. */
export interface ConnectivityRow {
  from: { id: string; name: string };
  to: { id: string; name: string };
  network: { id: string; name: string };
  address: string;
  /** Absent while the probe is still to run (matrix). */
  probe?: ProbeResult;
  /** The command that decided, as an argv array in JSON (no shell string). */
  command?: string;
  model: ModelAtAddress;
  agreement?: Agreement;
  /** The probe could not be run at all (the engine refused the exec, the source stopped…). */
  error?: string;
}

export interface ConnectivityState {
  engine: string;
  mode: 'pair' | 'matrix';
  title: string;
  network?: { id: string; name: string };
  /** Matrix: what the cap left out, said on screen. */
  capText?: string;
  cap?: number;
  /** Members without an address on the network (never targets). */
  notes: string[];
  running: boolean;
  cancelled: boolean;
  done: number;
  total: number;
  rows: ConnectivityRow[];
  startedAt: string;
  finishedAt?: string;
}

export interface ViewStateOf {
  networkDetails: NetworkDetailsState;
  containerNetworking: ContainerNetworkingState;
  connectivity: ConnectivityState;
}

/** The buttons of each panel. Row actions carry the row's container id. */
export const VIEW_ACTIONS = {
  networkDetails: [
    'inspectContainer', 'disconnect', 'checkConnectivity', 'showContainerNetworking',
    'connectContainer', 'createLike', 'openJson', 'remove', 'checkAllPairs',
  ],
  containerNetworking: ['inspect', 'checkConnectivity', 'showNetworkDetails'],
  connectivity: ['runAgain', 'cancel', 'showNetworkDetails'],
} as const;

export type ViewActionOf<K extends ViewKind> = (typeof VIEW_ACTIONS)[K][number];

export interface ActionParams<K extends ViewKind> {
  action: ViewActionOf<K>;
  containerId?: string;
  networkId?: string;
}

export interface ViewRequest<K extends ViewKind> {
  type: 'request';
  id: number;
  method: 'action';
  params: ActionParams<K>;
}

export type ViewWebviewMessage<K extends ViewKind> = { type: 'ready' } | ViewRequest<K>;

export interface ViewStateMessage<K extends ViewKind> {
  type: 'state';
  kind: K;
  state: ViewStateOf[K];
}

export interface ActionResult {
  /** What happened, when there is something to say. */
  message?: string;
}

export type ViewHostMessage<K extends ViewKind> = ViewStateMessage<K> | ReplyMessage;

/** What a view webview keeps with setState() (the page is discarded while hidden). */
export interface ViewSavedState<K extends ViewKind> {
  kind: K;
  state: ViewStateOf[K];
}

// ---------------------------------------------------------------------------------------------------------------
// Run-time check of what a view webview sends

/** A container or network id as the engine writes it (12 to 64 hex digits). */
const ID = /^[0-9a-f]{12,64}$/;

export type ViewParseResult<K extends ViewKind> =
  | { ok: true; message: ViewWebviewMessage<K> }
  | { ok: false; error: string; id?: number };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A value from a webview as a refusal quotes it: a string cut at 64 characters, a number or boolean as written,
 * anything else by its type. Never JSON.stringify, which throws on a cycle, a BigInt or deep nesting (and would send
 * a 1 MB input back whole).
 */
export function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined) return 'nothing';
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], path: string): string | undefined {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return `${path}: unexpected key ${shown(k)}`;
  return undefined;
}

/** Checks a message from a view webview of the given kind. Never throws. */
export function parseViewMessage<K extends ViewKind>(kind: K, raw: unknown): ViewParseResult<K> {
  if (!isPlainObject(raw)) return { ok: false, error: 'message: expected an object' };
  if (raw.type === 'ready') {
    const extra = onlyKeys(raw, ['type'], 'message');
    return extra ? { ok: false, error: extra } : { ok: true, message: { type: 'ready' } };
  }
  if (raw.type !== 'request') return { ok: false, error: `message.type: expected "ready" or "request", got ${shown(raw.type)}` };
  const id = typeof raw.id === 'number' && Number.isSafeInteger(raw.id) && raw.id >= 0 ? raw.id : undefined;
  if (id === undefined) return { ok: false, error: 'message.id: expected a non-negative integer' };
  const fail = (error: string): ViewParseResult<K> => ({ ok: false, error, id });
  const extra = onlyKeys(raw, ['type', 'id', 'method', 'params'], 'message');
  if (extra) return fail(extra);
  if (raw.method !== 'action') return fail('message.method: expected "action"');
  const p = raw.params;
  if (!isPlainObject(p)) return fail('message.params: expected an object');
  const extraParams = onlyKeys(p, ['action', 'containerId', 'networkId'], 'message.params');
  if (extraParams) return fail(extraParams);
  const actions: readonly string[] = VIEW_ACTIONS[kind];
  if (typeof p.action !== 'string' || !actions.includes(p.action)) {
    return fail(`message.params.action: expected one of ${actions.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  const params: ActionParams<K> = { action: p.action as ViewActionOf<K> };
  for (const key of ['containerId', 'networkId'] as const) {
    const v = p[key];
    if (v === undefined) continue;
    if (typeof v !== 'string' || !ID.test(v)) return fail(`message.params.${key}: expected an engine id (12 to 64 hex digits)`);
    params[key] = v;
  }
  return { ok: true, message: { type: 'request', id, method: 'action', params } };
}

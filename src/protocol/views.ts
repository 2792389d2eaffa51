// The protocol between the read-only view panels (Network Details, Container Networking, Connectivity) and their
// webview scripts. Same shape and rules as the forms' protocol (src/protocol/messages.ts): a `ready` handshake,
// requests with ids whose replies always come (ok or error), and everything from a webview checked at run time.
//
//   webview → host   { type: 'ready' }
//                    { type: 'request', id, method: 'action', params: { action, containerId?, networkId? } }
//   host → webview   { type: 'init', kind, text }              answer to `ready`: the page's words and locale
//                    { type: 'state', kind, state }            the whole picture, again on every change
//                    { type: 'reply', id, ok: true, result } | { type: 'reply', id, ok: false, error }
//
// The state is rendered as it is: the host has already put every text into words (src/core/details.ts).
import type { NetworkDetailsState } from '../core/details';
import type { ContainerNetworkingState } from '../core/containerDetails';
import type { ExplainReachState } from '../core/explainTypes';
import type { ProbeResult } from '../core/probe';
import type { PortsState } from '../core/portsView';
import type { Agreement, ModelAtAddress } from '../core/probeTargets';
import type { ViewTextOf } from '../core/pageText/views';
import type { PageText } from './pageText';
import type { ReplyMessage } from './reply';
import { engineId, obj, oneOf, optional, parseEnvelope, type Parsed } from './check';

export type ViewKind = 'networkDetails' | 'containerNetworking' | 'connectivity' | 'explainReach' | 'ports';

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
  explainReach: ExplainReachState;
  ports: PortsState;
}

/** The buttons of each panel (its keys are the view kinds). Row actions carry the row's container id. */
export const VIEW_ACTIONS = {
  networkDetails: [
    'inspectContainer', 'disconnect', 'checkConnectivity', 'showContainerNetworking',
    'connectContainer', 'createLike', 'openJson', 'remove', 'checkAllPairs', 'copyAsCompose', 'copyAsCommands',
  ],
  containerNetworking: ['inspect', 'checkConnectivity', 'showNetworkDetails', 'resolve'],
  connectivity: ['runAgain', 'cancel', 'showNetworkDetails'],
  // Fix buttons (connect, start, createNetwork) name the container and network of a fix the host offered.
  explainReach: ['probe', 'connect', 'start', 'createNetwork', 'swap', 'showContainerNetworking'],
  ports: ['refresh', 'showContainerNetworking', 'showNetworkDetails'],
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

/** Sent on every `ready`, before the first state: the page's words (src/core/pageText) and the display language. */
export interface ViewInitMessage<K extends ViewKind> {
  type: 'init';
  kind: K;
  text: PageText<ViewTextOf[K]>;
}

export interface ActionResult {
  /** What happened, when there is something to say. */
  message?: string;
}

export type ViewHostMessage<K extends ViewKind> = ViewInitMessage<K> | ViewStateMessage<K> | ReplyMessage;

/** What a view webview keeps with setState() (the page is discarded while hidden). */
export interface ViewSavedState<K extends ViewKind> {
  kind: K;
  state: ViewStateOf[K];
  /** The words it was shown with (a page restored while hidden shows at once, before its `init`). */
  text?: PageText<ViewTextOf[K]>;
}

// ---------------------------------------------------------------------------------------------------------------
// Run-time check of what a view webview sends (src/protocol/check.ts)

export type ViewParseResult<K extends ViewKind> = Parsed<ViewWebviewMessage<K>>;

/** Checks a message from a view webview of the given kind. Never throws. */
export function parseViewMessage<K extends ViewKind>(kind: K, raw: unknown): ViewParseResult<K> {
  const action = obj<ActionParams<K>>({
    action: oneOf<ViewActionOf<K>>(VIEW_ACTIONS[kind]),
    containerId: optional(engineId),
    networkId: optional(engineId),
  });
  return parseEnvelope<ViewWebviewMessage<K>>({ notifications: { ready: obj<{ type: 'ready' }>({ type: oneOf(['ready'] as const) }) }, methods: { action } }, raw);
}

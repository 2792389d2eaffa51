// The protocol between the topology map (src/host/panels/topology.ts) and its webview script (src/webview/topology.ts).
// Same rules as the forms' protocol (messages.ts): a `ready` handshake, requests with ids whose replies always come
// (ok or error), and every message from the webview checked at run time before anything is done with it.
//
//   webview → host   { type: 'ready' }
//                    { type: 'rendered', version, nodes, edges, ms, layout }  the map drew a graph (diagnostics, tests)
//                    { type: 'request', id, method: 'reach', params: { containerId } }
//                    { type: 'request', id, method: 'show', params: { containerId } | { networkId } }
//                    { type: 'request', id, method: 'explain', params: { containerId, targetId? } }
//   host → webview   { type: 'init', text }                   answer to `ready`: the page's words and locale
//                    { type: 'graph', version, engine, graph?, problem? }  the whole graph, again on every change
//                    { type: 'reply', id, ok: true, result } | { type: 'reply', id, ok: false, error }
//
// It imports only types from core, so the webview bundle stays DOM-only.
import type { TopologyGraph, TopologyReach } from '../core/topology';
import type { TopologyText } from '../core/pageText/topology';
import type { PageText } from './pageText';
import type { ReplyMessage } from './reply';
import { count, engineId, exactlyOne, obj, oneOf, optional, parseEnvelope, type Check, type Envelope, type Parsed } from './check';

export type {
  TopoContainer, TopoEdge, TopoNetwork, TopologyGraph, TopologyReach, TopoReachBlocked, TopoReachTarget,
} from '../core/topology';

/** How the map placed its nodes: a full layout, new nodes placed beside what was there, or positions kept. */
/** full: fcose; hubs: the quick first layout of a big graph (containers around their networks); incremental: only
 * new nodes placed; kept: nothing moved. */
export type LayoutKind = 'full' | 'hubs' | 'incremental' | 'kept';
export const LAYOUT_KINDS: readonly LayoutKind[] = ['full', 'hubs', 'incremental', 'kept'];

export interface TopologyMethods {
  /** What the container reaches (computed on the host from the current snapshot). */
  reach: { params: { containerId: string }; result: TopologyReach };
  /** Opens Container Networking (containerId) or Network Details (networkId). */
  show: { params: { containerId: string } | { networkId: string }; result: Record<string, never> };
  /** Runs Explain Reachability from the container (to targetId, else the user picks the target). */
  explain: { params: { containerId: string; targetId?: string }; result: Record<string, never> };
}
export type TopologyMethod = keyof TopologyMethods;

export interface TopologyRequest<M extends TopologyMethod = TopologyMethod> {
  type: 'request';
  id: number;
  method: M;
  params: TopologyMethods[M]['params'];
}

export interface RenderedMessage {
  type: 'rendered';
  /** The graph message's version. */
  version: number;
  nodes: number;
  edges: number;
  /** From the graph message's arrival to the first frame drawn with it. */
  ms: number;
  layout: LayoutKind;
}

export type TopologyWebviewMessage = { type: 'ready' } | RenderedMessage | { [M in TopologyMethod]: TopologyRequest<M> }[TopologyMethod];

export interface GraphMessage {
  type: 'graph';
  /** Grows with every graph sent. */
  version: number;
  /** The engine, as the status bar names it. */
  engine: string;
  /** Absent while the engine cannot be read; `problem` then says why. */
  graph?: TopologyGraph;
  problem?: string;
}

/** Sent on every `ready`, before the first graph: the page's words (src/core/pageText/topology.ts), the locale. */
export interface TopologyInitMessage {
  type: 'init';
  text: PageText<TopologyText>;
}

export type TopologyHostMessage = TopologyInitMessage | GraphMessage | ReplyMessage;

/** What the webview keeps with setState() (its page is discarded while the panel is hidden). */
export interface TopologySavedState {
  /** Node id → [x, y]: the layout survives a hide/show and is reused for what did not change. */
  positions: Record<string, [number, number]>;
  zoom?: number;
  pan?: [number, number];
  filter: string;
  onlyMatches: boolean;
  collapseBuiltin: boolean;
  selected?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Run-time check of what the webview sends (src/protocol/check.ts)

/** More than any map will ever draw; a bigger count is not from our script. */
const MAX_COUNT = 10_000_000;

export type TopologyParseResult = Parsed<TopologyWebviewMessage>;

const TOPOLOGY_ENVELOPE: Envelope = {
  notifications: {
    ready: obj<{ type: 'ready' }>({ type: oneOf(['ready'] as const) }),
    rendered: obj<RenderedMessage>({
      type: oneOf(['rendered'] as const), version: count(MAX_COUNT), nodes: count(MAX_COUNT), edges: count(MAX_COUNT), ms: count(MAX_COUNT),
      layout: oneOf(LAYOUT_KINDS),
    }),
  },
  methods: {
    reach: obj<TopologyMethods['reach']['params']>({ containerId: engineId }),
    show: exactlyOne<{ containerId: string; networkId: string }>({ containerId: engineId, networkId: engineId }),
    explain: obj<TopologyMethods['explain']['params']>({ containerId: engineId, targetId: optional(engineId) }),
  } satisfies { [M in TopologyMethod]: Check<TopologyMethods[M]['params']> },
};

/** Checks a message from the topology webview. Never throws. */
export function parseTopologyMessage(raw: unknown): TopologyParseResult {
  return parseEnvelope<TopologyWebviewMessage>(TOPOLOGY_ENVELOPE, raw);
}

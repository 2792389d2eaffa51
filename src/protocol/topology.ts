// The protocol between the topology map (src/host/panels/topology.ts) and its webview script (src/webview/topology.ts).
// Same rules as the forms' protocol (messages.ts): a `ready` handshake, requests with ids whose replies always come
// (ok or error), and every message from the webview checked at run time before anything is done with it.
//
//   webview → host   { type: 'ready' }
//                    { type: 'rendered', version, nodes, edges, ms, layout }  the map drew a graph (diagnostics, tests)
//                    { type: 'request', id, method: 'reach', params: { containerId } }
//                    { type: 'request', id, method: 'show', params: { containerId } | { networkId } }
//   host → webview   { type: 'graph', version, engine, graph?, problem? }  the whole graph, again on every change
//                    { type: 'reply', id, ok: true, result } | { type: 'reply', id, ok: false, error }
//
// It imports only types from core, so the webview bundle stays DOM-only.
import type { TopologyGraph, TopologyReach } from '../core/topology';
import type { ReplyMessage } from './messages';
import { shown } from './views';

export type {
  TopoContainer, TopoEdge, TopoNetwork, TopologyGraph, TopologyReach, TopoReachBlocked, TopoReachTarget,
} from '../core/topology';

/** How the map placed its nodes: a full layout, new nodes placed beside what was there, or positions kept. */
export type LayoutKind = 'full' | 'incremental' | 'kept';
export const LAYOUT_KINDS: readonly LayoutKind[] = ['full', 'incremental', 'kept'];

export interface TopologyMethods {
  /** What the container reaches (computed on the host from the current snapshot). */
  reach: { params: { containerId: string }; result: TopologyReach };
  /** Opens Container Networking (containerId) or Network Details (networkId). */
  show: { params: { containerId: string } | { networkId: string }; result: Record<string, never> };
}
export type TopologyMethod = keyof TopologyMethods;
export const TOPOLOGY_METHODS: readonly TopologyMethod[] = ['reach', 'show'];

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

export type TopologyHostMessage = GraphMessage | ReplyMessage;

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
// Run-time check of what the webview sends

/** An engine id (12 to 64 hex digits). */
const ID = /^[0-9a-f]{12,64}$/;
/** More than any map will ever draw; a bigger count is not from our script. */
const MAX_COUNT = 10_000_000;

export type TopologyParseResult =
  | { ok: true; message: TopologyWebviewMessage }
  | { ok: false; error: string; id?: number };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function exactKeys(o: Record<string, unknown>, keys: readonly string[], path: string): string | undefined {
  for (const k of Object.keys(o)) if (!keys.includes(k)) return `${path}: unexpected key ${shown(k)}`;
  for (const k of keys) if (!Object.prototype.hasOwnProperty.call(o, k)) return `${path}: missing key ${JSON.stringify(k)}`;
  return undefined;
}

function count(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COUNT;
}

/** Checks a message from the topology webview. Never throws. */
export function parseTopologyMessage(raw: unknown): TopologyParseResult {
  if (!isPlainObject(raw)) return { ok: false, error: 'message: expected an object' };
  if (raw.type === 'ready') {
    const bad = exactKeys(raw, ['type'], 'message');
    return bad ? { ok: false, error: bad } : { ok: true, message: { type: 'ready' } };
  }
  if (raw.type === 'rendered') {
    const bad = exactKeys(raw, ['type', 'version', 'nodes', 'edges', 'ms', 'layout'], 'message');
    if (bad) return { ok: false, error: bad };
    if (!count(raw.version) || !count(raw.nodes) || !count(raw.edges) || !count(raw.ms)) {
      return { ok: false, error: 'message: version, nodes, edges and ms must be non-negative numbers' };
    }
    if (typeof raw.layout !== 'string' || !(LAYOUT_KINDS as readonly string[]).includes(raw.layout)) {
      return { ok: false, error: `message.layout: expected one of ${LAYOUT_KINDS.map((k) => JSON.stringify(k)).join(', ')}` };
    }
    return { ok: true, message: { type: 'rendered', version: raw.version, nodes: raw.nodes, edges: raw.edges, ms: raw.ms, layout: raw.layout as LayoutKind } };
  }
  if (raw.type !== 'request') {
    return { ok: false, error: `message.type: expected "ready", "rendered" or "request", got ${shown(raw.type)}` };
  }
  const id = typeof raw.id === 'number' && Number.isSafeInteger(raw.id) && raw.id >= 0 ? raw.id : undefined;
  if (id === undefined) return { ok: false, error: 'message.id: expected a non-negative integer' };
  const fail = (error: string): TopologyParseResult => ({ ok: false, error, id });
  const bad = exactKeys(raw, ['type', 'id', 'method', 'params'], 'message');
  if (bad) return fail(bad);
  const p = raw.params;
  if (!isPlainObject(p)) return fail('message.params: expected an object');
  const idParam = (key: 'containerId' | 'networkId'): string | undefined => {
    const v = p[key];
    return typeof v === 'string' && ID.test(v) ? v : undefined;
  };
  switch (raw.method) {
    case 'reach': {
      const badParams = exactKeys(p, ['containerId'], 'message.params');
      if (badParams) return fail(badParams);
      const containerId = idParam('containerId');
      if (!containerId) return fail('message.params.containerId: expected an engine id (12 to 64 hex digits)');
      return { ok: true, message: { type: 'request', id, method: 'reach', params: { containerId } } };
    }
    case 'show': {
      const key = Object.prototype.hasOwnProperty.call(p, 'containerId') ? 'containerId' : 'networkId';
      const badParams = exactKeys(p, [key], 'message.params');
      if (badParams) return fail(`${badParams} (expected exactly one of containerId, networkId)`);
      const value = idParam(key);
      if (!value) return fail(`message.params.${key}: expected an engine id (12 to 64 hex digits)`);
      const params = key === 'containerId' ? { containerId: value } : { networkId: value };
      return { ok: true, message: { type: 'request', id, method: 'show', params } };
    }
    default:
      return fail(`message.method: expected one of ${TOPOLOGY_METHODS.map((m) => JSON.stringify(m)).join(', ')}`);
  }
}

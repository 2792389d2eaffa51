// A fuzzer for the three webview protocols (src/protocol/messages.ts: the forms; views.ts: the view panels;
// topology.ts: the map). From one valid message of every kind each protocol has, it derives malformed ones: every
// value of the wrong type, every required key missing, extra keys, own `__proto__`/`constructor` keys, 1 MB
// strings, unknown kinds and methods, 5000-deep nesting, and values beyond JSON (a cycle, a BigInt, a Date, a Map).
// Each case says whether the parser must accept it and, for a refused request, which id the refusal must carry
// (so the webview's request rejects instead of hanging). Used by test/unit/fuzz-messages.test.ts and by the
// reliability run (reliability/scenarios/fuzz.ts), which reports the counts.
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, type IpamEntry,
} from '../../src/core/forms';
import { formChecks, MAX_ROWS, METHODS, parseWebviewMessage, type FormKind } from '../../src/protocol/messages';
import { parseTopologyMessage } from '../../src/protocol/topology';
import { parseViewMessage, VIEW_ACTIONS, type ViewKind } from '../../src/protocol/views';

/** Every kind each protocol has: the keys of its own tables, so a new kind is fuzzed as soon as it exists. */
const FORM_KINDS = Object.keys(formChecks()) as FormKind[];
const VIEW_KINDS = Object.keys(VIEW_ACTIONS) as ViewKind[];
const IPAM_ROW: IpamEntry = { subnet: '', ipRange: '', gateway: '', auxAddresses: '' };
/** A field each form kind may ask to have suggested. */
const SUGGEST_EXAMPLE: Record<FormKind, string> = { createNetwork: 'ipv4[0].subnet', connect: 'ipv4Address', run: 'ipv6Address' };

export type Protocol = 'forms' | 'views' | 'topology';
export const PROTOCOLS: readonly Protocol[] = ['forms', 'views', 'topology'];

export type FuzzGroup =
  | 'valid' | 'wrong type' | 'missing key' | 'extra key' | '__proto__' | 'huge string' | 'unknown kind' | 'deep nesting'
  | 'beyond JSON';

export interface FuzzCase {
  protocol: Protocol;
  /** The form or view kind the parser is asked for ('' for the topology map). */
  kind: string;
  /** The valid message this case was made from, e.g. `request validate`. */
  base: string;
  group: FuzzGroup;
  /** Where the base was changed, e.g. `params.form.ipv4[0].subnet`. */
  path: string;
  raw: unknown;
  valid: boolean;
  /** A refusal must carry this id (requests whose type and id were left intact). */
  id?: number;
}

export interface FuzzOutcome {
  ok: boolean;
  id?: number;
  error?: string;
}

export const HUGE = 'x'.repeat(1 << 20);
export const DEEP = 5000;
const ID = 7;
const HEX = (c: string): string => c.repeat(64);

type Json = Record<string, unknown>;
type Key = string | number;

interface Base {
  protocol: Protocol;
  kind: string;
  name: string;
  message: Json;
  /** Keys that may be left out (by path), e.g. a view request's containerId. */
  optional: readonly string[];
}

/** Runs the protocol's own parser on a case (it may throw: that is what the fuzzer looks for). */
export function parseCase(c: Pick<FuzzCase, 'protocol' | 'kind' | 'raw'>): FuzzOutcome {
  switch (c.protocol) {
    case 'forms': return parseWebviewMessage(c.kind as FormKind, c.raw);
    case 'views': return parseViewMessage(c.kind as ViewKind, c.raw);
    case 'topology': return parseTopologyMessage(c.raw);
  }
}

/** An empty form of the kind with one row in every table whose row shape the parser accepts. */
function formWithRows(kind: FormKind): Json {
  const empty = { createNetwork: emptyCreateNetworkForm, connect: emptyConnectForm, run: emptyRunForm }[kind]() as unknown as Json;
  const rowFor = (key: string): unknown => (key === 'ipv4' || key === 'ipv6' ? { ...IPAM_ROW } : key === 'ports' ? { hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' } : { key: 'k', value: 'v' });
  const form: Json = { ...empty };
  for (const key of Object.keys(form)) {
    if (!Array.isArray(form[key])) continue;
    const tried = { ...form, [key]: [rowFor(key)] };
    if (parseWebviewMessage(kind, request('validate', { form: tried })).ok) form[key] = tried[key];
  }
  return form;
}

function request(method: string, params: unknown): Json {
  return { type: 'request', id: ID, method, params };
}

function bases(): Base[] {
  const out: Base[] = [];
  for (const kind of FORM_KINDS) {
    out.push({ protocol: 'forms', kind, name: 'ready', message: { type: 'ready' }, optional: [] });
    const form = formWithRows(kind);
    for (const m of METHODS) {
      const params = m === 'suggest' ? { form, field: SUGGEST_EXAMPLE[kind] } : { form };
      out.push({ protocol: 'forms', kind, name: `request ${m}`, message: request(m, params), optional: [] });
    }
  }
  for (const kind of VIEW_KINDS) {
    out.push({ protocol: 'views', kind, name: 'ready', message: { type: 'ready' }, optional: [] });
    for (const action of VIEW_ACTIONS[kind]) {
      out.push({
        protocol: 'views', kind, name: `request action ${action}`,
        message: request('action', { action, containerId: HEX('c'), networkId: HEX('a') }),
        optional: ['params.containerId', 'params.networkId'],
      });
    }
  }
  const topo = (name: string, message: Json): Base => ({ protocol: 'topology', kind: '', name, message, optional: [] });
  out.push(
    topo('ready', { type: 'ready' }),
    topo('rendered', { type: 'rendered', version: 3, nodes: 12, edges: 20, ms: 41.5, layout: 'full' }),
    topo('request reach', request('reach', { containerId: HEX('c') })),
    topo('request show container', request('show', { containerId: HEX('c') })),
    topo('request show network', request('show', { networkId: HEX('a') })),
  );
  return out;
}

function clone(v: Json): Json {
  return structuredClone(v);
}

function pathText(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(message)';
}

function at(root: Json, path: readonly Key[]): unknown {
  let v: unknown = root;
  for (const k of path) v = (v as Record<Key, unknown>)[k];
  return v;
}

/** A copy of `root` with the value at `path` replaced (`change` gets the parent and the key). */
function changed(root: Json, path: readonly Key[], change: (parent: Record<Key, unknown>, key: Key) => void): Json {
  const copy = clone(root);
  change(at(copy, path.slice(0, -1)) as Record<Key, unknown>, path[path.length - 1]);
  return copy;
}

function ownKey(o: object, key: string, value: unknown): void {
  // As JSON.parse makes it: an own, enumerable property, not a prototype change.
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

function deep(): unknown {
  let v: unknown = [];
  for (let i = 1; i < DEEP; i++) v = [v];
  return v;
}

function cycle(): unknown {
  const o: Record<string, unknown> = { type: 'request' };
  o.self = o;
  return o;
}

const WRONG = {
  string: [null, 0, true, [], {}],
  boolean: [null, 0, 1, 'true', [], {}],
  number: [null, -1, NaN, Infinity, 1e20, '1', true, [], {}],
  array: [null, 'x', 0, {}],
  object: [null, [], 'x', 0],
} as const;

const UNKNOWN: Record<string, readonly string[]> = {
  type: ['eval', 'READY', ' ready', 'request ', 'request\u0000', 'reply', 'init', 'state', 'graph', 'options', 'setForm', ''],
  method: ['exec', 'VALIDATE', '__proto__', 'constructor', 'toString', ''],
  action: ['exec', '__proto__', 'constructor', 'toString', ''],
  layout: ['circle', 'FULL', ''],
  scope: ['global', 'Local'],
};

function* casesOf(b: Base): Generator<FuzzCase> {
  const isRequest = b.message.type === 'request';
  const make = (group: FuzzGroup, path: readonly Key[], raw: unknown, valid = false, replacesMessage = false): FuzzCase => {
    const touchesId = replacesMessage || path[0] === 'type' || path[0] === 'id';
    return {
      protocol: b.protocol, kind: b.kind, base: b.name, group, path: pathText(path), raw, valid,
      ...(isRequest && !touchesId && !valid ? { id: ID } : {}),
    };
  };
  const set = (path: readonly Key[], value: unknown): Json => changed(b.message, path, (p, k) => void (p[k] = value));

  yield make('valid', [], clone(b.message), true);
  for (const raw of [null, undefined, 0, '', 'ready', [], true, [b.message], new Date(0)]) yield make('wrong type', [], raw, false, true);
  yield make('beyond JSON', [], cycle(), false, true);

  const walk = function* (path: Key[], v: unknown): Generator<FuzzCase> {
    const last = path[path.length - 1];
    if (typeof v === 'string') {
      for (const w of WRONG.string) yield make('wrong type', path, set(path, w));
      yield make('huge string', path, set(path, HUGE));
      for (const u of Object.hasOwn(UNKNOWN, String(last)) ? UNKNOWN[String(last)] : []) yield make('unknown kind', path, set(path, u));
      if (last === 'action' && b.protocol === 'views') {
        const mine: readonly string[] = VIEW_ACTIONS[b.kind as ViewKind];
        for (const other of new Set(VIEW_KINDS.flatMap((k) => VIEW_ACTIONS[k]))) {
          if (!mine.includes(other)) yield make('unknown kind', path, set(path, other));
        }
      }
    } else if (typeof v === 'boolean') {
      for (const w of WRONG.boolean) yield make('wrong type', path, set(path, w));
    } else if (typeof v === 'number') {
      for (const w of [...WRONG.number, ...(last === 'id' ? [1.5, 2 ** 53] : [])]) yield make('wrong type', path, set(path, w));
      if (last === 'id') yield make('beyond JSON', path, set(path, BigInt(ID)));
    } else if (Array.isArray(v)) {
      for (const w of WRONG.array) yield make('wrong type', path, set(path, w));
      if (v.length > 0) yield make('wrong type', path, set(path, Array.from({ length: MAX_ROWS + 1 }, () => v[0] as unknown)));
      for (let i = 0; i < v.length; i++) yield* walk([...path, i], v[i]);
      return;
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Json;
      if (path.length > 0) {
        for (const w of WRONG.object) yield make('wrong type', path, set(path, w));
        yield make('beyond JSON', path, set(path, new Date(0)));
        yield make('beyond JSON', path, set(path, new Map(Object.entries(o))));
      }
      const withKey = (key: string, value: unknown): Json => {
        const copy = clone(b.message);
        ownKey(path.length ? (at(copy, path) as object) : copy, key, value);
        return copy;
      };
      yield make('extra key', path, withKey('extra', 1));
      yield make('huge string', path, withKey(HUGE, 1));
      yield make('extra key', path, withKey('constructor', { prototype: { polluted: true } }));
      yield make('__proto__', path, withKey('__proto__', { polluted: true }));
      // The same object without a prototype (what some structured clones give) is still a valid message.
      const bare = clone(b.message);
      const nullProto = Object.assign(Object.create(null) as Json, path.length ? at(bare, path) : bare);
      yield make('valid', path, path.length ? changed(bare, path, (p, k) => void (p[k] = nullProto)) : nullProto, true);
      for (const key of Object.keys(o)) {
        const p = [...path, key];
        const optional = b.optional.includes(pathText(p));
        yield make(optional ? 'valid' : 'missing key', p, changed(b.message, p, (parent, k) => void delete parent[k]), optional);
      }
      for (const key of Object.keys(o)) yield* walk([...path, key], o[key]);
      return;
    }
    if (path.length <= 2) yield make('deep nesting', path, set(path, deep()));
    if (last === 'type') {
      yield make('beyond JSON', path, set(path, cycle()));
      yield make('beyond JSON', path, set(path, BigInt(1)));
    }
  };
  yield* walk([], b.message);
}

/** Every case, for every kind of every protocol. */
export function fuzzCases(): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (const b of bases()) for (const c of casesOf(b)) out.push(c);
  return out;
}

export interface FuzzTally {
  cases: number;
  /** Message kinds (bases) the cases were made from. */
  kinds: number;
  refused: number;
  accepted: number;
  byGroup: Partial<Record<FuzzGroup, number>>;
  /** A malformed message accepted, or a valid one refused. */
  wrong: string[];
  /** The parser threw instead of answering. */
  threw: string[];
  /** Refused requests that had to carry their id, and those that did. */
  idExpected: number;
  idKept: number;
  idLost: string[];
  /** The longest refusal text (a refusal that quotes a 1 MB input is sent back whole). */
  longestError: number;
  longestErrorCase?: string;
  ms: number;
}

function label(c: FuzzCase): string {
  return `${c.protocol}${c.kind ? `/${c.kind}` : ''} ${c.base}: ${c.group} at ${c.path}`;
}

export function runFuzz(cases: readonly FuzzCase[] = fuzzCases()): Record<Protocol, FuzzTally> {
  const out = {} as Record<Protocol, FuzzTally>;
  for (const p of PROTOCOLS) {
    out[p] = { cases: 0, kinds: 0, refused: 0, accepted: 0, byGroup: {}, wrong: [], threw: [], idExpected: 0, idKept: 0, idLost: [], longestError: 0, ms: 0 };
  }
  const kinds = new Map<Protocol, Set<string>>();
  for (const c of cases) {
    const t = out[c.protocol];
    const t0 = performance.now();
    let r: FuzzOutcome;
    try {
      r = parseCase(c);
    } catch (e) {
      t.threw.push(`${label(c)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      continue;
    } finally {
      t.ms += performance.now() - t0;
      t.cases++;
      t.byGroup[c.group] = (t.byGroup[c.group] ?? 0) + 1;
      if (!kinds.has(c.protocol)) kinds.set(c.protocol, new Set());
      kinds.get(c.protocol)?.add(`${c.kind} ${c.base}`);
    }
    if (r.ok) t.accepted++;
    else t.refused++;
    if (r.ok !== c.valid) t.wrong.push(`${label(c)}: ${r.ok ? 'accepted' : `refused (${(r.error ?? '').slice(0, 120)})`}`);
    if (!r.ok && (r.error?.length ?? 0) > t.longestError) {
      t.longestError = r.error?.length ?? 0;
      t.longestErrorCase = label(c);
    }
    if (!r.ok && c.id !== undefined) {
      t.idExpected++;
      if (r.id === c.id) t.idKept++;
      else t.idLost.push(label(c));
    }
  }
  for (const p of PROTOCOLS) out[p].kinds = kinds.get(p)?.size ?? 0;
  return out;
}

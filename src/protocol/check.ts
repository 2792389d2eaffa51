// The one run-time checker for what a webview sends, used by the three protocols (messages.ts: the forms; views.ts:
// the view panels; topology.ts: the map). A webview is untrusted input: a message is checked against a shape (types,
// sizes, exactly the keys it may have) before anything is done with it, and a refusal names the first problem by its
// path (`message.params.form.ipv4[0].subnet: expected a string, got number`), quoting values through shown() only.
//
// Hand-written rather than a schema library: it is about 150 lines, keeps the webview bundles as small as they were,
// and its checks infer the message types (a Check<T> returns a T).

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** Checks one value found at `path`; returns it (typed) or throws ProtocolError. */
export type Check<T> = (v: unknown, path: string) => T;

/** Longest text accepted in one field; the command line and environment values get more room. */
export const MAX_TEXT = 4096;
export const MAX_LONG_TEXT = 65536;
/** Most rows accepted in one table (IPAM configs, ports, key/value rows). */
export const MAX_ROWS = 256;

export function fail(path: string, what: string): never {
  throw new ProtocolError(`${path}: ${what}`);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
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

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function alternatives(values: readonly string[]): string {
  const q = values.map((x) => JSON.stringify(x));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export function str(max = MAX_TEXT): Check<string> {
  return (v, path) => {
    if (typeof v !== 'string') fail(path, `expected a string, got ${kindOf(v)}`);
    if (v.length > max) fail(path, `longer than ${max} characters`);
    return v;
  };
}

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, `expected a boolean, got ${kindOf(v)}`));

/** A container or network id as the engine writes it (12 to 64 hex digits). */
export const engineId: Check<string> = (v, path) =>
  (typeof v === 'string' && /^[0-9a-f]{12,64}$/.test(v) ? v : fail(path, 'expected an engine id (12 to 64 hex digits)'));

/** A finite number from 0 to `max`. */
export function count(max: number): Check<number> {
  return (v, path) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : fail(path, `expected a non-negative number up to ${max}`));
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (v, path) => ((values as readonly unknown[]).includes(v)
    ? (v as T)
    : fail(path, values.length === 1 ? `expected ${alternatives(values)}` : `expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`));
}

export function arr<T>(item: Check<T>, max = MAX_ROWS): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) fail(path, `expected an array, got ${kindOf(v)}`);
    if (v.length > max) fail(path, `more than ${max} items`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

/** A key that may be left out (`obj` then leaves it out too). */
export interface Optional<T> extends Check<T | undefined> {
  optional: true;
}

export function optional<T>(check: Check<T>): Optional<T> {
  const c = ((v: unknown, path: string) => check(v, path)) as Optional<T>;
  c.optional = true;
  return c;
}

/** An object with exactly these keys (none unknown, none missing but the optional ones), each checked. */
export function obj<T>(shape: { [P in keyof T]-?: Check<T[P]> }): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (v, path) => {
    if (!isPlainObject(v)) fail(path, `expected an object, got ${kindOf(v)}`);
    // Own keys only: `'__proto__' in shape` is true for every object.
    for (const k of Object.keys(v)) if (!hasOwn(shape, k)) fail(path, `unexpected key ${shown(k)}`);
    const out = {} as T;
    for (const k of keys) {
      const check = shape[k] as Check<T[typeof k]> & { optional?: true };
      if (!hasOwn(v, k)) {
        if (check.optional) continue;
        fail(path, `missing key ${JSON.stringify(k)}`);
      }
      out[k] = check(v[k], `${path}.${k}`);
    }
    return out;
  };
}

/** An object with exactly one of these keys. */
export function exactlyOne<T extends Record<string, unknown>>(shape: { [P in keyof T]-?: Check<T[P]> }): Check<{ [P in keyof T]: Pick<T, P> }[keyof T]> {
  const names = Object.keys(shape);
  return (v, path) => {
    if (!isPlainObject(v)) fail(path, `expected an object, got ${kindOf(v)}`);
    const keys = Object.keys(v);
    const key = keys[0];
    if (keys.length !== 1 || !hasOwn(shape, key)) fail(path, `expected exactly one of ${names.join(', ')}`);
    return { [key]: shape[key as keyof T](v[key], `${path}.${key}`) } as { [P in keyof T]: Pick<T, P> }[keyof T];
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The envelope every protocol shares: notifications `{ type, … }` and requests `{ type: 'request', id, method, params }`

export type Parsed<M> =
  | { ok: true; message: M }
  /** `id` is set when the message was a request with a usable id: the host answers it with an error. */
  | { ok: false; error: string; id?: number };

export interface Envelope {
  /** Messages without a reply, by type: each checks the whole message. */
  notifications: Record<string, Check<unknown>>;
  /** Request methods: each checks the params. */
  methods: Record<string, Check<unknown>>;
}

function requestId(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined;
}

/** Checks a message against a protocol's envelope. Never throws. `M` is what the checks of `envelope` produce. */
export function parseEnvelope<M>(envelope: Envelope, raw: unknown): Parsed<M> {
  let id: number | undefined;
  try {
    if (!isPlainObject(raw)) fail('message', `expected an object, got ${kindOf(raw)}`);
    const type = raw.type;
    if (typeof type === 'string' && type !== 'request' && hasOwn(envelope.notifications, type)) {
      return { ok: true, message: envelope.notifications[type](raw, 'message') as M };
    }
    if (type !== 'request') fail('message.type', `expected ${alternatives([...Object.keys(envelope.notifications), 'request'])}, got ${shown(type)}`);
    id = requestId(raw.id);
    if (id === undefined) fail('message.id', 'expected a non-negative integer');
    const methods = Object.keys(envelope.methods);
    const method = oneOf(methods)(raw.method, 'message.method');
    const { params } = obj<{ type: 'request'; id: number; method: string; params: unknown }>({
      type: oneOf(['request'] as const), id: (v) => v as number, method: (v) => v as string, params: envelope.methods[method],
    })(raw, 'message');
    return { ok: true, message: { type: 'request', id, method, params } as M };
  } catch (e) {
    const error = e instanceof ProtocolError ? e.message : `message: ${e instanceof Error ? e.message : String(e)}`;
    return id === undefined ? { ok: false, error } : { ok: false, error, id };
  }
}

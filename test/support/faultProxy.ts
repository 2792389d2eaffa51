// A fault-injecting HTTP proxy on a unix socket in front of the real engine. Every request goes through unchanged
// unless a rule matches it: then the proxy answers it itself (a status and a JSON body, e.g. a 500), holds it
// without ever answering (a stalled engine: the client's deadline must end it), sends it on only after a delay (a
// slow engine), or rewrites the engine's JSON answer or its headers (to play an engine the real one is not). A rule applies to the
// next `times` matching requests. Streams (events, exec) are piped as they come.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ProxiedRequest {
  method: string;
  /** As sent, with the API version prefix and the query (`/v1.51/containers/json?all=1`). */
  url: string;
  /** Without the version prefix and the query (`/containers/json`). */
  path: string;
}

export type FaultAction =
  | { status: number; body: unknown }
  | { stall: true }
  | { delayMs: number }
  | { rewrite: (body: unknown) => unknown }
  /** The engine's answer with other headers (its body as it comes): `GET /_ping` says the API version and Swarm state there. */
  | { headers: (headers: http.IncomingHttpHeaders) => http.IncomingHttpHeaders };

export interface FaultRule {
  match: (r: ProxiedRequest) => boolean;
  action: FaultAction;
  /** How many matching requests it applies to (default: all of them). */
  times?: number;
}

export interface FaultProxy {
  url: string;
  /** Every request seen, in order, as `METHOD url`. */
  paths: string[];
  /** How many requests each rule has answered so far, in the order the rules were added. */
  hits: number[];
  add(rule: FaultRule): void;
  /** Drops every rule and its count (what is stalled stays stalled until released). */
  clear(): void;
  /** Ends the stalled requests (their connections are destroyed). */
  releaseStalled(): void;
  close(): Promise<void>;
}

const VERSIONED = /^\/v\d+\.\d+(?=\/)/;

/** `GET /containers/json` (any version, any query): a matcher for a rule. */
export function request(method: string, pathname: string): (r: ProxiedRequest) => boolean {
  return (r) => r.method === method && r.path === pathname;
}

export async function startFaultProxy(targetSocket: string): Promise<FaultProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dn-fproxy-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const paths: string[] = [];
  let rules: { rule: FaultRule; left: number; index: number }[] = [];
  const hits: number[] = [];
  const stalled = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    const r: ProxiedRequest = { method: req.method ?? '', url, path: url.split('?')[0].replace(VERSIONED, '') };
    paths.push(`${r.method} ${url}`);
    const found = rules.find((x) => x.left > 0 && x.rule.match(r));
    if (found) {
      found.left--;
      hits[found.index]++;
    }
    const action = found?.rule.action;
    if (action && 'stall' in action) {
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      req.resume();
      return;
    }
    if (action && 'status' in action) {
      req.resume();
      reply(res, action.status, {}, action.body);
      return;
    }
    const forward = (): void => {
      if (res.destroyed) return;
      const upstream = http.request({ socketPath: targetSocket, path: url, method: req.method, headers: req.headers }, (up) => {
        if (!action || !('rewrite' in action)) {
          res.writeHead(up.statusCode ?? 502, action && 'headers' in action ? action.headers({ ...up.headers }) : up.headers);
          res.flushHeaders(); // a stream (events) may stay silent for long: its client must see the answer begin
          up.pipe(res);
          return;
        }
        let body = '';
        up.on('data', (c: Buffer) => (body += c.toString()));
        up.on('end', () => reply(res, up.statusCode ?? 200, up.headers, action.rewrite(JSON.parse(body))));
      });
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy()); // the client went away (an aborted stream): so does the engine's side
      req.pipe(upstream);
    };
    if (action && 'delayMs' in action) setTimeout(forward, action.delayMs);
    else forward();
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    url: `unix://${socketPath}`,
    paths,
    hits,
    add: (rule) => {
      hits.push(0);
      rules.push({ rule, left: rule.times ?? Infinity, index: hits.length - 1 });
    },
    clear: () => {
      rules = [];
      hits.length = 0;
    },
    releaseStalled: () => {
      for (const res of stalled) res.destroy();
      stalled.clear();
    },
    close: () => new Promise<void>((resolve) => {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      server.close(() => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

function reply(res: http.ServerResponse, status: number, headers: http.IncomingHttpHeaders, body: unknown): void {
  const out = JSON.stringify(body);
  const h: http.OutgoingHttpHeaders = { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(out)) };
  delete h['transfer-encoding'];
  res.writeHead(status, h);
  res.end(out);
}

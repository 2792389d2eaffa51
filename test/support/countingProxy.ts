// A unix-socket proxy in front of the real engine that counts the HTTP requests passing through it.
// It lets tests and the benchmark measure what the extension actually sends, and break live connections
// on demand (the one engine fault we need that a healthy dockerd will not produce by itself). `onRequest` hears each
// request line right after it was written to the engine (the reliability run kills the engine at that moment).
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Not anchored at a line start: on a keep-alive connection the next request line follows the previous request's
// body directly (a JSON body ends without a line break). A JSON body cannot hold a raw CRLF, so it never matches.
const REQUEST_LINE = /(GET|POST|PUT|DELETE|HEAD) (\/[^ ]*) HTTP\/1\.[01]\r\n/g;

export interface CountingProxy {
  /** DOCKER_HOST form of the proxy's socket. */
  url: string;
  socketPath: string;
  /** Every request seen, in order, as `METHOD /path?query`. */
  requests: string[];
  onRequest?: (request: string) => void;
  reset(): void;
  /** Destroys every open connection (as an engine restart would). */
  breakAll(): void;
  close(): Promise<void>;
}

export async function startCountingProxy(targetSocket: string): Promise<CountingProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dn-proxy-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const requests: string[] = [];
  const live = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.createConnection(targetSocket);
    live.add(client);
    live.add(upstream);
    let head = '';
    client.on('data', (chunk: Buffer) => {
      // Request lines can straddle chunks; keep a short tail to match across the boundary.
      head = (head + chunk.toString('latin1')).slice(-8192);
      let m: RegExpExecArray | null;
      REQUEST_LINE.lastIndex = 0;
      let consumed = 0;
      const seen: string[] = [];
      while ((m = REQUEST_LINE.exec(head))) {
        seen.push(`${m[1]} ${m[2]}`);
        consumed = REQUEST_LINE.lastIndex;
      }
      head = head.slice(consumed);
      requests.push(...seen);
      upstream.write(chunk);
      for (const r of seen) proxy.onRequest?.(r);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      live.delete(client);
      live.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  const proxy: CountingProxy = {
    url: `unix://${socketPath}`,
    socketPath,
    requests,
    reset: () => void requests.splice(0),
    breakAll: () => {
      for (const s of live) s.destroy();
      live.clear();
    },
    close: async () => {
      for (const s of live) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return proxy;
}

/** The socket path of a `unix://` DOCKER_HOST. */
export function socketOf(dockerHost: string | undefined): string {
  if (!dockerHost?.startsWith('unix://')) throw new Error(`engine tests need DOCKER_HOST=unix://…, got ${dockerHost ?? '(unset)'}`);
  return dockerHost.slice('unix://'.length);
}

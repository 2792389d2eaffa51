// A fault-injecting HTTP proxy on a unix socket in front of the real engine: every request goes through unchanged,
// except that the unversioned `GET /version` answer is rewritten (to play an engine newer or older than we test,
// which no real engine here is). Streams (events, exec) are piped as they come.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface VersionProxy {
  url: string;
  /** Request paths seen, in order. */
  paths: string[];
  close(): Promise<void>;
}

export async function startVersionProxy(targetSocket: string, rewrite: (v: Record<string, unknown>) => Record<string, unknown>): Promise<VersionProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dn-vproxy-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const upstream = http.request({ socketPath: targetSocket, path: req.url, method: req.method, headers: req.headers }, (up) => {
      if (req.url?.split('?')[0] !== '/version') {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      let body = '';
      up.on('data', (c: Buffer) => (body += c.toString()));
      up.on('end', () => {
        const out = JSON.stringify(rewrite(JSON.parse(body) as Record<string, unknown>));
        const headers = { ...up.headers, 'content-length': String(Buffer.byteLength(out)) };
        delete headers['transfer-encoding'];
        res.writeHead(up.statusCode ?? 200, headers);
        res.end(out);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    url: `unix://${socketPath}`,
    paths,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
    }),
  };
}

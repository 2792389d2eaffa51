// The floor: the two list calls a snapshot needs, made with Node's own `http` over the engine's unix socket and
// parsed with JSON.parse, in this process. Nothing can fetch the same data with less work.
import http from 'node:http';

export function getJson(socketPath: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method: 'GET', headers: { Host: 'localhost' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET ${path}: HTTP ${res.statusCode}`));
          return;
        }
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** `GET /networks` and `GET /containers/json?all=1` in parallel (as our snapshot does), parsed. */
export async function floor(socketPath: string): Promise<{ networks: unknown[]; containers: unknown[] }> {
  const [networks, containers] = await Promise.all([getJson(socketPath, '/networks'), getJson(socketPath, '/containers/json?all=1')]);
  return { networks: networks as unknown[], containers: containers as unknown[] };
}

/** Raw response sizes in bytes (for the report). */
export async function rawBytes(socketPath: string, path: string): Promise<number> {
  return Buffer.byteLength(JSON.stringify(await getJson(socketPath, path)));
}

/**
 * Watches for the engine going away during the run (other people's tests on the shared engine restart it): one idle
 * `GET /events` for daemon events, on the real socket (so it never shows in a proxy's count). Records when it ends.
 */
export function watchEngine(socketPath: string): { lostAt: Date[]; stop(): void } {
  const lostAt: Date[] = [];
  let stopped = false;
  const filters = encodeURIComponent(JSON.stringify({ type: ['daemon'] }));
  const req = http.request({ socketPath, path: `/events?filters=${filters}`, method: 'GET', headers: { Host: 'localhost' } }, (res) => {
    res.on('data', () => undefined);
    res.on('end', () => { if (!stopped) lostAt.push(new Date()); });
  });
  req.on('error', () => { if (!stopped) lostAt.push(new Date()); });
  req.end();
  return { lostAt, stop: () => { stopped = true; req.destroy(); } };
}

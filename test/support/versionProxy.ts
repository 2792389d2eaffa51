// A proxy in front of the real engine that rewrites the unversioned `GET /version` answer (to play an engine newer
// or older than we test, which no real engine here is); everything else goes through unchanged.
import { startFaultProxy } from './faultProxy';

export interface VersionProxy {
  url: string;
  /** Request paths seen, in order. */
  paths: string[];
  close(): Promise<void>;
}

export async function startVersionProxy(targetSocket: string, rewrite: (v: Record<string, unknown>) => Record<string, unknown>): Promise<VersionProxy> {
  const proxy = await startFaultProxy(targetSocket);
  proxy.add({ match: (r) => r.url.split('?')[0] === '/version', action: { rewrite: (v) => rewrite(v as Record<string, unknown>) } });
  return { url: proxy.url, paths: proxy.paths, close: proxy.close };
}

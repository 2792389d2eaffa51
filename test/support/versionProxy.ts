// A proxy in front of the real engine that rewrites what the engine says of its version — the headers of
// `GET /_ping` (Api-Version, Server), where the client negotiates, and the unversioned `GET /version` answer — to play
// an engine newer or older than we test, which no real engine here is; everything else goes through unchanged.
import { startFaultProxy } from './faultProxy';

export interface VersionProxy {
  url: string;
  /** Request paths seen, in order. */
  paths: string[];
  close(): Promise<void>;
}

type Version = Record<string, unknown> & { ApiVersion?: string; Version?: string };

export async function startVersionProxy(targetSocket: string, rewrite: (v: Version) => Version): Promise<VersionProxy> {
  const proxy = await startFaultProxy(targetSocket);
  proxy.add({ match: (r) => r.url.split('?')[0] === '/version', action: { rewrite: (v) => rewrite(v as Version) } });
  proxy.add({
    match: (r) => r.path === '/_ping',
    action: {
      headers: (h) => {
        const server = /^Docker\/(\S+)(.*)$/.exec(String(h.server ?? ''));
        const v = rewrite({ ApiVersion: String(h['api-version'] ?? ''), Version: server?.[1] ?? '' });
        return { ...h, 'api-version': v.ApiVersion, server: `Docker/${v.Version ?? ''}${server?.[2] ?? ''}` };
      },
    },
  });
  return { url: proxy.url, paths: proxy.paths, close: proxy.close };
}

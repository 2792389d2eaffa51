// Bench only: when each HTTP request of this extension host left, when its answer's headers came back and when its
// body ended (Node's http diagnostics channels, so any client is seen: docker-modem's and node `http`'s alike).
// Headers back − request sent is the engine's own time to answer (it writes the list's headers once the list is
// built); end − headers is the transfer. Used to tell a slow engine from a slow extension host at activation.
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface TracedRequest {
  method: string;
  path: string;
  /** performance.now() marks: request started, response headers parsed, response body ended */
  sent: number;
  headers?: number;
  end?: number;
}

export function traceHttp(): { requests: TracedRequest[]; stop(): void } {
  const requests: TracedRequest[] = [];
  const byRequest = new Map<ClientRequest, TracedRequest>();
  const onStart = (message: unknown): void => {
    const { request } = message as { request: ClientRequest };
    const r: TracedRequest = { method: request.method, path: request.path, sent: performance.now() };
    requests.push(r);
    byRequest.set(request, r);
  };
  const onResponse = (message: unknown): void => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    const r = byRequest.get(request);
    if (!r) return;
    r.headers = performance.now();
    response.once('end', () => (r.end = performance.now()));
  };
  diagnostics.subscribe('http.client.request.start', onStart);
  diagnostics.subscribe('http.client.response.finish', onResponse);
  return {
    requests,
    stop: () => {
      diagnostics.unsubscribe('http.client.request.start', onStart);
      diagnostics.unsubscribe('http.client.response.finish', onResponse);
    },
  };
}

/** The same requests with their marks in ms after `t0` (0.1 ms steps), for the result file. */
export function relativeTo(requests: TracedRequest[], t0: number): TracedRequest[] {
  const at = (x: number | undefined): number | undefined => (x === undefined ? undefined : Math.round((x - t0) * 10) / 10);
  return requests.map((r) => ({ ...r, sent: at(r.sent) ?? 0, headers: at(r.headers), end: at(r.end) }));
}

// Idle traffic accounting shared by (h) in Node and the extension-host run. Requests are counted at the counting
// proxy and time-stamped here; engine events seen by the model are time-stamped too. Other people's tests share
// the engine, so a window may contain their events and the rebuilds those rightly cause: a request that follows
// an engine event by at most EXPLAIN_MS (LiveModel waits ≤ maxWait 400 ms, then one snapshot, possibly one more
// queued behind it) is "explained"; anything else is a call made while the engine was idle.
import type { CountingProxy } from '../../test/support/countingProxy';

export const EXPLAIN_MS = 2000;

export interface IdleWindow {
  windowMs: number;
  requests: string[];
  events: number;
  /** requests with no engine event in the EXPLAIN_MS before them */
  unexplained: string[];
  /** unexplained requests, scaled to a minute: the figure the target is about */
  perMinute: number;
  /** every request, scaled to a minute */
  rawPerMinute: number;
}

/** Time-stamps every request the proxy records from now on. */
export function stampRequests(proxy: CountingProxy, clock: () => number): number[] {
  const times: number[] = [];
  const push = proxy.requests.push.bind(proxy.requests);
  proxy.requests.push = (...items: string[]): number => {
    for (let i = 0; i < items.length; i++) times.push(clock());
    return push(...items);
  };
  return times;
}

export function classify(windowMs: number, requests: string[], requestTimes: number[], eventTimes: number[]): IdleWindow {
  const unexplained = requests.filter((_, i) => !eventTimes.some((e) => e <= requestTimes[i] && requestTimes[i] - e <= EXPLAIN_MS));
  return {
    windowMs, requests, events: eventTimes.length, unexplained,
    perMinute: unexplained.length * (60000 / windowMs), rawPerMinute: requests.length * (60000 / windowMs),
  };
}

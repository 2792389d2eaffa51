// Follows `GET /events` for network and container changes (and image changes, told apart for the Run form). One long-lived request: no polling. When the stream
// breaks (engine restarted, socket gone) it reconnects with exponential backoff and reports the state.
import type { Engine } from './client';
import { classifyError, type EngineError } from '../core/errors';
import { Backoff } from '../core/backoff';

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}

/** Container actions that can change what the tree shows; exec_*, attach, top, resize etc. cannot. */
const CONTAINER_ACTIONS = new Set([
  'create', 'start', 'restart', 'stop', 'die', 'kill', 'pause', 'unpause', 'destroy', 'rename', 'update', 'oom',
]);

export function isRelevant(e: EngineEvent): boolean {
  if (e.Type === 'network' || e.Type === 'service') return true;
  if (e.Type !== 'container') return false;
  return CONTAINER_ACTIONS.has(e.Action) || e.Action.startsWith('health_status');
}

export interface FollowerListener {
  event(e: EngineEvent): void;
  /** An image event (pull, tag, untag, delete…): nothing the tree shows, so not an `event`. */
  image?(e: EngineEvent): void;
  /** Called once the stream is open (first time and after every reconnect: changes may have been missed). */
  connected(): void;
  disconnected(err: EngineError): void;
}

export const BACKOFF_MIN_MS = 250;
export const BACKOFF_MAX_MS = 10_000;

export class EventFollower {
  private abort?: AbortController;
  private retryTimer?: NodeJS.Timeout;
  private readonly backoff = new Backoff(BACKOFF_MIN_MS, BACKOFF_MAX_MS);
  private disposed = false;

  /**
   * `since` (unix seconds) replays what happened from then on when the stream first opens, so a snapshot taken
   * in parallel with opening it misses nothing. Reconnects do not replay: the listener refreshes instead.
   */
  constructor(private readonly engine: Engine, private readonly listener: FollowerListener, private since?: number) {}

  start(): void {
    if (this.abort || this.retryTimer || this.disposed) return;
    void this.open();
  }

  /** Reconnects now (user asked to retry), skipping the remaining backoff. */
  retryNow(): void {
    if (this.abort || this.disposed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.open();
  }

  private async open(): Promise<void> {
    const ac = new AbortController();
    this.abort = ac;
    let stream: NodeJS.ReadableStream;
    try {
      // The stream itself has no deadline (it is idle by design); only opening it does.
      stream = (await this.engine.call('follow events', (abortSignal) =>
        this.engine.docker.getEvents({
          filters: { type: ['network', 'container', 'service', 'image'] },
          ...(this.since !== undefined ? { since: this.since } : {}),
          abortSignal: anySignal(ac.signal, abortSignal),
        }),
      )) as NodeJS.ReadableStream;
    } catch (err) {
      this.failed(ac, err);
      return;
    }
    if (this.disposed || ac.signal.aborted) return;
    this.since = undefined;
    this.backoff.reset();
    let buffered = '';
    stream.on('data', (chunk: Buffer | string) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        let e: EngineEvent;
        try {
          e = JSON.parse(line) as EngineEvent;
        } catch {
          continue; // a torn line can only come from a broken stream, which 'end'/'error' reports
        }
        if (isRelevant(e)) this.listener.event(e);
        else if (e.Type === 'image') this.listener.image?.(e);
      }
    });
    const ended = (err?: unknown): void => {
      if (this.abort !== ac) return;
      this.failed(ac, err ?? new Error('the engine closed the event stream'));
    };
    stream.on('error', ended);
    stream.on('end', () => ended());
    stream.on('close', () => ended());
    this.listener.connected();
  }

  private failed(ac: AbortController, err: unknown): void {
    if (this.abort !== ac) return;
    this.abort = undefined;
    ac.abort();
    if (this.disposed) return;
    this.listener.disconnected(classifyError(err, { endpoint: this.engine.resolved.display, action: 'follow events' }));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.open();
    }, this.backoff.next());
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.abort?.abort();
    this.abort = undefined;
  }
}

function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const ac = new AbortController();
  const stop = (): void => ac.abort();
  if (a.aborted || b.aborted) stop();
  a.addEventListener('abort', stop, { once: true });
  b.addEventListener('abort', stop, { once: true });
  return ac.signal;
}

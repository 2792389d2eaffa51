// The webview end of every panel's protocol (src/protocol: messages.ts for the forms, views.ts for the view panels,
// topology.ts for the map): the `ready` handshake, notifications, requests with ids whose replies resolve or reject
// them, and the saved state that outlives a hidden panel (its page is discarded: retainContextWhenHidden is off).
//
// Request timeout, one policy for every panel: the host is the one that keeps deadlines (every engine call has its
// own, and the host answers every request it accepted, with a result or an error), so the webview's timer is only a
// backstop against a reply that can never come. It is set above the longest thing a request may legitimately wait
// for: a view button that runs a command, which can wait on the user (a modal confirmation) or on a probe matrix.
//
// After a window reload: the host says which panel this page is (`restore`: its engine and subject, see
// src/protocol/restore.ts); the channel keeps that beside the page's own saved state, which is what VS Code hands the
// host's deserializer to re-create the panel with its subject, its form or its layout.
import type { PageCommonText } from '../../core/pageText/common';
import type { ReplyError, ReplyMessage } from '../../protocol/reply';
import type { PanelRestore, PersistedState, RestoreMessage } from '../../protocol/restore';
import { texts } from './text';

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

/** The backstop for a reply that never comes (see above). */
export const REQUEST_TIMEOUT_MS = 15 * 60_000;

/** A failed request: the host's error (field errors, cause and fix) or the backstop timeout. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(readonly error: ReplyError) {
    super(error.message);
  }
}

/** `M`: the protocol's methods (method → { params, result }); `In`: what the host sends besides replies; `S`: the saved state. */
export class Channel<M extends { [K in keyof M]: { params: unknown; result: unknown } }, In extends { type: string }, S> {
  private readonly api = acquireVsCodeApi<PersistedState<S>>();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: unknown): void; reject(e: RequestFailed): void; timer: number }>();

  constructor(private readonly onMessage: (msg: In) => void) {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.dispatch(e.data));
  }

  /** Tells the host the script runs; it answers with the panel's first picture. */
  ready(): void {
    this.api.postMessage({ type: 'ready' });
  }

  /** A message without a reply (the map's `rendered`). */
  notify<T extends { type: string }>(msg: T): void {
    this.api.postMessage(msg);
  }

  request<K extends keyof M & string>(method: K, params: M[K]['params']): Promise<M[K]['result']> {
    const id = this.nextId++;
    return new Promise<M[K]['result']>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestFailed({ message: texts<PageCommonText>().requestTimeout, fieldErrors: [] }));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: (r) => resolve(r as M[K]['result']), reject, timer });
      this.api.postMessage({ type: 'request', id, method, params });
    });
  }

  /** The page's own saved state (what save() kept), also after a reload. */
  get state(): S | undefined {
    return this.api.getState()?.page;
  }

  save(state: S): void {
    this.persist(this.api.getState()?.restore, state);
  }

  private persist(restore: PanelRestore | undefined, page: S | undefined): void {
    const kept: PersistedState<S> = {};
    if (restore) kept.restore = restore;
    if (page !== undefined) kept.page = page;
    this.api.setState(kept);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'object' || data === null || !('type' in data) || typeof data.type !== 'string') return;
    if (data.type === 'restore') {
      // Kept as sent: the host checks it again when it comes back after a reload.
      this.persist((data as RestoreMessage).restore, this.state);
      return;
    }
    const msg = data as In | ReplyMessage;
    if (msg.type !== 'reply') {
      this.onMessage(msg as In);
      return;
    }
    const reply = msg as ReplyMessage;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    window.clearTimeout(p.timer);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new RequestFailed(reply.error));
  }
}

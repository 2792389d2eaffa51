// The webview end of src/protocol/messages.ts: the `ready` handshake, requests with ids whose replies resolve or
// reject them (a request never hangs: it times out), and the saved state that outlives a hidden panel.
import type {
  FormKind, HostMessage, Method, ParamsOf, ReplyError, ReplyMessage, ResultOf, SavedState,
} from '../../protocol/messages';

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

/** A failed request: the host's error (field errors, cause and fix) or a timeout. */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(readonly error: ReplyError) {
    super(error.message);
  }
}

/** Longer than the engine's own deadlines (15 s a call; run = create + start + cleanup). */
const REQUEST_TIMEOUT_MS = 120_000;

export class HostChannel<K extends FormKind> {
  private readonly api = acquireVsCodeApi<SavedState<K>>();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: unknown): void; reject(e: RequestFailed): void; timer: number }>();

  constructor(private readonly onMessage: (msg: Exclude<HostMessage<K>, ReplyMessage>) => void) {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.dispatch(e.data));
  }

  /** Tells the host the script runs; it answers with `init`. */
  ready(): void {
    this.api.postMessage({ type: 'ready' });
  }

  request<M extends Method>(method: M, params: ParamsOf<K, M>): Promise<ResultOf<K, M>> {
    const id = this.nextId++;
    return new Promise<ResultOf<K, M>>((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestFailed({ message: 'The extension did not answer in time. Try again.', fieldErrors: [] }));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: (r) => resolve(r as ResultOf<K, M>), reject, timer });
      this.api.postMessage({ type: 'request', id, method, params });
    });
  }

  get state(): SavedState<K> | undefined {
    return this.api.getState();
  }

  save(state: SavedState<K>): void {
    this.api.setState(state);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'object' || data === null || !('type' in data)) return;
    const msg = data as HostMessage<K>;
    if (msg.type === 'reply') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      window.clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new RequestFailed(msg.error));
      return;
    }
    if (msg.type === 'init' || msg.type === 'options' || msg.type === 'setForm') this.onMessage(msg);
  }
}

// The webview end of src/protocol/topology.ts: the `ready` handshake, requests with ids whose replies resolve or
// reject them (a request never hangs: it times out), notifications, and the saved state.
import type { ReplyError } from '../../protocol/messages';
import type {
  GraphMessage, RenderedMessage, TopologyHostMessage, TopologyMethod, TopologyMethods, TopologySavedState,
} from '../../protocol/topology';

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

const REQUEST_TIMEOUT_MS = 60_000;

export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
  constructor(readonly error: ReplyError) {
    super(error.message);
  }
}

export class TopologyChannel {
  private readonly api = acquireVsCodeApi<TopologySavedState>();
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: unknown): void; reject(e: RequestFailed): void; timer: number }>();

  constructor(private readonly onGraph: (msg: GraphMessage) => void) {
    window.addEventListener('message', (e: MessageEvent<unknown>) => this.dispatch(e.data));
  }

  ready(): void {
    this.api.postMessage({ type: 'ready' });
  }

  rendered(msg: Omit<RenderedMessage, 'type'>): void {
    this.api.postMessage({ type: 'rendered', ...msg });
  }

  request<M extends TopologyMethod>(method: M, params: TopologyMethods[M]['params']): Promise<TopologyMethods[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestFailed({ message: 'The extension did not answer in time. Try again.', fieldErrors: [] }));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve: (r) => resolve(r as TopologyMethods[M]['result']), reject, timer });
      this.api.postMessage({ type: 'request', id, method, params });
    });
  }

  get state(): TopologySavedState | undefined {
    return this.api.getState();
  }

  save(state: TopologySavedState): void {
    this.api.setState(state);
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'object' || data === null || !('type' in data)) return;
    const msg = data as TopologyHostMessage;
    if (msg.type === 'reply') {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      window.clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new RequestFailed(msg.error));
      return;
    }
    if (msg.type === 'graph') this.onGraph(msg);
  }
}

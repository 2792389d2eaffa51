// Owns the engine client and live model for the configured endpoint, rebuilds them when the endpoint setting
// changes, and mirrors the state into a context key (the view's "Connecting…" welcome) without ever raising a toast.
import * as vscode from 'vscode';
import { EndpointConfigError, explainEndpoint, type ResolvedEndpoint } from '../core/endpoint';
import { EngineError } from '../core/errors';
import type { Snapshot } from '../core/model';
import { Engine } from '../docker/client';
import { readTls, resolveFromMachine } from '../docker/endpointFiles';
import { LiveModel, type LiveState } from '../docker/live';
import type { EngineEvent } from '../docker/events';
import { EndpointDetailsCache } from '../docker/details';
import { describeNegotiation } from '../core/apiVersion';
import { log } from './log';

export type ConnectionState =
  | LiveState
  | { kind: 'misconfigured'; error: EndpointConfigError };

export class Connection implements vscode.Disposable {
  private readonly fire = {
    changed: new vscode.EventEmitter<ConnectionState>(),
    event: new vscode.EventEmitter<EngineEvent>(),
    image: new vscode.EventEmitter<EngineEvent>(),
    disposed: new vscode.EventEmitter<void>(),
    switched: new vscode.EventEmitter<void>(),
    refreshed: new vscode.EventEmitter<void>(),
  };
  readonly onDidChange = this.fire.changed.event;
  /** Every relevant engine event of the current engine, as it comes (before the model's debounce). */
  readonly onEvent = this.fire.event.event;
  /** An image was pulled, tagged, untagged or removed (the Run form's image list follows). */
  readonly onImageEvent = this.fire.image.event;
  /** The connection went for good (its context left `dockerNetworks.contexts`): its panels close. */
  readonly onDidDispose = this.fire.disposed.event;
  /** The settings moved the extension's engine to another endpoint: what belonged to the old one closes. */
  readonly onDidSwitchEngine = this.fire.switched.event;
  /** The user asked for a fresh read (Refresh/Retry): what is cached beyond the snapshot is read again too. */
  readonly onDidRefresh = this.fire.refreshed.event;
  /** Live models made so far: one per (re)connection (tests check a settings change reconnects once). */
  connects = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private live?: LiveModel;
  private detailsCache?: EndpointDetailsCache;
  private liveSub?: { dispose(): void };
  private configError?: EndpointConfigError;
  private started = false;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * Without `fixedContext`, this is the extension's engine: the settings, then the Docker CLI's choice. With it, the
   * engine of that one context (a top-level node when several contexts are shown side by side).
   */
  constructor(readonly fixedContext?: string) {
    this.disposables.push(...Object.values(this.fire));
    if (fixedContext === undefined) {
      this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('dockerNetworks.host') && !e.affectsConfiguration('dockerNetworks.context')) return;
        // Switching writes two settings one after the other (host, then context): reconnect once, to the result.
        clearTimeout(this.reconnectTimer);
        this.reconnectTimer = setTimeout(() => this.reconnect(), 50);
      }));
    }
  }

  /** Stable key for URIs and tree ids: '' for the extension's engine, else the context name. */
  get key(): string {
    return this.fixedContext ?? '';
  }

  get state(): ConnectionState {
    if (this.configError) return { kind: 'misconfigured', error: this.configError };
    return this.live?.state ?? { kind: 'idle' };
  }

  get model(): LiveModel | undefined {
    return this.live;
  }

  /** Per-endpoint details the list calls leave out (aliases on older engines), read on demand. */
  get details(): EndpointDetailsCache | undefined {
    return this.detailsCache;
  }

  get endpoint(): ResolvedEndpoint | undefined {
    return this.live?.engine.resolved;
  }

  /** Starts following the engine. Called when the view first shows, or when a command needs data. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.connect();
  }

  /** The current snapshot, waiting for the first one if needed; throws a user-facing error when disconnected. */
  async snapshot(): Promise<Snapshot> {
    this.start();
    if (this.configError) throw this.configError;
    const live = this.live;
    if (!live) throw new Error(vscode.l10n.t('The Docker engine is not connected.'));
    if (!live.snapshot) await live.refresh();
    const s = live.state;
    if (s.kind === 'connected') return s.snapshot;
    if (s.kind === 'disconnected') throw s.error;
    throw new Error(vscode.l10n.t('The Docker engine is not connected.'));
  }

  /** The engine for one-off calls (inspect, actions). */
  engine(): Engine {
    this.start();
    if (this.configError) throw this.configError;
    if (!this.live) throw new Error(vscode.l10n.t('The Docker engine is not connected.'));
    return this.live.engine;
  }

  async retry(): Promise<void> {
    this.fire.refreshed.fire();
    if (!this.started) return this.start();
    if (this.configError) return this.reconnect();
    await this.live?.retry();
  }

  private reconnect(): void {
    if (!this.started) return;
    const before = this.endpoint?.display;
    this.teardown();
    this.connect();
    const after = this.endpoint?.display;
    if (before !== undefined && after !== undefined && before !== after) this.fire.switched.fire();
  }

  private connect(): void {
    this.configError = undefined;
    let engine: Engine;
    try {
      const cfg = vscode.workspace.getConfiguration('dockerNetworks');
      // The docker CLI's order: setting or chosen context, DOCKER_HOST, DOCKER_CONTEXT, current context, default, Podman.
      const resolved = this.fixedContext !== undefined
        ? resolveFromMachine(undefined, this.fixedContext)
        : resolveFromMachine(cfg.get<string>('host') || undefined, cfg.get<string>('context') || undefined);
      engine = new Engine(resolved, { tls: readTls(resolved) });
    } catch (err) {
      // A bad setting, context or certificate file: say which and how to fix it, in the view.
      this.configError = err instanceof EndpointConfigError ? err : new EndpointConfigError('setting', '', '', err instanceof Error ? err.message : String(err));
      this.publish();
      return;
    }
    this.live = new LiveModel(engine);
    this.connects++;
    this.detailsCache = new EndpointDetailsCache(engine);
    const stateSub = this.live.onDidChange(() => this.publish());
    const eventSub = this.live.onEvent((e) => this.fire.event.fire(e));
    const imageSub = this.live.onImageEvent((e) => this.fire.image.fire(e));
    this.liveSub = { dispose: () => { stateSub.dispose(); eventSub.dispose(); imageSub.dispose(); } };
    this.live.start();
  }

  /** The engine version last written to the log, so a reconnect to the same engine does not repeat it. */
  private loggedVersion?: string;

  private publish(): void {
    // The view's data first: the tree refreshes inside this fire. The context key and the log line can follow
    // (creating the output channel on the first connection costs the extension host a few milliseconds).
    this.fire.changed.fire(this.state);
    // Read again: a listener may have moved the state on (re-entrantly), and the key must end at the latest one.
    const s = this.state;
    // Only the extension's own engine drives the welcome view; side-by-side engines show their state in their node.
    if (this.fixedContext === undefined) {
      void vscode.commands.executeCommand('setContext', 'dockerNetworks.state', s.kind === 'misconfigured' ? 'disconnected' : s.kind);
    }
    const negotiated = this.live?.engine.negotiated;
    if (s.kind === 'connected' && negotiated) {
      const line = `${this.live?.engine.resolved.display ?? ''}: ${describeNegotiation(negotiated)}`;
      if (line !== this.loggedVersion) {
        this.loggedVersion = line;
        if (negotiated.note) log().warn(line);
        else log().info(line);
      }
    }
  }

  private teardown(): void {
    this.liveSub?.dispose();
    this.live?.dispose();
    this.live = undefined;
    this.detailsCache = undefined;
  }

  dispose(): void {
    clearTimeout(this.reconnectTimer);
    this.teardown();
    this.fire.disposed.fire();
    for (const d of this.disposables) d.dispose();
  }
}

/** The view's message area: where we looked, how that endpoint was chosen, and what went wrong. */
export function describeProblem(state: ConnectionState, endpoint?: ResolvedEndpoint): string | undefined {
  if (state.kind === 'misconfigured') return state.error.message;
  if (state.kind !== 'disconnected') return undefined;
  const e: EngineError = state.error;
  return endpoint ? `${endpoint.display} (${explainEndpoint(endpoint)}): ${e.message}` : e.message;
}

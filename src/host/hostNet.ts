// This machine's routes and interface addresses beside one engine's networks: which networks collide with a host
// route (the tree and Network Details mark them). Read again when a network, its subnets or its bridge changed (a
// container's connect or start changes no route: at 1000 containers re-reading after every event held the extension
// host's thread) and on Refresh (a route can also change alone, e.g. a VPN coming up: Refresh reads it). One per
// connection, made on first use, gone with its connection. An engine elsewhere has no such data here: the state says
// so instead.
import * as vscode from 'vscode';
import type { Connection } from './connection';
import { describeCollision, networkCollisions, subnetsSignature, type HostRoutesState, type RouteCollision } from '../core/hostRoutes';
import { readHostRoutes } from '../docker/hostNet';

const DEBOUNCE_MS = 300;

export class HostNet implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The collisions changed (or were read for the first time). */
  readonly onDidChange = this.changed.event;
  private routes?: HostRoutesState;
  private collisions = new Map<string, RouteCollision[]>();
  /** What the last read found (see read()); before one, as if it found routes and no collision: a first read that
   * finds none changes nothing anyone shows, and says so to no one (the tree would redraw every network for it). */
  private signature = collisionSignature(undefined, new Map());
  /** subnetsSignature of the networks last compared: a snapshot change that keeps it needs no new read. */
  private compared?: string;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private readonly subs: vscode.Disposable[];
  private disposed = false;
  /** Reads of the host's tables so far (tests: a container event must cause none). */
  reads = 0;

  constructor(private readonly connection: Connection) {
    this.subs = [
      this.changed,
      connection.onDidChange(() => {
        // between pictures (connecting, disconnected, another endpoint): the next picture is compared afresh
        if (this.connection.state.kind !== 'connected') this.compared = undefined;
        else if (this.networksMoved()) this.schedule();
      }),
      connection.onDidRefresh(() => this.schedule()),
      connection.onDidDispose(() => this.dispose()),
    ];
    if (this.networksMoved()) this.schedule();
  }

  /** The last read: the facts, or why there are none. Undefined before the first read. */
  get state(): HostRoutesState | undefined {
    return this.routes;
  }

  collisionsOf(networkId: string): RouteCollision[] {
    return this.collisions.get(networkId) ?? [];
  }

  /** The texts Network Details shows: the collisions, or why the check is not made. */
  describe(networkId: string): { collisions: string[]; note?: string } {
    const s = this.routes;
    if (s && !s.available) return { collisions: [], note: s.reason };
    return { collisions: this.collisionsOf(networkId).map(describeCollision) };
  }

  /** Reads now (the forms validate against the routes as they are at this moment). */
  async fresh(): Promise<HostRoutesState> {
    await this.read();
    return this.routes ?? { available: false, reason: vscode.l10n.t('The host routes could not be read.') };
  }

  /** A snapshot whose subnets differ from the last compared. Nothing before the first snapshot: the collisions need
   * its networks, and spawning `ip` meanwhile would compete with the engine's answer to the first list calls. */
  private networksMoved(): boolean {
    const s = this.connection.state;
    return s.kind === 'connected' && subnetsSignature(s.snapshot.networks) !== this.compared;
  }

  private schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), DEBOUNCE_MS);
  }

  private read(): Promise<void> {
    const run = (this.reading ?? Promise.resolve()).then(async () => {
      if (this.disposed) return;
      this.reads++;
      const routes = await readHostRoutes(this.connection.endpoint);
      const s = this.connection.state;
      const networks = s.kind === 'connected' ? s.snapshot.networks : [];
      this.compared = subnetsSignature(networks);
      this.routes = routes;
      this.collisions = routes.available ? networkCollisions(networks, routes.facts) : new Map();
      const signature = collisionSignature(routes.available ? undefined : routes.reason, this.collisions);
      if (signature === this.signature || this.disposed) return;
      this.signature = signature;
      this.changed.fire();
    }).catch(() => undefined);
    this.reading = run;
    return run;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    byConnection.delete(this.connection);
    for (const d of this.subs.splice(0)) d.dispose();
  }
}

/** What the tree and Network Details show of a read: why there is no check (`unavailable`), or each network's collisions. */
function collisionSignature(unavailable: string | undefined, collisions: ReadonlyMap<string, RouteCollision[]>): string {
  return JSON.stringify([unavailable ?? '', [...collisions]]);
}

const byConnection = new WeakMap<Connection, HostNet>();

/** The connection's HostNet, made on first use. */
export function hostNetOf(connection: Connection): HostNet {
  let h = byConnection.get(connection);
  if (!h) {
    h = new HostNet(connection);
    byConnection.set(connection, h);
  }
  return h;
}

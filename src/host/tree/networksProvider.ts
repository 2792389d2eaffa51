// The Networks view. It reads the live models only: no engine call happens in here, so expanding a node is
// instant and a refresh costs what one snapshot costs. One engine normally; several side by side when
// `dockerNetworks.contexts` lists contexts, each under its own top-level node.
// A change redraws only what it changed (src/core/treeChanges.ts): the networks whose row or containers differ, each
// through its own node, which stays the same object while its network exists (VS Code knows the nodes it was given
// by identity; expansion and selection survive). Only a network that comes or goes, or a change of the engine's
// state, redraws from the top. The very first paint shows the networks before their containers are read.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { OLDEST_KNOWN_API, supports } from '../../core/apiVersion';
import { describeProblem } from '../connection';
import type { Engines } from '../engines';
import { ContainerNode, EngineNode, NetworkNode, ServiceNode, type TreeNode } from './nodes';
import { ActionNode, problemRows } from './actionNodes';
import { ComposeServiceNode, OtherNetworksNode, ProjectNode } from './composeNodes';
import { ComposeGroups } from './composeGroups';
import { servicesOn } from '../../core/compose';
import { signaturesOf, treeChange, type Signatures, type TreeChange } from '../../core/treeChanges';
import type { NetworkView, Snapshot } from '../../core/model';
import { hostNetOf } from '../hostNet';

/** Everything the view shows: the model's nodes, the compose grouping's, and a disconnected engine's rows (hint, Retry, Open Settings). */
export type ViewNode = TreeNode | ActionNode | ProjectNode | OtherNetworksNode | ComposeServiceNode;

/** `dockerNetworks.groupBy`: the tree by compose project, or as the engine lists networks. */
function byProject(): boolean {
  return vscode.workspace.getConfiguration('dockerNetworks').get<string>('groupBy', 'none') === 'composeProject';
}
import { describeStale } from '../../core/stale';

/** Above this many networks, nodes start collapsed so a big engine does not render thousands of rows at once. */
const EXPAND_LIMIT = 30;
/** While the tree shows a stale picture, its message (which says how old) is rewritten this often. */
const STALE_TICK_MS = 1000;

/** What the view last drew of one engine: the kind of picture (a change of kind redraws all) and its networks. */
interface Drawn {
  shape: string;
  /** The picture drawn (connected only), and its signatures once a comparison has needed them. */
  snapshot?: Snapshot;
  signatures?: Signatures;
  /** By compose project: which network is in which group (a change moves rows between groups: redraw all). */
  grouping?: string;
  /** The network nodes handed to VS Code, by network id: the same objects from one change to the next. */
  nodes: Map<string, NetworkNode>;
}

export class NetworksProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | ViewNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view?: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private engineSubs: vscode.Disposable[] = [];
  private staleTicker?: NodeJS.Timeout;
  private readonly drawn = new Map<Connection, Drawn>();
  private readonly compose = new ComposeGroups((c) => this.drawn.get(c)?.nodes);
  /** Tree changes announced so far: redraws from the top, single networks redrawn, and view messages set (tests and the
   * bench read them). */
  readonly redraws = { all: 0, networks: 0, messages: 0 };

  constructor(private readonly engines: Engines) {
    this.watchEngines();
    this.disposables.push(
      engines.onDidChangeEngines(() => {
        this.watchEngines();
        if (this.view?.visible) this.startAll();
        this.redrawAll();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dockerNetworks.showBuiltInNetworks') || e.affectsConfiguration('dockerNetworks.groupBy')) this.redrawAll();
      }),
    );
  }

  private get connection(): Connection {
    return this.engines.primary;
  }

  private watchEngines(): void {
    for (const d of this.engineSubs) d.dispose();
    const all = new Set([this.engines.primary, ...this.engines.listed]);
    for (const c of this.drawn.keys()) if (!all.has(c)) this.drawn.delete(c);
    // host routes that change move the collision marks of any network: those redraw all
    this.engineSubs = [...all].flatMap((c) => [c.onDidChange(() => this.update(c)), hostNetOf(c).onDidChange(() => this.redrawAll())]);
  }

  private startAll(): void {
    for (const c of this.engines.listed) c.start();
  }

  attach(view: vscode.TreeView<ViewNode>): void {
    this.view = view;
    this.disposables.push(view);
    // Follow the engines from the moment the view is first shown, not at activation.
    if (view.visible) this.startAll();
    this.disposables.push(view.onDidChangeVisibility((e) => e.visible && this.startAll()));
  }

  private update(connection: Connection): void {
    this.updateMessage();
    const drawn = this.drawnOf(connection);
    const s = connection.state;
    const shape = s.kind === 'connected' ? (s.stale ? 'stale' : 'connected') : s.kind === 'connecting' && s.networks ? 'preview' : s.kind;
    const snapshot = s.kind === 'connected' ? s.snapshot : undefined;
    const grouping = snapshot && byProject() ? this.compose.key(snapshot) : undefined;
    let change: TreeChange = { all: true, networks: [] };
    if (snapshot && drawn.snapshot && shape === drawn.shape && grouping === drawn.grouping) {
      const signatures = signaturesOf(snapshot);
      change = treeChange(drawn.signatures ?? signaturesOf(drawn.snapshot), signatures);
      drawn.signatures = signatures;
    } else {
      // Redrawn from the top: no comparison now. The signatures are made when the next picture is compared with this
      // one (the first paint of a big engine does not wait for a string of each of its networks).
      drawn.signatures = undefined;
    }
    drawn.snapshot = snapshot;
    drawn.shape = shape;
    drawn.grouping = grouping;
    if (change.all || s.kind !== 'connected') return this.redrawAll();
    const views = new Map(s.snapshot.networks.map((n) => [n.id, n]));
    const nodes: NetworkNode[] = [];
    for (const id of change.networks) {
      const node = drawn.nodes.get(id);
      const view = views.get(id);
      // A network VS Code was never given (hidden built-ins) needs no redraw.
      if (!node || !view) continue;
      node.network = view;
      nodes.push(node);
    }
    if (nodes.length === 0) return;
    this.redraws.networks += nodes.length;
    this.changed.fire(nodes);
  }

  private redrawAll(): void {
    this.redraws.all++;
    this.changed.fire(undefined);
  }

  private drawnOf(connection: Connection): Drawn {
    let d = this.drawn.get(connection);
    if (!d) this.drawn.set(connection, (d = { shape: '', nodes: new Map() }));
    return d;
  }

  private updateMessage(): void {
    const state = this.connection.state;
    const single = !this.engines.sideBySide;
    const message = single ? describeProblem(state, this.connection.endpoint) ?? describeStale(state) : undefined;
    // Only a new message is set: every assignment, even of the same text, is an event in the extension host's
    // 200 ms tree-refresh debounce, and the tree change that follows it in the same turn then waits out those 200 ms.
    if (this.view && message !== this.view.message) {
      this.redraws.messages++;
      this.view.message = message;
    }
    // A stale message says how old the picture is: keep that current (the tree itself is not redrawn).
    const ticking = single && state.kind === 'connected' && state.stale !== undefined;
    if (ticking && !this.staleTicker) this.staleTicker = setInterval(() => this.updateMessage(), STALE_TICK_MS);
    if (!ticking && this.staleTicker) {
      clearInterval(this.staleTicker);
      this.staleTicker = undefined;
    }
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node instanceof NetworkNode) {
      const s = node.connection.state;
      const count = s.kind === 'connected' ? s.snapshot.networks.length : s.kind === 'connecting' ? s.networks?.length ?? 0 : 0;
      return node.toTreeItem(count <= EXPAND_LIMIT);
    }
    return node.toTreeItem();
  }

  getChildren(node?: ViewNode): ViewNode[] {
    this.startAll();
    if (!node) {
      if (this.engines.sideBySide) return this.engines.listed.map((c) => new EngineNode(c));
      return this.networksOrProblem(this.connection, false);
    }
    if (node instanceof ActionNode) return [];
    if (node instanceof EngineNode) return this.networksOrProblem(node.connection, true);
    if (node instanceof ProjectNode || node instanceof OtherNetworksNode) return this.compose.members(node);
    const snapshot = node.connection.model?.snapshot;
    // Read the current version of the network: the node may come from an older snapshot.
    const current = snapshot?.networks.find((n) => n.id === node.network.id);
    if (!current) return [];
    const conn = node.connection;
    if (node instanceof ServiceNode) {
      const service = current.services?.find((s) => s.id === node.service.id);
      return service ? new ServiceNode(current, service, conn).tasks().map((a) => new ContainerNode(current, a, conn)) : [];
    }
    if (node instanceof ComposeServiceNode) {
      const service = servicesOn(current).services.find((x) => x.project === node.project && x.service === node.service);
      return (service?.members ?? []).map((a) => new ContainerNode(current, a, conn));
    }
    if (node instanceof NetworkNode) {
      // Swarm services first, each holding its tasks; by compose project, then compose services with their replicas;
      // other containers directly under the network.
      const services = current.services ?? [];
      const grouped = new Set(services.map((s) => s.id));
      const loose = current.attachments.filter((a) => !a.serviceId || !grouped.has(a.serviceId));
      const compose = byProject() ? servicesOn({ ...current, attachments: loose }) : { services: [], rest: loose };
      return [
        ...services.map((s) => new ServiceNode(current, s, conn)),
        ...compose.services.map((x) => new ComposeServiceNode(current, x.project, x.service, x.members, conn)),
        ...compose.rest.map((a) => new ContainerNode(current, a, conn)),
      ];
    }
    return [];
  }


  /** The engine's networks; while it cannot be reached, what to do about it (Retry, Open Settings). */
  private networksOrProblem(connection: Connection, sideBySide: boolean): ViewNode[] {
    const rows = problemRows(connection, sideBySide);
    if (rows.length > 0) return rows;
    const networks = this.networksOf(connection);
    return byProject() ? this.compose.top(connection, networks) : networks;
  }

  private networksOf(connection: Connection): NetworkNode[] {
    const s = connection.state;
    const loading = s.kind === 'connecting' && s.networks !== undefined;
    const networks: NetworkView[] | undefined = s.kind === 'connected' ? s.snapshot.networks : s.kind === 'connecting' ? s.networks : undefined;
    if (!networks) return [];
    const showBuiltIn = vscode.workspace.getConfiguration('dockerNetworks').get<boolean>('showBuiltInNetworks', true);
    const drawn = this.drawnOf(connection);
    const nodes = new Map<string, NetworkNode>();
    for (const n of networks) {
      if (!showBuiltIn && n.builtin) continue;
      const node = drawn.nodes.get(n.id) ?? new NetworkNode(n, connection);
      node.network = n;
      node.loading = loading;
      node.groupNote = undefined;
      nodes.set(n.id, node);
    }
    drawn.nodes = nodes;
    return [...nodes.values()];
  }

  /**
   * The tooltips of networks and containers, made on hover rather than with every redraw. A container's fills in what
   * the list calls left out (aliases on older engines), for that one container.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node instanceof NetworkNode) {
      item.tooltip = node.tooltip();
      return item;
    }
    if (!(node instanceof ContainerNode)) return item;
    const a = node.attachment;
    item.tooltip = node.tooltipWith({ aliases: a.aliases, dnsNames: a.dnsNames ?? [] });
    // aliases: absent from 20.10's list; DNS names (API 1.44+): only in inspect. One inspect of this container fills both.
    const dnsApi = supports(node.connection.model?.snapshot?.api ?? OLDEST_KNOWN_API, 'dnsNames');
    if (a.aliases.length > 0 && !(dnsApi && !a.dnsNames)) return item;
    const details = await node.connection.details?.get(a, node.network.name).catch(() => undefined);
    if (details) item.tooltip = node.tooltipWith(details);
    return item;
  }

  getParent(node: ViewNode): ViewNode | undefined {
    if (node instanceof EngineNode) return undefined;
    if (node instanceof ActionNode) return this.engines.sideBySide ? this.engines.listed.map((c) => new EngineNode(c)).find((e) => node.id.startsWith(`problem/${e.connection.key}/`)) : undefined;
    const top = this.engines.sideBySide ? new EngineNode(node.connection) : undefined;
    if (node instanceof ProjectNode || node instanceof OtherNetworksNode) return top;
    if (node instanceof NetworkNode) return byProject() ? this.compose.parentOf(node) ?? top : top;
    const networkNode = this.drawn.get(node.connection)?.nodes.get(node.network.id) ?? new NetworkNode(node.network, node.connection);
    if (node instanceof ServiceNode) return networkNode;
    if (node instanceof ComposeServiceNode) return networkNode;
    const service = node.network.services?.find((s) => s.id === node.attachment.serviceId);
    if (service) return new ServiceNode(node.network, service, node.connection);
    const c = node.attachment.compose;
    return c && byProject() ? new ComposeServiceNode(node.network, c.project, c.service, [], node.connection) : networkNode;
  }


  dispose(): void {
    clearInterval(this.staleTicker);
    for (const d of this.engineSubs) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

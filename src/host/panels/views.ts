// The read-only view panels, one per network (Network Details), per container (Container Networking), per ordered pair
// (Explain Reachability), and one Connectivity panel per engine. Opening what is already open reveals it; a panel closes with its engine.
// `restored`: the panel VS Code brought back after a reload (src/host/panels/restore.ts), adopted when nothing of that
// subject is open yet.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import type { Engines } from '../engines';
import type { NetworkView } from '../../core/model';
import { ConnectivityView } from './connectivity';
import { ContainerNetworkingView } from './containerNetworking';
import { ExplainReachView } from './explainReach';
import type { FormPanels } from './formPanels';
import { NetworkDetailsView } from './networkDetails';
import { PortsView } from './ports';

export class ViewPanels implements vscode.Disposable {
  private readonly networks = new Map<string, NetworkDetailsView>();
  private readonly containers = new Map<string, ContainerNetworkingView>();
  private readonly probes = new Map<string, ConnectivityView>();
  private readonly explains = new Map<string, ExplainReachView>();
  private readonly ports = new Map<string, PortsView>();

  constructor(private readonly engines: Engines, private readonly extensionUri: vscode.Uri) {}

  /** `gone`: restored after a reload, its network removed meanwhile (the page's last picture, if it had one). */
  networkDetails(connection: Connection, network: NetworkView, restored?: vscode.WebviewPanel, gone?: { picture?: Record<string, unknown> }): NetworkDetailsView {
    const key = `${connection.key}/${network.id}`;
    const open = this.networks.get(key);
    if (open) {
      open.update();
      open.reveal();
      return open;
    }
    const view = new NetworkDetailsView({ connection, engines: this.engines, restored }, network, this.extensionUri, gone);
    this.networks.set(key, view);
    view.onDidDispose(() => this.networks.get(key) === view && this.networks.delete(key));
    return view;
  }

  containerNetworking(connection: Connection, containerId: string, name: string, restored?: vscode.WebviewPanel): ContainerNetworkingView {
    const key = `${connection.key}/${containerId}`;
    const open = this.containers.get(key);
    if (open) {
      open.reveal();
      void open.refresh();
      return open;
    }
    const view = new ContainerNetworkingView({ connection, engines: this.engines, restored }, containerId, name, this.extensionUri);
    this.containers.set(key, view);
    view.onDidDispose(() => this.containers.get(key) === view && this.containers.delete(key));
    void view.refresh();
    return view;
  }

  connectivity(connection: Connection, restored?: vscode.WebviewPanel): ConnectivityView {
    const key = connection.key;
    const open = this.probes.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const view = new ConnectivityView({ connection, engines: this.engines, restored }, this.extensionUri);
    this.probes.set(key, view);
    view.onDidDispose(() => this.probes.get(key) === view && this.probes.delete(key));
    return view;
  }

  /** Explain Reachability for one ordered pair (one panel per pair and engine). */
  explainReach(connection: Connection, forms: FormPanels, sourceId: string, targetId: string, names: { source: string; target: string },
    restored?: vscode.WebviewPanel): ExplainReachView {
    const key = `${connection.key}/${sourceId}/${targetId}`;
    const open = this.explains.get(key);
    if (open) {
      open.reveal();
      void open.refresh();
      return open;
    }
    const openPair = (s: string, t: string): void => void this.explainReach(connection, forms, s, t, { source: names.target, target: names.source });
    const view = new ExplainReachView({ connection, engines: this.engines, restored }, sourceId, targetId, names, { forms, openPair }, this.extensionUri);
    this.explains.set(key, view);
    view.onDidDispose(() => this.explains.get(key) === view && this.explains.delete(key));
    void view.refresh();
    return view;
  }

  /** Show Published Ports: one panel per engine (the caller builds its picture: refresh()). */
  publishedPorts(connection: Connection, restored?: vscode.WebviewPanel): PortsView {
    const open = this.ports.get(connection.key);
    if (open) {
      open.reveal();
      return open;
    }
    const view = new PortsView({ connection, engines: this.engines, restored }, this.extensionUri);
    this.ports.set(connection.key, view);
    view.onDidDispose(() => this.ports.get(connection.key) === view && this.ports.delete(connection.key));
    return view;
  }

  getPorts(connectionKey = ''): PortsView | undefined {
    return this.ports.get(connectionKey);
  }

  /** The open views (tests look at them). */
  getNetworkDetails(networkId: string, connectionKey = ''): NetworkDetailsView | undefined {
    return this.networks.get(`${connectionKey}/${networkId}`);
  }

  getContainerNetworking(containerId: string, connectionKey = ''): ContainerNetworkingView | undefined {
    return this.containers.get(`${connectionKey}/${containerId}`);
  }

  getConnectivity(connectionKey = ''): ConnectivityView | undefined {
    return this.probes.get(connectionKey);
  }

  getExplainReach(sourceId: string, targetId: string, connectionKey = ''): ExplainReachView | undefined {
    return this.explains.get(`${connectionKey}/${sourceId}/${targetId}`);
  }

  dispose(): void {
    for (const v of [...this.networks.values(), ...this.containers.values(), ...this.probes.values(), ...this.explains.values(), ...this.ports.values()]) v.dispose();
    this.networks.clear();
    this.containers.clear();
    this.probes.clear();
    this.explains.clear();
    this.ports.clear();
  }
}

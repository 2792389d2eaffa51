// Builds the objects, registers them, and hands back a small API for the extension-host tests. No logic here.
import * as vscode from 'vscode';
import { Connection } from './host/connection';
import { NetworksProvider } from './host/tree/networksProvider';
import { InspectDocuments } from './host/inspect/inspectDocuments';
import { registerCommands } from './host/commands/register';
import { EngineStatusBar } from './host/statusBar';
import { Engines } from './host/engines';
import { FormPanels } from './host/panels/formPanels';
import { ViewPanels } from './host/panels/views';
import { TopologyPanels } from './host/panels/topology';
import { registerPanelSerializers } from './host/panels/restore';
import { disposeLog } from './host/log';
import { hostNetOf, type HostNet } from './host/hostNet';
import { configureCoreL10n } from './host/locale';

export interface ExtensionApi {
  connection: Connection;
  /** The engines the view lists (one, or several side by side). */
  engines: Engines;
  tree: NetworksProvider;
  inspect: InspectDocuments;
  /** The open webview forms (tests drive them through the same path as the webview's messages). */
  panels: FormPanels;
  /** The open view panels: network details, container networking, connectivity. */
  views: ViewPanels;
  /** The open topology maps. */
  topology: TopologyPanels;
  /** The status bar item naming the engine and its API version. */
  statusBar: EngineStatusBar;
  /** The host-route check of the extension's own engine (tests count its reads). */
  hostRoutes: () => HostNet;
  /** performance.now() marks: activate() entered, activate() returned, first networks in the tree (before their
   * containers, or with them), first snapshot in the tree; and the extension host's CPU time (µs, all its threads)
   * at activate() entered and at the first snapshot (bench). */
  timings: { activateStart: number; activateEnd?: number; firstNetworks?: number; firstData?: number; activateCpuUs: number; firstDataCpuUs?: number };
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const timings: ExtensionApi['timings'] = { activateStart: performance.now(), activateCpuUs: cpuUs() };
  configureCoreL10n();
  const connection = new Connection();
  const first = connection.onDidChange((s) => {
    if (s.kind === 'connecting' && s.networks) timings.firstNetworks ??= performance.now();
    if (s.kind !== 'connected') return;
    timings.firstData = performance.now();
    timings.firstDataCpuUs = cpuUs();
    timings.firstNetworks ??= timings.firstData;
    first.dispose();
  });
  context.subscriptions.push(first);
  // Activation comes from the view opening or a command: either way the engine is needed now. Its first requests
  // leave before the rest is built (commands, panels: 2–5 ms): the client dials them after a
  // resolved promise and the socket writes them in the event loop, so activate() lets one turn of the loop pass
  // first. Everything below reads the connection's state as it finds it; its changes arrive later, from the network.
  connection.start();
  await new Promise<void>((resolve) => setImmediate(resolve));
  const engines = new Engines(connection);
  const tree = new NetworksProvider(engines);
  const inspect = new InspectDocuments(engines);
  const panels = new FormPanels(engines, context.extensionUri);
  const views = new ViewPanels(engines, context.extensionUri);
  const topology = new TopologyPanels(engines, context.extensionUri);
  const view = vscode.window.createTreeView('dockerNetworks.networks', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  tree.attach(view);
  const statusBar = new EngineStatusBar(connection);
  context.subscriptions.push(statusBar, connection, engines, tree, inspect, panels, views, topology, ...registerCommands({ connection, engines, inspect, panels, views, topology }),
    // Panels open before a window reload come back (registered at activation, which their onWebviewPanel events cause).
    ...registerPanelSerializers({ engines, forms: panels, views, topology }));
  timings.activateEnd = performance.now();
  return { connection, engines, tree, inspect, panels, views, topology, statusBar, hostRoutes: () => hostNetOf(connection), timings };
}

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export function deactivate(): void {
  // Everything else is disposed through context.subscriptions.
  disposeLog();
}

// Bench only: the floor (bench/lib/raw.ts, the two list calls with node `http` + JSON.parse) made by an extension
// activated the way ours is (the user opens its view container in a fresh extension host), so the calls meet the
// same moment: the workbench drawing the view, the extension host starting, the engine and the 2 cores shared with
// both. Activation (e) divided by this is what our extension adds over the least any extension could do there.
import * as vscode from 'vscode';
import { floor } from '../../lib/raw';
import { socketOf } from '../../../test/support/countingProxy';

export interface FloorTimings {
  activateStart: number;
  networks: number;
  containers: number;
  /** both lists parsed */
  firstData: number;
  /** the extension host's CPU time (µs, all its threads, process.cpuUsage()) at activateStart and at firstData */
  activateCpuUs: number;
  firstDataCpuUs: number;
}

function cpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export function activate(context: vscode.ExtensionContext): { result: Promise<FloorTimings> } {
  const activateStart = performance.now();
  const activateCpuUs = cpuUs();
  // the calls go out first, as ours do (activate() starts the connection before it builds anything)
  const result = floor(socketOf(process.env.DOCKER_HOST)).then(({ networks, containers }) =>
    ({ activateStart, activateCpuUs, networks: networks.length, containers: containers.length, firstData: performance.now(), firstDataCpuUs: cpuUs() }));
  context.subscriptions.push(vscode.window.registerTreeDataProvider<string>('dnBenchFloor.view', {
    getChildren: () => [],
    getTreeItem: (label) => new vscode.TreeItem(label),
  }));
  return { result };
}

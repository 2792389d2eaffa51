// (e) the floor inside a fresh extension host: opens the bench floor extension's view container (bench/host/floor/),
// which activates it the way the user's click activates ours, and reads the moment its two list calls were parsed.
// Not a mocha suite: the workbench calls run() and exits with its outcome. Env: BENCH_OUT (result JSON file).
import * as vscode from 'vscode';
import { writeFileSync } from 'node:fs';
import type { FloorTimings } from './floor/extension';
import { settleMs, sleep } from '../lib/util';
import { relativeTo, traceHttp, type TracedRequest } from './httpTrace';

const FLOOR_ID = 'docker-networks-bench.dn-bench-floor';

export interface FloorHostResult {
  timings: FloorTimings;
  /** activate() entered → both lists parsed */
  floorMs: number;
  /** the extension host's CPU time in that window (ms, all its threads) */
  floorCpuMs: number;
  /** view command → activate() entered */
  loadMs: number;
  /** its HTTP requests (marks relative to activateStart) */
  requests: TracedRequest[];
}

export async function run(): Promise<void> {
  const out = process.env.BENCH_OUT;
  if (!out) throw new Error('BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension<{ result: Promise<FloorTimings> }>(FLOOR_ID);
  if (!ext) throw new Error(`${FLOOR_ID} is not in this extension host`);
  if (ext.isActive) throw new Error(`${FLOOR_ID} was active before its view was opened`);
  await sleep(settleMs()); // as bench/host/index.ts does before the user "clicks" the icon
  const trace = traceHttp();
  const viewCommandAt = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.dnBenchFloor');
  const timings = await (await ext.activate()).result;
  trace.stop();
  if (timings.containers === 0) throw new Error('the floor extension read no containers');
  const result: FloorHostResult = { timings, floorMs: timings.firstData - timings.activateStart, floorCpuMs: (timings.firstDataCpuUs - timings.activateCpuUs) / 1000, loadMs: timings.activateStart - viewCommandAt, requests: relativeTo(trace.requests, timings.activateStart) };
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`[bench-floor] ${result.floorMs.toFixed(1)} ms for ${timings.networks} networks and ${timings.containers} containers`);
}

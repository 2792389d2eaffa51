// Runs a bench suite in code-server's real extension host through the same stand-in the host tests use
// (scripts/vscode/code-shim.sh), with a fresh profile, and reads its result: bench/host/index.ts (our extension's
// activation) and bench/host/floorSuite.ts (the floor extension's, bench/host/floor/).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostBenchResult } from '../host/index';
import type { FloorHostResult } from '../host/floorSuite';
import { log } from './util';

export function vshostDir(): string {
  return process.env.VSHOST || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networks', 'vshost');
}

export function hostActivation(root: string, extensionDir: string, dockerHost: string, idleMs: number): Promise<HostBenchResult> {
  return runSuite<HostBenchResult>(root, 'index.js', extensionDir, dockerHost, { BENCH_IDLE_MS: String(idleMs), TEST_TIMEOUT_MS: String(idleMs + 180000) });
}

/** The floor's two calls made by an extension that does nothing else, activated by opening its view (as ours is). */
export function hostFloor(root: string, dockerHost: string): Promise<FloorHostResult> {
  return runSuite<FloorHostResult>(root, 'floor.js', path.join(root, 'out', 'bench', 'floor-ext'), dockerHost, { TEST_TIMEOUT_MS: '180000' });
}

async function runSuite<T>(root: string, suiteFile: string, extensionDir: string, dockerHost: string, env: Record<string, string>): Promise<T> {
  const vshost = vshostDir();
  const suite = path.join(root, 'out', 'bench', 'host', suiteFile);
  if (!existsSync(suite)) throw new Error(`${suite} is missing (scripts/bench.sh builds it)`);
  mkdirSync(path.join(vshost, 'tmp'), { recursive: true });
  const dir = mkdtempSync(path.join(vshost, 'tmp', 'bench-'));
  const ws = path.join(dir, 'workspace');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'README.md'), '# bench workspace\n');
  const out = path.join(dir, 'result.json');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('bash', [path.join(root, 'scripts', 'vscode', 'code-shim.sh'),
        `--extensionDevelopmentPath=${extensionDir}`, `--extensionTestsPath=${suite}`,
        `--user-data-dir=${path.join(dir, 'ud')}`, `--extensions-dir=${path.join(dir, 'exts')}`, ws], {
        env: { ...process.env, VSHOST: vshost, DOCKER_HOST: dockerHost, BENCH_OUT: out, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const relay = (b: Buffer): void => {
        for (const line of b.toString().split('\n')) if (line.trim()) log(`host: ${line}`);
      };
      child.stdout.on('data', relay);
      child.stderr.on('data', relay);
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (!existsSync(out)) throw new Error(`the extension-host bench (${suiteFile}) wrote no result (exit ${code})`);
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

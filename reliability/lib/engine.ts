// The private engine the reliability run drives (scripts/reliability.sh starts it in a network namespace of its own):
// its pid from the pidfile, signals, and restarts through the same `scripts/engine.sh start` that made it.
import { execFile } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Dockerode from 'dockerode';
import { resolveEndpoint } from '../../src/core/endpoint';
import { Engine } from '../../src/docker/client';
import { sleep } from '../../bench/lib/util';

export class PrivateEngine {
  readonly socket: string;
  readonly host: string;

  constructor(readonly kind: string, readonly dir: string, private readonly logFile: string) {
    this.socket = path.join(dir, 'docker.sock');
    this.host = `unix://${this.socket}`;
  }

  /** The project's Engine (src/docker/client.ts) on this engine's socket, or on another (a proxy in front of it). */
  client(host = this.host, timeoutMs?: number): Engine {
    return new Engine(resolveEndpoint({ setting: host, env: {}, platform: process.platform }), { timeoutMs });
  }

  /** A plain dockerode client for setting up and checking (not the code under test). */
  raw(): Dockerode {
    return new Dockerode({ socketPath: this.socket });
  }

  pid(): number | undefined {
    try {
      const pid = Number(readFileSync(path.join(this.dir, 'dockerd.pid'), 'utf8').trim());
      return Number.isSafeInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Sends the signal to dockerd; returns its pid (undefined when it was not running). */
  signal(sig: NodeJS.Signals): number | undefined {
    const pid = this.pid();
    if (pid !== undefined) process.kill(pid, sig);
    return pid;
  }

  async waitGone(pid: number, timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (alive(pid)) {
      if (Date.now() > end) throw new Error(`dockerd ${pid} still alive after ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  /** `GET /_ping` answered OK within `ms`. */
  ping(ms = 500): Promise<boolean> {
    return new Promise((resolve) => {
      const req = http.get({ socketPath: this.socket, path: '/_ping', timeout: ms, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
  }

  /**
   * `scripts/engine.sh start` (it reuses a running engine, or starts a new dockerd and checks it can run a
   * container). `answeredAt` is when /_ping first answered (polled every 20 ms meanwhile), `readyAt` when the script
   * returned; both performance.now().
   */
  async start(): Promise<{ answeredAt: number; readyAt: number }> {
    let answeredAt = NaN;
    let done = false;
    const poll = (async () => {
      while (!done) {
        if (Number.isNaN(answeredAt) && (await this.ping(200))) answeredAt = performance.now();
        await sleep(20);
      }
    })();
    try {
      // once more after a failure: the script may have been caught mid-edit (others work in this tree)
      await this.engineSh().catch(async (e: unknown) => {
        appendFileSync(this.logFile, `[reliability] ${e instanceof Error ? e.message : String(e)}: once more\n`);
        await sleep(2000);
        await this.engineSh();
      });
    } finally {
      done = true;
      await poll;
    }
    const readyAt = performance.now();
    return { answeredAt: Number.isNaN(answeredAt) ? readyAt : answeredAt, readyAt };
  }

  private engineSh(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      execFile('bash', ['scripts/engine.sh', 'start'], {
        env: { ...process.env, DN_ENGINE: this.kind, DN_ENGINE_DIR: this.dir }, maxBuffer: 16 << 20,
      }, (err, _stdout, stderr) => {
        appendFileSync(this.logFile, stderr);
        if (err) reject(new Error(`engine.sh start failed: ${stderr.split('\n').filter(Boolean).slice(-3).join(' | ')}`));
        else resolve();
      });
    });
  }

  private get dockerdLog(): string {
    return path.join(this.dir, 'dockerd.log');
  }

  /** Where dockerd.log ends now (to read only what comes after). */
  logMark(): number {
    try {
      return statSync(this.dockerdLog).size;
    } catch {
      return 0;
    }
  }

  /** The last panic dockerd logged after `mark`, in one line with its first frame, or undefined. */
  panicSince(mark: number): string | undefined {
    let text: string;
    try {
      text = readFileSync(this.dockerdLog).subarray(mark).toString();
    } catch {
      return undefined;
    }
    const i = text.lastIndexOf('panic: ');
    if (i < 0) return undefined;
    const lines = text.slice(i).split('\n');
    const frame = lines.slice(1).find((l) => /^\S+\.\S+\(/.test(l));
    return `${lines[0]}${frame ? ` in ${frame.replace(/\(0x[^)]*\)$/, '').replace(/^github\.com\/docker\//, '')}` : ''}`;
  }

  /** Deletes the engine's network store (data/network/files/local-kv.db): every network goes with it. */
  forgetNetworks(): void {
    rmSync(path.join(this.dir, 'data', 'network', 'files', 'local-kv.db'), { force: true });
  }

  async version(): Promise<{ version: string; api: string }> {
    const v = await this.raw().version();
    return { version: v.Version, api: v.ApiVersion };
  }
}

/** A live process (a killed, not yet reaped one is a zombie: gone for our purpose). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

// Small helpers shared by the benchmark: statistics, a concurrency pool, progress lines, waiting.
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** How long an extension-host suite lets the workbench finish starting before the user "clicks" a view (ms). */
export const settleMs = (): number => Number(process.env.BENCH_SETTLE_MS ?? '3000');

/** Nearest-rank percentile of `xs` (0 < p ≤ 100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  return { n: xs.length, median: median(xs), p95: percentile(xs, 95), min: Math.min(...xs), max: Math.max(...xs) };
}

export function ms(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** Runs `fn` over `items` with at most `limit` calls in flight; rejects with the first failure. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async (): Promise<void> => {
    while (failed === undefined && next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

const t0 = Date.now();
export function log(msg: string): void {
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
}

/** Prints "what done/total" at most every `everyMs` and at the end. */
export function progress(what: string, total: number, everyMs = 2000): (done: number) => void {
  let last = 0;
  const start = Date.now();
  return (done) => {
    const t = Date.now();
    if (done < total && t - last < everyMs) return;
    last = t;
    log(`${what} ${done}/${total} (${((t - start) / 1000).toFixed(1)} s)`);
  };
}

/** Polls `probe` until it returns a value (waiting on the engine, never for timing). */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

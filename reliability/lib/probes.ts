// What the reliability run watches in its own process: unhandled rejections and uncaught exceptions (counted, not
// fatal), active handles by type, open sockets, the heap after a full GC, and a live model's listeners.
import { readdirSync, readlinkSync } from 'node:fs';
import type { LiveModel } from '../../src/docker/live';
import type { Snapshot } from '../../src/core/model';

export const faults = { unhandledRejections: 0, uncaughtExceptions: 0, first: [] as string[] };

export function installFaultCounters(): void {
  const note = (what: string, e: unknown): void => {
    if (faults.first.length < 10) faults.first.push(`${what}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' ') : String(e)}`);
  };
  process.on('unhandledRejection', (e) => {
    faults.unhandledRejections++;
    note('unhandled rejection', e);
  });
  process.on('uncaughtException', (e) => {
    faults.uncaughtExceptions++;
    note('uncaught exception', e);
  });
}

/** process.getActiveResourcesInfo() counted by type (TCPWRAP/PipeWrap sockets, Timeout, FSReqCallback…). */
export function resources(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of process.getActiveResourcesInfo()) out[t] = (out[t] ?? 0) + 1;
  return out;
}

/** File descriptors of this process that are sockets. */
export function openSockets(): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) n++;
    } catch {
      // closed meanwhile
    }
  }
  return n;
}

/**
 * Listeners on a live model's two emitters (onDidChange, onEvent). They are private: read through a structural
 * look at the instance, -1 when its shape has changed.
 */
export function listeners(live: LiveModel): { onDidChange: number; onEvent: number } {
  const size = (emitter: unknown): number => {
    const set = (emitter as { listeners?: unknown } | undefined)?.listeners;
    return set instanceof Set ? set.size : -1;
  };
  const inner = live as unknown as { changed?: unknown; eventSeen?: unknown };
  return { onDidChange: size(inner.changed), onEvent: size(inner.eventSeen) };
}

export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

export interface ProcessSample {
  heapUsed: number;
  resources: Record<string, number>;
  sockets: number;
}

export function sample(): ProcessSample {
  return { heapUsed: heapAfterGc(), resources: resources(), sockets: openSockets() };
}

/** The resource types whose count changed between two samples, e.g. `PipeWrap 2→3`. */
export function resourceDiff(a: Record<string, number>, b: Record<string, number>): string[] {
  const out: string[] = [];
  for (const t of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if ((a[t] ?? 0) !== (b[t] ?? 0)) out.push(`${t} ${a[t] ?? 0}→${b[t] ?? 0}`);
  }
  return out;
}

export function resourceText(r: Record<string, number>): string {
  return Object.entries(r).sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t} ${n}`).join(', ');
}

/**
 * A snapshot as text for comparing with the engine's: the status texts ("Up 3 seconds") blanked, containers in id
 * order, attachments in container order.
 */
export function normalised(s: Snapshot): string {
  const status = (o: object): object => ('status' in o ? { ...o, status: '' } : 'Status' in o ? { ...o, Status: '' } : o);
  return JSON.stringify({
    ...s,
    networks: s.networks.map((n) => ({ ...n, attachments: n.attachments.map(status).sort((a, b) => cmp(JSON.stringify(a), JSON.stringify(b))) })),
    containers: s.containers.map(status).sort((a, b) => cmp((a as { Id: string }).Id, (b as { Id: string }).Id)),
    partial: undefined,
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first difference between two normalised snapshots, for a report (a short window around it). */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i >= a.length && i >= b.length ? '' : `at ${i}: …${a.slice(Math.max(0, i - 60), i + 60)}… vs …${b.slice(Math.max(0, i - 60), i + 60)}…`;
}

/** Connected, and nothing read, scheduled or retried. */
export function isSettled(live: LiveModel): boolean {
  return live.state.kind === 'connected' && live.settled;
}

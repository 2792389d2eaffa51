// Reads a container's real namespace ids from /proc/<pid>/ns/* (readlink gives `net:[4026532281]`), when the engine
// runs on this machine. Parsing and comparing stay in src/core/namespaces.ts.
//
// "On this machine" is checked, not assumed: the engine must be reached over a unix socket, and the process at
// State.Pid must be the container's (its command line matches the inspect's Path and Args). A forwarded socket or an
// extension host in another pid namespace would otherwise show some unrelated process's namespaces.
import { readFile, readlink } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { engineNamespaceDefaults, NAMESPACE_TYPES, type EngineNamespaceDefaults } from '../core/namespaces';
import type { ResolvedEndpoint } from '../core/endpoint';
import type { Engine } from './client';

/** The link targets under `<procRoot>/<pid>/ns/`, by namespace type; unreadable ones are left out. */
export async function readNamespaceLinks(pid: number | 'self', procRoot = '/proc'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(NAMESPACE_TYPES.map(async (type) => {
    try {
      out[type] = await readlink(`${procRoot}/${pid}/ns/${type}`);
    } catch {
      // missing (old kernel: no cgroup namespace) or not ours to read
    }
  }));
  return out;
}

export function engineIsLocal(endpoint: ResolvedEndpoint | undefined): boolean {
  return endpoint?.endpoint.kind === 'unix';
}

/** What the panel needs from inspect. */
export interface ProcessOfContainer {
  Id?: string;
  State?: { Running?: boolean; Pid?: number } | null;
  Path?: string;
  Args?: string[] | null;
}

export type NamespaceIdsResult =
  | { shown: true; links: Record<string, string>; host: Record<string, string> }
  | { shown: false; note: string };

/** The container's namespace links (and this machine's, to compare), or why they cannot be shown. */
export async function containerNamespaceIds(endpoint: ResolvedEndpoint | undefined, inspect: ProcessOfContainer, procRoot = '/proc'):
  Promise<NamespaceIdsResult> {
  if (!engineIsLocal(endpoint)) {
    return { shown: false, note: l10n.t('Namespace ids are shown only for an engine on this machine (a unix socket); this one is {0}.', endpoint?.display ?? '?') };
  }
  const pid = inspect.State?.Pid ?? 0;
  if (!inspect.State?.Running || pid <= 0) return { shown: false, note: l10n.t('The container is not running: it has no namespaces to show.') };
  let cmdline: string;
  try {
    cmdline = await readFile(`${procRoot}/${pid}/cmdline`, 'utf8');
  } catch {
    return { shown: false, note: l10n.t('/proc/{0} is not visible from here (another pid namespace, or the engine runs elsewhere behind its socket).', pid) };
  }
  // The container's cgroup path names its id (cgroupfs `/docker/<id>`, systemd `docker-<id>.scope`); a process that
  // rewrote its command line is still recognised by that.
  const cgroup = await readFile(`${procRoot}/${pid}/cgroup`, 'utf8').catch(() => '');
  const inItsCgroup = inspect.Id !== undefined && inspect.Id.length >= 12 && cgroup.includes(inspect.Id);
  if (!inItsCgroup && !sameProcess(cmdline, inspect)) {
    return { shown: false, note: l10n.t('/proc/{0} here is not the container\'s process (the engine is in another pid namespace or on another machine).', pid) };
  }
  const links = await readNamespaceLinks(pid, procRoot);
  if (Object.keys(links).length === 0) {
    return { shown: false, note: l10n.t('/proc/{0}/ns is not readable by this user (reading another user\'s namespaces needs root).', pid) };
  }
  return { shown: true, links, host: await readNamespaceLinks('self', procRoot) };
}

/** The process's argv (NUL-separated) against the container's Path + Args. */
export function sameProcess(cmdline: string, inspect: ProcessOfContainer): boolean {
  const argv = cmdline.split('\0').filter((s, i, all) => s !== '' || i < all.length - 1);
  const expected = [inspect.Path ?? '', ...(inspect.Args ?? [])];
  if (argv.length === 0 || expected[0] === '') return false;
  const base = (s: string): string => s.slice(s.lastIndexOf('/') + 1);
  if (base(argv[0]) !== base(expected[0])) return false;
  return argv.slice(1).join('\0') === expected.slice(1).join('\0');
}

/** The engine's defaults for modes left empty (cgroup v1/v2, userns-remap), from `docker info`. */
export async function namespaceDefaults(engine: Engine): Promise<EngineNamespaceDefaults> {
  const info = await engine.call('read engine info', () => engine.docker.info() as Promise<{ CgroupVersion?: string; SecurityOptions?: string[] | null }>);
  return engineNamespaceDefaults(info);
}

// The seven Linux namespaces of a container and whether each is its own, the host's, or another container's,
// derived from `docker inspect` (HostConfig.*Mode) and the engine's defaults; plus helpers to read the real
// namespace ids from `/proc/<pid>/ns/*` link targets (`net:[4026532281]`) when the engine is on this machine.
//
// How Docker (20.10+) sets them up, which the derivation follows:
// - net:    NetworkMode host → host; none → a namespace of its own with only loopback; container:<x> → x's;
//           anything else (default, bridge, a network name) → private.
// - ipc:    IpcMode private → private; shareable → private, but others may join it with container:<x>; host;
//           container:<x>; none → private without /dev/shm. Empty → the daemon's --default-ipc-mode
//           (`private` since Docker 20.10; `shareable` before). The daemon normally writes the resolved mode
//           into HostConfig at create, so an empty value comes from older engines or other runtimes.
// - pid:    PidMode empty → private; host; container:<x>.
// - uts:    UTSMode empty → private; host. (`--network host` alone keeps a private UTS namespace.)
// - user:   only with userns-remap does a container get its own user namespace (UsernsMode empty → private);
//           UsernsMode host opts out. Without remap every container is in the host's user namespace. With remap,
//           a container joining another's net, ipc or pid namespace must share its user namespace too; the
//           engine joins the user namespace of the last of those it sets up (pid, else ipc, else net).
// - mnt:    always private: every container gets its own mount namespace.
// - cgroup: CgroupnsMode private/host. Empty → the daemon's --default-cgroupns-mode: private on cgroup v2,
//           host on cgroup v1 (see engineNamespaceDefaults).
// Podman's values (ns:<path>, slirp4netns, pasta, keep-id, auto, …) are read too, as far as they map.
import * as l10n from '@vscode/l10n';

export type NamespaceType = 'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'user' | 'uts';

/** The seven, in the order the seed (and `ls /proc/self/ns`) lists them. */
export const NAMESPACE_TYPES: readonly NamespaceType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts'];

/**
 * private: its own. host: the host's. shared: another container's (or a namespace joined by path).
 * none: its own, with nothing in it (net: loopback only; ipc: no /dev/shm). shareable: its own IPC namespace,
 * which other containers may join.
 */
export type NamespaceMode = 'private' | 'host' | 'shared' | 'none' | 'shareable';

/** The subset of `GET /containers/{id}/json` that the derivation reads. */
export interface ContainerInspectLike {
  Id: string;
  Name?: string;
  HostConfig?: {
    NetworkMode?: string;
    IpcMode?: string;
    PidMode?: string;
    UTSMode?: string;
    UsernsMode?: string;
    CgroupnsMode?: string;
  } | null;
}

/** What the engine does when a mode is left empty. */
export interface EngineNamespaceDefaults {
  /** dockerd --default-ipc-mode: `private` (Docker ≥ 20.10) or `shareable` (older engines). */
  ipc: 'private' | 'shareable';
  /** dockerd --default-cgroupns-mode: `private` on cgroup v2 hosts, `host` on cgroup v1. */
  cgroupns: 'private' | 'host';
  /** dockerd --userns-remap is on (`docker info` lists `name=userns` in SecurityOptions). */
  usernsRemap: boolean;
}

export const DOCKER_DEFAULTS: EngineNamespaceDefaults = { ipc: 'private', cgroupns: 'private', usernsRemap: false };

/** Finds the container a `container:<ref>` mode names (ref: id, id prefix or name). */
export type ContainerLookup = (ref: string) => { id: string; name: string } | undefined;

export interface NamespaceRow {
  type: NamespaceType;
  mode: NamespaceMode;
  /** shared: whose namespace it is (id and name when known; the raw reference otherwise), or the joined path. */
  sharedWith?: { id?: string; name?: string; ref?: string; path?: string };
  /** Where it came from, e.g. `HostConfig.IpcMode` and its value; absent for mnt, which nothing configures. */
  source?: { field: string; value: string };
  /** The value was empty and the engine's default decided. */
  fromDefault: boolean;
  /** The namespace id from `/proc/<pid>/ns/<type>`, when known (see withNamespaceIds). */
  nsId?: string;
}

/**
 * One row per namespace type (NAMESPACE_TYPES order). `others` resolves `container:<ref>` to an id and a name:
 * a function, or a map of id → name (matched by full id, unique id prefix, or name).
 */
export function namespaceModes(
  inspect: ContainerInspectLike,
  others?: ContainerLookup | ReadonlyMap<string, string>,
  engine: Partial<EngineNamespaceDefaults> = {},
): NamespaceRow[] {
  const defaults: EngineNamespaceDefaults = { ...DOCKER_DEFAULTS, ...engine };
  const lookup = typeof others === 'function' ? others : others ? lookupFromMap(others) : () => undefined;
  const hc = inspect.HostConfig ?? {};
  const shared = (ref: string): NonNullable<NamespaceRow['sharedWith']> => {
    const found = ref ? lookup(ref) : undefined;
    return found ? { id: found.id, name: found.name } : { ref };
  };

  const fromField = (type: NamespaceType, field: string, value: string | undefined,
    decide: (v: string) => Omit<NamespaceRow, 'type' | 'source' | 'fromDefault'>, fallback: string): NamespaceRow => {
    const raw = value ?? '';
    const effective = raw === '' ? fallback : raw;
    return { type, ...decide(effective), source: { field: `HostConfig.${field}`, value: raw }, fromDefault: raw === '' };
  };

  /** container:<ref>, ns:<path>, host, or undefined for the mode-specific values. */
  const common = (v: string): Omit<NamespaceRow, 'type' | 'source' | 'fromDefault'> | undefined => {
    if (v === 'host') return { mode: 'host' };
    if (v.startsWith('container:')) return { mode: 'shared', sharedWith: shared(v.slice('container:'.length)) };
    if (v.startsWith('ns:')) return { mode: 'shared', sharedWith: { path: v.slice('ns:'.length) } };
    return undefined;
  };

  const net = fromField('net', 'NetworkMode', hc.NetworkMode,
    (v) => common(v) ?? (v === 'none' ? { mode: 'none' } : { mode: 'private' }), 'default');
  const ipc = fromField('ipc', 'IpcMode', hc.IpcMode, (v) => common(v)
    ?? (v === 'shareable' ? { mode: 'shareable' } : v === 'none' ? { mode: 'none' } : { mode: 'private' }), defaults.ipc);
  const pid = fromField('pid', 'PidMode', hc.PidMode, (v) => common(v) ?? { mode: 'private' }, 'private');
  const uts = fromField('uts', 'UTSMode', hc.UTSMode, (v) => common(v) ?? { mode: 'private' }, 'private');
  const cgroup = fromField('cgroup', 'CgroupnsMode', hc.CgroupnsMode, (v) => common(v) ?? { mode: 'private' }, defaults.cgroupns);
  const mnt: NamespaceRow = { type: 'mnt', mode: 'private', fromDefault: false };

  const userValue = hc.UsernsMode ?? '';
  const user = fromField('user', 'UsernsMode', userValue, (v) => {
    const explicit = common(v);
    if (explicit) return explicit;
    if (v === '') {
      if (!defaults.usernsRemap) return { mode: 'host' };
      // Joining another container's net, ipc or pid namespace under remap means joining its user namespace;
      // the engine sets them up in that order, so the last one wins.
      const joined = [pid, ipc, net].find((row) => row.mode === 'shared' && row.sharedWith?.path === undefined);
      return joined?.sharedWith ? { mode: 'shared', sharedWith: joined.sharedWith } : { mode: 'private' };
    }
    return { mode: 'private' }; // Podman: private, auto, keep-id, nomap
  }, '');

  const rows: Record<NamespaceType, NamespaceRow> = { cgroup, ipc, mnt, net, pid, user, uts };
  return NAMESPACE_TYPES.map((t) => rows[t]);
}

/** A lookup over id → name: full id, then name, then a unique id prefix. */
export function lookupFromMap(names: ReadonlyMap<string, string>): ContainerLookup {
  const bare = (name: string): string => name.replace(/^\//, '');
  return (ref) => {
    const exact = names.get(ref);
    if (exact !== undefined) return { id: ref, name: bare(exact) };
    let byPrefix: { id: string; name: string } | undefined;
    let prefixes = 0;
    for (const [id, name] of names) {
      if (bare(name) === bare(ref)) return { id, name: bare(name) };
      if (id.startsWith(ref)) {
        prefixes += 1;
        byPrefix = { id, name: bare(name) };
      }
    }
    return prefixes === 1 ? byPrefix : undefined; // an ambiguous prefix names nobody
  };
}

/** What `docker info` tells about the defaults (CgroupVersion "1"/"2", SecurityOptions `name=userns`). */
export function engineNamespaceDefaults(info: { CgroupVersion?: string; SecurityOptions?: string[] | null }):
  EngineNamespaceDefaults {
  return {
    ipc: 'private',
    cgroupns: info.CgroupVersion === '1' ? 'host' : 'private',
    usernsRemap: (info.SecurityOptions ?? []).some((o) => o.split(',').includes('name=userns')),
  };
}

/** A parsed `/proc/<pid>/ns/<type>` link target, e.g. `net:[4026532281]` → { type: 'net', id: '4026532281' }. */
export function parseNsLink(target: string): { type: string; id: string } | undefined {
  const m = /^([a-z_]+):\[(\d+)\]$/.exec(target.trim());
  return m ? { type: m[1], id: m[2] } : undefined;
}

export interface NamespaceComparison {
  type: NamespaceType;
  a?: string;
  b?: string;
  /** same: one namespace. different: two. unknown: an id is missing or unreadable on either side. */
  relation: 'same' | 'different' | 'unknown';
}

/**
 * Which namespaces two processes share, given their `/proc/<pid>/ns/*` link targets keyed by file name
 * (`{ net: 'net:[4026532281]', … }`; a bare inode number is accepted too). Compare with pid 1's to check "host".
 */
export function compareNamespaceIds(a: Record<string, string>, b: Record<string, string>): NamespaceComparison[] {
  return NAMESPACE_TYPES.map((type) => {
    const idA = nsIdOf(a, type);
    const idB = nsIdOf(b, type);
    const row: NamespaceComparison = { type, relation: idA === undefined || idB === undefined ? 'unknown' : idA === idB ? 'same' : 'different' };
    if (idA !== undefined) row.a = idA;
    if (idB !== undefined) row.b = idB;
    return row;
  });
}

/** The rows with the namespace ids read from `/proc/<pid>/ns/*` filled in. */
export function withNamespaceIds(rows: NamespaceRow[], links: Record<string, string>): NamespaceRow[] {
  return rows.map((row) => {
    const id = nsIdOf(links, row.type);
    return id === undefined ? row : { ...row, nsId: id };
  });
}

function nsIdOf(links: Record<string, string>, type: NamespaceType): string | undefined {
  const value = links[type];
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return value.trim();
  const parsed = parseNsLink(value);
  return parsed && parsed.type === type ? parsed.id : undefined;
}

/** The namespace's name for a table: "Network", "IPC", … */
export function namespaceTitle(type: NamespaceType): string {
  switch (type) {
    case 'cgroup': return l10n.t('Cgroup');
    case 'ipc': return l10n.t('IPC');
    case 'mnt': return l10n.t('Mount');
    case 'net': return l10n.t('Network');
    case 'pid': return l10n.t('PID');
    case 'user': return l10n.t('User');
    case 'uts': return l10n.t('UTS (hostname)');
  }
}

/** The mode in words: "private", "host", "shared with web", "none (loopback only)". */
export function describeNamespace(row: NamespaceRow): string {
  let text: string;
  switch (row.mode) {
    case 'private':
      text = l10n.t('private');
      break;
    case 'host':
      text = l10n.t('host');
      break;
    case 'shareable':
      text = l10n.t('private, shareable (other containers may join it)');
      break;
    case 'none':
      text = row.type === 'net' ? l10n.t('none (loopback only)') : l10n.t('private, none (no /dev/shm)');
      break;
    case 'shared': {
      const w = row.sharedWith ?? {};
      text = w.path !== undefined
        ? l10n.t('shared: joins {0}', w.path)
        : l10n.t('shared with {0}', w.name ?? w.ref ?? w.id ?? '?');
      break;
    }
  }
  return row.fromDefault ? l10n.t('{0} (engine default)', text) : text;
}

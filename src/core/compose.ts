// Docker Compose as the tree can show it: the labels Compose v2 puts on what it makes, read from networks and
// containers, and the grouping of `dockerNetworks.groupBy: composeProject` (projects, each with its networks; the
// networks no single project owns under "Other networks", each with a note saying why).
import * as l10n from '@vscode/l10n';
import type { Attachment, NetworkView, Snapshot } from './model';

export const COMPOSE_PROJECT = 'com.docker.compose.project';
export const COMPOSE_SERVICE = 'com.docker.compose.service';
export const COMPOSE_NETWORK = 'com.docker.compose.network';
export const COMPOSE_NUMBER = 'com.docker.compose.container-number';
export const COMPOSE_ONEOFF = 'com.docker.compose.oneoff';

/** What Compose says about a container (absent when it did not make it). */
export interface ComposeMember {
  project: string;
  service: string;
  /** The replica's number (container-number), when Compose gave one. */
  replica?: number;
  /** `docker compose run`: a one-off container of the service, not a replica. */
  oneoff: boolean;
}

export function composeMemberOf(labels: Record<string, string> | null | undefined): ComposeMember | undefined {
  const project = labels?.[COMPOSE_PROJECT];
  const service = labels?.[COMPOSE_SERVICE];
  if (!project || !service) return undefined;
  const n = Number(labels[COMPOSE_NUMBER]);
  return { project, service, ...(Number.isInteger(n) && n > 0 ? { replica: n } : {}), oneoff: labels[COMPOSE_ONEOFF] === 'True' };
}

/** The project a network was made by and its key in the compose file (`default` for `<project>_default`). */
export function composeNetworkOf(n: NetworkView): { project: string; key?: string } | undefined {
  const project = n.labels[COMPOSE_PROJECT];
  return project ? { project, ...(n.labels[COMPOSE_NETWORK] ? { key: n.labels[COMPOSE_NETWORK] } : {}) } : undefined;
}

/** "web #2", "web (one-off)", "web": a container's service in a few words. */
export function composeWords(m: ComposeMember): string {
  if (m.oneoff) return l10n.t('{0} (one-off)', m.service);
  return m.replica !== undefined ? `${m.service} #${m.replica}` : m.service;
}

export interface ProjectGroup {
  project: string;
  /** Its networks, in snapshot order: made by it, or (external) used by its containers alone. */
  networks: { network: NetworkView; external: boolean }[];
}

export interface OtherNetwork {
  network: NetworkView;
  /** Why it is not under a project (shared by several, or labelled for a project that uses other networks…). */
  note?: string;
}

export interface ComposeGrouping {
  projects: ProjectGroup[];
  other: OtherNetwork[];
}

/** The projects whose containers are on a network, in name order. */
function projectsOn(n: NetworkView): string[] {
  const set = new Set<string>();
  for (const a of n.attachments) if (a.compose) set.add(a.compose.project);
  return [...set].sort();
}

/** Compose's labels on something that lacks the project (or, on a container, the service): what it has, in words. */
function partialLabels(labels: Record<string, string> | null | undefined, needsService: boolean): string | undefined {
  const keys = Object.keys(labels ?? {}).filter((k) => k.startsWith('com.docker.compose.')).sort();
  const project = labels?.[COMPOSE_PROJECT];
  const service = labels?.[COMPOSE_SERVICE];
  if (keys.length === 0 || (project && (!needsService || service))) return undefined;
  if (project) return l10n.t('project {0} but no service label', project);
  if (service) return l10n.t('service {0} but no project label', service);
  return labels?.[COMPOSE_NETWORK] ? l10n.t('network key {0}', labels[COMPOSE_NETWORK]) : keys.join(', ');
}

/** Why a network's compose labels, or those of containers on it, do not add up (the parts of its note). */
function partialNotes(n: NetworkView, labelsOf: ReadonlyMap<string, Record<string, string> | null | undefined>): string[] {
  const notes: string[] = [];
  const own = partialLabels(n.labels, false);
  if (own) notes.push(l10n.t('labelled by Compose ({0}) but with no project', own));
  for (const a of n.attachments) {
    const what = a.compose ? undefined : partialLabels(labelsOf.get(a.containerId), true);
    if (what) notes.push(l10n.t('{0} has compose labels ({1}): not counted as a compose container', a.name, what));
  }
  return notes;
}

/**
 * A network goes under the project that made it, or under the one project whose containers alone use it (an
 * external network of that project). The rest is "Other networks": built-in and hand-made networks, and (with a
 * note) a network shared by several projects, used by a project that has no network of its own, or whose compose
 * labels (or its containers') are partial: a project or service missing.
 */
export function groupByProject(snapshot: Pick<Snapshot, 'networks' | 'containers'>): ComposeGrouping {
  const projects = new Map<string, ProjectGroup>();
  const other: OtherNetwork[] = [];
  const labelsOf = new Map(snapshot.containers.map((c) => [c.Id, c.Labels]));
  const add = (project: string, network: NetworkView, external: boolean): void => {
    let g = projects.get(project);
    if (!g) projects.set(project, (g = { project, networks: [] }));
    g.networks.push({ network, external });
  };
  for (const n of snapshot.networks) {
    const made = composeNetworkOf(n)?.project;
    const users = projectsOn(n);
    if (made && users.every((p) => p === made)) add(made, n, false);
    else if (!made && !n.builtin && !partialLabels(n.labels, false) && users.length === 1 && n.attachments.every((a) => a.compose?.project === users[0])) add(users[0], n, true);
    else other.push({ network: n });
  }
  for (const o of other) {
    const made = composeNetworkOf(o.network)?.project;
    const users = projectsOn(o.network);
    const all = [...new Set([...(made ? [made] : []), ...users])].sort();
    const notes: string[] = [];
    if (all.length > 1) notes.push(l10n.t('shared by the compose projects {0}', all.join(', ')));
    else if (users.length === 1 && !projects.has(users[0])) notes.push(l10n.t('used by the compose project {0}, which has no network of its own', users[0]));
    notes.push(...partialNotes(o.network, labelsOf));
    if (notes.length > 0) o.note = notes.join('; ');
  }
  return { projects: [...projects.values()].sort((a, b) => a.project.localeCompare(b.project)), other };
}

/** A network's containers by compose service (in first-seen order), then the containers Compose did not make. */
export function servicesOn(n: NetworkView): { services: { service: string; project: string; members: Attachment[] }[]; rest: Attachment[] } {
  const services = new Map<string, { service: string; project: string; members: Attachment[] }>();
  const rest: Attachment[] = [];
  for (const a of n.attachments) {
    if (!a.compose || a.serviceId) {
      rest.push(a);
      continue;
    }
    const key = `${a.compose.project}\u0000${a.compose.service}`;
    let s = services.get(key);
    if (!s) services.set(key, (s = { service: a.compose.service, project: a.compose.project, members: [] }));
    s.members.push(a);
  }
  for (const s of services.values()) s.members.sort((x, y) => (x.compose?.replica ?? 0) - (y.compose?.replica ?? 0) || x.name.localeCompare(y.name));
  return { services: [...services.values()], rest };
}

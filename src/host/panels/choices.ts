// What the Connect and Run forms (and their pickers) offer, read from one snapshot. No engine calls here.
import * as vscode from 'vscode';
import type { NetworkView, RawContainer, Snapshot } from '../../core/model';
import { containerName } from '../../core/join';
import { networkDescription } from '../../core/format';
import { unjoinable } from '../../core/validate';
import type { Choice } from '../../protocol/messages';

export function networkModeOf(c: RawContainer): string {
  return c.HostConfig?.NetworkMode ?? 'default';
}

/** Why this container cannot be connected to another network now; undefined when it can. */
export function notConnectable(c: RawContainer): string | undefined {
  const name = containerName(c);
  const mode = networkModeOf(c);
  if (mode === 'host') return vscode.l10n.t('{0} uses the host\'s network stack (network mode host): it cannot join other networks.', name);
  if (mode === 'none') return vscode.l10n.t('{0} was created without networking (network mode none): it cannot join a network.', name);
  if (mode.startsWith('container:')) {
    return vscode.l10n.t('{0} shares the network namespace of {1}: connect {1} instead.', name, mode.slice('container:'.length));
  }
  if (c.State !== 'running') return vscode.l10n.t('{0} is not running ({1}): start it first.', name, c.State);
  return undefined;
}

/** Running containers with a network stack of their own, by name. */
export function connectableContainers(snapshot: Snapshot): RawContainer[] {
  return snapshot.containers
    .filter((c) => notConnectable(c) === undefined)
    .sort((a, b) => containerName(a).localeCompare(containerName(b)));
}

/** The names of the networks the container has an endpoint on. */
export function networksOfContainer(c: RawContainer): string[] {
  return Object.keys(c.NetworkSettings?.Networks ?? {}).sort();
}

/** Networks a container can be connected to by hand (not host, none, config-only, ingress, or swarm-only). */
export function joinableNetworks(snapshot: Snapshot): NetworkView[] {
  return snapshot.networks.filter((n) => unjoinable(n) === undefined);
}

export function findContainerByName(snapshot: Snapshot, ref: string): RawContainer | undefined {
  return snapshot.containers.find((c) => containerName(c) === ref || c.Id === ref);
}

export function containerChoice(c: RawContainer): Choice {
  return { value: containerName(c), label: containerName(c), detail: `${c.State} · ${c.Image} · ${networksOfContainer(c).join(', ') || vscode.l10n.t('no networks')}` };
}

export function networkChoice(n: NetworkView): Choice {
  return { value: n.name, label: n.name, detail: networkDescription(n) };
}

/** For the Run form: the default bridge (''), the joinable networks, host and none, and the namespace of a running container. */
export function runNetworkChoices(snapshot: Snapshot): Choice[] {
  const out: Choice[] = [{ value: '', label: vscode.l10n.t('default (bridge)'), group: vscode.l10n.t('Networks') }];
  for (const n of snapshot.networks) {
    if (n.driver === 'host' || n.driver === 'null' || unjoinable(n) === undefined) {
      out.push({ ...networkChoice(n), group: vscode.l10n.t('Networks') });
    }
  }
  for (const c of snapshot.containers) {
    const mode = networkModeOf(c);
    if (c.State !== 'running' || mode.startsWith('container:')) continue;
    const name = containerName(c);
    out.push({ value: `container:${name}`, label: `container:${name}`, detail: vscode.l10n.t('share the network stack of {0}', name), group: vscode.l10n.t('Shared namespace of a container') });
  }
  return out;
}

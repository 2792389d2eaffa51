// The Networks view by compose project (`dockerNetworks.groupBy: composeProject`): the top level, a group's networks
// and a network's group, from core's grouping (src/core/compose.ts), computed once per snapshot. The network rows
// are the view's own network nodes (the same objects it redraws), given what the grouping says about each.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { groupByProject, type ComposeGrouping } from '../../core/compose';
import type { Snapshot } from '../../core/model';
import type { NetworkNode } from './nodes';
import { OtherNetworksNode, ProjectNode } from './composeNodes';

export class ComposeGroups {
  private readonly groupings = new WeakMap<Snapshot, ComposeGrouping>();

  /** `nodesOf`: the network nodes the view keeps for an engine, by network id. */
  constructor(private readonly nodesOf: (c: Connection) => ReadonlyMap<string, NetworkNode> | undefined) {}

  private of(snapshot: Snapshot): ComposeGrouping {
    let g = this.groupings.get(snapshot);
    if (!g) this.groupings.set(snapshot, (g = groupByProject(snapshot)));
    return g;
  }

  /** Which network is in which group, as a string (a change of it redraws the whole view). */
  key(snapshot: Snapshot): string {
    const g = this.of(snapshot);
    return JSON.stringify([g.projects.map((p) => [p.project, p.networks.map((m) => [m.network.id, m.external])]), g.other.map((o) => [o.network.id, o.note])]);
  }

  /** The projects (each with its networks), then "Other networks"; `networks`: the network rows the view shows. */
  top(connection: Connection, networks: NetworkNode[]): (ProjectNode | OtherNetworksNode | NetworkNode)[] {
    const s = connection.state;
    if (s.kind !== 'connected') return networks;
    const shown = new Set(networks.map((n) => n.network.id));
    const g = this.of(s.snapshot);
    const projects = g.projects
      .map((p) => new ProjectNode(p.project, p.networks.filter((x) => shown.has(x.network.id)).length, connection))
      .filter((p) => p.networkCount > 0);
    const other = g.other.filter((o) => shown.has(o.network.id)).length;
    return [...projects, ...(other > 0 ? [new OtherNetworksNode(other, connection)] : [])];
  }

  /** A group's networks, as the view's network nodes, with what the grouping says about each. */
  members(node: ProjectNode | OtherNetworksNode): NetworkNode[] {
    const s = node.connection.state;
    const nodes = this.nodesOf(node.connection);
    if (s.kind !== 'connected' || !nodes) return [];
    const g = this.of(s.snapshot);
    const members = node instanceof ProjectNode
      ? (g.projects.find((p) => p.project === node.project)?.networks ?? []).map((x) => ({ network: x.network, note: x.external ? vscode.l10n.t('external') : undefined }))
      : g.other;
    return members.flatMap((m) => {
      const n = nodes.get(m.network.id);
      if (!n) return [];
      n.groupNote = m.note;
      return [n];
    });
  }

  /** The group a network row is under. */
  parentOf(node: NetworkNode): ProjectNode | OtherNetworksNode | undefined {
    const s = node.connection.state;
    if (s.kind !== 'connected') return undefined;
    const g = this.of(s.snapshot);
    const p = g.projects.find((x) => x.networks.some((m) => m.network.id === node.network.id));
    return p ? new ProjectNode(p.project, p.networks.length, node.connection) : new OtherNetworksNode(g.other.length, node.connection);
  }
}

// What the view shows when an engine cannot be reached: a hint, then Retry and Open Settings as rows of the tree.
// Rows, not a `viewsWelcome`: the workbench does not show a view's welcome content while the view has a message (the
// message says where it looked and what failed), and a row's command works in every VS Code version.
import * as vscode from 'vscode';
import type { Connection, ConnectionState } from '../connection';
import { CommandIds } from '../commandIds';

/** A row that runs a command when clicked (or only says something, without one). */
export class ActionNode {
  readonly kind = 'action';
  constructor(
    readonly id: string,
    readonly label: string,
    readonly icon: string,
    readonly command?: vscode.Command,
    readonly tooltip?: string,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'action';
    if (this.command) item.command = this.command;
    item.tooltip = this.tooltip ?? this.label;
    return item;
  }
}

function hint(state: ConnectionState): string {
  if (state.kind === 'misconfigured') return vscode.l10n.t('The engine endpoint is not valid: fix the dockerNetworks.host setting or DOCKER_HOST.');
  if (state.kind === 'disconnected' && state.error.kind === 'permission') {
    return vscode.l10n.t('Permission denied on the engine socket: add your user to the docker group (sudo usermod -aG docker $USER, then log in again), or use another engine.');
  }
  return vscode.l10n.t('Start the engine, or set the endpoint to use. The view comes back by itself when the engine answers.');
}

/**
 * The rows for an engine that is disconnected or misconfigured (none otherwise). `sideBySide`: under that engine's own
 * node, whose settings are the list of contexts (Retry retries every engine listed).
 */
export function problemRows(connection: Connection, sideBySide: boolean): ActionNode[] {
  const state = connection.state;
  if (state.kind !== 'disconnected' && state.kind !== 'misconfigured') return [];
  const scope = `problem/${connection.key}/`;
  const setting = sideBySide ? 'dockerNetworks.contexts' : 'dockerNetworks.host';
  const retry = new ActionNode(`${scope}retry`, vscode.l10n.t('Retry'), 'refresh',
    { command: CommandIds.refresh, title: vscode.l10n.t('Retry') }, vscode.l10n.t('Try to reach the engine again now'));
  // Machine-scoped settings show on the Remote tab of a remote window (code-server, SSH, containers), not on User's.
  const open = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
  const settings = new ActionNode(`${scope}settings`, vscode.l10n.t('Open Settings'), 'gear',
    { command: open, title: vscode.l10n.t('Open Settings'), arguments: [{ query: setting }] }, vscode.l10n.t('Open the {0} setting', setting));
  const text = hint(state);
  const about = new ActionNode(`${scope}hint`, text, state.kind === 'misconfigured' ? 'warning' : 'debug-disconnect', undefined, text);
  return state.kind === 'misconfigured' ? [about, settings, retry] : [about, retry, settings];
}

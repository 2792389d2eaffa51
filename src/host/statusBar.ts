// The status bar names the engine the extension talks to (context or endpoint) and how it was chosen.
import * as vscode from 'vscode';
import { describeNegotiation } from '../core/apiVersion';
import { explainEndpoint } from '../core/endpoint';
import type { Connection } from './connection';
import { CommandIds } from './commandIds';

export class EngineStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dockerNetworks.engine', vscode.StatusBarAlignment.Left, 50);
  private readonly sub: vscode.Disposable;
  /** Whether the warning background is on (set only on a change, like the tooltip). */
  private warned = false;

  constructor(private readonly connection: Connection) {
    this.item.name = vscode.l10n.t('Docker Networks: engine');
    this.item.command = CommandIds.switchContext;
    this.sub = connection.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  /** What the tooltip says, as plain text (the extension-host tests read it). */
  tooltipText = '';

  private update(): void {
    const s = this.connection.state;
    const ep = this.connection.endpoint;
    const label = ep?.contextName ?? ep?.display ?? vscode.l10n.t('Docker');
    const icon = s.kind === 'connected' ? '$(server-environment)' : s.kind === 'connecting' || s.kind === 'idle' ? '$(sync~spin)' : '$(debug-disconnect)';
    const text = `${icon} ${label}`;
    if (this.item.text !== text) this.item.text = text;
    const lines: string[] = [];
    if (ep) lines.push(ep.display, explainEndpoint(ep));
    const negotiated = this.connection.model?.engine.negotiated;
    if (negotiated && s.kind === 'connected') lines.push('', describeNegotiation(negotiated));
    if (s.kind === 'disconnected' || s.kind === 'misconfigured') lines.push('', s.error.message);
    this.tooltipText = lines.join('\n');
    // Plain text, set only when it changes: a MarkdownString is parsed by VS Code on each set (the first parse, cold,
    // took tens of milliseconds of the extension host while the first containers were arriving).
    const tip = `${vscode.l10n.t('Docker engine')}\n\n${this.tooltipText}\n\n${vscode.l10n.t('Click to switch the engine this extension uses.')}`;
    if (this.item.tooltip !== tip) this.item.tooltip = tip;
    const warn = s.kind === 'disconnected' || s.kind === 'misconfigured';
    if (warn !== this.warned) {
      this.warned = warn;
      this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.item.dispose();
  }
}

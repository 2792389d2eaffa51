// The engines the tree shows. Normally one (the extension's engine); with `dockerNetworks.contexts` listing several
// contexts, one Connection per context, each with its own event stream, so one engine failing never blanks another.
import * as vscode from 'vscode';
import { Connection } from './connection';

export class Engines implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the set of engines changes (not on each engine's own updates: see Connection.onDidChange). */
  readonly onDidChangeEngines = this.changed.event;
  private side: Connection[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly primary: Connection) {
    this.side = this.fromSetting();
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('dockerNetworks.contexts')) return;
      const before = this.side;
      this.side = this.fromSetting(before);
      // Only the engines that left the setting go (their panels close with them); the others keep their state.
      for (const c of before) if (!this.side.includes(c)) c.dispose();
      this.changed.fire();
    }));
  }

  /** The contexts of the setting, in its order; a context already followed keeps its connection. */
  private fromSetting(existing: readonly Connection[] = []): Connection[] {
    const names = vscode.workspace.getConfiguration('dockerNetworks').get<string[]>('contexts', []);
    return [...new Set(names.map((n) => n.trim()).filter(Boolean))].map((n) => existing.find((c) => c.key === n) ?? new Connection(n));
  }

  /** How titles and pickers name an engine: its context, or the endpoint of the extension's own. */
  nameOf(connection: Connection): string {
    return connection.key || connection.endpoint?.display || vscode.l10n.t('Docker engine');
  }

  /** True when the tree shows engines side by side (a top-level node per context). */
  get sideBySide(): boolean {
    return this.side.length > 0;
  }

  /** The engines listed in the tree, in the setting's order. */
  get listed(): Connection[] {
    return this.sideBySide ? this.side : [this.primary];
  }

  byKey(key: string): Connection | undefined {
    return key === '' ? this.primary : this.side.find((c) => c.key === key);
  }

  dispose(): void {
    for (const c of this.side) c.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

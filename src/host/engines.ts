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
      for (const c of this.side) c.dispose();
      this.side = this.fromSetting();
      this.changed.fire();
    }));
  }

  private fromSetting(): Connection[] {
    const names = vscode.workspace.getConfiguration('dockerNetworks').get<string[]>('contexts', []);
    return [...new Set(names.map((n) => n.trim()).filter(Boolean))].map((n) => new Connection(n));
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

// Inspect output as read-only JSON documents (a content provider's documents cannot be edited or saved).
// Open documents follow the engine: an engine event that names the object re-reads that document (a network: its
// own events, connects and disconnects included; a container: its events and its network connects/disconnects),
// a reconnection re-reads them all (events may have been missed meanwhile), and a removed object says so.
import * as vscode from 'vscode';
import { EngineError } from '../../core/errors';
import { formatDateTime } from '../../core/localeFormat';
import type { Connection } from '../connection';
import type { Engines } from '../engines';
import type { EngineEvent } from '../../docker/events';

export const INSPECT_SCHEME = 'docker-networks';
export type InspectKind = 'network' | 'container';

interface Entry {
  /** The engine's key (Connection.key): '' for the extension's engine, else a context name. */
  engine: string;
  kind: InspectKind;
  id: string;
  name: string;
  /** The last inspect the engine gave, pretty-printed. */
  json?: string;
  /** A comment above the JSON when the object is gone or could not be re-read. */
  header?: string;
  removed?: boolean;
}

const textOf = (e: Entry): string => (e.header ?? '') + (e.json ?? '');

export function inspectUri(kind: InspectKind, id: string, name: string, engine = ''): vscode.Uri {
  // The path gives the tab title (`my-net.network.json`) and the .json language; the query carries the id and,
  // for side-by-side engines, which engine it lives on.
  const safe = name.replace(/[\\/?#]/g, '_');
  const query = new URLSearchParams({ [kind]: id, ...(engine ? { engine } : {}) }).toString();
  return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/${safe}.${kind}.json`, query });
}

function parseUri(uri: vscode.Uri): { kind: InspectKind; id: string; name: string; engine: string } | undefined {
  const q = new URLSearchParams(uri.query);
  const kind: InspectKind | undefined = q.has('network') ? 'network' : q.has('container') ? 'container' : undefined;
  const id = kind ? q.get(kind) ?? '' : '';
  if (!kind || !/^[\w.-]+$/.test(id)) return undefined;
  const name = uri.path.replace(/^\//, '').replace(/\.(network|container)\.json$/, '');
  return { kind, id, name, engine: q.get('engine') ?? '' };
}

export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  private engineSubs: vscode.Disposable[] = [];
  /** Documents to re-read (entry keys), flushed together shortly after the events that named them. */
  private readonly dirty = new Set<string>();
  private flushTimer?: NodeJS.Timeout;
  /** Inspect calls made so far (tests check that unrelated changes make none). */
  reads = 0;

  constructor(private readonly engines: Engines) {
    this.watch();
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, this),
      engines.onDidChangeEngines(() => this.watch()),
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
    );
  }

  private watch(): void {
    for (const d of this.engineSubs) d.dispose();
    const all = new Set([this.engines.primary, ...this.engines.listed]);
    this.engineSubs = [...all].flatMap((c) => {
      let wasConnected = c.state.kind === 'connected';
      return [
        c.onEvent((e) => this.onEngineEvent(c.key, e)),
        c.onDidChange((s) => {
          const now = s.kind === 'connected';
          if (now && !wasConnected) this.markAll(c.key); // back after a break: what changed meanwhile is unknown
          wasConnected = now;
        }),
      ];
    });
  }

  private onEngineEvent(engine: string, e: EngineEvent): void {
    const id = e.Actor?.ID;
    const container = e.Actor?.Attributes?.container;
    for (const [key, entry] of this.entries) {
      if (entry.engine !== engine) continue;
      const named = entry.kind === 'network'
        ? e.Type === 'network' && id === entry.id
        : (e.Type === 'container' && id === entry.id) || (e.Type === 'network' && container === entry.id);
      if (named) this.mark(key);
    }
  }

  private markAll(engine: string): void {
    for (const [key, entry] of this.entries) if (entry.engine === engine) this.mark(key);
  }

  private mark(key: string): void {
    this.dirty.add(key);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      const keys = [...this.dirty];
      this.dirty.clear();
      void this.refresh(keys);
    }, 50);
  }

  async open(kind: InspectKind, id: string, name: string, connection?: Connection): Promise<vscode.TextDocument> {
    const uri = inspectUri(kind, id, name, connection?.key);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'json') doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const parsed = parseUri(uri);
    if (!parsed) return `// ${vscode.l10n.t('Not an inspect document: {0}', key)}\n`;
    const entry = this.entries.get(key) ?? { ...parsed };
    this.entries.set(key, entry);
    await this.read(entry);
    return textOf(entry);
  }

  private async read(entry: Entry): Promise<void> {
    try {
      const connection = this.engines.byKey(entry.engine);
      if (!connection) throw new Error(vscode.l10n.t('The engine "{0}" is no longer shown (dockerNetworks.contexts).', entry.engine));
      const engine = connection.engine();
      this.reads++;
      const data = entry.kind === 'network' ? await engine.inspectNetwork(entry.id) : await engine.inspectContainer(entry.id);
      entry.json = JSON.stringify(data, null, 2) + '\n';
      entry.header = undefined;
      entry.removed = false;
    } catch (err) {
      if (err instanceof EngineError && err.kind === 'notFound') {
        if (entry.removed) return; // keep the time it was first seen gone
        const what = entry.kind === 'network' ? vscode.l10n.t('Network') : vscode.l10n.t('Container');
        entry.header = `// ${vscode.l10n.t('{0} "{1}" ({2}) was removed from the engine (seen {3}).', what, entry.name, entry.id.slice(0, 12), formatDateTime(new Date().toISOString()))}\n`
          + (entry.json ? `// ${vscode.l10n.t('Its last known state follows.')}\n` : '');
        entry.removed = true;
        return;
      }
      // Keep what the user is reading; say at the top that it could not be refreshed.
      const msg = err instanceof Error ? err.message : String(err);
      entry.header = `// ${vscode.l10n.t('Could not read from the engine: {0}', msg.replace(/\n/g, ' '))}\n`;
    }
  }

  private async refresh(keys: readonly string[]): Promise<void> {
    const wanted = new Set(keys);
    const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === INSPECT_SCHEME && wanted.has(d.uri.toString()));
    await Promise.all(
      open.map(async (doc) => {
        const entry = this.entries.get(doc.uri.toString());
        if (!entry) return;
        const before = textOf(entry);
        await this.read(entry);
        if (textOf(entry) === before) return;
        this.changed.fire(doc.uri);
        if (entry.removed && doc.languageId === 'json') void vscode.languages.setTextDocumentLanguage(doc, 'jsonc');
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    for (const d of this.engineSubs) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

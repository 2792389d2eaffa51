// The open forms: one panel per engine and form kind. Opening a kind that is already open for that engine reveals it;
// a new prefill goes into the form the user is filling in (mergePrefill): the prefill's fields change, what the user
// typed elsewhere stays, and the user is asked before anything typed would be overwritten.
import * as vscode from 'vscode';
import { mergePrefill } from '../../core/formMerge';
import { emptyConnectForm, emptyCreateNetworkForm, emptyRunForm } from '../../core/forms';
import type { FormKind, FormOf } from '../../protocol/messages';
import type { Connection } from '../connection';
import type { Engines } from '../engines';
import { FormPanel } from './formPanel';
import { FORM_SPECS, type FormSpec } from './specs';

type AnyPanel = { [K in FormKind]: FormPanel<K> }[FormKind];

const EMPTY: { [K in FormKind]: () => FormOf[K] } = { createNetwork: emptyCreateNetworkForm, connect: emptyConnectForm, run: emptyRunForm };

export class FormPanels implements vscode.Disposable {
  private readonly open_ = new Map<string, AnyPanel>();

  constructor(private readonly engines: Engines, private readonly extensionUri: vscode.Uri) {}

  /** The open panel of this kind on an engine ('' for the extension's own), if any. */
  get<K extends FormKind>(kind: K, connectionKey = ''): FormPanel<K> | undefined {
    return this.open_.get(`${connectionKey}/${kind}`) as FormPanel<K> | undefined;
  }

  /**
   * Shows the form of this kind for the engine. With `prefill`, an open panel takes the prefill's fields (asking
   * first when that would overwrite what the user typed); without one an open panel is revealed as the user left it.
   */
  async open<K extends FormKind>(connection: Connection, kind: K, initial: FormOf[K], prefill = true, notices: readonly string[] = []): Promise<FormPanel<K>> {
    const key = `${connection.key}/${kind}`;
    const existing = this.get(kind, connection.key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      if (prefill) await this.refill(existing, initial, notices);
      return existing;
    }
    const panel = new FormPanel<K>(FORM_SPECS[kind] as FormSpec<K>, { connection, engines: this.engines }, this.extensionUri, initial, notices);
    this.track(key, panel);
    return panel;
  }

  /**
   * A form VS Code brought back after a reload, with what the user had typed (`saved`; else empty). Its prefill is
   * the empty form: a later prefill asks before it overwrites anything typed. An open form of that kind is revealed.
   */
  restore<K extends FormKind>(connection: Connection, kind: K, restored: vscode.WebviewPanel, saved?: { values: FormOf[K]; formVersion: number }): FormPanel<K> {
    const existing = this.get(kind, connection.key);
    if (existing && !existing.isDisposed) {
      existing.reveal();
      return existing;
    }
    const base = EMPTY[kind]();
    const spec = FORM_SPECS[kind] as FormSpec<K>;
    const panel = new FormPanel<K>(spec, { connection, engines: this.engines, restored }, this.extensionUri, saved?.values ?? base, [], { base, formVersion: saved?.formVersion ?? 1 });
    this.track(`${connection.key}/${kind}`, panel);
    return panel;
  }

  private track<K extends FormKind>(key: string, panel: FormPanel<K>): void {
    this.open_.set(key, panel as unknown as AnyPanel);
    panel.onDidDispose(() => {
      if (this.open_.get(key) === (panel as unknown as AnyPanel)) this.open_.delete(key);
    });
  }

  private async refill<K extends FormKind>(panel: FormPanel<K>, prefill: FormOf[K], notices: readonly string[]): Promise<void> {
    const { form, conflicts } = mergePrefill(EMPTY[panel.kind](), panel.prefilled, panel.currentForm, prefill);
    if (conflicts.length > 0) {
      const replace = vscode.l10n.t('Replace');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Replace what you typed in {0}?', panel.title),
        { modal: true, detail: vscode.l10n.t('These fields would change: {0}. The rest of the form stays as you left it.', conflicts.join(', ')) },
        replace,
      );
      if (choice !== replace || panel.isDisposed) return;
    }
    panel.setForm(form, notices, prefill);
  }

  dispose(): void {
    for (const p of [...this.open_.values()]) p.dispose();
    this.open_.clear();
  }
}

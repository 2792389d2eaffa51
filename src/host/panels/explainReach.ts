// Explain Reachability: why one container can or cannot reach another, step by step (src/core/explainReach.ts), with
// fix buttons that run the existing flows (the Connect and Create Network forms prefilled, `docker start` after a
// confirmation) and Probe now, which runs Check Connectivity's probe (src/docker/probe.ts) and sets it beside the
// explanation. Live: every snapshot explains the pair again; a side that disappears is said so, the pair stays.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { describeFailure } from '../../core/refusal';
import { emptyConnectForm, emptyCreateNetworkForm } from '../../core/forms';
import { explainReach, type ExplainFix, type ExplainReachState, type ReachExplanation } from '../../core/explainReach';
import { containerName } from '../../core/join';
import type { Snapshot } from '../../core/model';
import { formatArgv } from '../../core/probe';
import { agreement, modelAt } from '../../core/probeTargets';
import { computeReachability, reachBetween } from '../../core/reachability';
import { startContainer } from '../../docker/lifecycle';
import { probePair, type ExecFn } from '../../docker/probe';
import { CommandIds } from '../commandIds';
import { ContainerNode } from '../tree/nodes';
import type { PanelSubject } from '../../protocol/restore';
import type { ActionParams, ActionResult } from '../../protocol/views';
import type { FormPanels } from './formPanels';
import { PanelView, ViewPanel } from './viewPanel';
import type { PanelEngine } from './webviewHost';

export interface ExplainReachOptions {
  forms: FormPanels;
  /** Opens (or reveals) the panel of another pair: the Swap button. */
  openPair(sourceId: string, targetId: string): void;
}

export class ExplainReachView extends PanelView<'explainReach'> {
  readonly panel: ViewPanel<'explainReach'>;
  readonly connection: Connection;
  private names: { source: string; target: string };
  private lastSnapshot?: Snapshot;
  private probeState?: ExplainReachState['probe'];
  /** Tests replace the probe's exec to see what would run; normally the engine's. */
  exec?: ExecFn;
  private readonly changed = new vscode.EventEmitter<ExplainReachState>();
  /** Fires with every new picture (tests wait on it). */
  readonly onDidUpdate = this.changed.event;

  constructor(engine: PanelEngine, readonly sourceId: string, readonly targetId: string, names: { source: string; target: string },
    private readonly options: ExplainReachOptions, extensionUri: vscode.Uri) {
    super();
    this.connection = engine.connection;
    this.names = names;
    this.panel = this.open(engine, extensionUri, { kind: 'explainReach', title: this.titleText(), subject: this.subjectNow() });
    const sub = this.connection.onDidChange((s) => { if (s.kind === 'connected') this.update(s.snapshot); });
    this.panel.onDidDispose(() => sub.dispose());
  }

  private subjectNow(): PanelSubject {
    return { panel: 'explainReach', sourceId: this.sourceId, targetId: this.targetId, ...this.names };
  }

  private titleText(): string {
    return vscode.l10n.t('Reachability: {0} → {1}', this.names.source, this.names.target);
  }

  /** Explains the pair again from the current snapshot. */
  async refresh(): Promise<void> {
    this.update(await this.connection.snapshot());
  }

  private update(snapshot: Snapshot): void {
    if (this.panel.isDisposed) return;
    this.lastSnapshot = snapshot;
    const explanation = explainReach(snapshot, this.sourceId, this.targetId);
    const gone: string[] = [];
    // A side that is gone keeps the name it had; one that is there gives its current name.
    if (snapshot.containers.some((c) => c.Id === this.sourceId)) this.names.source = explanation.source.name;
    else gone.push(vscode.l10n.t('{0} (the source) is no longer on this engine: it was removed.', this.names.source));
    if (snapshot.containers.some((c) => c.Id === this.targetId)) this.names.target = explanation.target.name;
    else gone.push(vscode.l10n.t('{0} (the target) is no longer on this engine: it was removed.', this.names.target));
    const state: ExplainReachState = { engine: this.connection.endpoint?.display ?? '', explanation, pair: { ...this.names }, gone };
    if (this.probeState) state.probe = this.probeState;
    this.panel.title = this.titleText();
    this.panel.subject = this.subjectNow();
    this.panel.setState(state);
    this.changed.fire(state);
  }

  private current(): ReachExplanation {
    const e = this.panel.state?.explanation;
    if (!e) throw new Error(vscode.l10n.t('The explanation is not ready yet.'));
    return e;
  }

  /** The fix the panel offers with exactly this button: a page can only ask for what is on it. */
  private offered(p: ActionParams<'explainReach'>): ExplainFix {
    const fix = this.current().fixes.find((f) => f.action?.action === p.action
      && (p.containerId === undefined || f.action.containerId === p.containerId)
      && (p.networkId === undefined || f.action.networkId === p.networkId));
    if (!fix?.action) throw new Error(vscode.l10n.t('That fix is no longer offered: the engine changed. See the fixes the panel shows now.'));
    return fix;
  }

  protected override cleanup(): void {
    this.changed.dispose();
  }

  protected async act(p: ActionParams<'explainReach'>): Promise<ActionResult> {
    switch (p.action) {
      case 'probe':
        return this.probe();
      case 'swap':
        this.options.openPair(this.targetId, this.sourceId);
        return {};
      case 'showContainerNetworking': {
        const id = p.containerId ?? this.sourceId;
        const snapshot = await this.connection.snapshot();
        const n = snapshot.networks.find((x) => x.attachments.some((a) => a.containerId === id));
        const a = n?.attachments.find((x) => x.containerId === id);
        if (!n || !a) throw new Error(vscode.l10n.t('The container {0} is on no network of this engine.', id.slice(0, 12)));
        await vscode.commands.executeCommand(CommandIds.showContainerNetworking, new ContainerNode(n, a, this.connection));
        return {};
      }
      case 'connect': {
        const fix = this.offered(p);
        const snapshot = await this.connection.snapshot();
        const c = snapshot.containers.find((x) => x.Id === fix.action?.containerId);
        const n = snapshot.networks.find((x) => x.id === fix.action?.networkId);
        if (!c || !n) throw new Error(vscode.l10n.t('That container or network no longer exists.'));
        await this.options.forms.open(this.connection, 'connect', { ...emptyConnectForm(), container: containerName(c), network: n.name });
        return { message: vscode.l10n.t('The Connect form is open with {0}.', fix.label) };
      }
      case 'createNetwork': {
        const fix = this.offered(p);
        await this.options.forms.open(this.connection, 'createNetwork', { ...emptyCreateNetworkForm(), name: fix.action?.networkName ?? '' });
        return { message: vscode.l10n.t('The Create Network form is open; connect both to the new network afterwards (the commands are listed).') };
      }
      case 'start': {
        const fix = this.offered(p);
        const id = fix.action?.containerId ?? '';
        const c = (await this.connection.snapshot()).containers.find((x) => x.Id === id);
        if (!c) throw new Error(vscode.l10n.t('The container {0} no longer exists.', id.slice(0, 12)));
        const name = containerName(c);
        const start = vscode.l10n.t('Start');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Start {0}?', name),
          { modal: true, detail: vscode.l10n.t('Runs `docker start {0}`: its command runs again, with the restart policy it has.', name) }, start);
        if (choice !== start) return {};
        await startContainer(this.connection.engine(), id);
        return { message: vscode.l10n.t('Started {0}.', name) };
      }
    }
  }

  /** Runs the probe at the explanation's aim, and says whether it agrees. */
  private async probe(): Promise<ActionResult> {
    const e = this.current();
    if ('unavailable' in e.probe) throw new Error(e.probe.unavailable);
    const aim = e.probe;
    const snapshot = this.lastSnapshot ?? await this.connection.snapshot();
    const at = (): string => new Date().toISOString();
    this.probeState = { running: true, networkName: aim.networkName, address: aim.address, at: at() };
    this.update(snapshot);
    const done = { running: false, networkName: aim.networkName, address: aim.address };
    try {
      const probed = await probePair(this.connection.engine(), snapshot, this.sourceId, this.targetId, aim.networkId, this.exec);
      const model = modelAt(reachBetween(computeReachability(snapshot), this.sourceId, this.targetId), aim.networkId);
      const r = probed.result;
      this.probeState = { ...done, verdict: r.verdict, reason: r.reason, agreement: agreement(model, r), at: at() };
      if (r.argv) this.probeState.command = formatArgv(r.argv);
    } catch (err) {
      this.probeState = { ...done, error: describeFailure(err), at: at() };
    }
    if (!this.panel.isDisposed) this.update(this.lastSnapshot ?? snapshot);
    return { message: this.probeState.agreement?.text ?? this.probeState.error ?? '' };
  }
}

// The Connectivity panel: probe results set beside the computed reachability, one pair or a network's matrix.
// Probes run inside the source containers through the engine's exec API (src/docker/probe.ts), bounded in time and
// in number (the matrix is capped at MATRIX_CAP containers, said on screen), cancellable from the progress
// notification or the panel's Cancel button.
import * as vscode from 'vscode';
import type { Connection } from '../connection';
import { describeFailure } from '../../core/refusal';
import { CommandIds } from '../commandIds';
import { NetworkNode } from '../tree/nodes';
import { computeReachability, reachBetween, type Reachability } from '../../core/reachability';
import { formatArgv, MATRIX_CAP } from '../../core/probe';
import { agreement, capText, matrixPlan, modelAt, probeTarget } from '../../core/probeTargets';
import type { Snapshot } from '../../core/model';
import { probePair, type ExecFn } from '../../docker/probe';
import type { ActionParams, ActionResult, ConnectivityRow, ConnectivityState } from '../../protocol/views';
import type { ConnectivityRun } from '../../protocol/restore';
import { PanelView, ViewPanel } from './viewPanel';
import type { PanelEngine } from './webviewHost';

/** Probes at once in a matrix (each is one or a few short execs). */
const CONCURRENCY = 6;

type RunSpec = ConnectivityRun;

export class ConnectivityView extends PanelView<'connectivity'> {
  readonly panel: ViewPanel<'connectivity'>;
  private last?: RunSpec;
  private cancel?: vscode.CancellationTokenSource;
  private current?: Promise<ConnectivityState>;
  /** Tests replace the exec to see what would run; normally the engine's. */
  exec?: ExecFn;

  readonly connection: Connection;

  constructor(engine: PanelEngine, extensionUri: vscode.Uri) {
    super();
    this.connection = engine.connection;
    this.panel = this.open(engine, extensionUri, { kind: 'connectivity', title: vscode.l10n.t('Connectivity'), subject: { panel: 'connectivity' } });
  }

  /** The run in progress (or the last one), resolving with its final state. */
  get running(): Promise<ConnectivityState> | undefined {
    return this.current;
  }

  runPair(sourceId: string, targetId: string, networkId: string): Promise<ConnectivityState> {
    return this.start({ mode: 'pair', sourceId, targetId, networkId });
  }

  runMatrix(networkId: string): Promise<ConnectivityState> {
    return this.start({ mode: 'matrix', networkId });
  }

  private start(spec: RunSpec): Promise<ConnectivityState> {
    this.cancel?.cancel();
    this.last = spec;
    const cts = new vscode.CancellationTokenSource();
    this.cancel = cts;
    const run = this.execute(spec, cts.token).catch((err: unknown) => {
      // Nothing to show yet (the pair or the network went away before the first picture): no empty page left behind.
      if (!this.panel.state) this.dispose();
      throw err;
    }).finally(() => {
      if (this.cancel === cts) this.cancel = undefined;
      cts.dispose();
    });
    this.current = run;
    return run;
  }

  /** The run's picture before any probe: every pair with the model's answer, nothing probed yet. */
  private plan(spec: RunSpec, snapshot: Snapshot): { state: ConnectivityState; pairs: { from: string; to: string }[] } {
    const reach = computeReachability(snapshot);
    const network = snapshot.networks.find((n) => n.id === spec.networkId);
    if (!network) throw new Error(vscode.l10n.t('The network {0} no longer exists.', spec.networkId.slice(0, 12)));
    const state: ConnectivityState = {
      engine: this.connection.endpoint?.display ?? '',
      mode: spec.mode,
      title: '',
      network: { id: network.id, name: network.name },
      notes: [],
      running: true,
      cancelled: false,
      done: 0,
      total: 0,
      rows: [],
      startedAt: new Date().toISOString(),
    };
    let pairs: { from: string; to: string }[];
    if (spec.mode === 'pair') {
      pairs = [{ from: spec.sourceId, to: spec.targetId }];
      // Resolve now, so a bad pair fails before anything runs (and says why).
      const t = probeTarget(snapshot, spec.sourceId, spec.targetId, spec.networkId);
      state.title = vscode.l10n.t('{0} → {1} ({2} on {3})', t.source.name, t.target.name, t.address, network.name);
    } else {
      const plan = matrixPlan(network, MATRIX_CAP);
      pairs = plan.pairs;
      state.title = vscode.l10n.t('All pairs on {0}', network.name);
      state.cap = plan.cap;
      state.capText = capText(plan);
      for (const m of plan.noAddress) state.notes.push(vscode.l10n.t('{0} has no address on {1}: it is probed from, never to.', m.name, network.name));
      if (plan.members.length < 2) state.notes.push(vscode.l10n.t('Fewer than two running containers on {0}: there is no pair to probe.', network.name));
    }
    state.total = pairs.length;
    state.rows = pairs.map((p) => pendingRow(snapshot, reach, p.from, p.to, network.id));
    this.panel.title = spec.mode === 'pair' ? vscode.l10n.t('Connectivity: {0}', state.title) : vscode.l10n.t('Connectivity: {0}', network.name);
    this.panel.subject = { panel: 'connectivity', run: spec };
    return { state, pairs };
  }

  /**
   * Restored after a reload: the last run's pairs with the model's answers, not probed again (a probe runs commands in
   * the containers: only when asked, with Run again). Throws when its network or a container is gone.
   */
  async showPlan(spec: RunSpec): Promise<void> {
    this.last = spec;
    const { state } = this.plan(spec, await this.connection.snapshot());
    state.running = false;
    state.notes.unshift(vscode.l10n.t('The window reloaded: nothing was probed since. Run again to probe.'));
    this.panel.setState(state);
  }

  private async execute(spec: RunSpec, token: vscode.CancellationToken): Promise<ConnectivityState> {
    const snapshot = await this.connection.snapshot();
    const engine = this.connection.engine();
    const exec = this.exec;
    const { state, pairs } = this.plan(spec, snapshot);
    const network = { id: spec.networkId, name: state.network?.name ?? '' };
    this.panel.setState({ ...state });

    const publish = (): void => this.panel.setState({ ...state, rows: [...state.rows] });
    let nextIndex = 0;
    const worker = async (progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<void> => {
      while (nextIndex < pairs.length && !token.isCancellationRequested && !this.disposed) {
        const i = nextIndex++;
        const p = pairs[i];
        const row = state.rows[i];
        try {
          const probed = await probePair(engine, snapshot, p.from, p.to, network.id, exec);
          row.probe = probed.result;
          if (probed.result.argv) row.command = formatArgv(probed.result.argv);
          row.agreement = agreement(row.model, probed.result);
        } catch (err) {
          row.error = describeFailure(err);
        }
        state.done++;
        progress.report({ message: `${row.from.name} → ${row.to.name}`, increment: 100 / Math.max(1, pairs.length) });
        publish();
      }
    };
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: spec.mode === 'pair' ? vscode.l10n.t('Probing {0}', state.title) : vscode.l10n.t('Probing every pair on {0}', network.name),
        cancellable: spec.mode === 'matrix',
      },
      async (progress, progressToken) => {
        const sub = progressToken.onCancellationRequested(() => this.cancel?.cancel());
        try {
          await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pairs.length) }, () => worker(progress)));
        } finally {
          sub.dispose();
        }
      },
    );
    state.running = false;
    state.cancelled = token.isCancellationRequested && state.done < state.total;
    state.finishedAt = new Date().toISOString();
    publish();
    return state;
  }

  protected async act(p: ActionParams<'connectivity'>): Promise<ActionResult> {
    switch (p.action) {
      case 'cancel':
        if (!this.cancel) return { message: vscode.l10n.t('Nothing is running.') };
        this.cancel.cancel();
        return { message: vscode.l10n.t('Cancelled: the probes already running finish, no new one starts.') };
      case 'runAgain':
        if (!this.last) throw new Error(vscode.l10n.t('Nothing to run again.'));
        void this.start(this.last).catch((err: unknown) => vscode.window.showErrorMessage(describeFailure(err)));
        return {};
      case 'showNetworkDetails': {
        const snapshot = await this.connection.snapshot();
        const n = snapshot.networks.find((x) => x.id === (p.networkId ?? this.last?.networkId));
        if (!n) throw new Error(vscode.l10n.t('That network no longer exists.'));
        await vscode.commands.executeCommand(CommandIds.showNetworkDetails, new NetworkNode(n, this.connection));
        return {};
      }
    }
  }

  private get disposed(): boolean {
    return this.panel.isDisposed;
  }

  protected override cleanup(): void {
    this.cancel?.cancel();
  }
}

function pendingRow(snapshot: Snapshot, reach: Reachability, from: string, to: string, networkId: string): ConnectivityRow {
  const t = probeTarget(snapshot, from, to, networkId);
  return {
    from: t.source,
    to: t.target,
    network: { id: t.network.id, name: t.network.name },
    address: t.address,
    model: modelAt(reachBetween(reach, from, to), networkId),
  };
}

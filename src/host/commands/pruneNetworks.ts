import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { describeFailure } from '../../core/refusal';
import { parseLabelFilter, parseUntil, pruneCandidates } from '../../core/prune';
import { removeNetwork } from '../../docker/actions';
import { EngineError } from '../../core/errors';

/**
 * Like `docker network prune`, but it removes exactly the networks the confirmation listed, one at a time,
 * so a network created meanwhile is never swept away and Cancel stops cleanly between two removals.
 */
export async function pruneNetworks(ctx: CommandContext): Promise<void> {
  const labelText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prune Unused Networks (1/2): label filter'),
    prompt: vscode.l10n.t('Only networks with these labels: key, key=value, !key or !key=value, comma-separated. Empty: no label filter.'),
    validateInput: (v) => {
      for (const part of v.split(',').filter((s) => s.trim())) {
        const f = parseLabelFilter(part);
        if ('error' in f) return f.error;
      }
      return undefined;
    },
  });
  if (labelText === undefined) return;
  const untilText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prune Unused Networks (2/2): age filter'),
    prompt: vscode.l10n.t('Only networks created before: a duration (24h, 1h30m), a date (2026-11-20) or a unix timestamp. Empty: any age.'),
    validateInput: (v) => {
      if (!v.trim()) return undefined;
      const r = parseUntil(v, new Date());
      return r instanceof Date ? undefined : r.error;
    },
  });
  if (untilText === undefined) return;
  const until = untilText.trim() ? parseUntil(untilText, new Date()) : undefined;
  const labels = labelText.split(',').map((s) => s.trim()).filter(Boolean);
  const snapshot = await ctx.connection.snapshot();
  const candidates = pruneCandidates(snapshot.networks, { labels, until: until instanceof Date ? until : undefined });
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No unused network matches: nothing to prune.'));
    return;
  }
  const list = candidates.map((n) => `• ${n.name}${n.ipam.length ? ` (${n.ipam.map((c) => c.subnet).join(', ')})` : ''}`).join('\n');
  const go = vscode.l10n.t('Remove {0} Networks', candidates.length);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Prune {0} unused networks?', candidates.length),
    { modal: true, detail: vscode.l10n.t('No container uses these networks. They will be removed:\n{0}', list) },
    go,
  );
  if (choice !== go) return;
  const engine = ctx.connection.engine();
  const deleted: string[] = [];
  const skipped: string[] = [];
  let cancelled = false;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pruning networks'), cancellable: true },
    async (progress, token) => {
      for (const n of candidates) {
        if (token.isCancellationRequested) {
          cancelled = true;
          break;
        }
        progress.report({ message: n.name, increment: 100 / candidates.length });
        try {
          await removeNetwork(engine, n.id);
          deleted.push(n.name);
        } catch (err) {
          // In use since the list was made, or already gone: report it, go on with the rest.
          const why = err instanceof EngineError && err.kind === 'notFound' ? vscode.l10n.t('already gone') : describeFailure(err);
          skipped.push(`${n.name} (${why})`);
        }
      }
    },
  );
  const parts = [vscode.l10n.t('Deleted {0} network(s): {1}.', deleted.length, deleted.join(', ') || '—')];
  if (skipped.length) parts.push(vscode.l10n.t('Not deleted: {0}.', skipped.join('; ')));
  if (cancelled) parts.push(vscode.l10n.t('Cancelled before the remaining {0}.', candidates.length - deleted.length - skipped.length));
  void (skipped.length ? vscode.window.showWarningMessage(parts.join(' ')) : vscode.window.showInformationMessage(parts.join(' ')));
}

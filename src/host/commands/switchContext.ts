import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { listContextsOnMachine } from '../../docker/endpointFiles';
import { EndpointConfigError, parseEndpoint } from '../../core/endpoint';

type Choice = { kind: 'context'; name: string } | { kind: 'endpoint' } | { kind: 'cli' };

/**
 * Chooses the engine for this extension only: it writes the extension's own machine-scoped settings and never
 * `docker context use`, so the user's CLI keeps its context.
 */
export async function switchContext(_ctx: CommandContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('dockerNetworks');
  const host = cfg.get<string>('host') || undefined;
  const context = cfg.get<string>('context') || undefined;
  const contexts = listContextsOnMachine(undefined, undefined);
  const items: (vscode.QuickPickItem & { choice: Choice })[] = [
    ...contexts.map((c) => ({
      label: `${c.name === context ? '$(check) ' : ''}${c.name}`,
      description: c.error ? vscode.l10n.t('unusable: {0}', c.error) : c.host,
      detail: [c.description, c.current ? vscode.l10n.t('the Docker CLI’s current context') : undefined].filter(Boolean).join(' · ') || undefined,
      choice: { kind: 'context' as const, name: c.name },
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator, choice: { kind: 'cli' } },
    { label: vscode.l10n.t('$(edit) Enter endpoint…'), description: host, choice: { kind: 'endpoint' } },
    { label: vscode.l10n.t('$(terminal) Follow the Docker CLI'), description: vscode.l10n.t('DOCKER_HOST, DOCKER_CONTEXT, then the current context'), choice: { kind: 'cli' } },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Engine for Docker Networks (your Docker CLI is not changed)') });
  if (!picked) return;
  const g = vscode.ConfigurationTarget.Global;
  const c = picked.choice;
  if (c.kind === 'context') {
    await cfg.update('host', undefined, g);
    await cfg.update('context', c.name, g);
    void vscode.window.showInformationMessage(vscode.l10n.t('Docker Networks now uses context "{0}". The Docker CLI’s own context is unchanged.', c.name));
  } else if (c.kind === 'endpoint') {
    const value = await vscode.window.showInputBox({
      prompt: vscode.l10n.t('Engine endpoint: unix:///path/docker.sock, tcp://host:2375, ssh://user@host'),
      value: host,
      validateInput: (v) => {
        try {
          parseEndpoint(v, 'setting');
          return undefined;
        } catch (e) {
          return e instanceof EndpointConfigError ? e.message : String(e);
        }
      },
    });
    if (value === undefined) return;
    await cfg.update('context', undefined, g);
    await cfg.update('host', value.trim(), g);
  } else {
    await cfg.update('host', undefined, g);
    await cfg.update('context', undefined, g);
  }
}

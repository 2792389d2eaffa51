// Panels that come back after Developer: Reload Window: one WebviewPanelSerializer per panel viewType, registered at
// activation (package.json has an `onWebviewPanel:` event for each). VS Code hands each the panel it kept and the state
// its page last saved (src/webview/lib/channel.ts). The state comes from a webview: it is checked first
// (src/protocol/restore.ts); then the panel's owner is made again on its engine around the panel VS Code kept (options,
// CSP page with a fresh nonce, localResourceRoots set anew by webviewHost.ts), as if opened with that subject. A
// subject gone meanwhile shows the owner's own "gone" state. A state that does not check, an engine no longer
// listed or one that cannot answer closes the panel and says why; a deserializer never throws.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPES, parseRestoredState, type RestoredPanel } from '../../protocol/restore';
import type { FormKind, FormOf } from '../../protocol/messages';
import type { Engines } from '../engines';
import { log } from '../log';
import type { FormPanels } from './formPanels';
import { goneNetwork } from './networkDetails';
import type { TopologyPanels } from './topology';
import type { ViewPanels } from './views';

export interface PanelOwners {
  engines: Engines;
  forms: FormPanels;
  views: ViewPanels;
  topology: TopologyPanels;
}

export function registerPanelSerializers(owners: PanelOwners): vscode.Disposable[] {
  return PANEL_VIEW_TYPES.map((viewType) => vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: (panel, state: unknown) => restorePanel(owners, viewType, panel, state),
  }));
}

/** Re-creates the panel of `viewType` from its page's saved state, or closes it saying why. Never throws. */
export async function restorePanel(owners: PanelOwners, viewType: string, panel: vscode.WebviewPanel, state: unknown): Promise<void> {
  const parsed = parseRestoredState(viewType, state);
  if (!parsed.ok) return refuse(panel, parsed.error);
  try {
    const adopted = await adopt(owners, panel, parsed.restored);
    // The same subject was opened meanwhile (a command ran first): that panel stays, this copy goes.
    if (adopted !== panel) panel.dispose();
  } catch (err) {
    refuse(panel, err instanceof Error ? err.message : String(err));
  }
}

/** Makes the owner of the restored subject around `panel`; returns the panel it shows in. */
async function adopt(owners: PanelOwners, panel: vscode.WebviewPanel, r: RestoredPanel): Promise<vscode.WebviewPanel> {
  const connection = owners.engines.byKey(r.engine);
  if (!connection) throw new Error(vscode.l10n.t('its engine {0} is no longer listed in dockerNetworks.contexts', r.engine));
  const { views } = owners;
  const s = r.subject;
  switch (s.panel) {
    case 'networkDetails': {
      const network = (await connection.snapshot()).networks.find((n) => n.id === s.networkId);
      const view = network
        ? views.networkDetails(connection, network, panel)
        : views.networkDetails(connection, goneNetwork(s.networkId, s.name), panel, { picture: r.picture });
      return view.panel.panel;
    }
    case 'containerNetworking': {
      const view = views.containerNetworking(connection, s.containerId, s.name, panel);
      return view.panel.panel;
    }
    case 'connectivity': {
      if (!s.run) throw new Error(vscode.l10n.t('nothing had been probed in it'));
      const view = views.connectivity(connection, panel);
      if (view.panel.panel === panel) await view.showPlan(s.run).catch((err: unknown) => { view.dispose(); throw err; });
      return view.panel.panel;
    }
    case 'explainReach':
      return views.explainReach(connection, owners.forms, s.sourceId, s.targetId, { source: s.source, target: s.target }, panel).panel.panel;
    case 'ports': {
      const view = views.publishedPorts(connection, panel);
      void view.refresh();
      return view.panel.panel;
    }
    case 'topology':
      return owners.topology.open(connection, panel).panel;
    case 'form':
      return owners.forms.restore(connection, s.kind, panel, r.form as { values: FormOf[FormKind]; formVersion: number } | undefined).panel;
  }
}

function refuse(panel: vscode.WebviewPanel, reason: string): void {
  const title = panel.title;
  log().warn(`could not restore the panel "${title}" (${panel.viewType}): ${reason}`);
  panel.dispose();
  void vscode.window.showWarningMessage(vscode.l10n.t('Docker Networks could not bring back "{0}" after the reload: {1}', title, reason));
}

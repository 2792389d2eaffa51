// Panels that come back after a window reload (VS Code's WebviewPanelSerializer). The host tells each page which panel
// it is (`{ type: 'restore', restore }`, posted before the picture at every `ready`: its engine and its subject: the
// network, the container, the pair, the form kind); the page's channel (src/webview/lib/channel.ts) keeps it with
// setState beside the page's own saved state. After a reload VS Code hands that saved state to the host's
// deserializer (src/host/panels/restore.ts), which checks it here like any message from a webview before re-creating
// the panel's owner: an id is an engine id, a name a bounded string, a form exactly its form's shape.
import type { FormKind, FormOf } from './messages';
import { formChecks } from './messages';
import type { ViewKind } from './views';
import { arr, bool, count, engineId, fail, isPlainObject, MAX_TEXT, obj, oneOf, optional, ProtocolError, str, type Check } from './check';

/** Connectivity's last run: one ordered pair on a network, or every pair of a network. */
export type ConnectivityRun =
  | { mode: 'pair'; sourceId: string; targetId: string; networkId: string }
  | { mode: 'matrix'; networkId: string };

/** What a panel is about (beside its engine); its `panel` is the panel's kind. */
export type PanelSubject =
  | { panel: 'networkDetails'; networkId: string; name: string }
  | { panel: 'containerNetworking'; containerId: string; name: string }
  | { panel: 'connectivity'; run?: ConnectivityRun }
  | { panel: 'explainReach'; sourceId: string; targetId: string; source: string; target: string }
  | { panel: 'ports' }
  | { panel: 'topology' }
  | { panel: 'form'; kind: FormKind };

/** A panel's identity as its page keeps it: the engine ('' for the extension's own, else the context) and the subject. */
export interface PanelRestore {
  engine: string;
  subject: PanelSubject;
}

/** host → webview, at every `ready` (before the picture), and again when the subject changes. */
export interface RestoreMessage {
  type: 'restore';
  restore: PanelRestore;
}

/** What a page keeps with setState: its identity, and its own state (the form, the picture, the map's layout). */
export interface PersistedState<S> {
  restore?: PanelRestore;
  page?: S;
}

const VIEW_KINDS: readonly ViewKind[] = ['networkDetails', 'containerNetworking', 'connectivity', 'explainReach', 'ports'];
const FORM_KINDS: readonly FormKind[] = ['createNetwork', 'connect', 'run'];

export const viewPanelType = (kind: ViewKind): string => `dockerNetworks.view.${kind}`;
export const formPanelType = (kind: FormKind): string => `dockerNetworks.form.${kind}`;
export const TOPOLOGY_PANEL_TYPE = 'dockerNetworks.topology';

/** Every panel's viewType: one serializer each, and an `onWebviewPanel:` activation event each in package.json. */
export const PANEL_VIEW_TYPES: readonly string[] = [...VIEW_KINDS.map(viewPanelType), ...FORM_KINDS.map(formPanelType), TOPOLOGY_PANEL_TYPE];

/** A restored panel, checked: its identity, the form's typed values (forms), the last picture (Network Details). */
export interface RestoredPanel {
  engine: string;
  subject: PanelSubject;
  /** Forms: what the user had typed, and the version the page had it at (the page keeps its touched fields then). */
  form?: { values: FormOf[FormKind]; formVersion: number };
  /**
   * Network Details: the page's last picture of its network, bounded and of the same network, only ever sent back to
   * the page that drew it (shown under the "removed" banner when the network went while the window reloaded). The host
   * reads nothing from it.
   */
  picture?: Record<string, unknown>;
}

export type RestoreParse = { ok: true; restored: RestoredPanel } | { ok: false; error: string };

/** The largest picture taken back (JSON characters): a network with a thousand containers is well under it. */
export const MAX_PICTURE = 4_000_000;

const name = str(MAX_TEXT);
const runCheck: Check<ConnectivityRun> = (v, path) => (isPlainObject(v) && v.mode === 'pair'
  ? obj<ConnectivityRun & { mode: 'pair' }>({ mode: oneOf(['pair'] as const), sourceId: engineId, targetId: engineId, networkId: engineId })(v, path)
  : obj<ConnectivityRun & { mode: 'matrix' }>({ mode: oneOf(['matrix'] as const), networkId: engineId })(v, path));

/** The subject a panel of this viewType may have. */
function subjectCheck(viewType: string): Check<PanelSubject> {
  const view = VIEW_KINDS.find((k) => viewPanelType(k) === viewType);
  const form = FORM_KINDS.find((k) => formPanelType(k) === viewType);
  switch (view ?? (form ? 'form' : viewType === TOPOLOGY_PANEL_TYPE ? 'topology' : undefined)) {
    case 'networkDetails': return obj({ panel: oneOf(['networkDetails'] as const), networkId: engineId, name });
    case 'containerNetworking': return obj({ panel: oneOf(['containerNetworking'] as const), containerId: engineId, name });
    case 'connectivity': return obj({ panel: oneOf(['connectivity'] as const), run: optional(runCheck) });
    case 'explainReach': return obj({ panel: oneOf(['explainReach'] as const), sourceId: engineId, targetId: engineId, source: name, target: name });
    case 'ports': return obj({ panel: oneOf(['ports'] as const) });
    case 'topology': return obj({ panel: oneOf(['topology'] as const) });
    case 'form': return obj({ panel: oneOf(['form'] as const), kind: oneOf([form as FormKind]) });
    default: return (_v, path) => fail(path, `not a panel of this extension (${JSON.stringify(viewType.slice(0, 64))})`);
  }
}

/** A form page's saved state (src/protocol/messages.ts SavedState): exactly its form's shape. */
function formState(kind: FormKind): Check<{ values: FormOf[FormKind]; formVersion: number }> {
  const check = obj({
    kind: oneOf([kind]), formVersion: count(Number.MAX_SAFE_INTEGER), form: formChecks()[kind] as Check<FormOf[FormKind]>,
    touched: arr(str(), 4096), submitted: bool,
  });
  return (v, path) => {
    const s = check(v, path);
    return { values: s.form, formVersion: s.formVersion };
  };
}

/** Network Details' saved `{ kind, state }`, when it is a picture of this network and not too big; else nothing. */
function pictureOf(page: unknown, networkId: string): Record<string, unknown> | undefined {
  if (!isPlainObject(page) || page.kind !== 'networkDetails' || !isPlainObject(page.state)) return undefined;
  const network = page.state.network;
  if (!isPlainObject(network) || network.id !== networkId || typeof network.name !== 'string') return undefined;
  let size: number;
  try { size = JSON.stringify(page.state).length; } catch { return undefined; }
  return size <= MAX_PICTURE ? page.state : undefined;
}

/** Checks the state VS Code kept for a panel of `viewType` (what its page last saved). Never throws. */
export function parseRestoredState(viewType: string, raw: unknown): RestoreParse {
  try {
    if (raw === undefined || raw === null) fail('state', 'nothing was saved (the page never started)');
    if (!isPlainObject(raw)) fail('state', 'expected an object');
    const { restore } = obj<{ restore: PanelRestore; page?: unknown }>({
      restore: obj<PanelRestore>({ engine: str(256), subject: subjectCheck(viewType) }), page: optional((v) => v),
    })(raw, 'state');
    const restored: RestoredPanel = { engine: restore.engine, subject: restore.subject };
    const subject = restore.subject;
    if (subject.panel === 'form' && raw.page !== undefined) restored.form = formState(subject.kind)(raw.page, 'state.page');
    if (subject.panel === 'networkDetails') {
      const picture = pictureOf(raw.page, subject.networkId);
      if (picture) restored.picture = picture;
    }
    return { ok: true, restored };
  } catch (e) {
    return { ok: false, error: e instanceof ProtocolError ? e.message : `state: ${e instanceof Error ? e.message : String(e)}` };
  }
}

// What VS Code hands back after a window reload comes from a webview (its page's setState): the deserializer checks it
// like any message before it re-creates a panel. A good state gives the panel's engine, subject and, for a form, the
// typed values; anything else is refused with the path of the first problem.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formPanelType, MAX_PICTURE, PANEL_VIEW_TYPES, parseRestoredState, TOPOLOGY_PANEL_TYPE, viewPanelType, type PanelSubject,
} from '../../src/protocol/restore';
import { emptyCreateNetworkForm, emptyRunForm } from '../../src/core/forms';

const NET = 'a'.repeat(64);
const C1 = 'b'.repeat(64);
const C2 = 'c'.repeat(12);

function state(subject: PanelSubject, page?: unknown, engine = ''): unknown {
  return page === undefined ? { restore: { engine, subject } } : { restore: { engine, subject }, page };
}

function refused(viewType: string, raw: unknown): string {
  const r = parseRestoredState(viewType, raw);
  assert.equal(r.ok, false, `accepted: ${JSON.stringify(r)}`);
  return r.ok ? '' : r.error;
}

describe('restore: the state a panel comes back with after a reload', () => {
  test('each view panel with its subject and engine', () => {
    const cases: [string, PanelSubject][] = [
      [viewPanelType('networkDetails'), { panel: 'networkDetails', networkId: NET, name: 'my-net' }],
      [viewPanelType('containerNetworking'), { panel: 'containerNetworking', containerId: C1, name: 'test1' }],
      [viewPanelType('connectivity'), { panel: 'connectivity', run: { mode: 'pair', sourceId: C1, targetId: C2, networkId: NET } }],
      [viewPanelType('connectivity'), { panel: 'connectivity', run: { mode: 'matrix', networkId: NET } }],
      [viewPanelType('connectivity'), { panel: 'connectivity' }],
      [viewPanelType('explainReach'), { panel: 'explainReach', sourceId: C1, targetId: C2, source: 'test4', target: 'test1' }],
      [viewPanelType('ports'), { panel: 'ports' }],
      [TOPOLOGY_PANEL_TYPE, { panel: 'topology' }],
    ];
    for (const [viewType, subject] of cases) {
      const r = parseRestoredState(viewType, state(subject, { anything: 'the page keeps' }, 'dn-b'));
      assert.deepEqual(r, { ok: true, restored: { engine: 'dn-b', subject } }, viewType);
    }
  });

  test('a form keeps what was typed and the version the page had it at', () => {
    const form = { ...emptyRunForm(), image: 'localbusybox:latest', name: 'typed-by-hand', ports: [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' }] };
    const page = { kind: 'run', formVersion: 3, form, touched: ['name'], submitted: false };
    const r = parseRestoredState(formPanelType('run'), state({ panel: 'form', kind: 'run' }, page));
    assert.deepEqual(r, { ok: true, restored: { engine: '', subject: { panel: 'form', kind: 'run' }, form: { values: form, formVersion: 3 } } });
    // a form whose page never saved anything comes back empty
    assert.deepEqual(parseRestoredState(formPanelType('connect'), state({ panel: 'form', kind: 'connect' })),
      { ok: true, restored: { engine: '', subject: { panel: 'form', kind: 'connect' } } });
  });

  test('a form whose values are not exactly its shape is refused, naming the field', () => {
    const subject: PanelSubject = { panel: 'form', kind: 'createNetwork' };
    const page = (form: unknown): unknown => ({ kind: 'createNetwork', formVersion: 1, form, touched: [], submitted: false });
    assert.match(refused(formPanelType('createNetwork'), state(subject, page({ ...emptyCreateNetworkForm(), name: 42 }))), /^state\.page\.form\.name: expected a string/);
    assert.match(refused(formPanelType('createNetwork'), state(subject, page({ ...emptyCreateNetworkForm(), extra: 'x' }))), /state\.page\.form: unexpected key "extra"/);
    assert.match(refused(formPanelType('createNetwork'), state(subject, page({ ...emptyCreateNetworkForm(), name: 'x'.repeat(5000) }))), /name: longer than/);
    // the Run form's values in the Create Network panel
    assert.match(refused(formPanelType('createNetwork'), state(subject, { ...(page(emptyRunForm()) as object), kind: 'run' })), /state\.page\.kind/);
    assert.match(refused(formPanelType('createNetwork'), state(subject, { ...(page(emptyCreateNetworkForm()) as object), formVersion: -1 })), /formVersion/);
  });

  test('a subject of another panel, or of a panel that does not exist, is refused', () => {
    assert.match(refused(viewPanelType('networkDetails'), state({ panel: 'containerNetworking', containerId: C1, name: 'x' })), /state\.restore\.subject: unexpected key "containerId"/);
    assert.match(refused(viewPanelType('networkDetails'), state({ panel: 'ports' })), /state\.restore\.subject\.panel: expected "networkDetails"/);
    assert.match(refused(formPanelType('run'), state({ panel: 'form', kind: 'connect' })), /state\.restore\.subject\.kind/);
    assert.match(refused('dockerNetworks.view.somethingElse', state({ panel: 'ports' })), /not a panel of this extension/);
  });

  test('ids must be engine ids, names bounded strings, keys exactly those of the subject', () => {
    const t = viewPanelType('networkDetails');
    assert.match(refused(t, state({ panel: 'networkDetails', networkId: '../../etc', name: 'x' })), /networkId: expected an engine id/);
    assert.match(refused(t, state({ panel: 'networkDetails', networkId: NET, name: 'x'.repeat(5000) })), /name: longer than/);
    assert.match(refused(t, { restore: { engine: '', subject: { panel: 'networkDetails', networkId: NET, name: 'x', command: 'rm' } } }), /unexpected key "command"/);
    assert.match(refused(viewPanelType('connectivity'), state({ panel: 'connectivity', run: { mode: 'pair', sourceId: C1, networkId: NET } as never })), /run: missing key "targetId"/);
    assert.match(refused(viewPanelType('connectivity'), state({ panel: 'connectivity', run: { mode: 'everything', networkId: NET } as never })), /run\.mode/);
    assert.match(refused(viewPanelType('ports'), { restore: { engine: 7, subject: { panel: 'ports' } } }), /state\.restore\.engine: expected a string/);
  });

  test('nothing saved, or not an object, or unknown keys: refused, never a throw', () => {
    const t = TOPOLOGY_PANEL_TYPE;
    assert.match(refused(t, undefined), /nothing was saved/);
    assert.match(refused(t, null), /nothing was saved/);
    assert.match(refused(t, 'restore me'), /state: expected an object/);
    assert.match(refused(t, []), /state: expected an object/);
    assert.match(refused(t, { page: {} }), /state: missing key "restore"/);
    assert.match(refused(t, { restore: { engine: '', subject: { panel: 'topology' } }, more: 1 }), /state: unexpected key "more"/);
    const cyclic: Record<string, unknown> = { engine: '' };
    cyclic.subject = cyclic;
    assert.match(refused(t, { restore: cyclic }), /state\.restore\.subject/);
  });

  test('Network Details: the page\'s last picture of that network comes back (bounded), any other is left out', () => {
    const t = viewPanelType('networkDetails');
    const subject: PanelSubject = { panel: 'networkDetails', networkId: NET, name: 'my-net' };
    const picture = { network: { id: NET, name: 'my-net', driver: 'bridge' }, containers: [] };
    const ok = parseRestoredState(t, state(subject, { kind: 'networkDetails', state: picture }));
    assert.ok(ok.ok);
    assert.deepEqual(ok.restored.picture, picture);
    for (const page of [
      { kind: 'networkDetails', state: { network: { id: 'd'.repeat(64), name: 'other' } } },   // another network's
      { kind: 'containerNetworking', state: picture },
      { kind: 'networkDetails', state: { network: { id: NET, name: 'x' }, big: 'y'.repeat(MAX_PICTURE) } },
      { kind: 'networkDetails', state: 'text' },
    ]) {
      const r = parseRestoredState(t, state(subject, page));
      assert.ok(r.ok);
      assert.equal(r.restored.picture, undefined, JSON.stringify(page).slice(0, 80));
    }
  });

  test('package.json has an onWebviewPanel activation event for exactly the panels that are restored', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { activationEvents: string[] };
    const events = pkg.activationEvents.filter((e) => e.startsWith('onWebviewPanel:')).map((e) => e.slice('onWebviewPanel:'.length));
    assert.deepEqual([...events].sort(), [...PANEL_VIEW_TYPES].sort());
    assert.equal(PANEL_VIEW_TYPES.length, 9);
  });
});

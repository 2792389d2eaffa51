// Inspect opens read-only JSON documents equal to the engine's own inspect, and they follow the engine.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { api, fresh, docker, findNetwork, until } from './support';

function activeDoc(): vscode.TextDocument {
  const doc = vscode.window.activeTextEditor?.document;
  assert.ok(doc, 'no active editor');
  return doc;
}

suite('inspect documents', () => {
  suiteSetup(async function () {
    this.timeout(60000);
    await seedUp(docker(), SEED_LABEL);
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await seedDown(docker(), [SEED_LABEL]);
  });

  test('Inspect Network opens the engine’s inspect as JSON', async () => {
    const a = await api();
    const node = await findNetwork(a, 'my-net');
    await vscode.commands.executeCommand('dockerNetworks.inspectNetwork', node);
    const doc = activeDoc();
    assert.strictEqual(doc.languageId, 'json');
    assert.strictEqual(doc.uri.scheme, 'docker-networks');
    assert.deepStrictEqual(JSON.parse(doc.getText()), await docker().getNetwork('my-net').inspect());
  });

  test('Inspect Container opens the engine’s inspect as JSON', async () => {
    const a = await api();
    const net = await findNetwork(a, 'my-net');
    const t4 = (await a.tree.getChildren(net)).find((c) => a.tree.getTreeItem(c).label === 'test4');
    await vscode.commands.executeCommand('dockerNetworks.inspectContainer', t4);
    const doc = activeDoc();
    const fresh = await docker().getContainer('test4').inspect();
    assert.deepStrictEqual(JSON.parse(doc.getText()), fresh);
  });

  test('an open document follows changes, and says so when its object is removed', async () => {
    const d = docker();
    const n = await d.createNetwork({ Name: 'dn-inspect-live', Labels: { [SEED_LABEL]: '1' } });
    const a = await api();
    const node = await until(() => findNetwork(a, 'dn-inspect-live'), 3000, 'dn-inspect-live in tree');
    await vscode.commands.executeCommand('dockerNetworks.inspectNetwork', node);
    const doc = activeDoc();
    assert.deepStrictEqual(Object.keys(JSON.parse(doc.getText()).Containers ?? {}), []);
    await n.connect({ Container: 'test3' });
    const t3 = (await d.getContainer('test3').inspect()).Id;
    await until(() => doc.getText().includes(t3), 3000, 'test3 in the open document');
    assert.ok(JSON.parse(doc.getText()).Containers[t3]);
    await n.disconnect({ Container: 'test3' });
    await n.remove();
    await until(() => /was removed from the engine/.test(doc.getText()), 3000, 'the removed notice');
    assert.ok(doc.getText().includes('"Name": "dn-inspect-live"'), 'the last known state stays readable');
  });

  test('a change elsewhere re-reads no open document; a change to its object re-reads it', async () => {
    const d = docker();
    const other = await d.createNetwork({ Name: 'dn-inspect-other', Labels: { [SEED_LABEL]: '1' } });
    const a = await api();
    const node = await until(() => findNetwork(a, 'my-net'), 3000, 'my-net in tree');
    await vscode.commands.executeCommand('dockerNetworks.inspectNetwork', node);
    const doc = activeDoc();
    const readsBefore = a.inspect.reads;
    // an unrelated connect: the model sees it, the my-net document is not read again
    await other.connect({ Container: 'test3' });
    await until(async () => (await a.connection.snapshot()).networks.find((n) => n.name === 'dn-inspect-other')?.attachments.some((x) => x.name === 'test3'), 5000, 'the model to show test3 on dn-inspect-other');
    await new Promise((r) => setTimeout(r, 200)); // longer than the documents' 50 ms flush: a read would have started
    assert.strictEqual(a.inspect.reads, readsBefore, 'no inspect for a change the document does not show');
    // a connect to my-net re-reads it
    await d.getNetwork('my-net').connect({ Container: 'test3' });
    const t3 = (await d.getContainer('test3').inspect()).Id;
    await until(() => doc.getText().includes(t3), 5000, 'test3 in the my-net document');
    assert.ok(a.inspect.reads > readsBefore);
    await d.getNetwork('my-net').disconnect({ Container: 'test3' });
    await other.disconnect({ Container: 'test3' });
    await other.remove();
  });

  test('from the palette, Inspect Network asks with a QuickPick', async () => {
    const shown = vscode.commands.executeCommand('dockerNetworks.inspectNetwork');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    // Pick the first entry (a user network sorts first).
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await shown;
    assert.strictEqual(activeDoc().uri.scheme, 'docker-networks');
  });
});

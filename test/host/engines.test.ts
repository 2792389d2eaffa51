// Several engines side by side (dockerNetworks.contexts): a top-level node per context, each live on its own;
// one that fails does not blank the other. Contexts come from the real docker CLI (scripts/run-host-tests.cjs).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, docker, until } from './support';

suite('engines side by side', () => {
  const cfg = () => vscode.workspace.getConfiguration('dockerNetworks');
  suiteSetup(async () => {
    await cfg().update('contexts', ['dn-a', 'dn-down'], vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await cfg().update('contexts', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('one top-level node per context; the broken one says so, the other lists its networks', async () => {
    const a = await api();
    const roots = await until(async () => {
      const r = await a.tree.getChildren();
      return r.length === 2 && r.every((n) => a.tree.getTreeItem(n).label !== undefined) ? r : undefined;
    }, 5000, 'two engine nodes');
    const items = roots.map((n) => a.tree.getTreeItem(n));
    assert.deepStrictEqual(items.map((i) => i.label), ['dn-a', 'dn-down']);
    assert.strictEqual(items[0].contextValue, 'engine');
    await until(async () => a.tree.getTreeItem(roots[1]).description === 'unreachable' || undefined, 10_000, 'dn-down unreachable');
    const nets = await until(async () => {
      const kids = await a.tree.getChildren(roots[0]);
      return kids.length ? kids : undefined;
    }, 10_000, 'dn-a networks');
    const labels = nets.map((n) => a.tree.getTreeItem(n).label);
    assert.ok(labels.includes('bridge'), labels.join(','));
    assert.strictEqual(a.tree.getTreeItem(nets.find((n) => a.tree.getTreeItem(n).label === 'bridge')!).contextValue, 'network.builtin.remote');
  });

  test('commands on a side-by-side node act on that node’s engine (inspect)', async () => {
    const a = await api();
    const [dnA] = await a.tree.getChildren();
    const bridge = (await a.tree.getChildren(dnA)).find((n) => a.tree.getTreeItem(n).label === 'bridge');
    await vscode.commands.executeCommand('dockerNetworks.inspectNetwork', bridge);
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    assert.match(doc.uri.query, /engine=dn-a/);
    assert.deepStrictEqual(JSON.parse(doc.getText()), await docker().getNetwork('bridge').inspect());
  });

  test('back to one engine: networks at the top again', async () => {
    const a = await api();
    await cfg().update('contexts', undefined, vscode.ConfigurationTarget.Global);
    await until(async () => (await a.tree.getChildren()).some((n) => a.tree.getTreeItem(n).label === 'bridge') || undefined, 5000, 'bridge at the top');
    await cfg().update('contexts', ['dn-a', 'dn-down'], vscode.ConfigurationTarget.Global);
  });
});

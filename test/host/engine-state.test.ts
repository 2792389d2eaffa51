// The disconnected state: the view names the endpoint and the error, and returns by itself.
import * as assert from 'assert';
import * as vscode from 'vscode';
import * as http from 'http';
import { api, until } from './support';
import { compareApi, NEWEST_TESTED_API } from '../../src/core/apiVersion';

/** The engine's own answer to GET /version, read beside the extension (unversioned, over the unix socket). */
function engineVersion(): Promise<{ Version: string; ApiVersion: string }> {
  const socketPath = (process.env.DOCKER_HOST ?? '').replace(/^unix:\/\//, '');
  return new Promise((resolve, reject) => {
    http.get({ socketPath, path: '/version' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(JSON.parse(body) as { Version: string; ApiVersion: string }));
    }).on('error', reject);
  });
}

suite('engine state', () => {
  const cfg = () => vscode.workspace.getConfiguration('dockerNetworks');
  teardown(async () => {
    await cfg().update('host', undefined, vscode.ConfigurationTarget.Global);
    await cfg().update('context', undefined, vscode.ConfigurationTarget.Global);
  });

  test('an unreachable endpoint names the endpoint and offers Retry and Open Settings as rows; fixing it brings the tree back', async () => {
    const a = await api();
    await a.connection.snapshot();
    await cfg().update('host', 'unix:///nonexistent/dn.sock', vscode.ConfigurationTarget.Global);
    await until(() => a.connection.state.kind === 'disconnected', 5000, 'disconnected');
    // no networks: what to do about it, as rows (a view with a message shows no welcome content, so no links there)
    const rows = (await a.tree.getChildren()).map((n) => a.tree.getTreeItem(n));
    // the settings of a remote window (this one: code-server's) are on its Remote tab
    const open = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
    assert.deepStrictEqual(rows.slice(1).map((i) => [i.label, i.command?.command, i.command?.arguments ?? []]),
      [['Retry', 'dockerNetworks.refresh', []], ['Open Settings', open, [{ query: 'dockerNetworks.host' }]]]);
    assert.match(String(rows[0].label), /Start the engine/);
    const s = a.connection.state;
    assert.ok(s.kind === 'disconnected' && s.error.kind === 'unreachable');
    assert.match(s.error.message, /\/nonexistent\/dn\.sock/);
    await cfg().update('host', undefined, vscode.ConfigurationTarget.Global);
    await until(async () => (await a.tree.getChildren()).some((n) => a.tree.getTreeItem(n).label === 'bridge') || undefined, 5000, 'tree back');
  });

  test('the status bar tooltip names the engine version, its API and the API spoken (min of it and the newest tested)', async () => {
    const a = await api();
    await a.connection.snapshot();
    const v = await engineVersion();
    const spoken = compareApi(v.ApiVersion, NEWEST_TESTED_API) > 0 ? NEWEST_TESTED_API : v.ApiVersion;
    const tip = await until(() => a.statusBar.tooltipText.includes(v.Version) && a.statusBar.tooltipText, 5000, 'the version in the tooltip');
    assert.ok(tip.includes(`API ${v.ApiVersion}`), tip);
    assert.ok(tip.includes(`speaks ${spoken}`), tip);
    assert.strictEqual((await a.connection.snapshot()).api, spoken);
  });

  test('switching the engine writes two settings and reconnects once', async () => {
    const a = await api();
    await a.connection.snapshot();
    const g = vscode.ConfigurationTarget.Global;
    const before = a.connection.connects;
    // what Switch Docker Context… writes for a context: the host setting cleared, then the context set
    await cfg().update('host', process.env.DOCKER_HOST, g);
    await cfg().update('context', 'dn-a', g);
    // the settings read back first (the change events come after the writes), then the one reconnection; a loaded
    // machine has taken more than 3 s for both, so the wait is long and the message says where it stopped
    await until(() => cfg().get('context') === 'dn-a' && cfg().get('host') === process.env.DOCKER_HOST, 10_000, 'the two settings to read back');
    await until(() => a.connection.connects > before, 10_000,
      () => `a reconnection (connects ${a.connection.connects} from ${before}, state ${a.connection.state.kind})`);
    await new Promise((r) => setTimeout(r, 300)); // past the 50 ms coalescing window: a second one would be here
    assert.strictEqual(a.connection.connects, before + 1, 'one reconnection for two settings');
    await cfg().update('host', undefined, g);
    await cfg().update('context', undefined, g);
    await until(() => a.connection.connects > before + 1, 10_000, 'the reconnection back');
    await a.connection.snapshot();
  });

  test('a form of the extension’s engine closes when the settings move that engine to another endpoint', async () => {
    const a = await api();
    await a.connection.snapshot();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const form = a.panels.get('createNetwork');
    assert.ok(form, 'the Create Network form is open');
    await cfg().update('host', 'unix:///nonexistent/dn-elsewhere.sock', vscode.ConfigurationTarget.Global);
    await until(() => form.isDisposed, 5000, 'the form of the old engine to close');
  });

  test('a malformed endpoint setting names the setting and the accepted forms', async () => {
    const a = await api();
    await cfg().update('host', 'docker-engine-here', vscode.ConfigurationTarget.Global);
    await until(() => a.connection.state.kind === 'misconfigured', 5000, 'misconfigured');
    const s = a.connection.state;
    assert.ok(s.kind === 'misconfigured');
    assert.match(s.error.message, /dockerNetworks\.host/);
    assert.match(s.error.message, /unix:\/\//);
    const rows = (await a.tree.getChildren()).map((n) => a.tree.getTreeItem(n));
    assert.deepStrictEqual(rows.map((i) => i.label).slice(1), ['Open Settings', 'Retry'], 'a setting to fix: Open Settings first');
  });
});

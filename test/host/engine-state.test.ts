// The disconnected state: the view names the endpoint and the error, and returns by itself.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, until } from './support';

suite('engine state', () => {
  const cfg = () => vscode.workspace.getConfiguration('dockerNetworks');
  teardown(async () => {
    await cfg().update('host', undefined, vscode.ConfigurationTarget.Global);
  });

  test('an unreachable endpoint empties the tree and names the endpoint; fixing it brings the tree back', async () => {
    const a = await api();
    await a.connection.snapshot();
    await cfg().update('host', 'unix:///nonexistent/dn.sock', vscode.ConfigurationTarget.Global);
    await until(() => a.connection.state.kind === 'disconnected', 5000, 'disconnected');
    assert.deepStrictEqual(await a.tree.getChildren(), []);
    const s = a.connection.state;
    assert.ok(s.kind === 'disconnected' && s.error.kind === 'unreachable');
    assert.match(s.error.message, /\/nonexistent\/dn\.sock/);
    await cfg().update('host', undefined, vscode.ConfigurationTarget.Global);
    await until(async () => (await a.tree.getChildren()).length > 0, 5000, 'tree back');
  });

  test('a malformed endpoint setting names the setting and the accepted forms', async () => {
    const a = await api();
    await cfg().update('host', 'docker-engine-here', vscode.ConfigurationTarget.Global);
    await until(() => a.connection.state.kind === 'misconfigured', 5000, 'misconfigured');
    const s = a.connection.state;
    assert.ok(s.kind === 'misconfigured');
    assert.match(s.error.message, /dockerNetworks\.host/);
    assert.match(s.error.message, /unix:\/\//);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID } from './support';

suite('commands', () => {
  test('every command in package.json is registered, and every registered command is in package.json', async () => {
    await api();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const declared = pkg.contributes.commands.map((c) => c.command).sort();
    // The workbench adds focus/open/… commands for each view (`dockerNetworks.networks.*`); those are not ours.
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('dockerNetworks.') && !c.startsWith('dockerNetworks.networks.'))
      .sort();
    assert.deepStrictEqual(registered, declared);
    for (const c of pkg.contributes.commands) assert.strictEqual(c.category, 'Docker Networks', c.command);
  });
});

// Disconnect, remove and prune through their commands, against the real engine. Only the user's answers to
// the modal dialogs are scripted (a test cannot click a native dialog); what each dialog says is asserted.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { api, fresh, docker, findNetwork, until } from './support';

interface Asked {
  message: string;
  detail?: string;
  buttons: string[];
}

/** Replaces the dialogs for one test: answers with `pick(asked)` and records what was asked. */
function answer(pick: (a: Asked) => string | undefined, inputs: string[] = []): { asked: Asked[]; restore(): void } {
  const w = vscode.window as unknown as Record<string, unknown>;
  const saved = { warn: w.showWarningMessage, input: w.showInputBox };
  const asked: Asked[] = [];
  w.showWarningMessage = async (message: string, ...rest: unknown[]) => {
    const opts = typeof rest[0] === 'object' && rest[0] !== null ? (rest.shift() as { detail?: string }) : {};
    const a = { message, detail: opts.detail, buttons: rest as string[] };
    asked.push(a);
    return pick(a);
  };
  w.showInputBox = async () => inputs.shift();
  return { asked, restore: () => Object.assign(w, { showWarningMessage: saved.warn, showInputBox: saved.input }) };
}

async function containerNode(network: string, container: string): Promise<unknown> {
  const a = await api();
  const net = await until(() => findNetwork(a, network), 3000, network);
  return until(async () => (await a.tree.getChildren(net)).find((c) => a.tree.getTreeItem(c).label === container), 3000, container);
}

async function networksOf(container: string): Promise<string[]> {
  return Object.keys((await docker().getContainer(container).inspect()).NetworkSettings.Networks).sort();
}

suite('disconnect, remove, prune', () => {
  suiteSetup(async function () {
    this.timeout(60000);
    await seedUp(docker(), SEED_LABEL);
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    await seedDown(docker(), [SEED_LABEL]);
  });

  test('disconnect asks first, names the address, and does it', async () => {
    const d = answer((a) => a.buttons[0]);
    try {
      await vscode.commands.executeCommand('dockerNetworks.disconnectContainer', await containerNode('my-net', 'test1'));
    } finally {
      d.restore();
    }
    assert.strictEqual(d.asked.length, 1);
    assert.match(d.asked[0].message, /test1.*my-net/);
    assert.match(d.asked[0].detail ?? '', /172\.28\.5\.\d+\/16/);
    assert.doesNotMatch(d.asked[0].detail ?? '', /last network/);
    assert.deepStrictEqual(await networksOf('test1'), ['bridge']);
  });

  test('disconnecting the last network warns about losing all connectivity; cancel changes nothing', async () => {
    const d = answer(() => undefined);
    try {
      await vscode.commands.executeCommand('dockerNetworks.disconnectContainer', await containerNode('my-net', 'test4'));
    } finally {
      d.restore();
    }
    assert.match(d.asked[0].detail ?? '', /last network/);
    assert.deepStrictEqual(d.asked[0].buttons, ['Disconnect', 'Force Disconnect']);
    assert.deepStrictEqual(await networksOf('test4'), ['my-net']);
  });

  test('removing a network in use lists its containers and offers Disconnect All and Remove', async () => {
    const n = await docker().createNetwork({ Name: 'dn-rm-used', Labels: { [SEED_LABEL]: '1' } });
    await n.connect({ Container: 'test2' });
    const a = await api();
    const node = await until(async () => {
      const x = await findNetwork(a, 'dn-rm-used');
      return x && a.tree.getChildren(x).length > 0 ? x : undefined;
    }, 3000, 'dn-rm-used with test2');
    const d = answer((q) => q.buttons[0]);
    try {
      await vscode.commands.executeCommand('dockerNetworks.removeNetwork', node);
    } finally {
      d.restore();
    }
    assert.deepStrictEqual(d.asked[0].buttons, ['Disconnect All and Remove']);
    assert.match(d.asked[0].detail ?? '', /test2 \(running, 1\d\d\.|test2 \(running/);
    await assert.rejects(n.inspect(), /no such network|404/i);
    assert.deepStrictEqual(await networksOf('test2'), ['bridge'], 'test2 itself is untouched');
  });

  test('multi-select removes several networks; built-ins are never removed', async () => {
    await docker().createNetwork({ Name: 'dn-rm-1', Labels: { [SEED_LABEL]: '1' } });
    await docker().createNetwork({ Name: 'dn-rm-2', Labels: { [SEED_LABEL]: '1' } });
    const a = await api();
    const n1 = await until(() => findNetwork(a, 'dn-rm-1'), 3000, 'dn-rm-1');
    const n2 = await until(() => findNetwork(a, 'dn-rm-2'), 3000, 'dn-rm-2');
    const bridge = await findNetwork(a, 'bridge');
    const d = answer((q) => q.buttons[0]);
    try {
      await vscode.commands.executeCommand('dockerNetworks.removeNetwork', n1, [n1, n2, bridge]);
    } finally {
      d.restore();
    }
    assert.match(d.asked[0].message, /2 networks \(dn-rm-1, dn-rm-2\)/);
    const left = (await docker().listNetworks()).map((n) => n.Name);
    assert.ok(!left.includes('dn-rm-1') && !left.includes('dn-rm-2') && left.includes('bridge'), left.join(','));
  });

  test('prune lists exactly what will go, honours the label filter, and removes only that', async () => {
    const L = { [SEED_LABEL]: '1' };
    await docker().createNetwork({ Name: 'dn-prune-a', Labels: { ...L, 'dn.prune': 'yes' } });
    await docker().createNetwork({ Name: 'dn-prune-b', Labels: { ...L, 'dn.prune': 'yes' } });
    await docker().createNetwork({ Name: 'dn-prune-keep', Labels: { ...L, 'dn.prune': 'no' } });
    const a = await api();
    await until(() => findNetwork(a, 'dn-prune-keep'), 3000, 'prune fixtures in the model');
    const d = answer((q) => q.buttons[0], ['dn.prune=yes', '']);
    try {
      await vscode.commands.executeCommand('dockerNetworks.pruneNetworks');
    } finally {
      d.restore();
    }
    assert.match(d.asked[0].message, /Prune 2 unused networks/);
    assert.match(d.asked[0].detail ?? '', /dn-prune-a[\s\S]*dn-prune-b/);
    assert.doesNotMatch(d.asked[0].detail ?? '', /dn-prune-keep|my-net/);
    const left = (await docker().listNetworks()).map((n) => n.Name);
    assert.ok(!left.includes('dn-prune-a') && !left.includes('dn-prune-b'), left.join(','));
    assert.ok(left.includes('dn-prune-keep') && left.includes('my-net'));
  });
});

// Several engines side by side (dockerNetworks.contexts): a top-level node per context, each live on its own;
// one that fails does not blank the other. Contexts come from the real docker CLI (scripts/run-host-tests.cjs).
import * as assert from 'assert';
import * as vscode from 'vscode';
import Dockerode from 'dockerode';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import type { ReplyMessage } from '../../src/protocol/messages';
import { answerPicks, api, docker, until } from './support';

type Api = Awaited<ReturnType<typeof api>>;
type Node = Awaited<ReturnType<Api['tree']['getChildren']>>[number];

const LABEL = 'dev.dockernetworks.engines-test';
const SECOND = process.env.DN_SECOND_DOCKER_HOST;

function dockerB(): Dockerode {
  if (!SECOND?.startsWith('unix://')) throw new Error(`DN_SECOND_DOCKER_HOST must be unix://…, got ${SECOND ?? '(unset)'}`);
  return new Dockerode({ socketPath: SECOND.slice('unix://'.length) });
}

function assertOk<R>(reply: ReplyMessage<R>): R {
  if (!reply.ok) assert.fail(`expected success, got: ${reply.error.message} ${JSON.stringify(reply.error.fieldErrors)}`);
  return reply.result;
}

/** The node of a network under an engine's top-level node (side by side), once the tree shows it. */
async function networkOn(a: Api, engine: string, name: string): Promise<Node> {
  return until(async () => {
    await a.engines.listed.find((c) => c.key === engine)?.model?.refresh();
    const top = (await a.tree.getChildren()).find((n) => a.tree.getTreeItem(n).label === engine);
    if (!top) return undefined;
    return (await a.tree.getChildren(top)).find((n) => a.tree.getTreeItem(n).label === name);
  }, 10_000, `${name} under ${engine}`);
}

async function gone(d: Dockerode, name: string): Promise<boolean> {
  return d.getNetwork(name).inspect().then(() => false, () => true);
}

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

  test('back to one engine: networks at the top again', async () => {
    const a = await api();
    await cfg().update('contexts', undefined, vscode.ConfigurationTarget.Global);
    await until(async () => (await a.tree.getChildren()).some((n) => a.tree.getTreeItem(n).label === 'bridge') || undefined, 5000, 'bridge at the top');
    await cfg().update('contexts', ['dn-a', 'dn-down'], vscode.ConfigurationTarget.Global);
  });
});

// Two real engines (the private test engine as dn-a, DN_SECOND_DOCKER_HOST as dn-b): every panel and form belongs
// to one engine, says which, acts there, and goes with it.
suite('two real engines side by side (needs DN_SECOND_DOCKER_HOST, a second engine)', () => {
  const cfg = () => vscode.workspace.getConfiguration('dockerNetworks');
  suiteSetup(async function () {
    if (!SECOND) this.skip();
    this.timeout(60_000);
    await Promise.all([cleanLabelled(docker(), LABEL), cleanLabelled(dockerB(), LABEL)]);
    const labels = { [LABEL]: '1' };
    await dockerB().createNetwork({ Name: 'dnt-b-net', Labels: labels, IPAM: { Config: [{ Subnet: '10.81.0.0/16' }] } });
    const box = await dockerB().createContainer({ name: 'dnt-b-box', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: labels });
    await box.start();
    await docker().createNetwork({ Name: 'dnt-rm-a', Labels: labels });
    await dockerB().createNetwork({ Name: 'dnt-rm-b', Labels: labels });
    await cfg().update('contexts', ['dn-a', 'dn-b'], vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async function () {
    this.timeout(60_000);
    if (!SECOND) return;
    await cfg().update('contexts', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([cleanLabelled(docker(), LABEL), cleanLabelled(dockerB(), LABEL)]);
  });

  test('Network Details on dn-b → Create Network Like This → Create makes the network on dn-b, and the titles say dn-b', async function () {
    this.timeout(40_000);
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkOn(a, 'dn-b', 'dnt-b-net'));
    const id = (await dockerB().getNetwork('dnt-b-net').inspect()).Id;
    const view = await until(() => a.views.getNetworkDetails(id, 'dn-b'), 5000, 'Network Details of dnt-b-net on dn-b');
    assert.match(view.panel.panel.title, /dnt-b-net.*dn-b/);
    assertOk(await view.panel.action({ action: 'createLike' }));
    const form = await until(() => a.panels.get('createNetwork', 'dn-b'), 5000, 'the Create Network form of dn-b');
    assert.match(form.panel.title, /dn-b/);
    assert.strictEqual(a.panels.get('createNetwork', 'dn-a'), undefined, 'no form opened on dn-a');
    assert.strictEqual(form.currentForm.name, 'dnt-b-net-copy', 'prefilled from dn-b’s network');
    assertOk(await form.submit({ ...form.currentForm, name: 'dnt-like', ipv4: [] }));
    assert.strictEqual(await gone(dockerB(), 'dnt-like'), false, 'dnt-like is on dn-b');
    assert.strictEqual(await gone(docker(), 'dnt-like'), true, 'and not on dn-a');
  });

  test('Connect Container from a dn-b network node offers dn-b’s containers and connects there', async function () {
    this.timeout(40_000);
    const a = await api();
    const picks = answerPicks((labels) => (labels.includes('dnt-b-box') ? 'dnt-b-box' : undefined));
    try {
      await vscode.commands.executeCommand('dockerNetworks.connectContainer', await networkOn(a, 'dn-b', 'dnt-b-net'));
    } finally {
      picks.restore();
    }
    assert.deepStrictEqual(picks.asked.map((p) => p.labels), [['dnt-b-box']], 'only dn-b’s containers are offered');
    const form = await until(() => a.panels.get('connect', 'dn-b'), 5000, 'the Connect form of dn-b');
    assert.deepStrictEqual({ container: form.currentForm.container, network: form.currentForm.network }, { container: 'dnt-b-box', network: 'dnt-b-net' });
    assertOk(await form.submit(form.currentForm));
    const nets = (await dockerB().getContainer('dnt-b-box').inspect()).NetworkSettings.Networks;
    assert.ok(nets['dnt-b-net'], `dnt-b-box is on dnt-b-net on dn-b: ${Object.keys(nets).join(', ')}`);
  });

  test('Remove with a selection across both engines removes each network on its own engine', async function () {
    this.timeout(40_000);
    const a = await api();
    const nodeA = await networkOn(a, 'dn-a', 'dnt-rm-a');
    const nodeB = await networkOn(a, 'dn-b', 'dnt-rm-b');
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = w.showWarningMessage;
    const asked: string[] = [];
    w.showWarningMessage = async (message: string, ...rest: unknown[]) => {
      asked.push(message);
      return rest.find((r) => r === 'Remove');
    };
    try {
      await vscode.commands.executeCommand('dockerNetworks.removeNetwork', nodeA, [nodeA, nodeB]);
    } finally {
      w.showWarningMessage = saved;
    }
    assert.match(asked.join('\n'), /dnt-rm-a \(dn-a\).*dnt-rm-b \(dn-b\)/, 'the confirmation names each network’s engine');
    assert.strictEqual(await gone(docker(), 'dnt-rm-a'), true, 'dnt-rm-a removed from dn-a');
    assert.strictEqual(await gone(dockerB(), 'dnt-rm-b'), true, 'dnt-rm-b removed from dn-b');
  });

  test('a palette command asks which engine, and its form belongs to the one chosen', async function () {
    this.timeout(20_000);
    const a = await api();
    const picks = answerPicks((labels) => (labels.includes('dn-b') ? 'dn-b' : undefined));
    try {
      await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    } finally {
      picks.restore();
    }
    assert.deepStrictEqual(picks.asked.map((p) => p.labels), [['dn-a', 'dn-b']]);
    const form = await until(() => a.panels.get('createNetwork', 'dn-b'), 5000, 'the Create Network form of dn-b');
    assert.strictEqual(form.connection.key, 'dn-b');
    form.dispose();
  });

  test('panels of an engine that leaves the setting close with it; adding it back reveals nothing stale', async function () {
    this.timeout(40_000);
    const a = await api();
    const node = await networkOn(a, 'dn-b', 'dnt-b-net');
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', node);
    const id = (await dockerB().getNetwork('dnt-b-net').inspect()).Id;
    const details = await until(() => a.views.getNetworkDetails(id, 'dn-b'), 5000, 'Network Details on dn-b');
    await vscode.commands.executeCommand('dockerNetworks.showTopology', node);
    const map = await until(() => a.topology.get('dn-b'), 5000, 'the map of dn-b');
    const dnA = a.engines.listed.find((c) => c.key === 'dn-a');
    await cfg().update('contexts', ['dn-a'], vscode.ConfigurationTarget.Global);
    await until(() => details.panel.isDisposed && map.isDisposed, 5000, 'dn-b’s panels to close');
    assert.strictEqual(a.engines.listed.find((c) => c.key === 'dn-a'), dnA, 'dn-a keeps its connection');
    await cfg().update('contexts', ['dn-a', 'dn-b'], vscode.ConfigurationTarget.Global);
    await until(() => a.engines.listed.length === 2 || undefined, 5000, 'dn-b back');
    assert.strictEqual(a.views.getNetworkDetails(id, 'dn-b'), undefined);
    assert.strictEqual(a.topology.get('dn-b'), undefined);
  });
});

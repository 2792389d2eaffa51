// Explain Reachability in the real extension host, on the seed scenario: the command from two selected tree nodes
// and from the palette's pickers, the state the panel posts to its page (steps, verdict, fixes), Probe now beside
// the explanation, fix buttons through the existing flows (the Connect and Create Network forms prefilled, docker
// start after a confirmation; a fix the panel did not offer is refused), and the page following the engine (a
// connection that makes the pair reachable, a removed target said so). Also Container Networking's names that
// resolve, and its Resolve button (a lookup inside the container, of the seed's own names only).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanLabelled, SEED_IMAGE, SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import type { ExplainReachState } from '../../src/core/explainTypes';
import type { ViewHostMessage } from '../../src/protocol/views';
import { answerPicks, answerWarnings, api, containerNode, docker, fresh, until } from './support';

const LABEL = 'dev.dockernetworks.explain-host-test';
const STOPPED = 'dnh-explain-stopped';

async function idOf(name: string): Promise<string> {
  return (await docker().getContainer(name).inspect()).Id;
}

suite('Explain Reachability', () => {
  suiteSetup(async function () {
    this.timeout(90000);
    await cleanLabelled(docker(), LABEL);
    await seedUp(docker(), SEED_LABEL);
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    (await api()).views.dispose();
    (await api()).panels.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cleanLabelled(docker(), LABEL);
    await seedDown(docker(), [SEED_LABEL]);
  });

  test('two containers selected in the tree: test4 → test2 share no network; the page gets steps, verdict and fixes', async function () {
    this.timeout(60000);
    const a = await fresh();
    const t4 = await containerNode(a, 'my-net', 'test4');
    const t2 = await containerNode(a, 'bridge', 'test2');
    await vscode.commands.executeCommand('dockerNetworks.explainReachability', t4, [t4, t2]);
    const [id4, id2] = [await idOf('test4'), await idOf('test2')];
    const view = a.views.getExplainReach(id4, id2);
    assert.ok(view, 'an Explain Reachability panel for test4 → test2 is open');
    const posted: ViewHostMessage<'explainReach'>[] = [];
    const sub = view.panel.onDidPost((m) => posted.push(m));
    try {
      await until(() => view.panel.readyCount > 0, 20000, 'the explain page to say ready');
      const s = view.state as ExplainReachState;
      assert.strictEqual(view.panel.title, 'Reachability: test4 → test2');
      const e = s.explanation;
      assert.strictEqual(e.reachable, false);
      assert.strictEqual(e.firstFailure, 'shared-networks');
      assert.strictEqual(e.agreesWithModel, true);
      assert.deepStrictEqual(e.steps.map((x) => x.kind), ['source-running', 'target-running', 'namespace', 'shared-networks', 'isolation', 'published-ports']);
      assert.match(e.verdict, /test4 cannot reach test2: they share no network/);
      assert.deepStrictEqual(e.fixes.map((f) => f.shown[0]), ['docker network connect bridge test4', 'docker network connect my-net test2']);

      // Probe now: the real probe, set beside the explanation.
      const reply = await view.panel.action({ action: 'probe' });
      assert.ok(reply.ok, JSON.stringify(reply));
      const probed = view.state?.probe;
      assert.strictEqual(probed?.verdict, 'unreachable', JSON.stringify(probed));
      assert.strictEqual(probed?.agreement?.agrees, true, JSON.stringify(probed));
      const last = posted.filter((m) => m.type === 'state').pop();
      assert.ok(last && last.type === 'state' && last.state.probe?.verdict === 'unreachable', 'the page got the probe result');

      // A fix button: the Connect form, prefilled with the fix's container and network.
      const fix = e.fixes[1].action!;
      const connect = await view.panel.action({ action: 'connect', containerId: fix.containerId!, networkId: fix.networkId! });
      assert.ok(connect.ok, JSON.stringify(connect));
      const form = await until(() => a.panels.get('connect'), 5000, 'the Connect form');
      assert.strictEqual(form.currentForm.container, 'test2');
      assert.strictEqual(form.currentForm.network, 'my-net');
      form.dispose();
      // A fix the panel does not offer is refused, whatever the page says.
      const forged = await view.panel.action({ action: 'connect', containerId: id4, networkId: fix.networkId! });
      assert.ok(!forged.ok && /no longer offered/.test(forged.error.message), JSON.stringify(forged));

      // Live: the pair becomes reachable when test2 joins my-net for real.
      await docker().getNetwork('my-net').connect({ Container: 'test2' });
      await until(() => view.state?.explanation.reachable, 15000, 'the page to follow the engine');
      assert.strictEqual(view.state?.explanation.steps.find((x) => x.kind === 'network')?.status, 'pass');
      await docker().getNetwork('my-net').disconnect({ Container: 'test2' });
    } finally {
      sub.dispose();
      view.dispose();
    }
  });

  test('from the palette: source then target; a stopped target is started by its fix after a confirmation; removal is said', async function () {
    this.timeout(60000);
    const d = docker();
    await d.createContainer({ name: STOPPED, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: 'my-net' } });
    const a = await fresh();
    const picks = answerPicks((_labels, placeHolder) => {
      if (/from which container/.test(placeHolder)) return 'test4';
      if (/test4 can reach which container/.test(placeHolder)) return STOPPED;
      return undefined;
    });
    try {
      await vscode.commands.executeCommand('dockerNetworks.explainReachability');
    } finally {
      picks.restore();
    }
    assert.strictEqual(picks.asked.length, 2, JSON.stringify(picks.asked.map((q) => q.placeHolder)));
    const view = a.views.getExplainReach(await idOf('test4'), await idOf(STOPPED));
    assert.ok(view);
    const e = view.state!.explanation;
    assert.strictEqual(e.firstFailure, 'target-running');
    assert.deepStrictEqual(e.fixes.map((f) => f.shown), [[`docker start ${STOPPED}`]]);

    const warnings = answerWarnings('Start');
    try {
      const r = await view.panel.action({ action: 'start', containerId: e.fixes[0].action!.containerId! });
      assert.ok(r.ok, JSON.stringify(r));
    } finally {
      warnings.restore();
    }
    assert.deepStrictEqual(warnings.asked, [`Start ${STOPPED}?`]);
    await until(() => view.state?.explanation.reachable, 15000, 'the started target to be reachable');

    await d.getContainer(STOPPED).remove({ force: true });
    const gone = await until(() => view.state?.gone[0], 15000, 'the page to say the target was removed');
    assert.match(gone, new RegExp(`${STOPPED} \\(the target\\) is no longer on this engine`));
    assert.strictEqual(view.state!.pair.target, STOPPED);
    assert.strictEqual(view.state!.explanation.firstFailure, 'exists');
    view.dispose();
  });

  test('Container Networking of test4: the names it can use for test1 on my-net, and Resolve asks inside test4', async function () {
    this.timeout(40000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showContainerNetworking', await containerNode(a, 'my-net', 'test4'));
    const view = a.views.getContainerNetworking(await idOf('test4'));
    assert.ok(view);
    const id1 = await idOf('test1');
    const row = view.state?.peers?.find((r) => r.peer === 'test1');
    assert.ok(row?.networkId, JSON.stringify(view.state?.peers));
    assert.deepStrictEqual(row.names.map((n) => n.name), ['test1', id1.slice(0, 12)]);
    const reply = await view.panel.action({ action: 'resolve', containerId: id1, networkId: row.networkId });
    assert.ok(reply.ok, JSON.stringify(reply));
    const resolved = view.state?.peers?.find((r) => r.peer === 'test1')?.resolved;
    const address = (await docker().getContainer('test1').inspect()).NetworkSettings.Networks['my-net'].IPAddress;
    assert.deepStrictEqual(resolved?.results.map((r) => [r.name, r.verdict, r.addresses]), [['test1', 'resolved', [address]], [id1.slice(0, 12), 'resolved', [address]]]);
    view.dispose();
  });

  test('from the Topology side list: the why? link of a pair opens its explanation; a malformed request is refused', async function () {
    this.timeout(40000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showTopology');
    const map = a.topology.get();
    assert.ok(map);
    const [id4, id2] = [await idOf('test4'), await idOf('test2')];
    const r = await map.request('explain', { containerId: id4, targetId: id2 });
    assert.ok(r.ok, JSON.stringify(r));
    const view = await until(() => a.views.getExplainReach(id4, id2), 10000, 'the explanation of test4 → test2');
    assert.strictEqual(view.state?.explanation.firstFailure, 'shared-networks');
    const bad = await map.receive({ type: 'request', id: 7, method: 'explain', params: { containerId: id4, targetId: '../x' } });
    assert.ok(bad && !bad.ok, JSON.stringify(bad));
    view.dispose();
    map.dispose();
  });

  test('the default bridge pair test1 → test3: reachable, and the Create Network fix opens the form with its name', async function () {
    this.timeout(40000);
    const a = await fresh();
    const t1 = await containerNode(a, 'bridge', 'test1');
    const t3 = await containerNode(a, 'bridge', 'test3');
    await vscode.commands.executeCommand('dockerNetworks.explainReachability', t3, [t1, t3]);
    const view = a.views.getExplainReach(await idOf('test3'), await idOf('test1'));
    assert.ok(view, 'the clicked node is the source');
    const e = view.state!.explanation;
    assert.strictEqual(e.reachable, true);
    assert.strictEqual(e.fixes[0]?.action?.action, 'createNetwork');
    const r = await view.panel.action({ action: 'createNetwork' });
    assert.ok(r.ok, JSON.stringify(r));
    const form = await until(() => a.panels.get('createNetwork'), 5000, 'the Create Network form');
    assert.strictEqual(form.currentForm.name, 'test3-test1');
    form.dispose();
    view.dispose();
  });
});

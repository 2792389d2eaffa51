// The view panels in the real extension host, on the seed scenario: Network Details, Container Networking and Check
// Connectivity open from tree nodes, their webview scripts load under the CSP and complete the `ready` handshake,
// and the picture the host sends them holds the seed's data. The panels' buttons run the commands (through the same
// path as a webview message), the pages follow the engine, and a removed network stays on screen under a banner.
// Probes target only the seed's own containers on the private engine's networks.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanLabelled, SEED, SEED_IMAGE, SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import type { ViewHostMessage, ViewKind } from '../../src/protocol/views';
import { api, answerPicks, answerWarnings, childrenOf, containerNode, docker, findNetwork, fresh, until } from './support';

const LABEL = 'dev.dockernetworks.panels-test';
const TMP_NET = 'dnh-panels';

type Api = Awaited<ReturnType<typeof api>>;
type Node = Awaited<ReturnType<Api['tree']['getChildren']>>[number];

async function networkNode(a: Api, name: string): Promise<Node> {
  return until(() => findNetwork(a, name), 10000, `${name} in the tree`);
}

/** The last `state` message a panel posted to its webview. */
function watchStates<K extends ViewKind>(panel: { onDidPost: vscode.Event<ViewHostMessage<K>> }): { states: ViewHostMessage<K>[]; dispose(): void } {
  const states: ViewHostMessage<K>[] = [];
  const sub = panel.onDidPost((m) => { if (m.type === 'state') states.push(m); });
  return { states, dispose: () => sub.dispose() };
}

suite('view panels: network details, container networking, connectivity', () => {
  suiteSetup(async function () {
    this.timeout(90000);
    await cleanLabelled(docker(), LABEL);
    await seedUp(docker(), SEED_LABEL);
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    (await api()).views.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cleanLabelled(docker(), LABEL);
    await seedDown(docker(), [SEED_LABEL]);
  });

  test('Show Network Details on my-net: the page loads under the CSP and shows the seed\'s IPAM and containers', async function () {
    this.timeout(40000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkNode(a, 'my-net'));
    const myNet = (await docker().getNetwork('my-net').inspect()).Id;
    const view = a.views.getNetworkDetails(myNet);
    assert.ok(view, 'a Network Details panel for my-net is open');
    const html = view.panel.panel.webview.html;
    assert.match(html, /default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{16,}'; style-src /);
    assert.match(html, /networkDetails\.js/);
    assert.match(html, /views\.css/);
    assert.doesNotMatch(html, /\son[a-z]+=|<script>(?!<)/i, 'no inline handlers or inline scripts');
    const watch = watchStates(view.panel);
    try {
      await until(() => view.panel.readyCount > 0, 20000, 'the webview to say ready');
      await until(() => watch.states.length > 0, 5000, 'the state sent after ready');
      // the engine's own aliases (20.10 adds the short id; API 1.45+ does not, and may have none)
      const aliasesOf = async (name: string): Promise<string[]> => (await docker().getContainer(name).inspect()).NetworkSettings.Networks['my-net'].Aliases ?? [];
      const want = { test1: await aliasesOf('test1'), test4: await aliasesOf('test4') };
      const s = await until(() => {
        const st = view.state;
        // aliases come from per-endpoint inspects on engines whose list call leaves them out
        return st && st.containers.length === 2 && st.containers.every((c) => JSON.stringify(c.aliases) === JSON.stringify(want[c.name as keyof typeof want])) ? st : undefined;
      }, 10000, 'the aliases to be read');
      assert.strictEqual(s.network.name, 'my-net');
      assert.strictEqual(s.network.driver, 'bridge');
      // (each row also says how many addresses are in use and free: the IPAM usage tests check those)
      assert.deepStrictEqual(s.ipam.map(({ family, subnet, ipRange, gateway, auxAddresses }) => ({ family, subnet, ipRange, gateway, auxAddresses })),
        [{ family: 'IPv4', subnet: SEED.network.subnet, ipRange: SEED.network.ipRange, gateway: SEED.network.gateway, auxAddresses: [] }]);
      assert.strictEqual(s.bridgeInterface, `br-${myNet.slice(0, 12)}`);
      assert.deepStrictEqual(s.labels, [{ key: SEED_LABEL, value: 'seed' }]);
      const t4 = s.containers.find((c) => c.name === 'test4');
      assert.ok(t4, JSON.stringify(s.containers.map((c) => c.name)));
      assert.strictEqual(t4.ipv4, `${SEED.web.ip}/16`);
      assert.deepStrictEqual(t4.ports, ['127.0.0.1:8080 → 80/tcp']);
      // the engine's own MAC (20.10 derives it from the IP, 02:42:…; 28.x picks a random one)
      assert.strictEqual(t4.mac, (await docker().getContainer('test4').inspect()).NetworkSettings.Networks['my-net'].MacAddress);
      assert.deepStrictEqual(s.containers.map((c) => c.name), ['test1', 'test4']);
      assert.deepStrictEqual(s.containers[0].aliases, want.test1, 'the aliases are the engine\'s');
      assert.deepStrictEqual(t4.aliases, want.test4);
      // what the webview got is that same picture
      const last = await until(() => {
        const m = watch.states[watch.states.length - 1];
        return m?.type === 'state' && JSON.stringify(m.state) === JSON.stringify(view.state) && m;
      }, 5000, 'the last posted state to be the panel\'s');
      assert.ok(last.type === 'state' && last.kind === 'networkDetails');
      assert.deepStrictEqual(last.state, s, 'the webview was sent the very picture checked above');
      // opening it again reveals the same panel
      await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkNode(a, 'my-net'));
      assert.strictEqual(a.views.getNetworkDetails(myNet), view);
    } finally {
      watch.dispose();
    }
  });

  test('the page follows the engine; a removed network stays on screen under a banner, actions off', async function () {
    this.timeout(40000);
    const d = docker();
    const n = await d.createNetwork({ Name: TMP_NET, Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: '10.66.0.0/16' }] } });
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkNode(a, TMP_NET));
    const view = a.views.getNetworkDetails(n.id);
    assert.ok(view);
    assert.deepStrictEqual(view.state?.containers, []);
    await n.connect({ Container: 'test3' });
    const live = await until(() => view.state?.containers.find((c) => c.name === 'test3'), 10000, 'test3 on the page (by events)');
    assert.match(live.ipv4 ?? '', /^10\.66\./);
    await n.disconnect({ Container: 'test3' });
    await n.remove();
    const gone = await until(() => view.state?.removed, 10000, 'the removed banner');
    assert.ok(Date.parse(gone.at) > 0);
    assert.strictEqual(view.state?.network.name, TMP_NET, 'the last known state stays');
    assert.deepStrictEqual(view.state?.ipam.map((r) => r.subnet), ['10.66.0.0/16']);
    assert.match(view.panel.panel.title, /removed/);
    const r = await view.panel.action({ action: 'openJson' });
    assert.ok(!r.ok && /was removed/.test(r.error.message), JSON.stringify(r));
    view.dispose();
  });

  test('buttons run the commands with tree-like arguments: Open JSON, Disconnect (confirmed), and ids work too', async function () {
    this.timeout(40000);
    const d = docker();
    const n = await d.createNetwork({ Name: TMP_NET, Labels: { [LABEL]: '1' } });
    const box = await d.createContainer({ name: 'dnh-box', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: TMP_NET } });
    await box.start();
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkNode(a, TMP_NET));
    const view = a.views.getNetworkDetails(n.id)!;
    const boxId = (await box.inspect()).Id;

    const json = await view.panel.action({ action: 'openJson' });
    assert.ok(json.ok, JSON.stringify(json));
    const doc = vscode.window.activeTextEditor?.document;
    assert.strictEqual(doc?.languageId, 'json');
    assert.strictEqual(JSON.parse(doc.getText()).Name, TMP_NET);

    const inspect = await view.panel.action({ action: 'inspectContainer', containerId: boxId });
    assert.ok(inspect.ok);
    assert.strictEqual(JSON.parse(vscode.window.activeTextEditor?.document.getText() ?? '{}').Id, boxId);

    const warn = answerWarnings('Disconnect');
    try {
      const r = await view.panel.action({ action: 'disconnect', containerId: boxId });
      assert.ok(r.ok, JSON.stringify(r));
    } finally {
      warn.restore();
    }
    assert.deepStrictEqual(warn.asked, [`Disconnect dnh-box from ${TMP_NET}?`]);
    assert.ok(!(await box.inspect()).NetworkSettings.Networks[TMP_NET], 'dnh-box left the network');
    await until(() => view.state?.containers.length === 0, 10000, 'the page to follow');

    // a command given ids instead of a node (what other callers may do)
    await n.connect({ Container: 'dnh-box' });
    await fresh();
    const warn2 = answerWarnings('Disconnect');
    try {
      await vscode.commands.executeCommand('dockerNetworks.disconnectContainer', { networkId: n.id, containerId: boxId });
    } finally {
      warn2.restore();
    }
    assert.deepStrictEqual(warn2.asked, [`Disconnect dnh-box from ${TMP_NET}?`]);
    assert.ok(!(await box.inspect()).NetworkSettings.Networks[TMP_NET]);

    // a malformed message is refused and never acted upon
    const before = view.panel.rejected.length;
    const bad = await view.panel.receive({ type: 'request', id: 5, method: 'action', params: { action: 'remove', containerId: 'x; rm -rf /' } });
    assert.ok(bad && !bad.ok && bad.id === 5);
    assert.strictEqual(view.panel.rejected.length, before + 1);
    assert.ok((await d.listNetworks()).some((x) => x.Name === TMP_NET), 'nothing was removed');
    view.dispose();
    await box.remove({ force: true });
    await n.remove();
  });

  test('Show Container Networking on test1: both networks, DNS names, the seven namespaces with their ids', async function () {
    this.timeout(40000);
    const d = docker();
    const member = await d.createContainer({ name: 'dnh-member', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: 'container:test1' } });
    await member.start();
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showContainerNetworking', await containerNode(a, 'my-net', 'test1'));
    const t1 = await d.getContainer('test1').inspect();
    const view = a.views.getContainerNetworking(t1.Id);
    assert.ok(view, 'a Container Networking panel for test1 is open');
    await until(() => view.panel.readyCount > 0, 20000, 'the webview to say ready');
    const s = view.state!;
    assert.strictEqual(s.container.name, 'test1');
    assert.strictEqual(s.container.networkMode, 'bridge');
    assert.strictEqual(s.container.sandboxKey, t1.NetworkSettings.SandboxKey);
    assert.deepStrictEqual(s.networks.map((n) => [n.name, n.ipv4, n.gateway]), [
      ['bridge', `${t1.NetworkSettings.Networks.bridge.IPAddress}/16`, t1.NetworkSettings.Networks.bridge.Gateway],
      ['my-net', `${t1.NetworkSettings.Networks['my-net'].IPAddress}/16`, SEED.network.gateway],
    ]);
    assert.deepStrictEqual(s.networks[0].dnsNames, [], 'no embedded DNS on the default bridge');
    assert.ok(s.networks[1].dnsNames.includes('test1'), JSON.stringify(s.networks[1]));
    assert.deepStrictEqual(s.joinedBy, ['dnh-member']);
    assert.deepStrictEqual(s.namespaces.map((r) => r.type), ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts']);
    assert.strictEqual(s.nsIds.shown, true, s.nsIds.note);
    assert.ok(s.namespaces.every((r) => /^\d+$/.test(r.nsId ?? '')), JSON.stringify(s.namespaces));

    // the member's page: net shared with test1, and the same netns id
    await vscode.commands.executeCommand('dockerNetworks.showContainerNetworking', await containerNode(a, 'my-net', 'dnh-member'));
    const mv = a.views.getContainerNetworking((await member.inspect()).Id)!;
    const ms = mv.state!;
    assert.strictEqual(ms.sharesNetworkOf, 'test1');
    const net = (x: typeof s) => x.namespaces.find((r) => r.type === 'net')!;
    assert.strictEqual(net(ms).text, 'shared with test1');
    assert.strictEqual(net(ms).nsId, net(s).nsId);
    assert.notStrictEqual(ms.namespaces.find((r) => r.type === 'uts')?.nsId, s.namespaces.find((r) => r.type === 'uts')?.nsId);

    // removed: the page says so and keeps the last picture
    await member.remove({ force: true });
    await until(() => mv.state?.removed, 10000, 'the member page to say it was removed');
    assert.strictEqual(mv.state?.container.name, 'dnh-member');
    mv.dispose();
    view.dispose();
  });

  test('Check Connectivity from test4: test1 reachable over my-net (ping, latency), test2 not, both as the model says', async function () {
    this.timeout(60000);
    const a = await fresh();
    const t4 = await containerNode(a, 'my-net', 'test4');
    const picks = answerPicks((labels) => labels.includes('test1') ? 'test1' : undefined);
    try {
      await vscode.commands.executeCommand('dockerNetworks.checkConnectivity', t4);
    } finally {
      picks.restore();
    }
    assert.strictEqual(picks.asked.length, 1, 'only the target is asked (they share one network)');
    assert.ok(!picks.asked[0].labels.includes('test4'), 'the source is not offered as target');
    const view = a.views.getConnectivity();
    assert.ok(view);
    let s = await view.running!;
    const row = s.rows[0];
    assert.strictEqual(s.mode, 'pair');
    assert.deepStrictEqual([row.from.name, row.to.name, row.network.name], ['test4', 'test1', 'my-net']);
    assert.strictEqual(row.probe?.verdict, 'reachable', JSON.stringify(row));
    assert.strictEqual(row.probe?.tool, 'ping');
    assert.ok((row.probe?.latencyMs ?? -1) >= 0);
    assert.strictEqual(row.command, JSON.stringify(['ping', '-c', '1', '-W', '1', row.address]));
    assert.deepStrictEqual(row.agreement, { agrees: true, text: 'Agrees with the model: reachable via my-net.' });
    await until(() => view.panel.readyCount > 0, 20000, 'the connectivity page to load');

    const picks2 = answerPicks((labels) => labels.includes('test2') ? 'test2' : undefined);
    try {
      await vscode.commands.executeCommand('dockerNetworks.checkConnectivity', t4);
    } finally {
      picks2.restore();
    }
    s = await view.running!;
    assert.deepStrictEqual([s.rows[0].to.name, s.rows[0].network.name], ['test2', 'bridge']);
    assert.strictEqual(s.rows[0].probe?.verdict, 'unreachable', JSON.stringify(s.rows[0]));
    assert.strictEqual(s.rows[0].model.text, 'unreachable: they share no network');
    assert.strictEqual(s.rows[0].agreement?.agrees, true);
  });

  test('from the palette: one pair, chosen source then target', async function () {
    this.timeout(60000);
    const a = await fresh();
    const picks = answerPicks((labels, placeHolder) => {
      if (/Check connectivity between/.test(placeHolder)) return labels.find((l) => /One pair/.test(l));
      if (/Probe from which container/.test(placeHolder)) return 'test2';
      if (/Probe which container from test2/.test(placeHolder)) return 'test3';
      return undefined;
    });
    try {
      await vscode.commands.executeCommand('dockerNetworks.checkConnectivity');
    } finally {
      picks.restore();
    }
    assert.strictEqual(picks.asked.length, 3, JSON.stringify(picks.asked.map((q) => q.placeHolder)));
    const running = new Set((await docker().listContainers()).map((c) => c.Names[0].slice(1)));
    assert.ok(picks.asked[1].labels.every((l) => running.has(l)), `only running containers are offered as source: ${picks.asked[1].labels.join(',')}`);
    const s = await a.views.getConnectivity()!.running!;
    assert.deepStrictEqual([s.rows[0].from.name, s.rows[0].to.name, s.rows[0].network.name, s.rows[0].probe?.verdict], ['test2', 'test3', 'bridge', 'reachable']);
  });

  test('a matrix can be cancelled from its page: running probes finish, no new one starts, the page says so', async function () {
    this.timeout(90000);
    const d = docker();
    const n = await d.createNetwork({ Name: TMP_NET, Labels: { [LABEL]: '1' } });
    for (let i = 0; i < 5; i++) {
      const c = await d.createContainer({ name: `dnh-m${i}`, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: TMP_NET } });
      await c.start();
    }
    const a = await fresh();
    const view = a.views.connectivity(a.connection);
    // a slow stand-in for the exec, so that the cancel lands mid-run (and no packet is sent)
    const ran: string[][] = [];
    view.exec = async (_id, argv) => {
      ran.push([...argv]);
      await new Promise((r) => setTimeout(r, 400));
      return { exitCode: 0, output: '64 bytes from x: seq=0 ttl=64 time=0.050 ms', timedOut: false, ms: 400 };
    };
    try {
      const run = view.runMatrix(n.id);
      await until(() => (view.state?.done ?? 0) > 0, 10000, 'the first probes to finish');
      const r = await view.panel.action({ action: 'cancel' });
      assert.ok(r.ok, JSON.stringify(r));
      const s = await run;
      assert.strictEqual(s.total, 20, '5 containers: 20 ordered pairs');
      assert.strictEqual(s.cancelled, true);
      assert.ok(s.done < s.total, `${s.done} of ${s.total}`);
      assert.strictEqual(ran.length, s.done, 'every probe that started was counted, none started after the cancel');
      const own = Object.values((await n.inspect()).Containers ?? {}).map((c) => c.IPv4Address.split('/')[0]);
      assert.ok(s.rows.every((row) => own.includes(row.address)), 'only the network\'s own containers\' addresses');
      assert.ok(ran.every((argv) => own.includes(argv[argv.length - 1])), JSON.stringify(ran));
      assert.match(s.capText ?? '', /5 running containers on dnh-panels, 20 ordered pairs/);
    } finally {
      view.exec = undefined;
      view.dispose();
      await cleanLabelled(d, LABEL);
    }
  });

  test('Check all pairs from the Network Details page: the bridge matrix, the cap said, every pair probed', async function () {
    this.timeout(90000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await networkNode(a, 'bridge'));
    const bridgeId = (await docker().getNetwork('bridge').inspect()).Id;
    const details = a.views.getNetworkDetails(bridgeId)!;
    const reply = await details.panel.action({ action: 'checkAllPairs' });
    assert.ok(reply.ok, JSON.stringify(reply));
    const view = a.views.getConnectivity()!;
    const s = await view.running!;
    assert.strictEqual(s.mode, 'matrix');
    assert.strictEqual(s.cap, 20);
    assert.match(s.capText ?? '', /capped at 20 containers/);
    const running = (await childrenOf(a, 'bridge')).filter((i) => /^\d/.test(String(i.description))).map((i) => String(i.label));
    assert.ok(running.length >= 3, running.join(','));
    assert.strictEqual(s.total, s.rows.length);
    assert.strictEqual(s.done, s.total, 'every pair ran');
    const seedPairs = s.rows.filter((r) => ['test1', 'test2', 'test3'].includes(r.from.name) && ['test1', 'test2', 'test3'].includes(r.to.name));
    assert.strictEqual(seedPairs.length, 6);
    for (const r of seedPairs) {
      assert.strictEqual(r.probe?.verdict, 'reachable', JSON.stringify(r));
      assert.strictEqual(r.agreement?.agrees, true, r.agreement?.text);
    }
    details.dispose();
  });
});

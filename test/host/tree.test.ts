// The Networks view's provider against the private engine, with the seed scenario.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_LABEL, seedDown, seedUp } from '../fixtures/seed';
import { api, fresh, childrenOf, docker, findNetwork, hovered, treeQuiet, until } from './support';
import { HostNet } from '../../src/host/hostNet';
import { Connection } from '../../src/host/connection';
import { NetworkNode } from '../../src/host/tree/nodes';

/** A network node's name (the test bundle has its own copy of the node classes: no instanceof). */
function networkName(n: unknown): string | undefined {
  const node = n as { kind?: string; network?: { name: string } } | undefined;
  return node?.kind === 'network' ? node.network?.name : undefined;
}

suite('networks tree', () => {
  suiteSetup(async function () {
    this.timeout(60000);
    await seedUp(docker(), SEED_LABEL);
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    await seedDown(docker(), [SEED_LABEL]);
  });

  test('lists the engine’s networks, user networks first, with driver · subnet', async () => {
    const a = await api();
    await until(async () => findNetwork(a, 'my-net'), 5000, 'my-net in the tree');
    const items = (await a.tree.getChildren()).map((n) => a.tree.getTreeItem(n));
    const labels = items.map((i) => i.label);
    assert.ok(labels.indexOf('my-net') < labels.indexOf('bridge'), labels.join(','));
    const myNet = items.find((i) => i.label === 'my-net')!;
    assert.strictEqual(myNet.description, 'bridge · 172.28.0.0/16');
    assert.strictEqual(myNet.contextValue, 'network.custom');
    // it has containers (counted before their attachments are made): expandable, open on a small engine
    assert.strictEqual(myNet.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.strictEqual(items.find((i) => i.label === 'bridge')!.contextValue, 'network.builtin');
    // the tooltip is made on hover, not with every row
    assert.strictEqual(myNet.tooltip, undefined);
    const tip = ((await hovered(a, (await findNetwork(a, 'my-net'))!)).tooltip as vscode.MarkdownString).value;
    for (const s of ['172.28.5.0/24', '172.28.5.254']) assert.ok(tip.includes(s), `tooltip lacks ${s}`);
  });

  test('lists each network’s containers with their address there', async () => {
    const a = await api();
    const onMyNet = await childrenOf(a, 'my-net');
    const t4 = onMyNet.find((i) => i.label === 'test4');
    assert.ok(t4, onMyNet.map((i) => i.label).join(','));
    assert.strictEqual(t4.description, '172.28.5.10/16');
    assert.strictEqual(t4.contextValue, 'container.attached');
    const t4Node = (await a.tree.getChildren((await findNetwork(a, 'my-net'))!)).find((n) => a.tree.getTreeItem(n).label === 'test4')!;
    assert.ok(((await hovered(a, t4Node)).tooltip as vscode.MarkdownString).value.includes('127.0.0.1:8080 → 80/tcp'));
    assert.deepStrictEqual(onMyNet.map((i) => i.label).filter((l) => String(l).startsWith('test')), ['test1', 'test4']);
    const onBridge = (await childrenOf(a, 'bridge')).map((i) => i.label);
    for (const t of ['test1', 'test2', 'test3']) assert.ok(onBridge.includes(t), `${t} not under bridge`);
  });

  test('follows a connect made outside the extension, and tells the view (onDidChangeTreeData fires)', async () => {
    const a = await api();
    // the events of what earlier suites removed must not count as this connect's redraws
    await treeQuiet(a);
    // the view re-reads only what the tree announces: reading getChildren() alone would pass with a silent tree
    let fired = 0;
    const redrawn: string[] = [];
    // nor is the view's message set again: VS Code counts each setting as a change of the view, and holds the tree
    // change that follows it back for its 200 ms debounce
    const messages = a.tree.redraws.messages;
    const sub = a.tree.onDidChangeTreeData((e) => {
      fired++;
      // a targeted change names its network nodes; undefined would redraw every network
      for (const n of e === undefined ? [undefined] : Array.isArray(e) ? e : [e]) redrawn.push(networkName(n) ?? String(n));
    });
    try {
      await docker().getNetwork('my-net').connect({ Container: 'test2', EndpointConfig: { IPAMConfig: { IPv4Address: '172.28.5.22' } } });
      await until(() => fired > 0, 3000, 'a tree change after the connect');
      await until(async () => (await childrenOf(a, 'my-net')).some((i) => i.label === 'test2'), 3000, 'test2 under my-net');
      // my-net gains a row; test2's row under bridge is redrawn too when its engine status text moved on ("Up 2
      // seconds" → "Up 5 seconds", re-read with it): no other network, and never the whole view
      const drawn = [...new Set(redrawn)];
      assert.ok(drawn.includes('my-net') && drawn.every((n) => n === 'my-net' || n === 'bridge'), `redrawn: ${drawn.join(', ')}`);
      const node = a.tree.getChildren().find((n) => networkName(n) === 'my-net');
      assert.ok(node && a.tree.getChildren().includes(node), 'the same node object from one change to the next');
      const item = await until(async () => (await childrenOf(a, 'my-net')).find((i) => i.label === 'test2'), 3000, 'test2 under my-net');
      assert.strictEqual(item.description, '172.28.5.22/16');
      const before = fired;
      await docker().getNetwork('my-net').disconnect({ Container: 'test2' });
      await until(() => fired > before, 3000, 'a tree change after the disconnect');
      await until(async () => !(await childrenOf(a, 'my-net')).some((i) => i.label === 'test2'), 3000, 'test2 gone');
      assert.strictEqual(a.tree.redraws.messages, messages, 'the view message was set again while it stayed the same');
    } finally {
      sub.dispose();
    }
  });

  test('a host-route read that finds no collision tells no one (the tree would redraw every network for it)', async function () {
    this.timeout(30000);
    const a = await api();
    const s = await a.connection.snapshot();
    // a second reader of the same connection, from its first read on (the extension's own read at activation)
    const h = new HostNet(a.connection);
    let told = 0;
    const sub = h.onDidChange(() => { told++; });
    try {
      const routes = await h.fresh();
      assert.ok(routes.available, 'this engine is local: its routes can be read');
      const colliding = s.networks.filter((n) => h.collisionsOf(n.id).length > 0).map((n) => n.name);
      assert.equal(told, colliding.length > 0 ? 1 : 0, `told ${told} time(s); colliding: ${colliding.join(', ') || 'none'}`);
    } finally {
      sub.dispose();
      h.dispose();
    }
  });

  test('reads the host routes only once there is a picture to compare them with (no `ip` while the first lists load)', async function () {
    this.timeout(30000);
    const c = new Connection(); // the extension's endpoint, not started yet
    const h = new HostNet(c);
    try {
      await new Promise((r) => setTimeout(r, 700)); // past the reader's 300 ms debounce
      assert.strictEqual(h.reads, 0, 'a read before any snapshot');
      c.start();
      await c.snapshot();
      const routes = await until(() => h.state, 5000, 'the read after the first snapshot');
      assert.ok(routes.available, 'the routes of this local engine were read');
      assert.strictEqual(h.reads, 1);
    } finally {
      h.dispose();
      c.dispose();
    }
  });

  test('reads the host routes again for a new network, not for a container connect', async function () {
    this.timeout(30000);
    const a = await api();
    const routes = a.hostRoutes();
    await until(() => routes.state !== undefined, 5000, 'the first host-route read');
    const settle = () => new Promise((r) => setTimeout(r, 800)); // past the reader's 300 ms debounce
    await settle();
    const before = routes.reads;
    await docker().getNetwork('my-net').connect({ Container: 'test3' });
    try {
      await until(async () => (await childrenOf(a, 'my-net')).some((i) => i.label === 'test3'), 3000, 'test3 under my-net');
      await settle();
      assert.strictEqual(routes.reads, before, 'a container connect changes no route: no read');
    } finally {
      await docker().getNetwork('my-net').disconnect({ Container: 'test3' });
    }
    const net = await docker().createNetwork({ Name: 'dn-routes-probe', Labels: { [SEED_LABEL]: '1' }, IPAM: { Config: [{ Subnet: '10.81.7.0/24' }] } });
    try {
      await until(() => routes.reads > before, 5000, 'a read after the network create');
    } finally {
      await net.remove();
    }
  });

  test('while its containers load (first paint), a network row says so, cannot look empty or expand, and offers no network actions', async () => {
    const a = await api();
    await until(async () => findNetwork(a, 'my-net'), 5000, 'my-net in the tree');
    const view = a.connection.model?.snapshot?.networks.find((n) => n.name === 'my-net');
    assert.ok(view);
    const node = new NetworkNode(view, a.connection);
    node.loading = true;
    const item = node.toTreeItem(false);
    assert.strictEqual(item.description, 'bridge · 172.28.0.0/16 · loading containers…');
    assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    // no menu of package.json matches it: every network action needs viewItem =~ /^network\./
    assert.strictEqual(item.contextValue, 'loadingNetwork');
    assert.ok(!/^network\./.test(item.contextValue));
  });

  test('hides built-in networks when asked', async () => {
    const a = await api();
    const cfg = vscode.workspace.getConfiguration('dockerNetworks');
    await cfg.update('showBuiltInNetworks', false, vscode.ConfigurationTarget.Global);
    try {
      const labels = (await a.tree.getChildren()).map((n) => a.tree.getTreeItem(n).label);
      assert.ok(labels.includes('my-net'));
      assert.ok(!labels.includes('bridge') && !labels.includes('host') && !labels.includes('none'), labels.join(','));
    } finally {
      await cfg.update('showBuiltInNetworks', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

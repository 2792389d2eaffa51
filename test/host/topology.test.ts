// The topology map in the real extension host, against the real engine: the command opens one panel whose script
// (cytoscape + fcose) loads under the CSP, completes the `ready` handshake and draws; the graph it was sent is
// exactly core/topology's picture of the connection's snapshot; what a container reaches comes back from the host;
// the map follows the engine (a new attachment arrives as a new graph, drawn without a full layout); malformed
// messages are refused. Everything here carries its own label, names (dnt-*) and subnet (10.79.0.0/16), so other
// tests sharing the engine do not disturb it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { buildTopology } from '../../src/core/topology';
import type { ReplyMessage } from '../../src/protocol/messages';
import type { GraphMessage, RenderedMessage, TopologyHostMessage, TopologyReach } from '../../src/protocol/topology';
import { api, docker, fresh, until } from './support';

const LABEL = 'dev.dockernetworks.topology-test';
const NET = { name: 'dnt-net', subnet: '10.79.0.0/16', a: '10.79.0.10', b: '10.79.0.11' };

type Api = Awaited<ReturnType<typeof api>>;

async function start(name: string, networkMode: string, ip?: string): Promise<string> {
  const c = await docker().createContainer({
    name, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: networkMode },
    ...(ip ? { NetworkingConfig: { EndpointsConfig: { [networkMode]: { IPAMConfig: { IPv4Address: ip } } } } } : {}),
  });
  await c.start();
  return c.id;
}

function assertOk<R>(reply: ReplyMessage<R>): R {
  if (!reply.ok) assert.fail(`expected success, got: ${reply.error.message}`);
  return reply.result;
}

/** The next message of `kind` posted to the webview after now (or the one already seen, when `seen` holds it). */
function nextPosted(a: Api, pred: (m: TopologyHostMessage) => boolean): Promise<TopologyHostMessage> {
  const panel = a.topology.get();
  assert.ok(panel);
  return new Promise((resolve) => {
    const sub = panel.onDidPost((m) => {
      if (pred(m)) {
        sub.dispose();
        resolve(m);
      }
    });
  });
}

suite('topology map', () => {
  const ids: Record<string, string> = {};
  /** Every graph message posted to the webview since the panel opened. */
  const graphs: GraphMessage[] = [];

  suiteSetup(async function () {
    this.timeout(60000);
    await cleanLabelled(docker(), LABEL);
    await docker().createNetwork({ Name: NET.name, Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: NET.subnet }] } });
    ids.a = await start('dnt-a', NET.name, NET.a);
    ids.b = await start('dnt-b', NET.name, NET.b);
    ids.c = await start('dnt-c', 'bridge');
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    (await api()).topology.dispose();
    await cleanLabelled(docker(), LABEL);
  });

  test('Show Topology opens one panel; its script loads under the CSP, says ready and draws the graph it was sent', async function () {
    this.timeout(60000);
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.showTopology');
    const panel = a.topology.get();
    assert.ok(panel, 'a topology panel is open');
    panel.onDidPost((m) => { if (m.type === 'graph') graphs.push(m); });
    const rendered = panel.lastRendered ? Promise.resolve(panel.lastRendered) : new Promise<RenderedMessage>((resolve) => {
      const sub = panel.onDidRender((m) => { sub.dispose(); resolve(m); });
    });
    await until(() => panel.readyCount > 0, 30000, 'the webview to say ready');
    const html = panel.panel.webview.html;
    assert.match(html, /default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{16,}'; style-src /);
    assert.doesNotMatch(html, /unsafe-eval|unsafe-inline/);
    assert.doesNotMatch(html, /\son[a-z]+=|<script>(?!<)/i, 'no inline handlers or inline scripts');
    assert.match(html, /dist\/webview\/topology\.js/);
    assert.deepStrictEqual(panel.panel.webview.options.localResourceRoots?.map((u: vscode.Uri) => u.path.replace(/.*\/(dist\/webview)$/, '$1')), ['dist/webview']);
    const r = await Promise.race([rendered, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the map did not draw within 45 s')), 45000))]);
    // what it drew is the graph of that version, node for node (the engine is shared: later versions may follow)
    const drawn = graphs.find((g) => g.version === r.version)?.graph;
    assert.ok(drawn, `graph version ${r.version} was posted (posted: ${graphs.map((g) => g.version).join(', ')})`);
    assert.strictEqual(r.nodes, drawn.networks.length + drawn.containers.length);
    assert.strictEqual(r.edges, drawn.edges.length);
    assert.ok(panel.rejected.length === 0, panel.rejected.join('\n'));
    // the command again reveals the same panel
    await vscode.commands.executeCommand('dockerNetworks.showTopology');
    assert.strictEqual(a.topology.get(), panel);
  });

  test('the graph sent to the webview is the snapshot\'s: networks, containers and addresses', async function () {
    this.timeout(30000);
    const a = await fresh();
    const panel = a.topology.get();
    assert.ok(panel);
    const snapshot = await a.connection.snapshot();
    const graph = await panel.graph();
    // the map holds what the engine holds (read from the engine itself, not from the snapshot the graph came from)
    const engineNetworks = (await docker().listNetworks()).map((n) => n.Id).sort();
    const engineContainers = (await docker().listContainers({ all: true })).map((c) => c.Id).sort();
    assert.deepStrictEqual(graph.networks.map((n) => n.id).sort(), engineNetworks);
    assert.deepStrictEqual(graph.containers.map((c) => c.id).sort(), engineContainers);
    const net = graph.networks.find((n) => n.name === NET.name);
    assert.ok(net, 'dnt-net is a hub');
    assert.deepStrictEqual(net.subnets, [NET.subnet]);
    assert.deepStrictEqual(net.labels, { [LABEL]: '1' });
    const edges = graph.edges.filter((e) => e.n === net.id).map((e) => `${graph.containers.find((c) => c.id === e.c)?.name}=${e.label}`).sort();
    assert.deepStrictEqual(edges, [`dnt-a=${NET.a}`, `dnt-b=${NET.b}`]);
    assert.deepStrictEqual(graph.containers.filter((c) => c.name.startsWith('dnt-')).map((c) => [c.name, c.state]), [['dnt-a', 'running'], ['dnt-b', 'running'], ['dnt-c', 'running']]);
    // every network and every container of the snapshot is there, once
    assert.deepStrictEqual(graph.networks.map((n) => n.id).sort(), snapshot.networks.map((n) => n.id).sort());
    assert.deepStrictEqual(graph.containers.map((c) => c.id).sort(), snapshot.containers.map((c) => c.Id).sort());
    assert.strictEqual(graph.edges.length, snapshot.networks.reduce((s, n) => s + n.attachments.length, 0));
    // and the last graph posted to the webview is the current snapshot's (other tests share the engine: a change may
    // be on its way, so this waits for the two to agree)
    await until(async () => {
      const last = graphs[graphs.length - 1];
      const now = buildTopology(await a.connection.snapshot());
      try {
        assert.deepStrictEqual(last?.graph, now);
        return true;
      } catch {
        return false;
      }
    }, 10000, 'the posted graph to match the snapshot');
    assert.ok(graphs.every((g, i) => i === 0 || g.version > graphs[i - 1].version), 'versions grow');
  });

  test('selecting a container asks the host what it reaches: dnt-b reaches dnt-a alone, via dnt-net', async () => {
    const a = await fresh();
    const panel = a.topology.get();
    assert.ok(panel);
    const reach: TopologyReach = assertOk(await panel.request('reach', { containerId: ids.b }));
    assert.strictEqual(reach.summary, 'dnt-b can reach: dnt-a (via dnt-net)');
    assert.deepStrictEqual(reach.reachable.map((t) => [t.name, t.via]), [['dnt-a', 'via dnt-net']]);
    const graph = await panel.graph();
    assert.deepStrictEqual(reach.reachable[0].networks, [graph.networks.find((n) => n.name === NET.name)?.id]);
    // dnt-c is on the default bridge only: none of the dnt-net members
    const c: TopologyReach = assertOk(await panel.request('reach', { containerId: ids.c }));
    assert.ok(!c.reachable.some((t) => t.name === 'dnt-a' || t.name === 'dnt-b'), c.summary);
    // an id that is no container of the engine fails plainly
    const gone = await panel.request('reach', { containerId: 'f'.repeat(64) });
    assert.ok(!gone.ok && /not on this engine/.test(gone.error.message), JSON.stringify(gone));
  });

  test('the map follows the engine: dnt-c joining dnt-net arrives as a new graph, drawn without a full layout', async function () {
    this.timeout(60000);
    const a = await api();
    const panel = a.topology.get();
    assert.ok(panel);
    const netId = (await panel.graph()).networks.find((n) => n.name === NET.name)?.id;
    const arrived = nextPosted(a, (m) => m.type === 'graph' && !!m.graph?.edges.some((e) => e.c === ids.c && e.n === netId));
    const drawn = new Promise<RenderedMessage>((resolve) => {
      const sub = panel.onDidRender((m) => { sub.dispose(); resolve(m); });
    });
    await docker().getNetwork(NET.name).connect({ Container: ids.c });
    const msg = await Promise.race([arrived, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no new graph within 20 s')), 20000))]) as GraphMessage;
    assert.ok(msg.graph);
    const r = await Promise.race([drawn, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not drawn within 20 s')), 20000))]);
    assert.notStrictEqual(r.layout, 'full', 'an update keeps the layout');
    const reach: TopologyReach = assertOk(await panel.request('reach', { containerId: ids.c }));
    assert.deepStrictEqual(reach.reachable.filter((t) => t.name.startsWith('dnt-')).map((t) => t.text), ['dnt-a (via dnt-net)', 'dnt-b (via dnt-net)']);
  });

  test('a double-click on a node opens its page: Container Networking for a container, Network Details for a network', async function () {
    this.timeout(30000);
    const a = await api();
    const panel = a.topology.get();
    assert.ok(panel);
    assertOk(await panel.request('show', { containerId: ids.a }));
    const cn = await until(() => a.views.getContainerNetworking(ids.a), 10000, 'the Container Networking panel of dnt-a');
    const netId = (await panel.graph()).networks.find((n) => n.name === NET.name)?.id;
    assert.ok(netId);
    assertOk(await panel.request('show', { networkId: netId }));
    const nd = await until(() => a.views.getNetworkDetails(netId), 10000, 'the Network Details panel of dnt-net');
    cn.dispose();
    nd.dispose();
  });

  test('malformed messages are refused without a crash, and the map keeps answering', async () => {
    const a = await api();
    const panel = a.topology.get();
    assert.ok(panel);
    const before = panel.rejected.length;
    const bad: unknown[] = [
      null, 'ready', [], { type: 'nope' }, { type: 'ready', x: 1 }, { type: 'rendered', version: 1, nodes: 'many', edges: 1, ms: 1, layout: 'full' },
      { type: 'request', id: 1, method: 'exec', params: { containerId: ids.a } },
      { type: 'request', id: 2, method: 'reach', params: { containerId: '../../etc' } },
      { type: 'request', id: 3, method: 'show', params: {} },
    ];
    for (const m of bad) await panel.receive(m);
    assert.strictEqual(panel.rejected.length - before, bad.length, panel.rejected.slice(before).join('\n'));
    const r = await panel.receive({ type: 'request', id: 2, method: 'reach', params: { containerId: '../../etc' } });
    assert.ok(r && !r.ok && r.id === 2 && /does not accept/.test(r.error.message), JSON.stringify(r));
    assert.ok(assertOk(await panel.request('reach', { containerId: ids.a })).reachable.length > 0);
  });
});

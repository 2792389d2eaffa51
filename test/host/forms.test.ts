// The form panels in the real extension host, against the real engine: each command opens its panel, the webview
// script loads under its CSP and completes the `ready` handshake, and the forms are submitted through the very path
// a webview message takes (FormPanel.receive). What the engine then holds is read back with docker inspect.
// Everything here carries its own label (not the seed's), and uses its own names, subnet (10.77.0.0/16) and ports.
import * as assert from 'assert';
import * as dgram from 'node:dgram';
import * as vscode from 'vscode';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, type CreateNetworkForm, type RunForm,
} from '../../src/core/forms';
import type { CreateNetworkOptions, HostMessage, InitMessage, ReplyMessage } from '../../src/protocol/messages';
import { api, docker, findNetwork, fresh, until, answerPicks } from './support';

const LABEL = 'dev.dockernetworks.forms-test';
const NET = 'dnf-net';
const SUBNET = { subnet: '10.77.0.0/16', ipRange: '10.77.5.0/24', gateway: '10.77.5.254' };
const labels = [{ key: LABEL, value: '1' }];

type Api = Awaited<ReturnType<typeof api>>;

function createForm(over: Partial<CreateNetworkForm> = {}): CreateNetworkForm {
  return { ...emptyCreateNetworkForm(), labels, ...over };
}

function assertOk<R>(reply: ReplyMessage<R>): R {
  if (!reply.ok) assert.fail(`expected success, got: ${reply.error.message} ${JSON.stringify(reply.error.fieldErrors)}`);
  return reply.result;
}


/** Hides a panel behind a saved plain-text file in its column (closed again without a save prompt); returns the file. */
async function hide(panel: { panel: vscode.WebviewPanel }): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the host tests run with a workspace folder');
  const file = vscode.Uri.joinPath(folder, 'hide-the-panel.txt');
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('hide the panel\n'));
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
  await until(() => !panel.panel.visible, 5000, 'the panel to be hidden');
  return file;
}

async function networkNode(a: Api, name: string): Promise<unknown> {
  return until(() => findNetwork(a, name), 5000, `${name} in the tree`);
}

async function startContainer(name: string, opts: { networkMode?: string; start?: boolean } = {}): Promise<void> {
  const c = await docker().createContainer({
    name, Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: opts.networkMode ?? 'bridge' },
  });
  if (opts.start !== false) await c.start();
}

/** A UDP socket on 127.0.0.1:port, held outside Docker (the Run form's checks compare TCP listeners only). */
function holdUdp(port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve(socket));
  });
}

suite('forms: create, connect, run through their panels', () => {
  suiteSetup(async function () {
    this.timeout(60000);
    await cleanLabelled(docker(), LABEL);
    await startContainer('dnf-box');
    await startContainer('dnf-stopped', { start: false });
    await startContainer('dnf-hostmode', { networkMode: 'host' });
    // a second user network dnf-box can join (the palette's network pick is then never empty)
    await docker().createNetwork({ Name: 'dnf-spare', Labels: { [LABEL]: '1' } });
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    (await api()).panels.dispose();
    await cleanLabelled(docker(), LABEL);
  });

  test('Create Network opens one panel, whose script loads under the CSP and completes the ready handshake', async function () {
    this.timeout(30000);
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const panel = a.panels.get('createNetwork');
    assert.ok(panel, 'a createNetwork panel is open');
    const inits: InitMessage<'createNetwork'>[] = [];
    const sub = panel.onDidPost((m: HostMessage<'createNetwork'>) => { if (m.type === 'init') inits.push(m); });
    try {
      await until(() => panel.readyCount > 0, 20000, 'the webview to say ready');
      const html = panel.panel.webview.html;
      assert.match(html, /default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{16,}'; style-src /);
      assert.doesNotMatch(html, /\son[a-z]+=|<script>(?!<)/i, 'no inline handlers or inline scripts');
      assert.deepStrictEqual(panel.panel.webview.options.localResourceRoots?.map((u: vscode.Uri) => u.path.replace(/.*\/(dist\/webview)$/, '$1')), ['dist/webview']);
      // a second run of the command reuses the open panel
      await vscode.commands.executeCommand('dockerNetworks.createNetwork');
      assert.strictEqual(a.panels.get('createNetwork'), panel);
      // the driver list comes from the engine, never host or null, bridge first
      const init = inits[0] ?? await new Promise<InitMessage<'createNetwork'>>((resolve) => {
        const s = panel.onDidPost((m) => { if (m.type === 'init') { s.dispose(); resolve(m); } });
      });
      const options: CreateNetworkOptions = init.options;
      assert.strictEqual(options.drivers[0], 'bridge');
      assert.ok(!options.drivers.includes('host') && !options.drivers.includes('null'), options.drivers.join(','));
    } finally {
      sub.dispose();
    }
  });

  test('malformed messages are rejected without a crash, and the panel keeps working', async () => {
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const panel = a.panels.get('createNetwork')!;
    const before = panel.rejected.length;
    const bad: unknown[] = [
      null, 42, 'ready', [], { type: 'nope' }, { type: 'request' }, { type: 'request', id: -1, method: 'submit', params: { form: createForm() } },
      { type: 'request', id: 7, method: 'rm -rf', params: { form: createForm() } },
      { type: 'request', id: 8, method: 'submit', params: { form: { ...createForm(), name: 5 } } },
      { type: 'request', id: 9, method: 'submit', params: { form: { ...createForm(), extra: true } } },
      { type: 'request', id: 10, method: 'submit', params: { form: { ...createForm(), ipv4: 'x'.repeat(10) } } },
      { type: 'request', id: 11, method: 'submit', params: { form: { ...createForm(), name: 'x'.repeat(100000) } } },
      { type: 'request', id: 12, method: 'validate', params: {} },
    ];
    for (const m of bad) await panel.receive(m);
    assert.strictEqual(panel.rejected.length - before, bad.length, panel.rejected.slice(before).join('\n'));
    const r = await panel.receive({ type: 'request', id: 8, method: 'submit', params: { form: { ...createForm(), name: 5 } } });
    assert.ok(r && !r.ok && /does not accept/.test(r.error.message) && r.id === 8, JSON.stringify(r));
    assert.ok(!(await docker().listNetworks()).some((n) => n.Labels?.[LABEL] && n.Name !== 'dnf-spare'), 'nothing was created');
    const ok = await panel.validate(createForm({ name: 'dnf-still-fine' }));
    assert.deepStrictEqual(assertOk(ok).errors, []);
  });

  test('a form with a validation error never reaches the engine', async () => {
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const panel = a.panels.get('createNetwork')!;
    const reply = await panel.submit(createForm({ name: 'dnf-bad', ipv4: [{ ...SUBNET, gateway: '10.78.0.1', auxAddresses: '' }] }));
    assert.ok(!reply.ok);
    const fields = reply.error.fieldErrors.map((e) => e.field);
    assert.deepStrictEqual(fields, ['ipv4[0].gateway'], JSON.stringify(reply.error.fieldErrors));
    assert.ok(!(await docker().listNetworks()).some((n) => n.Name === 'dnf-bad'), 'dnf-bad was not created');
    assert.ok(!panel.isDisposed, 'the form stays open');
    // live validation says the same, and shows the command
    const live = assertOk(await panel.validate(createForm({ name: 'dnf-bad', ipv4: [{ ...SUBNET, gateway: '10.78.0.1', auxAddresses: '' }] })));
    assert.deepStrictEqual(live.errors.map((e) => e.field), ['ipv4[0].gateway']);
    assert.match(live.command, /^docker network create --subnet 10\.77\.0\.0\/16 --ip-range 10\.77\.5\.0\/24 --gateway 10\.78\.0\.1 .*dnf-bad$/);
  });

  test('create gives the engine exactly that IPAM (and options), then closes the panel', async function () {
    this.timeout(30000);
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const panel = a.panels.get('createNetwork')!;
    const reply = await panel.submit(createForm({
      name: NET,
      ipv4: [{ ...SUBNET, auxAddresses: 'router=10.77.1.5' }],
      driverOptions: [{ key: 'com.docker.network.bridge.name', value: 'br-dnf' }, { key: 'com.docker.network.driver.mtu', value: '1400' }],
    }));
    assert.match(assertOk(reply).message, /dnf-net/);
    const info = await docker().getNetwork(NET).inspect();
    assert.strictEqual(info.Driver, 'bridge');
    assert.deepStrictEqual(info.IPAM?.Config, [{ Subnet: SUBNET.subnet, IPRange: SUBNET.ipRange, Gateway: SUBNET.gateway, AuxiliaryAddresses: { router: '10.77.1.5' } }]);
    assert.strictEqual(info.Options?.['com.docker.network.bridge.name'], 'br-dnf');
    assert.strictEqual(info.Options?.['com.docker.network.driver.mtu'], '1400');
    assert.strictEqual(info.Labels?.[LABEL], '1');
    await until(() => panel.isDisposed, 3000, 'the panel to close after success');
    await until(() => findNetwork(a, NET), 5000, `${NET} in the tree (by events)`);
  });

  test('Create Network Like This prefills from inspect with a new name (and the copied subnet is flagged)', async function () {
    this.timeout(20000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.createNetworkLike', await networkNode(a, NET));
    const panel = a.panels.get('createNetwork')!;
    const form = panel.currentForm;
    assert.strictEqual(form.name, `${NET}-copy`);
    assert.deepStrictEqual(form.ipv4, [{ ...SUBNET, auxAddresses: 'router=10.77.1.5' }]);
    assert.deepStrictEqual(form.driverOptions, [{ key: 'com.docker.network.driver.mtu', value: '1400' }], 'the bridge name is not copied');
    const errors = assertOk(await panel.validate(form)).errors;
    assert.ok(errors.some((e) => e.field === 'ipv4[0].subnet' && /overlap/i.test(e.message)), JSON.stringify(errors));
    panel.dispose();
  });

  test('connect from a network node offers only eligible containers; with an IPv4 address the container gets that IP', async function () {
    this.timeout(30000);
    const a = await fresh();
    const picks = answerPicks((labels) => labels.includes('dnf-box') ? 'dnf-box' : undefined);
    try {
      await vscode.commands.executeCommand('dockerNetworks.connectContainer', await networkNode(a, NET));
    } finally {
      picks.restore();
    }
    assert.strictEqual(picks.asked.length, 1);
    const offered = picks.asked[0].labels;
    assert.ok(offered.includes('dnf-box'), offered.join(','));
    assert.ok(!offered.includes('dnf-stopped') && !offered.includes('dnf-hostmode'), `not running / host mode: ${offered.join(',')}`);
    const panel = a.panels.get('connect');
    assert.ok(panel, 'the connect form is open');
    assert.deepStrictEqual({ container: panel.currentForm.container, network: panel.currentForm.network }, { container: 'dnf-box', network: NET });

    const taken = await panel.submit({ ...panel.currentForm, ipv4Address: SUBNET.gateway });
    assert.ok(!taken.ok && taken.error.fieldErrors.some((e) => e.field === 'ipv4Address'), 'the gateway address is refused before the engine');

    const reply = await panel.submit({ ...emptyConnectForm(), container: 'dnf-box', network: NET, ipv4Address: '10.77.5.20', aliases: 'boxy' });
    assertOk(reply);
    const ep = (await docker().getContainer('dnf-box').inspect()).NetworkSettings.Networks[NET];
    assert.strictEqual(ep.IPAddress, '10.77.5.20');
    assert.strictEqual(ep.IPAMConfig?.IPv4Address, '10.77.5.20');
    assert.ok(ep.Aliases?.includes('boxy'), JSON.stringify(ep.Aliases));
    await until(() => panel.isDisposed, 3000, 'the panel to close after success');

    // now attached: connecting again from the palette never offers dnf-net for dnf-box
    await fresh();
    const again = answerPicks((labels) => (labels.includes('dnf-box') ? 'dnf-box' : undefined));
    try {
      await vscode.commands.executeCommand('dockerNetworks.connectContainer');
    } finally {
      again.restore();
    }
    assert.ok(again.asked.length === 2 && !again.asked[1].labels.includes(NET), JSON.stringify(again.asked));
    assert.ok(!again.asked[1].labels.includes('host') && !again.asked[1].labels.includes('none'), JSON.stringify(again.asked[1]));
  });

  test('run with an IP and -p 127.0.0.1:18080:80 gives exactly that', async function () {
    this.timeout(40000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.runContainer', await networkNode(a, NET));
    const panel = a.panels.get('run')!;
    assert.strictEqual(panel.currentForm.network, NET, 'the network comes from the node');
    const form: RunForm = {
      ...emptyRunForm(),
      image: SEED_IMAGE,
      name: 'dnf-web',
      network: NET,
      ipv4Address: '10.77.5.10',
      aliases: 'web',
      ports: [{ hostIp: '127.0.0.1', hostPort: '18080', containerPort: '80', protocol: 'tcp' }],
      command: 'sh -c "httpd -p 80 -h /; sleep 3600"',
      env: [{ key: 'GREETING', value: 'hello world' }],
      labels,
    };
    assert.match(assertOk(await panel.validate(form)).command,
      /^docker run -d --name dnf-web --network dnf-net --ip 10\.77\.5\.10 --network-alias web -p 127\.0\.0\.1:18080:80 -e 'GREETING=hello world' --label dev\.dockernetworks\.forms-test=1 localbusybox:latest sh -c 'httpd -p 80 -h \/; sleep 3600'$/);
    assertOk(await panel.submit(form));
    const c = await docker().getContainer('dnf-web').inspect();
    assert.strictEqual(c.State.Running, true);
    assert.strictEqual(c.NetworkSettings.Networks[NET].IPAddress, '10.77.5.10');
    assert.deepStrictEqual(c.HostConfig.PortBindings, { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18080' }] });
    assert.deepStrictEqual(c.Config.Cmd, ['sh', '-c', 'httpd -p 80 -h /; sleep 3600']);
    assert.ok(c.Config.Env.includes('GREETING=hello world'));
    // the published port answers on loopback (any HTTP status will do: httpd is there)
    const status = await until(async () => (await fetch('http://127.0.0.1:18080/').catch(() => undefined))?.status, 10000, 'httpd on 127.0.0.1:18080');
    assert.ok(status >= 200 && status < 600);
  });

  test('run with -P: the command says -P, and the reply names the host ports the engine picked', async function () {
    this.timeout(40000);
    const a = await fresh();
    // an image that exposes a port, made from the local one (nothing is pulled)
    const base = await docker().createContainer({ Image: SEED_IMAGE, Cmd: ['sleep', '1'], Labels: { [LABEL]: '1' } });
    await base.commit({ repo: 'dnf-exposing', tag: 'latest', changes: ['EXPOSE 8080/tcp'] });
    await base.remove({ force: true });
    try {
      a.panels.get('run')?.dispose(); // a fresh form, whatever an earlier test left
      await vscode.commands.executeCommand('dockerNetworks.runContainer', await networkNode(a, 'dnf-spare'));
      const panel = a.panels.get('run')!;
      const form: RunForm = { ...emptyRunForm(), image: 'dnf-exposing:latest', name: 'dnf-all', network: 'dnf-spare', publishAll: true, command: 'sleep 3600', labels };
      assert.strictEqual(assertOk(await panel.validate(form)).command,
        'docker run -d --name dnf-all --network dnf-spare -P --label dev.dockernetworks.forms-test=1 dnf-exposing:latest sleep 3600');
      const { message } = assertOk(await panel.submit(form));
      const c = await docker().getContainer('dnf-all').inspect();
      assert.strictEqual(c.HostConfig.PublishAllPorts, true);
      const picked = c.NetworkSettings.Ports['8080/tcp'] ?? [];
      assert.ok(picked.length > 0 && Number(picked[0].HostPort) > 0, JSON.stringify(c.NetworkSettings.Ports));
      assert.match(message, new RegExp(`^Started dnf-all on dnf-spare\\. Host ports: 0\\.0\\.0\\.0:${picked[0].HostPort} → 8080/tcp`));
    } finally {
      await docker().getContainer('dnf-all').remove({ force: true }).catch(() => undefined);
      await docker().getImage('dnf-exposing:latest').remove({ force: true }).catch(() => undefined);
    }
  });

  test('an engine refusal is explained next to its field, the form stays open and nothing is left behind', async function () {
    this.timeout(40000);
    // A port held outside Docker that the checks do not see (they compare TCP listeners only): only the engine can
    // refuse it.
    const server = await holdUdp(18081);
    try {
      const a = await fresh();
      await vscode.commands.executeCommand('dockerNetworks.runContainer');
      const panel = a.panels.get('run')!;
      const form: RunForm = {
        ...emptyRunForm(), image: SEED_IMAGE, name: 'dnf-clash', network: NET, labels,
        ports: [{ hostIp: '127.0.0.1', hostPort: '18081', containerPort: '80', protocol: 'udp' }], command: 'sleep 3600',
      };
      assert.deepStrictEqual(assertOk(await panel.validate(form)).errors, [], 'the checks cannot see a non-Docker UDP socket');
      const reply = await panel.submit(form);
      assert.ok(!reply.ok, 'the engine refused');
      assert.ok(reply.error.cause && reply.error.fix, `explained: ${JSON.stringify(reply.error)}`);
      assert.deepStrictEqual(reply.error.fieldErrors.map((e) => e.field), ['ports[0].hostPort'], JSON.stringify(reply.error));
      assert.ok(!panel.isDisposed, 'the form stays open');
      assert.deepStrictEqual(panel.currentForm, form, 'with every input intact');
      const left = await docker().listContainers({ all: true, filters: JSON.stringify({ name: ['dnf-clash'] }) });
      assert.deepStrictEqual(left.map((c) => c.Names), [], 'the container that failed to start was removed');
      panel.dispose();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('a hidden panel reloads its page when shown again and keeps the form', async function () {
    this.timeout(30000);
    const a = await api();
    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const panel = a.panels.get('createNetwork')!;
    await until(() => panel.readyCount > 0, 20000, 'ready');
    const form = createForm({ name: 'dnf-kept', ipv4: [{ subnet: '10.79.0.0/16', ipRange: '', gateway: '', auxAddresses: '' }] });
    panel.setForm(form);
    const readies = panel.readyCount;
    const file = await hide(panel);
    panel.reveal();
    await until(() => panel.readyCount > readies, 20000, 'a new ready handshake after showing it again');
    assert.deepStrictEqual(panel.currentForm, form);
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file);
  });

  test('an engine refusal that comes while the panel is hidden is shown when the panel comes back', async function () {
    this.timeout(40000);
    const server = await holdUdp(18082);
    try {
      const a = await fresh();
      a.panels.get('run')?.dispose(); // a fresh form, whatever an earlier test left
      await vscode.commands.executeCommand('dockerNetworks.runContainer');
      const panel = a.panels.get('run')!;
      await until(() => panel.readyCount > 0, 20000, 'ready');
      const form: RunForm = {
        ...emptyRunForm(), image: SEED_IMAGE, name: 'dnf-hidden', network: NET, labels, command: 'sleep 3600',
        ports: [{ hostIp: '127.0.0.1', hostPort: '18082', containerPort: '80', protocol: 'udp' }],
      };
      const file = await hide(panel);
      // the reply goes to a page that is not there (retainContextWhenHidden is off)
      const reply = await panel.submit(form);
      assert.ok(!reply.ok, 'the engine refused');
      const inits: InitMessage<'run'>[] = [];
      const sub = panel.onDidPost((m) => { if (m.type === 'init') inits.push(m); });
      // the handshake is over once the picture went out
      let loaded = false;
      void panel.whenReady(true).then(() => { loaded = true; });
      panel.reveal();
      await until(() => loaded, 20000, 'the page to load again and get its picture');
      sub.dispose();
      const outcome = inits[inits.length - 1]?.outcome;
      assert.ok(outcome?.cause && outcome.fix, `the refusal comes with the new page: ${JSON.stringify(inits.map((i) => i.outcome))}`);
      assert.deepStrictEqual(outcome.fieldErrors.map((e) => e.field), ['ports[0].hostPort']);
      panel.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('Run from another network node keeps what was typed (image, ports, environment); only the network changes', async function () {
    this.timeout(30000);
    const a = await fresh();
    a.panels.get('run')?.dispose(); // a fresh form, whatever an earlier test left
    await vscode.commands.executeCommand('dockerNetworks.runContainer', await networkNode(a, 'dnf-spare'));
    const panel = a.panels.get('run')!;
    // the page validates its prefill once it has it; typing starts after that (else the page's late first
    // validation would stand for a form the user never had)
    await until(() => panel.pageRequests > 0, 20000, "the page's first validation");
    const typed: RunForm = {
      ...panel.currentForm, image: SEED_IMAGE, ports: [{ hostIp: '', hostPort: '18083', containerPort: '80', protocol: 'tcp' }],
      env: [{ key: 'TYPED', value: 'by hand' }],
    };
    assertOk(await panel.validate(typed)); // what the webview sends while the user types
    await vscode.commands.executeCommand('dockerNetworks.runContainer', await networkNode(a, 'bridge'));
    assert.strictEqual(a.panels.get('run'), panel, 'the open form is reused');
    assert.deepStrictEqual(panel.currentForm, { ...typed, network: 'bridge' });
    panel.dispose();
  });

  test('Create Network Like another network asks before replacing a name the user typed', async function () {
    this.timeout(30000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.createNetworkLike', await networkNode(a, 'dnf-spare'));
    const panel = a.panels.get('createNetwork')!;
    const typed = { ...panel.currentForm, name: 'dnf-mine' };
    assertOk(await panel.validate(typed));
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = w.showWarningMessage;
    const asked: string[] = [];
    let answer: string | undefined;
    w.showWarningMessage = async (message: string) => {
      asked.push(message);
      return answer;
    };
    try {
      await vscode.commands.executeCommand('dockerNetworks.createNetworkLike', await networkNode(a, 'bridge'));
      assert.strictEqual(asked.length, 1, 'asked first');
      assert.deepStrictEqual(panel.currentForm, typed, 'kept as typed when the user says no');
      answer = 'Replace';
      await vscode.commands.executeCommand('dockerNetworks.createNetworkLike', await networkNode(a, 'bridge'));
      assert.strictEqual(panel.currentForm.name, 'bridge-copy', 'replaced when the user says so');
    } finally {
      w.showWarningMessage = saved;
    }
    panel.dispose();
  });

  test('the Run form reads the images when it opens and on image events, not on every engine change', async function () {
    this.timeout(40000);
    const a = await fresh();
    a.panels.get('run')?.dispose(); // a fresh form, whatever an earlier test left
    await vscode.commands.executeCommand('dockerNetworks.runContainer');
    const panel = a.panels.get('run')!;
    await panel.whenReady(); // the first page load read the images once
    const options: { networks: string[]; images: string[] }[] = [];
    const sub = panel.onDidPost((m) => {
      if (m.type === 'options') options.push({ networks: m.options.networks.map((c) => c.value), images: m.options.images.map((c) => c.value) });
    });
    try {
      const reads = panel.imageReads;
      const n = await docker().createNetwork({ Name: 'dnf-churn', Labels: { [LABEL]: '1' } });
      await until(() => options.some((o) => o.networks.includes('dnf-churn')), 10000, 'the new network in the Run form');
      await n.remove();
      await until(() => !options[options.length - 1].networks.includes('dnf-churn'), 10000, 'the network gone from the Run form');
      assert.strictEqual(panel.imageReads, reads, 'no image list read for network changes');
      await docker().getImage(SEED_IMAGE).tag({ repo: 'dnf-tagged', tag: 'v1' });
      try {
        await until(() => options.some((o) => o.images.includes('dnf-tagged:v1')), 10000, 'the new tag in the Run form');
        assert.strictEqual(panel.imageReads, reads + 1, 'one image list read for the image event');
      } finally {
        await docker().getImage('dnf-tagged:v1').remove();
      }
    } finally {
      sub.dispose();
      panel.dispose();
    }
  });
});

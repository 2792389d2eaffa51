// Copy as Compose / Copy as Docker Commands from a network node and from Network Details, and the forms' Next free
// address and Suggest a free subnet through the path a webview request takes. Everything here carries its own label,
// name prefix (dnx-) and subnet (10.79.0.0/24).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { emptyCreateNetworkForm } from '../../src/core/forms';
import { exportCommands } from '../../src/core/exportCommands';
import { exportCompose } from '../../src/core/exportCompose';
import { api, docker, findNetwork, fresh, until } from './support';

const LABEL = 'dev.dockernetworks.exports-test';
const NET = 'dnx-net';

suite('exports and suggestions', () => {
  let netId = '';
  suiteSetup(async function () {
    this.timeout(60000);
    await cleanLabelled(docker(), LABEL);
    const n = await docker().createNetwork({
      Name: NET, Labels: { [LABEL]: '1' }, IPAM: { Config: [{ Subnet: '10.79.0.0/24', Gateway: '10.79.0.1', AuxiliaryAddresses: { router: '10.79.0.2' } }] },
    });
    netId = n.id;
    const c = await docker().createContainer({
      name: 'dnx-web', Image: SEED_IMAGE, Cmd: ['sleep', '3600'], Labels: { [LABEL]: '1' }, HostConfig: { NetworkMode: NET },
      NetworkingConfig: { EndpointsConfig: { [NET]: { IPAMConfig: { IPv4Address: '10.79.0.3' }, Aliases: ['www'] } } },
    });
    await c.start();
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    const a = await api();
    a.panels.dispose();
    a.views.getNetworkDetails(netId)?.dispose();
    await cleanLabelled(docker(), LABEL);
  });

  test('Copy as Docker Commands and Copy as Compose from the network node put the exports on the clipboard', async function () {
    this.timeout(30000);
    const a = await fresh();
    const node = await until(() => findNetwork(a, NET), 5000, `${NET} in the tree`);
    const snapshot = await a.connection.snapshot();
    const network = snapshot.networks.find((n) => n.name === NET);
    assert.ok(network);

    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('dockerNetworks.copyAsCommands', node);
    const commands = await vscode.env.clipboard.readText();
    // The list call leaves the aliases out (Docker 28): the command reads them with an inspect.
    const extras = new Map([[network.attachments[0].containerId, { aliases: ['www'] }]]);
    assert.strictEqual(commands, exportCommands(snapshot, network, extras).text);
    assert.match(commands, /--subnet 10\.79\.0\.0\/24/);
    assert.match(commands, /--ip 10\.79\.0\.3 \\\n {2}--network-alias www/);

    await vscode.commands.executeCommand('dockerNetworks.copyAsCompose', node);
    const compose = await vscode.env.clipboard.readText();
    assert.strictEqual(compose, exportCompose(snapshot, network, { extras }));
    assert.match(compose, /\n {2}dnx-web:\n/);
    assert.match(compose, /ipv4_address: "10\.79\.0\.3"/);
    assert.match(compose, /external: true\n$/);
  });

  test('Network Details has both copies as buttons', async function () {
    this.timeout(30000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showNetworkDetails', await findNetwork(a, NET));
    const view = a.views.getNetworkDetails(netId);
    assert.ok(view);
    await vscode.env.clipboard.writeText('');
    assert.ok((await view.panel.action({ action: 'copyAsCompose' })).ok);
    assert.match(await vscode.env.clipboard.readText(), /^# dnx-net: the network and a service per container/);
    assert.ok((await view.panel.action({ action: 'copyAsCommands' })).ok);
    assert.match(await vscode.env.clipboard.readText(), /^# dnx-net: the network and how each container is wired/);
    // the IPAM table names who holds each address
    assert.deepStrictEqual(view.state?.ipam[0].holders, [
      { address: '10.79.0.1', holder: 'gateway' }, { address: '10.79.0.2', holder: 'auxiliary address "router"' }, { address: '10.79.0.3', holder: 'dnx-web' },
    ]);
    view.dispose();
  });

  test('the Run form offers the next free address of its network; Create Network a free subnet', async function () {
    this.timeout(30000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.runContainer', await findNetwork(a, NET));
    const run = a.panels.get('run');
    assert.ok(run);
    assert.strictEqual(run.currentForm.network, NET);
    const next = await run.suggest(run.currentForm, 'ipv4Address');
    assert.ok(next.ok, JSON.stringify(next));
    assert.deepStrictEqual(next.result, { value: '10.79.0.4', message: '10.79.0.4: the first free address of 10.79.0.0/24 (5 in use).' });
    const noV6 = await run.suggest(run.currentForm, 'ipv6Address');
    assert.ok(noV6.ok && noV6.result.value === undefined && /does not have IPv6 enabled/.test(noV6.result.message), JSON.stringify(noV6));
    const bad = await run.suggest(run.currentForm, 'image');
    assert.ok(!bad.ok, 'a field that is not suggested is refused');
    run.dispose();

    await vscode.commands.executeCommand('dockerNetworks.createNetwork');
    const create = a.panels.get('createNetwork');
    assert.ok(create);
    const form = { ...emptyCreateNetworkForm(), ipv4: [{ subnet: '10.79.0.0/24', ipRange: '', gateway: '', auxAddresses: '' }] };
    const subnet = await create.suggest(form, 'ipv4[0].subnet');
    assert.ok(subnet.ok && subnet.result.value?.endsWith('/24'), JSON.stringify(subnet));
    const taken = (await a.connection.snapshot()).networks.flatMap((n) => n.ipam.map((c) => c.subnet));
    assert.ok(!taken.includes(subnet.result.value), `${subnet.result.value} is free`);
    create.dispose();
  });
});

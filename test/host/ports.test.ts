// Show Published Ports in the real extension host: the command opens the panel, its page loads and gets the picture,
// and the picture the host posts lists a container's published port host side first, with its exposure, and follows
// the engine (a created container asking for the same host port appears with the clash). Own containers only, on
// the private engine, labelled for cleanup.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ViewHostMessage } from '../../src/protocol/views';
import type { PortsState } from '../../src/core/portsView';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { api, docker, fresh, until } from './support';

const LABEL = 'dev.dockernetworks.ports-host-test';
const PORT = '18543';

suite('published ports panel', () => {
  suiteSetup(async function () {
    this.timeout(60000);
    await cleanLabelled(docker(), LABEL);
    const c = await docker().createContainer({
      name: 'dnh-ports-web', Image: SEED_IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: '1' }, ExposedPorts: { '80/tcp': {} },
      HostConfig: { NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: PORT }] } },
    });
    await c.start();
    await fresh();
  });
  suiteTeardown(async function () {
    this.timeout(60000);
    (await api()).views.getPorts()?.dispose();
    await cleanLabelled(docker(), LABEL);
  });

  test('dockerNetworks.showPorts opens the panel; the page gets the rows; a clash appears live', async function () {
    this.timeout(90000);
    const a = await fresh();
    await vscode.commands.executeCommand('dockerNetworks.showPorts');
    const view = a.views.getPorts();
    assert.ok(view, 'the panel is open');
    const posted: ViewHostMessage<'ports'>[] = [];
    const sub = view.panel.onDidPost((m) => { if (m.type === 'state') posted.push(m); });
    try {
      await until(() => view.panel.readyCount > 0, 30000, 'the ports page to load');
      const row = (s: PortsState | undefined, name: string) => s?.rows.find((r) => r.container.name === name);
      const web = row(view.state, 'dnh-ports-web');
      assert.ok(web, JSON.stringify(view.state?.rows.map((r) => r.mapping)));
      assert.strictEqual(web.mapping, `127.0.0.1:${PORT} → dnh-ports-web:80/tcp`);
      assert.strictEqual(web.exposure, 'loopback');
      assert.strictEqual(web.network?.name, 'bridge');
      // The engine is on this machine (a unix socket): host processes are compared, and docker-proxy's own listener
      // for this binding is not reported as one.
      assert.strictEqual(view.state?.hostChecks.available, true, view.state?.hostChecks.text);
      assert.deepStrictEqual(web.conflicts, []);

      const late = await docker().createContainer({
        name: 'dnh-ports-late', Image: SEED_IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: '1' }, ExposedPorts: { '80/tcp': {} },
        HostConfig: { NetworkMode: 'bridge', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: PORT }] } },
      });
      // Live: the created container's event rebuilds the picture, and the page is sent it.
      const s = await until(() => posted.map((m) => (m.type === 'state' ? m.state : undefined)).find((x) => row(x, 'dnh-ports-late')), 30000, 'a posted state with dnh-ports-late');
      assert.deepStrictEqual(row(s, 'dnh-ports-late')?.conflicts.map((c) => [c.kind, c.otherId]), [['willClash', (await docker().listContainers({ filters: JSON.stringify({ name: ['dnh-ports-web'] }) }))[0].Id]]);
      assert.strictEqual(row(s, 'dnh-ports-late')?.exposure, 'all');
      assert.deepStrictEqual(row(s, 'dnh-ports-web')?.conflicts.map((c) => [c.kind, c.otherId]), [['blocksStart', late.id]]);

      // A button goes the same way as the page's: Refresh answers ok.
      const reply = await view.panel.action({ action: 'refresh' });
      assert.strictEqual(reply.ok, true, JSON.stringify(reply));
    } finally {
      sub.dispose();
    }
  });
});

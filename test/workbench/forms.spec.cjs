// The form panels in the real workbench, used the way a person would: commands from the palette, fields found by
// their visible labels (getByLabel) inside the webview frames (outer iframe.webview.ready → inner
// iframe#active-frame), buttons by their names.
//   1. Create the seed's my-net (subnet, ip-range, gateway) and see it in the tree.
//   2. A gateway outside the subnet shows a field error next to Gateway, and nothing is created.
//   3. The form survives being hidden behind another editor; rows, checkboxes and helpers work from the keyboard.
//   4. Connect a container with --ip; run a container with --ip and a published port (docker inspect agrees).
// Screenshots: docs/create-network.png, docs/connect-container.png, docs/run-container.png.
// The engine may be shared with other test runs that seed up/down at any moment: my-net (which the spec must create
// through the form) carries the seed's label so that anyone's seed down removes it, while what the Connect and Run
// tests need (app-net, dnw-box) carries a label of its own, so nobody else's seed removes it underneath them.
'use strict';
const Dockerode = require('dockerode');
// the form inside the (only visible) webview panel, and a field's error: shared with zh-cn.spec.cjs
const { webviewFrame: form, fieldError } = require('./lib.cjs');

const SEED_LABEL = 'dev.dockernetworks.test';
const OWN_LABEL = 'dev.dockernetworks.wb-forms';
const IMAGE = 'localbusybox:latest';
const BOX = 'dnw-box';
const WEB = 'dnw-web';
const APP = { name: 'app-net', subnet: '10.88.0.0/16', ipRange: '10.88.5.0/24', gateway: '10.88.5.254', box: '10.88.5.20', web: '10.88.5.10' };

function docker() {
  const host = process.env.DOCKER_HOST || '';
  if (!host.startsWith('unix://')) throw new Error(`forms.spec needs DOCKER_HOST=unix://…, got ${host || '(unset)'}`);
  return new Dockerode({ socketPath: host.slice('unix://'.length) });
}

async function removeContainers(names) {
  for (const name of names) {
    try { await docker().getContainer(name).remove({ force: true }); } catch (e) { if (e.statusCode !== 404) throw e; }
  }
}

async function removeNetwork(name) {
  try { await docker().getNetwork(name).remove(); } catch (e) { if (e.statusCode !== 404) throw e; }
}

async function networkNames() {
  return (await docker().listNetworks()).map((n) => n.Name);
}

// runCommand, the webview's frame and fieldError are shared with zh-cn.spec.cjs (lib.cjs)
const runCommand = (page, lib, title) => lib.runCommand(page, title);

// pickItem too (lib.cjs)
const pickItem = (page, lib, asking, label) => lib.pickItem(page, asking, label);

/** Waits for the form with this submit button to be rendered (the init handshake happened). */
async function openForm(page, button) {
  const f = form(page);
  await f.getByRole('button', { name: button, exact: true }).waitFor({ state: 'visible', timeout: 30000 });
  return f;
}

/** Scrolls the form back to its top (the command and the button stay in view at the bottom). */
async function toTop(f) {
  await f.locator('body').evaluate(() => window.scrollTo(0, 0));
}

/** The window with the form, the mouse parked at the bottom right (the forms are long: nothing hovers there). */
const shot = (page, lib, file) => lib.screenshot(page, file, { mouse: [1390, 890], settle: 300 });

module.exports = {
  title: 'Forms: create, connect and run through the webview panels',
  async setup(ctx) {
    const { lib } = ctx;
    // The seed's my-net goes first: this spec creates it through the form. The engine is shared, so a concurrent
    // seed up/down elsewhere may be removing the same things at this moment: try again once.
    try { lib.seed('down'); } catch { await lib.sleep(2000); lib.seed('down'); }
    await removeContainers([BOX, WEB]);
    await removeNetwork(APP.name);
    const Labels = { [OWN_LABEL]: '1' };
    await docker().createNetwork({ Name: APP.name, Labels, IPAM: { Config: [{ Subnet: APP.subnet, IPRange: APP.ipRange, Gateway: APP.gateway }] } });
    const c = await docker().createContainer({ name: BOX, Image: IMAGE, Cmd: ['sleep', '3600'], Labels, HostConfig: { NetworkMode: 'bridge' } });
    await c.start();
    const { page } = await lib.openWorkbench(ctx.browser, ctx.server.url);
    ctx.page = page;
    await lib.openViewContainer(page, 'Docker Networks');
    await page.locator('.part.sidebar .monaco-list-row').first().waitFor({ state: 'visible', timeout: 30000 });
  },
  async teardown(ctx) {
    if (ctx.page) await ctx.page.context().close().catch(() => {});
    await removeContainers([BOX, WEB]);
    await removeNetwork(APP.name);
    try { ctx.lib.seed('down'); } catch { await ctx.lib.sleep(2000); ctx.lib.seed('down'); }
  },
  tests: [
    ['Create Network from the palette: fill Name, Subnet, IP range, Gateway by label, Create → my-net in the tree', async ({ page, lib }) => {
      if ((await networkNames()).includes('my-net')) throw new Error('my-net exists before the test (seed down did not remove it)');
      await runCommand(page, lib, 'Docker Networks: Create Network…');
      const f = await openForm(page, 'Create');
      await f.getByLabel('Name').fill('my-net');
      await f.getByLabel('Subnet').fill('172.28.0.0/16');
      await f.getByLabel('IP range').fill('172.28.5.0/24');
      await f.getByLabel('Gateway').fill('172.28.5.254');
      // a label, so that seed down (and anyone's seed up) removes this my-net again
      await f.getByRole('button', { name: 'Add label' }).click();
      await f.getByLabel('Label key #1').fill(SEED_LABEL);
      await f.getByLabel('Label value #1').fill('wb');
      await lib.until(async () => /--gateway 172\.28\.5\.254 .*my-net$/.test((await f.locator('#command').textContent()) || ''), 10000, 'the live command');
      await toTop(f);
      const driver = f.getByLabel('Driver');
      const drivers = await driver.locator('option').allTextContents();
      if (drivers.includes('host') || drivers.includes('null') || (await driver.inputValue()) !== 'bridge') throw new Error(`drivers: ${drivers}`);
      await shot(page, lib, 'create-network.png');
      await f.getByRole('button', { name: 'Create', exact: true }).click();
      await lib.revealRow(page, 'my-net');
      const info = await docker().getNetwork('my-net').inspect();
      const got = JSON.stringify(info.IPAM.Config);
      if (got !== JSON.stringify([{ Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254' }])) throw new Error(`IPAM ${got}`);
      // success closed the panel
      await lib.until(async () => (await page.locator('iframe.webview.ready').count()) === 0, 10000, 'the panel to close');
    }],
    ['a gateway outside the subnet shows a field error next to Gateway, and nothing is created', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Create Network…');
      const f = await openForm(page, 'Create');
      await f.getByLabel('Name').fill('my-net-2');
      await f.getByLabel('Subnet').fill('172.29.0.0/16');
      await f.getByLabel('Gateway').fill('172.30.0.1');
      const message = await lib.until(() => fieldError(f, 'Gateway'), 10000, 'a field error on Gateway');
      lib.say(`Gateway error: ${message}`);
      if (!/172\.30\.0\.1/.test(message) || !/172\.29\.0\.0\/16/.test(message)) throw new Error(`unexpected message: ${message}`);
      if (await fieldError(f, 'Subnet')) throw new Error('the subnet itself is fine');
      lib.say(`Create Network (with an error): ${JSON.stringify(await lib.checkAccessible(page, f, 'Create Network'))}`);
      // Enter in a field submits (keyboard use); the host refuses, the error stays, nothing is created
      await f.getByLabel('Gateway').press('Enter');
      await f.getByRole('alert').filter({ hasText: /problem/ }).waitFor({ state: 'visible', timeout: 10000 });
      await f.getByRole('button', { name: 'Create', exact: true }).click();
      await lib.sleep(1000);
      if ((await networkNames()).includes('my-net-2')) throw new Error('my-net-2 was created');
      if (!(await fieldError(f, 'Gateway'))) throw new Error('the Gateway error is gone');
      if ((await f.getByLabel('Name').inputValue()) !== 'my-net-2') throw new Error('the inputs were not kept');
    }],
    ['the form keeps its inputs while hidden behind another editor', async ({ page, lib }) => {
      const f = form(page);
      await runCommand(page, lib, 'File: New Untitled Text File');
      await lib.until(async () => (await page.locator('iframe.webview.ready').count()) === 0, 10000, 'the panel to be hidden');
      await runCommand(page, lib, 'View: Close Editor'); // the empty untitled file closes without a prompt; the panel shows again
      await f.getByRole('button', { name: 'Create', exact: true }).waitFor({ state: 'visible', timeout: 30000 });
      const values = [await f.getByLabel('Name').inputValue(), await f.getByLabel('Subnet').inputValue(), await f.getByLabel('Gateway').inputValue()];
      if (values.join(' ') !== 'my-net-2 172.29.0.0/16 172.30.0.1') throw new Error(`after hide/show: ${values}`);
      await lib.until(() => fieldError(f, 'Gateway'), 10000, 'the Gateway error after hide/show');
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['keyboard only: add an IPv6 row, tick Enable IPv6, set a driver option through its helper, remove the row', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Create Network…');
      const f = await openForm(page, 'Create');
      const focused = (locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);
      await lib.until(() => focused(f.getByLabel('Name')), 10000, 'Name to have the focus when the form opens');
      await page.keyboard.type('kbd-net');
      await f.getByRole('button', { name: 'Add IPv6 subnet' }).focus();
      await page.keyboard.press('Enter');
      await lib.until(() => focused(f.getByLabel('Subnet (IPv6)', { exact: true })), 10000, 'the new IPv6 Subnet to have the focus');
      await page.keyboard.type('fd00:77::/64');
      const v6 = await lib.until(() => fieldError(f, 'Enable IPv6'), 10000, 'an error on Enable IPv6');
      lib.say(`Enable IPv6 error: ${v6}`);
      await f.getByLabel('Enable IPv6').focus();
      await page.keyboard.press('Space');
      await lib.until(async () => !(await fieldError(f, 'Enable IPv6')), 10000, 'the error to go once IPv6 is enabled');
      await f.getByLabel('MTU').fill('1400');
      await lib.until(async () => /--ipv6 .*--subnet fd00:77::\/64 .*--opt com\.docker\.network\.driver\.mtu=1400 kbd-net$/.test((await f.locator('#command').textContent()) || ''), 10000, 'the live command with --ipv6, the IPv6 subnet and the MTU');
      await f.getByRole('button', { name: 'Remove IPv6 configuration #1' }).focus();
      await page.keyboard.press('Enter');
      await lib.until(async () => (await f.getByLabel('Subnet (IPv6)', { exact: true }).count()) === 0, 10000, 'the IPv6 row to go');
      await lib.until(async () => !/fd00:77/.test((await f.locator('#command').textContent()) || ''), 10000, 'the command without the IPv6 subnet');
      if ((await networkNames()).includes('kbd-net')) throw new Error('kbd-net was created without a submit');
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['Connect from the palette (pick container, pick network), IPv4 address by label, Connect → that IP', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Connect Container to Network…');
      await pickItem(page, lib, /which container/i, BOX);
      await pickItem(page, lib, /to which network/i, APP.name);
      const f = await openForm(page, 'Connect');
      if ((await f.getByLabel('Container').inputValue()) !== BOX) throw new Error('Container not prefilled');
      if ((await f.getByLabel('Network').inputValue()) !== APP.name) throw new Error('Network not prefilled');
      await f.getByLabel('IPv4 address').fill(APP.box);
      await f.getByLabel('Aliases').fill('box');
      await lib.until(async () => ((await f.locator('#command').textContent()) || '').includes(`--ip ${APP.box} --alias box ${APP.name} ${BOX}`), 10000, 'the live command');
      await toTop(f);
      await shot(page, lib, 'connect-container.png');
      lib.say(`Connect: ${JSON.stringify(await lib.checkAccessible(page, f, 'Connect'))}`);
      await f.getByRole('button', { name: 'Connect', exact: true }).click();
      const ip = await lib.until(async () => {
        const n = (await docker().getContainer(BOX).inspect()).NetworkSettings.Networks[APP.name];
        return n && n.IPAddress;
      }, 15000, `${BOX} on ${APP.name}`);
      if (ip !== APP.box) throw new Error(`${BOX} got ${ip}`);
    }],
    ['Run on a network: Image, Name, Network, IPv4 address, Host port → Container port, Run → as asked', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Run Container on Network…');
      const f = await openForm(page, 'Run');
      await f.getByLabel('Image').selectOption(IMAGE);
      await f.getByLabel('Name').fill(WEB);
      await f.getByLabel('Network').selectOption(APP.name);
      await f.getByLabel('IPv4 address').fill(APP.web);
      await f.getByLabel('Host IP').fill('127.0.0.1');
      await f.getByLabel('Host port').fill('18090');
      await f.getByLabel('Container port').fill('80');
      await f.getByLabel('Command', { exact: true }).fill('sh -c "httpd -p 80 -h /; sleep 3600"');
      await lib.until(async () => ((await f.locator('#command').textContent()) || '').includes(`--ip ${APP.web} -p 127.0.0.1:18090:80 localbusybox:latest`), 10000, 'the live command');
      // the picture shows the network and the published port (host port → container port)
      await f.locator('fieldset', { has: f.locator('legend', { hasText: /^Network$/ }) }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, lib, 'run-container.png');
      lib.say(`Run: ${JSON.stringify(await lib.checkAccessible(page, f, 'Run'))}`);
      await f.getByRole('button', { name: 'Run', exact: true }).click();
      // Run is create, then start: the address comes with the start, so wait for a running container
      const c = await lib.until(async () => {
        try {
          const info = await docker().getContainer(WEB).inspect();
          return info.State.Running && info;
        } catch { return undefined; }
      }, 20000, `${WEB} to be running`);
      const ep = c.NetworkSettings.Networks[APP.name];
      const got = { ip: ep && ep.IPAddress, ports: c.HostConfig.PortBindings };
      if (got.ip !== APP.web || JSON.stringify(got.ports) !== JSON.stringify({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18090' }] })) {
        throw new Error(`docker inspect: ${JSON.stringify(got)}`);
      }
    }],
    ['-P on an image that exposes no port: a remark under the checkbox, named by it, says -P will publish nothing (and Run is not stopped); it goes when -P is off', async ({ page, lib }) => {
      await runCommand(page, lib, 'Docker Networks: Run Container on Network…');
      const f = await openForm(page, 'Run');
      await f.getByLabel('Image').selectOption(IMAGE);
      const all = f.getByLabel('Publish all exposed ports');
      await all.check();
      const note = f.locator('#f-publishAll-note');
      const said = await lib.until(async () => (await note.isVisible()) && (await note.textContent()), 15000, 'the remark under -P');
      if (!/^localbusybox:latest exposes no ports \(no EXPOSE in the image\): -P will publish nothing\./.test(said)) throw new Error(`the remark: ${said}`);
      const described = await all.getAttribute('aria-describedby');
      if (!(described || '').split(' ').includes('f-publishAll-note')) throw new Error(`-P's aria-describedby: ${described}`);
      // a remark is no error: the checkbox is not marked invalid, and the command still says -P
      if (await all.getAttribute('aria-invalid')) throw new Error('-P marked invalid');
      await lib.until(async () => ((await f.locator('#command').textContent()) || '').includes(' -P '), 10000, '-P in the live command');
      await all.uncheck();
      await lib.until(async () => (await note.count()) === 0, 10000, 'the remark gone with -P off');
      await runCommand(page, lib, 'View: Close All Editors');
    }],
    ['an engine update while typing in the Run form is drawn around the field under the caret: the new network is a choice at once, while the field stays the same element, never blurred (value, caret)', async ({ page, lib }) => {
      const NET = 'dn-typing-net';
      await removeNetwork(NET);
      await runCommand(page, lib, 'Docker Networks: Run Container on Network…');
      const f = await openForm(page, 'Run');
      const name = f.getByLabel('Name');
      await name.click();
      await name.fill('');
      await page.keyboard.type('dn-typ');
      // a mark on the element being typed in: a page rendered again would replace it, and the blur that goes with
      // that ends an IME composition and its undo history
      await name.evaluate((el) => { el.dnMark = 'kept'; el.addEventListener('blur', () => { el.dnBlurred = true; }); });
      await docker().createNetwork({ Name: NET, Labels: { [OWN_LABEL]: '1' } });
      try {
        // the rest of the form follows the engine while the caret stays in Name
        await lib.until(async () => (await f.getByLabel('Network').locator('option').allTextContents()).some((o) => o.startsWith(NET)), 10000, `${NET} among the Network choices while typing`);
        await page.keyboard.type('ing');
        const got = await name.evaluate((el) => ({ value: el.value, caret: el.selectionStart, mark: el.dnMark, blurred: el.dnBlurred === true, focused: document.activeElement === el }));
        if (got.value !== 'dn-typing' || got.caret !== 9 || got.mark !== 'kept' || got.blurred || !got.focused) throw new Error(`while typing through an update: ${JSON.stringify(got)}`);
      } finally {
        await removeNetwork(NET);
      }
      await runCommand(page, lib, 'View: Close All Editors');
    }],
  ],
};

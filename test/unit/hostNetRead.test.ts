// The docker layer's reads of this machine's /proc/net (src/docker/hostNet.ts), against a /proc made of the
// captured tables in a temporary folder: what it reads, what a remote engine gets, and an unreadable table.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHostRoutes, readListeners } from '../../src/docker/hostNet';
import { resolveEndpoint } from '../../src/core/endpoint';

const root = mkdtempSync(join(tmpdir(), 'dn-proc-'));
mkdirSync(join(root, 'net'));
for (const f of ['tcp', 'tcp6', 'route', 'ipv6_route', 'if_inet6']) copyFileSync(join(__dirname, '..', 'fixtures', 'proc', `${f}.txt`), join(root, 'net', f));
const empty = mkdtempSync(join(tmpdir(), 'dn-proc-empty-'));
const local = resolveEndpoint({ setting: 'unix:///run/docker.sock', env: {}, platform: 'linux' });
const remote = resolveEndpoint({ setting: 'tcp://192.0.2.7:2375', env: {}, platform: 'linux' });

describe('reading /proc/net', () => {
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  test('listeners of a local engine: the captured LISTEN socket', async () => {
    assert.deepEqual(await readListeners(local, root), { available: true, listeners: [{ family: 'ipv4', address: '0.0.0.0', port: 2024 }] });
  });

  test('routes of a local engine: both families', async () => {
    const r = await readHostRoutes(local, root);
    assert.ok(r.available);
    assert.ok(r.facts.routes.some((x) => x.iface === 'eth0' && x.cidr === '192.0.2.0/24'));
    assert.ok(r.facts.routes.some((x) => x.family === 'ipv6' && x.cidr === 'fd00::/64'));
  });

  test('a remote engine: not read, and said so', async () => {
    const l = await readListeners(remote, root);
    assert.equal(l.available, false);
    assert.match(l.available ? '' : l.reason, /not available for a remote engine \(tcp:\/\/192\.0\.2\.7:2375\)/);
    assert.equal((await readHostRoutes(remote, root)).available, false);
  });

  test('an unreadable table: not guessed, said so', async () => {
    const l = await readListeners(local, empty);
    assert.match(l.available ? '' : l.reason, /net\/tcp cannot be read here/);
    const r = await readHostRoutes(local, empty);
    assert.match(r.available ? '' : r.reason, /net\/route cannot be read here/);
  });
});

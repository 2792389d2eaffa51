// An ssh:// endpoint for real: OpenSSH on 127.0.0.1 with key auth, the private engine on the far side.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveEndpoint } from '../../src/core/endpoint';
import { EngineError } from '../../src/core/errors';
import { Engine } from '../../src/docker/client';
import { takeSnapshot } from '../../src/docker/snapshot';
import { startSshServer, type SshServer } from '../support/sshServer';
import { dockerHost } from './support';

describe('ssh endpoint (ssh://root@127.0.0.1:port)', () => {
  let server: SshServer;
  before(async () => {
    server = await startSshServer(dockerHost());
  });
  after(async () => server.close());

  const engine = (knownHosts: string, key: string): Engine => {
    const kh = path.join(server.dir, `known_hosts_${Math.random().toString(36).slice(2)}`);
    writeFileSync(kh, knownHosts);
    const resolved = resolveEndpoint({ setting: `ssh://root@127.0.0.1:${server.port}`, env: {}, platform: 'linux' });
    return new Engine(resolved, { ssh: { knownHostsPath: kh, identityFiles: [key] }, timeoutMs: 20_000 });
  };

  test('with a trusted host key and an accepted user key, the snapshot works over ssh', async () => {
    const s = await takeSnapshot(engine(server.knownHostsLine, server.goodKey));
    assert.ok(s.networks.some((n) => n.name === 'bridge'));
  });

  test('an unknown host key is refused, and the message says how to accept it', async () => {
    const err = await engine('', server.goodKey).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'ssh');
    assert.match(err.message, /not in .*known_hosts/);
    assert.match(err.message, new RegExp(`ssh -p ${server.port} 127\\.0\\.0\\.1`));
  });

  test('a changed host key is refused as a possible interception', async () => {
    const forged = server.knownHostsLine.replace(/ssh-ed25519 \S+/, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake');
    const err = await engine(forged, server.goodKey).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'ssh');
    assert.match(err.message, /does not match/);
  });

  test('a key the server does not accept gives an authentication message, not the docker-group advice', async () => {
    const err = await engine(server.knownHostsLine, server.badKey).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'permission');
    assert.match(err.message, /SSH authentication/);
    assert.doesNotMatch(err.message, /docker group/);
  });
});

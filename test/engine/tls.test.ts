// A TLS endpoint for real: mutual TLS with certificates made by openssl, in front of the private engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { EngineError } from '../../src/core/errors';
import { Engine } from '../../src/docker/client';
import { readTls, resolveFromMachine, thisMachine } from '../../src/docker/endpointFiles';
import { takeSnapshot } from '../../src/docker/snapshot';
import { socketOf } from '../support/countingProxy';
import { makeTlsMaterial, startTlsEngine, type TlsEngine, type TlsMaterial } from '../support/tlsEngine';

describe('TLS endpoint (DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH)', () => {
  let m: TlsMaterial;
  let server: TlsEngine;

  before(async () => {
    m = makeTlsMaterial();
    server = await startTlsEngine(m, socketOf(process.env.DOCKER_HOST));
  });
  after(async () => server.close());

  const engineWith = (certDir: string): Engine => {
    const env = { DOCKER_HOST: `tcp://127.0.0.1:${server.port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certDir };
    // resolved and read as the extension does it (src/host/connection.ts): the machine's env, the files in DOCKER_CERT_PATH
    const resolved = resolveFromMachine(undefined, undefined, { ...thisMachine(), env });
    assert.equal(resolved.endpoint.kind === 'tcp' && resolved.endpoint.tls, true, 'DOCKER_TLS_VERIFY turns TLS on');
    return new Engine(resolved, { tls: readTls(resolved), timeoutMs: 5000 });
  };

  test('with the right certificates, the snapshot works over TLS', async () => {
    const s = await takeSnapshot(engineWith(m.clientDir));
    assert.ok(s.networks.some((n) => n.name === 'bridge'));
  });

  test('a server certificate from another CA does not verify, and the message names ca.pem', async () => {
    const err = await engineWith(m.rogueDir).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'tls');
    assert.match(err.message, /ca\.pem/);
  });

  test('a client certificate without its key is refused before connecting, naming key.pem', () => {
    rmSync(path.join(m.clientDir, 'key.pem'));
    assert.throws(() => engineWith(m.clientDir), /key\.pem/);
  });

  test('no client certificate at all is refused by the engine, and the message names cert.pem and key.pem', async () => {
    rmSync(path.join(m.clientDir, 'cert.pem'));
    const err = await engineWith(m.clientDir).ping().then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof EngineError, String(err));
    assert.equal(err.kind, 'tls', err.message);
    assert.match(err.message, /cert\.pem and key\.pem/);
  });
});

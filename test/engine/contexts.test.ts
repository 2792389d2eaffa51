// Docker contexts made by the real docker CLI (`docker context create`), resolved by our code, used for real.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveFromMachine, readTls, thisMachine } from '../../src/docker/endpointFiles';
import { Engine } from '../../src/docker/client';
import { takeSnapshot } from '../../src/docker/snapshot';
import { ContextError } from '../../src/core/contexts';
import { dockerHost } from './support';

describe('docker contexts (created with the docker CLI)', () => {
  let config: string;
  const cli = (...args: string[]): string =>
    execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: config, DOCKER_HOST: '', DOCKER_CONTEXT: '' }, encoding: 'utf8' });
  // What the extension host would see on a machine where the user ran those commands.
  const machine = (env: Record<string, string>) => ({ ...thisMachine(), env: { HOME: process.env.HOME, DOCKER_CONFIG: config, ...env } });

  before(() => {
    config = mkdtempSync(path.join(tmpdir(), 'dn-ctx-'));
    cli('context', 'create', 'dn-private', '--description', 'the private test engine', '--docker', `host=${dockerHost()}`);
    cli('context', 'create', 'dn-nowhere', '--docker', 'host=unix:///nonexistent/dn.sock');
  });
  after(() => rmSync(config, { recursive: true, force: true }));

  test('`docker context use` makes it the current context, and the snapshot goes there', async () => {
    cli('context', 'use', 'dn-private');
    const r = resolveFromMachine(undefined, undefined, machine({}));
    assert.equal(r.source, 'config-context');
    assert.equal(r.contextName, 'dn-private');
    assert.equal(r.display, dockerHost());
    assert.match(r.explain, /dn-private/);
    const s = await takeSnapshot(new Engine(r, { tls: readTls(r) }));
    assert.ok(s.networks.some((n) => n.name === 'bridge'));
  });

  test('DOCKER_CONTEXT wins over the current context; the extension’s own context setting wins over both', () => {
    cli('context', 'use', 'dn-private');
    const byEnv = resolveFromMachine(undefined, undefined, machine({ DOCKER_CONTEXT: 'dn-nowhere' }));
    assert.equal(byEnv.source, 'DOCKER_CONTEXT');
    assert.equal(byEnv.display, 'unix:///nonexistent/dn.sock');
    const bySetting = resolveFromMachine(undefined, 'dn-private', machine({ DOCKER_CONTEXT: 'dn-nowhere' }));
    assert.equal(bySetting.source, 'context-setting');
    assert.equal(bySetting.display, dockerHost());
  });

  test('an unknown context name says how to list the real ones', () => {
    assert.throws(() => resolveFromMachine(undefined, 'dn-typo', machine({})), (e: unknown) => {
      assert.ok(e instanceof ContextError);
      assert.match(e.message, /dn-typo/);
      assert.match(e.message, /docker context ls/);
      return true;
    });
  });
});

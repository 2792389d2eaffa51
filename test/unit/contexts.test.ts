// Endpoint resolution the docker CLI's way, on fixture DOCKER_CONFIG folders (test/fixtures/docker-config/*; their
// context folders are the real sha256 of the names, as `docker context create` writes them).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent as HttpsAgent } from 'node:https';
import {
  ContextError, DOCKER_DEFAULT_SOCKET, PODMAN_ROOTFUL_SOCKET, contextStoreId, dockerConfigDir, listContexts,
  resolveDockerEndpoint, type ContextProblem, type DockerMachine, type ResolveInput,
} from '../../src/core/contexts';
import { EndpointConfigError, explainEndpoint, resolveEndpoint, type ResolvedEndpoint } from '../../src/core/endpoint';
import { dockerodeOptions } from '../../src/docker/client';
import { listContextsOnMachine, readTls, resolveFromMachine, thisMachine } from '../../src/docker/endpointFiles';

const FIX = path.resolve(__dirname, '../fixtures/docker-config');
const cfg = (name: string): string => path.join(FIX, name);
/** A home folder with no .docker in it, so nothing leaks in from the machine running the tests. */
const EMPTY_HOME = path.join(FIX, 'no-such-home');
const HOME = path.join(FIX, 'home');
const XDG = '/run/user/1000';
const XDG_PODMAN = `${XDG}/podman/podman.sock`;

interface MachineOptions {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
  /** Sockets (outside the fixtures) that exist; Docker's default socket unless told otherwise. */
  sockets?: string[];
  /** In-memory files, on top of the fixtures. */
  files?: Record<string, string>;
  /** Files that exist but cannot be read. */
  unreadable?: string[];
}

/** The real file system for the fixture folders (through endpointFiles' own functions), nothing else. */
function machine(o: MachineOptions = {}): DockerMachine {
  const real = thisMachine();
  const files = o.files ?? {};
  const unreadable = new Set(o.unreadable ?? []);
  const sockets = new Set(o.sockets ?? [DOCKER_DEFAULT_SOCKET]);
  const inFixtures = (p: string): boolean => p.startsWith(`${FIX}/`);
  return {
    env: o.env ?? {},
    platform: o.platform ?? 'linux',
    homeDir: o.home ?? EMPTY_HOME,
    readFile: (p) => (unreadable.has(p) ? undefined : files[p] ?? (inFixtures(p) ? real.readFile(p) : undefined)),
    exists: (p) => p in files || unreadable.has(p) || sockets.has(p) || (inFixtures(p) && real.exists(p)),
    listDir: (p) => (inFixtures(p) ? real.listDir(p) : undefined),
  };
}

const resolve = (o: MachineOptions & { setting?: string; contextSetting?: string } = {}): ResolvedEndpoint =>
  resolveDockerEndpoint({ ...machine(o), setting: o.setting, contextSetting: o.contextSetting });

function throwsContextError(fn: () => unknown, problem: ContextProblem, ...fragments: string[]): ContextError {
  let caught: ContextError | undefined;
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ContextError, `not a ContextError: ${String(err)}`);
    assert.ok(err instanceof EndpointConfigError, 'a ContextError is an EndpointConfigError, so existing handling catches it');
    assert.equal(err.problem, problem, err.message);
    for (const f of fragments) assert.ok(err.message.includes(f), `"${f}" missing from: ${err.message}`);
    caught = err;
    return true;
  });
  assert.ok(caught);
  return caught;
}

const tlsDir = (config: string, name: string): string => path.join(cfg(config), 'contexts', 'tls', contextStoreId(name), 'docker');
const metaFile = (config: string, name: string): string => path.join(cfg(config), 'contexts', 'meta', contextStoreId(name), 'meta.json');

describe('the context store', () => {
  test('folder names are the sha256 of the context name, as the docker CLI writes them', () => {
    assert.equal(contextStoreId('remote'), 'b71199ebd070b36beab7317920c2c2f1d777df8d05e5527d8458fda57cb17a7a');
    assert.equal(contextStoreId('default'), '37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f');
    for (const name of ['remote', 'plain', 'over-ssh', 'ca-only', 'rootless']) {
      assert.ok(existsSync(metaFile('tls-current', name)), name);
    }
  });

  test('DOCKER_CONFIG, else ~/.docker (a blank DOCKER_CONFIG counts as unset)', () => {
    assert.equal(dockerConfigDir({ env: { DOCKER_CONFIG: '/etc/dc' }, platform: 'linux', homeDir: '/home/me' }), '/etc/dc');
    assert.equal(dockerConfigDir({ env: { DOCKER_CONFIG: ' ' }, platform: 'linux', homeDir: '/home/me' }), '/home/me/.docker');
    assert.equal(dockerConfigDir({ env: {}, platform: 'win32', homeDir: 'C:\\Users\\me' }), 'C:\\Users\\me\\.docker');
  });
});

describe('resolveDockerEndpoint: 1. the extension settings', () => {
  const everythingElse = { DOCKER_HOST: 'tcp://10.9.9.9:2375', DOCKER_CONTEXT: 'plain', DOCKER_CONFIG: cfg('tls-current') };

  test('dockerNetworks.host wins over DOCKER_HOST, DOCKER_CONTEXT and the current context', () => {
    assert.deepEqual(resolve({ setting: ' unix:///srv/docker.sock ', env: everythingElse }), {
      endpoint: { kind: 'unix', socketPath: '/srv/docker.sock' },
      source: 'setting',
      display: 'unix:///srv/docker.sock',
      explain: 'from the dockerNetworks.host setting',
    });
  });

  test('an https:// setting is TLS with verification and no client certificate', () => {
    const r = resolve({ setting: 'https://engine.example.com', env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: cfg('certs') } });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'engine.example.com', port: 2376, tls: true });
    assert.deepEqual(r.tls, { skipVerify: false });
  });

  test('a bad setting is an EndpointConfigError naming the setting', () => {
    assert.throws(() => resolve({ setting: 'localhost:2375' }),
      (err: unknown) => err instanceof EndpointConfigError && err.origin === 'setting' && /dockerNetworks\.host setting/.test(err.message));
  });

  test('dockerNetworks.context wins over DOCKER_HOST, DOCKER_CONTEXT and the current context', () => {
    const r = resolve({ contextSetting: 'over-ssh', env: everythingElse });
    assert.deepEqual(r, {
      endpoint: { kind: 'ssh', host: 'build-host', port: 2222, username: 'deploy' },
      source: 'context-setting',
      display: 'ssh://deploy@build-host:2222',
      contextName: 'over-ssh',
      explain: 'from the dockerNetworks.context setting (context "over-ssh")',
    });
  });

  test('both settings at once is refused, as the docker CLI refuses --host with --context', () => {
    throwsContextError(() => resolve({ setting: 'tcp://h:2375', contextSetting: 'plain' }), 'conflicting-settings',
      'dockerNetworks.host ("tcp://h:2375")', 'dockerNetworks.context ("plain")', 'Clear one');
  });

  test('dockerNetworks.context "default" means no context: DOCKER_HOST, else the default socket (never DOCKER_CONTEXT or the current context)', () => {
    const withHost = resolve({ contextSetting: 'default', env: everythingElse });
    assert.equal(withHost.source, 'DOCKER_HOST');
    assert.equal(withHost.display, 'tcp://10.9.9.9:2375');
    assert.equal(withHost.contextName, 'default');
    assert.match(explainEndpoint(withHost), /^from the DOCKER_HOST variable: the dockerNetworks\.context setting selects the "default" context$/);

    const noHost = resolve({ contextSetting: 'default', env: { DOCKER_CONTEXT: 'plain', DOCKER_CONFIG: cfg('tls-current') } });
    assert.equal(noHost.source, 'default');
    assert.equal(noHost.display, 'unix:///var/run/docker.sock');
    assert.equal(noHost.contextName, 'default');
    assert.match(explainEndpoint(noHost), /dockerNetworks\.context setting selects the "default" context/);
  });

  test('an empty or blank setting is no setting', () => {
    for (const blank of ['', '  ']) {
      assert.equal(resolve({ setting: blank, contextSetting: blank, env: { DOCKER_HOST: 'tcp://h:2375' } }).source, 'DOCKER_HOST');
    }
  });
});

describe('resolveDockerEndpoint: 2. DOCKER_HOST', () => {
  test('wins over DOCKER_CONTEXT and the current context, which are not even read', () => {
    // malformed-config holds a config.json the CLI cannot parse: DOCKER_HOST must not need it.
    const r = resolve({ env: { DOCKER_HOST: 'tcp://10.0.0.2:2375', DOCKER_CONTEXT: 'nope', DOCKER_CONFIG: cfg('malformed-config') } });
    assert.deepEqual(r, {
      endpoint: { kind: 'tcp', host: '10.0.0.2', port: 2375, tls: false },
      source: 'DOCKER_HOST',
      display: 'tcp://10.0.0.2:2375',
      contextName: 'default',
      explain: 'from the DOCKER_HOST variable',
    });
  });

  test('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH: TLS with the three files of that folder', () => {
    const certs = cfg('certs');
    const r = resolve({ env: { DOCKER_HOST: 'tcp://secure.example.com', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs } });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'secure.example.com', port: 2376, tls: true });
    assert.deepEqual(r.tls, {
      caPath: path.join(certs, 'ca.pem'), certPath: path.join(certs, 'cert.pem'), keyPath: path.join(certs, 'key.pem'), skipVerify: false,
    });
    assert.equal(r.explain, `from the DOCKER_HOST variable: with TLS certificates from ${certs}`);
  });

  test('DOCKER_TLS_VERIFY without DOCKER_CERT_PATH: the certificates in ~/.docker', () => {
    const r = resolve({ home: HOME, env: { DOCKER_HOST: 'tcp://secure.example.com:2376', DOCKER_TLS_VERIFY: '1' } });
    const dir = path.join(HOME, '.docker');
    assert.deepEqual(r.tls, {
      caPath: path.join(dir, 'ca.pem'), certPath: path.join(dir, 'cert.pem'), keyPath: path.join(dir, 'key.pem'), skipVerify: false,
    });
    assert.equal(r.explain, 'from the DOCKER_HOST variable: with TLS certificates from ~/.docker');
  });

  test('DOCKER_TLS_VERIFY and a folder with no certificates: TLS, verified against the system roots', () => {
    const r = resolve({ env: { DOCKER_HOST: 'tcp://secure.example.com:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONFIG: cfg('no-current') } });
    assert.deepEqual(r.tls, { skipVerify: false });
    assert.equal(r.explain, 'from the DOCKER_HOST variable: with TLS');
  });

  test('a client certificate without its key is an error naming the key file', () => {
    const dir = cfg('certs-missing-key');
    assert.throws(() => resolve({ env: { DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir } }), (err: unknown) => {
      assert.ok(err instanceof EndpointConfigError);
      assert.equal(err.origin, 'DOCKER_HOST');
      assert.ok(err.message.includes(`${path.join(dir, 'key.pem')} is missing`), err.message);
      assert.match(err.message, /DOCKER_CERT_PATH/);
      return true;
    });
  });

  test('without TLS, DOCKER_CERT_PATH is not used; https:// turns TLS on without DOCKER_TLS_VERIFY', () => {
    const plain = resolve({ env: { DOCKER_HOST: 'tcp://h:2375', DOCKER_CERT_PATH: cfg('certs-missing-key') } });
    assert.equal(plain.tls, undefined);
    const https = resolve({ env: { DOCKER_HOST: 'https://h:2376', DOCKER_CERT_PATH: cfg('certs') } });
    assert.equal(https.tls?.keyPath, path.join(cfg('certs'), 'key.pem'));
    assert.equal(https.tls?.skipVerify, false);
    assert.deepEqual(resolve({ env: { DOCKER_HOST: 'https://h:2376' } }).tls, { skipVerify: false });
  });

  test('agrees with resolveEndpoint (the file-free chain) on the endpoint', () => {
    for (const env of [{ DOCKER_HOST: 'tcp://h' }, { DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '0' }, { DOCKER_HOST: 'ssh://u@h' }]) {
      assert.deepEqual(resolve({ env }).endpoint, resolveEndpoint({ env, platform: 'linux' }).endpoint);
    }
  });

  test('a bad DOCKER_HOST is reported, not replaced by a context', () => {
    assert.throws(() => resolve({ env: { DOCKER_HOST: 'localhost', DOCKER_CONFIG: cfg('tls-current') } }),
      (err: unknown) => err instanceof EndpointConfigError && err.origin === 'DOCKER_HOST');
  });
});

describe('resolveDockerEndpoint: 3. DOCKER_CONTEXT', () => {
  test('wins over the current context', () => {
    assert.deepEqual(resolve({ env: { DOCKER_CONTEXT: 'plain', DOCKER_CONFIG: cfg('tls-current') } }), {
      endpoint: { kind: 'tcp', host: '10.0.0.7', port: 2375, tls: false },
      source: 'DOCKER_CONTEXT',
      display: 'tcp://10.0.0.7:2375',
      contextName: 'plain',
      explain: 'from the DOCKER_CONTEXT variable (context "plain")',
    });
  });

  test('does not read config.json, so a malformed one does not matter', () => {
    const r = resolve({ env: { DOCKER_CONTEXT: 'ok', DOCKER_CONFIG: cfg('malformed-config') } });
    assert.equal(r.display, 'tcp://ok.example.com:2375');
  });

  test('"default" is the default socket, not the current context', () => {
    const r = resolve({ env: { DOCKER_CONTEXT: 'default', DOCKER_CONFIG: cfg('tls-current') } });
    assert.equal(r.source, 'default');
    assert.equal(r.display, 'unix:///var/run/docker.sock');
    assert.equal(r.contextName, 'default');
    assert.equal(r.explain, 'Docker\'s default socket: the DOCKER_CONTEXT variable selects the "default" context');
  });

  test('a unix context', () => {
    const r = resolve({ env: { DOCKER_CONTEXT: 'rootless', DOCKER_CONFIG: cfg('tls-current') } });
    assert.deepEqual(r.endpoint, { kind: 'unix', socketPath: '/run/user/1000/docker.sock' });
    assert.equal(r.tls, undefined);
  });
});

describe('resolveDockerEndpoint: 4. the current context in config.json', () => {
  test('a TLS context: https, the three files of its tls folder, verification on', () => {
    const dir = tlsDir('tls-current', 'remote');
    assert.deepEqual(resolve({ env: { DOCKER_CONFIG: cfg('tls-current') } }), {
      endpoint: { kind: 'tcp', host: 'remote.example.com', port: 2376, tls: true },
      source: 'config-context',
      display: 'https://remote.example.com:2376',
      contextName: 'remote',
      tls: { caPath: path.join(dir, 'ca.pem'), certPath: path.join(dir, 'cert.pem'), keyPath: path.join(dir, 'key.pem'), skipVerify: false },
      explain: `from the current context in ${path.join(cfg('tls-current'), 'config.json')} (context "remote")`,
    });
  });

  test('DOCKER_CONFIG unset: ~/.docker/config.json, shown with ~', () => {
    const r = resolve({ home: HOME });
    assert.equal(r.source, 'config-context');
    assert.equal(r.contextName, 'homectx');
    assert.equal(r.display, 'unix:///home/ctx.sock');
    assert.equal(r.explain, 'from the current context in ~/.docker/config.json (context "homectx")');
  });

  test('a CA without a client certificate: TLS that verifies the engine, and port 443 when the host has none (as the CLI dials)', () => {
    const r = resolve({ env: { DOCKER_CONTEXT: 'ca-only', DOCKER_CONFIG: cfg('tls-current') } });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'ca-only.example.com', port: 443, tls: true });
    assert.deepEqual(r.tls, { caPath: path.join(tlsDir('tls-current', 'ca-only'), 'ca.pem'), skipVerify: false });
  });

  test('a plain tcp context with no port dials port 80, as the docker CLI does', () => {
    const dir = '/cfg';
    const r = resolve({
      env: { DOCKER_CONFIG: dir },
      files: {
        '/cfg/config.json': '{"currentContext":"bare"}',
        [`/cfg/contexts/meta/${contextStoreId('bare')}/meta.json`]: '{"Name":"bare","Endpoints":{"docker":{"Host":"tcp://bare.example.com"}}}',
      },
    });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'bare.example.com', port: 80, tls: false });
  });

  test('SkipTLSVerify: the only way verification is turned off, and the explanation says so', () => {
    const r = resolve({ env: { DOCKER_CONFIG: cfg('skip-verify') } });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'insecure.example.com', port: 443, tls: true });
    assert.deepEqual(r.tls, { skipVerify: true });
    assert.match(r.explain ?? '', /\(context "insecure"\): without verifying the engine's certificate \(the context says SkipTLSVerify\)$/);
    for (const name of ['remote', 'ca-only']) {
      assert.equal(resolve({ env: { DOCKER_CONTEXT: name, DOCKER_CONFIG: cfg('tls-current') } }).tls?.skipVerify, false, name);
    }
    assert.equal(resolve({ setting: 'https://h' }).tls?.skipVerify, false);
    assert.equal(resolve({ env: { DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1' } }).tls?.skipVerify, false);
  });

  test('currentContext "default", absent, empty, or no config.json at all: the default socket', () => {
    const r = resolve({ env: { DOCKER_CONFIG: cfg('default-current') } });
    assert.equal(r.source, 'default');
    assert.equal(r.explain, `Docker's default socket: the current context in ${path.join(cfg('default-current'), 'config.json')} is "default"`);
    for (const config of ['no-current', 'no-such-config-dir']) {
      const d = resolve({ env: { DOCKER_CONFIG: cfg(config) } });
      assert.equal(d.source, 'default', config);
      assert.equal(d.explain, "Docker's default socket: nothing else is set (no dockerNetworks setting, DOCKER_HOST, DOCKER_CONTEXT or current context)");
    }
    const empty = resolve({ env: { DOCKER_CONFIG: '/cfg' }, files: { '/cfg/config.json': '{"currentContext":""}' } });
    assert.equal(empty.source, 'default');
  });

  test('a byte-order mark before the JSON is tolerated', () => {
    const r = resolve({
      env: { DOCKER_CONFIG: '/cfg' },
      files: {
        '/cfg/config.json': '\ufeff{"currentContext":"bom"}',
        [`/cfg/contexts/meta/${contextStoreId('bom')}/meta.json`]: '\ufeff{"Name":"bom","Endpoints":{"docker":{"Host":"unix:///bom.sock"}}}',
      },
    });
    assert.equal(r.display, 'unix:///bom.sock');
  });
});

describe('resolveDockerEndpoint: 5 and 6. the default socket, then Podman', () => {
  test('Docker\'s socket when it exists, even when Podman\'s does too', () => {
    const r = resolve({ env: { XDG_RUNTIME_DIR: XDG }, sockets: [DOCKER_DEFAULT_SOCKET, XDG_PODMAN, PODMAN_ROOTFUL_SOCKET] });
    assert.deepEqual(r, {
      endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' },
      source: 'default',
      display: 'unix:///var/run/docker.sock',
      contextName: 'default',
      explain: "Docker's default socket: nothing else is set (no dockerNetworks setting, DOCKER_HOST, DOCKER_CONTEXT or current context)",
    });
  });

  test('rootless Podman ($XDG_RUNTIME_DIR/podman/podman.sock) first, when Docker\'s socket is absent', () => {
    const r = resolve({ env: { XDG_RUNTIME_DIR: XDG }, sockets: [XDG_PODMAN, PODMAN_ROOTFUL_SOCKET] });
    assert.equal(r.source, 'podman');
    assert.deepEqual(r.endpoint, { kind: 'unix', socketPath: XDG_PODMAN });
    assert.equal(r.contextName, 'default');
    assert.match(r.explain ?? '', /^Podman's socket, because Docker's default socket \/var\/run\/docker\.sock does not exist/);
  });

  test('then rootful Podman (/run/podman/podman.sock), also without XDG_RUNTIME_DIR', () => {
    for (const env of [{ XDG_RUNTIME_DIR: XDG }, {}]) {
      const r = resolve({ env, sockets: [PODMAN_ROOTFUL_SOCKET] });
      assert.equal(r.source, 'podman');
      assert.equal(r.display, 'unix:///run/podman/podman.sock');
    }
  });

  test('an explicit "default" context may fall back to Podman too', () => {
    assert.equal(resolve({ env: { DOCKER_CONTEXT: 'default' }, sockets: [PODMAN_ROOTFUL_SOCKET] }).source, 'podman');
  });

  test('no socket at all: Docker\'s default, and the explanation says what was looked for', () => {
    const r = resolve({ env: { XDG_RUNTIME_DIR: XDG }, sockets: [] });
    assert.equal(r.source, 'default');
    assert.equal(r.display, 'unix:///var/run/docker.sock');
    assert.ok(r.explain?.endsWith(`it does not exist, and neither does a Podman socket (${XDG_PODMAN}, ${PODMAN_ROOTFUL_SOCKET})`), r.explain);
  });

  test('Windows: the named pipe, never a Podman socket', () => {
    const r = resolve({ platform: 'win32', home: 'C:\\Users\\me', sockets: [PODMAN_ROOTFUL_SOCKET] });
    assert.deepEqual(r, {
      endpoint: { kind: 'npipe', pipePath: '//./pipe/docker_engine' },
      source: 'default',
      display: 'npipe:////./pipe/docker_engine',
      contextName: 'default',
      explain: "Docker's default pipe: nothing else is set (no dockerNetworks setting, DOCKER_HOST, DOCKER_CONTEXT or current context)",
    });
  });

  test('Windows: contexts under %USERPROFILE%\\.docker, with Windows paths for the TLS files', () => {
    const id = contextStoreId('win');
    const base = `C:\\Users\\me\\.docker\\contexts`;
    const r = resolve({
      platform: 'win32',
      home: 'C:\\Users\\me',
      files: {
        'C:\\Users\\me\\.docker\\config.json': '{"currentContext":"win"}',
        [`${base}\\meta\\${id}\\meta.json`]: '{"Name":"win","Endpoints":{"docker":{"Host":"tcp://win.example.com:2376"}}}',
        [`${base}\\tls\\${id}\\docker\\ca.pem`]: 'ca',
      },
    });
    assert.equal(r.display, 'https://win.example.com:2376');
    assert.deepEqual(r.tls, { caPath: `${base}\\tls\\${id}\\docker\\ca.pem`, skipVerify: false });
    assert.equal(r.explain, 'from the current context in C:\\Users\\me\\.docker\\config.json (context "win")');
  });
});

describe('resolveDockerEndpoint: errors name the fix', () => {
  test('an unknown context, for each way of choosing it', () => {
    const env = { DOCKER_CONFIG: cfg('tls-current') };
    const contexts = path.join(cfg('tls-current'), 'contexts');
    throwsContextError(() => resolve({ env: { ...env, DOCKER_CONTEXT: 'nope' } }), 'not-found',
      `Docker context "nope" (chosen by the DOCKER_CONTEXT variable) not found in ${contexts}; \`docker context ls\` lists them.`,
      'Set DOCKER_CONTEXT to one of them, or unset it.');
    const fromSetting = throwsContextError(() => resolve({ env, contextSetting: 'nope' }), 'not-found',
      'chosen in the dockerNetworks.context setting', 'Switch Docker Context…');
    assert.equal(fromSetting.origin, 'context-setting');
    assert.equal(fromSetting.contextName, 'nope');
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: '/cfg' }, files: { '/cfg/config.json': '{"currentContext":"gone"}' } }),
      'not-found', 'the current context in /cfg/config.json', '`docker context use default`');
  });

  test('an unknown context under ~/.docker says ~/.docker/contexts', () => {
    throwsContextError(() => resolve({ home: HOME, env: { DOCKER_CONTEXT: 'x' } }), 'not-found',
      'Docker context "x" (chosen by the DOCKER_CONTEXT variable) not found in ~/.docker/contexts; `docker context ls` lists them.');
  });

  test('an unreadable meta.json', () => {
    const file = metaFile('tls-current', 'plain');
    const err = throwsContextError(() => resolve({ env: { DOCKER_CONFIG: cfg('tls-current'), DOCKER_CONTEXT: 'plain' }, unreadable: [file] }),
      'unreadable', file, 'cannot be read', 'permissions');
    assert.equal(err.path, file);
  });

  test('a malformed meta.json', () => {
    const file = metaFile('broken-contexts', 'broken');
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: cfg('broken-contexts') } }), 'malformed',
      'Docker context "broken"', `${file} is not valid JSON`, '`docker context rm broken`');
    throwsContextError(() => resolve({
      env: { DOCKER_CONFIG: '/cfg', DOCKER_CONTEXT: 'arr' },
      files: { [`/cfg/contexts/meta/${contextStoreId('arr')}/meta.json`]: '[]' },
    }), 'malformed', 'is not a context description');
  });

  test('a context without a Docker endpoint', () => {
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: cfg('broken-contexts'), DOCKER_CONTEXT: 'nodocker' } }), 'no-docker-endpoint',
      'Docker context "nodocker"', 'has no Docker endpoint (Endpoints.docker.Host in', '`docker context update nodocker --docker host=…`');
  });

  test('a context whose endpoint is not one we accept', () => {
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: cfg('broken-contexts'), DOCKER_CONTEXT: 'badhost' } }), 'invalid-host',
      'invalid Docker endpoint "localhost:2375"', 'not a URI', '`docker context update badhost');
  });

  test('a TLS context with a certificate but no key names the key file (and the reverse)', () => {
    const env = { DOCKER_CONFIG: cfg('missing-key') };
    const key = path.join(tlsDir('missing-key', 'nokey'), 'key.pem');
    const err = throwsContextError(() => resolve({ env }), 'missing-tls-file',
      'Docker context "nokey"', `client certificate but not its key: ${key} is missing`);
    assert.equal(err.path, key);
    assert.equal(err.origin, 'config-context');
    throwsContextError(() => resolve({ env: { ...env, DOCKER_CONTEXT: 'nocert' } }), 'missing-tls-file',
      `client key but not its certificate: ${path.join(tlsDir('missing-key', 'nocert'), 'cert.pem')} is missing`);
  });

  test('a malformed config.json (only when it is needed)', () => {
    const file = path.join(cfg('malformed-config'), 'config.json');
    const err = throwsContextError(() => resolve({ env: { DOCKER_CONFIG: cfg('malformed-config') } }), 'malformed-config',
      `The Docker CLI configuration ${file} is not valid JSON`, 'set DOCKER_CONFIG to another folder');
    assert.equal(err.origin, 'config-context');
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: '/cfg' }, files: { '/cfg/config.json': '[1]' } }), 'malformed-config', 'not a JSON object');
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: '/cfg' }, files: { '/cfg/config.json': '{"currentContext":7}' } }),
      'malformed-config', '"currentContext" in the Docker CLI configuration /cfg/config.json is not a string');
    throwsContextError(() => resolve({ env: { DOCKER_CONFIG: '/cfg' }, unreadable: ['/cfg/config.json'] }), 'unreadable', '/cfg/config.json');
  });
});

describe('listContexts', () => {
  const list = (o: MachineOptions & { setting?: string; contextSetting?: string }): ReturnType<typeof listContexts> =>
    listContexts({ ...machine(o), setting: o.setting, contextSetting: o.contextSetting } satisfies ResolveInput);
  const defaultRow = { name: 'default', description: 'DOCKER_HOST, else the default socket', host: 'unix:///var/run/docker.sock' };

  test('"default" first, then every context in the store by name, the current one marked', () => {
    assert.deepEqual(list({ env: { DOCKER_CONFIG: cfg('tls-current') } }), [
      { ...defaultRow, current: false },
      { name: 'ca-only', host: 'https://ca-only.example.com:443', current: false },
      { name: 'over-ssh', host: 'ssh://deploy@build-host:2222', current: false },
      { name: 'plain', description: 'Plain TCP, no TLS', host: 'tcp://10.0.0.7:2375', current: false },
      { name: 'remote', description: 'Build farm over mutual TLS', host: 'https://remote.example.com:2376', current: true },
      { name: 'rootless', description: 'Rootless Docker', host: 'unix:///run/user/1000/docker.sock', current: false },
    ]);
  });

  test('current follows the same order as the resolution', () => {
    const env = { DOCKER_CONFIG: cfg('tls-current') };
    const currentOf = (o: MachineOptions & { setting?: string; contextSetting?: string }): string[] =>
      list(o).filter((c) => c.current).map((c) => c.name);
    assert.deepEqual(currentOf({ env, contextSetting: 'plain' }), ['plain']);
    assert.deepEqual(currentOf({ env, contextSetting: 'default' }), ['default']);
    assert.deepEqual(currentOf({ env: { ...env, DOCKER_CONTEXT: 'over-ssh' } }), ['over-ssh']);
    assert.deepEqual(currentOf({ env: { ...env, DOCKER_HOST: 'tcp://h:2375', DOCKER_CONTEXT: 'over-ssh' } }), ['default']);
    assert.deepEqual(currentOf({ env, setting: 'tcp://h:2375' }), [], 'the host setting uses no context');
    assert.deepEqual(currentOf({ env: { DOCKER_CONFIG: cfg('no-current') } }), ['default']);
    assert.deepEqual(currentOf({ env: { DOCKER_CONFIG: cfg('default-current') } }), ['default']);
  });

  test('"default" shows DOCKER_HOST, or Podman\'s socket when that is what the default would be', () => {
    assert.equal(list({ env: { DOCKER_HOST: 'tcp://10.1.1.1:2375' } })[0].host, 'tcp://10.1.1.1:2375');
    assert.equal(list({ sockets: [PODMAN_ROOTFUL_SOCKET] })[0].host, 'unix:///run/podman/podman.sock');
    assert.equal(list({ platform: 'win32', home: 'C:\\Users\\me' })[0].host, 'npipe:////./pipe/docker_engine');
    const bad = list({ env: { DOCKER_HOST: 'localhost' } })[0];
    assert.equal(bad.host, 'localhost');
    assert.match(bad.error ?? '', /DOCKER_HOST environment variable/);
  });

  test('broken contexts are listed with their error, never thrown', () => {
    const rows = list({ env: { DOCKER_CONFIG: cfg('broken-contexts') } });
    assert.deepEqual(rows.map((r) => r.name), ['default', 'badhost', 'broken', 'nodocker']);
    const byName = new Map(rows.map((r) => [r.name, r]));
    // Its meta.json is cut short, so its name comes from currentContext, which asks for it.
    assert.equal(byName.get('broken')?.current, true);
    assert.match(byName.get('broken')?.error ?? '', /is not valid JSON/);
    assert.match(byName.get('broken')?.error ?? '', /\(in .*broken-contexts\/contexts\)/);
    assert.equal(byName.get('badhost')?.host, 'localhost:2375');
    assert.match(byName.get('badhost')?.error ?? '', /invalid Docker endpoint/);
    assert.equal(byName.get('nodocker')?.host, '');
    assert.match(byName.get('nodocker')?.error ?? '', /no Docker endpoint/);
  });

  test('a context missing its key is listed with the key file in its error', () => {
    const rows = list({ env: { DOCKER_CONFIG: cfg('missing-key') } });
    const nokey = rows.find((r) => r.name === 'nokey');
    assert.equal(nokey?.host, 'tcp://secure.example.com:2376');
    assert.ok(nokey?.error?.includes(path.join(tlsDir('missing-key', 'nokey'), 'key.pem')), nokey?.error);
    assert.equal(nokey?.current, true);
  });

  test('a malformed config.json: the contexts are still listed, none marked current', () => {
    const rows = list({ env: { DOCKER_CONFIG: cfg('malformed-config') } });
    assert.deepEqual(rows.map((r) => [r.name, r.current]), [['default', false], ['ok', false]]);
  });

  test('no context store: only "default"', () => {
    assert.deepEqual(list({ env: { DOCKER_CONFIG: cfg('no-such-config-dir') } }), [{ ...defaultRow, current: true }]);
  });
});

describe('endpointFiles (the machine side)', () => {
  test('thisMachine is the real process', () => {
    const m = thisMachine();
    assert.equal(m.homeDir, os.homedir());
    assert.equal(m.platform, process.platform);
    assert.equal(m.env, process.env);
    assert.equal(m.readFile(path.join(FIX, 'certs', 'ca.pem'))?.startsWith('-----BEGIN CERTIFICATE-----'), true);
    assert.equal(m.readFile(path.join(FIX, 'nothing-here')), undefined);
    assert.equal(m.exists(path.join(FIX, 'certs')), true);
    assert.deepEqual(m.listDir(path.join(FIX, 'certs'))?.sort(), ['ca.pem', 'cert.pem', 'key.pem']);
    assert.equal(m.listDir(path.join(FIX, 'nothing-here')), undefined);
  });

  test('resolveFromMachine and listContextsOnMachine pass the settings through', () => {
    const m = machine({ env: { DOCKER_CONFIG: cfg('tls-current') } });
    assert.equal(resolveFromMachine(undefined, 'plain', m).display, 'tcp://10.0.0.7:2375');
    assert.equal(resolveFromMachine('unix:///x.sock', undefined, m).source, 'setting');
    assert.deepEqual(listContextsOnMachine(undefined, 'plain', m).filter((c) => c.current).map((c) => c.name), ['plain']);
  });

  test('readTls reads the files a TLS endpoint names, and nothing for others', () => {
    const m = machine({ env: { DOCKER_CONFIG: cfg('tls-current') } });
    const r = resolveFromMachine(undefined, undefined, m);
    const dir = tlsDir('tls-current', 'remote');
    assert.deepEqual(readTls(r), {
      ca: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
      cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(path.join(dir, 'key.pem'), 'utf8'),
      skipVerify: false,
    });
    assert.deepEqual(readTls(resolveFromMachine(undefined, undefined, machine({ env: { DOCKER_CONFIG: cfg('skip-verify') } }))),
      { ca: undefined, cert: undefined, key: undefined, skipVerify: true });
    assert.equal(readTls(resolveFromMachine(undefined, 'plain', m)), undefined);
  });

  test('readTls names a file that has gone, with the error class of where it came from', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'dn-tls-'));
    try {
      const gone = path.join(tmp, 'key.pem');
      const fromContext: ResolvedEndpoint = {
        endpoint: { kind: 'tcp', host: 'h', port: 2376, tls: true }, source: 'DOCKER_CONTEXT', display: 'https://h:2376', contextName: 'remote',
        tls: { keyPath: gone, certPath: path.join(FIX, 'certs', 'cert.pem'), skipVerify: false },
      };
      assert.throws(() => readTls(fromContext), (err: unknown) => {
        assert.ok(err instanceof ContextError);
        assert.equal(err.path, gone);
        assert.ok(err.message.includes(`Cannot read the TLS client key ${gone} for https://h:2376 (from the DOCKER_CONTEXT variable (context "remote")): the file does not exist`), err.message);
        return true;
      });
      const fromHost: ResolvedEndpoint = { ...fromContext, source: 'DOCKER_HOST', contextName: 'default', tls: { caPath: tmp, skipVerify: false } };
      assert.throws(() => readTls(fromHost), (err: unknown) =>
        err instanceof EndpointConfigError && !(err instanceof ContextError) && err.origin === 'DOCKER_HOST'
        && err.message.includes(`CA certificate ${tmp}`) && err.message.includes('it is a folder, not a file'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('dockerodeOptions turns verification off only for skipVerify', () => {
    type WithAgent = { agent?: HttpsAgent; protocol?: string };
    const tcp = { kind: 'tcp', host: 'h', port: 2376, tls: true } as const;
    const skipped = dockerodeOptions(tcp, { skipVerify: true }) as WithAgent;
    assert.equal(skipped.protocol, 'https');
    assert.ok(skipped.agent instanceof HttpsAgent);
    assert.equal(skipped.agent.options.rejectUnauthorized, false);
    for (const tls of [undefined, {}, { skipVerify: false }, { ca: 'x' }]) {
      assert.equal((dockerodeOptions(tcp, tls) as WithAgent).agent, undefined, JSON.stringify(tls));
    }
    assert.equal((dockerodeOptions({ ...tcp, tls: false }, { skipVerify: true }) as WithAgent).agent, undefined);
  });
});

/** The docker CLI on PATH, when there is one: its choice of context must be ours. */
function dockerCli(): string | undefined {
  try {
    execFileSync('docker', ['--version'], { stdio: 'ignore' });
    return 'docker';
  } catch {
    return undefined;
  }
}

describe('agreement with the docker CLI', { skip: dockerCli() ? false : 'no docker CLI on PATH' }, () => {
  const cases: [string, Record<string, string>][] = [
    ['currentContext', { DOCKER_CONFIG: cfg('tls-current') }],
    ['DOCKER_CONTEXT over currentContext', { DOCKER_CONFIG: cfg('tls-current'), DOCKER_CONTEXT: 'plain' }],
    ['DOCKER_HOST over both', { DOCKER_CONFIG: cfg('tls-current'), DOCKER_CONTEXT: 'plain', DOCKER_HOST: 'tcp://10.0.0.9:2375' }],
    ['DOCKER_CONTEXT=default', { DOCKER_CONFIG: cfg('tls-current'), DOCKER_CONTEXT: 'default' }],
    ['currentContext default', { DOCKER_CONFIG: cfg('default-current') }],
    ['no currentContext', { DOCKER_CONFIG: cfg('no-current') }],
    ['a TLS context missing its key', { DOCKER_CONFIG: cfg('missing-key') }],
  ];
  const run = (env: Record<string, string>, ...args: string[]): string =>
    execFileSync('docker', args, { env: { PATH: process.env.PATH ?? '', HOME: EMPTY_HOME, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

  for (const [what, env] of cases) {
    test(`${what}: the same context as \`docker context show\``, () => {
      const cli = run(env, 'context', 'show');
      let ours: string | undefined;
      try {
        ours = resolve({ env }).contextName;
      } catch (err) {
        // We refuse what the CLI would only fail on later (a certificate without its key); it still names the context.
        ours = err instanceof ContextError ? err.contextName : undefined;
      }
      assert.equal(ours, cli);
    });
  }

  test('the same names as `docker context ls`', () => {
    const env = { DOCKER_CONFIG: cfg('tls-current') };
    const cli = run(env, 'context', 'ls', '--format', '{{.Name}}').split('\n').map((n) => n.replace(/ \*$/, '')).sort();
    assert.deepEqual(list(env).map((c) => c.name).sort(), cli);
  });

  function list(env: Record<string, string>): ReturnType<typeof listContexts> {
    return listContexts(machine({ env }));
  }

  test('the same endpoint as `docker context inspect`', () => {
    const env = { DOCKER_CONFIG: cfg('tls-current') };
    for (const name of ['remote', 'plain', 'over-ssh', 'rootless']) {
      const host = run(env, 'context', 'inspect', name, '--format', '{{.Endpoints.docker.Host}}');
      const ours = resolve({ env, contextSetting: name }).endpoint;
      assert.deepEqual(ours, resolve({ setting: host.replace(/^tcp:\/\//, ours.kind === 'tcp' && ours.tls ? 'https://' : 'tcp://') }).endpoint, name);
    }
  });
});

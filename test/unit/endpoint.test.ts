import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EndpointConfigError, formatEndpoint, parseEndpoint, resolveEndpoint, type Endpoint,
} from '../../src/core/endpoint';

const FORMS = ['unix:///path/to/docker.sock', 'tcp://host:2375', 'ssh://user@host[:port]', 'npipe:////./pipe/docker_engine'];

describe('parseEndpoint', () => {
  const accepted: [string, Endpoint][] = [
    ['unix:///var/run/docker.sock', { kind: 'unix', socketPath: '/var/run/docker.sock' }],
    ['/run/user/1000/docker.sock', { kind: 'unix', socketPath: '/run/user/1000/docker.sock' }],
    ['  unix:///run/podman/podman.sock\n', { kind: 'unix', socketPath: '/run/podman/podman.sock' }],
    ['npipe:////./pipe/docker_engine', { kind: 'npipe', pipePath: '//./pipe/docker_engine' }],
    ['tcp://192.168.1.20:2375', { kind: 'tcp', host: '192.168.1.20', port: 2375, tls: false }],
    ['tcp://docker.internal', { kind: 'tcp', host: 'docker.internal', port: 2375, tls: false }],
    ['TCP://[::1]:12375/', { kind: 'tcp', host: '::1', port: 12375, tls: false }],
    ['http://localhost', { kind: 'tcp', host: 'localhost', port: 2375, tls: false }],
    ['http://localhost:80', { kind: 'tcp', host: 'localhost', port: 80, tls: false }],
    ['https://docker.example.com', { kind: 'tcp', host: 'docker.example.com', port: 2376, tls: true }],
    ['https://docker.example.com:443', { kind: 'tcp', host: 'docker.example.com', port: 443, tls: true }],
    ['ssh://deploy@build-host', { kind: 'ssh', host: 'build-host', port: 22, username: 'deploy' }],
    ['ssh://build-host:2222', { kind: 'ssh', host: 'build-host', port: 2222 }],
    ['ssh://me@corp.example@[fd00::5]:2200', { kind: 'ssh', host: 'fd00::5', port: 2200, username: 'me@corp.example' }],
  ];
  for (const [uri, expected] of accepted) {
    test(`accepts ${JSON.stringify(uri)}`, () => assert.deepEqual(parseEndpoint(uri, 'setting'), expected));
  }

  const rejected: [string, RegExp][] = [
    ['', /empty/],
    ['   ', /empty/],
    ['localhost:2375', /not a URI/],
    ['unix://var/run/docker.sock', /absolute/],
    ['unix://', /absolute/],
    ['tcp://host:0', /1 and 65535/],
    ['tcp://host:70000', /1 and 65535/],
    ['tcp://host:', /host\[:port\]/],
    ['tcp://host:2375/v1.41', /no path/],
    ['tcp://user:pw@host:2375', /no path/],
    ['tcp://[not-v6]:2375', /not an IPv6 address/],
    ['ssh://user:secret@host', /no password/],
    ['ssh://@host', /no password/],
    ['npipe://docker_engine', /pipe path/],
    ['fd://', /fd:\/\/ is not supported/],
    ['docker://default', /docker:\/\/ is not supported/],
  ];
  for (const [uri, reason] of rejected) {
    test(`rejects ${JSON.stringify(uri)} with the reason, the value and the accepted forms`, () => {
      assert.throws(() => parseEndpoint(uri, 'DOCKER_HOST'), (err: unknown) => {
        assert.ok(err instanceof EndpointConfigError);
        assert.equal(err.origin, 'DOCKER_HOST');
        assert.match(err.message, reason);
        assert.ok(err.message.includes(`"${uri.trim()}"`), err.message);
        assert.ok(err.message.includes('DOCKER_HOST environment variable'), err.message);
        for (const form of FORMS) assert.ok(err.message.includes(form), `${form} missing: ${err.message}`);
        return true;
      });
    });
  }

  test('an error from the setting names the setting', () => {
    assert.throws(() => parseEndpoint('tcp//oops', 'setting'), (err: unknown) => {
      assert.ok(err instanceof EndpointConfigError);
      assert.equal(err.origin, 'setting');
      assert.match(err.message, /dockerNetworks\.host setting/);
      assert.doesNotMatch(err.message, /DOCKER_HOST/);
      return true;
    });
  });
});

describe('resolveEndpoint', () => {
  const linux = 'linux' as const;

  test('the setting wins over DOCKER_HOST', () => {
    const r = resolveEndpoint({ setting: 'tcp://10.0.0.2:2375', env: { DOCKER_HOST: 'unix:///other.sock' }, platform: linux });
    assert.deepEqual(r, {
      endpoint: { kind: 'tcp', host: '10.0.0.2', port: 2375, tls: false }, source: 'setting', display: 'tcp://10.0.0.2:2375',
    });
  });

  test('an empty or blank setting falls through to DOCKER_HOST', () => {
    for (const setting of [undefined, '', '  ']) {
      const r = resolveEndpoint({ setting, env: { DOCKER_HOST: ' unix:///run/user/1000/docker.sock ' }, platform: linux });
      assert.equal(r.source, 'DOCKER_HOST');
      assert.equal(r.display, 'unix:///run/user/1000/docker.sock');
    }
  });

  test('DOCKER_TLS_VERIFY turns TLS on (and the default port to 2376) unless empty or 0', () => {
    const tcp = (verify: string | undefined, host = 'tcp://docker.example.com'): Endpoint =>
      resolveEndpoint({ env: { DOCKER_HOST: host, DOCKER_TLS_VERIFY: verify }, platform: linux }).endpoint;
    assert.deepEqual(tcp('1'), { kind: 'tcp', host: 'docker.example.com', port: 2376, tls: true });
    assert.deepEqual(tcp('true', 'tcp://docker.example.com:2375'), { kind: 'tcp', host: 'docker.example.com', port: 2375, tls: true });
    for (const off of [undefined, '', '0']) {
      assert.deepEqual(tcp(off), { kind: 'tcp', host: 'docker.example.com', port: 2375, tls: false }, String(off));
    }
  });

  test('DOCKER_TLS_VERIFY does not touch the setting', () => {
    const r = resolveEndpoint({ setting: 'tcp://h', env: { DOCKER_TLS_VERIFY: '1' }, platform: linux });
    assert.deepEqual(r.endpoint, { kind: 'tcp', host: 'h', port: 2375, tls: false });
  });

  test('a bad DOCKER_HOST is reported as such, not silently replaced by the default', () => {
    assert.throws(() => resolveEndpoint({ env: { DOCKER_HOST: 'localhost' }, platform: linux }),
      (err: unknown) => err instanceof EndpointConfigError && err.origin === 'DOCKER_HOST');
  });

  test('defaults: the unix socket, or the named pipe on Windows', () => {
    assert.deepEqual(resolveEndpoint({ env: {}, platform: linux }), {
      endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' }, source: 'default', display: 'unix:///var/run/docker.sock',
    });
    assert.deepEqual(resolveEndpoint({ env: { DOCKER_HOST: '' }, platform: 'win32' }), {
      endpoint: { kind: 'npipe', pipePath: '//./pipe/docker_engine' }, source: 'default', display: 'npipe:////./pipe/docker_engine',
    });
    assert.equal(resolveEndpoint({ env: {}, platform: 'darwin' }).display, 'unix:///var/run/docker.sock');
  });
});

describe('formatEndpoint', () => {
  const cases: [Endpoint, string][] = [
    [{ kind: 'unix', socketPath: '/var/run/docker.sock' }, 'unix:///var/run/docker.sock'],
    [{ kind: 'npipe', pipePath: '//./pipe/docker_engine' }, 'npipe:////./pipe/docker_engine'],
    [{ kind: 'tcp', host: '10.0.0.2', port: 2375, tls: false }, 'tcp://10.0.0.2:2375'],
    [{ kind: 'tcp', host: 'docker.example.com', port: 2376, tls: true }, 'https://docker.example.com:2376'],
    [{ kind: 'tcp', host: '::1', port: 2375, tls: false }, 'tcp://[::1]:2375'],
    [{ kind: 'ssh', host: 'build-host', port: 22, username: 'deploy' }, 'ssh://deploy@build-host:22'],
    [{ kind: 'ssh', host: 'fd00::5', port: 2200 }, 'ssh://[fd00::5]:2200'],
  ];
  for (const [e, uri] of cases) {
    test(`${uri} round-trips`, () => {
      assert.equal(formatEndpoint(e), uri);
      assert.deepEqual(parseEndpoint(uri, 'setting'), e);
    });
  }
});

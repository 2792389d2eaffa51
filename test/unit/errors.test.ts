import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyError, EngineError, TimeoutError } from '../../src/core/errors';

const SOCKET = 'unix:///var/run/docker.sock';

/** What docker-modem rejects with for an HTTP status it was not told to expect. */
function modemError(statusCode: number, reason: string | undefined, json: unknown): Error {
  const cause = typeof json === 'object' && json !== null && 'message' in json ? String(json.message) : String(json);
  return Object.assign(new Error(`(HTTP code ${statusCode}) ${reason ?? 'unexpected'} - ${cause} `), { reason, statusCode, json });
}

/** What Node's net module rejects with when a socket cannot be opened. */
function systemError(code: string, syscall = 'connect', address = '/var/run/docker.sock'): Error {
  return Object.assign(new Error(`${syscall} ${code} ${address}`), { code, errno: -1, syscall, address });
}

describe('classifyError: HTTP answers from the daemon', () => {
  const cases: [number, string | undefined, string, EngineError['kind']][] = [
    [400, 'bad parameter', 'invalid subnet 172.28.0.0/33: invalid CIDR address', 'badRequest'],
    [403, undefined, 'bridge is a pre-defined network and cannot be removed', 'badRequest'],
    [403, undefined, 'authorization denied by plugin opa-docker-authz: request rejected by administrative policy', 'permission'],
    [404, 'no such network', 'network appnet not found', 'notFound'],
    [409, 'conflict', 'network with name appnet already exists', 'conflict'],
    [500, 'server error', 'error while removing network: network appnet id c0ffee5e1a2b has active endpoints', 'server'],
    [503, 'server error', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 'server'],
    [422, 'unexpected', 'unprocessable', 'badRequest'],
  ];
  for (const [status, reason, daemon, kind] of cases) {
    test(`${status} "${daemon.slice(0, 40)}…" → ${kind}, daemon message kept`, () => {
      const e = classifyError(modemError(status, reason, { message: daemon }), { endpoint: SOCKET, action: 'remove network appnet' });
      assert.ok(e instanceof EngineError);
      assert.equal(e.kind, kind);
      assert.equal(e.statusCode, status);
      assert.equal(e.daemonMessage, daemon);
      assert.equal(e.endpoint, SOCKET);
      assert.ok(e.message.startsWith('Could not remove network appnet: '), e.message);
      assert.ok(e.message.includes(daemon.replace(/\.$/, '')), e.message);
    });
  }

  test('each kind says what to do', () => {
    const fix: [number, RegExp][] = [[400, /Correct the request/], [404, /Refresh the view/], [409, /Resolve the conflict/], [500, /dockerd log/]];
    for (const [status, re] of fix) assert.match(classifyError(modemError(status, 'x', { message: 'boom' })).message, re);
  });

  test('a Buffer body holding JSON yields its message, verbatim', () => {
    const body = Buffer.from('{"message":"network appnet not found\\n"}');
    const e = classifyError(modemError(404, 'no such network', body));
    assert.equal(e.kind, 'notFound');
    assert.equal(e.daemonMessage, 'network appnet not found\n');
    assert.ok(e.message.includes('The engine said: network appnet not found.'), e.message);
  });

  test('a Buffer or string body that is not JSON is the message itself', () => {
    assert.equal(classifyError(modemError(500, 'server error', Buffer.from('page not found'))).daemonMessage, 'page not found');
    assert.equal(classifyError(modemError(400, 'bad parameter', 'plain text body')).daemonMessage, 'plain text body');
    assert.equal(classifyError(modemError(409, 'conflict', '{"message":"in use"}')).daemonMessage, 'in use');
  });

  test('old engines\' {error} bodies and bodiless stream errors still give the daemon message', () => {
    assert.equal(classifyError(modemError(500, 'server error', { error: 'driver failed' })).daemonMessage, 'driver failed');
    const stream = Object.assign(new Error('(HTTP code 400) bad parameter - invalid filter \'typo\' '),
      { statusCode: 400, reason: 'bad parameter', json: null });
    assert.equal(classifyError(stream).daemonMessage, 'invalid filter \'typo\'');
  });

  test('with no daemon message the reason is shown, and daemonMessage stays absent', () => {
    const e = classifyError(modemError(404, 'no such network', Buffer.alloc(0))); // an empty body
    assert.equal(e.daemonMessage, undefined);
    assert.ok(e.message.includes('no such network'), e.message);
  });
});

describe('classifyError: connection failures', () => {
  for (const code of ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']) {
    test(`${code} → unreachable, naming the endpoint and the fix`, () => {
      const e = classifyError(systemError(code), { endpoint: SOCKET });
      assert.equal(e.kind, 'unreachable');
      assert.ok(e.message.includes(`not reachable at ${SOCKET}`), e.message);
      assert.ok(e.message.includes(code), e.message);
      assert.match(e.message, /is dockerd running\?/);
      assert.match(e.message, /dockerNetworks\.host/);
    });
  }

  for (const code of ['EACCES', 'EPERM']) {
    test(`${code} → permission, with the docker group fix`, () => {
      const e = classifyError(systemError(code), { endpoint: SOCKET });
      assert.equal(e.kind, 'permission');
      assert.ok(e.message.includes('sudo usermod -aG docker $USER'), e.message);
      assert.match(e.message, /log in again/);
      assert.match(e.message, /dockerNetworks\.host/);
    });
  }

  test('codes are found through cause and AggregateError (Node tries every address)', () => {
    const aggregate = new AggregateError([systemError('ECONNREFUSED', 'connect', '::1'), systemError('ECONNREFUSED')], '');
    assert.equal(classifyError(aggregate).kind, 'unreachable');
    assert.equal(classifyError(new Error('fetch failed', { cause: systemError('EACCES') })).kind, 'permission');
  });

  test('an ssh authentication failure is a permission problem', () => {
    const ssh = Object.assign(new Error('All configured authentication methods failed'), { level: 'client-authentication' });
    const e = classifyError(ssh, { endpoint: 'ssh://deploy@build-host:22' });
    assert.equal(e.kind, 'permission');
    assert.match(e.message, /SSH authentication to ssh:\/\/deploy@build-host:22 failed.*ssh-agent/);
    assert.doesNotMatch(e.message, /usermod/);
  });
});

describe('classifyError: timeouts and the rest', () => {
  test('our TimeoutError, ETIMEDOUT and AbortError → timeout', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
    for (const err of [new TimeoutError('list networks took longer than 15000 ms'), systemError('ETIMEDOUT'), abort]) {
      const e = classifyError(err, { endpoint: 'tcp://10.0.0.2:2375', action: 'list networks' });
      assert.equal(e.kind, 'timeout', err.message);
      assert.ok(e.message.includes('tcp://10.0.0.2:2375'), e.message);
      assert.ok(e.message.includes(err.message), e.message);
    }
  });

  test('anything else is unknown and keeps its message; non-errors are stringified', () => {
    const e = classifyError(new Error('unexpected end of JSON input'), { action: 'list containers' });
    assert.equal(e.kind, 'unknown');
    assert.equal(e.message, 'Could not list containers: unexpected end of JSON input');
    assert.equal(classifyError('boom').message, 'The Docker request failed: boom');
  });

  test('keeps the original error as cause', () => {
    const original = systemError('ECONNREFUSED');
    assert.equal(classifyError(original).cause, original);
  });

  test('an EngineError is returned unchanged', () => {
    const e = new EngineError('conflict', 'already classified', { statusCode: 409 });
    assert.equal(classifyError(e, { endpoint: 'elsewhere' }), e);
  });
});

describe('TimeoutError', () => {
  test('is named TimeoutError and carries the ms', () => {
    const e = new TimeoutError(15000);
    assert.equal(e.name, 'TimeoutError');
    assert.equal(e.ms, 15000);
    assert.equal(e.message, 'timed out after 15 sec'); // formatDuration, in the display language (en here)
    assert.ok(e instanceof Error);
    assert.equal(new TimeoutError('ping took longer than 5000 ms').message, 'ping took longer than 5000 ms');
  });
});

describe('classifyError: TLS', () => {
  const tlsErr = (code: string, message = 'handshake failed'): Error => Object.assign(new Error(message), { code });
  test('a server certificate that does not verify names ca.pem and the host name', () => {
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const e = classifyError(tlsErr(code), { endpoint: 'https://127.0.0.1:2376' });
      assert.equal(e.kind, 'tls', code);
      assert.match(e.message, /ca\.pem/);
      assert.match(e.message, /127\.0\.0\.1:2376/);
    }
  });
  test('the engine refusing our client certificate names cert.pem and key.pem', () => {
    const e = classifyError(tlsErr('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), { endpoint: 'https://h:2376' });
    assert.equal(e.kind, 'tls');
    assert.match(e.message, /cert\.pem and key\.pem/);
  });
  test('TLS against a plain endpoint says how to switch TLS off or on', () => {
    const e = classifyError(tlsErr('ERR_SSL_WRONG_VERSION_NUMBER'), { endpoint: 'https://h:2375' });
    assert.equal(e.kind, 'tls');
    assert.match(e.message, /DOCKER_TLS_VERIFY/);
  });
});

// Resolve's pure half: the commands (argv only, plain names only) and how getent's and nslookup's answers are read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeResolve, resolvePlan, unavailableResolve } from '../../src/core/resolve';

const ok = (output: string, exitCode = 0) => ({ exitCode, output, timedOut: false, ms: 5 });
const [GETENT, NSLOOKUP] = resolvePlan('web');

describe('resolve', () => {
  test('the plan: getent hosts, then nslookup; a name that is not a plain DNS name is refused', () => {
    assert.deepEqual(resolvePlan('web.local').map((s) => s.argv), [['getent', 'hosts', 'web.local'], ['nslookup', 'web.local']]);
    assert.throws(() => resolvePlan('-x'), /not a name to look up/);
    assert.throws(() => resolvePlan('a b'), /not a name to look up/);
  });

  test('getent: the first word of each line; exit 2 is "no such name"; a missing getent moves on', () => {
    assert.deepEqual(judgeResolve(GETENT, 'web', ok('10.0.0.3        web  www\n')), {
      name: 'web', tool: 'getent', argv: ['getent', 'hosts', 'web'], verdict: 'resolved', addresses: ['10.0.0.3'], reason: 'getent answered 10.0.0.3',
    });
    assert.equal(judgeResolve(GETENT, 'web', ok('', 2))?.verdict, 'not-found');
    assert.equal(judgeResolve(GETENT, 'web', ok('exec: "getent": executable file not found in $PATH', 127)), undefined);
    assert.equal(judgeResolve(GETENT, 'web', { exitCode: null, output: '', timedOut: true, ms: 5000 }), undefined);
  });

  test('nslookup: only the answer\'s addresses, never the server\'s; NXDOMAIN is "no such name"', () => {
    const answer = 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 10.0.0.3\nName:\tweb\nAddress: fd00::3\n';
    const r = judgeResolve(NSLOOKUP, 'web', ok(answer));
    assert.equal(r?.verdict, 'resolved');
    assert.deepEqual(r?.addresses, ['10.0.0.3', 'fd00::3']);
    assert.equal(judgeResolve(NSLOOKUP, 'web', ok('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can\'t find web: NXDOMAIN\n', 1))?.verdict, 'not-found');
    assert.equal(judgeResolve(NSLOOKUP, 'web', ok('Server: 127.0.0.11\nAddress: 127.0.0.11:53\n'))?.verdict, 'not-found');
  });

  test('no tool could ask: unavailable, naming what was tried', () => {
    assert.deepEqual(unavailableResolve('web', resolvePlan('web')), {
      name: 'web', verdict: 'unavailable', addresses: [], tool: 'nslookup', argv: ['nslookup', 'web'],
      reason: 'neither getent nor nslookup is available in the container (or it did not answer in time)',
    });
  });
});

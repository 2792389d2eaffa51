import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { knownHostsName, verifyHostKey } from '../../src/core/knownHosts';

/** A real ed25519 public key blob, as an ssh server sends it (string "ssh-ed25519" + 32-byte key). */
function blob(): Buffer {
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  const raw = der.subarray(der.length - 32);
  const str = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
}

describe('known_hosts', () => {
  const key = blob();
  const other = blob();
  const b64 = key.toString('base64');

  test('names: port 22 is the bare host, others are [host]:port', () => {
    assert.equal(knownHostsName('h', 22), 'h');
    assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
  });
  test('a plain entry for the host and port trusts exactly that key', () => {
    const kh = `# comment\n[127.0.0.1]:2222 ssh-ed25519 ${b64}\n`;
    assert.equal(verifyHostKey(kh, '127.0.0.1', 2222, key), 'trusted');
    assert.equal(verifyHostKey(kh, '127.0.0.1', 2222, other), 'changed');
    assert.equal(verifyHostKey(kh, '127.0.0.1', 22, key), 'unknown', 'another port is another host');
  });
  test('hashed entries (HashKnownHosts yes) match', () => {
    const salt = Buffer.from('0123456789abcdef0123');
    const hash = createHmac('sha1', salt).update('[10.9.8.7]:2200').digest('base64');
    const kh = `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${b64}\n`;
    assert.equal(verifyHostKey(kh, '10.9.8.7', 2200, key), 'trusted');
    assert.equal(verifyHostKey(kh, '10.9.8.8', 2200, key), 'unknown');
  });
  test('wildcards, negation, comma lists and @revoked', () => {
    assert.equal(verifyHostKey(`*.lab,!bad.lab ssh-ed25519 ${b64}`, 'a.lab', 22, key), 'trusted');
    assert.equal(verifyHostKey(`*.lab,!bad.lab ssh-ed25519 ${b64}`, 'bad.lab', 22, key), 'unknown');
    assert.equal(verifyHostKey(`@revoked * ssh-ed25519 ${b64}\nh ssh-ed25519 ${b64}`, 'h', 22, key), 'revoked');
  });
  test('an empty file knows nobody', () => {
    assert.equal(verifyHostKey('', 'h', 22, key), 'unknown');
  });
});

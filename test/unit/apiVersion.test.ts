// API version negotiation and feature gates (src/core/apiVersion.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiAtLeast, compareApi, describeNegotiation, gatewayModes, negotiate, NEWEST_TESTED_API, supports, swarmManagerFromPing, versionFromPing } from '../../src/core/apiVersion';

describe('compareApi', () => {
  test('compares minor numbers as numbers, not text', () => {
    assert.ok(compareApi('1.9', '1.41') < 0);
    assert.ok(compareApi('1.51', '1.48') > 0);
    assert.equal(compareApi('1.41', '1.41'), 0);
    assert.ok(compareApi('2.0', '1.99') > 0);
    assert.ok(apiAtLeast('1.44', '1.44'));
    assert.ok(!apiAtLeast('1.43', '1.44'));
  });
});

describe('negotiate', () => {
  test('Docker 20.10 (API 1.41): spoken as 1.41, no note', () => {
    const n = negotiate({ Version: '20.10.24+dfsg1', ApiVersion: '1.41', MinAPIVersion: '1.12' });
    assert.deepEqual(n, { api: '1.41', engineApi: '1.41', engineVersion: '20.10.24+dfsg1', product: 'Docker Engine', note: undefined });
  });

  test('Docker 28.5 (API 1.51): spoken as 1.51', () => {
    assert.equal(negotiate({ Version: '28.5.2', ApiVersion: '1.51' }).api, '1.51');
  });

  test('an engine newer than we test (29.x, API 1.52): spoken at the newest tested, with a note', () => {
    const n = negotiate({ Version: '29.1.0', ApiVersion: '1.52' });
    assert.equal(n.api, NEWEST_TESTED_API);
    assert.deepEqual(n.note, { kind: 'newer-than-tested', engineApi: '1.52', tested: NEWEST_TESTED_API });
    assert.match(describeNegotiation(n), /API 1\.52 is newer than the newest this extension is tested with \(1\.51\); it speaks 1\.51/);
  });

  test('an engine older than we know (API 1.23): spoken at its own version, with a note', () => {
    const n = negotiate({ Version: '1.11.2', ApiVersion: '1.23' });
    assert.equal(n.api, '1.23');
    assert.equal(n.note?.kind, 'older-than-known');
    assert.match(describeNegotiation(n), /older than any engine this extension knows \(oldest: 1\.24\)/);
  });

  test('Podman names its product in Components', () => {
    const n = negotiate({ Version: '4.3.1', ApiVersion: '1.41', Components: [{ Name: 'Podman Engine', Version: '4.3.1' }] });
    assert.equal(n.product, 'Podman Engine');
    assert.equal(describeNegotiation(n), 'Podman Engine 4.3.1, API 1.41 (this extension speaks 1.41)');
  });

  test('a missing or malformed ApiVersion falls back to the oldest version we know', () => {
    assert.equal(negotiate({}).api, '1.24');
    assert.equal(negotiate({ ApiVersion: 'v1.41' }).api, '1.24');
  });
});

describe('versionFromPing: the version facts in the headers of GET /_ping', () => {
  // headers as the engines here send them (curl -i --unix-socket … http://d/_ping)
  const docker28 = { 'api-version': '1.51', 'builder-version': '2', 'docker-experimental': 'false', ostype: 'linux', server: 'Docker/28.5.2+dfsg4 (linux)', swarm: 'inactive' };
  const docker20 = { 'api-version': '1.41', 'docker-experimental': 'false', ostype: 'linux', server: 'Docker/20.10.24+dfsg1 (linux)' };

  test('Docker 28.5: the API and the product version, negotiated as from /version', () => {
    const v = versionFromPing(docker28);
    assert.deepEqual(v, { ApiVersion: '1.51', Version: '28.5.2+dfsg4' });
    assert.deepEqual(negotiate(v!), { api: '1.51', engineApi: '1.51', engineVersion: '28.5.2+dfsg4', product: 'Docker Engine', note: undefined });
  });

  test('Docker 20.10 (no Swarm header yet)', () => {
    assert.deepEqual(versionFromPing(docker20), { ApiVersion: '1.41', Version: '20.10.24+dfsg1' });
  });

  test('Podman: Libpod-API-Version is its own version, and the product is Podman Engine', () => {
    const v = versionFromPing({ 'api-version': '1.41', 'libpod-api-version': '4.3.1', server: 'Libpod/4.3.1 (linux)' });
    assert.equal(negotiate(v!).product, 'Podman Engine');
    assert.equal(negotiate(v!).engineVersion, '4.3.1');
  });

  test('without the API version, or without a product version, it says nothing (then /version is asked)', () => {
    assert.equal(versionFromPing({ server: 'Docker/28.5.2 (linux)' }), undefined);
    assert.equal(versionFromPing({ 'api-version': 'v1.51', server: 'Docker/28.5.2 (linux)' }), undefined);
    assert.equal(versionFromPing({ 'api-version': '1.51' }), undefined);
    assert.equal(versionFromPing({ 'api-version': '1.51', server: 'nginx/1.25' }), undefined);
    assert.equal(versionFromPing({}), undefined);
  });

  test('the Swarm header: only active/manager is a manager; absent (API < 1.42) is unknown', () => {
    assert.equal(swarmManagerFromPing({ swarm: 'active/manager' }), true);
    for (const s of ['inactive', 'pending', 'error', 'locked', 'active/worker']) assert.equal(swarmManagerFromPing({ swarm: s }), false, s);
    assert.equal(swarmManagerFromPing(docker20), undefined);
  });
});

describe('negotiate: the product', () => {
  test("Docker's /version names its component plain \"Engine\": the product is Docker Engine", () => {
    assert.equal(negotiate({ Version: '28.5.2', ApiVersion: '1.51', Components: [{ Name: 'Engine', Version: '28.5.2' }, { Name: 'containerd', Version: '1.7' }] }).product, 'Docker Engine');
  });
});

describe('feature gates', () => {
  test('each feature appears at its API version', () => {
    assert.ok(!supports('1.41', 'dnsNames'));
    assert.ok(supports('1.44', 'dnsNames'));
    assert.ok(!supports('1.45', 'ipv6DefaultPool'));
    assert.ok(supports('1.46', 'ipv6DefaultPool'));
    assert.ok(!supports('1.47', 'enableIPv4'));
    assert.ok(supports('1.48', 'enableIPv4'));
    assert.ok(supports('1.48', 'gwPriority'));
    assert.ok(!supports('1.49', 'trustedHostInterfaces'));
    assert.ok(supports('1.50', 'trustedHostInterfaces'));
    assert.ok(!supports('1.51', 'networkStatus'));
    assert.ok(supports('1.52', 'networkStatus'));
  });

  test('gateway modes by version: none before 27.0, nat/routed on 27, all four from 28.0', () => {
    assert.deepEqual(gatewayModes('1.41'), []);
    assert.deepEqual(gatewayModes('1.46'), ['nat', 'routed']);
    assert.deepEqual(gatewayModes('1.51'), ['nat', 'nat-unprotected', 'routed', 'isolated']);
  });
});

// The Run form's -P (Publish all exposed ports): the command it shows, the request it sends, the checks (no port of
// its own to check: the engine picks them), the protocol's check of the field, and the words after the start.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCommand, runArgv } from '../../src/core/cli';
import { toRunRequest } from '../../src/core/formRequests';
import { emptyRunForm, type RunForm, type ValidationContext } from '../../src/core/forms';
import { validateRun } from '../../src/core/validate';
import { formChecks } from '../../src/protocol/messages';
import { boundPorts, publishAllNote, publishAllWords } from '../../src/core/publishAll';
import type { Listener } from '../../src/core/procNet';
import { rawContainer, seedSnapshot } from './seedSnapshot';

const form = (over: Partial<RunForm>): RunForm => ({ ...emptyRunForm(), image: 'busybox', publishAll: true, ...over });

describe('Run form -P', () => {
  test('the command shows -P, beside -p rows; off by default', () => {
    assert.equal(emptyRunForm().publishAll, false);
    assert.equal(renderCommand(runArgv(form({ name: 'web' }))), 'docker run -d --name web -P busybox');
    assert.equal(renderCommand(runArgv(form({ ports: [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' }] }))),
      'docker run -d -P -p 8080:80 busybox');
    assert.equal(renderCommand(runArgv(form({ publishAll: false }))), 'docker run -d busybox');
  });

  test('the request: HostConfig.PublishAllPorts, and nothing else it would not have', () => {
    assert.deepEqual(toRunRequest(form({})), { body: { Image: 'busybox', HostConfig: { PublishAllPorts: true } } });
    assert.deepEqual(toRunRequest(form({ network: 'appnet', ports: [{ hostIp: '127.0.0.1', hostPort: '', containerPort: '53', protocol: 'udp' }] })).body, {
      Image: 'busybox', ExposedPorts: { '53/udp': {} },
      HostConfig: { PublishAllPorts: true, NetworkMode: 'appnet', PortBindings: { '53/udp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    assert.equal(toRunRequest(form({ publishAll: false })).body.HostConfig, undefined);
  });

  test('refused with host, none and container: modes, on its own field', () => {
    const web = rawContainer('web', { 'my-net': '172.28.5.20' });
    const { snapshot } = seedSnapshot([web]);
    const ctx: ValidationContext = { networks: snapshot.networks, containers: snapshot.containers, swarmManager: false, drivers: [] };
    for (const [network, words] of [['host', /already are the host's/], ['none', /without networking/], ['container:web', /sharing another container's network/]] as const) {
      const errors = validateRun(form({ network }), ctx);
      assert.deepEqual(errors.map((e) => e.field), ['publishAll'], network);
      assert.match(errors[0].message, words);
      assert.deepEqual(validateRun(form({ network, publishAll: false }), ctx), [], network);
    }
    assert.deepEqual(validateRun(form({ network: 'my-net' }), ctx), []);
  });

  test('the pre-flight has nothing to check for its random ports, and still checks the fixed ones beside it', () => {
    const { snapshot } = seedSnapshot();
    // every port a seed container publishes and a listener on 8080 and 18080: -P alone meets none of them
    const listeners: Listener[] = [{ family: 'ipv4', address: '0.0.0.0', port: 18080 }, { family: 'ipv4', address: '0.0.0.0', port: 8080 }];
    const ctx: ValidationContext = { networks: snapshot.networks, containers: snapshot.containers, swarmManager: false, drivers: [], host: { listeners } };
    assert.deepEqual(validateRun(form({}), ctx), []);
    const fixed = validateRun(form({ ports: [{ hostIp: '', hostPort: '18080', containerPort: '80', protocol: 'tcp' }] }), ctx);
    assert.deepEqual(fixed.map((e) => e.field), ['ports[0].hostPort']);
  });

  test('the protocol checks it as a boolean', () => {
    assert.equal(formChecks().run(form({}), 'form').publishAll, true);
    assert.throws(() => formChecks().run({ ...form({}), publishAll: 'yes' }, 'form'), /form\.publishAll: expected a boolean/);
    const without: Partial<RunForm> = form({});
    delete without.publishAll;
    assert.throws(() => formChecks().run(without, 'form'), /publishAll/);
  });
});

describe('-P after the start: the host ports the engine picked', () => {
  const bound = {
    '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '32768' }, { HostIp: '::', HostPort: '32768' }],
    '53/udp': [{ HostIp: '0.0.0.0', HostPort: '32769' }],
    '443/tcp': null,
  };

  test('read from NetworkSettings.Ports, host side first, in port order', () => {
    assert.deepEqual(boundPorts(bound).map((p) => [p.hostIp, p.hostPort, p.containerPort, p.protocol]), [
      ['0.0.0.0', 32769, 53, 'udp'], ['0.0.0.0', 32768, 80, 'tcp'], ['::', 32768, 80, 'tcp'],
    ]);
    assert.equal(publishAllWords('web:1', { exposed: ['80/tcp', '53/udp', '443/tcp'], bound }),
      'Host ports: 0.0.0.0:32769 → 53/udp, 0.0.0.0:32768 → 80/tcp, [::]:32768 → 80/tcp.');
  });

  test('an image without EXPOSE: -P published nothing, and says why', () => {
    assert.equal(publishAllWords('localbusybox:latest', { exposed: [], bound: {} }),
      '-P published nothing: localbusybox:latest exposes no ports (no EXPOSE in the image) and the form published none.');
    assert.equal(publishAllWords('x', { exposed: ['80/tcp'], bound: { '80/tcp': null } }), '-P published nothing: the engine bound no host port to 80/tcp.');
  });
});

describe('the remark beside -P before the start', () => {
  test('an image that exposes nothing: -P will publish nothing, and where to publish instead', () => {
    assert.equal(publishAllNote('busybox', []), 'busybox exposes no ports (no EXPOSE in the image): -P will publish nothing. Publish the ports you need as rows above (host port → container port).');
  });

  test('the exposed ports -P will publish, less those the form publishes itself', () => {
    assert.equal(publishAllNote('nginx', ['443/tcp', '80/tcp'], ['80/tcp']), '-P will publish 443/tcp (exposed by nginx) on free host ports the engine picks at the start.');
    assert.equal(publishAllNote('nginx', ['80/tcp']), '-P will publish 80/tcp (exposed by nginx) on free host ports the engine picks at the start.');
  });

  test('everything exposed is published already: -P adds nothing', () => {
    assert.equal(publishAllNote('nginx', ['80/tcp'], ['80/tcp']), '-P adds nothing here: every port nginx exposes (80/tcp) is already published above.');
  });

  test('an image the engine does not have: no remark (the run says what is missing)', () => {
    assert.equal(publishAllNote('nosuch', undefined), undefined);
  });
});


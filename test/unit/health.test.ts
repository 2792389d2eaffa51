// A container's health: `Health` of the container list (API 1.52), else the suffix of its status text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeHealth, healthOf, healthWord } from '../../src/core/health';
import { joinSnapshot } from '../../src/core/join';
import { rawContainer, rawNetwork } from './seedSnapshot';

describe('healthOf', () => {
  test('API 1.52 lists Health: its status, and the failing streak when there is one', () => {
    assert.deepEqual(healthOf({ Status: 'Up 5 minutes (unhealthy)', Health: { Status: 'unhealthy', FailingStreak: 3 } }), { status: 'unhealthy', failingStreak: 3 });
    assert.deepEqual(healthOf({ Status: 'Up 5 minutes', Health: { Status: 'healthy', FailingStreak: 0 } }), { status: 'healthy' });
    assert.deepEqual(healthOf({ Status: 'Up 1 second', Health: { Status: 'starting' } }), { status: 'starting' });
  });

  test('Health "none" means no health check, whatever the status says', () => {
    assert.equal(healthOf({ Status: 'Up 5 minutes (healthy)', Health: { Status: 'none', FailingStreak: 0 } }), undefined);
  });

  test('older engines: read from the status text, as moby writes it', () => {
    assert.deepEqual(healthOf({ Status: 'Up 2 minutes (healthy)' }), { status: 'healthy' });
    assert.deepEqual(healthOf({ Status: 'Up 2 minutes (unhealthy)' }), { status: 'unhealthy' });
    assert.deepEqual(healthOf({ Status: 'Up 3 seconds (health: starting)' }), { status: 'starting' });
  });

  test('no health check, or a status that only mentions the word elsewhere', () => {
    assert.equal(healthOf({ Status: 'Up 2 minutes' }), undefined);
    assert.equal(healthOf({ Status: 'Exited (0) 1 minute ago' }), undefined);
    assert.equal(healthOf({ Status: '(healthy) Up 2 minutes' }), undefined);
    assert.equal(healthOf({ Status: '' }), undefined);
  });

  test('words for a description and for a tooltip', () => {
    assert.equal(healthWord({ status: 'starting' }), 'health: starting');
    assert.equal(describeHealth({ status: 'healthy' }), 'healthy');
    assert.equal(describeHealth({ status: 'unhealthy', failingStreak: 1 }), 'unhealthy (1 failed check)');
    assert.equal(describeHealth({ status: 'unhealthy', failingStreak: 4 }), 'unhealthy (4 failed checks in a row)');
  });
});

describe('the join carries health, DNS names and gateway priority onto each attachment', () => {
  test('from the list item and its endpoint', () => {
    const c = rawContainer('web', { 'my-net': '172.28.5.10' });
    c.Status = 'Up 1 minute (unhealthy)';
    const ep = c.NetworkSettings!.Networks!['my-net'];
    ep.DNSNames = ['web', 'www', 'c0ffee'];
    ep.GwPriority = -5;
    const s = joinSnapshot([rawNetwork('my-net', { subnet: '172.28.0.0/16' })], [c]);
    const a = s.networks[0].attachments[0];
    assert.deepEqual([a.health, a.dnsNames, a.gwPriority], [{ status: 'unhealthy' }, ['web', 'www', 'c0ffee'], -5]);
  });

  test('absent on an engine that does not say (20.10): the fields are left out, not empty', () => {
    const s = joinSnapshot([rawNetwork('my-net', { subnet: '172.28.0.0/16' })], [rawContainer('web', { 'my-net': '172.28.5.10' })]);
    const a = s.networks[0].attachments[0];
    assert.ok(!('health' in a) && !('dnsNames' in a) && !('gwPriority' in a), JSON.stringify(a));
  });

  test('a container: member keeps its own health, with the owner\'s endpoint', () => {
    const owner = rawContainer('owner', { 'my-net': '172.28.5.20' });
    owner.Status = 'Up 1 minute (healthy)';
    const side = rawContainer('side', {}, { mode: `container:${owner.Id}` });
    side.Status = 'Up 1 minute (health: starting)';
    const s = joinSnapshot([rawNetwork('my-net', { subnet: '172.28.0.0/16' })], [owner, side]);
    const byName = new Map(s.networks[0].attachments.map((a) => [a.name, a]));
    assert.deepEqual(byName.get('owner')?.health, { status: 'healthy' });
    assert.deepEqual(byName.get('side')?.health, { status: 'starting' });
    assert.equal(byName.get('side')?.ipv4, '172.28.5.20/16');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelFilter, parseUntil, pruneCandidates } from '../../src/core/prune';
import type { Attachment, NetworkView } from '../../src/core/model';

function net(name: string, over: Partial<NetworkView> = {}): NetworkView {
  return {
    id: `${name}-id`, name, driver: 'bridge', scope: 'local', builtin: false, internal: false, attachable: false,
    ingress: false, enableIPv4: true, enableIPv6: false, configOnly: false, ipamDriver: 'default', ipamOptions: {}, ipam: [], options: {},
    labels: {}, attachments: [], created: '2026-11-01T10:00:00Z', ...over,
  };
}
const stopped = { name: 'old', state: 'exited' } as Attachment;
const now = new Date('2026-11-27T12:00:00Z');

describe('prune candidates', () => {
  const nets = [
    net('bridge', { builtin: true }),
    net('used', { attachments: [stopped] }),
    net('dev-a', { labels: { env: 'dev' } }),
    net('prod-a', { labels: { env: 'prod' } }),
    net('fresh', { created: '2026-11-27T11:30:00Z' }),
  ];
  const names = (f: Parameters<typeof pruneCandidates>[1]): string[] => pruneCandidates(nets, f).map((n) => n.name);

  test('never built-ins, never a network any container (even a stopped one) references', () => {
    assert.deepEqual(names({ labels: [] }), ['dev-a', 'prod-a', 'fresh']);
  });
  test('label filters: key, key=value, and their negations', () => {
    assert.deepEqual(names({ labels: ['env'] }), ['dev-a', 'prod-a']);
    assert.deepEqual(names({ labels: ['env=dev'] }), ['dev-a']);
    assert.deepEqual(names({ labels: ['!env'] }), ['fresh']);
    assert.deepEqual(names({ labels: ['!env=prod'] }), ['dev-a', 'fresh']);
    assert.deepEqual(names({ labels: ['env', '!env=dev'] }), ['prod-a']);
  });
  test('until keeps only older networks', () => {
    const until = parseUntil('1h', now);
    assert.ok(until instanceof Date);
    assert.deepEqual(names({ labels: [], until }), ['dev-a', 'prod-a']);
  });
});

describe('filter parsing', () => {
  test('until: durations, dates and timestamps', () => {
    assert.equal((parseUntil('24h', now) as Date).toISOString(), '2026-11-26T12:00:00.000Z');
    assert.equal((parseUntil('1h30m', now) as Date).toISOString(), '2026-11-27T10:30:00.000Z');
    assert.equal((parseUntil('2026-11-20', now) as Date).toISOString(), '2026-11-20T00:00:00.000Z');
    assert.equal((parseUntil('1700000000', now) as Date).getTime(), 1700000000000);
  });
  test('until: rubbish gives an error that shows the accepted forms', () => {
    for (const bad of ['', 'yesterday', '24', 'h', '2026-13-45']) {
      const r = parseUntil(bad, now);
      assert.ok(!(r instanceof Date), bad);
      assert.match(r.error, /24h/);
    }
  });
  test('label: malformed filters are rejected', () => {
    for (const bad of ['', '=x', '!', 'a b']) assert.ok('error' in parseLabelFilter(bad), bad);
    assert.deepEqual(parseLabelFilter('!env=dev'), { negate: true, key: 'env', value: 'dev' });
  });
});

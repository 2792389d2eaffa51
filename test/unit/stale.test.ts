// What the view says while the live model shows an older picture, or one without a Swarm manager's services.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStale } from '../../src/core/stale';
import { EngineError } from '../../src/core/errors';
import type { Snapshot } from '../../src/core/model';

const snapshot: Snapshot = { networks: [], containers: [] };
const error = new EngineError('server', 'Could not list containers: the engine failed (500).');

describe('stale picture', () => {
  test('names the error and how old the picture is', () => {
    const since = 1_000_000;
    assert.equal(describeStale({ kind: 'connected', snapshot, stale: { error, since } }, since + 12_400),
      'Showing the state of 12 s ago: Could not list containers: the engine failed (500). Retrying…');
    assert.match(describeStale({ kind: 'connected', snapshot, stale: { error, since } }, since + 300_000) ?? '', /of 5 min ago/);
  });

  test('a snapshot without its services says so', () => {
    assert.equal(describeStale({ kind: 'connected', snapshot: { ...snapshot, partial: [{ part: 'services', error }] } }),
      'Swarm services are not shown: Could not list containers: the engine failed (500). Retrying…');
  });

  test('a complete, current picture (or none) says nothing', () => {
    assert.equal(describeStale({ kind: 'connected', snapshot }), undefined);
    assert.equal(describeStale({ kind: 'idle' }), undefined);
  });
});

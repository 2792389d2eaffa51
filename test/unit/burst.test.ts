// Isolated engine events against bursts: what the live model reads at once and what it waits out.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BURST_EVENTS, BurstMeter } from '../../src/core/burst';

const noted = (times: number[], windowMs = 400): boolean[] => {
  const m = new BurstMeter(windowMs);
  return times.map((t) => m.note(t));
};

describe('burst meter', () => {
  test('a connect and its disconnect a moment later are each isolated', () => {
    assert.deepEqual(noted([0, 236]), [false, false]);
  });

  test(`the ${BURST_EVENTS}rd event within the window starts a burst, and the burst goes on while events keep coming`, () => {
    assert.deepEqual(noted([0, 60, 120, 180, 240]), [false, false, true, true, true]);
  });

  test('events spaced wider than the window are never a burst, however many', () => {
    assert.deepEqual(noted([0, 400, 800, 1200, 1600]), [false, false, false, false, false]);
  });

  test('only the events of the last window count: a quiet spell ends the burst', () => {
    assert.deepEqual(noted([0, 50, 100, 700, 750, 800]), [false, false, true, false, false, true]);
  });

  test('the window is the debounce it is given', () => {
    assert.deepEqual(noted([0, 150, 300], 200), [false, false, false]);
    assert.deepEqual(noted([0, 150, 300], 400), [false, false, true]);
  });
});

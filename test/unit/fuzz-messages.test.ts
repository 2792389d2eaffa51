// Fuzzing the three webview protocols (forms, view panels, topology map): every message kind, mutated in every way
// test/support/fuzzMessages.ts knows (wrong types, missing and extra keys, __proto__, 1 MB strings, unknown kinds,
// deep nesting, values beyond JSON). A webview is untrusted: every malformed message must be refused with a reason
// (carrying the request's id when it had a usable one), every valid one accepted, and no parser may throw.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzCases, PROTOCOLS, runFuzz } from '../support/fuzzMessages';

describe('protocol fuzz', () => {
  const cases = fuzzCases();
  const tally = runFuzz(cases);

  for (const p of PROTOCOLS) {
    const t = tally[p];
    test(`${p}: ${t.cases} cases from ${t.kinds} message kinds, no parser throws`, () => {
      assert.ok(t.cases > 300 && t.kinds >= 5, `only ${t.cases} cases from ${t.kinds} kinds`);
      assert.deepEqual(t.threw.slice(0, 10), []);
    });
    test(`${p}: every malformed message refused, every valid one accepted`, () => {
      assert.deepEqual(t.wrong.slice(0, 10), []);
      assert.ok(t.refused > 0 && t.accepted > 0);
    });
    test(`${p}: a refused request keeps its id (its reply rejects instead of hanging)`, () => {
      assert.deepEqual(t.idLost.slice(0, 10), []);
      assert.equal(t.idKept, t.idExpected);
    });
  }

  test('views and topology: a refusal never quotes a huge input back whole', () => {
    for (const p of ['views', 'topology'] as const) assert.ok(tally[p].longestError < 4096, `${p}: ${tally[p].longestError} characters (${tally[p].longestErrorCase})`);
  });

  test('no case polluted a prototype', () => {
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(Object.getPrototypeOf(probe), Object.prototype);
    assert.deepEqual(Object.keys(Object.prototype), []);
  });
});

// The keyed read cache behind endpoint details and the Run form's exposed ports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PromiseCache } from '../../src/core/promiseCache';

describe('PromiseCache', () => {
  test('one read per key, shared while it runs and after it answered', async () => {
    const c = new PromiseCache<number>(10);
    let reads = 0;
    const read = async (): Promise<number> => ++reads;
    const [a, b] = await Promise.all([c.get('k', read), c.get('k', read)]);
    assert.deepEqual([a, b, await c.get('k', read), reads], [1, 1, 1, 1]);
    assert.equal(await c.get('other', read), 2);
  });

  test('a failed read is forgotten: the next caller reads again', async () => {
    const c = new PromiseCache<string>(10);
    await assert.rejects(c.get('k', () => Promise.reject(new Error('engine down'))), /engine down/);
    assert.equal(await c.get('k', async () => 'fresh'), 'fresh');
  });

  test('a failure of a read dropped by clear() leaves the newer read in place', async () => {
    const c = new PromiseCache<string>(10);
    let fail!: (e: Error) => void;
    const old = c.get('k', () => new Promise<string>((_, reject) => { fail = reject; }));
    c.clear();
    const newer = c.get('k', async () => 'newer');
    fail(new Error('late'));
    await assert.rejects(old, /late/);
    let reads = 0;
    assert.equal(await c.get('k', async () => { reads++; return 'third'; }), 'newer');
    assert.equal(reads, 0);
    assert.equal(await newer, 'newer');
  });

  test('past the limit the oldest key goes', async () => {
    const c = new PromiseCache<string>(2);
    for (const k of ['a', 'b', 'c']) await c.get(k, async () => k);
    assert.equal(c.size, 2);
    assert.equal(await c.get('a', async () => 'read again'), 'read again');
    assert.equal(await c.get('c', async () => 'not read'), 'c');
  });
});

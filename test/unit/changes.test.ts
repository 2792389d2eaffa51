// Batch planning: which targeted reads a batch of engine events asks for, and when a full snapshot is cheaper.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeBatch, PATCH_LIMIT, type Plan } from '../../src/core/changes';
import type { EventFacts } from '../../src/core/expectations';

const ctr = (Action: string, ID: string): EventFacts => ({ Type: 'container', Action, Actor: { ID } });
const net = (Action: string, ID: string, container?: string): EventFacts =>
  ({ Type: 'network', Action, Actor: { ID, Attributes: container ? { container } : { name: ID } } });

function plan(events: EventFacts[], known: string[] = ['n1', 'n2']): Plan {
  const b = new ChangeBatch();
  for (const e of events) b.add(e);
  return b.take((id) => known.includes(id));
}

function patch(containers: [string[], string[]], networks: [string[], string[]], services = false): Plan {
  return { kind: 'patch', containers: { read: containers[0], drop: containers[1] }, networks: { read: networks[0], drop: networks[1] }, services };
}

describe('batch planning', () => {
  test('nothing happened: nothing to read', () => {
    assert.deepEqual(plan([]), { kind: 'none' });
  });

  test('a container event reads that container; its destroy reads nothing and drops it', () => {
    assert.deepEqual(plan([ctr('start', 'c1')]), patch([['c1'], []], [[], []]));
    assert.deepEqual(plan([ctr('create', 'c1'), ctr('start', 'c1'), ctr('kill', 'c1'), ctr('die', 'c1'), ctr('destroy', 'c1')]), patch([[], ['c1']], [[], []]));
  });

  test('a connect or disconnect reads the container it names, not the network (the container lists its networks)', () => {
    assert.deepEqual(plan([net('connect', 'n1', 'c1'), net('disconnect', 'n2', 'c2')]), patch([['c1', 'c2'], []], [[], []]));
  });

  test('a connect to a network the model does not know yet also reads that network', () => {
    assert.deepEqual(plan([net('connect', 'n9', 'c1')]), patch([['c1'], []], [['n9'], []]));
  });

  test('network create and update read the network; destroy and remove drop it; prune adds nothing of its own', () => {
    assert.deepEqual(plan([net('create', 'n3'), net('update', 'n1'), net('destroy', 'n2'), net('remove', 'n4'), net('prune', 'x')]),
      patch([[], []], [['n3', 'n1'], ['n2', 'n4']]));
    assert.deepEqual(plan([net('create', 'n3'), net('destroy', 'n3')]), patch([[], []], [[], ['n3']]));
  });

  test('events for the same object are read once', () => {
    assert.deepEqual(plan([ctr('start', 'c1'), net('connect', 'n1', 'c1'), ctr('rename', 'c1')]), patch([['c1'], []], [[], []]));
  });

  test('a Swarm service event, an event without an id or an unknown network action reads everything', () => {
    assert.deepEqual(plan([ctr('start', 'c1'), { Type: 'service', Action: 'update', Actor: { ID: 's1' } }]), { kind: 'full', reason: 'service' });
    assert.deepEqual(plan([{ Type: 'container', Action: 'start' }]), { kind: 'full', reason: 'unknown' });
    assert.deepEqual(plan([net('frobnicate', 'n1')]), { kind: 'full', reason: 'unknown' });
  });

  test(`more than ${PATCH_LIMIT} objects to read: one full snapshot instead`, () => {
    const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const atLimit = [...ids(PATCH_LIMIT - 5, 'c').map((id) => ctr('start', id)), ...ids(5, 'n').map((id) => net('create', id))];
    assert.equal(plan(atLimit).kind, 'patch');
    assert.deepEqual(plan([...atLimit, ctr('start', 'one-more')]), { kind: 'full', reason: 'many' });
    // drops cost nothing: they do not count
    assert.equal(plan([...atLimit, ...ids(50, 'd').map((id) => ctr('destroy', id))]).kind, 'patch');
  });

  test('re-checks add reads, but never for what the batch knows is gone; taking empties the batch', () => {
    const b = new ChangeBatch();
    b.add(ctr('destroy', 'c1'));
    b.container('c1');
    b.container('c2');
    b.network('n5');
    b.servicesToo();
    assert.equal(b.empty, false);
    assert.deepEqual(b.take(() => true), patch([['c2'], ['c1']], [['n5'], []], true));
    assert.equal(b.empty, true);
    assert.deepEqual(b.take(() => true), { kind: 'none' });
  });
});

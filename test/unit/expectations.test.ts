import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Expectations } from '../../src/core/expectations';
import type { Attachment, NetworkView, Snapshot } from '../../src/core/model';

function snap(nets: Record<string, string[]>, containers: string[] = []): Snapshot {
  const networks = Object.entries(nets).map(([id, on]) => ({ id, name: id, attachments: on.map((containerId) => ({ containerId }) as Attachment) }) as NetworkView);
  return { networks, containers: containers.map((Id) => ({ Id, Names: [], Image: '', State: 'running', Status: '', Ports: [] })) };
}
const connect = (c: string, n: string) => ({ Type: 'network', Action: 'connect', Actor: { ID: n, Attributes: { container: c } } });
const disconnect = (c: string, n: string) => ({ Type: 'network', Action: 'disconnect', Actor: { ID: n, Attributes: { container: c } } });

describe('expectations from events', () => {
  test('a connect the list does not show yet is missing; once shown it is forgotten', () => {
    const x = new Expectations();
    x.note(connect('c1', 'n1'));
    const asked = x.pending();
    assert.equal(x.settle(snap({ n1: [] }), asked), true, 'stale list');
    assert.equal(x.settle(snap({ n1: ['c1'] }), asked), false, 'caught up');
    assert.equal(x.pending().size, 0);
  });
  test('a later event supersedes an earlier one (connect then disconnect)', () => {
    const x = new Expectations();
    x.note(connect('c1', 'n1'));
    const asked = x.pending();
    x.note(disconnect('c1', 'n1'));
    // The rebuild that asked for "connected" sees it disconnected: not a miss, the newer event wins.
    assert.equal(x.settle(snap({ n1: [] }), asked), false);
    assert.equal(x.settle(snap({ n1: [] }), x.pending()), false);
  });
  test('network and container create/destroy', () => {
    const x = new Expectations();
    x.note({ Type: 'network', Action: 'create', Actor: { ID: 'n2' } });
    x.note({ Type: 'container', Action: 'destroy', Actor: { ID: 'c9' } });
    assert.equal(x.settle(snap({ n1: [] }, ['c9']), x.pending()), true);
    assert.equal(x.settle(snap({ n1: [], n2: [] }), x.pending()), false);
  });
  test('a stopped container keeps its networks in the list: its disconnect holds once it is not running', () => {
    const x = new Expectations();
    x.note(disconnect('c1', 'n1'));
    const on = (state: string): Snapshot => ({ networks: [{ id: 'n1', name: 'n1', attachments: [{ containerId: 'c1', state } as Attachment] } as NetworkView], containers: [] });
    assert.equal(x.settle(on('running'), x.pending()), true, 'still running: the list lags');
    assert.equal(x.settle(on('exited'), x.pending()), false);
  });
  test('what is still expected names what to read again', () => {
    const x = new Expectations();
    x.note(connect('c1', 'n1'));
    x.note({ Type: 'network', Action: 'create', Actor: { ID: 'n2' } });
    x.note({ Type: 'container', Action: 'destroy', Actor: { ID: 'c9' } });
    assert.deepEqual(x.subjects(), { containers: ['c1', 'c9'], networks: ['n2'] });
  });
  test('events that imply nothing checkable are ignored', () => {
    const x = new Expectations();
    x.note({ Type: 'container', Action: 'start', Actor: { ID: 'c1' } });
    x.note({ Type: 'network', Action: 'connect', Actor: { ID: 'n1' } }); // no container attribute
    assert.equal(x.pending().size, 0);
  });
});

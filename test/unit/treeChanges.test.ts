// What the Networks view redraws for a new snapshot: the networks a change touched, or all when the list changed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotOf } from '../../src/core/rawState';
import { signaturesOf, treeChange } from '../../src/core/treeChanges';
import type { RawContainer, RawNetwork } from '../../src/core/model';

const network = (Id: string, Name: string): RawNetwork => ({ Id, Name, Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '10.236.0.0/24' }] } });
const container = (Id: string, name: string, nets: Record<string, string>, State = 'running'): RawContainer => ({
  Id, Names: [`/${name}`], Image: 'localbusybox:latest', State, Status: '', Ports: [],
  NetworkSettings: { Networks: Object.fromEntries(Object.entries(nets).map(([n, ip]) => [n, { NetworkID: n, IPAddress: ip, IPPrefixLen: 24 }])) },
});
const sigs = (networks: RawNetwork[], containers: RawContainer[]) => signaturesOf(snapshotOf({ networks, containers }, '1.51'));
const three = [network('n1', 'a'), network('n2', 'b'), network('n3', 'c')];

describe('tree changes', () => {
  test('the first picture redraws all', () => {
    assert.deepEqual(treeChange(undefined, sigs(three, [])), { all: true, networks: [] });
  });

  test('the same picture redraws nothing', () => {
    const web = [container('c1', 'web', { n1: '10.236.0.2' })];
    assert.deepEqual(treeChange(sigs(three, web), sigs(three, web)), { all: false, networks: [] });
  });

  test('a connect redraws only the network it joins; a disconnect only the one it leaves', () => {
    const before = sigs(three, [container('c1', 'web', { n1: '10.236.0.2' })]);
    const connected = sigs(three, [container('c1', 'web', { n1: '10.236.0.2', n3: '10.236.0.9' })]);
    assert.deepEqual(treeChange(before, connected), { all: false, networks: ['n3'] });
    assert.deepEqual(treeChange(connected, before), { all: false, networks: ['n3'] });
  });

  test('a container that stops redraws every network it is on (its row shows its state), and no other', () => {
    const up = sigs(three, [container('c1', 'web', { n1: '10.236.0.2', n2: '10.236.0.3' }), container('c2', 'db', { n3: '10.236.0.4' })]);
    const down = sigs(three, [container('c1', 'web', { n1: '10.236.0.2', n2: '10.236.0.3' }, 'exited'), container('c2', 'db', { n3: '10.236.0.4' })]);
    assert.deepEqual(treeChange(up, down), { all: false, networks: ['n1', 'n2'] });
  });

  test('a network that comes or goes redraws all (the top level changed)', () => {
    assert.equal(treeChange(sigs(three, []), sigs([...three, network('n4', 'd')], [])).all, true);
    assert.equal(treeChange(sigs(three, []), sigs(three.slice(1), [])).all, true);
    // same count, another network: the list changed too
    assert.equal(treeChange(sigs(three, []), sigs([three[0], three[1], network('n9', 'z')], [])).all, true);
  });

  test('a network whose own fields changed (its labels) is redrawn alone', () => {
    const relabelled = [three[0], { ...three[1], Labels: { team: 'x' } }, three[2]];
    assert.deepEqual(treeChange(sigs(three, []), sigs(relabelled, [])), { all: false, networks: ['n2'] });
  });
});

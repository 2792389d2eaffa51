// The live model's raw lists: patched by targeted reads, joined by the same join as a full snapshot.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asListed, RawState, snapshotOf } from '../../src/core/rawState';
import { Backoff } from '../../src/core/backoff';
import { EngineError } from '../../src/core/errors';
import type { RawContainer, RawNetwork } from '../../src/core/model';

const network = (Id: string, Name: string): RawNetwork => ({ Id, Name, Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '10.236.0.0/24' }] } });
const container = (Id: string, name: string, nets: Record<string, string>, State = 'running'): RawContainer => ({
  Id, Names: [`/${name}`], Image: 'localbusybox:latest', State, Status: '', Ports: [],
  NetworkSettings: { Networks: Object.fromEntries(Object.entries(nets).map(([n, ip]) => [n, { NetworkID: n, IPAddress: ip, IPPrefixLen: 24 }])) },
});

describe('raw lists', () => {
  test('a patched state joins to exactly what a full read of the same lists gives', () => {
    const raw = new RawState({ networks: [network('n1', 'a')], containers: [container('c1', 'web', { n1: '10.236.0.2' })] });
    raw.putNetwork('n2', { ...network('n2', 'b'), Containers: { c1: {} } } as RawNetwork);
    raw.putContainers(['c1', 'c2'], [container('c2', 'db', { n2: '10.236.0.3' }), container('c1', 'web', { n1: '10.236.0.2', n2: '10.236.0.4' })]);
    const fresh = snapshotOf({
      networks: [network('n1', 'a'), network('n2', 'b')],
      containers: [container('c2', 'db', { n2: '10.236.0.3' }), container('c1', 'web', { n1: '10.236.0.2', n2: '10.236.0.4' })],
    }, '1.51');
    assert.deepStrictEqual(raw.snapshot('1.51'), fresh);
  });

  test('what a targeted read asked for and did not find is gone; drops forget', () => {
    const raw = new RawState({ networks: [network('n1', 'a'), network('n2', 'b')], containers: [container('c1', 'web', { n1: '1.2.3.4' }), container('c2', 'db', {})] });
    raw.putContainers(['c1'], []);
    raw.dropContainer('c2');
    raw.putNetwork('n2', undefined);
    assert.deepEqual(raw.snapshot(undefined).containers, []);
    assert.deepEqual(raw.snapshot(undefined).networks.map((n) => n.name), ['a']);
    assert.equal(raw.hasNetwork('n2'), false);
  });

  test('new containers come first, as the engine lists them (newest first)', () => {
    const raw = new RawState({ networks: [], containers: [container('c1', 'old', {})] });
    raw.putContainers(['c2'], [container('c2', 'new', {})]);
    assert.deepEqual(raw.snapshot(undefined).containers.map((c) => c.Id), ['c2', 'c1']);
  });

  test('an inspect loses what the list call does not carry', () => {
    const inspected = { ...network('n1', 'a'), Containers: { c1: {} }, Services: {}, Status: { IPAM: { Subnets: {} } } } as RawNetwork;
    assert.deepStrictEqual(asListed(inspected), network('n1', 'a'));
  });

  test('a failed services list leaves the rest, marked partial; a later success clears the mark', () => {
    const error = new EngineError('server', 'Could not list services');
    const raw = new RawState({ networks: [network('n1', 'a')], containers: [], servicesError: error });
    assert.deepEqual(raw.snapshot(undefined).partial, [{ part: 'services', error }]);
    assert.equal(raw.servicesFailed, true);
    raw.setServices([{ ID: 's1', Spec: { Name: 'web' }, Endpoint: { VirtualIPs: [{ NetworkID: 'n1', Addr: '10.236.0.9/24' }] } }]);
    const s = raw.snapshot(undefined);
    assert.equal(s.partial, undefined);
    assert.deepEqual(s.networks[0].services?.map((x) => x.name), ['web']);
  });
});

describe('backoff', () => {
  test('doubles up to the ceiling and starts again after a reset', () => {
    const b = new Backoff(250, 1000);
    assert.deepEqual([b.next(), b.next(), b.next(), b.next()], [250, 500, 1000, 1000]);
    b.reset();
    assert.equal(b.next(), 250);
  });
});

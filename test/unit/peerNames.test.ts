// Names that resolve: per reachable peer and shared network, the names a container can use (container name, aliases,
// the engine's DNS names, --link aliases); on the default bridge only the address and legacy links, with the fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer } from '../../src/core/model';
import { peerNames, type PeerInspect } from '../../src/core/peerNames';
import { BRIDGE, hexId, rawContainer, rawNetwork } from './seedSnapshot';

const id = (name: string): string => hexId(`c-${name}`);
const inspectOf = (c: RawContainer, links?: string[]): PeerInspect => ({ Id: c.Id, HostConfig: { Links: links ?? null }, NetworkSettings: c.NetworkSettings ?? null });

describe('peerNames', () => {
  const web = rawContainer('web', { app: '10.0.0.3' }, { aliases: { app: ['www', 'front'] } });
  const api = rawContainer('api', { app: '10.0.0.2' });
  const quiet1 = rawContainer('q1', { quiet: '10.9.0.2' });
  const quiet2 = rawContainer('q2', { quiet: '10.9.0.3' });
  const b1 = rawContainer('b1', { bridge: '172.17.0.2' });
  const b2 = rawContainer('b2', { bridge: '172.17.0.3' });
  const side = rawContainer('side', {}, { mode: 'container:api' });
  const stopped = rawContainer('off', { app: '' }, { state: 'exited' });
  const nets = [rawNetwork('app'), rawNetwork('quiet', { options: { 'com.docker.network.bridge.enable_icc': 'false' } }), BRIDGE];

  test('a user-defined network: the container name and its aliases; the engine\'s DNS names added; a link alias too', () => {
    const withDns: RawContainer = structuredClone(web);
    withDns.NetworkSettings!.Networks!.app.DNSNames = ['web', 'www', 'front', hexId('c-web').slice(0, 12)];
    const source: RawContainer = structuredClone(api);
    source.NetworkSettings!.Networks!.app.Links = ['web:cache'];
    const s = joinSnapshot(nets, [source, withDns, side]);
    const rows = peerNames(s, inspectOf(source));
    const row = rows.find((r) => r.peer === 'web');
    assert.deepEqual(row, {
      peer: 'web', peerId: id('web'), network: 'app', networkId: hexId('net-app'), address: '10.0.0.3',
      names: [
        { name: 'web', from: 'container name' }, { name: 'www', from: 'alias' }, { name: 'front', from: 'alias' },
        { name: hexId('c-web').slice(0, 12), from: 'dns name' }, { name: 'cache', from: 'link' },
      ],
    });
    assert.deepEqual(rows.find((r) => r.peer === 'side')?.names, [{ name: 'localhost', from: 'localhost' }]);
    // Without DNSNames (the list call leaves them out), the short id the engine answers to is still listed.
    assert.deepEqual(peerNames(s, inspectOf(withDns)).find((r) => r.peer === 'api')?.names,
      [{ name: 'api', from: 'container name' }, { name: hexId('c-api').slice(0, 12), from: 'dns name' }]);
    const member = peerNames(s, inspectOf(withDns)).find((r) => r.peer === 'side');
    assert.deepEqual(member?.names, []);
    assert.equal(member?.note, 'side shares the network namespace of api: it has no name of its own here; use the names of api');
  });

  test('the default bridge: no names but legacy links, the address and the fix said', () => {
    const s = joinSnapshot(nets, [b1, b2]);
    const [row] = peerNames(s, inspectOf(b1));
    assert.equal(row.peer, 'b2');
    assert.deepEqual(row.names, []);
    assert.match(row.note ?? '', /bridge has no embedded DNS: only the address 172\.17\.0\.3 and legacy --link names work\. Fix: put both on a user-defined network/);
    const linked = peerNames(s, inspectOf(b1, ['/b2:/b1/db', '/other:/b1/x']));
    assert.deepEqual(linked[0].names, [{ name: 'db', from: 'link' }, { name: 'b2', from: 'link' }]);
  });

  test('a peer that cannot be reached (ICC off) or a source that does not run gets no row', () => {
    const s = joinSnapshot(nets, [quiet1, quiet2, stopped, api]);
    assert.deepEqual(peerNames(s, inspectOf(quiet1)), []);
    assert.deepEqual(peerNames(s, inspectOf(stopped)), []);
    assert.deepEqual(peerNames(s, inspectOf(api)), [], 'the stopped peer is not reached either');
  });
});

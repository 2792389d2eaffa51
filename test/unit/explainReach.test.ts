// Explain Reachability: every branch of the walk, each checked against the model's own answer (reachBetween): the
// verdict and the reasons against must be the model's, whatever the case.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinSnapshot } from '../../src/core/join';
import type { RawContainer, RawNetwork, Snapshot } from '../../src/core/model';
import { explainReach, type ReachExplanation } from '../../src/core/explainReach';
import { suggestNetworkName } from '../../src/core/explainFixes';
import { computeReachability, reachBetween } from '../../src/core/reachability';
import { BRIDGE, hexId, rawContainer, rawNetwork } from './seedSnapshot';

const id = (name: string): string => hexId(`c-${name}`);
const net = (name: string): string => hexId(`net-${name}`);
const ICC_OFF = { 'com.docker.network.bridge.enable_icc': 'false' };
const GW4 = 'com.docker.network.bridge.gateway_mode_ipv4';
const HOSTNET = rawNetwork('host');
const NONE = rawNetwork('none');
const web = { ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }] };

/** Explains a pair and asserts, every time, that the explanation says what the model says. */
function explain(networks: RawNetwork[], containers: RawContainer[], from: string, to: string): ReachExplanation & { snapshot: Snapshot } {
  const snapshot = joinSnapshot(networks, containers);
  const r = computeReachability(snapshot);
  const fromId = containers.some((c) => c.Id === id(from)) ? id(from) : from;
  const toId = containers.some((c) => c.Id === id(to)) ? id(to) : to;
  const e = explainReach(snapshot, fromId, toId, r);
  const pair = reachBetween(r, fromId, toId);
  assert.equal(e.reachable, pair.reachable, `verdict: ${e.verdict}`);
  assert.deepEqual([...e.blocked].map((b) => JSON.stringify(b)).sort(), pair.blocked.map((b) => JSON.stringify(b)).sort());
  assert.equal(e.agreesWithModel, true);
  return { ...e, snapshot };
}

function step(e: ReachExplanation, stepId: string): ReachExplanation['steps'][number] {
  const s = e.steps.find((x) => x.id === stepId);
  assert.ok(s, `no step ${stepId} in ${e.steps.map((x) => x.id).join(', ')}`);
  return s;
}

const commands = (e: ReachExplanation): string[] => e.fixes.flatMap((f) => f.commands.map((c) => c.join(' ')));

describe('explainReach: who takes part', () => {
  test('a container that is not in the snapshot: the exists step fails, no fix', () => {
    const e = explain([BRIDGE], [rawContainer('a', { bridge: '172.17.0.2' })], 'a', 'f'.repeat(64));
    assert.equal(e.firstFailure, 'exists');
    assert.deepEqual(e.blocked, [{ kind: 'unknown-container', id: 'f'.repeat(64) }]);
    assert.match(e.steps[0].evidence[0], /no container ffffffffffff/);
    assert.deepEqual(e.fixes, []);
    assert.match(e.verdict, /cannot reach/);
  });

  test('a stopped source: source-running fails first, the fix starts it (docker start)', () => {
    const e = explain([rawNetwork('my-net')], [rawContainer('a', { 'my-net': '' }, { state: 'exited' }), rawContainer('b', { 'my-net': '10.0.0.3' })], 'a', 'b');
    assert.equal(e.firstFailure, 'source-running');
    assert.equal(step(e, 'source-running').status, 'fail');
    assert.equal(step(e, 'target-running').status, 'pass');
    assert.deepEqual(commands(e), ['docker start a']);
    assert.deepEqual(e.fixes[0].action, { action: 'start', containerId: id('a') });
    assert.deepEqual(e.probe, { unavailable: 'a is not running: a probe runs inside it.' });
  });

  test('a stopped target: target-running fails, the fix starts the target', () => {
    const e = explain([rawNetwork('my-net')], [rawContainer('a', { 'my-net': '10.0.0.2' }), rawContainer('b', { 'my-net': '' }, { state: 'created' })], 'a', 'b');
    assert.equal(e.firstFailure, 'target-running');
    assert.match(step(e, 'target-running').result, /b is created/);
    assert.deepEqual(commands(e), ['docker start b']);
  });

  test('a running container: member whose namespace owner is stopped: the owner is the one to start', () => {
    const e = explain([rawNetwork('my-net')], [
      rawContainer('owner', { 'my-net': '' }, { state: 'exited' }),
      rawContainer('side', {}, { mode: 'container:owner' }),
      rawContainer('b', { 'my-net': '10.0.0.3' }),
    ], 'side', 'b');
    assert.equal(e.firstFailure, 'source-running');
    assert.match(step(e, 'source-running').result, /side is running, but owner, whose network namespace it uses, is exited/);
    assert.deepEqual(commands(e), ['docker start owner']);
    const quoted = explain([rawNetwork('my-net')], [rawContainer("it's", { 'my-net': '' }, { state: 'exited' }), rawContainer('b', { 'my-net': '10.0.0.3' })], "it's", 'b');
    assert.deepEqual(quoted.fixes[0].shown, ["docker start 'it'\\''s'"]);
  });
});

describe('explainReach: one network namespace', () => {
  test('a container: pair reaches each other on localhost', () => {
    const e = explain([rawNetwork('my-net')], [rawContainer('owner', { 'my-net': '10.0.0.2' }), rawContainer('side', {}, { mode: 'container:owner' })], 'side', 'owner');
    assert.equal(e.reachable, true);
    assert.equal(step(e, 'namespace').status, 'pass');
    assert.match(step(e, 'namespace').evidence[0], /side uses the network namespace of owner \(--network container:owner\)/);
    assert.match(e.verdict, /side can reach owner: via localhost, same network namespace/);
    assert.deepEqual(e.fixes, []);
  });

  test('two host-mode containers share the host\'s stack', () => {
    const e = explain([HOSTNET], [rawContainer('h1', { host: '' }, { mode: 'host' }), rawContainer('h2', { host: '' }, { mode: 'host' })], 'h1', 'h2');
    assert.equal(e.reachable, true);
    assert.match(step(e, 'namespace').result, /host's network stack/);
    assert.deepEqual(e.probe, { unavailable: 'h2 has no address on any network: there is nothing to probe.' });
  });

  test('a container and itself', () => {
    const e = explain([rawNetwork('my-net')], [rawContainer('a', { 'my-net': '10.0.0.2' })], 'a', 'a');
    assert.equal(e.reachable, true);
    assert.deepEqual(step(e, 'namespace').evidence, ['the same container']);
  });

  test('no network (none) on either side: the mode step fails, the fix is to recreate (no button)', () => {
    for (const [from, to] of [['n', 'b'], ['b', 'n']]) {
      const e = explain([NONE, rawNetwork('my-net')], [rawContainer('n', { none: '' }, { mode: 'none' }), rawContainer('b', { 'my-net': '10.0.0.3' })], from, to);
      assert.equal(e.firstFailure, 'mode');
      assert.equal(e.fixes[0].label, 'Recreate n on a network');
      assert.equal(e.fixes[0].action, undefined);
      assert.deepEqual(e.fixes[0].commands, []);
    }
  });
});

describe('explainReach: shared networks', () => {
  test('a shared user network: pass, with both addresses as evidence, and the probe aims there', () => {
    const e = explain([rawNetwork('my-net', { subnet: '10.0.0.0/24' })], [rawContainer('a', { 'my-net': '10.0.0.2' }), rawContainer('b', { 'my-net': '10.0.0.3' })], 'a', 'b');
    assert.equal(e.reachable, true);
    assert.deepEqual(step(e, 'shared-networks').evidence, ['my-net: a 10.0.0.2/16, b 10.0.0.3/16']);
    const s = step(e, `network:${net('my-net')}`);
    assert.equal(s.status, 'pass');
    assert.ok(s.evidence.includes('internal: no'));
    assert.ok(s.evidence.includes('inter-container communication (ICC): on'));
    assert.deepEqual(e.fixes, []);
    assert.deepEqual(e.probe, { networkId: net('my-net'), networkName: 'my-net', address: '10.0.0.3' });
    assert.match(e.verdict, /^a can reach b: via my-net\.$/);
  });

  test('an internal network still carries traffic between its members (said as evidence)', () => {
    const e = explain([rawNetwork('int', { internal: true })], [rawContainer('a', { int: '10.0.0.2' }), rawContainer('b', { int: '10.0.0.3' })], 'a', 'b');
    assert.equal(e.reachable, true);
    assert.match(step(e, `network:${net('int')}`).evidence.join('\n'), /internal: yes \(no way out of the network; members still reach each other\)/);
  });

  test('ICC off on the only shared network, the target on another open one: connect the source there', () => {
    const e = explain([rawNetwork('noicc', { options: ICC_OFF }), rawNetwork('open')], [
      rawContainer('a', { noicc: '10.0.0.2' }), rawContainer('b', { noicc: '10.0.0.3', open: '10.1.0.3' }),
    ], 'a', 'b');
    assert.equal(e.firstFailure, 'network');
    assert.deepEqual(e.blocked, [{ kind: 'icc-disabled', network: 'noicc' }]);
    assert.match(step(e, `network:${net('noicc')}`).evidence.join('\n'), /enable_icc=false/);
    assert.deepEqual(commands(e), ['docker network connect open a']);
    assert.deepEqual(e.fixes[0].action, { action: 'connect', containerId: id('a'), networkId: net('open') });
  });

  test('ICC off and nowhere else to meet: create a network and connect both', () => {
    const e = explain([rawNetwork('noicc', { options: ICC_OFF })], [rawContainer('a', { noicc: '10.0.0.2' }), rawContainer('b', { noicc: '10.0.0.3' })], 'a', 'b');
    assert.deepEqual(commands(e), ['docker network create a-b', 'docker network connect a-b a', 'docker network connect a-b b']);
    assert.deepEqual(e.fixes[0].action, { action: 'createNetwork', networkName: 'a-b' });
    assert.deepEqual(e.fixes[0].shown, ['docker network create a-b', 'docker network connect a-b a', 'docker network connect a-b b']);
  });

  test('ICC off on one shared network, open on another: reachable, the block still listed', () => {
    const e = explain([rawNetwork('noicc', { options: ICC_OFF }), rawNetwork('open')], [
      rawContainer('a', { noicc: '10.0.0.2', open: '10.1.0.2' }), rawContainer('b', { noicc: '10.0.0.3', open: '10.1.0.3' }),
    ], 'a', 'b');
    assert.equal(e.reachable, true);
    assert.equal(e.firstFailure, undefined);
    assert.equal(step(e, `network:${net('noicc')}`).status, 'fail');
    assert.equal(step(e, `network:${net('open')}`).status, 'pass');
  });

  test('the default bridge: reachable by address only; the fix is a user-defined network for names', () => {
    const e = explain([BRIDGE], [rawContainer('a', { bridge: '172.17.0.2' }), rawContainer('b', { bridge: '172.17.0.3' })], 'a', 'b');
    assert.equal(e.reachable, true);
    assert.match(step(e, `network:${net('bridge')}`).evidence.join('\n'), /no embedded DNS on the default bridge/);
    assert.deepEqual(commands(e), ['docker network create a-b', 'docker network connect a-b a', 'docker network connect a-b b']);
    assert.match(e.fixes[0].note ?? '', /no embedded DNS/);
  });

  test('gateway mode isolated and Podman isolation are evidence, not blocks, between members', () => {
    const e = explain([rawNetwork('iso', { options: { [GW4]: 'isolated', isolate: 'true' } })], [rawContainer('a', { iso: '10.0.0.2' }), rawContainer('b', { iso: '10.0.0.3' })], 'a', 'b');
    assert.equal(e.reachable, true);
    const ev = step(e, `network:${net('iso')}`).evidence.join('\n');
    assert.match(ev, /gateway mode \(ipv4\) isolated: no address on the host; members still reach each other/);
    assert.match(ev, /Podman isolation isolate=true/);
  });

  test('a bridged source and a host-mode target share nothing; the fix is to share the host\'s stack', () => {
    const e = explain([rawNetwork('my-net'), HOSTNET], [rawContainer('a', { 'my-net': '10.0.0.2' }), rawContainer('h', { host: '' }, { mode: 'host', ...web })], 'a', 'h');
    assert.equal(e.firstFailure, 'shared-networks');
    assert.deepEqual(e.blocked, [{ kind: 'no-common-network' }]);
    assert.equal(e.steps.some((s) => s.kind === 'isolation'), false);
    assert.equal(e.fixes[0].label, 'Run a with --network host too');
    assert.equal(step(e, 'published-ports').status, 'info');
  });
});

describe('explainReach: no shared network', () => {
  test('two bridges: Docker\'s isolation between them is the reason; connect either side', () => {
    const e = explain([rawNetwork('front', { subnet: '10.1.0.0/24' }), rawNetwork('back', { subnet: '10.2.0.0/24' })], [
      rawContainer('a', { front: '10.1.0.2' }), rawContainer('b', { back: '10.2.0.3' }),
    ], 'a', 'b');
    assert.equal(e.firstFailure, 'shared-networks');
    const iso = step(e, 'isolation');
    assert.equal(iso.status, 'fail');
    assert.match(iso.evidence.join('\n'), new RegExp(`front ↔ back: Docker drops traffic between two bridges \\(br-${net('front').slice(0, 12)} and br-${net('back').slice(0, 12)}\\)`));
    assert.deepEqual(commands(e), ['docker network connect back a', 'docker network connect front b']);
    assert.deepEqual(e.probe, { networkId: net('back'), networkName: 'back', address: '10.2.0.3' });
  });

  test('a Podman network with isolate set, and two drivers that are not both bridges', () => {
    const e = explain([rawNetwork('p1', { options: { isolate: 'strict' } }), rawNetwork('ov', { driver: 'overlay' })], [
      rawContainer('a', { p1: '10.1.0.2' }), rawContainer('b', { ov: '10.2.0.3' }), rawContainer('c', { p1: '10.1.0.3' }),
    ], 'a', 'b');
    assert.match(step(e, 'isolation').evidence.join('\n'), /p1 ↔ ov: Podman isolates p1 \(isolate=strict\)/);
    const plain = explain([rawNetwork('x'), rawNetwork('ov', { driver: 'overlay' })], [rawContainer('a', { x: '10.1.0.2' }), rawContainer('b', { ov: '10.2.0.3' })], 'a', 'b');
    assert.match(step(plain, 'isolation').evidence.join('\n'), /x ↔ ov: separate networks \(bridge, overlay\) are not connected/);
  });

  test('a container: source is connected through its namespace owner', () => {
    const e = explain([rawNetwork('front'), rawNetwork('back')], [
      rawContainer('owner', { front: '10.1.0.2' }), rawContainer('side', {}, { mode: 'container:owner' }), rawContainer('b', { back: '10.2.0.3' }),
    ], 'side', 'b');
    assert.deepEqual(commands(e), ['docker network connect back owner', 'docker network connect front b']);
  });
});

describe('explainReach: from the host\'s stack', () => {
  const hostSource = rawContainer('h', { host: '' }, { mode: 'host' });

  test('into a plain bridge: the host routes to the target, and its published ports work', () => {
    const e = explain([HOSTNET, rawNetwork('plain')], [hostSource, rawContainer('b', { plain: '10.0.0.3' }, web)], 'h', 'b');
    assert.equal(e.reachable, true);
    assert.equal(step(e, `via-host:${net('plain')}`).status, 'pass');
    assert.equal(step(e, 'published-ports').status, 'pass');
    assert.deepEqual(step(e, 'published-ports').evidence, ['0.0.0.0:8080 → 80/tcp']);
  });

  test('into a routed bridge: reached without NAT', () => {
    const e = explain([HOSTNET, rawNetwork('rtd', { options: { [GW4]: 'routed' } })], [hostSource, rawContainer('b', { rtd: '10.0.0.3' })], 'h', 'b');
    assert.equal(e.reachable, true);
    assert.match(step(e, `via-host:${net('rtd')}`).result, /without NAT \(routed\)/);
    assert.equal(step(e, 'published-ports').status, 'info');
  });

  test('into an isolated bridge: blocked, ports too; the fix connects the target to a bridge with a host address', () => {
    const e = explain([HOSTNET, BRIDGE, rawNetwork('iso', { options: { [GW4]: 'isolated' } }), rawNetwork('iso2', { options: { [GW4]: 'isolated' } })],
      [hostSource, rawContainer('b', { iso: '10.0.0.3' }, web)], 'h', 'b');
    assert.equal(e.firstFailure, 'via-host');
    assert.equal(step(e, 'published-ports').status, 'fail');
    assert.deepEqual(commands(e), ['docker network connect bridge b']);
  });

  test('into macvlan: the host cannot reach it', () => {
    const e = explain([HOSTNET, rawNetwork('mv', { driver: 'macvlan' }), rawNetwork('plain')], [hostSource, rawContainer('b', { mv: '10.0.0.3' })], 'h', 'b');
    assert.deepEqual(e.blocked, [{ kind: 'host-unreachable', network: 'mv' }]);
    assert.deepEqual(commands(e), ['docker network connect plain b']);
  });

  test('into an overlay only: no route, and the model says they share no network', () => {
    const e = explain([HOSTNET, rawNetwork('ov', { driver: 'overlay' })], [hostSource, rawContainer('b', { ov: '10.0.0.3' })], 'h', 'b');
    assert.equal(step(e, `via-host:${net('ov')}`).status, 'fail');
    assert.deepEqual(e.blocked, [{ kind: 'no-common-network' }]);
  });

  test('a target without an address on its bridge: nothing to reach there', () => {
    const e = explain([HOSTNET, rawNetwork('plain')], [hostSource, rawContainer('b', { plain: '' })], 'h', 'b');
    assert.equal(step(e, `via-host:${net('plain')}`).status, 'info');
    assert.equal(e.reachable, false);
    assert.equal(e.firstFailure, undefined);
  });
});

describe('suggestNetworkName', () => {
  test('makes the name valid and numbers it when taken', () => {
    const s = joinSnapshot([rawNetwork('a-b'), rawNetwork('a-b-2')], []);
    assert.equal(suggestNetworkName(s, 'a', 'b'), 'a-b-3');
    assert.equal(suggestNetworkName(s, '_x y', 'z'), 'x-y-z');
    assert.equal(suggestNetworkName(s, '_', '_'), 'shared');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatArgv, judgeStep, parsePingLatency, probePlan, summarizeProbe, MATRIX_CAP, type ExecOutcome, type ProbeResult, type ProbeStep,
} from '../../src/core/probe';
import {
  agreement, capText, matrixPlan, modelAt, probeNetworks, probeTarget, ProbeTargetError,
} from '../../src/core/probeTargets';
import { computeReachability, reachBetween } from '../../src/core/reachability';
import { probePair } from '../../src/docker/probe';
import { EngineError } from '../../src/core/errors';
import type { Engine } from '../../src/docker/client';
import { rawContainer, rawNetwork, seedSnapshot } from './seedSnapshot';

const BUSYBOX_OK = `PING 172.28.5.10 (172.28.5.10): 56 data bytes
64 bytes from 172.28.5.10: seq=0 ttl=64 time=0.094 ms

--- 172.28.5.10 ping statistics ---
1 packets transmitted, 1 packets received, 0% packet loss
round-trip min/avg/max = 0.094/0.094/0.094 ms
`;
const BUSYBOX_LOST = `PING 172.17.0.3 (172.17.0.3): 56 data bytes

--- 172.17.0.3 ping statistics ---
1 packets transmitted, 0 packets received, 100% packet loss
`;
const IPUTILS_OK = `PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.052 ms

--- 10.0.0.2 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.052/0.052/0.052/0.000 ms
`;
const BUSYBOX_NC_NO_Z = `nc: invalid option -- 'z'
BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: nc [-iN] [-wN] [-l] [-p PORT] [-f FILE|IPADDR PORT] [-e PROG]`;
const NOT_FOUND = 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\r\n';

const out = (exitCode: number | null, output = '', timedOut = false): ExecOutcome => ({ exitCode, output, timedOut, ms: 12 });
const ping: ProbeStep = probePlan('172.28.5.10', [])[0];
const [, nc, ncPlain, wget] = probePlan('172.28.5.10', [{ port: 80, protocol: 'tcp' }]);

describe('probe: ping output', () => {
  test('busybox, iputils, summary only, sub-millisecond', () => {
    assert.equal(parsePingLatency(BUSYBOX_OK), 0.094);
    assert.equal(parsePingLatency(IPUTILS_OK), 0.052);
    assert.equal(parsePingLatency('round-trip min/avg/max = 1.5/2.25/3.0 ms'), 2.25);
    assert.equal(parsePingLatency('Reply from 10.0.0.2: bytes=32 time<1ms TTL=128'), 1);
    assert.equal(parsePingLatency(BUSYBOX_LOST), undefined);
    assert.equal(parsePingLatency(''), undefined);
  });
});

describe('probe: command selection', () => {
  test('ping first, bounded; nc -z then wget on the first TCP port; argv only', () => {
    assert.deepEqual(probePlan('172.28.5.10', []).map((s) => s.argv), [['ping', '-c', '1', '-W', '1', '172.28.5.10']]);
    assert.deepEqual(probePlan('172.28.5.10', [{ port: 53, protocol: 'udp' }, { port: 80, protocol: 'tcp' }, { port: 443, protocol: 'tcp' }]).map((s) => s.argv), [
      ['ping', '-c', '1', '-W', '1', '172.28.5.10'],
      ['nc', '-z', '-w', '1', '172.28.5.10', '80'],
      ['nc', '-w', '1', '172.28.5.10', '80'],
      ['wget', '-T', '1', '-q', '-O', '/dev/null', 'http://172.28.5.10:80/'],
    ]);
    assert.equal(probePlan('fd00::2', [{ port: 8080, protocol: 'tcp' }])[3].argv[6], 'http://[fd00::2]:8080/');
    assert.equal(probePlan('10.0.0.2', [{ port: 53, protocol: 'udp' }]).length, 1, 'UDP ports are no use to nc -z or wget');
    assert.equal(formatArgv(['ping', '-c', '1', '-W', '1', '10.0.0.2']), '["ping","-c","1","-W","1","10.0.0.2"]');
  });

  test('each outcome read: reachable, unreachable, or this tool cannot tell', () => {
    const r = judgeStep(ping, out(0, BUSYBOX_OK));
    assert.equal(r.verdict, 'reachable');
    assert.equal(r.latencyMs, 0.094);
    assert.equal(judgeStep(ping, out(1, BUSYBOX_LOST)).verdict, 'unreachable');
    assert.equal(judgeStep(ping, out(1, 'ping: sendto: Network is unreachable')).reason, 'no route to the address');
    assert.equal(judgeStep(ping, out(127, NOT_FOUND)).verdict, 'unusable');
    assert.equal(judgeStep(ping, out(126, NOT_FOUND)).reason, 'ping is not installed in the source container');
    assert.equal(judgeStep(ping, out(1, 'ping: permission denied (are you root?)')).verdict, 'unusable');
    assert.equal(judgeStep(ping, out(null, '', true)).verdict, 'unusable');
    assert.equal(judgeStep(ping, out(null, '')).verdict, 'unusable');
    assert.equal(judgeStep(nc, out(0)).verdict, 'reachable');
    assert.equal(judgeStep(nc, out(1)).verdict, 'unreachable');
    assert.equal(judgeStep(nc, out(1, BUSYBOX_NC_NO_Z)).verdict, 'unusable', 'a busybox nc without -z');
    assert.equal(judgeStep(ncPlain, out(1, 'nc: can\'t connect to remote host (172.28.5.10): Connection refused')).verdict, 'reachable', 'a refusal is an answer');
    assert.equal(judgeStep(ncPlain, out(1, 'nc: timed out')).verdict, 'unreachable');
    assert.equal(judgeStep(wget, out(0)).verdict, 'reachable');
    assert.equal(judgeStep(wget, out(1, 'wget: server returned error: HTTP/1.0 404 Not Found')).verdict, 'reachable');
    assert.equal(judgeStep(wget, out(1, 'wget: can\'t connect to remote host (172.28.5.10): Connection refused')).verdict, 'reachable');
    assert.equal(judgeStep(wget, out(1, 'wget: download timed out')).verdict, 'unreachable');
    assert.equal(judgeStep(wget, out(139, '')).verdict, 'unusable', 'a crash says nothing about the network');
  });

  test('the summary is the first step that could tell; nothing usable is inconclusive and says why', () => {
    const steps = [judgeStep(ping, out(127, NOT_FOUND)), judgeStep(nc, out(1, BUSYBOX_NC_NO_Z)), judgeStep(ncPlain, out(127, NOT_FOUND)), judgeStep(wget, out(0))];
    const r = summarizeProbe(steps);
    assert.equal(r.verdict, 'reachable');
    assert.equal(r.tool, 'wget');
    assert.deepEqual(r.argv, wget.argv);
    const none = summarizeProbe([judgeStep(ping, out(127, NOT_FOUND))], [ping]);
    assert.equal(none.verdict, 'inconclusive');
    assert.match(none.reason, /ping is not installed.*exposes no TCP port/);
  });
});

describe('probe: what may be probed', () => {
  test('the address comes from the snapshot: a container of this engine on this engine\'s network', () => {
    const { snapshot, id, net } = seedSnapshot();
    const t = probeTarget(snapshot, id('test4'), id('test1'), net('my-net'));
    assert.equal(t.address, '172.28.5.1');
    assert.deepEqual([t.source.name, t.target.name, t.network.name], ['test4', 'test1', 'my-net']);
    assert.deepEqual(probeTarget(snapshot, id('test1'), id('test4'), net('my-net')).ports, [{ port: 80, protocol: 'tcp' }]);
    assert.throws(() => probeTarget(snapshot, id('test4'), 'f'.repeat(64), net('my-net')), ProbeTargetError);
    assert.throws(() => probeTarget(snapshot, 'e'.repeat(64), id('test1'), net('my-net')), ProbeTargetError);
    assert.throws(() => probeTarget(snapshot, id('test4'), id('test2'), net('my-net')), /has no address on my-net/);
    assert.throws(() => probeTarget(snapshot, id('test4'), id('test1'), 'a'.repeat(64)), /not on this engine/);
    assert.throws(() => probeTarget(snapshot, id('test4'), id('test1'), net('host')), /no address of their own/);
  });

  test('a stopped source cannot run a probe', () => {
    const { snapshot, id, net } = seedSnapshot([rawContainer('off', { bridge: '' }, { state: 'exited' })]);
    assert.throws(() => probeTarget(snapshot, id('off'), id('test2'), net('bridge')), /not running/);
  });

  test('where a target can be probed: shared networks first', () => {
    const { snapshot, id } = seedSnapshot();
    assert.deepEqual(probeNetworks(snapshot, id('test4'), id('test1')).map((o) => [o.network.name, o.shared, o.address]),
      [['my-net', true, '172.28.5.1'], ['bridge', false, '172.17.0.2']]);
    assert.deepEqual(probeNetworks(snapshot, id('test4'), id('test2')).map((o) => [o.network.name, o.shared]), [['bridge', false]]);
  });

  test('probePair runs ping, falls back to nc -z, nc and wget on the exposed port, and never names another address', async () => {
    const { snapshot, id, net } = seedSnapshot();
    const ran: string[][] = [];
    const exec = async (_container: string, argv: readonly string[]): Promise<ExecOutcome> => {
      ran.push([...argv]);
      if (argv[0] === 'ping') return out(127, NOT_FOUND);
      if (argv[0] === 'nc' && argv[1] === '-z') return out(1, BUSYBOX_NC_NO_Z);
      if (argv[0] === 'nc') return out(127, NOT_FOUND);
      return out(0);
    };
    const { result, target } = await probePair({} as Engine, snapshot, id('test1'), id('test4'), net('my-net'), exec);
    assert.equal(target.address, '172.28.5.10');
    assert.deepEqual(ran, [
      ['ping', '-c', '1', '-W', '1', '172.28.5.10'],
      ['nc', '-z', '-w', '1', '172.28.5.10', '80'],
      ['nc', '-w', '1', '172.28.5.10', '80'],
      ['wget', '-T', '1', '-q', '-O', '/dev/null', 'http://172.28.5.10:80/'],
    ]);
    assert.equal(result.verdict, 'reachable');
    assert.equal(result.tool, 'wget');
    await assert.rejects(probePair({} as Engine, snapshot, id('test1'), 'd'.repeat(64), net('my-net'), exec), ProbeTargetError);
    assert.equal(ran.length, 4, 'nothing ran for a target outside the snapshot');
  });
});

test('probePair: a probe that hits the engine\'s deadline (EngineError of kind timeout) is reported as timed out, not as an error', async () => {
  const { snapshot, id, net } = seedSnapshot();
  const exec = async (): Promise<ExecOutcome> => {
    throw new EngineError('timeout', 'start a probe in 0123456789ab took longer than 1000 ms');
  };
  const { result } = await probePair({} as Engine, snapshot, id('test1'), id('test4'), net('my-net'), exec);
  assert.ok(result.steps.length >= 1);
  assert.match(result.steps[0]!.reason, /did not finish within/);
});

describe('probe: the matrix', () => {
  test('every ordered pair of running containers, capped at 20, the cap said', () => {
    const { snapshot, net } = seedSnapshot();
    const myNet = snapshot.networks.find((n) => n.id === net('my-net'))!;
    const plan = matrixPlan(myNet);
    assert.deepEqual(plan.members.map((m) => m.name), ['test1', 'test4']);
    assert.equal(plan.pairs.length, 2);
    assert.match(capText(plan), /2 running containers on my-net, 2 ordered pairs \(the matrix is capped at 20 containers\)/);

    const many = Array.from({ length: 25 }, (_, i) => rawContainer(`m${String(i).padStart(2, '0')}`, { big: `10.9.0.${i + 2}` }));
    const big = seedSnapshot(many, [rawNetwork('big', { subnet: '10.9.0.0/16' })]);
    const bigPlan = matrixPlan(big.snapshot.networks.find((n) => n.name === 'big')!);
    assert.equal(bigPlan.members.length, MATRIX_CAP);
    assert.equal(bigPlan.omitted.length, 5);
    assert.equal(bigPlan.pairs.length, 20 * 19);
    assert.match(capText(bigPlan), /capped at 20 containers: 25 are running on big, so 5 are left out \(m20, m21, m22, m23, m24\)/);
  });

  test('stopped members are left out; members without an address are sources only', () => {
    const { snapshot } = seedSnapshot([
      rawContainer('sleepy', { 'my-net': '' }, { state: 'exited' }),
      rawContainer('side', {}, { mode: `container:test4` }),
    ]);
    const plan = matrixPlan(snapshot.networks.find((n) => n.name === 'my-net')!);
    assert.ok(!plan.members.some((m) => m.name === 'sleepy'));
    assert.ok(plan.members.some((m) => m.name === 'side'), 'a container: member is on its owner\'s networks');
  });
});

describe('probe: beside the model', () => {
  const probe = (verdict: ProbeResult['verdict']): ProbeResult => ({ verdict, reason: verdict === 'reachable' ? 'got a reply' : 'no reply within 1 s', steps: [] });

  test('the seed: test4 → test1 reachable via my-net; test4 → test2 not (no shared network)', () => {
    const { snapshot, id, net } = seedSnapshot();
    const r = computeReachability(snapshot);
    const t1 = modelAt(reachBetween(r, id('test4'), id('test1')), net('my-net'));
    assert.equal(t1.reachable, true);
    assert.equal(t1.text, 'reachable via my-net');
    const t2 = modelAt(reachBetween(r, id('test4'), id('test2')), net('bridge'));
    assert.equal(t2.reachable, false);
    assert.equal(t2.text, 'unreachable: they share no network');
    // test1's bridge address is reachable for test2, but not for test4 (only at its my-net address)
    const other = modelAt(reachBetween(r, id('test4'), id('test1')), net('bridge'));
    assert.equal(other.reachable, false);
    assert.equal(other.text, 'not reachable at this address (only via my-net)');

    assert.deepEqual(agreement(t1, probe('reachable')), { agrees: true, text: 'Agrees with the model: reachable via my-net.' });
    assert.deepEqual(agreement(t2, probe('unreachable')), { agrees: true, text: 'Agrees with the model: unreachable: they share no network.' });
  });

  test('a disagreement is said plainly, with what may be at work', () => {
    const { snapshot, id, net } = seedSnapshot();
    const r = computeReachability(snapshot);
    const t1 = modelAt(reachBetween(r, id('test4'), id('test1')), net('my-net'));
    assert.deepEqual(agreement(t1, probe('unreachable')), {
      agrees: false,
      text: 'The model says reachable via my-net, but the probe failed: a firewall or ICC setting may be at work.',
    });
    const t2 = modelAt(reachBetween(r, id('test4'), id('test2')), net('bridge'));
    const got = agreement(t2, probe('reachable'));
    assert.equal(got.agrees, false);
    assert.match(got.text, /^The model says unreachable: they share no network, but the probe got through: something routes between these networks/);
    const unsure = agreement(t1, { verdict: 'inconclusive', reason: 'ping is not installed in the source container', steps: [] });
    assert.equal(unsure.agrees, undefined);
    assert.equal(unsure.text, 'The probe could not tell (ping is not installed in the source container). The model says reachable via my-net.');
  });

  test('ICC off: the model says blocked, and a failed probe agrees', () => {
    const quiet = rawNetwork('quiet', { subnet: '10.5.0.0/16', options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const { snapshot, id, net } = seedSnapshot([rawContainer('qa', { quiet: '10.5.0.2' }), rawContainer('qb', { quiet: '10.5.0.3' })], [quiet]);
    const m = modelAt(reachBetween(computeReachability(snapshot), id('qa'), id('qb')), net('quiet'));
    assert.equal(m.text, 'unreachable: inter-container traffic (ICC) is disabled on quiet');
    assert.equal(agreement(m, probe('unreachable')).agrees, true);
  });
});

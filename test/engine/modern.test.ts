// What engines 25–29 added, end to end on the real engine: the form → validation → request builder → engine →
// snapshot → tree/details path, checked against what the engine and the container itself report. Each case needs an
// API version; on an engine without it the case is skipped naming the version, and the pre-flight check must refuse
// the feature instead (never a daemon error).
//
// Everything here is named dn-mod-*, carries the label dev.dockernetworks.modern and lives in 10.78.0.0/20 and
// fd78::/48; after() removes it even on failure.
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type Dockerode from 'dockerode';
import { createNetwork, connectContainer, runContainer } from '../../src/docker/actions';
import { takeSnapshot } from '../../src/docker/snapshot';
import { execInContainer } from '../../src/docker/probe';
import type { Engine } from '../../src/docker/client';
import { apiAtLeast, FEATURE_MIN_API, type Feature } from '../../src/core/apiVersion';
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, validationContext, type CreateNetworkForm,
} from '../../src/core/forms';
import { toConnectRequest, toCreateNetworkRequest, toRunRequest } from '../../src/core/formRequests';
import { validateCreateNetwork } from '../../src/core/validate/network';
import { attachmentTooltip, networkDescription } from '../../src/core/format';
import { EndpointDetailsCache } from '../../src/docker/details';
import { defaultRoute, routeCandidate } from '../../src/core/defaultRoute';
import { computeReachability, reachBetween } from '../../src/core/reachability';
import type { Snapshot } from '../../src/core/model';
import { cleanLabelled, SEED_IMAGE } from '../fixtures/seed';
import { engineAt, rawDocker } from './support';

const LABEL = 'dev.dockernetworks.modern';
const MINE = { key: LABEL, value: '1' };
const docker: Dockerode = rawDocker();
let engine: Engine;
let api = '1.24';

function form(over: Partial<CreateNetworkForm>): CreateNetworkForm {
  return { ...emptyCreateNetworkForm(), labels: [MINE], ...over };
}

/** Skips the case on an engine whose API lacks `feature`, saying which version it needs. */
function needs(t: TestContext, feature: Feature): boolean {
  if (apiAtLeast(api, FEATURE_MIN_API[feature])) return false;
  t.skip(`needs API ≥ ${FEATURE_MIN_API[feature]} (engine has ${api})`);
  return true;
}

async function snap(): Promise<Snapshot> {
  return takeSnapshot(engine);
}

/** Validates against the live engine first (as the form does), then creates. */
async function create(f: CreateNetworkForm): Promise<string> {
  const errors = validateCreateNetwork(f, validationContext(await snap(), { swarmManager: false, drivers: [] }));
  assert.deepEqual(errors, [], `pre-flight refused ${f.name}: ${JSON.stringify(errors)}`);
  return createNetwork(engine, toCreateNetworkRequest(f) as Dockerode.NetworkCreateOptions);
}

async function run(name: string, network: string, gwPriority = ''): Promise<string> {
  const f = { ...emptyRunForm(), image: SEED_IMAGE, name, network, gwPriority, command: 'sleep 3600', labels: [MINE] };
  const { name: n, body } = toRunRequest(f);
  return runContainer(engine, { ...body, name: n } as Dockerode.ContainerCreateOptions);
}

describe('what engines 25–29 added, on the real engine', () => {
  before(async () => {
    await cleanLabelled(docker, LABEL);
    engine = engineAt();
    api = (await engine.negotiate()).api;
  });
  after(async () => {
    await cleanLabelled(docker, LABEL);
  });

  test('an IPv6-only network (IPv4 off, subnet from the engine\'s ULA pool): created, shown as IPv6-only, not as none', async (t) => {
    if (needs(t, 'enableIPv4')) {
      // the older engine: the same form is refused before anything is sent, naming the version it needs
      const errors = validateCreateNetwork(form({ name: 'dn-mod-v6only', enableIPv4: false, enableIPv6: true }), validationContext(await snap(), { swarmManager: false, drivers: [] }));
      assert.ok(errors.some((e) => /1\.48|28\.0/.test(e.message)), JSON.stringify(errors));
      return;
    }
    const id = await create(form({ name: 'dn-mod-v6only', enableIPv4: false, enableIPv6: true }));
    const raw = await docker.getNetwork(id).inspect() as { EnableIPv4?: boolean; IPAM: { Config: { Subnet: string }[] } };
    assert.equal(raw.EnableIPv4, false);
    const n = (await snap()).networks.find((x) => x.id === id);
    assert.ok(n);
    assert.equal(n.enableIPv4, false);
    assert.equal(n.enableIPv6, true);
    assert.ok(n.ipam.length === 1 && n.ipam[0]!.subnet?.includes(':'), `an IPv6 subnet was allocated: ${JSON.stringify(n.ipam)}`);
    assert.deepEqual(n.ipam.map((c) => c.subnet), raw.IPAM.Config.map((c) => c.Subnet));
    assert.match(networkDescription(n), /IPv6 only/);
    const none = (await snap()).networks.find((x) => x.name === 'none');
    assert.ok(none && !/IPv6 only/.test(networkDescription(none)), 'none is not IPv6-only');
  });

  test('gateway modes: routed and isolated are sent as options and read back; isolated cuts the host off in the model', async (t) => {
    if (needs(t, 'gatewayModeAll')) return;
    const routed = await create(form({ name: 'dn-mod-routed', gatewayModeIPv4: 'routed', ipv4: [{ subnet: '10.78.1.0/24', ipRange: '', gateway: '', auxAddresses: '' }] }));
    const isolated = await create(form({ name: 'dn-mod-isolated', internal: true, gatewayModeIPv4: 'isolated', ipv4: [{ subnet: '10.78.2.0/24', ipRange: '', gateway: '', auxAddresses: '' }] }));
    const opts = async (id: string): Promise<Record<string, string>> => (await docker.getNetwork(id).inspect()).Options as Record<string, string>;
    assert.equal((await opts(routed))['com.docker.network.bridge.gateway_mode_ipv4'], 'routed');
    assert.equal((await opts(isolated))['com.docker.network.bridge.gateway_mode_ipv4'], 'isolated');
    // isolated without internal: refused before the engine sees it
    const errors = validateCreateNetwork(form({ name: 'dn-mod-bad', gatewayModeIPv4: 'isolated' }), validationContext(await snap(), { swarmManager: false, drivers: [] }));
    assert.ok(errors.some((e) => e.field === 'gatewayModeIPv4' || e.field === 'internal'), JSON.stringify(errors));
    // two containers on the isolated bridge still reach each other; the model says the host has no address there
    await run('dn-mod-iso-a', 'dn-mod-isolated');
    await run('dn-mod-iso-b', 'dn-mod-isolated');
    const s = await snap();
    const idOf = (name: string): string => s.containers.find((c) => c.Names.includes(`/${name}`))!.Id;
    const pair = reachBetween(computeReachability(s), idOf('dn-mod-iso-a'), idOf('dn-mod-iso-b'));
    assert.equal(pair.reachable, true, JSON.stringify(pair));
    // and the bridge really has no IPv4 address on the host (what "isolated" means)
    const bridge = `br-${isolated.slice(0, 12)}`;
    const { execFileSync } = await import('node:child_process');
    const addrs = execFileSync('ip', ['-4', '-o', 'addr', 'show', 'dev', bridge], { encoding: 'utf8' });
    assert.equal(addrs.trim(), '', `${bridge} has no IPv4 address`);
  });

  test('GwPriority on run and connect: the network it names gives the default route, inside the container too', async (t) => {
    if (needs(t, 'gwPriority')) return;
    await create(form({ name: 'dn-mod-gw-a', ipv4: [{ subnet: '10.78.3.0/24', ipRange: '', gateway: '10.78.3.1', auxAddresses: '' }] }));
    await create(form({ name: 'dn-mod-gw-b', ipv4: [{ subnet: '10.78.4.0/24', ipRange: '', gateway: '10.78.4.1', auxAddresses: '' }] }));
    const id = await run('dn-mod-gw', 'dn-mod-gw-a', '1');
    await connectContainer(engine, 'dn-mod-gw-b', toConnectRequest({ ...emptyConnectForm(), container: 'dn-mod-gw', network: 'dn-mod-gw-b', gwPriority: '10' }) as Dockerode.NetworkConnectOptions);
    const info = await docker.getContainer(id).inspect();
    const eps = info.NetworkSettings.Networks as Record<string, { GwPriority?: number }>;
    assert.equal(eps['dn-mod-gw-a']?.GwPriority, 1);
    assert.equal(eps['dn-mod-gw-b']?.GwPriority, 10);
    const s = await snap();
    const att = s.networks.find((n) => n.name === 'dn-mod-gw-b')?.attachments.find((a) => a.containerId === id);
    assert.equal(att?.gwPriority, 10);
    const route = defaultRoute(Object.entries(info.NetworkSettings.Networks).map(([name, ep]) =>
      routeCandidate(name, ep, s.networks.find((n) => n.name === name))));
    assert.equal(route.ipv4?.network, 'dn-mod-gw-b');
    // the container's own routing table agrees: its default route goes through dn-mod-gw-b's gateway
    const out = await execInContainer(engine, id, ['ip', 'route']);
    assert.match(out.output, /default via 10\.78\.4\.1 /, out.output);
  });

  test('DNS names on each endpoint (API 1.44+): the name and the short id, read by the one inspect the tooltip makes', async (t) => {
    if (needs(t, 'dnsNames')) return;
    await create(form({ name: 'dn-mod-dns', ipv4: [{ subnet: '10.78.5.0/24', ipRange: '', gateway: '', auxAddresses: '' }] }));
    const id = await run('dn-mod-dns-a', 'dn-mod-dns');
    const att = (await snap()).networks.find((n) => n.name === 'dn-mod-dns')?.attachments.find((a) => a.containerId === id);
    assert.ok(att);
    // the list call does not carry DNSNames (28.5): the tree's hover reads them with one inspect (EndpointDetailsCache)
    const details = await new EndpointDetailsCache(engine).get(att, 'dn-mod-dns');
    const engineSays = ((await docker.getContainer(id).inspect()).NetworkSettings.Networks['dn-mod-dns'] as { DNSNames?: string[] }).DNSNames;
    assert.deepEqual([...(details?.dnsNames ?? [])].sort(), [...(engineSays ?? [])].sort());
    assert.ok(details?.dnsNames.includes('dn-mod-dns-a') && details.dnsNames.includes(id.slice(0, 12)), JSON.stringify(details?.dnsNames));
    assert.match(attachmentTooltip({ ...att, dnsNames: details!.dnsNames }, (await snap()).networks.find((n) => n.name === 'dn-mod-dns')!), /DNS names.*dn-mod-dns-a/s);
  });

  test('IPv6 without a subnet: allocated from the default pool on 27+, refused before sending on older engines', async (t) => {
    const f = form({ name: 'dn-mod-v6pool', enableIPv6: true, ipv4: [{ subnet: '10.78.6.0/24', ipRange: '', gateway: '', auxAddresses: '' }] });
    if (!apiAtLeast(api, FEATURE_MIN_API.ipv6DefaultPool)) {
      const errors = validateCreateNetwork(f, validationContext(await snap(), { swarmManager: false, drivers: [] }));
      assert.ok(errors.length > 0, 'refused on an engine without a default IPv6 pool');
      t.diagnostic(`refused: ${errors.map((e) => e.message).join(' | ')}`);
      return;
    }
    const id = await create(f);
    const n = (await snap()).networks.find((x) => x.id === id);
    assert.ok(n?.ipam.some((c) => c.subnet?.includes(':')), JSON.stringify(n?.ipam));
  });
});

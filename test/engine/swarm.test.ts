// A single-node Swarm on the private engine: an overlay network, a service on it, its VIP and task in the model.
// The service names the image by ID: moby then skips the registry pull (no traffic leaves the machine).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveModel } from '../../src/docker/live';
import { engineAt, rawDocker, until } from './support';

const LABEL = 'dev.dockernetworks.swarm-test';
const docker = rawDocker();

describe('swarm (single node)', () => {
  let weInitialised = false;
  let live: LiveModel;
  let serviceId = '';

  before(async () => {
    const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string } };
    if (info.Swarm?.LocalNodeState !== 'active') {
      await docker.swarmInit({ ListenAddr: '127.0.0.1:2377', AdvertiseAddr: '127.0.0.1', DefaultAddrPool: ['10.200.0.0/16'], SubnetSize: 24 });
      weInitialised = true;
    }
    live = new LiveModel(engineAt());
    live.start();
    await until(() => live.snapshot, 10_000, 'first snapshot');
  });

  after(async () => {
    live?.dispose();
    if (serviceId) await docker.getService(serviceId).remove().catch(() => undefined);
    // The task's endpoint goes away shortly after the service; retry the network removal meanwhile.
    await until(async () => docker.getNetwork('dn-overlay').remove().then(() => true, (e: { statusCode?: number }) => e.statusCode === 404 || undefined), 30_000, 'dn-overlay removed').catch(() => undefined);
    // swarm init leaves docker_gwbridge behind; it stays: removing it right after leaving deadlocks engine 20.10's
    // network controller (every later network call hangs), and it is harmless (built in, no containers).
    if (weInitialised) await docker.swarmLeave({ force: true });
  });

  test('the manager role is noticed, and ingress is a built-in swarm network', async () => {
    const ingress = await until(() => live.snapshot?.networks.find((n) => n.name === 'ingress'), 10_000, 'ingress in the model');
    assert.equal(ingress.scope, 'swarm');
    assert.equal(ingress.builtin, true);
  });

  test('a service on an overlay network shows with its virtual IP and its task', async () => {
    await docker.createNetwork({ Name: 'dn-overlay', Driver: 'overlay', Attachable: true, Labels: { [LABEL]: '1' },
      IPAM: { Config: [{ Subnet: '10.201.0.0/24' }] } });
    const imageId = (await docker.getImage('localbusybox:latest').inspect()).Id;
    const svc = await docker.createService({
      Name: 'dn-svc', Labels: { [LABEL]: '1' },
      TaskTemplate: { ContainerSpec: { Image: imageId, Command: ['sleep', '86400'] }, Networks: [{ Target: 'dn-overlay' }] },
      Mode: { Replicated: { Replicas: 1 } },
    });
    serviceId = svc.id;
    const net = await until(() => {
      const n = live.snapshot?.networks.find((x) => x.name === 'dn-overlay');
      return n?.services?.length && n.attachments.some((a) => a.serviceId === serviceId && a.state === 'running') ? n : undefined;
    }, 60_000, 'dn-svc with a running task on dn-overlay');
    assert.equal(net.scope, 'swarm');
    assert.equal(net.driver, 'overlay');
    const s = net.services?.[0];
    assert.equal(s?.name, 'dn-svc');
    assert.equal(s?.mode, 'replicated 1');
    assert.match(s?.vip ?? '', /^10\.201\.0\.\d+\/24$/);
    const task = net.attachments.find((a) => a.serviceId === serviceId);
    assert.match(task?.ipv4 ?? '', /^10\.201\.0\.\d+\/24$/);
    assert.notEqual(task?.ipv4, s?.vip, 'the task has its own address, apart from the VIP');
  });
});

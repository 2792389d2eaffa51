// What the round-trip tests of the exports share (exports.test.ts: docker commands; composeExport.test.ts: Compose):
// removing their objects by name prefix, finding a network in a snapshot, and the endpoint details the copy commands
// read with an inspect per container.
import assert from 'node:assert/strict';
import type Dockerode from 'dockerode';
import type { EndpointExtras } from '../../src/core/exportPlan';
import type { NetworkView, Snapshot } from '../../src/core/model';
import type { Engine } from '../../src/docker/client';
import { EndpointDetailsCache } from '../../src/docker/details';

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { statusCode?: number }).statusCode === 404;
}

/** Everything whose name starts with `prefix`: containers first, then networks (the exported commands carry no labels). */
export async function removeNamed(docker: Dockerode, prefix: string): Promise<void> {
  const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`^/${prefix}`] }) });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch((e: unknown) => { if (!isNotFound(e)) throw e; })));
  for (const n of await docker.listNetworks({ filters: JSON.stringify({ name: [prefix] }) })) {
    await docker.getNetwork(n.Id).remove().catch((e: unknown) => { if (!isNotFound(e)) throw e; });
  }
}

export function networkNamed(s: Snapshot, name: string): NetworkView {
  const n = s.networks.find((x) => x.name === name);
  assert.ok(n, `no network ${name}: ${s.networks.map((x) => x.name).join(', ')}`);
  return n;
}

/** What the copy commands read with an inspect per container (the list call has no aliases on Docker 28). */
export async function extrasOf(engine: Engine, n: NetworkView): Promise<Map<string, EndpointExtras>> {
  const details = new EndpointDetailsCache(engine);
  const out = new Map<string, EndpointExtras>();
  for (const a of n.attachments) {
    const d = await details.get(a, n.name);
    if (d) out.set(a.containerId, d);
  }
  return out;
}

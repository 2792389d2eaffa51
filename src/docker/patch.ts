// Applies a batch's targeted reads to the raw lists: the containers in one filtered list call, each network with
// an inspect, the services list when asked; all in parallel, and applied only once every read has answered, so a
// failed read leaves the lists as they were (the services list is optional: its failure only marks it missing).
import type { Plan } from '../core/changes';
import type { RawState } from '../core/rawState';
import type { Engine } from './client';
import { readContainers, readNetwork, readServices } from './snapshot';

export type PatchPlan = Extract<Plan, { kind: 'patch' }>;

export async function applyPatch(engine: Engine, raw: RawState, plan: PatchPlan): Promise<void> {
  const { containers, networks } = plan;
  const [found, nets, services] = await Promise.all([
    containers.read.length ? readContainers(engine, containers.read) : [],
    Promise.all(networks.read.map((id) => readNetwork(engine, id))),
    plan.services ? readServices(engine) : undefined,
  ]);
  for (const id of containers.drop) raw.dropContainer(id);
  raw.putContainers(containers.read, found);
  for (const id of networks.drop) raw.dropNetwork(id);
  networks.read.forEach((id, i) => raw.putNetwork(id, nets[i]));
  if (services) raw.setServices(services.services, services.servicesError);
}

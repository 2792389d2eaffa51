// What every scenario of the reliability run gets, and the helpers they share: the label on everything the run
// makes, cleaning up, reading an object or undefined when the engine says 404, waiting with a bound.
import type Dockerode from 'dockerode';
import type { PrivateEngine } from './engine';

export const LABEL = 'dev.dockernetworks.reliability';
export const IMAGE = 'localbusybox:latest';

export interface Context {
  engine: PrivateEngine;
  log(msg: string): void;
  /** Seeded: the same run makes the same choices. */
  random(): number;
}

export function statusOf(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** The answer, or undefined when the engine says 404. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** Removes every container and network labelled LABEL (containers first). */
export async function removeLabelled(docker: Dockerode): Promise<{ containers: number; networks: number }> {
  const filters = { label: [LABEL] };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
  const networks = await docker.listNetworks({ filters });
  for (const n of networks) await docker.getNetwork(n.Id).remove().catch(() => undefined);
  return { containers: containers.length, networks: networks.length };
}

/** A user bridge network labelled for this run, made unless it exists. */
export async function ensureNetwork(docker: Dockerode, name: string, subnet: string): Promise<void> {
  if (await orMissing(docker.getNetwork(name).inspect())) return;
  await docker.createNetwork({ Name: name, Labels: { [LABEL]: 'fixture' }, IPAM: { Config: [{ Subnet: subnet }] } });
}

/** A running busybox `sleep` container labelled for this run (made and started as needed). */
export async function ensureRunning(docker: Dockerode, name: string, network: string, extra: Partial<Dockerode.ContainerCreateOptions> = {}): Promise<string> {
  let info = await orMissing(docker.getContainer(name).inspect());
  if (!info) {
    await docker.createContainer({
      name, Image: IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: 'fixture' }, StopTimeout: 1,
      HostConfig: { NetworkMode: network }, ...extra,
    });
    info = await docker.getContainer(name).inspect();
  }
  if (!info.State.Running) await docker.getContainer(name).start();
  return info.Id;
}

/** The promise's value, or undefined when it has not settled within `ms` (the timer is cleared either way). */
export async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((r) => (timer = setTimeout(r, ms, undefined)))]);
  } finally {
    clearTimeout(timer);
  }
}

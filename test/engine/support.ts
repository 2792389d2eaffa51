// Shared setup for tests against the real private engine (DOCKER_HOST from scripts/engine.sh).
import Dockerode from 'dockerode';
import { resolveEndpoint } from '../../src/core/endpoint';
import { Engine } from '../../src/docker/client';

export function dockerHost(): string {
  const host = process.env.DOCKER_HOST;
  if (!host) throw new Error('DOCKER_HOST is not set: run the tests through `npm test` (it starts a private engine)');
  return host;
}

export function engineAt(host = dockerHost(), timeoutMs?: number): Engine {
  return new Engine(resolveEndpoint({ setting: host, env: {}, platform: process.platform }), { timeoutMs });
}

export function rawDocker(host = dockerHost()): Dockerode {
  return new Dockerode({ socketPath: host.replace(/^unix:\/\//, '') });
}

/** Polls `probe` until it returns a value (for waiting on the engine, never for timing). */
export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

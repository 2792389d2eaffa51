// CLI for the seed scenario (test/fixtures/seed.ts) on the engine named by DOCKER_HOST.
//   node --import tsx scripts/seed.ts up|down [--demo]
// up: builds the scenario (after removing leftovers of both labels); down: removes what carries the label.
// --demo uses DEMO_LABEL (the demo data of `npm start`) instead of SEED_LABEL.
// Meant for the project's private engine (scripts/engine.sh); it refuses the system socket unless --any-engine.
import Dockerode from 'dockerode';
import { DEMO_LABEL, SEED_LABEL, seedDown, seedUp } from '../test/fixtures/seed';

function usage(msg?: string): never {
  if (msg) console.error(`seed: ${msg}`);
  console.error('usage: DOCKER_HOST=unix:///path/docker.sock node --import tsx scripts/seed.ts up|down [--demo] [--any-engine]');
  process.exit(2);
}

function dockerFor(host: string): Dockerode {
  if (host.startsWith('unix://')) return new Dockerode({ socketPath: host.slice('unix://'.length) });
  const m = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(host);
  if (m) return new Dockerode({ host: m[1], port: Number(m[2]) });
  return usage(`unsupported DOCKER_HOST ${host} (unix:// or tcp://host:port)`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cmd = args.find((a) => !a.startsWith('--'));
  const label = args.includes('--demo') ? DEMO_LABEL : SEED_LABEL;
  if (cmd !== 'up' && cmd !== 'down') usage();
  const host = process.env.DOCKER_HOST;
  if (!host) usage('DOCKER_HOST is not set (start the private engine: DOCKER_HOST=$(scripts/engine.sh start))');
  if (/\/var\/run\/docker\.sock$|^unix:\/\/\/run\/docker\.sock$/.test(host) && !args.includes('--any-engine')) {
    usage(`${host} looks like the system engine; the seed force-removes labelled containers, so pass --any-engine if you mean it`);
  }
  const docker = dockerFor(host);
  const t0 = Date.now();
  if (cmd === 'up') await seedUp(docker, label);
  else await seedDown(docker, [label]);
  console.error(`seed ${cmd} (${label}) on ${host}: ${Date.now() - t0} ms`);
}

main().catch((e: unknown) => {
  console.error(`seed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

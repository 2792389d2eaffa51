// The engine killed (SIGKILL to dockerd) during an action of src/docker/actions.ts: create network, connect, run
// (create + start) and remove network. Each action goes through the counting proxy in pass mode, which says when
// the action's request has been written to the engine: the kill lands right then, or after a random delay from
// then (up to 1.5× the action's own duration, measured first without a kill). The action must settle with an
// EngineError (no hang); after `engine.sh start` brings the engine back, the engine is inspected: it must hold the
// whole change or none of it.
import type Dockerode from 'dockerode';
import { EngineError } from '../../src/core/errors';
import type { Engine } from '../../src/docker/client';
import { connectContainer, createNetwork, removeNetwork, runContainer } from '../../src/docker/actions';
import { startCountingProxy } from '../../test/support/countingProxy';
import { median, now } from '../../bench/lib/util';
import { ensureNetwork, ensureRunning, errorText, IMAGE, LABEL, orMissing, removeLabelled, within, type Context } from '../lib/context';
import { fmt, type Cell, type Section } from '../lib/report';

type Op = 'createNetwork' | 'connect' | 'run' | 'removeNetwork';
type State = 'whole' | 'none' | 'half';

interface Verdict {
  state: State;
  detail: string;
}

interface OpSpec {
  op: Op;
  title: string;
  /** The request whose sending arms the kill (by default; `run` also tries its start request). */
  request: RegExp;
  prepare(i: number): Promise<void>;
  act(engine: Engine, i: number): Promise<unknown>;
  /** After the restart: what the engine holds. Leaves nothing of the trial behind. */
  check(i: number): Promise<Verdict>;
}

const V = String.raw`\/v[\d.]+`;
const CREATE_NETWORK = new RegExp(`^POST ${V}/networks/create`);
const CONNECT = new RegExp(`^POST ${V}/networks/[^/]+/connect`);
const CREATE_CONTAINER = new RegExp(`^POST ${V}/containers/create`);
const START_CONTAINER = new RegExp(`^POST ${V}/containers/[^/]+/start`);
const REMOVE_NETWORK = new RegExp(`^DELETE ${V}/networks/`);
/** How long a never-started container may take to be removed by the failed Run's own undo once the engine is back. */
const UNDO_WAIT_MS = 20_000;
/** A call not settled by then hangs (the Engine's own deadline is 15 s). */
const HANG_MS = 20_000;

const BASE = 'rel-k-base';
const TARGET = 'rel-k-target';
const RUN_NET = 'rel-k-run';
const CONNECTED = 'rel-k-c';

async function subnetFree(docker: Dockerode, subnet: string): Promise<string | undefined> {
  try {
    const n = await docker.createNetwork({ Name: 'rel-k-probe', Labels: { [LABEL]: 'probe' }, IPAM: { Config: [{ Subnet: subnet }] } });
    await n.remove();
    return undefined;
  } catch (e) {
    return errorText(e);
  }
}

function specs(docker: Dockerode): OpSpec[] {
  const createName = (i: number): string => `rel-k-create-${i}`;
  const createSubnet = (i: number): string => `10.213.${i}.0/24`;
  const rmName = (i: number): string => `rel-k-rm-${i}`;
  const rmSubnet = (i: number): string => `10.214.${i}.0/24`;
  const connectIp = (i: number): string => `10.211.0.${10 + i}`;
  const runName = (i: number): string => `rel-k-run-${i}`;
  const runIp = (i: number): string => `10.212.0.${10 + i}`;
  const removeAll = async (name: string): Promise<void> => {
    for (const n of await docker.listNetworks({ filters: { name: [name] } })) if (n.Name === name) await docker.getNetwork(n.Id).remove();
  };

  return [
    {
      op: 'createNetwork', title: 'create network', request: CREATE_NETWORK,
      prepare: (i) => removeAll(createName(i)),
      act: (engine, i) => createNetwork(engine, { Name: createName(i), Labels: { [LABEL]: 'kill' }, IPAM: { Config: [{ Subnet: createSubnet(i) }] } }),
      check: async (i) => {
        const found = (await docker.listNetworks({ filters: { name: [createName(i)] } })).filter((n) => n.Name === createName(i));
        if (found.length > 1) return { state: 'half', detail: `${found.length} networks of that name` };
        if (found.length === 0) {
          const taken = await subnetFree(docker, createSubnet(i));
          return taken ? { state: 'half', detail: `no network, but its subnet is taken: ${taken}` } : { state: 'none', detail: 'absent; subnet free' };
        }
        const info = await docker.getNetwork(found[0].Id).inspect();
        const subnet = info.IPAM?.Config?.[0]?.Subnet;
        const ok = subnet === createSubnet(i) && info.Labels?.[LABEL] === 'kill';
        try {
          await docker.getNetwork(found[0].Id).remove();
        } catch (e) {
          return { state: 'half', detail: `present but cannot be removed: ${errorText(e)}` };
        }
        return ok ? { state: 'whole', detail: 'present, subnet and label as asked; removable' } : { state: 'half', detail: `present with subnet ${subnet ?? 'none'}` };
      },
    },
    {
      op: 'connect', title: 'connect', request: CONNECT,
      prepare: async () => {
        await ensureRunning(docker, CONNECTED, BASE);
        const info = await docker.getContainer(CONNECTED).inspect();
        if (info.NetworkSettings.Networks[TARGET]) await docker.getNetwork(TARGET).disconnect({ Container: CONNECTED, Force: true });
      },
      act: (engine, i) => connectContainer(engine, TARGET, { Container: CONNECTED, EndpointConfig: { IPAMConfig: { IPv4Address: connectIp(i) } } }),
      check: async (i) => {
        const c = docker.getContainer(CONNECTED);
        const listed = (await c.inspect()).NetworkSettings.Networks[TARGET] !== undefined;
        let startError = '';
        if (!(await c.inspect()).State.Running) await c.start().catch((e: unknown) => void (startError = errorText(e)));
        const after = await c.inspect();
        const ep = after.NetworkSettings.Networks[TARGET];
        const onNetwork = Object.keys((await docker.getNetwork(TARGET).inspect()).Containers ?? {}).includes(after.Id);
        const facts = `listed ${listed ? 'yes' : 'no'}, restart ${startError ? `failed (${startError})` : 'ok'}, endpoint ${ep?.EndpointID ? ep.IPAddress : 'none'}, network lists it ${onNetwork ? 'yes' : 'no'}`;
        if (ep) await docker.getNetwork(TARGET).disconnect({ Container: CONNECTED, Force: true }).catch(() => undefined);
        if (!startError && listed && ep?.EndpointID && ep.IPAddress === connectIp(i) && onNetwork) return { state: 'whole', detail: facts };
        if (!startError && !listed && !ep && !onNetwork) return { state: 'none', detail: facts };
        return { state: 'half', detail: facts };
      },
    },
    {
      op: 'run', title: 'run (create + start)', request: CREATE_CONTAINER,
      prepare: async (i) => void (await docker.getContainer(runName(i)).remove({ force: true }).catch(() => undefined)),
      act: (engine, i) => runContainer(engine, {
        name: runName(i), Image: IMAGE, Cmd: ['sleep', '86400'], Labels: { [LABEL]: 'kill' },
        HostConfig: { NetworkMode: RUN_NET }, NetworkingConfig: { EndpointsConfig: { [RUN_NET]: { IPAMConfig: { IPv4Address: runIp(i) } } } },
      }),
      check: async (i) => {
        const c = docker.getContainer(runName(i));
        // A Run that failed between create and start undoes itself once the engine answers again (src/docker/undoRun.ts):
        // a container never started is given that long to go before it counts as left behind.
        const t0 = now();
        let info = await orMissing(c.inspect());
        while (info && !info.State.Running && info.State.StartedAt.startsWith('0001-') && now() - t0 < UNDO_WAIT_MS) {
          await new Promise((r) => setTimeout(r, 250));
          info = await orMissing(c.inspect());
        }
        const stale = Object.values((await docker.getNetwork(RUN_NET).inspect()).Containers ?? {}).some((e) => e.Name === runName(i));
        const undone = now() - t0 > 500 ? ` (the failed Run removed it ${fmt(now() - t0, 0)} ms after the engine was back)` : '';
        if (!info) return stale ? { state: 'half', detail: 'no container, but the network keeps its endpoint' } : { state: 'none', detail: `no container; no endpoint${undone}` };
        const started = !info.State.StartedAt.startsWith('0001-');
        let startError = '';
        if (!info.State.Running) await c.start().catch((e: unknown) => void (startError = errorText(e)));
        const ep = (await c.inspect()).NetworkSettings.Networks[RUN_NET];
        await c.remove({ force: true });
        if (!started) return { state: 'half', detail: 'created, never started: the failed run left the container behind' };
        const facts = `started before the kill; restart ${startError ? `failed (${startError})` : 'ok'}, address ${ep?.IPAddress || 'none'}`;
        return !startError && ep?.IPAddress === runIp(i) ? { state: 'whole', detail: facts } : { state: 'half', detail: facts };
      },
    },
    {
      op: 'removeNetwork', title: 'remove network', request: REMOVE_NETWORK,
      prepare: (i) => ensureNetwork(docker, rmName(i), rmSubnet(i)),
      act: (engine, i) => removeNetwork(engine, rmName(i)),
      check: async (i) => {
        const info = await orMissing(docker.getNetwork(rmName(i)).inspect());
        if (!info) {
          const taken = await subnetFree(docker, rmSubnet(i));
          return taken ? { state: 'half', detail: `removed, but its subnet is still taken: ${taken}` } : { state: 'whole', detail: 'absent; subnet free again' };
        }
        try {
          await docker.getNetwork(rmName(i)).remove();
        } catch (e) {
          return { state: 'half', detail: `still there and cannot be removed now: ${errorText(e)}` };
        }
        return info.IPAM?.Config?.[0]?.Subnet === rmSubnet(i) ? { state: 'none', detail: 'still there, intact; removable' } : { state: 'half', detail: 'still there, IPAM changed' };
      },
    },
  ];
}

interface Trial {
  moment: string;
  outcome: string;
  error?: string;
  /** call → settled */
  settleMs: number;
  /** kill → settled (negative: the call had settled before the kill) */
  afterKillMs: number;
  /** kill → engine.sh start returned */
  backMs: number;
  verdict: Verdict;
}

async function fixtures(docker: Dockerode): Promise<void> {
  await ensureNetwork(docker, BASE, '10.210.0.0/24');
  await ensureNetwork(docker, TARGET, '10.211.0.0/24');
  await ensureNetwork(docker, RUN_NET, '10.212.0.0/24');
}

export async function killScenarios(ctx: Context, reps: number): Promise<Section[]> {
  const docker = ctx.engine.raw();
  await fixtures(docker);
  const proxy = await startCountingProxy(ctx.engine.socket);
  const engine = ctx.engine.client(proxy.url);
  const sections: Section[] = [];
  try {
    for (const spec of specs(docker)) {
      // the action's own duration, without a kill (trial numbers 100+ so they never meet a killed trial's objects)
      const durations: number[] = [];
      for (let w = 0; w < 3; w++) {
        await spec.prepare(100 + w);
        const t0 = now();
        await spec.act(engine, 100 + w);
        durations.push(now() - t0);
        await spec.check(100 + w);
      }
      const d = median(durations);
      const trials: Trial[] = [];
      for (let i = 0; i < reps; i++) {
        const atStart = spec.op === 'run' && i === 1;
        const request = atStart ? START_CONTAINER : spec.request;
        const delay = i === 0 || atStart ? 0 : Math.round(ctx.random() * 1.5 * d);
        const moment = `${delay === 0 ? 'as soon as' : `${delay} ms after`} ${atStart ? 'the start request' : 'the request'} was sent`;
        await spec.prepare(i);
        trials.push(await killDuring(ctx, proxy, () => spec.act(engine, i), request, delay, moment, () => spec.check(i)));
        const t = trials[trials.length - 1];
        ctx.log(`kill ${spec.op} #${i}: ${moment}: ${t.outcome} after ${fmt(t.settleMs)} ms; ${t.verdict.state} (${t.verdict.detail})`);
      }
      sections.push(section(spec, trials, d, reps));
    }
  } finally {
    proxy.onRequest = undefined;
    await proxy.close();
  }
  return sections;
}

async function killDuring(
  ctx: Context, proxy: Awaited<ReturnType<typeof startCountingProxy>>, act: () => Promise<unknown>, request: RegExp, delay: number,
  moment: string, check: () => Promise<Verdict>,
): Promise<Trial> {
  const pid = ctx.engine.pid();
  if (pid === undefined) throw new Error('the engine is not running');
  let killedAt = NaN;
  let killed!: () => void;
  const killDone = new Promise<void>((r) => (killed = r));
  const kill = (): void => {
    if (!Number.isNaN(killedAt)) return;
    killedAt = now();
    process.kill(pid, 'SIGKILL');
    killed();
  };
  proxy.onRequest = (line) => {
    if (!request.test(line)) return;
    proxy.onRequest = undefined;
    if (delay === 0) kill();
    else setTimeout(kill, delay);
  };
  const t0 = now();
  const settled = act().then(() => ({ error: undefined as unknown, at: now() }), (error: unknown) => ({ error, at: now() }));
  const r = await within(settled, HANG_MS);
  // an action that finished before its request was seen (cannot happen) or before the delay: the kill still comes
  await within(killDone, delay + 5000);
  let note = '';
  if (Number.isNaN(killedAt)) {
    note = ' (the request was never seen: killed afterwards)';
    kill();
  }
  proxy.onRequest = undefined;
  await ctx.engine.waitGone(pid);
  const mark = ctx.engine.logMark();
  let readyAt: number;
  let broke: string | undefined;
  try {
    ({ readyAt } = await ctx.engine.start());
  } catch (e) {
    // the engine's own state is broken: what it died of, then the one repair there is (its network store goes)
    broke = ctx.engine.panicSince(mark) ?? errorText(e);
    ctx.log(`the engine does not start again (${broke}): deleting its network store`);
    ctx.engine.forgetNetworks();
    ({ readyAt } = await ctx.engine.start());
    await removeLabelled(ctx.engine.raw());
    await fixtures(ctx.engine.raw());
  }
  const verdict: Verdict = broke
    ? { state: 'half', detail: `dockerd did not start again: ${broke}. It started once its network store (data/network/files/local-kv.db) was deleted, every network with it` }
    : await check();
  const outcome = r === undefined ? 'hang' : r.error === undefined ? 'ok' : r.error instanceof EngineError ? `EngineError ${r.error.kind}` : `other: ${errorText(r.error)}`;
  return {
    moment: moment + note, outcome, error: r?.error === undefined ? undefined : errorText(r.error),
    settleMs: r ? r.at - t0 : NaN, afterKillMs: r ? r.at - killedAt : NaN, backMs: readyAt - killedAt, verdict,
  };
}

function section(spec: OpSpec, trials: Trial[], d: number, reps: number): Section {
  const count = (s: State): number => trials.filter((t) => t.verdict.state === s).length;
  const hangs = trials.filter((t) => t.outcome === 'hang').length;
  const others = trials.filter((t) => t.outcome.startsWith('other')).length;
  const failed = trials.filter((t) => t.outcome.startsWith('EngineError'));
  const okButNotWhole = trials.filter((t) => t.outcome === 'ok' && t.verdict.state !== 'whole').length;
  const failedButWhole = failed.filter((t) => t.verdict.state === 'whole').length;
  const half = count('half');
  const broke = trials.filter((t) => t.verdict.detail.startsWith('dockerd did not start again'));
  const notes: string[] = [];
  if (broke.length) {
    notes.push(`FINDING (the engine, not the extension): after ${broke.length} of these kills dockerd could not start at all: ${broke[0].verdict.detail.split('. It started')[0].replace('dockerd did not start again: ', '')}. The same panic as moby/moby#45057 (a network record left in libnetwork's store without its IPAM data; dockerd then panics at every start), fixed upstream by moby#45310 in 24.0 (a maintainer says it went back to 20.10 too, but this build has it). Nothing an API client can do prevents it; the run repaired the engine by deleting its network store, which removes every network. The extension could recognise the state only from outside: the engine stays unreachable, and dockerd's log ends with this panic.`);
  }
  const kinds = [...new Set(failed.map((t) => t.outcome.replace('EngineError ', '')))];
  if (failed.length) notes.push(`Error kinds: ${kinds.join(', ')}. First message: "${failed[0].error ?? ''}"`);
  if (failedButWhole) notes.push(`${failedButWhole} reported a failure although the engine had made the whole change (the reply was lost with the engine): the user is told it failed, and a retry then meets a conflict.`);
  if (half && spec.op === 'run') {
    notes.push('FINDING: `runContainer` creates, then starts; when the engine dies between the two (or during start) the undo (`remove`) cannot reach it either, and the created container stays behind. What the code could do: remember the id of a container it failed to undo and remove it once the engine answers again (the live model sees it reconnect), or label containers made by Run so a later run can offer to remove leftovers.');
  } else if (half > broke.length) {
    notes.push(`FINDING: ${half - broke.length} half state(s) the engine kept: see the rows marked half.`);
  }
  const pass = hangs === 0 && others === 0 && half === 0 && okButNotWhole === 0;
  return {
    id: `kill.${spec.op}`,
    title: `Engine killed during ${spec.title}`,
    done: `${reps} times: SIGKILL to dockerd while \`${spec.op === 'run' ? 'runContainer' : spec.op === 'connect' ? 'connectContainer' : spec.op}\` (src/docker/actions.ts) runs through the counting proxy, the kill ${spec.op === 'run' ? 'as the create request was sent, as the start request was sent, or' : 'as the request was sent or'} after a random delay from then (0 to 1.5× the action's median duration without a kill, ${fmt(d)} ms); then \`engine.sh start\` and inspect.`,
    measured: 'how the call ended and when (from the call, and from the kill), how long the engine took to come back, and what the engine holds afterwards (inspect; for networks also whether the subnet is free again, for containers whether they start with the address asked).',
    expectation: 'every call settles with an EngineError, never hangs (a call that completed before the kill may succeed); afterwards the whole change or none of it (0 half)',
    pass,
    head: ['#', 'kill moment', 'reported', 'settled after call (ms)', 'after kill (ms)', 'engine back (s)', 'engine holds', 'detail'],
    rows: trials.map((t, i): Cell[] => [i + 1, t.moment, t.outcome, fmt(t.settleMs), fmt(t.afterKillMs), fmt(t.backMs / 1000, 1), t.verdict.state, t.verdict.detail]),
    notes,
    figures: {
      trials: trials.length, whole: count('whole'), none: count('none'), half, hangs, otherErrors: others,
      reportedFailure: failed.length, failedButWhole, maxAfterKillMs: Math.max(...failed.map((t) => t.afterKillMs), 0),
    },
  };
}

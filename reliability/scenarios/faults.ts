// A slow engine (every request held 2 s by test/support/faultProxy.ts), a stalled one (accepts, never answers), one
// that stalls after the model is connected, and one that fails every request: deadlines fire (the Engine's default
// 15 s, or a shorter one passed in) and the LiveModel says what is wrong, naming what was slow.
import { EngineError } from '../../src/core/errors';
import { createNetwork } from '../../src/docker/actions';
import { DEFAULT_TIMEOUT_MS } from '../../src/docker/client';
import { LiveModel, type LiveState } from '../../src/docker/live';
import { startFaultProxy, type FaultAction, type FaultProxy } from '../../test/support/faultProxy';
import { now, until } from '../../bench/lib/util';
import { errorText, LABEL, within, type Context } from '../lib/context';
import { isSettled } from '../lib/probes';
import { fmt, type Cell, type Section } from '../lib/report';

const SLOW_MS = 2000;
const INJECTED_FAILURE = 'injected failure (reliability run)';

type Mode = 'pass' | 'delay' | 'stall' | 'fail';
const ACTION: Record<Exclude<Mode, 'pass'>, FaultAction> = {
  delay: { delayMs: SLOW_MS },
  stall: { stall: true },
  fail: { status: 503, body: { message: INJECTED_FAILURE } },
};

/** Every request from now on: passed, delayed, stalled or failed (what is stalled already stays so). */
function setMode(proxy: FaultProxy, mode: Mode): void {
  proxy.clear();
  if (mode !== 'pass') proxy.add({ match: () => true, action: ACTION[mode] });
}

interface Case {
  name: string;
  mode: Mode;
  timeoutMs: number;
  /** What the model must end up saying. */
  expect: 'connected' | 'timeout' | 'server';
  /** Earliest and latest acceptable time to say it (ms from start). */
  window: [number, number];
}

interface Outcome {
  c: Case;
  state: string;
  kind?: string;
  ms: number;
  message: string;
  namesAction: boolean;
  namesEndpoint: boolean;
  action: string;
  actionMs: number;
  pass: boolean;
}

/** The state in words: `stale` is a connected model whose last read failed (it shows the snapshot before). */
function stateOf(s: LiveState): { kind: string; error?: EngineError } {
  if (s.kind === 'disconnected') return { kind: 'disconnected', error: s.error };
  if (s.kind === 'connected' && s.stale) return { kind: 'stale', error: s.stale.error };
  return { kind: s.kind };
}

/** The actions the engine layer names in its messages (src/docker/*.ts): a message names what was slow when it has one. */
const ACTIONS = /read engine version|read engine info|list networks|list containers|follow events|create network|inspect network/;

export async function faultScenarios(ctx: Context): Promise<Section> {
  const proxy = await startFaultProxy(ctx.engine.socket);
  const cases: Case[] = [
    { name: `slow (${SLOW_MS / 1000} s a request), default deadline`, mode: 'delay', timeoutMs: DEFAULT_TIMEOUT_MS, expect: 'connected', window: [2 * SLOW_MS, 4 * SLOW_MS + 3000] },
    { name: `slow (${SLOW_MS / 1000} s a request), deadline 1 s`, mode: 'delay', timeoutMs: 1000, expect: 'timeout', window: [1000, 2500] },
    { name: 'stalled, default deadline', mode: 'stall', timeoutMs: DEFAULT_TIMEOUT_MS, expect: 'timeout', window: [DEFAULT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS + 1500] },
    { name: 'stalled, deadline 2 s', mode: 'stall', timeoutMs: 2000, expect: 'timeout', window: [2000, 3500] },
    { name: 'every request answered 503', mode: 'fail', timeoutMs: DEFAULT_TIMEOUT_MS, expect: 'server', window: [0, 1500] },
  ];
  const outcomes: Outcome[] = [];
  let staleRow: Cell[] | undefined;
  let stalePass = false;
  try {
    for (const c of cases) {
      outcomes.push(await runCase(ctx, proxy, c));
      const o = outcomes[outcomes.length - 1];
      ctx.log(`fault ${c.name}: ${o.state}${o.kind ? ` (${o.kind})` : ''} after ${fmt(o.ms)} ms; action: ${o.action} after ${fmt(o.actionMs)} ms`);
    }
    ({ row: staleRow, pass: stalePass } = await stallAfterConnected(ctx, proxy));
  } finally {
    await proxy.close();
  }
  const rows: Cell[][] = outcomes.map((o) => [
    o.c.name, o.c.timeoutMs, o.c.expect, `${o.state}${o.kind ? ` (${o.kind})` : ''}`, fmt(o.ms), `${fmt(o.c.window[0])}–${fmt(o.c.window[1])}`,
    o.c.expect === 'connected' ? '—' : o.namesAction ? 'yes' : 'no', `${o.action} after ${fmt(o.actionMs)} ms`, o.pass ? 'pass' : 'FAIL', o.message,
  ]);
  if (staleRow) rows.push(staleRow);
  const pass = outcomes.every((o) => o.pass) && stalePass;
  const timeouts = outcomes.filter((o) => o.c.expect === 'timeout');
  return {
    id: 'faults',
    title: 'Slow, stalled and failing engine',
    done: `test/support/faultProxy.ts in front of the engine, one rule for every request: \`delayMs\` holds it ${SLOW_MS} ms, \`stall\` keeps it (accepted, never answered), \`status\` answers 503. For each case a new Engine (deadline as given) and a new LiveModel through the proxy, started; at the same time a \`createNetwork\` through the same Engine. Last row: a model connected through a healthy proxy, which then stalls; a network created directly on the engine makes the model read again; then the proxy heals.`,
    measured: 'what the model says first (connected, or disconnected / stale with the error kind) and how long after start it says it; whether the message names what was slow (the action) and the endpoint; how the action ended and when.',
    expectation: 'a slow engine within the deadline still connects; past a deadline the model says timeout within its window (deadline + 1.5 s), naming the action and the endpoint; the action fails the same way; a 503 is reported as a server error quoting the daemon\'s message',
    pass,
    head: ['case', 'deadline (ms)', 'expected', 'model said', 'after (ms)', 'window (ms)', 'names action', 'createNetwork', 'result', 'message'],
    rows,
    notes: [],
    figures: {
      cases: outcomes.length + 1,
      passed: outcomes.filter((o) => o.pass).length + (stalePass ? 1 : 0),
      stallDefaultMs: outcomes.find((o) => o.c.mode === 'stall' && o.c.timeoutMs === DEFAULT_TIMEOUT_MS)?.ms ?? NaN,
      slowConnectMs: outcomes.find((o) => o.c.expect === 'connected')?.ms ?? NaN,
      maxTimeoutOverDeadlineMs: Math.max(...timeouts.map((o) => o.ms - o.c.timeoutMs)),
    },
  };
}

async function runCase(ctx: Context, proxy: FaultProxy, c: Case): Promise<Outcome> {
  setMode(proxy, c.mode);
  const engine = ctx.engine.client(proxy.url, c.timeoutMs);
  const live = new LiveModel(engine);
  const name = `rel-f-${c.mode}-${c.timeoutMs}`;
  const t0 = now();
  const action = createNetwork(engine, { Name: name, Labels: { [LABEL]: 'faults' } }).then(
    () => ({ text: 'ok', at: now() }),
    (e: unknown) => ({ text: e instanceof EngineError ? `EngineError ${e.kind}` : `other: ${errorText(e)}`, at: now() }),
  );
  let first: { at: number; kind: string; error?: EngineError } | undefined;
  const sub = live.onDidChange((s) => {
    const st = stateOf(s);
    if (!first && st.kind !== 'connecting') first = { at: now(), ...st };
  });
  live.start();
  try {
    await until(() => first, c.window[1] + 10_000, `${c.name}: a state`);
  } catch {
    // reported below as no state
  }
  sub.dispose();
  live.dispose();
  const done = (await within(action, c.timeoutMs + 5000)) ?? { text: 'hang', at: NaN };
  setMode(proxy, 'pass');
  proxy.releaseStalled();
  await ctx.engine.raw().getNetwork(name).remove().catch(() => undefined);
  const message = first?.error?.message ?? '';
  const ms = first ? first.at - t0 : NaN;
  const kind = first?.error?.kind;
  const namesAction = ACTIONS.test(message);
  const namesEndpoint = message.includes(proxy.url.slice('unix://'.length));
  const said = first?.kind === 'connected' ? 'connected' : kind;
  const inWindow = ms >= c.window[0] - 50 && ms <= c.window[1];
  const actionOk = c.expect === 'connected' ? done.text === 'ok' : done.text === `EngineError ${c.expect}`;
  const named = c.expect === 'connected' || (c.expect === 'timeout' ? namesAction && namesEndpoint : message.includes(INJECTED_FAILURE));
  return {
    c, state: first?.kind ?? 'none', kind, ms, message, namesAction, namesEndpoint, action: done.text, actionMs: done.at - t0,
    pass: said === c.expect && inWindow && actionOk && named,
  };
}

/** Connected through a healthy proxy; the proxy stalls; a change on the engine makes the model read; the proxy heals. */
async function stallAfterConnected(ctx: Context, proxy: FaultProxy): Promise<{ row: Cell[]; pass: boolean }> {
  const timeoutMs = 3000;
  setMode(proxy, 'pass');
  const live = new LiveModel(ctx.engine.client(proxy.url, timeoutMs));
  live.start();
  await until(() => isSettled(live), 30_000, 'connected through the proxy');
  setMode(proxy, 'stall');
  const docker = ctx.engine.raw();
  const name = 'rel-f-after';
  const t0 = now();
  await docker.createNetwork({ Name: name, Labels: { [LABEL]: 'faults' } });
  let staleAt = NaN;
  let said: { kind: string; error?: EngineError } | undefined;
  try {
    said = await until(() => {
      const st = stateOf(live.state);
      return st.error ? st : undefined;
    }, timeoutMs + 10_000, 'stale or disconnected');
    staleAt = now();
  } catch {
    // reported as not stale
  }
  const error = said?.error;
  setMode(proxy, 'pass');
  proxy.releaseStalled();
  const healStart = now();
  let healedMs = NaN;
  try {
    await until(() => {
      const s = live.state;
      return s.kind === 'connected' && !stateOf(s).error && s.snapshot.networks.some((n) => n.name === name);
    }, 30_000, 'healed');
    healedMs = now() - healStart;
  } catch {
    // reported as not healed
  }
  live.dispose();
  await docker.getNetwork(name).remove().catch(() => undefined);
  const ms = staleAt - t0;
  const message = error?.message ?? '';
  const pass = error?.kind === 'timeout' && ms >= timeoutMs && ms <= timeoutMs + 1500 && ACTIONS.test(message) && Number.isFinite(healedMs);
  return {
    row: [
      'stalls after connected (event stream stays open)', timeoutMs, 'stale or disconnected (timeout)', said ? `${said.kind} (${error?.kind ?? ''})` : 'nothing', fmt(ms),
      `${timeoutMs}–${timeoutMs + 1500}`, ACTIONS.test(message) ? 'yes' : 'no', `healed ${fmt(healedMs)} ms after the proxy did`, pass ? 'pass' : 'FAIL', message,
    ],
    pass,
  };
}

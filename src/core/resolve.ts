// Resolve: what a container's resolver answers for a peer's name, asked inside the container through exec (argv,
// never a shell): `getent hosts NAME` (the libc path an application takes, /etc/hosts and legacy links included),
// else `nslookup NAME` (the engine's DNS server, 127.0.0.11 on a user-defined network). Which command, and how its
// exit code and output are read; src/docker/resolve.ts runs it, each exec bounded by the probe's deadline.
import * as l10n from '@vscode/l10n';
import * as ipaddr from 'ipaddr.js';
import type { ExecOutcome } from './probe';

export type ResolveTool = 'getent' | 'nslookup';

export interface ResolveStep {
  tool: ResolveTool;
  argv: string[];
}

export interface ResolveResult {
  name: string;
  /** resolved: addresses came back. not-found: the resolver said there is no such name. unavailable: no tool could ask. */
  verdict: 'resolved' | 'not-found' | 'unavailable';
  addresses: string[];
  tool?: ResolveTool;
  /** The command that decided (or the last one tried). */
  argv?: string[];
  reason: string;
}

/** A DNS name as the peers table lists them (container names, aliases, short ids): nothing a tool could read as an option. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$/;

export function isResolvableName(name: string): boolean {
  return NAME.test(name);
}

/** getent first, then nslookup; throws for a name that is not a plain DNS name. */
export function resolvePlan(name: string): ResolveStep[] {
  if (!isResolvableName(name)) throw new Error(l10n.t('"{0}" is not a name to look up.', name));
  return [{ tool: 'getent', argv: ['getent', 'hosts', name] }, { tool: 'nslookup', argv: ['nslookup', name] }];
}

const MISSING = /executable file not found|not found in \$?PATH|no such file or directory|applet not found|: not found\b/i;

function addressesIn(words: readonly string[]): string[] {
  // "127.0.0.11:53" and "[::1]:53" carry a port; a bare IPv6 address keeps its colons.
  const bare = (w: string): string => w.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1').replace(/^\[([0-9a-fA-F:.]+)\]:\d+$/, '$1');
  return [...new Set(words.map(bare).filter((w) => ipaddr.isValid(w)))];
}

/** What one step's outcome says; undefined when the tool could not ask (missing, cut off): try the next. */
export function judgeResolve(step: ResolveStep, name: string, outcome: ExecOutcome): ResolveResult | undefined {
  const { exitCode, output, timedOut } = outcome;
  if (timedOut || exitCode === null || exitCode === 126 || exitCode === 127 || (exitCode !== 0 && MISSING.test(output))) return undefined;
  const base = { name, tool: step.tool, argv: step.argv };
  let addresses: string[];
  if (step.tool === 'getent') {
    // "10.0.0.3    name alias": the first word of each line
    addresses = addressesIn(output.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? ''));
  } else {
    // The server's own address comes first ("Server: 127.0.0.11", "Address: 127.0.0.11:53"): only what follows "Name:" counts.
    const at = output.search(/^Name:/m);
    addresses = at < 0 ? [] : addressesIn(output.slice(at).split(/[\s,]+/));
  }
  if (exitCode === 0 && addresses.length > 0) {
    return { ...base, verdict: 'resolved', addresses, reason: l10n.t('{0} answered {1}', step.tool, addresses.join(', ')) };
  }
  return { ...base, verdict: 'not-found', addresses: [], reason: l10n.t('{0} found no address for {1}', step.tool, name) };
}

/** The answer when every tool was missing or cut off. */
export function unavailableResolve(name: string, tried: readonly ResolveStep[]): ResolveResult {
  const last = tried[tried.length - 1];
  const r: ResolveResult = {
    name, verdict: 'unavailable', addresses: [],
    reason: l10n.t('neither {0} is available in the container (or it did not answer in time)', tried.map((s) => s.tool).join(' nor ')),
  };
  if (last) {
    r.tool = last.tool;
    r.argv = last.argv;
  }
  return r;
}

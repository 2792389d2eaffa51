// The fixes Explain Reachability offers (./explainReach.ts), chosen by the reason that decided: start what is stopped;
// connect one side to a network of the other; with ICC off everywhere they meet, another network (or a new one); from
// the host's stack, a bridge the host has an address on; on the default bridge, a user-defined network for names.
// Each fix says its exact commands (argv arrays) and, when a button can do it, the existing flow the button runs.
import * as l10n from '@vscode/l10n';
import { renderCommand } from './cli';
import { hasEmbeddedDns } from './containerDetails';
import type { ExplainFix, Side, StepKind } from './explainTypes';
import type { NetworkView, Snapshot } from './model';
import type { Reachability } from './reachability';
import { iccDisabled, isHostless } from './reachIndex';
import type { PairBlock, ReachNode } from './reachTypes';
import { unjoinable } from './validate';

/** At most this many "connect" fixes each way: a choice, not a list of every network. */
const MAX_CONNECTS = 3;

/** A fix before its commands are quoted for display. */
type Fix = Omit<ExplainFix, 'shown'>;

export interface FixInputs {
  s: Side;
  t: Side;
  /** The networks both are on. */
  shared: NetworkView[];
  reachable: boolean;
  blocked: PairBlock[];
  firstFailure?: StepKind;
}

function startFix(n: ReachNode): Fix {
  return { label: l10n.t('Start {0}', n.name), commands: [['docker', 'start', n.name]], action: { action: 'start', containerId: n.id } };
}

function connectFix(who: ReachNode, net: NetworkView, note?: string): Fix {
  const fix: Fix = {
    label: l10n.t('Connect {0} to {1}', who.name, net.name),
    commands: [['docker', 'network', 'connect', net.name, who.name]],
    action: { action: 'connect', containerId: who.id, networkId: net.id },
  };
  if (note) fix.note = note;
  return fix;
}

/** The container to connect for a side (a `container:` member cannot be connected: its namespace owner is), if any. */
function connectable(side: Side): ReachNode | undefined {
  return side.root.mode === 'network' && side.root.live ? side.root : undefined;
}

/** The networks a namespace is on that a container can be connected to by hand, user-defined ones first. */
function joinableNetsOf(snapshot: Snapshot, r: Reachability, ns: string): NetworkView[] {
  return snapshot.networks.filter((n) => unjoinable(n) === undefined && n.attachments.some((a) => r.nodes.get(a.containerId)?.namespace === ns));
}

/** A name for a new network that no network has yet: "<source>-<target>", made valid, numbered when taken. */
export function suggestNetworkName(snapshot: Snapshot, a: string, b: string): string {
  const base = `${a}-${b}`.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '') || 'shared';
  const taken = new Set(snapshot.networks.map((n) => n.name));
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

function createFix(snapshot: Snapshot, a: ReachNode, b: ReachNode, note: string): Fix {
  const name = suggestNetworkName(snapshot, a.name, b.name);
  return {
    label: l10n.t('Create network {0} and connect both', name),
    commands: [['docker', 'network', 'create', name], ['docker', 'network', 'connect', name, a.name], ['docker', 'network', 'connect', name, b.name]],
    action: { action: 'createNetwork', networkName: name },
    note,
  };
}

/** Connects `who` to networks of the other side it is not on yet (those passing `ok`). */
function connectsTo(who: ReachNode | undefined, nets: NetworkView[], on: NetworkView[], ok: (n: NetworkView) => boolean = () => true): Fix[] {
  if (!who) return [];
  return nets.filter((n) => ok(n) && !on.some((x) => x.id === n.id)).slice(0, MAX_CONNECTS).map((n) => connectFix(who, n));
}

export function fixesFor(snapshot: Snapshot, r: Reachability, x: FixInputs): ExplainFix[] {
  return chooseFixes(snapshot, r, x).map((f) => ({ ...f, shown: f.commands.map((argv) => renderCommand(argv)) }));
}

function chooseFixes(snapshot: Snapshot, r: Reachability, x: FixInputs): Fix[] {
  const { s, t } = x;
  const sWho = connectable(s);
  const tWho = connectable(t);
  const sNets = joinableNetsOf(snapshot, r, s.node.namespace);
  const tNets = joinableNetsOf(snapshot, r, t.node.namespace);
  if (x.reachable) {
    // Reachable, but only where names do not resolve: say how to get them.
    const named = x.shared.filter(hasEmbeddedDns);
    if (x.shared.length === 0 || named.length > 0 || !sWho || !tWho) return [];
    return [createFix(snapshot, sWho, tWho, l10n.t('The default bridge has no embedded DNS: only addresses and legacy --link names work. On a user-defined network each reaches the other by name.'))];
  }
  switch (x.firstFailure) {
    case 'source-running':
    case 'target-running': {
      const out: Fix[] = [];
      for (const n of [s.root, s.node, t.root, t.node]) {
        if (n.state !== 'running' && !out.some((f) => f.action?.containerId === n.id)) out.push(startFix(n));
      }
      return out;
    }
    case 'mode': {
      const none = s.node.mode === 'none' ? s.node : t.node;
      return [{
        label: l10n.t('Recreate {0} on a network', none.name), commands: [],
        note: l10n.t('A container created with --network none cannot be connected later: remove it and run it again with --network <network> (the Run form can).'),
      }];
    }
    case 'shared-networks':
      if (t.node.mode !== 'host') return [...connectsTo(sWho, tNets, sNets), ...connectsTo(tWho, sNets, tNets)];
      // The target is on the host's stack: no network leads there.
      return [{
        label: l10n.t('Run {0} with --network host too', s.node.name), commands: [],
        note: l10n.t('{0} listens on the host\'s stack. From a network, only the host\'s address on it (the gateway) leads there, if the host\'s firewall lets it; sharing the host\'s stack is the way the model counts.', t.node.name),
      }];
    case 'network': {
      const open = (n: NetworkView): boolean => !iccDisabled(n);
      const out = [...connectsTo(sWho, tNets, x.shared, open), ...connectsTo(tWho, sNets, x.shared, open)];
      if (out.length === 0 && sWho && tWho) {
        out.push(createFix(snapshot, sWho, tWho, l10n.t('ICC cannot be turned on for an existing network: a new network (ICC on by default) or a recreated {0} lets them talk.', x.shared.map((n) => n.name).join(', '))));
      }
      return out;
    }
    case 'via-host':
    case 'published-ports': {
      // From the host's stack: a local bridge the host has an address on reaches the target.
      const bridges = snapshot.networks.filter((n) => n.driver === 'bridge' && !isHostless(n) && unjoinable(n) === undefined);
      return connectsTo(tWho, bridges, tNets).map((f) => ({ ...f, note: l10n.t('The host has an address on this bridge, so it reaches the containers on it.') }));
    }
    default:
      return [];
  }
}

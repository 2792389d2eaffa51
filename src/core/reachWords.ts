// What ./reachability.ts computes, in words: a way ("via my-net"), a block, a source's summary.
import * as l10n from '@vscode/l10n';
import { reachableFrom, type Reachability } from './reachability';
import { HOST_NAMESPACE } from './reachIndex';
import type { PairBlock, ReachEntry, ReachNote, ReachVia } from './reachTypes';

/** One way, in words: "via my-net", "via the host, on bridge (172.17.0.2)". */
export function describeVia(v: ReachVia): string {
  const net = v.network ?? '';
  const addr = v.detail ?? '';
  let text: string;
  switch (v.kind) {
    case 'network':
      text = l10n.t('via {0}', net);
      break;
    case 'host':
      text = addr ? l10n.t('via the host, on {0} ({1})', net, addr) : l10n.t('via the host, on {0}', net);
      break;
    case 'shared-namespace':
      text = v.network === HOST_NAMESPACE
        ? l10n.t('via localhost, both on the host\'s network stack')
        : l10n.t('via localhost, same network namespace');
      break;
    case 'published-port':
      text = l10n.t('via the host, published port {0}', addr);
      break;
  }
  for (const note of v.notes) text += describeNote(note, v);
  return text;
}

function describeNote(note: ReachNote, v: ReachVia): string {
  switch (note) {
    case 'internal': return l10n.t(', an internal network (no outside access)');
    case 'host-unreachable': return l10n.t(', which the host cannot reach ({0})', v.driver ?? '');
    case 'isolated': return l10n.t(', isolated from the host (gateway mode isolated: no address on the host)');
    case 'routed': return l10n.t(', routed (no NAT: at the container\'s own address)');
  }
}

/** The side list's sentence for a source: "test2 can reach: test1 (via bridge), test3 (via bridge)". */
export function summarizeReach(r: Reachability, containerId: string): string {
  const node = r.nodes.get(containerId);
  if (!node) return l10n.t('Unknown container {0}.', containerId);
  if (!node.live) return l10n.t('{0} is not running ({1}): it reaches nothing.', node.name, node.state);
  const entries = reachableFrom(r, containerId);
  if (entries.length === 0) {
    return node.mode === 'none'
      ? l10n.t('{0} has no network (none): it reaches nothing.', node.name)
      : l10n.t('{0} can reach nothing.', node.name);
  }
  return l10n.t('{0} can reach: {1}', node.name, entries.map(targetText).join(', '));
}

/** One reason in words. */
export function describeBlock(b: PairBlock): string {
  switch (b.kind) {
    case 'unknown-container': return l10n.t('container {0} is not in the snapshot', b.id);
    case 'source-not-running':
    case 'target-not-running': return l10n.t('{0} is not running ({1})', b.name, b.state);
    case 'no-network': return l10n.t('{0} has no network (none)', b.name);
    case 'no-common-network': return l10n.t('they share no network');
    case 'icc-disabled': return l10n.t('inter-container traffic (ICC) is disabled on {0}', b.network);
    case 'host-unreachable': return l10n.t('the host cannot reach containers on {0} (macvlan/ipvlan)', b.network);
    case 'gateway-isolated': return l10n.t('the host has no address on {0} (gateway mode isolated): it cannot reach containers there, and ports published on it do not work', b.network);
  }
}

function targetText(e: ReachEntry): string {
  return `${e.toName} (${e.via.map(describeVia).join('; ')})`;
}

// The steps of Explain Reachability that look at networks (./explainReach.ts walks them in the model's order): a
// shared network's traits, the way from the host into a bridge, the isolation between two networks, the published
// ports. Each step carries what the snapshot shows as evidence and says whether it lets traffic through; the rules
// are ./reachability.ts's own (the same helpers of ./reachIndex.ts decide), so the steps cannot tell another story.
import * as l10n from '@vscode/l10n';
import { hasEmbeddedDns } from './containerDetails';
import { bridgeInterface, formatPort } from './format';
import type { Attachment, NetworkView, PortMapping } from './model';
import { gatewayModeOf, type IpFamily } from './networkTraits';
import { hostFamiliesOf, hostWay, iccDisabled, isHostIsolatedDriver, isHostless, notesOf, type NetInfo } from './reachIndex';
import type { ExplainStep } from './explainTypes';
import type { PairBlock } from './reachTypes';

/** Podman (netavark) keeps an `isolate` option on a network it isolates from the other networks ("true" or "strict"). */
export const PODMAN_ISOLATE = 'isolate';

/** A step and the reason against it the model also lists (if any). */
export interface Judged {
  step: ExplainStep;
  blocks: PairBlock[];
}

/** "my-net (bridge br-1a2b3c4d5e6f, 10.1.0.0/24)". */
export function networkLabel(n: NetworkView): string {
  const iface = bridgeInterface(n);
  const subnets = n.ipam.flatMap((c) => (c.subnet ? [c.subnet] : []));
  const parts = [iface ? `${n.driver} ${iface}` : n.driver, ...subnets];
  return `${n.name} (${parts.join(', ')})`;
}

export function addressText(a: Attachment | undefined): string {
  return [a?.ipv4, a?.ipv6].filter((x) => x !== undefined).join(', ') || l10n.t('no address');
}

function gatewayEvidence(n: NetworkView, forHost: boolean): string[] {
  const out: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as IpFamily[]) {
    const mode = gatewayModeOf(n, family);
    if (mode === 'isolated') {
      out.push(forHost
        ? l10n.t('gateway mode ({0}) isolated: the bridge has no address on the host, so the host cannot reach its containers that way', family)
        : l10n.t('gateway mode ({0}) isolated: no address on the host; members still reach each other', family));
    } else if (mode === 'routed') {
      out.push(l10n.t('gateway mode ({0}) routed: no NAT; the host reaches containers at their own address, host ports are ignored', family));
    } else if (mode) {
      out.push(l10n.t('gateway mode ({0}) {1}', family, mode));
    }
  }
  return out;
}

function podmanEvidence(n: NetworkView): string | undefined {
  const isolate = n.options[PODMAN_ISOLATE];
  if (!isolate || isolate === 'false') return undefined;
  return l10n.t('Podman isolation {0}={1}: traffic to and from other networks is dropped; members of {2} still reach each other', PODMAN_ISOLATE, isolate, n.name);
}

/** A network both are on: internal, ICC, gateway modes, Podman isolation, the driver's own limits. */
export function sharedNetworkStep(n: NetworkView, source: { name: string; a: Attachment | undefined }, target: { name: string; a: Attachment }): Judged {
  const evidence = [
    l10n.t('{0} on {1}: {2}', source.name, n.name, addressText(source.a)),
    l10n.t('{0} on {1}: {2}', target.name, n.name, addressText(target.a)),
    l10n.t('driver: {0}', n.driver),
    n.internal
      ? l10n.t('internal: yes (no way out of the network; members still reach each other)')
      : l10n.t('internal: no'),
  ];
  const icc = iccDisabled(n);
  if (n.driver === 'bridge') {
    const value = n.options['com.docker.network.bridge.enable_icc'];
    evidence.push(icc
      ? l10n.t('com.docker.network.bridge.enable_icc=false: inter-container traffic on this bridge is dropped')
      : l10n.t('inter-container communication (ICC): on{0}', value === undefined ? '' : ` (enable_icc=${value})`));
  }
  evidence.push(...gatewayEvidence(n, false));
  const podman = podmanEvidence(n);
  if (podman) evidence.push(podman);
  if (isHostIsolatedDriver(n.driver)) evidence.push(l10n.t('{0}: members reach each other; the host cannot reach them', n.driver));
  if (!hasEmbeddedDns(n)) {
    evidence.push(l10n.t('no embedded DNS on the default bridge: {0} is reached by its address here, not by its name (only legacy --link names resolve)', target.name));
  }
  const step: ExplainStep = {
    id: `network:${n.id}`, kind: 'network', networkId: n.id, title: l10n.t('Shared network {0}', n.name), evidence,
    status: icc ? 'fail' : 'pass',
    result: icc
      ? l10n.t('Blocked: ICC is disabled on {0}, so {1} cannot reach {2} through it.', n.name, source.name, target.name)
      : l10n.t('{0} reaches {1} through {2}{3}.', source.name, target.name, n.name, target.a.ipv4 || target.a.ipv6 ? l10n.t(' at {0}', addressText(target.a)) : ''),
  };
  return { step, blocks: icc ? [{ kind: 'icc-disabled', network: n.name }] : [] };
}

/** The network without its members, as ./reachIndex.ts's host rules read it. */
function netInfo(n: NetworkView): NetInfo {
  return { view: n, icc: !iccDisabled(n), notes: notesOf(n), members: [], hostFamilies: hostFamiliesOf(n), hostless: isHostless(n) };
}

/** From the host's stack (a host-mode source) into one of the target's networks. */
export function viaHostStep(n: NetworkView, target: { name: string; a: Attachment }): Judged {
  const evidence = [networkLabel(n), l10n.t('{0} on {1}: {2}', target.name, n.name, addressText(target.a))];
  const base = { id: `via-host:${n.id}`, kind: 'via-host' as const, networkId: n.id, title: l10n.t('From the host into {0}', n.name), evidence };
  if (n.driver === 'bridge') {
    evidence.push(...gatewayEvidence(n, true));
    const way = hostWay(target.a, netInfo(n));
    if (way === 'isolated') {
      return {
        step: { ...base, status: 'fail', result: l10n.t('Blocked: the host has no address on {0} (gateway mode isolated), so it cannot reach {1} there.', n.name, target.name) },
        blocks: [{ kind: 'gateway-isolated', network: n.name }],
      };
    }
    if (way) {
      return {
        step: { ...base, status: 'pass', result: way.routed
          ? l10n.t('The host routes to {0} at {1} on {2}, without NAT (routed).', target.name, way.address, n.name)
          : l10n.t('The host has a route to {0} and reaches {1} at {2}.', n.name, target.name, way.address) },
        blocks: [],
      };
    }
    return { step: { ...base, status: 'info', result: l10n.t('{0} has no address on {1}: nothing to reach there.', target.name, n.name) }, blocks: [] };
  }
  if (isHostIsolatedDriver(n.driver)) {
    evidence.push(l10n.t('{0}: the parent interface does not pass traffic between the host and its containers', n.driver));
    return {
      step: { ...base, status: 'fail', result: l10n.t('Blocked: the host cannot reach containers on {0} ({1}).', n.name, n.driver) },
      blocks: [{ kind: 'host-unreachable', network: n.name }],
    };
  }
  return {
    step: { ...base, status: 'fail', result: l10n.t('{0} is not a local bridge ({1}): the host has no route into it.', n.name, n.driver) },
    blocks: [],
  };
}

/** No network in common: what keeps each of the source's networks apart from each of the target's. */
export function isolationStep(sourceName: string, sourceNets: NetworkView[], targetName: string, targetNets: NetworkView[]): ExplainStep {
  const evidence = [
    l10n.t('{0} is on: {1}', sourceName, sourceNets.map(networkLabel).join('; ') || l10n.t('no network')),
    l10n.t('{0} is on: {1}', targetName, targetNets.map(networkLabel).join('; ') || l10n.t('no network')),
  ];
  for (const a of sourceNets) {
    for (const b of targetNets) {
      const podman = [a, b].find((n) => podmanEvidence(n) !== undefined);
      if (podman) {
        evidence.push(l10n.t('{0} ↔ {1}: Podman isolates {2} ({3}={4})', a.name, b.name, podman.name, PODMAN_ISOLATE, podman.options[PODMAN_ISOLATE]));
      } else if (a.driver === 'bridge' && b.driver === 'bridge') {
        evidence.push(l10n.t('{0} ↔ {1}: Docker drops traffic between two bridges ({2} and {3}), although the host routes between them (the DOCKER-ISOLATION rules)',
          a.name, b.name, bridgeInterface(a) ?? a.name, bridgeInterface(b) ?? b.name));
      } else {
        evidence.push(l10n.t('{0} ↔ {1}: separate networks ({2}, {3}) are not connected to each other', a.name, b.name, a.driver, b.driver));
      }
    }
  }
  return {
    id: 'isolation', kind: 'isolation', title: l10n.t('Isolation between their networks'), status: 'fail', evidence,
    result: l10n.t('Blocked: {0} and {1} share no network, and separate networks are isolated from each other.', sourceName, targetName),
  };
}

/**
 * The ports the target publishes on the host. They count for a source on the host's stack (unless every network of the
 * target is a bridge without a host address); a source on a network would go through its gateway, which the host's
 * firewall decides and the model does not count.
 */
export function publishedPortsStep(target: { name: string }, ports: (PortMapping & { hostPort: number })[], sourceOnHost: boolean,
  hostless: NetworkView | undefined): Judged {
  const evidence = ports.map((p) => formatPort(p));
  const base = { id: 'published-ports', kind: 'published-ports' as const, title: l10n.t('Ports {0} publishes on the host', target.name), evidence };
  if (ports.length === 0) return { step: { ...base, status: 'info', result: l10n.t('{0} publishes no port on the host.', target.name) }, blocks: [] };
  if (!sourceOnHost) {
    return {
      step: { ...base, status: 'info', result: l10n.t('Reached from the host and from host-mode containers; a container on a network would go through its gateway, which the host\'s firewall decides (not counted).') },
      blocks: [],
    };
  }
  if (hostless) {
    return {
      step: { ...base, status: 'fail', result: l10n.t('Blocked: {0} is only on bridges without a host address (gateway mode isolated, e.g. {1}): its published ports do not work.', target.name, hostless.name) },
      blocks: ports.map(() => ({ kind: 'gateway-isolated' as const, network: hostless.name })),
    };
  }
  return { step: { ...base, status: 'pass', result: l10n.t('The host\'s stack reaches {0} at these ports.', target.name) }, blocks: [] };
}

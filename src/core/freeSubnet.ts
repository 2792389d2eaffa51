// "Suggest a free subnet" of the Create Network form: the first block of the requested size, in Docker's default
// address pools, that overlaps nothing the engine already uses (every network's subnets) nor, on a local engine, a
// route of the host (the caller passes those: this module reads nothing).
import * as l10n from '@vscode/l10n';
import { addrToBig, bigToAddrText } from './ipamUsage';
import type { CreateNetworkForm } from './forms';
import type { NetworkView } from './model';
import { parseCidr } from './validate/common';

/** A base block split into blocks of `size` bits of prefix (moby's ipamutils.NetworkToSplit). */
export interface AddressPool {
  base: string;
  size: number;
}

/** moby libnetwork/ipamutils/utils.go (v28.5.2): localScopeDefaultNetworks, in the order the engine tries them. */
export const LOCAL_DEFAULT_POOLS: readonly AddressPool[] = [
  { base: '172.17.0.0/16', size: 16 },
  { base: '172.18.0.0/16', size: 16 },
  { base: '172.19.0.0/16', size: 16 },
  { base: '172.20.0.0/14', size: 16 },
  { base: '172.24.0.0/14', size: 16 },
  { base: '172.28.0.0/14', size: 16 },
  { base: '192.168.0.0/16', size: 20 },
];

/** The same file's globalScopeDefaultNetworks: Swarm-scoped (overlay) networks. */
export const GLOBAL_DEFAULT_POOLS: readonly AddressPool[] = [{ base: '10.0.0.0/8', size: 24 }];

/** An IPv4 block something already uses, and what, in words ("network my-net", "the host's route via eth0"). */
export interface TakenBlock {
  cidr: string;
  by: string;
}

export interface SubnetSuggestion {
  /** The block to use, when one is free. */
  subnet?: string;
  /** Why this one (or why none), in words. */
  message: string;
}

/** Every IPv4 subnet the engine's networks have (config-only ones too: networks made from them use their subnets). */
export function networkBlocks(networks: readonly Pick<NetworkView, 'name' | 'ipam'>[]): TakenBlock[] {
  return networks.flatMap((n) => n.ipam.flatMap((c) => (c.subnet ? [{ cidr: c.subnet, by: n.name }] : [])));
}

/**
 * The host's routes as taken blocks. The default route is left out, as moby leaves it out (it overlaps everything).
 * `routes` come from whoever reads the host's routing table (only for an engine on this machine).
 */
export function routeBlocks(routes: readonly { destination: string; device?: string }[]): TakenBlock[] {
  return routes.flatMap((r) => {
    const c = parseCidr(r.destination);
    if (!c || c.prefix === 0) return [];
    return [{ cidr: c.text, by: r.device ? l10n.t('the host\'s route via {0}', r.device) : l10n.t('a route of the host') }];
  });
}

/** The prefix length typed in a subnet field: `/24`, `24` or `10.1.0.0/24`; undefined when none or not one. */
export function typedPrefix(text: string): number | undefined {
  const m = /^(?:[0-9.]*\/)?([0-9]{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 32 ? n : undefined;
}

interface Span {
  start: bigint;
  end: bigint;
  by: string;
  cidr: string;
}

function span(cidr: string, by: string): Span | undefined {
  const c = parseCidr(cidr);
  if (!c || c.family !== 'ipv4') return undefined;
  const start = addrToBig(c.network);
  return { start, end: start + (1n << BigInt(32 - c.prefix)) - 1n, by, cidr: c.text };
}

/**
 * The first block of `/prefix` (default: each pool's own size, as the engine allocates) in the pools, in pool order
 * and address order, that overlaps no taken block. The message says where it was found and what came before it.
 */
export function suggestSubnet(opts: { prefix?: number; pools: readonly AddressPool[]; taken: readonly TakenBlock[] }): SubnetSuggestion {
  const taken = opts.taken.flatMap((t) => span(t.cidr, t.by) ?? []);
  let after: Span | undefined;
  let tried = 0;
  for (const pool of opts.pools) {
    const base = span(pool.base, '');
    const basePrefix = parseCidr(pool.base)?.prefix ?? 32;
    const prefix = opts.prefix ?? pool.size;
    if (!base || prefix < basePrefix || prefix > 32) continue;
    tried++;
    const size = 1n << BigInt(32 - prefix);
    let start = base.start;
    while (start + size - 1n <= base.end) {
      const end = start + size - 1n;
      const clash = taken.find((t) => t.start <= end && start <= t.end);
      if (!clash) {
        const subnet = `${bigToAddrText(start, 'ipv4')}/${prefix}`;
        return {
          subnet,
          message: after
            ? l10n.t('{0}: the first free /{1} in Docker\'s default pool {2}, after {3} ({4}).', subnet, prefix, pool.base, after.by, after.cidr)
            : l10n.t('{0}: the first /{1} in Docker\'s default pool {2}; nothing on this engine uses it.', subnet, prefix, pool.base),
        };
      }
      after = clash;
      // Past the clash, on the next boundary of the block size.
      const next = clash.end + 1n > end + 1n ? clash.end + 1n : end + 1n;
      start = ((next + size - 1n) / size) * size;
    }
  }
  if (tried === 0) {
    const largest = Math.min(...opts.pools.map((p) => parseCidr(p.base)?.prefix ?? 32));
    return { message: l10n.t('A /{0} is larger than Docker\'s default pools ({1}): ask for /{2} or smaller.', opts.prefix ?? '', opts.pools.map((p) => p.base).join(', '), largest) };
  }
  return {
    message: l10n.t('No {0} of Docker\'s default pools ({1}) is free on this engine: remove a network, or type a subnet of another range.',
      opts.prefix !== undefined ? `/${opts.prefix}` : l10n.t('block'), opts.pools.map((p) => p.base).join(', ')),
  };
}

/**
 * The suggestion for row `row` of the Create Network form's IPv4 subnets: the pools of the form's scope (overlay or
 * `swarm` scope: the global pool), the prefix typed in that row, and the form's other rows taken as well.
 */
export function suggestFormSubnet(
  form: Pick<CreateNetworkForm, 'driver' | 'scope' | 'ipv4'>, row: number, taken: readonly TakenBlock[],
): SubnetSuggestion {
  const global = form.driver.trim() === 'overlay' || form.scope === 'swarm';
  const others = form.ipv4.flatMap((e, i) => (i !== row && e.subnet.trim() !== '' ? [{ cidr: e.subnet.trim(), by: l10n.t('row {0} of this form', i + 1) }] : []));
  return suggestSubnet({
    prefix: typedPrefix(form.ipv4[row]?.subnet ?? ''),
    pools: global ? GLOBAL_DEFAULT_POOLS : LOCAL_DEFAULT_POOLS,
    taken: [...taken, ...others],
  });
}

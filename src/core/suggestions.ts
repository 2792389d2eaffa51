// What the forms' "Next free address" and "Suggest a free subnet" answer, from the snapshot: the field's value, or
// why there is none. The host passes what the engine has (and, for an engine on this machine, the host's routes).
import * as l10n from '@vscode/l10n';
import { suggestFormSubnet, networkBlocks, routeBlocks, type SubnetSuggestion } from './freeSubnet';
import type { CreateNetworkForm } from './forms';
import { nextFreeAddress, type NextFree } from './ipamUsage';
import type { NetworkView } from './model';
import { findNetwork, isUserDefinedNetworkName } from './validate/common';
import { unjoinable } from './validate/connect';

export interface Suggestion {
  value?: string;
  message: string;
}

function answer(r: NextFree | SubnetSuggestion, value: string | undefined): Suggestion {
  return value === undefined ? { message: r.message } : { value, message: r.message };
}

/** The next free address of the form's network for `ipv4Address` or `ipv6Address` (Connect and Run). */
export function suggestAddress(form: { network: string }, field: string, networks: readonly NetworkView[]): Suggestion {
  const family = field === 'ipv6Address' ? 'ipv6' : 'ipv4';
  const ref = form.network.trim();
  if (ref === '' || !isUserDefinedNetworkName(ref)) {
    return { message: l10n.t('A fixed address needs a user-defined network with a subnet: choose one first.') };
  }
  const n = findNetwork(networks, ref);
  if (!n) return { message: l10n.t('There is no network "{0}". It may have been removed: refresh and choose again.', ref) };
  const why = unjoinable(n);
  if (why) return { message: why };
  if (!isUserDefinedNetworkName(n.name)) return { message: l10n.t('A fixed address needs a user-defined network with a subnet; "{0}" is a built-in network.', n.name) };
  if (family === 'ipv6' && !n.enableIPv6) return { message: l10n.t('"{0}" does not have IPv6 enabled.', n.name) };
  const r = nextFreeAddress(n, family);
  return answer(r, r.address);
}

export interface Route {
  destination: string;
  device?: string;
}

/**
 * A free subnet for `ipv4[i].subnet` of the Create Network form. `hostRoutes`: the routes of the engine's host when
 * it is this machine (the caller reads them; none for a remote engine).
 */
export function suggestSubnetFor(form: CreateNetworkForm, field: string, networks: readonly NetworkView[], hostRoutes: readonly Route[] = []): Suggestion {
  const m = /^ipv4\[(\d+)\]\.subnet$/.exec(field);
  if (!m) return { message: l10n.t('Only an IPv4 subnet can be suggested: Docker\'s default pools are IPv4.') };
  const r = suggestFormSubnet(form, Number(m[1]), [...networkBlocks(networks), ...routeBlocks(hostRoutes)]);
  return answer(r, r.subnet);
}

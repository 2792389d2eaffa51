// Pre-flight checks of the Connect form (`docker network connect`), and the endpoint checks (static addresses,
// aliases) that the Run form shares.
import * as l10n from '@vscode/l10n';
import { apiOrOldest, unsupportedReason } from '../apiVersion';
import type { ConnectForm, FieldError, ValidationContext } from '../forms';
import { GW_PRIORITY_MAX, GW_PRIORITY_MIN, parseGwPriority, splitList } from '../formValues';
import { containerName } from '../join';
import type { NetworkView, RawContainer } from '../model';
import {
  ALIAS_PATTERN, cidrContains, familyLabel, findContainer, findNetwork, isUserDefinedNetworkName,
  networkModeOf, parseCidr, parseIp, required, typedAddress, validateKeyValues, type Family, type ParsedCidr,
} from './common';
import { holderOf } from '../ipamUsage';

export function validateConnect(form: ConnectForm, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const container = resolveContainer(form.container, ctx, errors);
  const network = resolveNetwork(form.network, ctx, errors);

  if (container) {
    const mode = networkModeOf(container);
    const name = containerName(container);
    if (mode === 'host') {
      errors.push({ field: 'container', message: l10n.t('"{0}" uses the host\'s network stack (network mode host) and cannot join other networks. Recreate it on a user-defined network to connect it.', name) });
    } else if (mode.startsWith('container:')) {
      errors.push({ field: 'container', message: l10n.t('"{0}" shares the network namespace of {1} and cannot be connected on its own: connect {1} instead.', name, mode.slice('container:'.length)) });
    } else if (mode === 'none') {
      errors.push({ field: 'container', message: l10n.t('"{0}" was created without networking (network mode none) and cannot join a network. Recreate it on a network.', name) });
    }
  }
  if (network && container && network.attachments.some((a) => a.containerId === container.Id)) {
    errors.push({ field: 'network', message: l10n.t('"{0}" is already attached to "{1}". Disconnect it first to change its settings there.', containerName(container), network.name) });
  }

  if (network) {
    validateEndpoint(form, network, container?.Id, errors);
  } else {
    checkAddressSyntax(form.ipv4Address, 'ipv4', 'ipv4Address', errors);
    checkAddressSyntax(form.ipv6Address, 'ipv6', 'ipv6Address', errors);
    checkAliasSyntax(form.aliases, errors);
  }

  for (const ip of splitList(form.linkLocalIps)) {
    const parsed = parseIp(ip);
    if (!parsed) {
      errors.push({ field: 'linkLocalIps', message: l10n.t('"{0}" is not an IP address.', ip) });
    } else if (parsed.addr.range() !== 'linkLocal') {
      errors.push({ field: 'linkLocalIps', message: l10n.t('{0} is not a link-local address: use 169.254.0.0/16 (IPv4) or fe80::/10 (IPv6).', ip) });
    }
  }
  for (const link of splitList(form.links)) {
    const [target, alias, ...rest] = link.split(':');
    if (target === '' || rest.length > 0 || alias === '') {
      errors.push({ field: 'links', message: l10n.t('"{0}" is not a link: write container or container:alias.', link) });
    } else if (!findContainer(ctx.containers, target)) {
      errors.push({ field: 'links', message: l10n.t('There is no container "{0}" to link to.', target) });
    } else if (alias !== undefined && !ALIAS_PATTERN.test(alias)) {
      errors.push({ field: 'links', message: l10n.t('"{0}" is not a valid alias: use letters, digits, "_", "." and "-".', alias) });
    }
  }
  validateKeyValues(form.driverOptions, { path: 'driverOptions', what: l10n.t('driver option') }, errors);
  validateGwPriority(form.gwPriority, ctx, errors);
  return errors;
}

/** `--gw-priority`: a whole number in range, on an engine that has it (API 1.48). Empty: the engine's default, 0. */
export function validateGwPriority(raw: string, ctx: Pick<ValidationContext, 'api'>, errors: FieldError[]): void {
  const text = raw.trim();
  if (text === '') return;
  const why = unsupportedReason(apiOrOldest(ctx.api), 'gwPriority', l10n.t('A route priority (--gw-priority)'));
  if (why) {
    errors.push({ field: 'gwPriority', message: `${why} ${l10n.t('Leave it empty.')}` });
  } else if (parseGwPriority(text) === undefined) {
    errors.push({ field: 'gwPriority', message: l10n.t('"{0}" is not a route priority: use a whole number from {1} to {2} (negative ones too).', text, GW_PRIORITY_MIN, GW_PRIORITY_MAX) });
  }
}

function resolveContainer(ref: string, ctx: ValidationContext, errors: FieldError[]): RawContainer | undefined {
  if (ref.trim() === '') {
    errors.push({ field: 'container', message: required(l10n.t('A container')) });
    return undefined;
  }
  const c = findContainer(ctx.containers, ref);
  if (!c) errors.push({ field: 'container', message: l10n.t('There is no container "{0}". It may have been removed: refresh and choose again.', ref.trim()) });
  return c;
}

function resolveNetwork(ref: string, ctx: ValidationContext, errors: FieldError[]): NetworkView | undefined {
  if (ref.trim() === '') {
    errors.push({ field: 'network', message: required(l10n.t('A network')) });
    return undefined;
  }
  const n = findNetwork(ctx.networks, ref);
  if (!n) {
    errors.push({ field: 'network', message: l10n.t('There is no network "{0}". It may have been removed: refresh and choose again.', ref.trim()) });
    return undefined;
  }
  const reason = unjoinable(n);
  if (reason) {
    errors.push({ field: 'network', message: reason });
    return undefined;
  }
  return n;
}

/** Why no container can be attached to this network by hand; undefined when it can. */
export function unjoinable(n: NetworkView): string | undefined {
  if (n.configOnly) return l10n.t('"{0}" is a config-only network: it holds configuration for other networks and has no endpoints. Choose a network created from it.', n.name);
  if (n.driver === 'host') return l10n.t('A container joins the host network only when it is created with network mode host; it cannot be connected later.');
  if (n.driver === 'null') return l10n.t('"{0}" means no networking: a container is created with it, never connected to it.', n.name);
  if (n.ingress) return l10n.t('"{0}" is the Swarm routing-mesh network: only services use it.', n.name);
  if ((n.scope === 'swarm' || n.scope === 'global') && !n.attachable) {
    return l10n.t('"{0}" is a swarm-scoped network that is not attachable: only services can use it. Recreate it with "Attachable" to connect standalone containers.', n.name);
  }
  return undefined;
}

interface EndpointFields {
  ipv4Address: string;
  ipv6Address: string;
  aliases: string;
}

/** Static addresses and aliases for an endpoint on `network`; `self` is the container being connected, if it exists yet. */
export function validateEndpoint(form: EndpointFields, network: NetworkView, self: string | undefined, errors: FieldError[]): void {
  validateStaticAddress(form.ipv4Address, 'ipv4', 'ipv4Address', network, self, errors);
  validateStaticAddress(form.ipv6Address, 'ipv6', 'ipv6Address', network, self, errors);
  const aliases = checkAliasSyntax(form.aliases, errors);
  if (aliases > 0 && !isUserDefinedNetworkName(network.name)) {
    errors.push({ field: 'aliases', message: l10n.t('Aliases work only on user-defined networks, and "{0}" is a built-in one: remove the aliases, or use a network you created.', network.name) });
  }
}

function checkAliasSyntax(text: string, errors: FieldError[]): number {
  const aliases = splitList(text);
  const bad = aliases.find((a) => !ALIAS_PATTERN.test(a) || a.length > 255);
  if (bad !== undefined) errors.push({ field: 'aliases', message: l10n.t('"{0}" is not a valid alias: use letters, digits, "_", "." and "-", starting with a letter, digit or "_".', bad) });
  return aliases.length;
}

function checkAddressSyntax(raw: string, family: Family, field: string, errors: FieldError[]): ReturnType<typeof parseIp> | undefined {
  return typedAddress(raw, family, field, errors, (text) => l10n.t('{0} is not an {1} address.', text, familyLabel(family)));
}

function validateStaticAddress(raw: string, family: Family, field: string, n: NetworkView, self: string | undefined, errors: FieldError[]): void {
  const ip = checkAddressSyntax(raw, family, field, errors);
  if (!ip) return;
  const text = raw.trim();
  if (!isUserDefinedNetworkName(n.name)) {
    errors.push({ field, message: l10n.t('A static address needs a user-defined network with a subnet; "{0}" is a built-in network. Create a network with a subnet and use it.', n.name) });
    return;
  }
  if (family === 'ipv6' && !n.enableIPv6) {
    errors.push({ field, message: l10n.t('"{0}" does not have IPv6 enabled: leave the IPv6 address empty, or use an IPv6 network.', n.name) });
    return;
  }
  const subnets = n.ipam
    .map((c) => ({ conf: c, cidr: c.subnet ? parseCidr(c.subnet) : undefined }))
    .filter((x): x is { conf: typeof x.conf; cidr: ParsedCidr } => x.cidr !== undefined && x.cidr.family === family);
  if (subnets.length === 0) {
    errors.push({ field, message: l10n.t('"{0}" has no {1} subnet configured, so it cannot take a static {1} address. Create the network with a subnet.', n.name, familyLabel(family)) });
    return;
  }
  const home = subnets.find((s) => cidrContains(s.cidr, ip.addr));
  if (!home) {
    errors.push({ field, message: l10n.t('{0} is not inside the subnet of "{1}" ({2}): choose an address within it.', text, n.name, subnets.map((s) => s.cidr.text).join(', ')) });
    return;
  }
  // Who holds it, as the tooltip, Network Details and "Next free address" see it (src/core/ipamUsage.ts).
  const holder = holderOf(n, text, self);
  if (!holder) return;
  const message = (() => {
    switch (holder.kind) {
      case 'network': return l10n.t('{0} is the network address of {1}: choose a host address.', text, home.cidr.text);
      case 'broadcast': return l10n.t('{0} is the broadcast address of {1}: choose a host address.', text, home.cidr.text);
      case 'gateway': return l10n.t('{0} is the gateway of "{1}": choose another address.', text, n.name);
      case 'aux': return l10n.t('{0} is reserved on "{1}" as the auxiliary address "{2}": choose another address.', text, n.name, holder.name ?? '');
      case 'container': return holder.stopped
        ? l10n.t('{0} is the fixed address of container "{2}" on "{1}", which is stopped and takes it back when it starts: choose a free address.', text, n.name, holder.name ?? '')
        : l10n.t('{0} is already used on "{1}" by container "{2}": choose a free address.', text, n.name, holder.name ?? '');
    }
  })();
  errors.push({ field, message });
}

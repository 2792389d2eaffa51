// Pre-flight checks of the Create Network form: what `docker network create` (and the engine behind it) would
// refuse, found before anything is sent, each attached to the field that needs changing.
import * as l10n from '@vscode/l10n';
import type { CreateNetworkForm, FieldError, IpamEntry, ValidationContext } from '../forms';
import { dedicatedOptionHelpers, OPT_BRIDGE_NAME } from '../driverOptions';
import { describeCollision, routeChecked, subnetCollisions } from '../hostRoutes';
import { addressFamilies, isBlankIpamEntry, isBlankKeyValue, parseAuxAddresses } from '../formValues';
import type { NetworkView } from '../model';
import {
  NAME_PATTERN, PREDEFINED_NETWORK_NAMES, cidrContains, cidrOverlaps, cidrWithin, familyLabel, findNetwork, parseCidr, parseIp,
  required, reservedInSubnet, sameAddr, typedAddress, validateKeyValues, type Family, type ParsedCidr,
} from './common';
import { validateNetworkFeatures } from './networkFeatures';
import { validateDriverOptions } from './networkOptions';

const NO_OVERLAP_CHECK_DRIVERS = new Set(['macvlan', 'ipvlan']);

export function validateCreateNetwork(form: CreateNetworkForm, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const driver = form.driver.trim() || 'bridge';
  const configFrom = form.configFrom.trim();

  validateName(form.name, ctx, errors);
  validateDriver(driver, form, ctx, errors);
  validateFlags(driver, form, ctx, errors);
  if (configFrom !== '') validateConfigFrom(configFrom, form, ctx, errors);

  const v4 = validateFamily('ipv4', form.ipv4, driver, form, ctx, errors);
  const v6 = validateFamily('ipv6', form.ipv6, driver, form, ctx, errors);
  if (v6 > 0 && !addressFamilies(form).ipv6) {
    errors.push({ field: 'enableIPv6', message: l10n.t('An IPv6 subnet is configured but IPv6 is not enabled: tick "Enable IPv6", or remove the IPv6 subnet.') });
  }
  const firstV4 = form.ipv4.findIndex((e) => !isBlankIpamEntry(e));
  validateNetworkFeatures(form, { driver, ipv4Rows: v4, ipv6Rows: v6, firstIpv4Field: firstV4 >= 0 ? `ipv4[${firstV4}].subnet` : undefined }, ctx, errors);

  validateKeyValues(form.ipamOptions, { path: 'ipamOptions', what: l10n.t('IPAM option') }, errors);
  validateKeyValues(form.driverOptions, { path: 'driverOptions', what: l10n.t('driver option') }, errors);
  validateDriverOptions(driver, form, ctx, errors);
  validateKeyValues(form.labels, { path: 'labels', what: l10n.t('label') }, errors);
  return errors;
}

function validateName(raw: string, ctx: ValidationContext, errors: FieldError[]): void {
  const name = raw.trim();
  if (name === '') {
    errors.push({ field: 'name', message: required(l10n.t('A network name')) });
  } else if (!NAME_PATTERN.test(name)) {
    errors.push({ field: 'name', message: l10n.t('"{0}" is not a valid network name: start with a letter or digit, then use only letters, digits, "_", "." and "-".', name) });
  } else if (PREDEFINED_NETWORK_NAMES.includes(name)) {
    errors.push({ field: 'name', message: l10n.t('"{0}" is the name of a network the engine defines itself: choose another name.', name) });
  } else if (ctx.networks.some((n) => n.name === name)) {
    errors.push({ field: 'name', message: l10n.t('A network named "{0}" already exists: choose another name, or remove that network first.', name) });
  }
}

function validateDriver(driver: string, form: CreateNetworkForm, ctx: ValidationContext, errors: FieldError[]): void {
  if (driver === 'host' || driver === 'null') {
    errors.push({ field: 'driver', message: l10n.t('The "{0}" driver has exactly one network, created by the engine: networks of that driver cannot be created. Choose another driver.', driver) });
    return;
  }
  if (ctx.drivers.length > 0 && !ctx.drivers.includes(driver)) {
    errors.push({ field: 'driver', message: l10n.t('The engine has no network driver "{0}". Available: {1}.', driver, ctx.drivers.filter((d) => d !== 'host' && d !== 'null').join(', ')) });
    return;
  }
  if (driver === 'overlay' && !ctx.swarmManager && !form.configOnly) {
    errors.push({ field: 'driver', message: l10n.t('Overlay networks need a Swarm: this engine is not a Swarm manager. Run "docker swarm init" (or join a Swarm as a manager), or choose another driver.') });
  }
}

function validateFlags(driver: string, form: CreateNetworkForm, ctx: ValidationContext, errors: FieldError[]): void {
  if (form.scope !== '' && form.scope !== 'local' && form.scope !== 'swarm') {
    errors.push({ field: 'scope', message: l10n.t('The scope must be "local" or "swarm".') });
  } else if (form.scope === 'swarm' && !ctx.swarmManager) {
    errors.push({ field: 'scope', message: l10n.t('The swarm scope needs a Swarm: this engine is not a Swarm manager. Choose the local scope, or run "docker swarm init".') });
  }
  if (form.ingress) {
    if (driver !== 'overlay') {
      errors.push({ field: 'ingress', message: l10n.t('Only an overlay network can be the ingress (routing-mesh) network: choose the overlay driver, or untick "Ingress".') });
    } else {
      const existing = ctx.networks.find((n) => n.ingress);
      if (existing) {
        errors.push({ field: 'ingress', message: l10n.t('The Swarm already has an ingress network, "{0}": there can be only one. Remove it first (no service may publish ports meanwhile), or untick "Ingress".', existing.name) });
      }
    }
  }
  if (form.attachable && driver !== 'overlay' && form.scope !== 'swarm') {
    errors.push({ field: 'attachable', message: l10n.t('"Attachable" applies to swarm-scoped networks (overlay) only: local networks are always attachable. Untick it, or choose the overlay driver.') });
  }
  if (form.configOnly && form.configFrom.trim() !== '') {
    errors.push({ field: 'configOnly', message: l10n.t('A config-only network cannot itself take its configuration from another one: untick "Config only" or clear "Config from".') });
  }
  if (form.configOnly && (form.ingress || form.attachable || form.internal)) {
    const field = form.ingress ? 'ingress' : form.attachable ? 'attachable' : 'internal';
    errors.push({ field, message: l10n.t('A config-only network only holds IPAM and driver options; set this on the network created from it instead.') });
  }
}

function validateConfigFrom(configFrom: string, form: CreateNetworkForm, ctx: ValidationContext, errors: FieldError[]): void {
  const source = ctx.networks.find((n) => n.name === configFrom) ?? findNetwork(ctx.networks, configFrom);
  if (!source) {
    errors.push({ field: 'configFrom', message: l10n.t('There is no network "{0}" to take the configuration from: create it with "Config only" first.', configFrom) });
  } else if (!source.configOnly) {
    errors.push({ field: 'configFrom', message: l10n.t('"{0}" is not a config-only network: only a network created with "Config only" can be used here.', source.name) });
  }
  const why = l10n.t('The configuration comes from "{0}": remove this here, or set it on the config-only network.', configFrom);
  const firstIpam = [...form.ipv4.map((e, i) => ({ e, path: `ipv4[${i}]` })), ...form.ipv6.map((e, i) => ({ e, path: `ipv6[${i}]` }))]
    .find((x) => !isBlankIpamEntry(x.e));
  if (firstIpam) errors.push({ field: `${firstIpam.path}.subnet`, message: why });
  if (form.ipamDriver.trim() !== '' && form.ipamDriver.trim() !== 'default') errors.push({ field: 'ipamDriver', message: why });
  if (form.ipamOptions.some((kv) => !isBlankKeyValue(kv))) errors.push({ field: 'ipamOptions', message: why });
  if (form.enableIPv6) errors.push({ field: 'enableIPv6', message: why });
  if (form.driverOptions.some((kv) => !isBlankKeyValue(kv))) errors.push({ field: 'driverOptions', message: why });
  const dedicated = dedicatedOptionHelpers().find((h) => form[h.field].trim() !== '');
  if (dedicated) errors.push({ field: dedicated.field, message: why });
  if (form.labels.some((kv) => !isBlankKeyValue(kv))) {
    errors.push({ field: 'labels', message: l10n.t('The engine refuses labels on a network that takes its configuration from another: remove the labels.') });
  }
}

/** Checks one address family's IPAM rows; returns how many rows are used. */
function validateFamily(
  family: Family, entries: readonly IpamEntry[], driver: string, form: CreateNetworkForm, ctx: ValidationContext, errors: FieldError[],
): number {
  const other: Family = family === 'ipv4' ? 'ipv6' : 'ipv4';
  const accepted: Array<{ index: number; cidr: ParsedCidr }> = [];
  let used = 0;
  entries.forEach((entry, i) => {
    if (isBlankIpamEntry(entry)) return;
    used++;
    const at = (f: keyof IpamEntry): string => `${family}[${i}].${f}`;
    if (driver === 'bridge' && used === 2) {
      errors.push({ field: at('subnet'), message: l10n.t('The bridge driver supports one {0} subnet per network: remove this one, or create another network.', familyLabel(family)) });
    }
    const subnetText = entry.subnet.trim();
    if (subnetText === '') {
      errors.push({ field: at('subnet'), message: l10n.t('A subnet is required when an IP range, a gateway or auxiliary addresses are given.') });
      return;
    }
    const subnet = parseCidr(subnetText);
    if (!subnet) {
      errors.push({ field: at('subnet'), message: l10n.t('"{0}" is not a CIDR block: write an address and a prefix length, e.g. {1}.', subnetText, family === 'ipv4' ? '172.28.0.0/16' : 'fd00:28::/64') });
      return;
    }
    if (subnet.family !== family) {
      errors.push({ field: at('subnet'), message: l10n.t('{0} is an {1} subnet: add it under {1}.', subnetText, familyLabel(other)) });
      return;
    }
    // Still check the rest against the masked block: the other fields are likely right.
    if (!subnet.masked) errors.push({ field: at('subnet'), message: l10n.t('{0} has host bits set: did you mean {1}?', subnetText, subnet.text) });
    const overlapError = overlapWithOwn(subnet, accepted) ?? overlapWithExisting(subnet, driver, form, ctx) ?? overlapWithHostRoutes(subnet, driver, form, ctx);
    if (overlapError && subnet.masked) errors.push({ field: at('subnet'), message: overlapError });
    accepted.push({ index: i, cidr: subnet });

    validateIpRange(entry.ipRange, subnet, at('ipRange'), errors);
    const gateway = validateGateway(entry.gateway, subnet, at('gateway'), errors);
    validateAux(entry.auxAddresses, subnet, gateway, at('auxAddresses'), errors);
  });
  return used;
}

function overlapWithOwn(subnet: ParsedCidr, accepted: ReadonlyArray<{ index: number; cidr: ParsedCidr }>): string | undefined {
  const clash = accepted.find((a) => cidrOverlaps(a.cidr, subnet));
  return clash ? l10n.t('{0} overlaps {1}, configured above in this form: subnets of one network must not overlap.', subnet.text, clash.cidr.text) : undefined;
}

/** Local networks share one address space, swarm-scoped ones another; the engine refuses an overlap within either. */
function addressSpace(scope: string): 'local' | 'global' {
  return scope === 'swarm' || scope === 'global' ? 'global' : 'local';
}

function overlapWithExisting(subnet: ParsedCidr, driver: string, form: CreateNetworkForm, ctx: ValidationContext): string | undefined {
  // macvlan/ipvlan networks live on an outside LAN whose subnet may well repeat; a config-only network allocates nothing.
  if (NO_OVERLAP_CHECK_DRIVERS.has(driver) || form.configOnly) return undefined;
  const space = addressSpace(driver === 'overlay' ? 'swarm' : form.scope);
  for (const n of ctx.networks) {
    if (n.configOnly || NO_OVERLAP_CHECK_DRIVERS.has(n.driver) || n.driver === 'host' || n.driver === 'null') continue;
    if (addressSpace(n.scope) !== space) continue;
    for (const c of n.ipam) {
      const theirs = c.subnet ? parseCidr(c.subnet) : undefined;
      if (theirs && cidrOverlaps(theirs, subnet)) {
        return l10n.t('{0} overlaps {1}, the subnet of network "{2}": choose a subnet that does not overlap, or remove "{2}" first.', subnet.text, theirs.text, n.name);
      }
    }
  }
  return undefined;
}

/** A host route or interface address in the subnet (engine on this machine): containers could not reach it. */
function overlapWithHostRoutes(subnet: ParsedCidr, driver: string, form: CreateNetworkForm, ctx: ValidationContext): string | undefined {
  if (!ctx.host?.routes || !routeChecked(driver, form.configOnly)) return undefined;
  // A bridge named in the form is the network's own (the engine takes an existing one over).
  const named = form.driverOptions.find((kv) => kv.key.trim() === OPT_BRIDGE_NAME)?.value.trim();
  const found = subnetCollisions(subnet, new Set(named ? [named] : []), ctx.host.routes, ctx.networks);
  return found.length > 0 ? describeCollision(found[0]) : undefined;
}

function validateIpRange(raw: string, subnet: ParsedCidr, field: string, errors: FieldError[]): void {
  const text = raw.trim();
  if (text === '') return;
  const range = parseCidr(text);
  if (!range) {
    errors.push({ field, message: l10n.t('"{0}" is not a CIDR block: an IP range is written like a subnet, e.g. {1}.', text, subnet.family === 'ipv4' ? '172.28.5.0/24' : 'fd00:28::/80') });
  } else if (range.family !== subnet.family) {
    errors.push({ field, message: l10n.t('The IP range {0} is not an {1} block like its subnet {2}.', text, familyLabel(subnet.family), subnet.text) });
  } else if (!range.masked) {
    errors.push({ field, message: l10n.t('{0} has host bits set: did you mean {1}?', text, range.text) });
  } else if (!cidrWithin(range, subnet)) {
    errors.push({ field, message: l10n.t('The IP range {0} is not inside the subnet {1}: choose a block within it.', range.text, subnet.text) });
  }
}

function validateGateway(raw: string, subnet: ParsedCidr, field: string, errors: FieldError[]): ReturnType<typeof parseIp> {
  const text = raw.trim();
  const gw = typedAddress(raw, subnet.family, field, errors,
    (t) => l10n.t('The gateway {0} is not an {1} address like its subnet {2}.', t, familyLabel(subnet.family), subnet.text));
  if (!gw) return undefined;
  if (!cidrContains(subnet, gw.addr)) {
    errors.push({ field, message: l10n.t('The gateway {0} is not inside the subnet {1}: choose an address within it, or leave it empty for the first one.', text, subnet.text) });
    return undefined;
  }
  const reserved = reservedInSubnet(subnet, gw.addr);
  if (reserved === 'network') {
    errors.push({ field, message: l10n.t('{0} is the network address of {1}, not a usable host: choose another gateway.', text, subnet.text) });
    return undefined;
  }
  if (reserved === 'broadcast') {
    errors.push({ field, message: l10n.t('{0} is the broadcast address of {1}, not a usable host: choose another gateway.', text, subnet.text) });
    return undefined;
  }
  return gw;
}

function validateAux(raw: string, subnet: ParsedCidr, gateway: ReturnType<typeof parseIp>, field: string, errors: FieldError[]): void {
  const names = new Set<string>();
  const ips: Array<{ name: string; ip: NonNullable<ReturnType<typeof parseIp>> }> = [];
  for (const aux of parseAuxAddresses(raw)) {
    if (aux.name === '' || !aux.raw.includes('=') || aux.ip === '') {
      errors.push({ field, message: l10n.t('"{0}" is not a name=ip pair, e.g. router=172.28.1.5.', aux.raw) });
      continue;
    }
    if (names.has(aux.name)) {
      errors.push({ field, message: l10n.t('The auxiliary address name "{0}" is used twice: names must be unique.', aux.name) });
      continue;
    }
    names.add(aux.name);
    const ip = parseIp(aux.ip);
    if (!ip) {
      errors.push({ field, message: l10n.t('"{0}" in {1} is not an IP address.', aux.ip, aux.raw) });
    } else if (!cidrContains(subnet, ip.addr)) {
      errors.push({ field, message: l10n.t('The auxiliary address {0} ({1}) is not inside the subnet {2}.', aux.ip, aux.name, subnet.text) });
    } else if (gateway && sameAddr(gateway.addr, ip.addr)) {
      errors.push({ field, message: l10n.t('The auxiliary address {0} ({1}) is the gateway: choose another address.', aux.ip, aux.name) });
    } else if (reservedInSubnet(subnet, ip.addr)) {
      errors.push({ field, message: l10n.t('The auxiliary address {0} ({1}) is the network or broadcast address of {2}.', aux.ip, aux.name, subnet.text) });
    } else {
      const dup = ips.find((x) => sameAddr(x.ip.addr, ip.addr));
      if (dup) errors.push({ field, message: l10n.t('{0} is given to both "{1}" and "{2}": each auxiliary address needs its own IP.', aux.ip, dup.name, aux.name) });
      else ips.push({ name: aux.name, ip });
    }
  }
}

/** Exported for the form: the networks a `configFrom` picker should offer. */
export function configOnlyNetworks(ctx: Pick<ValidationContext, 'networks'>): NetworkView[] {
  return ctx.networks.filter((n) => n.configOnly);
}

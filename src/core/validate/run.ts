// Pre-flight checks of the Run form (`docker run -d`).
import * as l10n from '@vscode/l10n';
import type { FieldError, PortEntry, RunForm, ValidationContext } from '../forms';
import { isBlankPortEntry, normalizeProtocol, splitList } from '../formValues';
import { splitCommand } from '../commandLine';
import { containerName } from '../join';
import type { RawContainer } from '../model';
import {
  CONTAINER_NAME_PATTERN, findContainer, findNetwork, parseIp, parsePort, required, validateKeyValues,
} from './common';
import { unjoinable, validateEndpoint, validateGwPriority } from './connect';
import { addressesMeet, foreignListeners, listenerMeets } from '../ports';

const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export function validateRun(form: RunForm, ctx: ValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  validateImage(form.image, errors);
  validateContainerName(form.name, ctx, errors);
  const mode = validateNetwork(form, ctx, errors);
  validatePorts(form.ports, mode, ctx, errors);
  validatePublishAll(form.publishAll, mode, errors);
  const cmd = splitCommand(form.command);
  if (cmd.error) errors.push({ field: 'command', message: cmd.error });
  validateKeyValues(form.env, {
    path: 'env',
    what: l10n.t('variable'),
    key: (k) => (/^[^0-9=][^=]*$/.test(k) ? undefined : l10n.t('"{0}" is not a variable name: it cannot start with a digit.', k)),
  }, errors);
  validateKeyValues(form.labels, { path: 'labels', what: l10n.t('label') }, errors);
  return errors;
}

function validateImage(raw: string, errors: FieldError[]): void {
  const image = raw.trim();
  if (image === '') {
    errors.push({ field: 'image', message: l10n.t('Choose an image to run.') });
    return;
  }
  if (/\s/.test(image)) {
    errors.push({ field: 'image', message: l10n.t('An image reference has no spaces: put arguments in "Command".') });
    return;
  }
  // The repository path must be lower case; a registry host (first part with "." or ":", or localhost) may not be.
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const repo = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  const parts = repo.split('/');
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) parts.shift();
  if (parts.some((p) => p !== p.toLowerCase())) {
    errors.push({ field: 'image', message: l10n.t('"{0}": a repository name must be lower case (the engine would answer "invalid reference format").', image) });
  }
}

function validateContainerName(raw: string, ctx: ValidationContext, errors: FieldError[]): void {
  const name = raw.trim();
  if (name === '') return;
  if (!CONTAINER_NAME_PATTERN.test(name)) {
    errors.push({ field: 'name', message: l10n.t('"{0}" is not a valid container name: use at least two characters, starting with a letter or digit, then letters, digits, "_", "." and "-".', name) });
    return;
  }
  const bare = name.replace(/^\//, '');
  const clash = ctx.containers.find((c) => containerName(c) === bare);
  if (clash) {
    errors.push({ field: 'name', message: l10n.t('A container named "{0}" already exists ({1}): choose another name, or remove that container first.', bare, clash.State) });
  }
}

type Mode = 'user' | 'bridge' | 'host' | 'none' | 'container';

function validateNetwork(form: RunForm, ctx: ValidationContext, errors: FieldError[]): Mode {
  const ref = form.network.trim();
  const hasIp = form.ipv4Address.trim() !== '' || form.ipv6Address.trim() !== '';
  const hasAliases = splitList(form.aliases).length > 0;
  const builtinMode = (mode: Mode, label: string): Mode => {
    if (hasIp) {
      const field = form.ipv4Address.trim() !== '' ? 'ipv4Address' : 'ipv6Address';
      errors.push({ field, message: l10n.t('A static address needs a user-defined network with a subnet, not {0}: choose such a network, or leave the address empty.', label) });
    }
    if (hasAliases) errors.push({ field: 'aliases', message: l10n.t('Aliases work only on user-defined networks, not {0}: choose one, or remove the aliases.', label) });
    if (mode !== 'bridge' && form.gwPriority.trim() !== '') {
      errors.push({ field: 'gwPriority', message: l10n.t('A route priority belongs to a network endpoint, and {0} has none: clear it, or choose a network.', label) });
    } else {
      validateGwPriority(form.gwPriority, ctx, errors);
    }
    return mode;
  };

  if (ref === '' || ref === 'default') return builtinMode('bridge', l10n.t('the default bridge'));
  if (ref === 'host') return builtinMode('host', l10n.t('the host network'));
  if (ref === 'none') return builtinMode('none', l10n.t('no network'));
  if (ref.startsWith('container:')) {
    const other = ref.slice('container:'.length);
    const target: RawContainer | undefined = other ? findContainer(ctx.containers, other) : undefined;
    if (!target) errors.push({ field: 'network', message: l10n.t('There is no container "{0}" whose network to share.', other) });
    return builtinMode('container', l10n.t('a shared network namespace'));
  }
  const network = findNetwork(ctx.networks, ref);
  if (!network) {
    errors.push({ field: 'network', message: l10n.t('There is no network "{0}". It may have been removed: refresh and choose again.', ref) });
    return 'user';
  }
  if (network.name === 'bridge') return builtinMode('bridge', l10n.t('the default bridge'));
  if (network.driver === 'host') return builtinMode('host', l10n.t('the host network'));
  if (network.driver === 'null') return builtinMode('none', l10n.t('no network'));
  const reason = unjoinable(network);
  if (reason) {
    errors.push({ field: 'network', message: reason });
    return 'user';
  }
  validateEndpoint(form, network, undefined, errors);
  validateGwPriority(form.gwPriority, ctx, errors);
  return 'user';
}

/**
 * `-P` needs ports of the container's own, like `-p`. The host ports it takes are the engine's pick, free when it
 * picks them: nothing to check against the published ports or this machine's listeners.
 */
function validatePublishAll(publishAll: boolean, mode: Mode, errors: FieldError[]): void {
  if (!publishAll || (mode !== 'host' && mode !== 'none' && mode !== 'container')) return;
  const message = mode === 'host'
    ? l10n.t('With the host network the container\'s ports already are the host\'s: -P would publish nothing. Untick it.')
    : mode === 'none'
      ? l10n.t('A container without networking has no ports to publish: untick -P, or choose a network.')
      : l10n.t('A container sharing another container\'s network cannot publish ports: untick -P, and publish them on that container instead.');
  errors.push({ field: 'publishAll', message });
}

interface Binding {
  index: number;
  ip: string;
  port: number;
  protocol: string;
}

function validatePorts(ports: readonly PortEntry[], mode: Mode, ctx: ValidationContext, errors: FieldError[]): void {
  const used = ports.map((p, i) => ({ p, i })).filter(({ p }) => !isBlankPortEntry(p));
  if (used.length > 0 && (mode === 'host' || mode === 'none' || mode === 'container')) {
    const first = used[0].i;
    const message = mode === 'host'
      ? l10n.t('With the host network the container\'s ports already are the host\'s: published ports would be ignored. Remove them.')
      : mode === 'none'
        ? l10n.t('A container without networking has no ports to publish: remove them, or choose a network.')
        : l10n.t('A container sharing another container\'s network cannot publish ports: publish them on that container instead.');
    errors.push({ field: `ports[${first}].containerPort`, message });
    return;
  }
  const bindings: Binding[] = [];
  // The same data as Show Published Ports: this machine's listeners, less the running containers' own (docker-proxy).
  const listeners = ctx.host?.listeners ? foreignListeners(ctx.host.listeners, ctx.containers) : [];
  for (const { p, i } of used) {
    const at = (f: keyof PortEntry): string => `ports[${i}].${f}`;
    const protocol = normalizeProtocol(p.protocol);
    if (!PROTOCOLS.includes(protocol)) {
      errors.push({ field: at('protocol'), message: l10n.t('The protocol must be tcp, udp or sctp.') });
    }
    if (p.containerPort.trim() === '') {
      errors.push({ field: at('containerPort'), message: required(l10n.t('The container port')) });
    } else if (parsePort(p.containerPort) === undefined) {
      errors.push({ field: at('containerPort'), message: l10n.t('"{0}" is not a port: use a number from 1 to 65535.', p.containerPort.trim()) });
    }
    const hostIp = p.hostIp.trim();
    if (hostIp !== '' && !parseIp(hostIp)) {
      errors.push({ field: at('hostIp'), message: l10n.t('"{0}" is not an IP address of the host: leave it empty for all addresses, or use e.g. 127.0.0.1.', hostIp) });
      continue;
    }
    if (p.hostPort.trim() === '') continue; // ephemeral: the engine picks a free port
    const port = parsePort(p.hostPort);
    if (port === undefined) {
      errors.push({ field: at('hostPort'), message: l10n.t('"{0}" is not a port: use a number from 1 to 65535, or leave it empty for a free port.', p.hostPort.trim()) });
      continue;
    }
    const ip = hostIp === '' ? '' : parseIp(hostIp)?.text ?? hostIp;
    const dup = bindings.find((b) => b.port === port && b.protocol === protocol && addressesMeet(b.ip, ip));
    if (dup) {
      errors.push({ field: at('hostPort'), message: l10n.t('Host port {0}/{1} is already published by row {2}: each host address, port and protocol can be published once.', port, protocol, dup.index + 1) });
      continue;
    }
    bindings.push({ index: i, ip, port, protocol });
    const holder = ctx.containers.find((c) => (c.Ports ?? []).some((cp) =>
      cp.PublicPort === port && cp.Type === protocol && addressesMeet(cp.IP ?? '', ip)));
    if (holder) {
      errors.push({ field: at('hostPort'), message: l10n.t('Host port {0}/{1} is already published by container "{2}": choose another host port, or leave it empty for a free one.', port, protocol, containerName(holder)) });
      continue;
    }
    const taker = protocol === 'tcp' ? listeners.find((l) => listenerMeets(l, ip, port)) : undefined;
    if (taker) {
      const where = taker.family === 'ipv6' ? `[${taker.address}]:${taker.port}` : `${taker.address}:${taker.port}`;
      errors.push({ field: at('hostPort'), message: l10n.t('Host port {0}/tcp is taken by a process on this machine listening on {1}: the container would fail to start. Choose another host port, or leave it empty for a free one.', port, where) });
    }
  }
}

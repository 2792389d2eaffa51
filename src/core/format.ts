// Text shown in the tree: descriptions (one short line) and Markdown tooltips (what `inspect` would tell).
import { composeNetworkOf, composeWords } from './compose';
import * as l10n from '@vscode/l10n';
import { describeHealth, healthWord } from './health';
import { escapeMarkdown, inlineCode } from './markdown';
import { formatDateTime } from './localeFormat';
import { describeHolder, describeUsage, namedHolders, subnetUsage, type SubnetUsage } from './ipamUsage';
import type { Attachment, IpamConfig, NetworkView, PortMapping, ServiceOnNetwork } from './model';
import { gatewayModeOf, isIPv6Only, trustedHostInterfacesOf } from './networkTraits';

/** Host side first, as the user types it in `-p`: `0.0.0.0:8080 → 80/tcp`. */
export function formatPort(p: PortMapping): string {
  const container = `${p.containerPort}/${p.protocol}`;
  if (p.hostPort === undefined) return container;
  const host = p.hostIp === undefined ? '' : p.hostIp.includes(':') ? `[${p.hostIp}]:` : `${p.hostIp}:`;
  return `${host}${p.hostPort} → ${container}`;
}

/** The Linux interface of a bridge network, so the user can match it with `ip link`. */
export function bridgeInterface(n: NetworkView): string | undefined {
  const named = n.options['com.docker.network.bridge.name'];
  if (named) return named;
  if (n.driver !== 'bridge') return undefined;
  return n.name === 'bridge' ? 'docker0' : `br-${n.id.slice(0, 12)}`;
}

export function networkDescription(n: NetworkView): string {
  const subnets = n.ipam.flatMap((c) => (c.subnet ? [c.subnet] : []));
  const parts = [n.driver, isIPv6Only(n) ? l10n.t('IPv6 only') : '', subnets.join(', ')];
  return parts.filter((p) => p !== '').join(' · ');
}

export function networkTooltip(n: NetworkView): string {
  const yesNo = (b: boolean): string => (b ? l10n.t('yes') : l10n.t('no'));
  const ipamDriver = n.ipamDriver !== 'default' ? [field(l10n.t('IPAM driver'), inlineCode(n.ipamDriver))] : [];
  const count = n.attachments.length;
  const hasIpam = n.driver !== 'null' && n.driver !== 'host';
  const trusted = trustedHostInterfacesOf(n);
  const usage = subnetUsage(n);
  return sections(
    [`### ${escapeMarkdown(n.name)}`],
    [
      field(l10n.t('ID'), inlineCode(n.id)),
      field(l10n.t('Driver'), inlineCode(n.driver)),
      field(l10n.t('Scope'), inlineCode(n.scope)),
      optional(l10n.t('Bridge interface'), bridgeInterface(n)),
      n.created ? field(l10n.t('Created'), escapeMarkdown(formatDateTime(n.created))) : '',
    ],
    ...n.ipam.map((c, i) => ipamLines(c, usage.find((u) => u.index === i))),
    [...ipamDriver, pairs(l10n.t('IPAM options'), n.ipamOptions)],
    [
      field(l10n.t('Internal'), yesNo(n.internal)),
      field(l10n.t('Attachable'), yesNo(n.attachable)),
      field(l10n.t('Ingress'), yesNo(n.ingress)),
      hasIpam ? field(l10n.t('IPv4'), isIPv6Only(n) ? l10n.t('no (an IPv6-only network)') : yesNo(n.enableIPv4)) : '',
      field(l10n.t('IPv6'), yesNo(n.enableIPv6)),
      optional(l10n.t('IPv4 gateway mode'), gatewayModeOf(n, 'ipv4')),
      optional(l10n.t('IPv6 gateway mode'), gatewayModeOf(n, 'ipv6')),
      trusted.length > 0 ? field(l10n.t('Trusted host interfaces'), trusted.map(inlineCode).join(', ')) : '',
      n.configOnly ? field(l10n.t('Config only'), yesNo(true)) : '',
      optional(l10n.t('Config from'), n.configFrom),
    ],
    composeLines(n),
    [pairs(l10n.t('Options'), n.options), pairs(l10n.t('Labels'), n.labels)],
    [count === 1 ? l10n.t('1 container') : l10n.t('{0} containers', count)],
  );
}

/** The compose project that made the network and its key in the compose file. */
function composeLines(n: NetworkView): string[] {
  const c = composeNetworkOf(n);
  return c ? [field(l10n.t('Compose project'), inlineCode(c.project)), optional(l10n.t('Compose network'), c.key)] : [];
}

/** What the container is on this network, in a few words: its address, else why it has none; then its health. */
export function attachmentDescription(a: Attachment): string {
  const address = [a.ipv4, a.ipv6].filter((x): x is string => x !== undefined).join(' · ');
  // the compose service (and replica) comes last, after what the row is mostly read for
  const health = (a.health ? ` · ${healthWord(a.health)}` : '') + (a.compose ? ` · ${composeWords(a.compose)}` : '');
  if (a.sharesNamespaceOf !== undefined) {
    const shared = l10n.t('shares network namespace of {0}', a.sharesNamespaceOf);
    return (address ? `${shared} · ${address}` : shared) + health;
  }
  if (address) return address + health;
  if (a.networkMode === 'host' || a.networkMode === 'none') {
    return (a.state === 'running' ? a.networkMode : `${a.networkMode} · ${a.state}`) + health;
  }
  return a.state + health;
}

export function attachmentTooltip(a: Attachment, n: NetworkView): string {
  const modeHint = a.networkMode === 'host'
    ? l10n.t('Uses the host\'s network stack: no address of its own.')
    : a.networkMode === 'none' ? l10n.t('No network: loopback only.') : '';
  const status = a.status ? `${escapeMarkdown(a.state)} (${escapeMarkdown(a.status)})` : escapeMarkdown(a.state);
  return sections(
    [`### ${escapeMarkdown(a.name)}`],
    [
      field(l10n.t('Network'), inlineCode(n.name)),
      field(l10n.t('ID'), `${inlineCode(a.shortId)} (${inlineCode(a.containerId)})`),
      field(l10n.t('Image'), inlineCode(a.image)),
      field(l10n.t('State'), status),
      a.health ? field(l10n.t('Health'), escapeMarkdown(describeHealth(a.health))) : '',
      optional(l10n.t('Network mode'), a.networkMode),
      a.sharesNamespaceOf !== undefined ? l10n.t('Shares network namespace of {0}', inlineCode(a.sharesNamespaceOf)) : '',
      escapeMarkdown(modeHint),
    ],
    [
      optional(l10n.t('IPv4'), a.ipv4),
      optional(l10n.t('IPv6'), a.ipv6),
      optional(l10n.t('MAC'), a.mac),
      optional(l10n.t('Gateway'), a.gateway),
      optional(l10n.t('IPv6 gateway'), a.ipv6Gateway),
      a.aliases.length > 0 ? field(l10n.t('Aliases'), a.aliases.map(inlineCode).join(', ')) : '',
      a.dnsNames && a.dnsNames.length > 0 ? field(l10n.t('DNS names'), a.dnsNames.map(inlineCode).join(', ')) : '',
      a.gwPriority ? field(l10n.t('Gateway priority'), inlineCode(String(a.gwPriority))) : '',
    ],
    a.ports.length > 0
      ? [`**${escapeMarkdown(l10n.t('Ports'))}**\n${a.ports.map((p) => `- ${inlineCode(formatPort(p))}`).join('\n')}`]
      : [],
  );
}

/** A codicon id per container state. */
/** `VIP 10.0.1.2/24 · replicated 2 · 2 running here` */
export function serviceDescription(s: ServiceOnNetwork, tasks: Attachment[]): string {
  const running = tasks.filter((t) => t.state === 'running').length;
  return [s.vip ? l10n.t('VIP {0}', s.vip) : undefined, s.mode, l10n.t('{0} running here', running)].filter(Boolean).join(' · ');
}

export function serviceTooltip(s: ServiceOnNetwork, n: NetworkView, tasks: Attachment[]): string {
  const lines = [
    `### ${escapeMarkdown(s.name)}`,
    l10n.t('Swarm service {0} on {1}', inlineCode(s.id.slice(0, 12)), inlineCode(n.name)),
    '',
    `- ${l10n.t('Virtual IP')}: ${s.vip ? inlineCode(s.vip) : l10n.t('none (DNS round-robin or not on this network)')}`,
    `- ${l10n.t('Mode')}: ${escapeMarkdown(s.mode)}`,
    `- ${l10n.t('Tasks on this node')}: ${tasks.length ? tasks.map((t) => `${inlineCode(t.name)} ${escapeMarkdown(t.state)}${t.ipv4 ? ` ${inlineCode(t.ipv4)}` : ''}`).join(', ') : l10n.t('none')}`,
  ];
  return lines.join('\n');
}

export function stateIcon(state: string): string {
  switch (state) {
    case 'running': return 'vm-running';
    case 'exited':
    case 'dead': return 'vm-outline';
    case 'paused': return 'debug-pause';
    case 'restarting': return 'sync';
    case 'created': return 'vm';
    default: return 'question';
  }
}

/** A codicon id per network driver. */
export function driverIcon(driver: string): string {
  switch (driver) {
    case 'bridge': return 'type-hierarchy-sub';
    case 'host': return 'server';
    case 'null':
    case 'none': return 'circle-slash';
    case 'overlay': return 'globe';
    case 'macvlan':
    case 'ipvlan': return 'plug';
    default: return 'symbol-interface';
  }
}

/** Holders a tooltip names before it says "and N more". */
const TOOLTIP_HOLDERS = 8;

function ipamLines(c: IpamConfig, usage: SubnetUsage | undefined): string[] {
  const aux = Object.entries(c.auxAddresses).map(([k, v]) => inlineCode(`${k}=${v}`));
  const held = usage ? namedHolders(usage) : [];
  const named = held.slice(0, TOOLTIP_HOLDERS).map((h) => `${inlineCode(h.address)} ${escapeMarkdown(describeHolder(h))}`);
  if (held.length > TOOLTIP_HOLDERS) named.push(l10n.t('and {0} more', held.length - TOOLTIP_HOLDERS));
  return [
    optional(l10n.t('Subnet'), c.subnet),
    optional(l10n.t('IP range'), c.ipRange),
    optional(l10n.t('Gateway'), c.gateway),
    aux.length > 0 ? field(l10n.t('Auxiliary addresses'), aux.join(', ')) : '',
    usage ? field(l10n.t('Addresses'), escapeMarkdown(describeUsage(usage))) : '',
    named.length > 0 ? field(l10n.t('In use'), named.join(', ')) : '',
  ];
}

/** `label: value`, the label bold; value is Markdown the caller has already made safe. */
function field(label: string, value: string): string {
  return `**${escapeMarkdown(label)}:** ${value}`;
}

function optional(label: string, value: string | undefined): string {
  return value ? field(label, inlineCode(value)) : '';
}

function pairs(label: string, record: Record<string, string>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? field(label, entries.map(([k, v]) => inlineCode(`${k}=${v}`)).join(', ')) : '';
}

/** Lines of a section end in a hard break; sections are paragraphs. Empty lines and sections are dropped. */
function sections(...groups: string[][]): string {
  return groups
    .map((lines) => lines.filter((l) => l !== '').join('  \n'))
    .filter((s) => s !== '')
    .join('\n\n');
}

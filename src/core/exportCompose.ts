// "Copy as Compose": the network and a service per attached container as a Compose file snippet, from the same
// reading of the model as the docker commands (./exportPlan.ts: the Create Network form of the network, the Run form
// of each container). A network Compose did not make is `external: true` (Compose uses it as it is, and refuses any
// driver or IPAM key beside that), with its definition as comment lines to use instead; what Compose cannot express is
// a comment saying what was left out and why.
import * as l10n from '@vscode/l10n';
import { portSpec } from './cli';
import { splitCommand } from './commandLine';
import { dedicatedOptionsRecord } from './formRequests';
import { isBlankIpamEntry, keyValueRecord, parseAuxAddresses, parseGwPriority, splitList } from './formValues';
import type { CreateNetworkForm, RunForm } from './forms';
import { exportPlan, publishedByAll, type ExtrasById } from './exportPlan';
import type { NetworkView, Snapshot } from './model';
import { commentedOut, toYaml, YamlMap } from './yaml';

export const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_NETWORK = 'com.docker.compose.network';
const COMPOSE_SERVICE = 'com.docker.compose.service';

export interface ComposeOptions {
  /** Define the network even when Compose did not make it (no `external: true`): for a fresh engine. */
  define?: boolean;
  /** What inspects of the containers add (see exportPlan). */
  extras?: ExtrasById;
}

function record(r: Record<string, string> | undefined): YamlMap | undefined {
  if (!r || Object.keys(r).length === 0) return undefined;
  const m = new YamlMap();
  for (const [k, v] of Object.entries(r).sort(([a], [b]) => a.localeCompare(b))) m.set(k, v);
  return m;
}

/** The network's Compose definition, from its Create Network form. */
function networkDefinition(n: NetworkView, form: CreateNetworkForm): YamlMap {
  const def = new YamlMap().set('name', n.name).set('driver', form.driver || 'bridge');
  const options = { ...keyValueRecord(form.driverOptions), ...dedicatedOptionsRecord(form) };
  def.set('driver_opts', record(options));
  if (options.parent) def.note(l10n.t('parent {0} is an interface of this engine\'s host: on another host, name one of its own.', options.parent));
  if (form.attachable) def.set('attachable', true);
  if (form.internal) def.set('internal', true);
  if (!form.enableIPv4) def.set('enable_ipv4', false);
  if (form.enableIPv6) def.set('enable_ipv6', true);
  const configs = [...form.ipv4, ...form.ipv6].filter((e) => !isBlankIpamEntry(e)).map((e) => {
    const aux = Object.fromEntries(parseAuxAddresses(e.auxAddresses).map((a) => [a.name, a.ip]));
    return new YamlMap().set('subnet', e.subnet || undefined).set('ip_range', e.ipRange || undefined)
      .set('gateway', e.gateway || undefined).set('aux_addresses', record(aux));
  });
  const ipam = new YamlMap().set('driver', form.ipamDriver || undefined).set('config', configs.length > 0 ? configs : undefined)
    .set('options', record(keyValueRecord(form.ipamOptions)));
  if (ipam.size > 0) def.set('ipam', ipam);
  const labels = Object.fromEntries(Object.entries(keyValueRecord(form.labels) ?? {}).filter(([k]) => !k.startsWith('com.docker.compose.')));
  def.set('labels', record(labels));
  if (form.configOnly) def.note(l10n.t('{0} is config-only (--config-only): Compose cannot make such a network, so this defines an ordinary one with its settings. Networks made with --config-from {0} are left out.', n.name));
  if (form.scope === 'swarm' && form.driver !== 'overlay') def.note(l10n.t('Left out: scope swarm (--scope swarm), which Compose cannot say: Compose makes it local to this engine.'));
  if (n.configFrom) def.note(l10n.t('Made from the config-only network {0}, which Compose cannot say: its IPAM and driver options are {0}\'s.', n.configFrom));
  return def;
}

/** The service's endpoint on the network: fixed addresses, aliases, route priority. */
function endpoint(run: RunForm): YamlMap {
  const aliases = splitList(run.aliases);
  return new YamlMap().set('ipv4_address', run.ipv4Address || undefined).set('ipv6_address', run.ipv6Address || undefined)
    .set('aliases', aliases.length > 0 ? aliases : undefined).set('gw_priority', parseGwPriority(run.gwPriority));
}

/** The snippet: services, then the network. */
export function exportCompose(snapshot: Pick<Snapshot, 'containers'>, n: NetworkView, opts: ComposeOptions = {}): string {
  const plan = exportPlan(snapshot, n, opts.extras);
  const project = n.labels[COMPOSE_PROJECT];
  const key = n.labels[COMPOSE_NETWORK] || n.name;
  const doc = new YamlMap().note(l10n.t('{0}: the network and a service per container on it (image, command, fixed addresses, aliases, published ports). Environment, volumes and other settings are not part of it.', n.name));
  if (project) doc.set('name', project);
  const mode = n.builtin && ['bridge', 'host', 'none'].includes(n.name) ? n.name : undefined;

  const services = new YamlMap();
  for (const m of plan.members) {
    if (m.kind === 'skipped') {
      services.note(l10n.t('Left out: {0}', m.why));
      continue;
    }
    const labels = snapshot.containers.find((c) => c.Id === m.attachment.containerId)?.Labels ?? {};
    const composeService = labels[COMPOSE_SERVICE];
    const name = composeService ?? m.attachment.name;
    if (services.entries.some((e) => !('comment' in e) && e[0] === name)) {
      services.note(l10n.t('Left out: {0}, another replica of service {1} (one service stands for its replicas).', m.attachment.name, name));
      continue;
    }
    const s = new YamlMap().set('image', m.run.image);
    if (!composeService) s.set('container_name', m.attachment.name);
    const command = splitCommand(m.run.command).argv;
    if (command.length > 0) s.set('command', command);
    // Compose has no -P: the ports it published are listed by container port, each getting a free host port as -P gives
    const ports = m.run.publishAll ? [...m.run.ports, ...publishedByAll(m.attachment, m.run.ports)] : m.run.ports;
    if (m.run.publishAll) s.note(l10n.t('{0} was started with -P (publish all exposed ports), which Compose does not have: its ports are listed without a host port, so each gets a free one.', m.attachment.name));
    if (ports.length > 0) s.set('ports', ports.map(portSpec));
    if (mode) {
      s.set('network_mode', mode);
    } else {
      if (m.kind === 'connect') s.note(l10n.t('{0} was started on {1}, which this snippet leaves out.', m.attachment.name, m.home));
      if (m.kind === 'connect' && m.links.length > 0) {
        s.note(l10n.t('Left out: its legacy links on {0} ({1}): Compose links services, not the containers these name.', n.name, m.links.join(', ')));
      }
      const ep = endpoint(m.run);
      s.set('networks', new YamlMap().set(key, ep.size > 0 ? ep : new YamlMap()));
    }
    services.set(name, s);
  }
  doc.set('services', services);

  if (mode) {
    doc.note(l10n.t('{0} is the engine\'s own network: services join it with network_mode, it is not defined here.', n.name));
  } else if (!plan.create) {
    doc.note(l10n.t('{0} is made by Swarm, not by Compose: it is not defined here.', n.name));
  } else if (project || opts.define) {
    doc.set('networks', new YamlMap().set(key, networkDefinition(n, plan.create)));
  } else {
    const external = new YamlMap()
      .note(l10n.t('Made outside Compose: Compose uses it as it is, and refuses driver or IPAM settings beside "external: true".'))
      .note(l10n.t('For Compose to create it instead, replace the two lines below with these:'))
      .note(commentedOut(networkDefinition(n, plan.create), 2))
      .set('name', n.name).set('external', true);
    doc.set('networks', new YamlMap().set(key, external));
  }
  return toYaml(doc);
}

// What "Copy as Docker Commands" and "Copy as Compose" export of one network, read from the model once for both: the
// network as the Create Network form would make it (./prefill.ts, the same reading "Create Network Like This" uses),
// and each attached container as the Run form would start it there, or as the Connect form would attach it when it
// was started on another network. What neither can say is kept with the reason, for the exports to tell.
import * as l10n from '@vscode/l10n';
import { OPT_BRIDGE_NAME } from './driverOptions';
import { emptyRunForm, type CreateNetworkForm, type PortEntry, type RunForm } from './forms';
import { formFromNetwork, type InspectedNetwork } from './prefill';
import type { Attachment, NetworkView, RawContainer, Snapshot } from './model';
import { parseIp } from './validate/common';
import { splitPortKey, type RawPortBindings } from './ports';

export type Member =
  /** Started on this network (`docker run --network it`). */
  | { kind: 'run'; attachment: Attachment; run: RunForm }
  /** Started on another network (`home`) and connected to this one; `run` holds its endpoint fields here. */
  | { kind: 'connect'; attachment: Attachment; run: RunForm; home: string; links: string[] }
  /** Left out, and why. */
  | { kind: 'skipped'; attachment: Attachment; why: string };

/**
 * What an inspect of the container says about its endpoint and the list call may leave out (Docker 28 lists no
 * aliases; 20.10 no aliases, links or IPAMConfig): src/docker/details.ts reads it.
 */
export interface EndpointExtras {
  aliases: string[];
  links?: string[];
  requestedIPv4?: string;
  requestedIPv6?: string;
  /** Started with -P (HostConfig.PublishAllPorts): its other published ports have host ports the engine picked. */
  publishAll?: boolean;
  /** The ports it was started with (HostConfig.PortBindings: `-p`), host port empty where the engine was to pick one. */
  bindings?: PortEntry[];
}

/** Container id → what its inspect says about its endpoint on the exported network. */
export type ExtrasById = ReadonlyMap<string, EndpointExtras>;

export interface ExportPlan {
  network: NetworkView;
  /** The form that makes the network again; undefined for a network the engine makes itself. */
  create?: CreateNetworkForm;
  members: Member[];
}

/** The network as `GET /networks/{id}` would show it, for formFromNetwork. */
function inspectedOf(n: NetworkView): InspectedNetwork {
  return {
    Id: n.id, Name: n.name, Driver: n.driver, Scope: n.scope, Internal: n.internal, Attachable: n.attachable, Ingress: n.ingress,
    ConfigOnly: n.configOnly, ConfigFrom: n.configFrom ? { Network: n.configFrom } : null, EnableIPv4: n.enableIPv4, EnableIPv6: n.enableIPv6,
    IPAM: {
      Driver: n.ipamDriver, Options: n.ipamOptions,
      Config: n.ipam.map((c) => ({ Subnet: c.subnet, IPRange: c.ipRange, Gateway: c.gateway, AuxiliaryAddresses: c.auxAddresses })),
    },
    Options: n.options, Labels: n.labels,
  };
}

/** The Create Network form of this very network (same name; its bridge interface name too, which a copy must not take). */
export function createFormOf(n: NetworkView): CreateNetworkForm {
  const form = formFromNetwork(inspectedOf(n), new Set());
  form.name = n.name;
  const bridge = n.options[OPT_BRIDGE_NAME];
  if (bridge && !n.configFrom) form.driverOptions = [...form.driverOptions, { key: OPT_BRIDGE_NAME, value: bridge }].sort((a, b) => a.key.localeCompare(b.key));
  return form;
}

/** The network a container was started on is this one (`default` is the bridge; a mode may name the id). */
function startedOn(a: Attachment, n: NetworkView): boolean {
  const mode = a.networkMode;
  if (mode === n.name) return true;
  if (n.name === 'bridge' && (mode === 'default' || mode === '')) return true;
  return mode.length >= 12 && n.id.startsWith(mode);
}

/** Published ports, once each: a wildcard host address (0.0.0.0 and ::, often both) is the `-p` without one. */
export function publishedPorts(a: Attachment): PortEntry[] {
  const out: PortEntry[] = [];
  for (const p of a.ports) {
    if (p.hostPort === undefined) continue;
    const ip = p.hostIp ? parseIp(p.hostIp) : undefined;
    const hostIp = !ip || ip.addr.range() === 'unspecified' ? '' : ip.text;
    const entry = { hostIp, hostPort: String(p.hostPort), containerPort: String(p.containerPort), protocol: p.protocol };
    if (!out.some((e) => JSON.stringify(e) === JSON.stringify(entry))) out.push(entry);
  }
  return out;
}

/** HostConfig.PortBindings (`{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`) as the Run form's rows, in port order. */
export function portBindings(raw: RawPortBindings | undefined): PortEntry[] {
  const out: PortEntry[] = [];
  for (const [key, binds] of Object.entries(raw ?? {})) {
    const { port: containerPort, protocol } = splitPortKey(key);
    for (const b of binds ?? [{}]) out.push({ hostIp: b.HostIp ?? '', hostPort: b.HostPort ?? '', containerPort, protocol });
  }
  return out.sort((x, y) => Number(x.containerPort) - Number(y.containerPort) || x.protocol.localeCompare(y.protocol));
}

/** The ports -P published (those not among its `-p` bindings), by container port: each got a host port at start. */
export function publishedByAll(a: Attachment, bindings: readonly PortEntry[]): PortEntry[] {
  const asked = new Set(bindings.map((b) => `${b.containerPort}/${b.protocol}`));
  const out: PortEntry[] = [];
  for (const p of a.ports) {
    const key = `${p.containerPort}/${p.protocol}`;
    if (p.hostPort === undefined || asked.has(key)) continue;
    asked.add(key);
    out.push({ hostIp: '', hostPort: '', containerPort: String(p.containerPort), protocol: p.protocol });
  }
  return out;
}

/**
 * The aliases someone gave it (`extras`, from an inspect, when the list call had none): not its short id or name,
 * which the engine adds (before API 1.44) and DNS serves anyway.
 */
export function givenAliases(a: Attachment, extras?: EndpointExtras): string[] {
  const all = a.aliases.length > 0 ? a.aliases : extras?.aliases ?? [];
  return all.filter((x) => x !== a.shortId && x !== a.name && x !== a.containerId);
}

function runFormOf(a: Attachment, n: NetworkView, raw: RawContainer | undefined, extras: EndpointExtras | undefined): RunForm {
  const form = emptyRunForm();
  form.image = a.image;
  form.name = a.name;
  form.network = n.name === 'bridge' ? '' : n.name;
  form.ipv4Address = a.fixedIpv4 ?? extras?.requestedIPv4 ?? '';
  form.ipv6Address = a.fixedIpv6 ?? extras?.requestedIPv6 ?? '';
  form.aliases = givenAliases(a, extras).join(', ');
  form.gwPriority = a.gwPriority ? String(a.gwPriority) : '';
  // What it was started with, when an inspect says so: a port -P published, or one `-p 80` left to the engine, got a
  // host port picked afresh at start, which a copy must not pin (it may be taken by then).
  form.ports = extras?.bindings ?? publishedPorts(a);
  form.publishAll = extras?.publishAll ?? false;
  form.command = raw?.Command ?? '';
  return form;
}

/** `extras`: what inspects of the containers add (aliases on every engine since the list call leaves them out). */
export function exportPlan(snapshot: Pick<Snapshot, 'containers'>, n: NetworkView, extras: ExtrasById = new Map()): ExportPlan {
  const members = n.attachments.map((a): Member => {
    if (a.serviceId) return { kind: 'skipped', attachment: a, why: l10n.t('{0} is a task of a Swarm service, which makes and replaces it.', a.name) };
    if (a.sharesNamespaceOf !== undefined) {
      return { kind: 'skipped', attachment: a, why: l10n.t('{0} shares the network namespace of {1} (network mode container:{1}): it has no endpoint of its own on {2}.', a.name, a.sharesNamespaceOf, n.name) };
    }
    const more = extras.get(a.containerId);
    const run = runFormOf(a, n, snapshot.containers.find((c) => c.Id === a.containerId), more);
    if (startedOn(a, n)) return { kind: 'run', attachment: a, run };
    return { kind: 'connect', attachment: a, run, home: a.networkMode === 'default' ? 'bridge' : a.networkMode, links: more?.links ?? [] };
  });
  // Host, none and the default bridge are the engine's own; other built-ins (docker_gwbridge, ingress) are made by Swarm.
  return n.builtin ? { network: n, members } : { network: n, create: createFormOf(n), members };
}

// The `docker …` command equivalent to each form, shown live under it. The argv is what the CLI would receive;
// renderCommand quotes it for DISPLAY (copy/paste into a POSIX shell) — nothing here ever runs a shell.
import type { ConnectForm, CreateNetworkForm, KeyValue, PortEntry, RunForm } from './forms';
import {
  addressFamilies, isBlankIpamEntry, isBlankKeyValue, isBlankPortEntry, normalizeProtocol, parseAuxAddresses, splitList,
} from './formValues';
import { splitCommand } from './commandLine';
import { dedicatedOptionsRecord, runNetworkName } from './formRequests';

function kv(row: KeyValue): string {
  return `${row.key.trim()}=${row.value}`;
}

function pushRows(argv: string[], flag: string, rows: readonly KeyValue[]): void {
  for (const row of rows) if (!isBlankKeyValue(row)) argv.push(flag, kv(row));
}

function pushValue(argv: string[], flag: string, value: string): void {
  const v = value.trim();
  if (v !== '') argv.push(flag, v);
}

/** `docker network create …` for the form. */
export function createNetworkArgv(form: CreateNetworkForm): string[] {
  const argv = ['docker', 'network', 'create'];
  const driver = form.driver.trim();
  if (driver !== '' && driver !== 'bridge') argv.push('--driver', driver);
  if (form.scope) argv.push('--scope', form.scope);
  const families = addressFamilies(form);
  if (!families.ipv4) argv.push('--ipv4=false');
  if (families.ipv6) argv.push('--ipv6');
  if (form.internal) argv.push('--internal');
  if (form.attachable) argv.push('--attachable');
  if (form.ingress) argv.push('--ingress');
  if (form.configOnly) argv.push('--config-only');
  pushValue(argv, '--config-from', form.configFrom);
  for (const e of [...form.ipv4, ...form.ipv6]) {
    if (isBlankIpamEntry(e)) continue;
    pushValue(argv, '--subnet', e.subnet);
    pushValue(argv, '--ip-range', e.ipRange);
    pushValue(argv, '--gateway', e.gateway);
    for (const aux of parseAuxAddresses(e.auxAddresses)) argv.push('--aux-address', aux.raw.includes('=') ? `${aux.name}=${aux.ip}` : aux.raw);
  }
  const ipamDriver = form.ipamDriver.trim();
  if (ipamDriver !== '' && ipamDriver !== 'default') argv.push('--ipam-driver', ipamDriver);
  pushRows(argv, '--ipam-opt', form.ipamOptions);
  for (const [key, value] of Object.entries(dedicatedOptionsRecord(form))) argv.push('--opt', `${key}=${value}`);
  pushRows(argv, '--opt', form.driverOptions);
  pushRows(argv, '--label', form.labels);
  argv.push(form.name.trim());
  return argv;
}

/** `docker network connect … NETWORK CONTAINER` for the form. */
export function connectArgv(form: ConnectForm): string[] {
  const argv = ['docker', 'network', 'connect'];
  pushValue(argv, '--ip', form.ipv4Address);
  pushValue(argv, '--ip6', form.ipv6Address);
  for (const a of splitList(form.aliases)) argv.push('--alias', a);
  for (const l of splitList(form.links)) argv.push('--link', l);
  for (const ip of splitList(form.linkLocalIps)) argv.push('--link-local-ip', ip);
  pushValue(argv, '--gw-priority', form.gwPriority);
  pushRows(argv, '--driver-opt', form.driverOptions);
  argv.push(form.network.trim(), form.container.trim());
  return argv;
}

/**
 * `-p` value, host side first: `8080:80`, `8080:80/udp`, `127.0.0.1:8080:80`, `[::1]:8080:80`,
 * `127.0.0.1::80` (host address, free port), `80` (free port on every address).
 */
export function portSpec(p: PortEntry): string {
  const hostIp = p.hostIp.trim();
  const hostPort = p.hostPort.trim();
  const protocol = normalizeProtocol(p.protocol);
  const container = `${p.containerPort.trim()}${protocol === 'tcp' ? '' : `/${protocol}`}`;
  const ip = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
  if (ip !== '') return `${ip}:${hostPort}:${container}`;
  if (hostPort !== '') return `${hostPort}:${container}`;
  return container;
}

/** `docker run -d …` for the form. */
export function runArgv(form: RunForm): string[] {
  const argv = ['docker', 'run', '-d'];
  pushValue(argv, '--name', form.name);
  const network = runNetworkName(form);
  const priority = form.gwPriority.trim();
  // The priority is an endpoint setting: only the advanced syntax of --network carries it.
  pushValue(argv, '--network', priority !== '' && network !== '' ? `name=${network},gw-priority=${priority}` : network);
  pushValue(argv, '--ip', form.ipv4Address);
  pushValue(argv, '--ip6', form.ipv6Address);
  for (const a of splitList(form.aliases)) argv.push('--network-alias', a);
  if (form.publishAll) argv.push('-P');
  for (const p of form.ports) if (!isBlankPortEntry(p)) argv.push('-p', portSpec(p));
  pushRows(argv, '-e', form.env);
  pushRows(argv, '--label', form.labels);
  argv.push(form.image.trim());
  argv.push(...splitCommand(form.command).argv);
  return argv;
}

// ---------------------------------------------------------------------------------------------------------------
// Display

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One argument as a POSIX shell would need it: as is when safe, else in single quotes (`'` written as `'\''`). */
export function quoteArg(arg: string): string {
  if (arg === '') return "''";
  if (SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface RenderOptions {
  /**
   * `none` (default): one line. `options`: each option (with its value) on its own continuation line.
   * A number: fill lines up to that many characters, breaking only between options.
   */
  wrap?: 'none' | 'options' | number;
  /** Indentation of continuation lines; two spaces by default. */
  indent?: string;
}

/** Flags that take no value, so the word after them is not theirs. */
const BOOLEAN_FLAGS = new Set([
  '-d', '--detach', '--rm', '-i', '-t', '-it', '--interactive', '--tty', '--init', '--privileged', '-P', '--publish-all',
  '--ipv6', '--internal', '--attachable', '--ingress', '--config-only', '-f', '--force',
]);

/** Groups the quoted words into: the command words, each option with its value, then the positional tail. */
function units(words: readonly string[], raw: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  const lead: string[] = [];
  while (i < raw.length && !raw[i].startsWith('-')) lead.push(words[i++]);
  if (lead.length > 0) out.push(lead.join(' '));
  while (i < raw.length) {
    const w = raw[i];
    if (w.startsWith('-') && w !== '-') {
      const takesValue = !BOOLEAN_FLAGS.has(w) && !w.includes('=') && i + 1 < raw.length;
      if (takesValue) {
        out.push(`${words[i]} ${words[i + 1]}`);
        i += 2;
      } else {
        out.push(words[i]);
        i += 1;
      }
    } else {
      out.push(words.slice(i).join(' '));
      break;
    }
  }
  return out;
}

/** The argv as a command to read and to paste into a POSIX shell. */
export function renderCommand(argv: readonly string[], options: RenderOptions = {}): string {
  const words = argv.map(quoteArg);
  const wrap = options.wrap ?? 'none';
  if (wrap === 'none') return words.join(' ');
  const indent = options.indent ?? '  ';
  const parts = units(words, argv);
  if (wrap === 'options') return parts.join(` \\\n${indent}`);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line === '') {
      line = lines.length === 0 ? part : indent + part;
    } else if (line.length + 1 + part.length + 2 <= wrap) {
      line += ` ${part}`;
    } else {
      lines.push(line);
      line = indent + part;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(' \\\n');
}

// When an engine error slips past the pre-flight checks, say what caused it and how to fix it, in the user's words,
// and name the form field it belongs to. Table-driven: each rule lists the moby wordings it recognises (engine 20.10
// to 29; `%s` marks the daemon's values), first match wins, so the specific rules come before the general ones.
//
// Engines 25+ validate a request as a whole and join what they found, one error a line (moby's multierror):
//   invalid network config:\n* invalid subnet …\n* invalid gateway …
//   * invalid config for network NET: invalid endpoint settings:\n\t* …\n\t* …
// explainDaemonErrors explains each line on its own (and puts it on its own field); explainDaemonError gives the
// first explanation only.
import * as l10n from '@vscode/l10n';
import { gatewayModes, supports } from './apiVersion';

/** What the form said about one IPAM row (a Create Network form's IpamEntry fits). */
export interface DaemonIpamRow {
  subnet?: string;
  ipRange?: string;
  gateway?: string;
  /** `name=ip` pairs, one per line or comma separated. */
  auxAddresses?: string;
}

export interface DaemonErrorContext {
  /** The network the request was about, when the message does not name it. */
  network?: string;
  /** The container the request was about, when the message does not name it. */
  container?: string;
  /** The Run form's ports, to point a port clash at its row. */
  ports?: ReadonlyArray<{ hostPort: string }>;
  /**
   * The Engine API version negotiated with the engine (Snapshot.api), when known. Some advice depends on it: engines
   * 27+ (API 1.46) have a default IPv6 pool, older ones none.
   */
  api?: string;
  /** The Create Network form's IPAM rows and IP families, to put a refusal that names a value on that value's row. */
  ipam?: {
    ipv4: readonly DaemonIpamRow[];
    ipv6: readonly DaemonIpamRow[];
    enableIPv4?: boolean;
    enableIPv6?: boolean;
  };
  /** The static addresses of a Connect or Run form: which family a refusal that names no address is about. */
  addresses?: { ipv4?: string; ipv6?: string };
  /** The bridge gateway modes the Create Network form asks for (gateway_mode_ipv4 / gateway_mode_ipv6). */
  gatewayModes?: { ipv4?: string; ipv6?: string };
}

export interface DaemonErrorExplanation {
  /** The rule that matched. */
  id: string;
  cause: string;
  fix: string;
  /** The form field to show it under, as in FieldError.field. */
  field?: string;
}

export interface DaemonErrorRule {
  id: string;
  match: RegExp;
  /** The engine's wordings this rule covers, as written in moby (values as %s / %q). */
  variants: readonly string[];
  explain(m: RegExpExecArray, ctx: DaemonErrorContext): Omit<DaemonErrorExplanation, 'id'>;
}

function fam(address: string | undefined): 'ipv4' | 'ipv6' {
  return address !== undefined && address.includes(':') ? 'ipv6' : 'ipv4';
}

function unquote(s: string | undefined): string {
  return (s ?? '').replace(/^["/]+|["]+$/g, '');
}

function orCtx(named: string | undefined, fallback: string | undefined, generic: string): string {
  const n = unquote(named);
  return n !== '' ? n : fallback ?? generic;
}

/** A full 64-hex ID as docker shows it (12 characters); a name as it is. */
function shortRef(s: string): string {
  return /^[0-9a-f]{64}$/i.test(s) ? s.slice(0, 12) : s;
}

/** `ports[i].hostPort` for the row publishing this host port, else `ports`. */
function portField(port: string | undefined, ctx: DaemonErrorContext): string {
  const i = port === undefined ? -1 : (ctx.ports ?? []).findIndex((p) => p.hostPort.trim() === port);
  return i >= 0 ? `ports[${i}].hostPort` : 'ports';
}

type IpamKey = 'subnet' | 'ipRange' | 'gateway';

function same(a: string | undefined, b: string): boolean {
  return (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();
}

/** The form row (family and index) whose `key` is `value`, if the context has the form's rows. */
function rowOf(ctx: DaemonErrorContext, key: IpamKey, value: string): { family: 'ipv4' | 'ipv6'; index: number } | undefined {
  for (const family of ['ipv4', 'ipv6'] as const) {
    const index = (ctx.ipam?.[family] ?? []).findIndex((r) => same(r[key], value));
    if (index >= 0) return { family, index };
  }
  return undefined;
}

/** The form row holding the auxiliary address named `name` (`name=ip`). */
function auxRowOf(ctx: DaemonErrorContext, name: string): { family: 'ipv4' | 'ipv6'; index: number } | undefined {
  for (const family of ['ipv4', 'ipv6'] as const) {
    const index = (ctx.ipam?.[family] ?? []).findIndex((r) => (r.auxAddresses ?? '').split(/[\n,]/).some((kv) => same(kv.split('=')[0], name)));
    if (index >= 0) return { family, index };
  }
  return undefined;
}

/**
 * The family a validation line is about: "parent subnet is an IPv6 block" and "parent subnet fd00::/64" name the
 * row's family (a gateway 10.0.0.1 in an IPv6 row belongs to that row); otherwise the family of the value.
 */
function familyOfLine(rest: string | undefined, value: string | undefined): 'ipv4' | 'ipv6' {
  const block = /parent subnet is an (IPv[46]) block/i.exec(rest ?? '');
  if (block) return block[1].toLowerCase() === 'ipv6' ? 'ipv6' : 'ipv4';
  const parent = /(?:parent subnet|its parent subnet) (\S+)/i.exec(rest ?? '');
  if (parent && parent[1] !== 'is') return fam(parent[1]);
  return fam(value);
}

/** `ipv4[i].subnet` etc.: the row holding the value when the form is known, else the first row of its family. */
function ipamField(ctx: DaemonErrorContext, key: IpamKey | 'auxAddresses', value: string, family: 'ipv4' | 'ipv6'): string {
  const row = key === 'auxAddresses' ? auxRowOf(ctx, value) : rowOf(ctx, key, value);
  return row ? `${row.family}[${row.index}].${key}` : `${family}[0].${key}`;
}

/** Which static address a refusal that names none is about: IPv6 when the form gives only an IPv6 address. */
function staticIpField(ctx: DaemonErrorContext): 'ipv4Address' | 'ipv6Address' {
  return ctx.addresses?.ipv6?.trim() && !ctx.addresses.ipv4?.trim() ? 'ipv6Address' : 'ipv4Address';
}

/**
 * Which family ran out of default pools when the engine does not say (27+): IPv6 when the form enables it and
 * gives IPv4 subnets (or no IPv4) but no IPv6 subnet.
 */
function exhaustedFamily(ctx: DaemonErrorContext): 'ipv4' | 'ipv6' {
  const ipam = ctx.ipam;
  if (!ipam?.enableIPv6 || ipam.ipv6.some((r) => r.subnet?.trim())) return 'ipv4';
  return ipam.enableIPv4 === false || ipam.ipv4.some((r) => r.subnet?.trim()) ? 'ipv6' : 'ipv4';
}

/** What an Engine API request field is called in our forms (the Go field the JSON decoder names). */
const JSON_FIELDS: Readonly<Record<string, string>> = {
  GwPriority: 'gwPriority', EnableIPv4: 'enableIPv4', EnableIPv6: 'enableIPv6', Internal: 'internal', Attachable: 'attachable',
  Ingress: 'ingress', ConfigOnly: 'configOnly', IPv4Address: 'ipv4Address', IPv6Address: 'ipv6Address', Aliases: 'aliases',
  Links: 'links', LinkLocalIPs: 'linkLocalIps', Labels: 'labels', Options: 'driverOptions', DriverOpts: 'driverOptions',
};

function goTypeWords(type: string): string {
  if (/^u?int\d*$/.test(type)) return l10n.t('a whole number');
  if (type === 'bool') return l10n.t('true or false');
  if (type === 'string') return l10n.t('text');
  if (type.startsWith('[]')) return l10n.t('a list');
  if (type.startsWith('map[')) return l10n.t('key=value pairs');
  return type;
}

export const DAEMON_ERROR_RULES: readonly DaemonErrorRule[] = [
  // ---- Requests the engine cannot read ---------------------------------------------------------------------------
  {
    // Engine 29.0 (API 1.52) decodes subnets, ranges, gateways and addresses as netip values: a malformed one is
    // refused while the JSON is read, with Go's words for it.
    id: 'invalid-json-address',
    match: /invalid JSON: .*?netip\.ParsePrefix\("((?:[^"\\]|\\.)*)"\): (.*)|invalid JSON: .*?ParseAddr\("((?:[^"\\]|\\.)*)"\): (.*)/i,
    variants: ['invalid JSON: netip.ParsePrefix(%q): %s', 'invalid JSON: ParseAddr(%q): %s'],
    explain: (m, ctx) => {
      if (m[1] !== undefined) {
        const row = rowOf(ctx, 'subnet', m[1]) ?? rowOf(ctx, 'ipRange', m[1]);
        const key = row && ctx.ipam?.[row.family][row.index]?.subnet?.trim() === m[1].trim() ? 'subnet' : 'ipRange';
        return {
          cause: l10n.t('"{0}" is not a CIDR block: {1}.', m[1], m[2].replace(/\.$/, '')),
          fix: l10n.t('Write it as address/prefix, e.g. 172.28.0.0/16 or fd00:1::/64.'),
          field: row ? `${row.family}[${row.index}].${key}` : `${fam(m[1])}[0].subnet`,
        };
      }
      const value = m[3];
      let field: string | undefined;
      const row = rowOf(ctx, 'gateway', value);
      if (row) field = `${row.family}[${row.index}].gateway`;
      else if (ctx.addresses) field = same(ctx.addresses.ipv6, value) ? 'ipv6Address' : 'ipv4Address';
      else if (ctx.ipam) field = `${fam(value)}[0].auxAddresses`;
      return {
        cause: l10n.t('"{0}" is not an IP address: {1}.', value, m[4].replace(/\.$/, '')),
        fix: l10n.t('Give a plain address without a prefix length, e.g. 172.28.0.10 or fd00:1::10.'),
        field,
      };
    },
  },
  {
    id: 'invalid-json-field',
    match: /json: cannot unmarshal (.+?) into Go struct field (\S+) of type (\S+)/i,
    variants: ['invalid JSON: json: cannot unmarshal %s into Go struct field %s of type %s'],
    explain: (m) => {
      const goField = m[2].split('.').pop() ?? m[2];
      const number = /^number (\S+)$/.exec(m[1]);
      return {
        cause: number && /int/.test(m[3])
          ? l10n.t('The engine could not read {0}: {1} is not a whole number it can hold ({2}).', goField, number[1], m[3])
          : l10n.t('The engine could not read {0}: it takes {1}, and the request gave it a {2}.', goField, goTypeWords(m[3]), m[1]),
        fix: l10n.t('Give {0} as {1}.', goField, goTypeWords(m[3])),
        field: JSON_FIELDS[goField],
      };
    },
  },
  // ---- Creating networks: addresses ------------------------------------------------------------------------------
  {
    id: 'gateway-allocation',
    match: /failed to allocate gateway \(([^)]*)\): (.*)/i,
    variants: ['failed to allocate gateway (%v): %v'],
    explain: (m, ctx) => ({
      cause: l10n.t('The engine could not reserve the gateway {0}: {1}.', m[1] || l10n.t('(automatic)'), m[2].replace(/\.$/, '')),
      fix: l10n.t('Choose a gateway inside the subnet that no other network or auxiliary address uses, or leave it empty.'),
      field: ipamField(ctx, 'gateway', m[1], fam(m[1])),
    }),
  },
  {
    id: 'pool-overlap',
    match: /Pool overlaps with other one on this address space|requested subnet (\S+) overlaps in the host/i,
    variants: [
      'Pool overlaps with other one on this address space',
      'invalid pool request: Pool overlaps with other one on this address space',
      'requested subnet %s overlaps in the host',
    ],
    explain: (m) => ({
      cause: l10n.t('The subnet overlaps the subnet of another network on this engine.'),
      // Engine 20.10 also keeps the subnet of a create it refused for a bad auxiliary address until it restarts.
      fix: l10n.t('Choose a subnet that no other network uses (see the subnets in the Networks view), or remove the network that holds it. If no network holds it, an earlier failed create may have left it reserved: restarting the engine releases it.'),
      field: `${fam(m[1])}[0].subnet`,
    }),
  },
  {
    id: 'bridge-subnet-conflict',
    match: /conflicts with network (\S+) \(([^)]*)\): networks have overlapping (IPv[46])/i,
    variants: ['cannot create network %s (%s): conflicts with network %s (%s): networks have overlapping IPv4', '… networks have overlapping IPv6'],
    explain: (m) => ({
      cause: l10n.t('The {0} subnet overlaps that of bridge network {1} (interface {2}).', m[3], m[1].slice(0, 12), m[2]),
      fix: l10n.t('Choose a subnet that does not overlap, or remove the other network. If no such network is listed, a stale bridge interface {0} is left on the host: remove it (ip link delete {0}) and restart the engine.', m[2]),
      field: m[3].toLowerCase() === 'ipv6' ? 'ipv6[0].subnet' : 'ipv4[0].subnet',
    }),
  },
  {
    id: 'bridge-name-conflict',
    match: /conflicts with network (\S+) \(([^)]*)\): networks have same bridge name/i,
    variants: ['cannot create network %s (%s): conflicts with network %s (%s): networks have same bridge name'],
    explain: (m) => ({
      cause: l10n.t('Another network already uses the bridge interface {0}.', m[2]),
      fix: l10n.t('Give this network another bridge name (com.docker.network.bridge.name), or leave that option out.'),
      field: 'driverOptions',
    }),
  },
  {
    id: 'bridge-multiple-subnets',
    match: /bridge driver doesn't support multiple subnets/i,
    variants: ["bridge driver doesn't support multiple subnets"],
    explain: () => ({
      cause: l10n.t('A bridge network has at most one IPv4 and one IPv6 subnet.'),
      fix: l10n.t('Keep one subnet per address family, or create a second network.'),
      field: 'ipv4[1].subnet',
    }),
  },
  {
    // Engine 27.0+: the bridge's IPv6 subnet may not be link-local (other than fe80::/64 itself) or multicast. moby
    // names the bridge address (subnet and gateway), not the subnet as given.
    id: 'ipv6-subnet-not-allowed',
    match: /'([^']+)' clashes with the Link-Local prefix 'fe80::\/64'|multicast subnet '([^']+)' is not allowed|'([^']+)' is not a valid IPv6 subnet/i,
    variants: ["'%s' clashes with the Link-Local prefix 'fe80::/64'", "multicast subnet '%s' is not allowed", "'%s' is not a valid IPv6 subnet"],
    explain: (m) => ({
      cause: m[1] !== undefined
        ? l10n.t('The IPv6 subnet ({0}) overlaps the link-local prefix fe80::/64, which every interface already uses.', m[1])
        : m[2] !== undefined
          ? l10n.t('The IPv6 subnet ({0}) is a multicast block (ff00::/8): it cannot hold host addresses.', m[2])
          : l10n.t('{0} is not an IPv6 subnet.', m[3]),
      fix: l10n.t('Choose a unique local (fd00::/8) or global IPv6 subnet, or exactly fe80::/64.'),
      field: 'ipv6[0].subnet',
    }),
  },
  {
    id: 'pool-exhausted',
    match: /could not find an available, non-overlapping (IPv[46]) address pool|(all predefined address pools have been fully subnetted)|could not find an available predefined network/i,
    variants: [
      'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
      'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
      'all predefined address pools have been fully subnetted',
      'could not find an available predefined network',
    ],
    explain: (m, ctx) => {
      // Engines before 27.0 name the family; 27.0+ (API 1.46, one allocator per family) say "fully subnetted" for
      // both, and have a default IPv6 pool (a unique local /48 of their own) that older engines lack.
      const family = m[1] ? (m[1].toLowerCase() === 'ipv6' ? 'ipv6' : 'ipv4') : m[2] ? exhaustedFamily(ctx) : 'ipv4';
      const hasDefaultIPv6Pool = ctx.api !== undefined && supports(ctx.api, 'ipv6DefaultPool');
      if (family === 'ipv6' && m[1] && !hasDefaultIPv6Pool) {
        return {
          cause: l10n.t('IPv6 is enabled but no IPv6 subnet was given, and the engine has no default IPv6 pool to pick one from.'),
          fix: l10n.t('Give an IPv6 subnet (a unique local block such as fd00:1::/64), or configure default-address-pools for IPv6 in daemon.json.'),
          field: 'ipv6[0].subnet',
        };
      }
      if (family === 'ipv6') {
        return {
          cause: l10n.t('No IPv6 subnet was given, and every subnet of the engine\'s default IPv6 pools overlaps a network already there (with the stock settings, the engine\'s own unique local /48, split into /64 subnets).'),
          fix: l10n.t('Give an IPv6 subnet yourself, remove the networks holding that pool (see the subnets in the Networks view), or add an IPv6 pool to default-address-pools in daemon.json.'),
          field: 'ipv6[0].subnet',
        };
      }
      return {
        cause: l10n.t('The engine has handed out every subnet of its default address pools (31 networks with the stock settings).'),
        fix: l10n.t('Give this network a subnet yourself, remove unused networks (Prune), or add default-address-pools in daemon.json.'),
        field: 'ipv4[0].subnet',
      };
    },
  },
  {
    id: 'pool-request',
    match: /invalid pool request: (.*)|failed to parse pool request for address space "([^"]*)" pool "([^"]*)" subpool "([^"]*)": (.*)/i,
    variants: ['invalid pool request: %v', 'failed to parse pool request for address space %q pool %q subpool %q: %v'],
    explain: (m) => ({
      cause: l10n.t('The IPAM driver refused the subnet or IP range: {0}.', (m[1] ?? m[5] ?? '').replace(/\.$/, '')),
      fix: l10n.t('Check the subnet and IP range: the range must be a CIDR block inside its subnet, and the subnet must not be used elsewhere.'),
      // Engine 20.10 refuses an unparsable ip-range this way: `… subpool "banana": Invalid Address SubPool`.
      field: m[4] && /subpool/i.test(m[5] ?? '') ? `${fam(m[3])}[0].ipRange` : `${fam(m[3])}[0].subnet`,
    }),
  },
  {
    id: 'invalid-subnet',
    match: /invalid subnet (\S*?) ?: (.*)/i,
    // 25.0+ also say "invalid subnet : invalid CIDR block notation" for an ip-range or gateway without a subnet
    variants: ['invalid subnet %s: invalid CIDR block notation', 'invalid subnet %s: it should be %s', 'Invalid subnet %s : %v'],
    explain: (m, ctx) => {
      if (m[1] === '') {
        const row = rowOf(ctx, 'subnet', '');
        return {
          cause: l10n.t('An IP range, gateway or auxiliary address was given without a subnet.'),
          fix: l10n.t('Give the subnet they belong to, or leave them empty.'),
          field: row ? `${row.family}[${row.index}].subnet` : 'ipv4[0].subnet',
        };
      }
      const should = /it should be (\S+)/.exec(m[2]);
      return {
        cause: should ? l10n.t('{0} has host bits set.', m[1]) : l10n.t('{0} is not a valid subnet: {1}.', m[1], m[2].replace(/\.$/, '')),
        fix: should ? l10n.t('Did you mean {0}? Use that.', should[1]) : l10n.t('Write the subnet as address/prefix with the host bits cleared, e.g. 172.28.0.0/16.'),
        field: ipamField(ctx, 'subnet', m[1], fam(m[1])),
      };
    },
  },
  {
    id: 'invalid-ip-range',
    match: /invalid ip-range (\S+): (.*)/i,
    variants: ['invalid ip-range %s: invalid CIDR block notation', 'invalid ip-range %s: it should be %s', 'invalid ip-range %s: parent subnet %s doesn\'t contain ip-range', 'invalid ip-range %s: CIDR block is bigger than its parent subnet %s', 'invalid ip-range %s: parent subnet is an %s block'],
    explain: (m, ctx) => {
      const should = /it should be (\S+)/.exec(m[2]);
      return {
        cause: l10n.t('The IP range {0} is not valid: {1}.', m[1], m[2].replace(/\.$/, '')),
        fix: should ? l10n.t('Did you mean {0}? Use that.', should[1]) : l10n.t('Give the IP range as a CIDR block inside the subnet, with its host bits cleared.'),
        field: ipamField(ctx, 'ipRange', m[1], familyOfLine(m[2], m[1])),
      };
    },
  },
  {
    id: 'invalid-gateway',
    match: /invalid gateway (?:address )?(\S+)(?: in Ipam configuration|: (.*))/i,
    variants: ['invalid gateway %s: invalid address', 'invalid gateway %s: parent subnet %s doesn\'t contain this address', 'invalid gateway %s: parent subnet is an %s block', 'invalid gateway address %s in Ipam configuration'],
    explain: (m, ctx) => ({
      cause: l10n.t('The gateway {0} is not valid{1}.', m[1], m[2] ? `: ${m[2].replace(/\.$/, '')}` : ''),
      fix: l10n.t('Give an address inside the subnet (not its network or broadcast address), or leave the gateway empty.'),
      field: ipamField(ctx, 'gateway', m[1], familyOfLine(m[2], m[1])),
    }),
  },
  {
    id: 'invalid-aux-address',
    match: /invalid auxiliary address (\S+): (.*)|(auxil(?:ia|ai)ry address: |failed to allocate secondary ip address )\(([^:]*):([^)]*)\)(?:: (.*))?|non parsable secondary ip address/i,
    variants: [
      'invalid auxiliary address %s: %v',
      'auxilairy address: (%s:%s) must belong to the master pool: %s',
      'auxiliary address: (%s:%s) must belong to the master pool: %s',
      'failed to allocate secondary ip address (%s:%s): %v',
      'non parsable secondary ip address (%s:%s) passed for network %s',
    ],
    explain: (m, ctx) => {
      let cause: string;
      if (m[3] !== undefined && /^failed/i.test(m[3])) {
        cause = l10n.t('The auxiliary address {0} ({1}) could not be reserved: {2}.', m[5], m[4], (m[6] ?? '').replace(/\.$/, ''));
      } else if (m[3] !== undefined) {
        cause = l10n.t('The auxiliary address {0} ({1}) is not inside the subnet.', m[5], m[4]);
      } else if (m[1] !== undefined) {
        cause = l10n.t('The auxiliary address {0} is not valid: {1}.', m[1], m[2].replace(/\.$/, ''));
      } else {
        cause = l10n.t('An auxiliary address is not an IP address.');
      }
      return {
        cause,
        fix: l10n.t('Give each auxiliary address as name=ip with a free IP inside its subnet, other than the gateway.'),
        field: ipamField(ctx, 'auxAddresses', m[1] ?? m[4] ?? '', m[1] !== undefined ? familyOfLine(m[2], undefined) : fam(m[5])),
      };
    },
  },
  // ---- Creating networks: names and modes ------------------------------------------------------------------------
  {
    id: 'network-name-exists',
    match: /network with name (\S+) already exists/i,
    variants: ['network with name %s already exists'],
    explain: (m) => ({
      cause: l10n.t('A network named {0} already exists.', m[1]),
      fix: l10n.t('Choose another name, or remove the existing network first.'),
      field: 'name',
    }),
  },
  {
    id: 'predefined-remove',
    match: /(\S+) is a pre-defined network and cannot be removed/i,
    variants: ['%s is a pre-defined network and cannot be removed'],
    explain: (m) => ({
      cause: l10n.t('{0} is one of the networks the engine defines itself; it cannot be removed.', m[1]),
      fix: l10n.t('Nothing to do: only networks you created can be removed.'),
    }),
  },
  {
    id: 'predefined-operation',
    match: /operation is not permitted on pre-?defined (\S+) network/i,
    variants: ['operation is not permitted on predefined %s network ', 'operation is not permitted on pre-defined %s network'],
    explain: (m) => ({
      cause: l10n.t('"{0}" is the name of a network the engine defines itself.', m[1]),
      fix: l10n.t('Choose another name for the network.'),
      field: 'name',
    }),
  },
  {
    id: 'not-swarm-manager',
    match: /This node is not a swarm manager|(cannot create a swarm scoped network when swarm is not active)/i,
    variants: [
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
      'cannot create a swarm scoped network when swarm is not active',
    ],
    explain: (m) => ({
      cause: l10n.t('Overlay and swarm-scoped networks can only be created on a Swarm manager, and this engine is not one.'),
      fix: m[1]
        ? l10n.t('Run "docker swarm init" on this engine (or create the network on a manager), or choose the local scope.')
        : l10n.t('Run "docker swarm init" on this engine (or create the network on a manager), or choose a local driver such as bridge.'),
      field: m[1] ? 'scope' : 'driver',
    }),
  },
  {
    id: 'parent-in-use',
    match: /network (\S+) is already using parent interface (\S+)/i,
    variants: ['network %s is already using parent interface %s', 'macvlan network %s is already using parent interface %s', 'cannot use mode passthru, macvlan network %s is already using parent interface %s'],
    explain: (m) => ({
      cause: l10n.t('The parent interface {0} already serves network {1}.', m[2], m[1]),
      fix: l10n.t('Use a VLAN sub-interface as parent (e.g. {0}.10), or remove the other network first.', m[2]),
      field: 'driverOptions',
    }),
  },
  {
    // 28.0+ (the bridge driver; gateway mode isolated came with 28.0)
    id: 'gateway-mode-isolated',
    match: /gateway mode 'isolated' can only be used for an internal network/i,
    variants: ["gateway mode 'isolated' can only be used for an internal network"],
    explain: (_m, ctx) => ({
      cause: l10n.t('Gateway mode "isolated" gives the network no path to the host or beyond; the engine allows it only on an internal network.'),
      fix: l10n.t('Turn on "Internal", or choose another gateway mode (nat, nat-unprotected or routed).'),
      field: ctx.gatewayModes?.ipv6 === 'isolated' && ctx.gatewayModes.ipv4 !== 'isolated' ? 'gatewayModeIPv6' : 'gatewayModeIPv4',
    }),
  },
  {
    // 27.0+ (gateway modes came with 27.0; older engines ignore the options)
    id: 'gateway-mode-unknown',
    match: /failed to parse com\.docker\.network\.bridge\.gateway_mode_ipv([46]) value: (.*?) \(unknown gateway mode/i,
    variants: ['failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: %s (unknown gateway mode %s)', 'failed to parse com.docker.network.bridge.gateway_mode_ipv6 value: %s (unknown gateway mode %s)'],
    explain: (m, ctx) => {
      const known = ctx.api !== undefined && gatewayModes(ctx.api).length > 0 ? gatewayModes(ctx.api).join(', ') : 'nat, nat-unprotected, routed, isolated';
      return {
        cause: l10n.t('"{0}" is not a gateway mode this engine knows.', m[2]),
        fix: l10n.t('Choose one of {0}, or leave it empty for the default (nat).', known),
        field: m[1] === '6' ? 'gatewayModeIPv6' : 'gatewayModeIPv4',
      };
    },
  },
  {
    // 28.0+ (EnableIPv4 came with 28.0, API 1.48)
    id: 'ip-family-disabled',
    match: /IPv4 or IPv6 must be enabled|IPv4 cannot be disabled (in a Swarm scoped network|on Windows)/i,
    variants: ['IPv4 or IPv6 must be enabled', 'IPv4 cannot be disabled in a Swarm scoped network', 'IPv4 cannot be disabled on Windows'],
    explain: (m) => ({
      cause: m[1] === undefined
        ? l10n.t('Both IPv4 and IPv6 are turned off: the network would have no addresses at all.')
        : /swarm/i.test(m[1])
          ? l10n.t('Swarm-scoped networks must have IPv4.')
          : l10n.t('Networks on a Windows engine must have IPv4.'),
      fix: m[1] === undefined ? l10n.t('Turn on IPv4, or IPv6 for an IPv6-only network.') : l10n.t('Turn IPv4 back on.'),
      field: 'enableIPv4',
    }),
  },
  {
    // the bridge driver's option parsing (20.10 and newer); the enable_ipv4 / enable_ipv6 driver-opts since 27.0 / 28.0
    id: 'driver-option-invalid',
    match: /failed to parse (\S+) value: (.*?) \((.*)\)|driver-opt "([^"]+)" is not a valid bool/i,
    variants: ['failed to parse %s value: %v (%s)', 'driver-opt %q is not a valid bool'],
    explain: (m) => ({
      cause: m[1] !== undefined
        ? l10n.t('The driver cannot read option {0} = "{1}": {2}.', m[1], m[2], m[3])
        : l10n.t('The option {0} must be true or false.', m[4]),
      fix: l10n.t('Correct the value of that option (numbers for sizes, true or false for switches, an IP address for addresses), or remove it.'),
      field: 'driverOptions',
    }),
  },
  {
    id: 'config-from-conflict',
    match: /(user[- ]specified configurations|network driver options) are not supported if the network depends on a configuration network/i,
    variants: ['user specified configurations are not supported if the network depends on a configuration network', 'network driver options are not supported if the network depends on a configuration network'],
    explain: (m) => ({
      cause: l10n.t('A network created from a config-only network takes its IPAM, IPv6, labels and driver options from it.'),
      fix: l10n.t('Remove them here and set them on the config-only network.'),
      field: /driver options/i.test(m[1]) ? 'driverOptions' : 'configFrom',
    }),
  },
  {
    id: 'config-network-missing',
    match: /configuration network "([^"]*)" (?:not found|does not exist)/i,
    variants: ['configuration network %q does not exist', 'configuration network %q not found'],
    explain: (m) => ({
      cause: l10n.t('There is no config-only network named {0}.', m[1]),
      fix: l10n.t('Create it with "Config only" first, or choose an existing config-only network.'),
      field: 'configFrom',
    }),
  },
  {
    id: 'config-network-in-use',
    match: /configuration network "([^"]*)" is in use/i,
    variants: ['configuration network %q is in use'],
    explain: (m) => ({
      cause: l10n.t('Other networks take their configuration from {0}.', m[1]),
      fix: l10n.t('Remove the networks created from {0} first.', m[1]),
    }),
  },
  {
    id: 'config-only-endpoint',
    match: /cannot create endpoint on configuration-only network/i,
    variants: ['cannot create endpoint on configuration-only network'],
    explain: (_m, ctx) => ({
      cause: l10n.t('{0} is a config-only network: it holds configuration and has no endpoints.', ctx.network ?? l10n.t('The network')),
      fix: l10n.t('Connect the container to a network created from it instead.'),
      field: 'network',
    }),
  },
  // ---- Removing networks -----------------------------------------------------------------------------------------
  {
    id: 'active-endpoints',
    match: /network (?:with name )?(\S+)(?: id (\S+))? has active endpoints(?: \(([^)]*)\))?/i,
    // up to 28.0 "network %s id %s"; 28.1–28.2 the endpoints' names; 28.3+ name:%q id:%q for each
    variants: [
      'error while removing network: network %s id %s has active endpoints',
      'network with name %s id %s has active endpoints',
      'error while removing network: network %s has active endpoints (%s, %s)',
      'error while removing network: network %s has active endpoints (name:%q id:%q, name:%q id:%q)',
    ],
    explain: (m) => {
      const list = m[3] ?? '';
      const named = [...list.matchAll(/name:"([^"]*)"/g)].map((x) => x[1]);
      const names = named.length > 0 ? named : list.split(',').map((x) => x.trim()).filter(Boolean);
      return {
        cause: names.length > 0
          ? l10n.t('Containers are still attached to network {0}: {1} (stopped ones count too).', m[1], names.join(', '))
          : l10n.t('Containers are still attached to network {0} (stopped ones count too).', m[1]),
        fix: l10n.t('Disconnect or remove those containers, then remove the network.'),
      };
    },
  },
  // ---- Ports -----------------------------------------------------------------------------------------------------
  {
    id: 'port-allocated',
    match: /Bind for (\S+?):(\d+) failed: port is already allocated|port is already allocated/i,
    variants: ['driver failed programming external connectivity on endpoint %s (%s): Bind for %s:%d failed: port is already allocated'],
    explain: (m, ctx) => ({
      cause: m[2] ? l10n.t('Host port {0} is already published by another container.', m[2]) : l10n.t('A host port is already published by another container.'),
      fix: l10n.t('Choose another host port, leave it empty for a free one, or stop the container that holds it.'),
      field: portField(m[2], ctx),
    }),
  },
  {
    id: 'port-in-use',
    match: /listen (?:tcp|udp|sctp)[46]? (?:\S+?):(\d+): bind: address already in use|failed to bind host port (?:for )?(?:\[[^\]]*\]|[^:\s]*):(\d+)\b.*address already in use/i,
    variants: ['Error starting userland proxy: listen tcp4 %s:%d: bind: address already in use', 'failed to bind host port for %s:%d:%s:%d/tcp: address already in use'],
    explain: (m, ctx) => {
      const port = m[1] ?? m[2];
      return {
        cause: l10n.t('Host port {0} is already in use by a program on the host.', port),
        fix: l10n.t('Choose another host port, leave it empty for a free one, or stop the program listening on {0}.', port),
        field: portField(port, ctx),
      };
    },
  },
  // ---- Endpoints: addresses and aliases --------------------------------------------------------------------------
  {
    id: 'ip-outside-subnet',
    match: /invalid address (\S+): It does not belong to any of this network's subnets|no configured subnet or ip-range contain the IP address (\S+)|no configured subnet contains IP address (\S+)/i,
    // up to 24: "Invalid address"; 25.0–29.0: "no configured subnet or ip-range contain…"; 29.1+: "no configured subnet contains…"
    variants: [
      "Invalid address %s: It does not belong to any of this network's subnets",
      "invalid address %s: It does not belong to any of this network's subnets",
      'no configured subnet or ip-range contain the IP address %s',
      'no configured subnet contains IP address %s',
    ],
    explain: (m, ctx) => {
      const ip = m[1] ?? m[2] ?? m[3];
      return {
        cause: l10n.t('{0} is not inside any subnet of {1}.', ip, ctx.network ?? l10n.t('the network')),
        fix: l10n.t('Choose an address inside the network\'s subnet, or leave it empty.'),
        field: fam(ip) === 'ipv6' ? 'ipv6Address' : 'ipv4Address',
      };
    },
  },
  {
    id: 'ip-needs-configured-subnet',
    match: /user specified IP address is supported only when connecting to networks with user configured subnets/i,
    // Engine 25.0–29.0 (moby checks the IPv4 address, then the IPv6 one); 29.1 accepts such an address.
    variants: ['user specified IP address is supported only when connecting to networks with user configured subnets'],
    explain: (_m, ctx) => ({
      cause: l10n.t('{0} was created without a subnet of its own for this address family, so it cannot hand out a chosen address.', ctx.network ?? l10n.t('The network')),
      fix: l10n.t('Leave the address empty, or use a network created with a subnet.'),
      field: staticIpField(ctx),
    }),
  },
  {
    id: 'ip-needs-user-network',
    match: /user[- ]specified IP address is supported on user[- ]defined networks only/i,
    // 29.2 hyphenates it
    variants: ['user specified IP address is supported on user defined networks only', 'user-specified IP address is supported on user-defined networks only'],
    explain: (_m, ctx) => ({
      cause: l10n.t('A static address is possible only on a network you created; the default bridge assigns addresses itself.'),
      fix: l10n.t('Create a network with a subnet and use it, or leave the address empty.'),
      field: staticIpField(ctx),
    }),
  },
  {
    id: 'invalid-endpoint-address',
    match: /invalid (IPv4|IPv6|link-local IP) address: (\S*)/i,
    // the link-local one since 25.0
    variants: ['invalid IPv4 address: %s', 'invalid IPv6 address: %s', 'invalid link-local IP address: %s'],
    explain: (m) => {
      const kind = m[1].toLowerCase();
      return {
        cause: kind === 'ipv4'
          ? l10n.t('"{0}" is not an IPv4 address a container can have.', m[2])
          : kind === 'ipv6'
            ? l10n.t('"{0}" is not an IPv6 address a container can have.', m[2])
            : l10n.t('"{0}" is not a link-local address a container can have.', m[2]),
        fix: l10n.t('Give a plain address (no prefix length, not 0.0.0.0 or ::) of the right family, or leave it empty.'),
        field: kind === 'ipv4' ? 'ipv4Address' : kind === 'ipv6' ? 'ipv6Address' : 'linkLocalIps',
      };
    },
  },
  {
    id: 'endpoint-sysctl',
    match: /unrecognised network interface sysctl '([^']*)'/i,
    // 27.0+
    variants: ["unrecognised network interface sysctl '%s'; represent 'net.X.Y.ethN.Z=V' as 'net.X.Y.IFNAME.Z=V', 'X' must be 'ipv4', 'ipv6' or 'mpls'"],
    explain: (m) => ({
      cause: l10n.t('The interface sysctl "{0}" (driver option com.docker.network.endpoint.sysctls) is not of the form net.X.Y.IFNAME.Z=V.', m[1]),
      fix: l10n.t('Write it as net.ipv4.conf.IFNAME.forwarding=1 (X is ipv4, ipv6 or mpls; IFNAME stands for the interface), or remove it.'),
      field: 'driverOptions',
    }),
  },
  {
    id: 'address-in-use',
    match: /Address already in use/,
    variants: ['Address already in use'],
    explain: (_m, ctx) => ({
      cause: l10n.t('The address is already taken on {0} by another container, the gateway or an auxiliary address.', ctx.network ?? l10n.t('the network')),
      fix: l10n.t('Choose a free address, or leave it empty to get one automatically.'),
      field: 'ipv4Address',
    }),
  },
  {
    id: 'alias-needs-user-network',
    match: /network-scoped alias(?:es)? (?:is|are) (?:only )?supported/i,
    variants: ['network-scoped alias is supported only for containers in user defined networks', 'network-scoped aliases are only supported for user-defined networks'],
    explain: () => ({
      cause: l10n.t('Aliases are resolved by the embedded DNS of networks you create; the default bridge has none.'),
      fix: l10n.t('Remove the aliases, or use a user-defined network.'),
      field: 'aliases',
    }),
  },
  // ---- Endpoints: attaching --------------------------------------------------------------------------------------
  {
    id: 'already-attached',
    match: /(\S+) is already attached to network (\S+)|endpoint with name (\S+) already exists in network (\S+)/i,
    variants: ['%s is already attached to network %s', 'container %s is already attached to network %s', 'endpoint with name %s already exists in network %s'],
    explain: (m, ctx) => {
      const who = orCtx(m[1] ?? m[3], ctx.container, l10n.t('The container'));
      const net = orCtx(m[2] ?? m[4], ctx.network, l10n.t('the network'));
      return {
        cause: l10n.t('{0} is already attached to {1} (or another endpoint there has that name).', who, net),
        fix: l10n.t('Nothing to connect. To change its settings there, disconnect it first and connect it again.'),
        field: 'network',
      };
    },
  },
  {
    id: 'not-connected',
    match: /container (\S+) is not connected to (?:the )?network(?: (\S+))?/i,
    variants: ['container %s is not connected to network %s', 'container %s is not connected to the network %s'],
    explain: (m, ctx) => ({
      cause: l10n.t('{0} is not attached to {1} (any more).', orCtx(ctx.container, undefined, m[1].slice(0, 12)), orCtx(m[2], ctx.network, l10n.t('the network'))),
      fix: l10n.t('Refresh the view: there is nothing to disconnect.'),
      field: 'network',
    }),
  },
  {
    id: 'shared-namespace',
    match: /container sharing network namespace with another container or host cannot be connected to any other network/i,
    variants: ['container sharing network namespace with another container or host cannot be connected to any other network'],
    explain: (_m, ctx) => ({
      cause: l10n.t('{0} uses the network stack of another container or of the host, so it has no networks of its own.', ctx.container ?? l10n.t('The container')),
      fix: l10n.t('Connect the container whose network it shares, or recreate it on a network.'),
      field: 'container',
    }),
  },
  {
    id: 'host-network',
    match: /container cannot be disconnected from host network or connected to host network|cannot connect container to host network|(cannot disconnect container from host network)/i,
    // up to 28.0 one wording for both; 28.1+ one each
    variants: [
      'container cannot be disconnected from host network or connected to host network',
      'cannot connect container to host network - container must be created in host network mode',
      'cannot disconnect container from host network - container was created in host network mode',
    ],
    explain: (m, ctx) => (m[1] !== undefined
      ? {
        cause: l10n.t('{0} was created in the host network mode: it uses the host\'s network stack and cannot leave it.', ctx.container ?? l10n.t('The container')),
        fix: l10n.t('Nothing to disconnect. To take it off the host network, recreate it on another network.'),
        field: 'network',
      }
      : {
        cause: l10n.t('A container is in the host network only when it is created that way, and then it stays there.'),
        fix: l10n.t('Recreate the container with network mode host, or choose another network.'),
        field: 'network',
      }),
  },
  {
    id: 'none-network',
    match: /container cannot be connected to multiple networks with one of the networks in private \(none\) mode/i,
    variants: ['container cannot be connected to multiple networks with one of the networks in private (none) mode'],
    explain: () => ({
      cause: l10n.t('A container in the "none" network has networking disabled and cannot join other networks.'),
      fix: l10n.t('Disconnect it from "none" first, or recreate it on a network.'),
      field: 'container',
    }),
  },
  {
    // Engine 28.2+ (com.docker.network.bridge.trusted_host_interfaces): the names are only used, by iptables, when a
    // container joins the network.
    id: 'trusted-interface-name',
    match: /(?:on network (\S+?): .*?)?interface name `([^'`]*)' must be shorter than IFNAMSIZ(?: \((\d+)\))?/i,
    variants: ["failed to set up container networking: failed to create endpoint %s on network %s: Unable to enable DIRECT ACCESS FILTERING - ACCEPT rule:  (iptables failed: iptables --wait -t raw -A PREROUTING -d %s -i %s -j ACCEPT: iptables v1.8.9 (nf_tables): interface name `%s' must be shorter than IFNAMSIZ (15)"],
    explain: (m, ctx) => ({
      cause: l10n.t('{0} names "{1}" among its trusted host interfaces, and an interface name has at most {2} characters.', orCtx(m[1], ctx.network, l10n.t('The network')), m[2], m[3] ?? '15'),
      fix: l10n.t('Recreate the network with the real interface names in "Trusted host interfaces" (separated by ":"), or without that option.'),
      field: 'network',
    }),
  },
  {
    id: 'not-attachable',
    match: /network (\S+) not manually attachable/i,
    variants: ['Could not attach to network %s: rpc error: code = PermissionDenied desc = network %s not manually attachable'],
    explain: (m) => ({
      cause: l10n.t('{0} is a swarm-scoped network for services only: it was not created attachable.', m[1]),
      fix: l10n.t('Recreate the network with "Attachable", or run the workload as a service.'),
      field: 'network',
    }),
  },
  // ---- Containers ------------------------------------------------------------------------------------------------
  {
    id: 'container-not-running',
    match: /Container (\S+) is not running|cannot join network (?:namespace )?of a non running container: (?:container )?(\S+)/i,
    variants: [
      'Container %s is not running',
      'container %s is not running',
      'cannot join network of a non running container: %s',
      'cannot join network namespace of a non running container: container %s is exited',
    ],
    explain: (m, ctx) => (m[2] !== undefined
      ? {
        // network mode container:<owner>: the owner is the one that must run, not the container being made.
        cause: l10n.t('{0}, whose network stack this container would share, is not running.', shortRef(m[2])),
        fix: l10n.t('Start {0} first, or choose another network.', shortRef(m[2])),
        field: 'network',
      }
      : {
        cause: l10n.t('{0} is not running.', orCtx(ctx.container, undefined, m[1].slice(0, 12))),
        fix: l10n.t('Start the container, then try again.'),
        field: 'container',
      }),
  },
  {
    id: 'container-name-in-use',
    match: /The container name "\/?([^"]*)" is already in use by container "?([0-9a-f]+)"?/i,
    variants: ['Conflict. The container name %q is already in use by container %q. You have to remove (or rename) that container to be able to reuse that name.'],
    explain: (m) => ({
      cause: l10n.t('A container named {0} already exists ({1}).', m[1], m[2].slice(0, 12)),
      fix: l10n.t('Choose another name, or remove or rename the existing container.'),
      field: 'name',
    }),
  },
  {
    id: 'invalid-container-name',
    match: /Invalid container name \(([^)]*)\), only .* are allowed/i,
    variants: ['Invalid container name (%s), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'],
    explain: (m) => ({
      cause: l10n.t('"{0}" is not a valid container name.', m[1]),
      fix: l10n.t('Use at least two characters: a letter or digit, then letters, digits, "_", "." or "-".'),
      field: 'name',
    }),
  },
  {
    id: 'no-such-container',
    match: /No such container: (\S+)/i,
    variants: ['No such container: %s'],
    explain: (m) => ({
      cause: l10n.t('There is no container {0}; it may have just been removed.', m[1]),
      fix: l10n.t('Refresh the view and choose the container again.'),
      field: 'container',
    }),
  },
  {
    id: 'no-such-image',
    match: /No such image: (\S+)|pull access denied for (\S+?),|manifest for (\S+) not found/i,
    variants: ['No such image: %s', 'pull access denied for %s, repository does not exist or may require \'docker login\'', 'manifest for %s not found: manifest unknown'],
    explain: (m) => ({
      cause: l10n.t('The image {0} is not on this engine and could not be pulled.', m[1] ?? m[2] ?? m[3]),
      fix: l10n.t('Pull or build the image first (docker pull / docker build), or pick an image from the list.'),
      field: 'image',
    }),
  },
  {
    id: 'no-such-network',
    match: /No such network: (\S+)|network (\S+) not found|could not find network by ID/i,
    variants: ['network %s not found', 'No such network: %s', 'could not find network by ID: network %s not found'],
    explain: (m, ctx) => ({
      cause: l10n.t('There is no network {0}; it may have just been removed.', orCtx(m[1] ?? m[2], ctx.network, l10n.t('by that name or ID'))),
      fix: l10n.t('Refresh the view and choose the network again.'),
      field: 'network',
    }),
  },
];

/** What the Create Network form holds that the table uses (structural: the form fits, with or without newer fields). */
export interface CreateNetworkErrorFields {
  name: string;
  ipv4: readonly DaemonIpamRow[];
  ipv6: readonly DaemonIpamRow[];
  enableIPv6: boolean;
  enableIPv4?: boolean;
  driverOptions: ReadonlyArray<{ key: string; value: string }>;
  gatewayModeIPv4?: string;
  gatewayModeIPv6?: string;
}

/** The context for a Create Network refusal: the name, the IPAM rows and families, the gateway modes asked for. */
export function createNetworkErrorContext(form: CreateNetworkErrorFields): DaemonErrorContext {
  const option = (key: string): string | undefined => form.driverOptions.find((o) => o.key.trim() === key)?.value.trim() || undefined;
  const ipam: NonNullable<DaemonErrorContext['ipam']> = { ipv4: form.ipv4, ipv6: form.ipv6, enableIPv6: form.enableIPv6 };
  if (form.enableIPv4 !== undefined) ipam.enableIPv4 = form.enableIPv4;
  const ipv4 = form.gatewayModeIPv4?.trim() || option('com.docker.network.bridge.gateway_mode_ipv4');
  const ipv6 = form.gatewayModeIPv6?.trim() || option('com.docker.network.bridge.gateway_mode_ipv6');
  return { network: form.name.trim(), ipam, gatewayModes: { ...(ipv4 ? { ipv4 } : {}), ...(ipv6 ? { ipv6 } : {}) } };
}

/** The context for a Connect or Run refusal: which static addresses the form gives. */
export function endpointErrorContext(form: { ipv4Address: string; ipv6Address: string }): Pick<DaemonErrorContext, 'addresses'> {
  return { addresses: { ipv4: form.ipv4Address.trim(), ipv6: form.ipv6Address.trim() } };
}

/** The rules of moby's per-family check of an endpoint's static addresses against the network's subnets. */
const IN_RANGE_RULES: ReadonlySet<string> = new Set(['ip-outside-subnet', 'ip-needs-configured-subnet']);

/** One line of a daemon message: its text without the headers and bullets of moby's joined errors. */
interface DaemonLine {
  text: string;
  /** The network an "invalid config for network NET:" header names (a run with several networks). */
  network?: string;
}

/** Headers that introduce joined errors; what follows them on the line (if anything) is an error of its own. */
const HEADER = /^(?:Error response from daemon: )?(?:invalid network config:|invalid endpoint settings:|invalid config for network (\S+?):)\s*/i;

/**
 * Splits a daemon message into the errors it joins (engine 25+): `invalid network config:\n* a\n* b`, `invalid
 * endpoint settings:\na`, `* invalid config for network NET: invalid endpoint settings:\n\t* a\n\t* b`. A message
 * that joins nothing is one line.
 */
function daemonLines(message: string): DaemonLine[] {
  const lines: DaemonLine[] = [];
  let network: string | undefined;
  for (const raw of message.replace(/\r/g, '').split('\n')) {
    let text = raw.replace(/^[\t ]*(?:\* )?/, '');
    // the errors under an "invalid config for network NET:" header are about NET, up to the next such header
    for (let h = HEADER.exec(text); h !== null && h[0] !== ''; h = HEADER.exec(text)) {
      if (h[1] !== undefined) network = h[1];
      text = text.slice(h[0].length);
    }
    text = text.replace(/[ \t]+/g, ' ').trim();
    if (text !== '') lines.push({ text, network });
  }
  return lines;
}

/**
 * What went wrong and how to fix it, for each error in a message the engine sent (with or without "Error response
 * from daemon: "): one explanation per line that a rule knows, in the engine's order, each with its own field.
 * Lines no rule knows are left out (show the engine's words for them); empty when no rule knows any.
 */
export function explainDaemonErrors(daemonMessage: string, ctx: DaemonErrorContext = {}): DaemonErrorExplanation[] {
  const out: Array<DaemonErrorExplanation & { network?: string }> = [];
  for (const line of daemonLines(daemonMessage)) {
    const lineCtx = line.network !== undefined ? { ...ctx, network: line.network } : ctx;
    for (const rule of DAEMON_ERROR_RULES) {
      const m = rule.match.exec(line.text);
      if (!m) continue;
      const why: DaemonErrorExplanation & { network?: string } = { id: rule.id, ...rule.explain(m, lineCtx), network: line.network };
      // moby checks an endpoint's IPv4 address against the network's subnets, then its IPv6 one: a refusal that names
      // no address, after one about the IPv4 address, is about the IPv6 one
      if (why.id === 'ip-needs-configured-subnet' && why.field === 'ipv4Address'
        && out.some((o) => IN_RANGE_RULES.has(o.id) && o.field === 'ipv4Address' && o.network === why.network)) {
        why.field = 'ipv6Address';
      }
      const twice = out.some((o) => o.id === why.id && o.field === why.field && o.cause === why.cause && o.fix === why.fix);
      if (!twice) out.push(why);
      break;
    }
  }
  return out.map(({ network: _network, ...why }) => why);
}

/**
 * What went wrong and how to fix it, for a message the engine sent: the first error explainDaemonErrors explains.
 * Undefined when no rule knows the message: show the engine's words then.
 */
export function explainDaemonError(daemonMessage: string, ctx: DaemonErrorContext = {}): DaemonErrorExplanation | undefined {
  return explainDaemonErrors(daemonMessage, ctx)[0];
}

// When an engine error slips past the pre-flight checks, say what caused it and how to fix it, in the user's words,
// and name the form field it belongs to. Table-driven: each rule lists the moby wordings it recognises (engine 20.10
// and newer; `%s` marks the daemon's values), first match wins, so the specific rules come before the general ones.
import * as l10n from '@vscode/l10n';

export interface DaemonErrorContext {
  /** The network the request was about, when the message does not name it. */
  network?: string;
  /** The container the request was about, when the message does not name it. */
  container?: string;
  /** The Run form's ports, to point a port clash at its row. */
  ports?: ReadonlyArray<{ hostPort: string }>;
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

export const DAEMON_ERROR_RULES: readonly DaemonErrorRule[] = [
  // ---- Creating networks: addresses ------------------------------------------------------------------------------
  {
    id: 'gateway-allocation',
    match: /failed to allocate gateway \(([^)]*)\): (.*)/i,
    variants: ['failed to allocate gateway (%v): %v'],
    explain: (m) => ({
      cause: l10n.t('The engine could not reserve the gateway {0}: {1}.', m[1] || l10n.t('(automatic)'), m[2].replace(/\.$/, '')),
      fix: l10n.t('Choose a gateway inside the subnet that no other network or auxiliary address uses, or leave it empty.'),
      field: `${fam(m[1])}[0].gateway`,
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
    id: 'pool-exhausted',
    match: /could not find an available, non-overlapping (IPv[46]) address pool|all predefined address pools have been fully subnetted|could not find an available predefined network/i,
    variants: [
      'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
      'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
      'all predefined address pools have been fully subnetted',
      'could not find an available predefined network',
    ],
    explain: (m) => (m[1]?.toLowerCase() === 'ipv6'
      ? {
        cause: l10n.t('IPv6 is enabled but no IPv6 subnet was given, and the engine has no default IPv6 pool to pick one from.'),
        fix: l10n.t('Give an IPv6 subnet (a unique local block such as fd00:1::/64), or configure default-address-pools for IPv6 in daemon.json.'),
        field: 'ipv6[0].subnet',
      }
      : {
        cause: l10n.t('The engine has handed out every subnet of its default address pools (31 networks with the stock settings).'),
        fix: l10n.t('Give this network a subnet yourself, remove unused networks (Prune), or add default-address-pools in daemon.json.'),
        field: 'ipv4[0].subnet',
      }),
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
    match: /invalid subnet (\S+?) ?: (.*)/i,
    variants: ['invalid subnet %s: invalid CIDR block notation', 'invalid subnet %s: it should be %s', 'Invalid subnet %s : %v'],
    explain: (m) => {
      const should = /it should be (\S+)/.exec(m[2]);
      return {
        cause: should ? l10n.t('{0} has host bits set.', m[1]) : l10n.t('{0} is not a valid subnet: {1}.', m[1], m[2].replace(/\.$/, '')),
        fix: should ? l10n.t('Did you mean {0}? Use that.', should[1]) : l10n.t('Write the subnet as address/prefix with the host bits cleared, e.g. 172.28.0.0/16.'),
        field: `${fam(m[1])}[0].subnet`,
      };
    },
  },
  {
    id: 'invalid-ip-range',
    match: /invalid ip-range (\S+): (.*)/i,
    variants: ['invalid ip-range %s: invalid CIDR block notation', 'invalid ip-range %s: it should be %s', 'invalid ip-range %s: parent subnet %s doesn\'t contain ip-range', 'invalid ip-range %s: CIDR block is bigger than its parent subnet %s', 'invalid ip-range %s: parent subnet is an %s block'],
    explain: (m) => ({
      cause: l10n.t('The IP range {0} is not valid: {1}.', m[1], m[2].replace(/\.$/, '')),
      fix: l10n.t('Give the IP range as a CIDR block inside the subnet, with its host bits cleared.'),
      field: `${fam(m[1])}[0].ipRange`,
    }),
  },
  {
    id: 'invalid-gateway',
    match: /invalid gateway (?:address )?(\S+)(?: in Ipam configuration|: (.*))/i,
    variants: ['invalid gateway %s: invalid address', 'invalid gateway %s: parent subnet %s doesn\'t contain this address', 'invalid gateway %s: parent subnet is an %s block', 'invalid gateway address %s in Ipam configuration'],
    explain: (m) => ({
      cause: l10n.t('The gateway {0} is not valid{1}.', m[1], m[2] ? `: ${m[2].replace(/\.$/, '')}` : ''),
      fix: l10n.t('Give an address inside the subnet (not its network or broadcast address), or leave the gateway empty.'),
      field: `${fam(m[1])}[0].gateway`,
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
    explain: (m) => {
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
        field: `${fam(m[5])}[0].auxAddresses`,
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
    match: /network (?:with name )?(\S+)(?: id (\S+))? has active endpoints/i,
    variants: ['error while removing network: network %s id %s has active endpoints', 'network with name %s id %s has active endpoints', 'error while removing network: network %s has active endpoints (name:%q id:%q, …)'],
    explain: (m) => ({
      cause: l10n.t('Containers are still attached to network {0} (stopped ones count too).', m[1]),
      fix: l10n.t('Disconnect or remove those containers, then remove the network.'),
    }),
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
    match: /invalid address (\S+): It does not belong to any of this network's subnets|no configured subnet or ip-range contain the IP address (\S+)/i,
    variants: ["Invalid address %s: It does not belong to any of this network's subnets", "invalid address %s: It does not belong to any of this network's subnets", 'no configured subnet or ip-range contain the IP address %s'],
    explain: (m, ctx) => {
      const ip = m[1] ?? m[2];
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
    variants: ['user specified IP address is supported only when connecting to networks with user configured subnets'],
    explain: (_m, ctx) => ({
      cause: l10n.t('{0} was created without a subnet of its own, so it cannot hand out a chosen address.', ctx.network ?? l10n.t('The network')),
      fix: l10n.t('Leave the address empty, or use a network created with a subnet.'),
      field: 'ipv4Address',
    }),
  },
  {
    id: 'ip-needs-user-network',
    match: /user specified IP address is supported on user defined networks only/i,
    variants: ['user specified IP address is supported on user defined networks only'],
    explain: () => ({
      cause: l10n.t('A static address is possible only on a network you created; the default bridge assigns addresses itself.'),
      fix: l10n.t('Create a network with a subnet and use it, or leave the address empty.'),
      field: 'ipv4Address',
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
    match: /container cannot be disconnected from host network or connected to host network|cannot connect container to host network/i,
    variants: ['container cannot be disconnected from host network or connected to host network', 'cannot connect container to host network - container must be created in host network mode'],
    explain: () => ({
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

/**
 * What went wrong and how to fix it, for a message the engine sent (with or without "Error response from daemon: ").
 * Undefined when no rule knows the message: show the engine's words then.
 */
export function explainDaemonError(daemonMessage: string, ctx: DaemonErrorContext = {}): DaemonErrorExplanation | undefined {
  // Joined errors (moby's multierror) come one per line: `.` in the rules stays within a line.
  const text = daemonMessage.replace(/\r/g, '').replace(/[ \t]+/g, ' ').trim();
  for (const rule of DAEMON_ERROR_RULES) {
    const m = rule.match.exec(text);
    if (m) return { id: rule.id, ...rule.explain(m, ctx) };
  }
  return undefined;
}

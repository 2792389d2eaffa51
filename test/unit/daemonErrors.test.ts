import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createNetworkErrorContext, DAEMON_ERROR_RULES, endpointErrorContext, explainDaemonError, explainDaemonErrors,
  type DaemonErrorContext,
} from '../../src/core/daemonErrors';

/** Where a sample comes from: the moby release whose source has the wording, and the context it needs. */
interface From {
  /** e.g. "28.5.2, provoked" (said by that engine), "29.1" (moby's source at that tag, values filled in). */
  version: string;
  ctx?: DaemonErrorContext;
}

/**
 * Real engine messages (moby 20.10 … 29), as users and test suites have reported them, as our engine tests provoked
 * them, or as moby's source writes them (the version named), for every rule:
 * [message, expected field (undefined when the rule sets none), where it comes from].
 */
const samples: Record<string, Array<[string, string | undefined, From?]>> = {
  'invalid-json-address': [
    // moby 29.0 decodes IPAM and endpoint addresses as net/netip values (api/types/network), wrapping the decoder's
    // error in "invalid JSON: %v" (daemon/server/httputils ReadJSON); the rest is Go's netip error text.
    ['Error response from daemon: invalid JSON: netip.ParsePrefix("172.28.0.0/33"): prefix length out of range', 'ipv4[0].subnet', { version: '29.0' }],
    ['invalid JSON: netip.ParsePrefix("fd00:1::/129"): prefix length out of range', 'ipv6[0].subnet', { version: '29.0' }],
    ['invalid JSON: netip.ParsePrefix("banana"): no \'/\'', 'ipv4[1].ipRange', {
      version: '29.0', ctx: { ipam: { ipv4: [{ subnet: '10.0.0.0/24' }, { subnet: '10.1.0.0/24', ipRange: 'banana' }], ipv6: [] } },
    }],
    ['invalid JSON: ParseAddr("172.28.0.300"): IPv4 field has value >255', 'ipv4Address', { version: '29.0', ctx: { addresses: { ipv4: '172.28.0.300', ipv6: '' } } }],
    ['invalid JSON: ParseAddr("10.0.0.x"): unexpected character (at "x")', 'ipv4[0].gateway', {
      version: '29.0', ctx: { ipam: { ipv4: [{ subnet: '10.0.0.0/24', gateway: '10.0.0.x' }], ipv6: [] } },
    }],
  ],
  'invalid-json-field': [
    ['Error response from daemon: invalid JSON: json: cannot unmarshal string into Go struct field ConnectOptions.EndpointConfig.GwPriority of type int', 'gwPriority', { version: '28.5.2, provoked' }],
    ['invalid JSON: json: cannot unmarshal string into Go struct field .NetworkingConfig.EndpointsConfig.dn-err-m.GwPriority of type int', 'gwPriority', { version: '28.5.2, provoked' }],
    ['invalid JSON: json: cannot unmarshal number 99999999999999999999 into Go struct field ConnectOptions.EndpointConfig.GwPriority of type int', 'gwPriority', { version: '28.5.2, provoked' }],
  ],
  'gateway-allocation': [['failed to allocate gateway (172.28.0.1): Address already in use', 'ipv4[0].gateway']],
  'pool-overlap': [
    ['Error response from daemon: Pool overlaps with other one on this address space', 'ipv4[0].subnet'],
    ['failed to create network example_openim-server: Error response from daemon: invalid pool request: Pool overlaps with other one on this address space', 'ipv4[0].subnet'],
  ],
  'bridge-subnet-conflict': [
    ['Error response from daemon: cannot create network d91178b13ebc5fdc698255e55056cc5fce905d458763a8c138024382538aae44 (br-d91178b13ebc): conflicts with network ae0f98ed537005cd957783b9582e494d48f28f9aa12a37f712ccb1e4fe65e3f1 (br-ae0f98ed5370): networks have overlapping IPv4', 'ipv4[0].subnet'],
    ['cannot create network 1111 (br-1111): conflicts with network 2222 (br-2222): networks have overlapping IPv6', 'ipv6[0].subnet'],
  ],
  'bridge-name-conflict': [['error creating default "bridge" network: cannot create network c13e4912d030 (docker0): conflicts with network 1b9dcc9575e5 (docker0): networks have same bridge name', 'driverOptions']],
  'bridge-multiple-subnets': [["Error response from daemon: bridge driver doesn't support multiple subnets", 'ipv4[1].subnet']],
  'pool-exhausted': [
    ['Error response from daemon: could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network', 'ipv4[0].subnet'],
    ['failed to create network mohkam_default: Error response from daemon: all predefined address pools have been fully subnetted', 'ipv4[0].subnet'],
    ['Error response from daemon: failed to parse pool request for address space "LocalDefault" pool "" subpool "": could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network', 'ipv6[0].subnet'],
    ['Error response from daemon: failed to parse pool request for address space "LocalDefault" pool "" subpool "": could not find an available predefined network', 'ipv4[0].subnet'],
    // ipamapi.ErrNoMoreSubnets: the words of engines 27+ (defaultipam), for IPv4 and IPv6 alike
    ['Error response from daemon: all predefined address pools have been fully subnetted', 'ipv4[0].subnet', { version: '28.5.2, provoked', ctx: { api: '1.51' } }],
    ['Error response from daemon: all predefined address pools have been fully subnetted', 'ipv6[0].subnet', {
      version: '28.5.2, provoked', ctx: { api: '1.51', ipam: { ipv4: [{ subnet: '10.77.95.0/24' }], ipv6: [], enableIPv6: true } },
    }],
    ['all predefined address pools have been fully subnetted', 'ipv6[0].subnet', {
      version: '29.0', ctx: { api: '1.52', ipam: { ipv4: [], ipv6: [], enableIPv4: false, enableIPv6: true } },
    }],
  ],
  'ipv6-subnet-not-allowed': [
    ["Error response from daemon: 'fe80::1/80' clashes with the Link-Local prefix 'fe80::/64'", 'ipv6[0].subnet', { version: '28.5.2, provoked' }],
    ["multicast subnet 'ff00::1/64' is not allowed", 'ipv6[0].subnet', { version: '28.5.2, provoked' }],
    ["'::ffff:10.0.0.0/120' is not a valid IPv6 subnet", 'ipv6[0].subnet', { version: '27.0' }],
  ],
  'pool-request': [
    ['Error response from daemon: invalid pool request: invalid address subpool', 'ipv4[0].subnet'],
    ['Error response from daemon: failed to parse pool request for address space "GlobalDefault" pool "" subpool "": cannot find address space GlobalDefault (most likely the backing datastore is not configured)', 'ipv4[0].subnet'],
  ],
  'invalid-subnet': [
    ['Error response from daemon: invalid network config:\ninvalid subnet 172.28.5.0/16: it should be 172.28.0.0/16', 'ipv4[0].subnet'],
    ['invalid network config:\ninvalid subnet 10.77.73.0/33: invalid CIDR block notation', 'ipv4[0].subnet', { version: '28.5.2, provoked' }],
    ['invalid network config:\ninvalid subnet : invalid CIDR block notation', 'ipv4[0].subnet', { version: '28.5.2, provoked' }],
    ['invalid network config:\ninvalid subnet fd77:2::/64: invalid CIDR block notation', 'ipv6[1].subnet', {
      version: '25.0', ctx: { ipam: { ipv4: [], ipv6: [{ subnet: 'fd77:1::/64' }, { subnet: 'fd77:2::/64' }] } },
    }],
    ['invalid subnet fd00::1/64: invalid CIDR block notation', 'ipv6[0].subnet'],
    ['Invalid subnet 300.1.1.0/24 : invalid CIDR address: 300.1.1.0/24', 'ipv4[0].subnet'],
  ],
  'invalid-ip-range': [
    ["invalid network config:\ninvalid ip-range 10.1.0.0/24: parent subnet 10.0.0.0/24 doesn't contain ip-range", 'ipv4[0].ipRange'],
    ['invalid network config:\ninvalid ip-range fd00::/64: parent subnet is an IPv4 block', 'ipv4[0].ipRange', { version: '28.5.2, provoked' }],
    ['invalid network config:\ninvalid ip-range banana: invalid CIDR block notation', 'ipv4[0].ipRange', { version: '28.5.2, provoked' }],
    ['invalid network config:\ninvalid ip-range 10.77.78.5/25: it should be 10.77.78.0/25', 'ipv4[0].ipRange', { version: '28.5.2, provoked' }],
  ],
  'invalid-gateway': [
    ["invalid network config:\ninvalid gateway 10.1.0.1: parent subnet 10.0.0.0/24 doesn't contain this address", 'ipv4[0].gateway'],
    ['invalid gateway address foo in Ipam configuration', 'ipv4[0].gateway'],
    ['invalid network config:\ninvalid gateway 10.0.0.1: parent subnet is an IPv6 block', 'ipv6[0].gateway', { version: '28.5.2, provoked' }],
    ["invalid network config:\ninvalid gateway fd77:0:0:67::1: parent subnet fd77:0:0:66::/64 doesn't contain this address", 'ipv6[0].gateway', { version: '28.5.2, provoked' }],
  ],
  'invalid-aux-address': [
    ['auxilairy address: (printer:10.9.9.9) must belong to the master pool: 10.0.0.0/24', 'ipv4[0].auxAddresses'],
    ["invalid network config:\ninvalid auxiliary address printer: parent subnet 10.0.0.0/24 doesn't contain this address", 'ipv4[0].auxAddresses'],
    ['failed to allocate secondary ip address (nas:fd00:1::1): Address already in use', 'ipv6[0].auxAddresses'],
    ['non parsable secondary ip address (nas:banana) passed for network appnet', 'ipv4[0].auxAddresses'],
    ['invalid network config:\ninvalid auxiliary address nas: invalid address', 'ipv6[0].auxAddresses', {
      version: '28.5.2, provoked', ctx: { ipam: { ipv4: [{ subnet: '10.0.0.0/24' }], ipv6: [{ subnet: 'fd00::/64', auxAddresses: 'router=fd00::2\nnas=banana' }] } },
    }],
  ],
  'network-name-exists': [['Error response from daemon: network with name test-network already exists', 'name']],
  'predefined-remove': [['Error response from daemon: bridge is a pre-defined network and cannot be removed', undefined]],
  'predefined-operation': [
    ['Error response from daemon: operation is not permitted on predefined default network', 'name'],
    ['operation is not permitted on predefined host network ', 'name'],
  ],
  'not-swarm-manager': [
    ['cannot create a swarm scoped network when swarm is not active', 'scope'],
    ['Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.', 'driver']],
  'parent-in-use': [['Error response from daemon: network dm-04ccfec647c6 is already using parent interface enp6s0', 'driverOptions']],
  'gateway-mode-isolated': [
    ["Error response from daemon: gateway mode 'isolated' can only be used for an internal network", 'gatewayModeIPv4', { version: '28.5.2, provoked' }],
    ["gateway mode 'isolated' can only be used for an internal network", 'gatewayModeIPv6', { version: '28.5.2, provoked', ctx: { gatewayModes: { ipv4: 'nat', ipv6: 'isolated' } } }],
  ],
  'gateway-mode-unknown': [
    ['Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: banana (unknown gateway mode banana)', 'gatewayModeIPv4', { version: '28.5.2, provoked' }],
    ['failed to parse com.docker.network.bridge.gateway_mode_ipv6 value: nat-unprotected (unknown gateway mode nat-unprotected)', 'gatewayModeIPv6', { version: '27.0' }],
  ],
  'ip-family-disabled': [
    ['Error response from daemon: IPv4 or IPv6 must be enabled', 'enableIPv4', { version: '28.5.2, provoked' }],
    ['IPv4 cannot be disabled in a Swarm scoped network', 'enableIPv4', { version: '28.0' }],
  ],
  'driver-option-invalid': [
    ['Error response from daemon: failed to parse com.docker.network.driver.mtu value: big (strconv.Atoi: parsing "big": invalid syntax)', 'driverOptions', { version: '28.5.2, provoked' }],
    ['driver-opt "com.docker.network.enable_ipv4" is not a valid bool', 'driverOptions', { version: '28.5.2, provoked' }],
  ],
  'config-from-conflict': [
    ['user specified configurations are not supported if the network depends on a configuration network', 'configFrom'],
    ['network driver options are not supported if the network depends on a configuration network', 'driverOptions'],
  ],
  'config-network-missing': [
    ['configuration network "cfg" does not exist', 'configFrom'],
    ['configuration network "cfg" not found', 'configFrom']],
  'config-network-in-use': [['error while removing network: configuration network "cfg" is in use', undefined]],
  'config-only-endpoint': [['cannot create endpoint on configuration-only network', 'network']],
  'active-endpoints': [
    ['Error response from daemon: error while removing network: network comrade-prev-x id 3f2a9e has active endpoints', undefined],
    ['Error response from daemon: error while removing network: network ai-shim-probe-net has active endpoints (name:"ai-shim-probe" id:"ed84de40e81a")', undefined],
    ['error while removing network: network appnet has active endpoints (web, db)', undefined, { version: '28.1' }],
    ['error while removing network: network dn-err-net has active endpoints (name:"dn-err-web" id:"0044251a9905")', undefined, { version: '28.5.2, provoked' }],
  ],
  'port-allocated': [['docker: Error response from daemon: driver failed programming external connectivity on endpoint nuclio (df68e7b4a60e): Bind for 0.0.0.0:49154 failed: port is already allocated.', 'ports[0].hostPort']],
  'port-in-use': [
    ['Error response from daemon: driver failed programming external connectivity on endpoint mysql2 (212d9aedfb9f): Error starting userland proxy: listen tcp4 0.0.0.0:3306: bind: address already in use.', 'ports'],
    ['Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint mysql-db: failed to bind host port for 0.0.0.0:3306:172.18.0.2:3306/tcp: address already in use', 'ports'],
  ],
  'ip-outside-subnet': [
    ["Error response from daemon: Invalid address 172.28.0.12: It does not belong to any of this network's subnets", 'ipv4Address'],
    ['invalid endpoint settings:\nno configured subnet or ip-range contain the IP address fd00:99::5', 'ipv6Address'],
    ['Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.77.83.5', 'ipv4Address', { version: '28.5.2, provoked' }],
    ['invalid endpoint settings:\nno configured subnet contains IP address 172.28.9.9', 'ipv4Address', { version: '29.1' }],
    ['invalid config for network appnet: invalid endpoint settings:\nno configured subnet contains IP address fd00:9::9', 'ipv6Address', { version: '29.1' }],
  ],
  'ip-needs-configured-subnet': [
    ['Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets', 'ipv4Address'],
    ['invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets', 'ipv6Address', {
      version: '28.5.2, provoked', ctx: { addresses: { ipv4: '', ipv6: 'fd00:9::9' } },
    }],
  ],
  'ip-needs-user-network': [
    ['docker: Error response from daemon: User specified IP address is supported on user defined networks only.', 'ipv4Address'],
    ['Error response from daemon: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only', 'ipv4Address', { version: '29.2' }],
  ],
  'invalid-endpoint-address': [
    ['invalid endpoint settings:\ninvalid IPv6 address: banana', 'ipv6Address', { version: '28.5.2, provoked' }],
    ['invalid endpoint settings:\ninvalid IPv4 address: 0.0.0.0', 'ipv4Address', { version: '25.0' }],
    ['invalid endpoint settings:\ninvalid link-local IP address: banana', 'linkLocalIps', { version: '28.5.2, provoked' }],
  ],
  'endpoint-sysctl': [
    ["invalid endpoint settings:\nunrecognised network interface sysctl 'foo'; represent 'net.X.Y.ethN.Z=V' as 'net.X.Y.IFNAME.Z=V', 'X' must be 'ipv4', 'ipv6' or 'mpls'", 'driverOptions', { version: '28.5.2, provoked' }],
  ],
  'address-in-use': [['Error response from daemon: Address already in use', 'ipv4Address']],
  'alias-needs-user-network': [
    ['Error response from daemon: network-scoped alias is supported only for containers in user defined networks', 'aliases'],
    ['invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks', 'aliases', { version: '29.0' }],
  ],
  'already-attached': [
    ['Error response from daemon: endpoint with name ops-tools already exists in network ops-net', 'network'],
    ['Error response from daemon: web is already attached to network appnet', 'network'],
  ],
  'not-connected': [['Error response from daemon: container 4f3a2b1c0d9e is not connected to network appnet', 'network']],
  'shared-namespace': [['Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network', 'container']],
  'host-network': [
    ['Error response from daemon: container cannot be disconnected from host network or connected to host network', 'network'],
    ['cannot connect container to host network - container must be created in host network mode', 'network'],
    ['Error response from daemon: cannot disconnect container from host network - container was created in host network mode', 'network', { version: '28.5.2, provoked' }],
  ],
  'none-network': [['container cannot be connected to multiple networks with one of the networks in private (none) mode', 'container']],
  'trusted-interface-name': [
    ["Error response from daemon: failed to set up container networking: failed to create endpoint dn-err-t1c on network dn-err-t1: Unable to enable DIRECT ACCESS FILTERING - ACCEPT rule:  (iptables failed: iptables --wait -t raw -A PREROUTING -d 10.77.100.2 -i verylonginterfacename0123 -j ACCEPT: iptables v1.8.9 (nf_tables): interface name `verylonginterfacename0123' must be shorter than IFNAMSIZ (15)\nTry `iptables -h' or 'iptables --help' for more information.\n (exit status 2))", 'network', { version: '28.5.2, provoked' }],
  ],
  'not-attachable': [['docker: Error response from daemon: Could not attach to network test: rpc error: code = PermissionDenied desc = network test not manually attachable.', 'network']],
  'container-not-running': [
    ['cannot join network namespace of a non running container: container tailscale-it-tools is exited', 'network'],
    ['Error response from daemon: Container 9e0bb9943941 is not running', 'container']],
  'container-name-in-use': [['docker: Error response from daemon: Conflict. The container name "/wayland-f25-conf-container-ok" is already in use by container "9e0bb9943941e2308fa2cf57db1bbb105a685036800e07cfa920b8b392ce14f5". You have to remove (or rename) that container to be able to reuse that name.', 'name']],
  'invalid-container-name': [['Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed', 'name']],
  'no-such-container': [['Error response from daemon: No such container: ghost', 'container']],
  'no-such-image': [['Error response from daemon: No such image: busybox:nope', 'image']],
  'no-such-network': [
    ['Error response from daemon: network ghostnet not found', 'network'],
    ['Error: No such network: ghostnet', 'network'],
    ['Error response from daemon: failed to set up container networking: network ops-network not found', 'network'],
  ],
};

const DEFAULT_CTX: DaemonErrorContext = { ports: [{ hostPort: '49154' }], network: 'appnet', container: 'web' };

describe('daemon error table', () => {
  it('rule ids are unique and each has a real sample', () => {
    const ids = DAEMON_ERROR_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(samples[id]?.length, `no sample for ${id}`);
    for (const id of Object.keys(samples)) assert.ok(ids.includes(id), `sample for unknown rule ${id}`);
  });

  for (const rule of DAEMON_ERROR_RULES) {
    for (const [message, field, from] of samples[rule.id] ?? []) {
      it(`${rule.id}${from ? ` (${from.version})` : ''}: ${message.slice(0, 70)}`, () => {
        const got = explainDaemonError(message, { ...DEFAULT_CTX, ...from?.ctx });
        assert.ok(got, 'no explanation');
        assert.equal(got.id, rule.id);
        assert.ok(got.cause.length > 10 && got.fix.length > 10, JSON.stringify(got));
        assert.ok(!got.cause.includes('undefined') && !got.fix.includes('undefined'), JSON.stringify(got));
        assert.equal(got.field, field);
      });
    }
  }

  it('an unknown message gives undefined', () => {
    assert.equal(explainDaemonError('Error response from daemon: the moon is made of cheese'), undefined);
    assert.equal(explainDaemonError(''), undefined);
  });

  it('fills in names and values from the message', () => {
    assert.match(explainDaemonError('invalid subnet 172.28.5.0/16: it should be 172.28.0.0/16')?.fix ?? '', /Did you mean 172\.28\.0\.0\/16\?/);
    assert.match(explainDaemonError('network with name appnet already exists')?.cause ?? '', /appnet/);
    assert.match(explainDaemonError('Bind for 0.0.0.0:8080 failed: port is already allocated')?.cause ?? '', /8080/);
    // active endpoints: 28.1–28.2 list endpoint names, 28.3+ name:"…" id:"…" pairs
    assert.match(explainDaemonError('error while removing network: network appnet has active endpoints (web, db)')?.cause ?? '', /appnet: web, db \(/);
    assert.match(explainDaemonError('network appnet has active endpoints (name:"web" id:"0044251a9905", name:"db" id:"1144251a9905")')?.cause ?? '', /appnet: web, db \(/);
  });

  it('points a port clash at its row when given the form\'s ports', () => {
    const ports = [{ hostPort: '80' }, { hostPort: '8080' }];
    assert.equal(explainDaemonError('Bind for 0.0.0.0:8080 failed: port is already allocated', { ports })?.field, 'ports[1].hostPort');
    assert.equal(explainDaemonError('failed to bind host port for [::]:80:172.18.0.2:80/tcp: address already in use', { ports })?.field, 'ports[0].hostPort');
  });

  it('uses the context for messages that name nothing', () => {
    assert.match(explainDaemonError('user specified IP address is supported only when connecting to networks with user configured subnets', { network: 'auto' })?.cause ?? '', /^auto /);
  });
});

describe('joined daemon errors (engines 25+), one explanation per line', () => {
  const fields = (message: string, ctx: DaemonErrorContext = {}): Array<[string, string | undefined]> =>
    explainDaemonErrors(message, ctx).map((w) => [w.id, w.field]);

  it('invalid network config: each line on its own field (28.5.2, provoked)', () => {
    const said = "invalid network config:\n* invalid subnet 10.77.96.5/24: it should be 10.77.96.0/24\n* invalid ip-range 10.77.97.0/24: parent subnet 10.77.96.5/24 doesn't contain ip-range\n* invalid gateway 10.77.98.1: parent subnet 10.77.96.5/24 doesn't contain this address\n* invalid auxiliary address a: invalid address";
    assert.deepEqual(fields(said), [
      ['invalid-subnet', 'ipv4[0].subnet'], ['invalid-ip-range', 'ipv4[0].ipRange'], ['invalid-gateway', 'ipv4[0].gateway'], ['invalid-aux-address', 'ipv4[0].auxAddresses'],
    ]);
    for (const w of explainDaemonErrors(said)) assert.ok(w.cause.length > 10 && w.fix.length > 10 && !/undefined/.test(w.cause + w.fix), JSON.stringify(w));
    // the first is what explainDaemonError gives
    assert.equal(explainDaemonError(said)?.id, 'invalid-subnet');
  });

  it('two lines about one field both stay (28.5.2, provoked)', () => {
    const said = 'invalid network config:\n* invalid ip-range 10.77.78.0/16: CIDR block is bigger than its parent subnet 10.77.78.0/24\n* invalid ip-range 10.77.78.0/16: it should be 10.77.0.0/16';
    assert.deepEqual(fields(said), [['invalid-ip-range', 'ipv4[0].ipRange'], ['invalid-ip-range', 'ipv4[0].ipRange']]);
  });

  it('lines go to the form row that holds the value named (25.0: ValidateIPAM checks every row)', () => {
    const said = "invalid network config:\n* invalid gateway 10.1.1.1: parent subnet 10.1.0.0/24 doesn't contain this address\n* invalid ip-range fd00:1:1::/64: parent subnet fd00:2::/64 doesn't contain ip-range";
    const ctx = createNetworkErrorContext({
      name: 'mv', enableIPv6: true, driverOptions: [],
      ipv4: [{ subnet: '10.0.0.0/24', ipRange: '', gateway: '', auxAddresses: '' }, { subnet: '10.1.0.0/24', ipRange: '', gateway: '10.1.1.1', auxAddresses: '' }],
      ipv6: [{ subnet: 'fd00:1::/64', ipRange: '', gateway: '', auxAddresses: '' }, { subnet: 'fd00:2::/64', ipRange: 'fd00:1:1::/64', gateway: '', auxAddresses: '' }],
    });
    assert.deepEqual(fields(said, ctx), [['invalid-gateway', 'ipv4[1].gateway'], ['invalid-ip-range', 'ipv6[1].ipRange']]);
  });

  it('invalid endpoint settings: the IPv4 check, then the IPv6 one (28.5.2, provoked)', () => {
    const said = 'invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* network-scoped alias is supported only for containers in user defined networks\n* user specified IP address is supported only when connecting to networks with user configured subnets\n* user specified IP address is supported only when connecting to networks with user configured subnets';
    assert.deepEqual(fields(said, { network: 'bridge', ...endpointErrorContext({ ipv4Address: '172.17.9.9', ipv6Address: 'fd00::9' }) }), [
      ['ip-needs-user-network', 'ipv4Address'], ['alias-needs-user-network', 'aliases'],
      ['ip-needs-configured-subnet', 'ipv4Address'], ['ip-needs-configured-subnet', 'ipv6Address'],
    ]);
    // an address outside the IPv4 subnet, and no IPv6 subnet at all
    const mixed = 'invalid endpoint settings:\n* invalid link-local IP address: banana\n* no configured subnet or ip-range contain the IP address 10.77.81.9\n* user specified IP address is supported only when connecting to networks with user configured subnets\n* unrecognised network interface sysctl \'foo\'; represent \'net.X.Y.ethN.Z=V\' as \'net.X.Y.IFNAME.Z=V\', \'X\' must be \'ipv4\', \'ipv6\' or \'mpls\'';
    assert.deepEqual(fields(mixed), [
      ['invalid-endpoint-address', 'linkLocalIps'], ['ip-outside-subnet', 'ipv4Address'], ['ip-needs-configured-subnet', 'ipv6Address'], ['endpoint-sysctl', 'driverOptions'],
    ]);
  });

  it('a run with several networks: each line names its network (28.5.2, provoked)', () => {
    const said = '* invalid config for network dn-err-m: invalid endpoint settings:\n\t* invalid IPv6 address: banana\n\t* no configured subnet or ip-range contain the IP address 10.77.81.9\n\t* user specified IP address is supported only when connecting to networks with user configured subnets\n* invalid config for network bridge: invalid endpoint settings:\n\t* user specified IP address is supported on user defined networks only\n\t* network-scoped alias is supported only for containers in user defined networks\n\t* user specified IP address is supported only when connecting to networks with user configured subnets';
    const whys = explainDaemonErrors(said, { network: 'ignored' });
    assert.deepEqual(whys.map((w) => [w.id, w.field]), [
      ['invalid-endpoint-address', 'ipv6Address'], ['ip-outside-subnet', 'ipv4Address'], ['ip-needs-configured-subnet', 'ipv6Address'],
      ['ip-needs-user-network', 'ipv4Address'], ['alias-needs-user-network', 'aliases'], ['ip-needs-configured-subnet', 'ipv4Address'],
    ]);
    assert.match(whys[1].cause, /dn-err-m/);
    assert.match(whys[5].cause, /^bridge /);
  });

  it('lines no rule knows are left out; a message no rule knows gives nothing', () => {
    assert.deepEqual(fields('invalid endpoint settings:\n* the moon is made of cheese\n* invalid IPv4 address: 300.1.1.1'), [['invalid-endpoint-address', 'ipv4Address']]);
    assert.deepEqual(explainDaemonErrors('invalid network config:\n* the moon\n* is made of cheese'), []);
    assert.deepEqual(explainDaemonErrors(''), []);
  });

  it('a message that is not a join stays one explanation, whatever follows on other lines (iptables output, 28.5.2, provoked)', () => {
    assert.deepEqual(fields(samples['trusted-interface-name'][0][0]), [['trusted-interface-name', 'network']]);
    assert.match(explainDaemonError(samples['trusted-interface-name'][0][0])?.cause ?? '', /^dn-err-t1 names "verylonginterfacename0123"/);
  });
});

describe('explanations that depend on the engine', () => {
  const v6Ctx = { ipam: { ipv4: [{ subnet: '10.0.0.0/24' }], ipv6: [], enableIPv6: true } };

  it('pool-exhausted, old IPv6 wording: "no default IPv6 pool" on engines before 27 (API < 1.46)', () => {
    const said = 'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network';
    for (const ctx of [{}, { api: '1.41' }, { api: '1.45' }]) {
      assert.match(explainDaemonError(said, ctx)?.cause ?? '', /no default IPv6 pool/, JSON.stringify(ctx));
    }
  });

  it('pool-exhausted on 27+ (API ≥ 1.46): never the "no default IPv6 pool" advice (27.0 has a default ULA pool)', () => {
    for (const said of ['all predefined address pools have been fully subnetted', 'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network']) {
      for (const api of ['1.46', '1.51', '1.52']) {
        const why = explainDaemonError(said, { ...v6Ctx, api });
        assert.equal(why?.field, 'ipv6[0].subnet');
        assert.doesNotMatch(`${why?.cause} ${why?.fix}`, /no default IPv6 pool/, `${api}: ${said}`);
        assert.match(why?.cause ?? '', /default IPv6 pools/);
      }
    }
    // without the form, "fully subnetted" is about IPv4
    assert.equal(explainDaemonError('all predefined address pools have been fully subnetted', { api: '1.51' })?.field, 'ipv4[0].subnet');
  });

  it('gateway-mode-unknown lists the modes the engine has (27.0: nat, routed; 28.0: four)', () => {
    const said = 'failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: banana (unknown gateway mode banana)';
    assert.match(explainDaemonError(said, { api: '1.46' })?.fix ?? '', /one of nat, routed,/);
    assert.match(explainDaemonError(said, { api: '1.51' })?.fix ?? '', /nat, nat-unprotected, routed, isolated/);
  });

  it('createNetworkErrorContext reads the gateway modes from the form fields or the driver options', () => {
    const base = { name: ' net ', ipv4: [], ipv6: [], enableIPv6: false };
    assert.deepEqual(createNetworkErrorContext({ ...base, driverOptions: [{ key: 'com.docker.network.bridge.gateway_mode_ipv6', value: 'isolated' }] }).gatewayModes, { ipv6: 'isolated' });
    assert.deepEqual(createNetworkErrorContext({ ...base, driverOptions: [], gatewayModeIPv4: 'routed', gatewayModeIPv6: '' }).gatewayModes, { ipv4: 'routed' });
    assert.equal(createNetworkErrorContext({ ...base, driverOptions: [] }).network, 'net');
  });
});

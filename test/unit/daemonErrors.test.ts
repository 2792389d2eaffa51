import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DAEMON_ERROR_RULES, explainDaemonError } from '../../src/core/daemonErrors';

/**
 * Real engine messages (moby 20.10 … 28), as users and test suites have reported them, for every rule:
 * [message, expected field (undefined when the rule sets none)].
 */
const samples: Record<string, Array<[string, string | undefined]>> = {
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
  ],
  'pool-request': [
    ['Error response from daemon: invalid pool request: invalid address subpool', 'ipv4[0].subnet'],
    ['Error response from daemon: failed to parse pool request for address space "GlobalDefault" pool "" subpool "": cannot find address space GlobalDefault (most likely the backing datastore is not configured)', 'ipv4[0].subnet'],
  ],
  'invalid-subnet': [
    ['Error response from daemon: invalid network config:\ninvalid subnet 172.28.5.0/16: it should be 172.28.0.0/16', 'ipv4[0].subnet'],
    ['invalid subnet fd00::1/64: invalid CIDR block notation', 'ipv6[0].subnet'],
    ['Invalid subnet 300.1.1.0/24 : invalid CIDR address: 300.1.1.0/24', 'ipv4[0].subnet'],
  ],
  'invalid-ip-range': [["invalid network config:\ninvalid ip-range 10.1.0.0/24: parent subnet 10.0.0.0/24 doesn't contain ip-range", 'ipv4[0].ipRange']],
  'invalid-gateway': [
    ["invalid network config:\ninvalid gateway 10.1.0.1: parent subnet 10.0.0.0/24 doesn't contain this address", 'ipv4[0].gateway'],
    ['invalid gateway address foo in Ipam configuration', 'ipv4[0].gateway'],
  ],
  'invalid-aux-address': [
    ['auxilairy address: (printer:10.9.9.9) must belong to the master pool: 10.0.0.0/24', 'ipv4[0].auxAddresses'],
    ["invalid network config:\ninvalid auxiliary address printer: parent subnet 10.0.0.0/24 doesn't contain this address", 'ipv4[0].auxAddresses'],
    ['failed to allocate secondary ip address (nas:fd00:1::1): Address already in use', 'ipv6[0].auxAddresses'],
    ['non parsable secondary ip address (nas:banana) passed for network appnet', 'ipv4[0].auxAddresses'],
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
  ],
  'port-allocated': [['docker: Error response from daemon: driver failed programming external connectivity on endpoint nuclio (df68e7b4a60e): Bind for 0.0.0.0:49154 failed: port is already allocated.', 'ports[0].hostPort']],
  'port-in-use': [
    ['Error response from daemon: driver failed programming external connectivity on endpoint mysql2 (212d9aedfb9f): Error starting userland proxy: listen tcp4 0.0.0.0:3306: bind: address already in use.', 'ports'],
    ['Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint mysql-db: failed to bind host port for 0.0.0.0:3306:172.18.0.2:3306/tcp: address already in use', 'ports'],
  ],
  'ip-outside-subnet': [
    ["Error response from daemon: Invalid address 172.28.0.12: It does not belong to any of this network's subnets", 'ipv4Address'],
    ['invalid endpoint settings:\nno configured subnet or ip-range contain the IP address fd00:99::5', 'ipv6Address'],
  ],
  'ip-needs-configured-subnet': [['Error response from daemon: user specified IP address is supported only when connecting to networks with user configured subnets', 'ipv4Address']],
  'ip-needs-user-network': [['docker: Error response from daemon: User specified IP address is supported on user defined networks only.', 'ipv4Address']],
  'address-in-use': [['Error response from daemon: Address already in use', 'ipv4Address']],
  'alias-needs-user-network': [['Error response from daemon: network-scoped alias is supported only for containers in user defined networks', 'aliases']],
  'already-attached': [
    ['Error response from daemon: endpoint with name ops-tools already exists in network ops-net', 'network'],
    ['Error response from daemon: web is already attached to network appnet', 'network'],
  ],
  'not-connected': [['Error response from daemon: container 4f3a2b1c0d9e is not connected to network appnet', 'network']],
  'shared-namespace': [['Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network', 'container']],
  'host-network': [
    ['Error response from daemon: container cannot be disconnected from host network or connected to host network', 'network'],
    ['cannot connect container to host network - container must be created in host network mode', 'network'],
  ],
  'none-network': [['container cannot be connected to multiple networks with one of the networks in private (none) mode', 'container']],
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

describe('daemon error table', () => {
  it('rule ids are unique and each has a real sample', () => {
    const ids = DAEMON_ERROR_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(samples[id]?.length, `no sample for ${id}`);
    for (const id of Object.keys(samples)) assert.ok(ids.includes(id), `sample for unknown rule ${id}`);
  });

  for (const rule of DAEMON_ERROR_RULES) {
    for (const [message, field] of samples[rule.id] ?? []) {
      it(`${rule.id}: ${message.slice(0, 70)}`, () => {
        const got = explainDaemonError(message, { ports: [{ hostPort: '49154' }], network: 'appnet', container: 'web' });
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

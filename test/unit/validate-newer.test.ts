// Pre-flight checks of what engines 25–29 added to the forms, each gated by the negotiated API version: a field the
// engine lacks is refused naming the version it needs (a crafted message cannot slip one through), and what the
// engine itself would refuse is refused first (moby daemon/network.go, drivers/bridge, controller.go).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, validationContext, type ConnectForm, type CreateNetworkForm, type FieldError, type RunForm, type ValidationContext,
} from '../../src/core/forms';
import type { RawContainer } from '../../src/core/model';
import { validateConnect, validateCreateNetwork, validateRun } from '../../src/core/validate';
import { itPasses, itReportsOnField, networkView as net, type FieldCase } from './fieldCases';

const DB_ID = 'b'.repeat(64);
const containers: RawContainer[] = [
  { Id: DB_ID, Names: ['/db'], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: 'default' } },
];
const base: Omit<ValidationContext, 'api'> = {
  swarmManager: true, drivers: ['bridge', 'host', 'macvlan', 'null', 'overlay'], containers,
  networks: [
    net({ name: 'bridge', builtin: true, ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', auxAddresses: {} }] }),
    net({ name: 'host', driver: 'host', builtin: true, enableIPv4: false }),
    net({ name: 'none', driver: 'null', builtin: true, enableIPv4: false }),
    net({ name: 'appnet', ipam: [{ subnet: '172.28.0.0/16', gateway: '172.28.0.1', auxAddresses: {} }] }),
    net({ name: 'cfg', driver: 'null', configOnly: true, ipam: [{ subnet: '192.168.50.0/24', auxAddresses: {} }] }),
  ],
};
const at = (api: string): ValidationContext => ({ ...base, api });

const V6 = { subnet: 'fd00:77::/64', ipRange: '', gateway: '', auxAddresses: '' };
const V4 = { subnet: '172.30.0.0/16', ipRange: '', gateway: '', auxAddresses: '' };
const N = (patch: Partial<CreateNetworkForm>, api: string) => () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'newnet', ...patch }, at(api));
const C = (patch: Partial<ConnectForm>, api: string) => () => validateConnect({ ...emptyConnectForm(), container: 'db', network: 'appnet', ...patch }, at(api));
const R = (patch: Partial<RunForm>, api: string) => () => validateRun({ ...emptyRunForm(), image: 'busybox', network: 'appnet', ...patch }, at(api));
const opt = (key: string, value: string) => [{ key, value }];

const OPT_V4 = 'com.docker.network.enable_ipv4';
const OPT_V6 = 'com.docker.network.enable_ipv6';
const GW4 = 'com.docker.network.bridge.gateway_mode_ipv4';

describe('newer fields that are fine on an engine that has them', () => {
  const fine: Array<[string, () => FieldError[]]> = [
    ['IPv6-only with a subnet (API 1.48)', N({ enableIPv4: false, enableIPv6: true, ipv6: [V6] }, '1.48')],
    ['IPv6-only without a subnet: the default ULA pool (API 1.48)', N({ enableIPv4: false, enableIPv6: true }, '1.48')],
    ['IPv6 without a subnet (API 1.46)', N({ enableIPv6: true }, '1.46')],
    ['IPv6 without a subnet on an old engine, with an IPAM plugin that may have a pool', N({ enableIPv6: true, ipamDriver: 'infoblox' }, '1.41')],
    ['IPv6 without a subnet on an old engine, config-only (it allocates nothing)', N({ enableIPv6: true, configOnly: true }, '1.41')],
    ['the enable_ipv6 option stands in for the checkbox', N({ ipv6: [V6], driverOptions: opt(OPT_V6, 'true') }, '1.41')],
    ['the enable_ipv4 option turns IPv4 off (API 1.48)', N({ enableIPv6: true, ipv6: [V6], driverOptions: opt(OPT_V4, 'false') }, '1.51')],
    ['options that agree with the checkboxes', N({ enableIPv6: true, ipv6: [V6], driverOptions: [{ key: OPT_V4, value: 'true' }, { key: OPT_V6, value: '1' }] }, '1.51')],
    ['routed and nat (API 1.46)', N({ ipv4: [V4], gatewayModeIPv4: 'routed', enableIPv6: true, ipv6: [V6], gatewayModeIPv6: 'nat' }, '1.46')],
    ['nat-unprotected (API 1.48)', N({ gatewayModeIPv4: 'nat-unprotected' }, '1.48')],
    ['isolated on an internal network (API 1.48)', N({ gatewayModeIPv4: 'isolated', internal: true }, '1.48')],
    ['trusted host interfaces, any separator (API 1.50)', N({ trustedHostInterfaces: 'eth1:wg0, tun0' }, '1.50')],
    ['connect: a negative route priority (API 1.48)', C({ gwPriority: '-10' }, '1.48')],
    ['connect: the largest route priority', C({ gwPriority: '2147483647' }, '1.51')],
    ['run: a route priority on a user network (API 1.48)', R({ gwPriority: '+5' }, '1.48')],
    ['run: a route priority on the default bridge', R({ network: '', gwPriority: '1' }, '1.51')],
    ['every newer field left empty on the oldest engine', () => [
      ...N({}, '1.24')(), ...C({}, '1.24')(), ...R({}, '1.24')(),
    ]],
  ];
  itPasses(fine);
});

const bad: FieldCase[] = [
  // IPv6 without a subnet
  { name: 'IPv6 without a subnet before API 1.46', run: N({ enableIPv6: true }, '1.45'), field: 'enableIPv6', message: 'needs Engine API 1.46 (Docker 27.0) or newer; this engine speaks API 1.45' },
  { name: 'IPv6 without a subnet names the fix', run: N({ enableIPv6: true }, '1.41'), field: 'enableIPv6', message: 'add an IPv6 subnet, e.g. fd00:28::/64' },
  { name: 'IPv6 from the option without a subnet, old engine', run: N({ driverOptions: opt(OPT_V6, 'true') }, '1.41'), field: 'enableIPv6', message: 'needs Engine API 1.46' },
  { name: 'a hand-made context without api is the oldest engine', run: () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'x', enableIPv6: true }, base), field: 'enableIPv6', message: 'this engine speaks API 1.24' },
  // IPv6-only
  { name: 'IPv4 off before API 1.48', run: N({ enableIPv4: false, enableIPv6: true, ipv6: [V6] }, '1.47'), field: 'enableIPv4', message: 'needs Engine API 1.48 (Docker 28.0)' },
  { name: 'IPv4 off without IPv6', run: N({ enableIPv4: false }, '1.51'), field: 'enableIPv6', message: 'With IPv4 off the network needs IPv6' },
  { name: 'IPv4 off with an IPv4 subnet', run: N({ enableIPv4: false, enableIPv6: true, ipv4: [{ ...V4, subnet: '' }, V4] }, '1.51'), field: 'ipv4[1].subnet', message: 'IPv4 is off for this network, so it takes no IPv4 subnet' },
  { name: 'IPv4 off on a swarm network', run: N({ driver: 'overlay', enableIPv4: false, enableIPv6: true, ipv6: [V6] }, '1.51'), field: 'enableIPv4', message: 'IPv4 cannot be turned off on a swarm-scoped network' },
  { name: 'IPv4 off with config-from', run: N({ driver: 'macvlan', configFrom: 'cfg', enableIPv4: false }, '1.51'), field: 'enableIPv4', message: 'configuration comes from "cfg"' },
  // enable_ipv4 / enable_ipv6 driver options
  { name: 'enable_ipv6=false against a ticked checkbox', run: N({ enableIPv6: true, ipv6: [V6], driverOptions: opt(OPT_V6, 'false') }, '1.51'), field: 'driverOptions[0].value', message: 'contradicts "Enable IPv6"' },
  { name: 'enable_ipv4=true against an unticked checkbox', run: N({ enableIPv4: false, enableIPv6: true, driverOptions: opt(OPT_V4, 'true') }, '1.51'), field: 'driverOptions[0].value', message: 'contradicts "Enable IPv4"' },
  { name: 'enable_ipv4=false before API 1.48', run: N({ enableIPv6: true, ipv6: [V6], driverOptions: opt(OPT_V4, 'false') }, '1.47'), field: 'driverOptions[0].value', message: 'Turning IPv4 off needs Engine API 1.48' },
  { name: 'enable_ipv6 that is not a bool', run: N({ driverOptions: opt(OPT_V6, 'yes') }, '1.51'), field: 'driverOptions[0].value', message: 'takes true or false' },
  { name: 'an IPv6 subnet with the option saying false', run: N({ ipv6: [V6], driverOptions: opt(OPT_V6, 'false') }, '1.51'), field: 'enableIPv6', message: 'IPv6 is not enabled' },
  // Gateway modes
  { name: 'a gateway mode before API 1.46', run: N({ gatewayModeIPv4: 'routed' }, '1.45'), field: 'gatewayModeIPv4', message: 'The routing mode "routed" needs Engine API 1.46 (Docker 27.0)' },
  { name: 'nat-unprotected on API 1.46', run: N({ gatewayModeIPv4: 'nat-unprotected' }, '1.46'), field: 'gatewayModeIPv4', message: 'needs Engine API 1.48 (Docker 28.0)' },
  { name: 'isolated on API 1.47', run: N({ gatewayModeIPv4: 'isolated', internal: true }, '1.47'), field: 'gatewayModeIPv4', message: 'needs Engine API 1.48' },
  { name: 'an unknown gateway mode', run: N({ gatewayModeIPv4: 'bogus' }, '1.51'), field: 'gatewayModeIPv4', message: 'is not a gateway mode' },
  { name: 'isolated on a network that is not internal', run: N({ gatewayModeIPv4: 'isolated' }, '1.51'), field: 'gatewayModeIPv4', message: '"isolated" can only be used for an internal network' },
  { name: 'isolated IPv6 on a network that is not internal', run: N({ enableIPv6: true, ipv6: [V6], gatewayModeIPv6: 'isolated' }, '1.51'), field: 'gatewayModeIPv6', message: 'internal network' },
  { name: 'an IPv6 mode without IPv6', run: N({ gatewayModeIPv6: 'routed' }, '1.51'), field: 'gatewayModeIPv6', message: 'needs IPv6 on this network' },
  { name: 'an IPv4 mode on an IPv6-only network', run: N({ enableIPv4: false, enableIPv6: true, gatewayModeIPv4: 'routed' }, '1.51'), field: 'gatewayModeIPv4', message: 'needs IPv4 on this network' },
  { name: 'a gateway mode on macvlan', run: N({ driver: 'macvlan', gatewayModeIPv4: 'routed' }, '1.51'), field: 'gatewayModeIPv4', message: 'option of the bridge driver' },
  { name: 'a gateway mode with config-from', run: N({ driver: 'macvlan', configFrom: 'cfg', gatewayModeIPv6: 'nat' }, '1.51'), field: 'gatewayModeIPv6', message: 'configuration comes from "cfg"' },
  // Trusted host interfaces
  { name: 'trusted host interfaces before API 1.50', run: N({ trustedHostInterfaces: 'eth1' }, '1.49'), field: 'trustedHostInterfaces', message: 'needs Engine API 1.50 (Docker 28.2)' },
  { name: 'a trusted interface name that is too long', run: N({ trustedHostInterfaces: 'eth1:averyverylongname0' }, '1.51'), field: 'trustedHostInterfaces', message: '"averyverylongname0" is not a valid interface name' },
  { name: 'trusted host interfaces on macvlan', run: N({ driver: 'macvlan', trustedHostInterfaces: 'eth1' }, '1.51'), field: 'trustedHostInterfaces', message: 'option of the bridge driver' },
  // Driver-option rows for what has a field of its own
  { name: 'a gateway-mode row where the field exists', run: N({ driverOptions: opt(GW4, 'routed') }, '1.51'), field: 'driverOptions[0].key', message: 'has a field of its own, "IPv4 routing mode"' },
  { name: 'a gateway-mode row on an engine without gateway modes', run: N({ driverOptions: opt(GW4, 'routed') }, '1.41'), field: 'driverOptions[0].key', message: `${GW4} needs Engine API 1.46` },
  { name: 'a trusted-interfaces row before API 1.50', run: N({ driverOptions: opt('com.docker.network.bridge.trusted_host_interfaces', 'eth1') }, '1.48'), field: 'driverOptions[0].key', message: 'needs Engine API 1.50' },
  // Route priority
  { name: 'connect: a route priority before API 1.48', run: C({ gwPriority: '10' }, '1.47'), field: 'gwPriority', message: 'A route priority (--gw-priority) needs Engine API 1.48 (Docker 28.0)' },
  { name: 'connect: a fractional route priority', run: C({ gwPriority: '1.5' }, '1.51'), field: 'gwPriority', message: '"1.5" is not a route priority' },
  { name: 'connect: a route priority out of range', run: C({ gwPriority: '2147483648' }, '1.51'), field: 'gwPriority', message: 'from -2147483648 to 2147483647' },
  { name: 'connect: a word for a route priority', run: C({ gwPriority: 'high' }, '1.51'), field: 'gwPriority', message: 'not a route priority' },
  { name: 'run: a route priority before API 1.48', run: R({ gwPriority: '1' }, '1.44'), field: 'gwPriority', message: 'needs Engine API 1.48' },
  { name: 'run: a route priority with the host network', run: R({ network: 'host', gwPriority: '1' }, '1.51'), field: 'gwPriority', message: 'the host network has none' },
  { name: 'run: a route priority in a shared namespace', run: R({ network: 'container:db', gwPriority: '1' }, '1.51'), field: 'gwPriority', message: 'has none' },
  { name: 'run: a route priority out of range', run: R({ gwPriority: '-2147483649' }, '1.51'), field: 'gwPriority', message: 'not a route priority' },
];

describe('newer fields the engine lacks, or would refuse, are reported on their field', () => {
  itReportsOnField(bad);

  it('validationContext carries the snapshot\'s API version', () => {
    const ctx = validationContext({ networks: [], containers: [], api: '1.47' }, { swarmManager: false, drivers: [] });
    assert.equal(ctx.api, '1.47');
    assert.ok(!('api' in validationContext({ networks: [], containers: [] }, { swarmManager: false, drivers: [] })));
  });
});

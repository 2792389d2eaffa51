import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  emptyCreateNetworkForm, type ConnectForm, type CreateNetworkForm, type FieldError, type RunForm, type ValidationContext,
} from '../../src/core/forms';
import { creatableDrivers } from '../../src/core/driverOptions';
import type { Attachment, RawContainer } from '../../src/core/model';
import { validateConnect, validateCreateNetwork, validateRun } from '../../src/core/validate';
import { cidrOverlaps, parseCidr, parseIp } from '../../src/core/validate/common';
import { itPasses, itReportsOnField, networkView, type FieldCase } from './fieldCases';

// ---- A small engine: what the Networks view would show ------------------------------------------------------------

const WEB_ID = 'a'.repeat(64);
const DB_ID = 'b'.repeat(64);

const net = networkView;

function attachment(p: Partial<Attachment> & Pick<Attachment, 'containerId' | 'name'>): Attachment {
  return { shortId: p.containerId.slice(0, 12), state: 'running', status: 'Up', image: 'busybox', networkMode: 'default', aliases: [], ports: [], ...p };
}

function container(id: string, name: string, mode: string, extra: Partial<RawContainer> = {}): RawContainer {
  return { Id: id, Names: [`/${name}`], Image: 'busybox', State: 'running', Status: 'Up', Ports: [], HostConfig: { NetworkMode: mode }, ...extra };
}

const ctx: ValidationContext = {
  swarmManager: true,
  drivers: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
  networks: [
    net({ name: 'bridge', builtin: true, ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', auxAddresses: {} }], options: { 'com.docker.network.bridge.name': 'docker0' } }),
    net({ name: 'host', driver: 'host', builtin: true }),
    net({ name: 'none', driver: 'null', builtin: true }),
    net({
      name: 'appnet', enableIPv6: true,
      ipam: [
        { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.0.1', auxAddresses: { router: '172.28.0.2' } },
        { subnet: 'fd00:28::/64', gateway: 'fd00:28::1', auxAddresses: {} },
      ],
      attachments: [
        attachment({ containerId: WEB_ID, name: 'web', ipv4: '172.28.5.10/16', ipv6: 'fd00:28::10/64' }),
        attachment({ containerId: 'f'.repeat(64), name: 'parked', state: 'exited', fixedIpv4: '172.28.0.40' }),
      ],
    }),
    net({ name: 'auto', ipam: [{ subnet: '172.18.0.0/16', gateway: '172.18.0.1', auxAddresses: {} }] }),
    net({ name: 'cfg', driver: 'null', configOnly: true, ipam: [{ subnet: '192.168.50.0/24', auxAddresses: {} }], options: { parent: 'eth2' } }),
    net({ name: 'mac1', driver: 'macvlan', options: { parent: 'eth1' }, ipam: [{ subnet: '192.168.1.0/24', gateway: '192.168.1.1', auxAddresses: {} }] }),
    net({ name: 'ovl', driver: 'overlay', scope: 'swarm', ipam: [{ subnet: '10.0.1.0/24', gateway: '10.0.1.1', auxAddresses: {} }] }),
    net({ name: 'ovl-att', driver: 'overlay', scope: 'swarm', attachable: true, ipam: [{ subnet: '10.0.2.0/24', gateway: '10.0.2.1', auxAddresses: {} }] }),
    net({ name: 'ingress', driver: 'overlay', scope: 'swarm', ingress: true, builtin: true, ipam: [{ subnet: '10.0.0.0/24', gateway: '10.0.0.1', auxAddresses: {} }] }),
  ],
  containers: [
    container(WEB_ID, 'web', 'appnet', { Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }] }),
    container(DB_ID, 'db', 'default'),
    container('c'.repeat(64), 'hostc', 'host'),
    container('d'.repeat(64), 'sidecar', `container:${WEB_ID}`),
    container('e'.repeat(64), 'isolated', 'none'),
  ],
};

const notManager: ValidationContext = { ...ctx, swarmManager: false };

// ---- Forms that pass --------------------------------------------------------------------------------------------

function goodNetwork(): CreateNetworkForm {
  return {
    ...emptyCreateNetworkForm(),
    name: 'newnet',
    ipv4: [{ subnet: '172.30.0.0/16', ipRange: '172.30.1.0/24', gateway: '172.30.0.1', auxAddresses: 'printer=172.30.0.5\nnas=172.30.0.6' }],
    driverOptions: [{ key: 'com.docker.network.driver.mtu', value: '1450' }, { key: 'com.docker.network.bridge.enable_icc', value: 'false' }],
    labels: [{ key: 'team', value: 'net' }, { key: '', value: '' }],
  };
}

function goodConnect(): ConnectForm {
  return {
    container: 'db', network: 'appnet', ipv4Address: '172.28.0.50', ipv6Address: 'fd00:28::50', aliases: 'database, db-alias',
    links: 'web:frontend', linkLocalIps: '169.254.10.10', driverOptions: [{ key: 'com.example.opt', value: '1' }], gwPriority: '',
  };
}

function goodRun(): RunForm {
  return {
    image: 'busybox:latest', name: 'newc', network: 'appnet', ipv4Address: '172.28.0.60', ipv6Address: '', aliases: 'api', gwPriority: '',
    ports: [{ hostIp: '', hostPort: '8081', containerPort: '80', protocol: 'tcp' }, { hostIp: '127.0.0.1', hostPort: '', containerPort: '9000', protocol: 'udp' }],
    publishAll: false, command: 'sh -c "sleep 1000"', env: [{ key: 'GREETING', value: 'hello world' }], labels: [{ key: 'app', value: 'demo' }],
  };
}

describe('forms that are fine produce no errors', () => {
  const cases: Array<[string, () => FieldError[]]> = [
    ['create: bridge with subnet, range, gateway, aux, MTU, ICC, labels', () => validateCreateNetwork(goodNetwork(), ctx)],
    ['create: just a name', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'plain' }, ctx)],
    ['create: dual stack', () => validateCreateNetwork({ ...goodNetwork(), enableIPv6: true, ipv6: [{ subnet: 'fd00:30::/64', ipRange: 'fd00:30::/80', gateway: 'fd00:30::1', auxAddresses: '' }] }, ctx)],
    ['create: macvlan may repeat an existing subnet', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'mac2', driver: 'macvlan', ipv4: [{ subnet: '172.28.0.0/16', ipRange: '', gateway: '', auxAddresses: '' }], driverOptions: [{ key: 'parent', value: 'eth0.10' }, { key: 'macvlan_mode', value: 'bridge' }] }, ctx)],
    ['create: attachable overlay on a manager', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'ov2', driver: 'overlay', attachable: true, ipv4: [{ subnet: '10.0.9.0/24', ipRange: '', gateway: '', auxAddresses: '' }] }, ctx)],
    ['create: overlay subnet may repeat a local one (other address space)', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'ov3', driver: 'overlay', ipv4: [{ subnet: '172.18.0.0/16', ipRange: '', gateway: '', auxAddresses: '' }] }, ctx)],
    ['create: config-only', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'cfg2', configOnly: true, ipv4: [{ subnet: '192.168.60.0/24', ipRange: '', gateway: '', auxAddresses: '' }], driverOptions: [{ key: 'parent', value: 'eth3' }] }, ctx)],
    ['create: config-from', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'fromcfg', driver: 'macvlan', configFrom: 'cfg' }, ctx)],
    ['create: blank IPAM rows are ignored', () => validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'blank', ipv4: [{ subnet: '', ipRange: '', gateway: '', auxAddresses: '' }] }, ctx)],
    ['connect: static v4+v6, aliases, link, link-local', () => validateConnect(goodConnect(), ctx)],
    ['connect: plain', () => validateConnect({ ...goodConnect(), ipv4Address: '', ipv6Address: '', aliases: '', links: '', linkLocalIps: '', driverOptions: [] }, ctx)],
    ['connect: attachable overlay', () => validateConnect({ ...goodConnect(), network: 'ovl-att', ipv4Address: '', ipv6Address: '', aliases: '' }, ctx)],
    ['connect: by ID prefix', () => validateConnect({ ...goodConnect(), container: DB_ID.slice(0, 12) }, ctx)],
    ['run: full form', () => validateRun(goodRun(), ctx)],
    ['run: image only', () => validateRun({ ...goodRun(), name: '', network: '', ipv4Address: '', aliases: '', ports: [], command: '', env: [], labels: [] }, ctx)],
    ['run: host network without ports', () => validateRun({ ...goodRun(), network: 'host', ipv4Address: '', aliases: '', ports: [] }, ctx)],
    ['run: 8080/udp is free while 8080/tcp is taken', () => validateRun({ ...goodRun(), ports: [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'udp' }] }, ctx)],
    ['run: registry host may have capitals', () => validateRun({ ...goodRun(), image: 'Registry.Example.com:5000/team/app:V1' }, ctx)],
    ['run: sharing a container\'s network', () => validateRun({ ...goodRun(), network: 'container:web', ipv4Address: '', aliases: '', ports: [] }, ctx)],
  ];
  itPasses(cases);
});

// ---- The table of bad inputs -------------------------------------------------------------------------------------

type Bad = FieldCase;

const net4 = (patch: Partial<CreateNetworkForm['ipv4'][number]>): Partial<CreateNetworkForm> => ({ ipv4: [{ ...goodNetwork().ipv4[0], ...patch }] });
const N = (patch: Partial<CreateNetworkForm>, c: ValidationContext = ctx) => () => validateCreateNetwork({ ...goodNetwork(), ...patch }, c);
const C = (patch: Partial<ConnectForm>) => () => validateConnect({ ...goodConnect(), ...patch }, ctx);
const R = (patch: Partial<RunForm>) => () => validateRun({ ...goodRun(), ...patch }, ctx);
const opt = (key: string, value: string): Partial<CreateNetworkForm> => ({ driverOptions: [{ key, value }] });
const noIpam: Partial<CreateNetworkForm> = { ipv4: [] };

const bad: Bad[] = [
  // Create network: name, driver, flags
  { name: 'empty name', run: N({ name: '' }), field: 'name', message: 'is required' },
  { name: 'name starting with a dash', run: N({ name: '-net' }), field: 'name', message: 'not a valid network name' },
  { name: 'name with a space', run: N({ name: 'my net' }), field: 'name', message: 'not a valid network name' },
  { name: 'name taken', run: N({ name: 'appnet' }), field: 'name', message: 'already exists' },
  { name: 'predefined name', run: N({ name: 'bridge' }), field: 'name', message: 'defines itself' },
  { name: 'driver host', run: N({ driver: 'host' }), field: 'driver', message: 'cannot be created' },
  { name: 'driver null', run: N({ driver: 'null' }), field: 'driver', message: 'cannot be created' },
  { name: 'unknown driver', run: N({ driver: 'weave' }), field: 'driver', message: 'no network driver "weave"' },
  { name: 'overlay off a manager', run: N({ ...noIpam, driver: 'overlay' }, notManager), field: 'driver', message: 'not a Swarm manager' },
  { name: 'swarm scope off a manager', run: N({ scope: 'swarm' }, notManager), field: 'scope', message: 'not a Swarm manager' },
  { name: 'ingress on bridge', run: N({ ingress: true }), field: 'ingress', message: 'Only an overlay network' },
  { name: 'second ingress', run: N({ ...noIpam, driver: 'overlay', ingress: true }), field: 'ingress', message: 'already has an ingress network, "ingress"' },
  { name: 'attachable bridge', run: N({ attachable: true }), field: 'attachable', message: 'swarm-scoped networks' },
  // Create network: subnets
  { name: 'subnet not a CIDR', run: N(net4({ subnet: 'banana' })), field: 'ipv4[0].subnet', message: 'not a CIDR block' },
  { name: 'subnet prefix too long', run: N(net4({ subnet: '10.0.0.0/33' })), field: 'ipv4[0].subnet', message: 'not a CIDR block' },
  { name: 'subnet with leading zero', run: N(net4({ subnet: '010.0.0.0/8' })), field: 'ipv4[0].subnet', message: 'not a CIDR block' },
  { name: 'subnet not masked', run: N(net4({ subnet: '172.28.5.0/16' })), field: 'ipv4[0].subnet', message: 'did you mean 172.28.0.0/16?' },
  { name: 'IPv6 subnet under IPv4', run: N(net4({ subnet: 'fd00::/64', ipRange: '', gateway: '', auxAddresses: '' })), field: 'ipv4[0].subnet', message: 'add it under IPv6' },
  { name: 'subnet overlaps an existing network', run: N(net4({ subnet: '172.28.128.0/17', ipRange: '', gateway: '', auxAddresses: '' })), field: 'ipv4[0].subnet', message: 'overlaps 172.28.0.0/16, the subnet of network "appnet"' },
  { name: 'subnet inside the default bridge', run: N(net4({ subnet: '172.17.5.0/24', ipRange: '', gateway: '', auxAddresses: '' })), field: 'ipv4[0].subnet', message: 'network "bridge"' },
  { name: 'own subnets overlap', run: N({ driver: 'macvlan', ipv4: [{ subnet: '10.50.0.0/16', ipRange: '', gateway: '', auxAddresses: '' }, { subnet: '10.50.1.0/24', ipRange: '', gateway: '', auxAddresses: '' }] }), field: 'ipv4[1].subnet', message: 'configured above' },
  { name: 'bridge with two IPv4 subnets', run: N({ ipv4: [goodNetwork().ipv4[0], { subnet: '172.31.0.0/16', ipRange: '', gateway: '', auxAddresses: '' }] }), field: 'ipv4[1].subnet', message: 'one IPv4 subnet' },
  { name: 'IPv6 subnet without IPv6 enabled', run: N({ ipv6: [{ subnet: 'fd00:30::/64', ipRange: '', gateway: '', auxAddresses: '' }] }), field: 'enableIPv6', message: 'IPv6 is not enabled' },
  { name: 'IPv6 subnet not masked', run: N({ enableIPv6: true, ipv6: [{ subnet: 'fd00:30::1/64', ipRange: '', gateway: '', auxAddresses: '' }] }), field: 'ipv6[0].subnet', message: 'did you mean fd00:30::/64?' },
  { name: 'gateway without subnet', run: N(net4({ subnet: '' })), field: 'ipv4[0].subnet', message: 'subnet is required' },
  // Create network: ip-range, gateway, aux
  { name: 'ip-range outside the subnet', run: N(net4({ ipRange: '172.31.0.0/24' })), field: 'ipv4[0].ipRange', message: 'not inside the subnet 172.30.0.0/16' },
  { name: 'ip-range not masked', run: N(net4({ ipRange: '172.30.1.5/24' })), field: 'ipv4[0].ipRange', message: 'did you mean 172.30.1.0/24?' },
  { name: 'ip-range bigger than the subnet', run: N(net4({ ipRange: '172.0.0.0/8' })), field: 'ipv4[0].ipRange', message: 'not inside the subnet' },
  { name: 'ip-range not a CIDR', run: N(net4({ ipRange: '172.30.1.0' })), field: 'ipv4[0].ipRange', message: 'not a CIDR block' },
  { name: 'gateway outside the subnet', run: N(net4({ gateway: '172.31.0.1' })), field: 'ipv4[0].gateway', message: 'not inside the subnet' },
  { name: 'gateway is the network address', run: N(net4({ gateway: '172.30.0.0' })), field: 'ipv4[0].gateway', message: 'network address' },
  { name: 'gateway is the broadcast address', run: N(net4({ gateway: '172.30.255.255' })), field: 'ipv4[0].gateway', message: 'broadcast address' },
  { name: 'gateway not an IP', run: N(net4({ gateway: 'router' })), field: 'ipv4[0].gateway', message: 'not an IP address' },
  { name: 'gateway of the other family', run: N(net4({ gateway: 'fd00::1' })), field: 'ipv4[0].gateway', message: 'not an IPv4 address' },
  { name: 'aux without =', run: N(net4({ auxAddresses: 'printer' })), field: 'ipv4[0].auxAddresses', message: 'not a name=ip pair' },
  { name: 'aux is the gateway', run: N(net4({ auxAddresses: 'gw=172.30.0.1' })), field: 'ipv4[0].auxAddresses', message: 'is the gateway' },
  { name: 'aux outside the subnet', run: N(net4({ auxAddresses: 'far=10.9.9.9' })), field: 'ipv4[0].auxAddresses', message: 'not inside the subnet' },
  { name: 'aux name twice', run: N(net4({ auxAddresses: 'p=172.30.0.5, p=172.30.0.6' })), field: 'ipv4[0].auxAddresses', message: 'used twice' },
  { name: 'aux IP twice', run: N(net4({ auxAddresses: 'p=172.30.0.5\nq=172.30.0.5' })), field: 'ipv4[0].auxAddresses', message: 'given to both' },
  { name: 'aux not an IP', run: N(net4({ auxAddresses: 'p=nowhere' })), field: 'ipv4[0].auxAddresses', message: 'not an IP address' },
  // Create network: driver options
  { name: 'MTU not a number', run: N(opt('com.docker.network.driver.mtu', 'big')), field: 'driverOptions[0].value', message: 'MTU must be a whole number from 68 to 65535' },
  { name: 'MTU too small', run: N(opt('com.docker.network.driver.mtu', '40')), field: 'driverOptions[0].value', message: '68 to 65535' },
  { name: 'MTU too big', run: N(opt('com.docker.network.driver.mtu', '70000')), field: 'driverOptions[0].value', message: '68 to 65535' },
  { name: 'ICC not a boolean', run: N(opt('com.docker.network.bridge.enable_icc', 'yes')), field: 'driverOptions[0].value', message: 'true or false' },
  { name: 'masquerade not a boolean', run: N(opt('com.docker.network.bridge.enable_ip_masquerade', 'on')), field: 'driverOptions[0].value', message: 'true or false' },
  { name: 'host binding not IPv4', run: N(opt('com.docker.network.bridge.host_binding_ipv4', 'localhost')), field: 'driverOptions[0].value', message: 'IPv4 address' },
  { name: 'bridge name taken', run: N(opt('com.docker.network.bridge.name', 'docker0')), field: 'driverOptions[0].value', message: 'already uses the bridge interface docker0' },
  { name: 'bridge name too long', run: N(opt('com.docker.network.bridge.name', 'a-very-long-bridge-name')), field: 'driverOptions[0].value', message: 'not a valid interface name' },
  { name: 'macvlan parent in use', run: N({ ...noIpam, driver: 'macvlan', ...opt('parent', 'eth1') }), field: 'driverOptions[0].value', message: 'already uses the parent interface eth1' },
  { name: 'macvlan parent with a space', run: N({ ...noIpam, driver: 'macvlan', ...opt('parent', 'eth 0') }), field: 'driverOptions[0].value', message: 'not a valid interface name' },
  { name: 'macvlan mode unknown', run: N({ ...noIpam, driver: 'macvlan', ...opt('macvlan_mode', 'l2') }), field: 'driverOptions[0].value', message: 'macvlan mode must be one of' },
  { name: 'ipvlan mode unknown', run: N({ ...noIpam, driver: 'ipvlan', ...opt('ipvlan_mode', 'bridge') }), field: 'driverOptions[0].value', message: 'ipvlan mode must be one of' },
  { name: 'option key with =', run: N({ driverOptions: [{ key: 'a=b', value: 'c' }] }), field: 'driverOptions[0].key', message: 'cannot contain "="' },
  // Create network: config-only / config-from
  { name: 'config-from unknown network', run: N({ ...noIpam, configFrom: 'nosuch' }), field: 'configFrom', message: 'no network "nosuch"' },
  { name: 'config-from a normal network', run: N({ ...noIpam, configFrom: 'appnet' }), field: 'configFrom', message: 'not a config-only network' },
  { name: 'config-from with own IPAM', run: N({ configFrom: 'cfg', labels: [], driverOptions: [] }), field: 'ipv4[0].subnet', message: 'configuration comes from "cfg"' },
  { name: 'config-from with IPv6', run: N({ ...noIpam, configFrom: 'cfg', enableIPv6: true, labels: [], driverOptions: [] }), field: 'enableIPv6', message: 'configuration comes from "cfg"' },
  { name: 'config-from with driver options', run: N({ ...noIpam, configFrom: 'cfg', labels: [] }), field: 'driverOptions', message: 'configuration comes from "cfg"' },
  { name: 'config-only with config-from', run: N({ ...noIpam, configOnly: true, configFrom: 'cfg', labels: [], driverOptions: [] }), field: 'configOnly', message: 'cannot itself take its configuration' },
  // Create network: labels and IPAM options
  { name: 'label key with =', run: N({ labels: [{ key: 'team=net', value: '' }] }), field: 'labels[0].key', message: 'cannot contain "="' },
  { name: 'label without key', run: N({ labels: [{ key: '', value: 'orphan' }] }), field: 'labels[0].key', message: 'has a value but no key' },
  { name: 'label key twice', run: N({ labels: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }] }), field: 'labels[1].key', message: 'already set in row 1' },
  { name: 'IPAM option key with a space', run: N({ ipamOptions: [{ key: 'my opt', value: '1' }] }), field: 'ipamOptions[0].key', message: 'cannot contain spaces' },

  // Connect
  { name: 'connect: no container', run: C({ container: '' }), field: 'container', message: 'is required' },
  { name: 'connect: unknown container', run: C({ container: 'ghost' }), field: 'container', message: 'no container "ghost"' },
  { name: 'connect: no network', run: C({ network: '', ipv4Address: '', ipv6Address: '' }), field: 'network', message: 'is required' },
  { name: 'connect: unknown network', run: C({ network: 'nosuch' }), field: 'network', message: 'no network "nosuch"' },
  { name: 'connect: host-mode container', run: C({ container: 'hostc' }), field: 'container', message: 'network mode host' },
  { name: 'connect: container: mode', run: C({ container: 'sidecar' }), field: 'container', message: 'shares the network namespace' },
  { name: 'connect: none-mode container', run: C({ container: 'isolated' }), field: 'container', message: 'network mode none' },
  { name: 'connect: already attached', run: C({ container: 'web', ipv4Address: '', ipv6Address: '' }), field: 'network', message: 'already attached to "appnet"' },
  { name: 'connect: address used by another endpoint', run: C({ ipv4Address: '172.28.5.10' }), field: 'ipv4Address', message: 'already used on "appnet" by container "web"' },
  { name: 'connect: IPv6 used by another endpoint', run: C({ ipv6Address: 'fd00:28:0::10' }), field: 'ipv6Address', message: 'by container "web"' },
  { name: 'connect: address a stopped container asked for', run: C({ ipv4Address: '172.28.0.40' }), field: 'ipv4Address', message: 'fixed address of container "parked" on "appnet", which is stopped' },
  { name: 'connect: address is the gateway', run: C({ ipv4Address: '172.28.0.1' }), field: 'ipv4Address', message: 'is the gateway of "appnet"' },
  { name: 'connect: address is an aux address', run: C({ ipv4Address: '172.28.0.2' }), field: 'ipv4Address', message: 'auxiliary address "router"' },
  { name: 'connect: address outside the subnet', run: C({ ipv4Address: '10.1.2.3' }), field: 'ipv4Address', message: 'not inside the subnet of "appnet" (172.28.0.0/16)' },
  { name: 'connect: broadcast address', run: C({ ipv4Address: '172.28.255.255' }), field: 'ipv4Address', message: 'broadcast address' },
  { name: 'connect: IPv6 in the IPv4 box', run: C({ ipv4Address: 'fd00:28::99' }), field: 'ipv4Address', message: 'not an IPv4 address' },
  { name: 'connect: not an address', run: C({ ipv4Address: '172.28.0.300' }), field: 'ipv4Address', message: 'not an IP address' },
  { name: 'connect: static address on the default bridge', run: C({ network: 'bridge', ipv4Address: '172.17.0.50', ipv6Address: '', aliases: '' }), field: 'ipv4Address', message: 'user-defined network' },
  { name: 'connect: IPv6 on a network without IPv6', run: C({ network: 'auto', ipv4Address: '', ipv6Address: 'fd00:28::50' }), field: 'ipv6Address', message: 'does not have IPv6 enabled' },
  { name: 'connect: aliases on the default bridge', run: C({ network: 'bridge', ipv4Address: '', ipv6Address: '' }), field: 'aliases', message: 'user-defined networks' },
  { name: 'connect: invalid alias', run: C({ aliases: 'ok, bad!alias' }), field: 'aliases', message: '"bad!alias" is not a valid alias' },
  { name: 'connect: config-only network', run: C({ network: 'cfg', ipv4Address: '', ipv6Address: '' }), field: 'network', message: 'config-only network' },
  { name: 'connect: non-attachable overlay', run: C({ network: 'ovl', ipv4Address: '', ipv6Address: '' }), field: 'network', message: 'not attachable' },
  { name: 'connect: to the host network', run: C({ network: 'host', ipv4Address: '', ipv6Address: '' }), field: 'network', message: 'created with network mode host' },
  { name: 'connect: link-local outside the range', run: C({ linkLocalIps: '10.0.0.1' }), field: 'linkLocalIps', message: 'not a link-local address' },
  { name: 'connect: link to an unknown container', run: C({ links: 'ghost:g' }), field: 'links', message: 'no container "ghost"' },
  { name: 'connect: malformed link', run: C({ links: 'web:a:b' }), field: 'links', message: 'not a link' },
  { name: 'connect: driver option without key', run: C({ driverOptions: [{ key: '', value: 'x' }] }), field: 'driverOptions[0].key', message: 'no key' },

  // Run
  { name: 'run: no image', run: R({ image: '' }), field: 'image', message: 'Choose an image' },
  { name: 'run: image in capitals', run: R({ image: 'BusyBox:latest' }), field: 'image', message: 'must be lower case' },
  { name: 'run: image with a space', run: R({ image: 'busybox sleep' }), field: 'image', message: 'no spaces' },
  { name: 'run: one-letter name', run: R({ name: 'x' }), field: 'name', message: 'at least two characters' },
  { name: 'run: name with a slash inside', run: R({ name: 'a/b' }), field: 'name', message: 'not a valid container name' },
  { name: 'run: name taken', run: R({ name: 'web' }), field: 'name', message: 'A container named "web" already exists' },
  { name: 'run: unknown network', run: R({ network: 'nosuch', ipv4Address: '' }), field: 'network', message: 'no network "nosuch"' },
  { name: 'run: static address on the default bridge', run: R({ network: '', aliases: '' }), field: 'ipv4Address', message: 'the default bridge' },
  { name: 'run: aliases on the host network', run: R({ network: 'host', ipv4Address: '', ports: [] }), field: 'aliases', message: 'user-defined networks' },
  { name: 'run: ports with the host network', run: R({ network: 'host', ipv4Address: '', aliases: '' }), field: 'ports[0].containerPort', message: 'would be ignored' },
  { name: 'run: share an unknown container', run: R({ network: 'container:ghost', ipv4Address: '', aliases: '', ports: [] }), field: 'network', message: 'no container "ghost"' },
  { name: 'run: address used on the network', run: R({ ipv4Address: '172.28.5.10' }), field: 'ipv4Address', message: 'by container "web"' },
  { name: 'run: non-attachable overlay', run: R({ network: 'ovl', ipv4Address: '', aliases: '' }), field: 'network', message: 'not attachable' },
  { name: 'run: missing container port', run: R({ ports: [{ hostIp: '', hostPort: '8081', containerPort: '', protocol: 'tcp' }] }), field: 'ports[0].containerPort', message: 'is required' },
  { name: 'run: container port out of range', run: R({ ports: [{ hostIp: '', hostPort: '8081', containerPort: '70000', protocol: 'tcp' }] }), field: 'ports[0].containerPort', message: 'from 1 to 65535' },
  { name: 'run: host port zero', run: R({ ports: [{ hostIp: '', hostPort: '0', containerPort: '80', protocol: 'tcp' }] }), field: 'ports[0].hostPort', message: 'from 1 to 65535' },
  { name: 'run: unknown protocol', run: R({ ports: [{ hostIp: '', hostPort: '8081', containerPort: '80', protocol: 'icmp' }] }), field: 'ports[0].protocol', message: 'tcp, udp or sctp' },
  { name: 'run: host IP not an address', run: R({ ports: [{ hostIp: 'localhost', hostPort: '8081', containerPort: '80', protocol: 'tcp' }] }), field: 'ports[0].hostIp', message: 'not an IP address of the host' },
  { name: 'run: same host port twice', run: R({ ports: [{ hostIp: '', hostPort: '8081', containerPort: '80', protocol: 'tcp' }, { hostIp: '127.0.0.1', hostPort: '8081', containerPort: '81', protocol: 'tcp' }] }), field: 'ports[1].hostPort', message: 'already published by row 1' },
  { name: 'run: host port held by another container', run: R({ ports: [{ hostIp: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' }] }), field: 'ports[0].hostPort', message: 'already published by container "web"' },
  { name: 'run: unclosed quote in the command', run: R({ command: 'sh -c "echo hi' }), field: 'command', message: 'never closed' },
  { name: 'run: variable name starting with a digit', run: R({ env: [{ key: '1PATH', value: 'x' }] }), field: 'env[0].key', message: 'cannot start with a digit' },
  { name: 'run: variable name with a space', run: R({ env: [{ key: 'MY VAR', value: 'x' }] }), field: 'env[0].key', message: 'cannot contain spaces' },
  { name: 'run: label key twice', run: R({ labels: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }), field: 'labels[1].key', message: 'already set' },
];

describe('each bad input is reported on its field', () => {
  it('the table covers at least 50 cases across the three forms', () => {
    assert.ok(bad.length >= 50, `only ${bad.length}`);
    assert.ok(bad.filter((b) => b.name.startsWith('connect:')).length >= 10);
    assert.ok(bad.filter((b) => b.name.startsWith('run:')).length >= 10);
  });
  itReportsOnField(bad);
});

describe('validation details', () => {
  it('the did-you-mean message names the masked subnet', () => {
    const errors = validateCreateNetwork({ ...emptyCreateNetworkForm(), name: 'n', ipv4: [{ subnet: '172.28.5.0/16', ipRange: '', gateway: '', auxAddresses: '' }] }, { ...ctx, networks: [] });
    assert.deepEqual(errors, [{ field: 'ipv4[0].subnet', message: '172.28.5.0/16 has host bits set: did you mean 172.28.0.0/16?' }]);
  });

  it('a static address may lie outside the ip-range, inside the subnet', () => {
    assert.deepEqual(validateConnect({ ...goodConnect(), ipv4Address: '172.28.200.1' }, ctx), []);
  });

  it('the container being connected does not hold its own address against itself (only "already attached" is said)', () => {
    const errors = validateConnect({ ...goodConnect(), container: 'web', ipv4Address: '172.28.5.10', ipv6Address: '' }, ctx);
    assert.deepEqual(errors.map((e) => e.field), ['network']);
  });

  it('a free address inside the ip-range is fine too', () => {
    const errors = validateRun({ ...goodRun(), name: '', ipv4Address: '172.28.5.11' }, ctx);
    assert.deepEqual(errors, []);
  });

  it('a built-in network named by its ID is still built-in', () => {
    const bridgeId = ctx.networks[0].id;
    const errors = validateConnect({ ...goodConnect(), network: bridgeId.slice(0, 10), ipv6Address: '' }, ctx);
    assert.equal(errors.find((e) => e.field === 'ipv4Address')?.message.includes('user-defined network'), true);
  });

  it('errors come back in form order', () => {
    const errors = validateCreateNetwork({ ...goodNetwork(), name: '', driver: 'host' }, ctx);
    assert.deepEqual(errors.map((e) => e.field), ['name', 'driver']);
  });

  it('offers drivers without host and null, bridge first, overlay only on a manager', () => {
    assert.deepEqual(creatableDrivers(ctx), ['bridge', 'ipvlan', 'macvlan', 'overlay']);
    assert.deepEqual(creatableDrivers(notManager), ['bridge', 'ipvlan', 'macvlan']);
  });

  it('CIDR helpers parse strictly and compute with ipaddr.js', () => {
    assert.equal(parseCidr('172.28.5.0/16')?.text, '172.28.0.0/16');
    assert.equal(parseCidr('172.28.5.0/16')?.masked, false);
    assert.equal(parseCidr('2001:DB8::1/32')?.text, '2001:db8::/32');
    assert.equal(parseCidr('10.0.0.0/8 /8'), undefined);
    assert.equal(parseCidr('10.0.0.0'), undefined);
    assert.equal(parseIp('fe80::1%eth0'), undefined);
    assert.equal(parseIp('10.1'), undefined);
    assert.equal(parseIp('::ffff:10.0.0.1')?.family, 'ipv6');
    const a = parseCidr('10.0.0.0/8');
    const b = parseCidr('10.200.0.0/16');
    const c = parseCidr('11.0.0.0/8');
    assert.ok(a && b && c);
    assert.equal(cidrOverlaps(a, b), true);
    assert.equal(cidrOverlaps(b, a), true);
    assert.equal(cidrOverlaps(a, c), false);
  });
});

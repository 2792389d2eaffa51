// The newer form fields end to end outside the webview: request bodies, the equivalent docker command, the coercion
// and run-time check of what a webview sends, the capabilities the host offers per API version, and Create Network
// Like This on an engine that lacks what the source network uses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectArgv, createNetworkArgv, renderCommand, runArgv } from '../../src/core/cli';
import { createNetworkCapabilities, endpointCapabilities, fitCreateNetworkForm } from '../../src/core/formCapabilities';
import { emptyConnectForm, emptyCreateNetworkForm, emptyRunForm, type CreateNetworkForm } from '../../src/core/forms';
import { dedicatedOptionHelpers, driverOptionHelpers } from '../../src/core/driverOptions';
import { addressFamilies, parseGwPriority, splitInterfaceList } from '../../src/core/formValues';
import { toConnectRequest, toCreateNetworkRequest, toRunRequest } from '../../src/core/formRequests';
import { formFromNetwork } from '../../src/core/prefill';
import {
  formChecks, readCreateNetworkCapabilities, readEndpointCapabilities, readNotices,
} from '../../src/protocol/messages';

const V6 = { subnet: 'fd00:77::/64', ipRange: '', gateway: '', auxAddresses: '' };
const ipv6Only: CreateNetworkForm = { ...emptyCreateNetworkForm(), name: 'v6', enableIPv4: false, enableIPv6: true, ipv6: [V6] };
const bridgeModes: CreateNetworkForm = {
  ...emptyCreateNetworkForm(), name: 'rt', internal: true, gatewayModeIPv4: 'isolated', gatewayModeIPv6: ' routed ',
  trustedHostInterfaces: 'eth1, wg0', enableIPv6: true, ipv6: [V6], driverOptions: [{ key: 'com.docker.network.driver.mtu', value: '1400' }],
};

describe('addressFamilies: checkboxes, then the enable_ipv4/_ipv6 options, then the defaults', () => {
  const opt = (key: string, value: string) => [{ key: `com.docker.network.enable_${key}`, value }];
  const cases: Array<[string, Partial<CreateNetworkForm>, { ipv4: boolean; ipv6: boolean }]> = [
    ['defaults', {}, { ipv4: true, ipv6: false }],
    ['IPv6-only', { enableIPv4: false, enableIPv6: true }, { ipv4: false, ipv6: true }],
    ['the IPv6 option turns it on', { driverOptions: opt('ipv6', 'true') }, { ipv4: true, ipv6: true }],
    ['the IPv4 option turns it off', { driverOptions: opt('ipv4', 'False') }, { ipv4: false, ipv6: false }],
    ['a moved checkbox wins over the option', { enableIPv4: false, enableIPv6: true, driverOptions: [...opt('ipv4', 'true'), ...opt('ipv6', 'false')] }, { ipv4: false, ipv6: true }],
    ['an option that is not a bool changes nothing', { driverOptions: opt('ipv6', 'yes') }, { ipv4: true, ipv6: false }],
  ];
  for (const [name, patch, expected] of cases) test(name, () => assert.deepEqual(addressFamilies({ ...emptyCreateNetworkForm(), ...patch }), expected));
});

describe('parsing', () => {
  test('parseGwPriority: whole numbers in the 32-bit range, signs allowed', () => {
    assert.deepEqual(['0', '-5', '+7', ' 10 ', '2147483647', '-2147483648'].map(parseGwPriority), [0, -5, 7, 10, 2147483647, -2147483648]);
    assert.deepEqual(['', '1.5', '1e3', '2147483648', '-2147483649', '0x10', '--1', 'ten'].map(parseGwPriority), Array(8).fill(undefined));
  });
  test('splitInterfaceList: ":" as the engine writes it, commas and spaces as people type', () => {
    assert.deepEqual(splitInterfaceList('eth1:wg0, tun0  br-lan'), ['eth1', 'wg0', 'tun0', 'br-lan']);
    assert.deepEqual(splitInterfaceList(' : '), []);
  });
  test('the helper catalogue: dedicated fields for the bridge\'s gateway modes and trusted interfaces, with their gates', () => {
    assert.deepEqual(dedicatedOptionHelpers().map((h) => [h.key, h.field, h.feature]), [
      ['com.docker.network.bridge.gateway_mode_ipv4', 'gatewayModeIPv4', 'gatewayModeNatRouted'],
      ['com.docker.network.bridge.gateway_mode_ipv6', 'gatewayModeIPv6', 'gatewayModeNatRouted'],
      ['com.docker.network.bridge.trusted_host_interfaces', 'trustedHostInterfaces', 'trustedHostInterfaces'],
    ]);
    assert.ok(driverOptionHelpers('macvlan').every((h) => h.field === undefined), 'bridge only');
  });
});

describe('request bodies', () => {
  test('an IPv6-only network sends EnableIPv4 false with EnableIPv6 true', () => {
    const req = toCreateNetworkRequest(ipv6Only);
    assert.deepEqual([req.EnableIPv4, req.EnableIPv6, req.IPAM?.Config], [false, true, [{ Subnet: 'fd00:77::/64' }]]);
    assert.ok(!('EnableIPv4' in toCreateNetworkRequest({ ...emptyCreateNetworkForm(), name: 'n' })), 'IPv4 on is the default: not sent (older engines)');
  });
  test('the enable_ipv6 option counts as the checkbox', () => {
    const req = toCreateNetworkRequest({ ...emptyCreateNetworkForm(), name: 'n', driverOptions: [{ key: 'com.docker.network.enable_ipv6', value: 'true' }] });
    assert.deepEqual([req.EnableIPv6, req.Options], [true, { 'com.docker.network.enable_ipv6': 'true' }]);
  });
  test('gateway modes and trusted interfaces go into Options (trimmed, joined by ":"), next to the driver options', () => {
    assert.deepEqual(toCreateNetworkRequest(bridgeModes).Options, {
      'com.docker.network.driver.mtu': '1400',
      'com.docker.network.bridge.gateway_mode_ipv4': 'isolated',
      'com.docker.network.bridge.gateway_mode_ipv6': 'routed',
      'com.docker.network.bridge.trusted_host_interfaces': 'eth1:wg0',
    });
  });
  test('connect: EndpointConfig.GwPriority, only when given', () => {
    assert.deepEqual(toConnectRequest({ ...emptyConnectForm(), container: 'db', network: 'n', gwPriority: '-5' }), { Container: 'db', EndpointConfig: { GwPriority: -5 } });
    assert.deepEqual(toConnectRequest({ ...emptyConnectForm(), container: 'db', network: 'n', gwPriority: ' ' }), { Container: 'db' });
  });
  test('run: EndpointsConfig[network].GwPriority; on the default bridge it names the bridge network', () => {
    const user = toRunRequest({ ...emptyRunForm(), image: 'busybox', network: 'appnet', gwPriority: '10', aliases: 'api' });
    assert.deepEqual(user.body.NetworkingConfig, { EndpointsConfig: { appnet: { Aliases: ['api'], GwPriority: 10 } } });
    const dflt = toRunRequest({ ...emptyRunForm(), image: 'busybox', gwPriority: '1' });
    assert.deepEqual([dflt.body.HostConfig?.NetworkMode, dflt.body.NetworkingConfig], ['bridge', { EndpointsConfig: { bridge: { GwPriority: 1 } } }]);
    assert.equal(toRunRequest({ ...emptyRunForm(), image: 'busybox' }).body.HostConfig, undefined);
  });
});

describe('the equivalent docker command', () => {
  test('network create: --ipv4=false and --ipv6 for IPv6-only', () => {
    assert.equal(renderCommand(createNetworkArgv(ipv6Only)), 'docker network create --ipv4=false --ipv6 --subnet fd00:77::/64 v6');
  });
  test('network create: --opt for the gateway modes and trusted interfaces, before the other driver options', () => {
    assert.equal(renderCommand(createNetworkArgv(bridgeModes), { wrap: 'options' }), [
      'docker network create \\', '  --ipv6 \\', '  --internal \\', '  --subnet fd00:77::/64 \\',
      '  --opt com.docker.network.bridge.gateway_mode_ipv4=isolated \\',
      '  --opt com.docker.network.bridge.gateway_mode_ipv6=routed \\',
      '  --opt com.docker.network.bridge.trusted_host_interfaces=eth1:wg0 \\',
      '  --opt com.docker.network.driver.mtu=1400 \\', '  rt',
    ].join('\n'));
  });
  test('network create: the enable_ipv6 option shows as --ipv6 too', () => {
    assert.deepEqual(createNetworkArgv({ ...emptyCreateNetworkForm(), name: 'n', driverOptions: [{ key: 'com.docker.network.enable_ipv6', value: 'true' }] }),
      ['docker', 'network', 'create', '--ipv6', '--opt', 'com.docker.network.enable_ipv6=true', 'n']);
  });
  test('network connect: --gw-priority N, negative too', () => {
    assert.equal(renderCommand(connectArgv({ ...emptyConnectForm(), container: 'db', network: 'appnet', gwPriority: '-5' })), 'docker network connect --gw-priority -5 appnet db');
    assert.equal(renderCommand(connectArgv({ ...emptyConnectForm(), container: 'db', network: 'appnet' })), 'docker network connect appnet db');
  });
  test('run: --network name=NET,gw-priority=N (the bridge by name on the default)', () => {
    assert.equal(renderCommand(runArgv({ ...emptyRunForm(), image: 'busybox', network: 'appnet', gwPriority: '5', ipv4Address: '172.28.0.9' })),
      'docker run -d --network name=appnet,gw-priority=5 --ip 172.28.0.9 busybox');
    assert.equal(renderCommand(runArgv({ ...emptyRunForm(), image: 'busybox', gwPriority: '1' })), 'docker run -d --network name=bridge,gw-priority=1 busybox');
    assert.equal(renderCommand(runArgv({ ...emptyRunForm(), image: 'busybox', network: 'appnet' })), 'docker run -d --network appnet busybox');
  });
});

describe('what a webview sends', () => {
  test('the run-time check accepts the new fields and refuses forms without them, or mistyped', () => {
    assert.deepEqual(formChecks().createNetwork(bridgeModes, 'form'), bridgeModes);
    const withoutV4: Partial<CreateNetworkForm> = { ...ipv6Only };
    delete withoutV4.enableIPv4;
    assert.throws(() => formChecks().createNetwork(withoutV4, 'form'), /missing key "enableIPv4"/);
    assert.throws(() => formChecks().createNetwork({ ...ipv6Only, enableIPv4: 'false' }, 'form'), /form\.enableIPv4: expected a boolean/);
    assert.throws(() => formChecks().createNetwork({ ...ipv6Only, gatewayModeIPv4: 1 }, 'form'), /form\.gatewayModeIPv4: expected a string/);
    const oldConnect: Partial<ReturnType<typeof emptyConnectForm>> = emptyConnectForm();
    delete oldConnect.gwPriority;
    assert.throws(() => formChecks().connect(oldConnect, 'form'), /missing key "gwPriority"/);
    assert.throws(() => formChecks().run({ ...emptyRunForm(), gwPriority: 5 }, 'form'), /form\.gwPriority: expected a string/);
    assert.deepEqual(formChecks().run({ ...emptyRunForm(), gwPriority: '5' }, 'form').gwPriority, '5');
  });

  test('the webview\'s reading of capabilities and notices: malformed offers nothing new', () => {
    assert.deepEqual(readCreateNetworkCapabilities(createNetworkCapabilities('1.51')), createNetworkCapabilities('1.51'));
    assert.deepEqual(readCreateNetworkCapabilities({ enableIPv4: 'yes', gatewayModes: ['nat', 3, null], api: 'x' }),
      { api: '', enableIPv4: false, ipv6DefaultPool: false, gatewayModes: ['nat'], trustedHostInterfaces: false });
    assert.deepEqual(readCreateNetworkCapabilities(undefined).gatewayModes, []);
    assert.deepEqual(readEndpointCapabilities({ api: '1.48', gwPriority: true }), { api: '1.48', gwPriority: true });
    assert.deepEqual(readEndpointCapabilities([]), { api: '', gwPriority: false });
    assert.deepEqual(readNotices(['a', 1, 'b']), ['a', 'b']);
    assert.deepEqual(readNotices('a'), []);
  });
});

describe('capabilities per negotiated API version', () => {
  test('Create Network', () => {
    assert.deepEqual(createNetworkCapabilities('1.41'), { api: '1.41', enableIPv4: false, ipv6DefaultPool: false, gatewayModes: [], trustedHostInterfaces: false });
    assert.deepEqual(createNetworkCapabilities('1.46'), { api: '1.46', enableIPv4: false, ipv6DefaultPool: true, gatewayModes: ['nat', 'routed'], trustedHostInterfaces: false });
    assert.deepEqual(createNetworkCapabilities('1.48'), { api: '1.48', enableIPv4: true, ipv6DefaultPool: true, gatewayModes: ['nat', 'nat-unprotected', 'routed', 'isolated'], trustedHostInterfaces: false });
    assert.equal(createNetworkCapabilities('1.50').trustedHostInterfaces, true);
    assert.equal(createNetworkCapabilities(undefined).api, '1.24', 'no engine: the oldest API, nothing newer offered');
  });
  test('Connect and Run', () => {
    assert.deepEqual([endpointCapabilities('1.47'), endpointCapabilities('1.48')], [{ api: '1.47', gwPriority: false }, { api: '1.48', gwPriority: true }]);
  });
});

describe('Create Network Like This', () => {
  const inspect = {
    Id: 'x', Name: 'v6routed', Driver: 'bridge', Scope: 'local', EnableIPv4: false, EnableIPv6: true, Internal: true,
    IPAM: { Driver: 'default', Config: [{ Subnet: 'fd00:99::/64', Gateway: 'fd00:99::1' }] },
    Options: {
      'com.docker.network.bridge.gateway_mode_ipv6': 'isolated', 'com.docker.network.bridge.trusted_host_interfaces': 'eth1:wg0',
      'com.docker.network.enable_ipv6': 'true', 'com.docker.network.driver.mtu': '1400',
    },
  };

  test('the prefill keeps IPv6-only, the gateway mode and the trusted interfaces in their fields', () => {
    const form = formFromNetwork(inspect, new Set());
    assert.deepEqual([form.enableIPv4, form.enableIPv6, form.gatewayModeIPv4, form.gatewayModeIPv6, form.trustedHostInterfaces],
      [false, true, '', 'isolated', 'eth1:wg0']);
    assert.deepEqual(form.ipv4, []);
    assert.deepEqual(form.driverOptions, [{ key: 'com.docker.network.driver.mtu', value: '1400' }], 'enable_ipv6 is carried by the checkbox');
    assert.equal(formFromNetwork({ ...inspect, EnableIPv4: undefined }, new Set()).enableIPv4, true, 'older engines: IPv4 on');
  });

  test('on an engine that has it all, nothing is dropped', () => {
    const form = formFromNetwork(inspect, new Set());
    assert.deepEqual(fitCreateNetworkForm(form, '1.51'), { form, notices: [] });
  });

  test('on an older engine each missing feature is dropped with a notice naming the version', () => {
    const { form, notices } = fitCreateNetworkForm(formFromNetwork(inspect, new Set()), '1.46');
    assert.deepEqual([form.enableIPv4, form.gatewayModeIPv6, form.trustedHostInterfaces], [true, '', '']);
    assert.deepEqual(notices, [
      'An IPv6-only network (IPv4 off) needs Engine API 1.48 (Docker 28.0) or newer; this engine speaks API 1.46. This copy leaves it out.',
      'The IPv6 routing mode "isolated" needs Engine API 1.48 (Docker 28.0) or newer; this engine speaks API 1.46. This copy leaves it out.',
      'The trusted host interfaces option needs Engine API 1.50 (Docker 28.2) or newer; this engine speaks API 1.46. This copy leaves it out.',
    ]);
    const source = formFromNetwork(inspect, new Set());
    assert.equal(source.enableIPv4, false, 'the source form is not changed');
  });

  test('a mode the engine has stays; one it does not is dropped', () => {
    const form = { ...emptyCreateNetworkForm(), gatewayModeIPv4: 'routed', gatewayModeIPv6: 'nat-unprotected' };
    const fitted = fitCreateNetworkForm(form, '1.46');
    assert.deepEqual([fitted.form.gatewayModeIPv4, fitted.form.gatewayModeIPv6, fitted.notices.length], ['routed', '', 1]);
    assert.match(fitCreateNetworkForm({ ...form, gatewayModeIPv4: 'bogus' }, '1.51').notices[0], /"bogus" is not known to this engine/);
  });
});

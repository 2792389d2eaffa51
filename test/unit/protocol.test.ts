// The host ↔ webview protocol: what a webview may send is checked at run time, and everything else is refused with
// a reason (and the request id, when there is a usable one, so the webview's request rejects instead of hanging).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formChecks, fieldId, MAX_ROWS, MAX_TEXT, parseWebviewMessage, rejectReply, type FormKind,
} from '../../src/protocol/messages';
import { emptyConnectForm, emptyCreateNetworkForm, emptyRunForm } from '../../src/core/forms';
import { formFromNetwork, freshName } from '../../src/core/prefill';

const forms = { createNetwork: emptyCreateNetworkForm(), connect: emptyConnectForm(), run: emptyRunForm() };
const req = (_kind: FormKind, form: unknown, extra: Record<string, unknown> = {}): unknown =>
  ({ type: 'request', id: 1, method: 'validate', params: { form }, ...extra });

describe('protocol: messages a webview may send', () => {
  test('ready', () => {
    assert.deepEqual(parseWebviewMessage('run', { type: 'ready' }), { ok: true, message: { type: 'ready' } });
  });

  for (const kind of Object.keys(forms) as FormKind[]) {
    test(`a request carrying a ${kind} form, for each method`, () => {
      for (const method of ['validate', 'submit', 'copyCommand']) {
        const r = parseWebviewMessage(kind, { type: 'request', id: 42, method, params: { form: forms[kind] } });
        assert.ok(r.ok, JSON.stringify(r));
        assert.deepEqual(r.message, { type: 'request', id: 42, method, params: { form: forms[kind] } });
      }
    });
  }

  test('suggest: the form and a field that form may have suggested', () => {
    const ok = (kind: FormKind, field: string) => parseWebviewMessage(kind, { type: 'request', id: 9, method: 'suggest', params: { form: forms[kind], field } });
    for (const [kind, field] of [['connect', 'ipv4Address'], ['run', 'ipv6Address'], ['createNetwork', 'ipv4[0].subnet'], ['createNetwork', 'ipv4[255].subnet']] as const) {
      const r = ok(kind, field);
      assert.ok(r.ok, JSON.stringify(r));
      assert.deepEqual(r.message, { type: 'request', id: 9, method: 'suggest', params: { form: forms[kind], field } });
    }
    for (const [kind, field] of [['connect', 'image'], ['run', 'ipv4[0].subnet'], ['createNetwork', 'ipv6[0].subnet'], ['createNetwork', 'ipv4[01].subnet'], ['connect', 'x'.repeat(65)]] as const) {
      const r = ok(kind, field);
      assert.ok(!r.ok && r.id === 9 && /params\.field/.test(r.error), JSON.stringify(r));
    }
    const missing = parseWebviewMessage('run', { type: 'request', id: 10, method: 'suggest', params: { form: forms.run } });
    assert.ok(!missing.ok && /missing key "field"/.test(missing.error));
    const extra = parseWebviewMessage('run', { type: 'request', id: 11, method: 'validate', params: { form: forms.run, field: 'ipv4Address' } });
    assert.ok(!extra.ok && /unexpected key "field"/.test(extra.error), 'only suggest takes a field');
  });

  test('a full Create Network form survives the check unchanged', () => {
    const form = {
      ...emptyCreateNetworkForm(), name: 'my-net', scope: 'local' as const, enableIPv6: true,
      ipv4: [{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: 'a=172.28.1.1' }],
      ipv6: [{ subnet: 'fd00::/64', ipRange: '', gateway: '', auxAddresses: '' }],
      labels: [{ key: 'k', value: 'v' }], driverOptions: [{ key: 'com.docker.network.driver.mtu', value: '1400' }],
    };
    assert.deepEqual(formChecks().createNetwork(form, 'form'), form);
  });
});

describe('protocol: malformed messages are refused with a reason', () => {
  const cases: Array<[string, FormKind, unknown, RegExp, number?]> = [
    ['null', 'run', null, /expected an object, got null/],
    ['a number', 'run', 42, /expected an object, got number/],
    ['a string', 'run', 'ready', /expected an object, got string/],
    ['an array', 'run', [{ type: 'ready' }], /expected an object, got an array/],
    ['a class instance', 'run', new Date(), /expected an object/],
    ['no type', 'run', { id: 1 }, /message\.type/],
    ['an unknown type', 'run', { type: 'eval', code: '1' }, /message\.type/],
    ['ready with extra keys', 'run', { type: 'ready', also: 1 }, /unexpected key "also"/],
    ['a request without id', 'run', { type: 'request', method: 'submit', params: { form: forms.run } }, /message\.id/],
    ['a negative id', 'run', { type: 'request', id: -1, method: 'submit', params: { form: forms.run } }, /message\.id/],
    ['a fractional id', 'run', { type: 'request', id: 1.5, method: 'submit', params: { form: forms.run } }, /message\.id/],
    ['a string id', 'run', { type: 'request', id: '1', method: 'submit', params: { form: forms.run } }, /message\.id/],
    ['an unknown method', 'run', { type: 'request', id: 3, method: 'exec', params: { form: forms.run } }, /message\.method/, 3],
    ['no params', 'run', { type: 'request', id: 4, method: 'submit' }, /missing key "params"/, 4],
    ['params without form', 'run', { type: 'request', id: 5, method: 'submit', params: {} }, /missing key "form"/, 5],
    ['extra keys in params', 'run', { type: 'request', id: 6, method: 'submit', params: { form: forms.run, cmd: 'x' } }, /unexpected key "cmd"/, 6],
    ['extra keys in the request', 'run', req('run', forms.run, { sneaky: true }), /unexpected key "sneaky"/, 1],
    ['a form of another kind', 'createNetwork', req('createNetwork', forms.run), /form: unexpected key "image"/, 1],
    ['a form missing a field', 'connect', req('connect', { ...forms.connect, network: undefined }), /form\.network: expected a string/, 1],
    ['a number for a string', 'createNetwork', req('createNetwork', { ...forms.createNetwork, name: 5 }), /form\.name: expected a string, got number/, 1],
    ['a string for a boolean', 'createNetwork', req('createNetwork', { ...forms.createNetwork, internal: 'yes' }), /form\.internal: expected a boolean/, 1],
    ['an unknown scope', 'createNetwork', req('createNetwork', { ...forms.createNetwork, scope: 'global' }), /form\.scope: expected one of/, 1],
    ['a string for a list', 'createNetwork', req('createNetwork', { ...forms.createNetwork, ipv4: '172.28.0.0/16' }), /form\.ipv4: expected an array/, 1],
    ['a row that is not an object', 'run', req('run', { ...forms.run, ports: ['8080:80'] }), /form\.ports\[0\]: expected an object/, 1],
    ['a row missing a field', 'run', req('run', { ...forms.run, ports: [{ hostPort: '8080', containerPort: '80', protocol: 'tcp' }] }), /form\.ports\[0\]: missing key "hostIp"/, 1],
    ['a row with extra keys', 'run', req('run', { ...forms.run, env: [{ key: 'A', value: 'b', raw: 'A=b' }] }), /form\.env\[0\]: unexpected key "raw"/, 1],
    ['a __proto__ key', 'run', req('run', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(forms.run).slice(1)}`)), /unexpected key "__proto__"/, 1],
    ['an over-long field', 'createNetwork', req('createNetwork', { ...forms.createNetwork, name: 'x'.repeat(MAX_TEXT + 1) }), /form\.name: longer than/, 1],
    ['too many rows', 'createNetwork', req('createNetwork', { ...forms.createNetwork, labels: Array.from({ length: MAX_ROWS + 1 }, () => ({ key: 'a', value: 'b' })) }), /form\.labels: more than/, 1],
    ['null for a list', 'connect', req('connect', { ...forms.connect, driverOptions: null }), /form\.driverOptions: expected an array, got null/, 1],
  ];
  for (const [what, kind, raw, reason, id] of cases) {
    test(what, () => {
      const r = parseWebviewMessage(kind, raw);
      assert.equal(r.ok, false, `accepted: ${JSON.stringify(raw)?.slice(0, 200)}`);
      if (r.ok) return;
      assert.match(r.error, reason);
      assert.equal(r.id, id, 'the id is kept only when usable');
    });
  }

  test('the check never pollutes prototypes', () => {
    parseWebviewMessage('run', req('run', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(forms.run).slice(1)}`)));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a refused request gets a failed reply with its id', () => {
    assert.deepEqual(rejectReply(9, 'nope'), { type: 'reply', id: 9, ok: false, error: { message: 'nope', fieldErrors: [] } });
  });
});

describe('protocol: field ids', () => {
  test('field paths map to valid, distinct element ids', () => {
    assert.equal(fieldId('name'), 'f-name');
    assert.equal(fieldId('ipv4[0].gateway'), 'f-ipv4-0-gateway');
    assert.equal(fieldId('ports[12].hostPort'), 'f-ports-12-hostPort');
    assert.notEqual(fieldId('ipv4[1].subnet'), fieldId('ipv6[1].subnet'));
    assert.match(fieldId('a b"<c>'), /^[A-Za-z][A-Za-z0-9_-]*$/);
  });
});

describe('Create Network Like This: the prefill from inspect', () => {
  test('a new name, the same IPAM split by family, driver options without the bridge name', () => {
    const form = formFromNetwork({
      Id: 'x', Name: 'my-net', Driver: 'bridge', Scope: 'local', EnableIPv6: true, Internal: true,
      IPAM: {
        Driver: 'default', Options: {},
        Config: [
          { Subnet: '172.28.0.0/16', IPRange: '172.28.5.0/24', Gateway: '172.28.5.254', AuxiliaryAddresses: { router: '172.28.1.5', nas: '172.28.1.6' } },
          { Subnet: 'fd00:28::/64', Gateway: 'fd00:28::1' },
        ],
      },
      Options: { 'com.docker.network.bridge.name': 'br-my', 'com.docker.network.driver.mtu': '1400', 'com.docker.network.bridge.default_bridge': 'true' },
      Labels: { team: 'net' },
    }, new Set(['my-net', 'my-net-copy']));
    assert.equal(form.name, 'my-net-copy-2');
    assert.equal(form.driver, 'bridge');
    assert.equal(form.scope, '');
    assert.equal(form.ipamDriver, '');
    assert.deepEqual(form.ipv4, [{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: 'router=172.28.1.5\nnas=172.28.1.6' }]);
    assert.deepEqual(form.ipv6, [{ subnet: 'fd00:28::/64', ipRange: '', gateway: 'fd00:28::1', auxAddresses: '' }]);
    assert.deepEqual(form.driverOptions, [{ key: 'com.docker.network.driver.mtu', value: '1400' }]);
    assert.deepEqual(form.labels, [{ key: 'team', value: 'net' }]);
    assert.equal(form.enableIPv6, true);
    assert.equal(form.internal, true);
  });

  test('a network configured from a config-only one copies the reference, not the configuration', () => {
    const form = formFromNetwork({
      Id: 'y', Name: 'vlan10', Driver: 'macvlan', Scope: 'swarm', ConfigFrom: { Network: 'vlan10-config' },
      IPAM: { Driver: 'default', Config: [{ Subnet: '192.168.10.0/24' }] }, Options: { parent: 'eth0.10' }, Labels: { a: 'b' },
    }, new Set());
    assert.equal(form.configFrom, 'vlan10-config');
    assert.equal(form.scope, 'swarm');
    assert.deepEqual([form.ipv4, form.driverOptions, form.labels], [[], [], []]);
  });

  test('fresh names', () => {
    assert.equal(freshName('a', new Set()), 'a-copy');
    assert.equal(freshName('a', new Set(['a-copy', 'a-copy-2'])), 'a-copy-3');
  });
});

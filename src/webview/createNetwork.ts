// The Create Network form (`docker network create`). Field labels are what Playwright's getByLabel finds: `Name`,
// `Driver`, and for the first IPv4 configuration `Subnet`, `IP range`, `Gateway`. No other label contains those
// words, so a non-exact getByLabel still finds exactly one field. The fields of engines 27–29 (`Enable IPv4`,
// `IPv4 routing mode`, `IPv6 routing mode`, `Trusted host interfaces`) show only where the host's capabilities
// say the engine has them (or the form already holds a value, so it can be seen and cleared). The words:
// src/core/pageText/createNetworkForm.ts.
import type { CreateNetworkForm, IpamEntry } from '../core/forms';
import type { DriverOptionHelper } from '../core/driverOptions';
import { fieldId, readCreateNetworkCapabilities, type CreateNetworkCapabilities } from '../protocol/messages';
import type { FormTextOf } from '../core/pageText/forms';
import { h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { labelsField, rowLabel, rowTexts, startForm, type FormUi } from './lib/form';

type Ui = FormUi<'createNetwork'>;

const blankIpam = (): IpamEntry => ({ subnet: '', ipRange: '', gateway: '', auxAddresses: '' });

type Text = FormTextOf['createNetwork'];

/** The texts of the driver-option helpers (labels kept free of the words other fields are found by, such as "name"). */
const HELPER_LABELS: Record<string, keyof Text> = {
  'com.docker.network.bridge.name': 'helperBridgeName',
  'com.docker.network.driver.mtu': 'helperMtu',
  'com.docker.network.bridge.enable_icc': 'helperIcc',
  'com.docker.network.bridge.enable_ip_masquerade': 'helperMasquerade',
  'com.docker.network.bridge.host_binding_ipv4': 'helperHostBinding',
  parent: 'helperParent',
  macvlan_mode: 'helperMacvlanMode',
  ipvlan_mode: 'helperIpvlanMode',
  ipvlan_flag: 'helperIpvlanFlag',
  'com.docker.network.bridge.gateway_mode_ipv4': 'helperGatewayMode4',
  'com.docker.network.bridge.gateway_mode_ipv6': 'helperGatewayMode6',
  'com.docker.network.bridge.trusted_host_interfaces': 'helperTrusted',
};

const HELPER_HELP: Record<string, keyof Text> = {
  'com.docker.network.bridge.name': 'helpBridgeName',
  'com.docker.network.driver.mtu': 'helpMtu',
  'com.docker.network.bridge.enable_icc': 'helpIcc',
  'com.docker.network.bridge.enable_ip_masquerade': 'helpMasquerade',
  'com.docker.network.bridge.host_binding_ipv4': 'helpHostBinding',
  parent: 'helpParent',
  'com.docker.network.bridge.gateway_mode_ipv4': 'helpGatewayMode4',
  'com.docker.network.bridge.gateway_mode_ipv6': 'helpGatewayMode6',
  'com.docker.network.bridge.trusted_host_interfaces': 'helpTrusted',
};

function helperLabel(helper: DriverOptionHelper): string {
  const key = HELPER_LABELS[helper.key];
  return key ? texts<Text>()[key] : helper.label;
}

/** The helpers shown in the driver-options box: those of the driver, minus the options that have fields of their own. */
function helpersFor(ui: Ui): DriverOptionHelper[] {
  const driver = ui.form.driver.trim() || 'bridge';
  return ui.options.driverOptionHelpers.filter((o) => o.drivers.includes(driver) && o.field === undefined);
}

function capabilities(ui: Ui): CreateNetworkCapabilities {
  return readCreateNetworkCapabilities(ui.options.capabilities);
}

function helpText(key: string): string {
  const help = HELPER_HELP[key];
  return `${help ? `${texts<Text>()[help]} ` : ''}(${key})`;
}

/** Routing modes and trusted host interfaces: bridge only, and only where the engine has them. */
function bridgeFields(ui: Ui, driver: string): HTMLElement[] {
  const f = ui.form;
  const caps = capabilities(ui);
  const out: HTMLElement[] = [];
  for (const helper of ui.options.driverOptionHelpers) {
    if (helper.field === undefined) continue;
    const value = f[helper.field].trim();
    const label = helperLabel(helper);
    if (helper.field === 'trustedHostInterfaces') {
      if ((driver === 'bridge' && caps.trustedHostInterfaces) || value !== '') {
        out.push(ui.text(helper.field, label, { code: true, placeholder: 'eth1:wg0', help: helpText(helper.key) }));
      }
      continue;
    }
    const familyOn = helper.field === 'gatewayModeIPv4' ? f.enableIPv4 : f.enableIPv6;
    if ((driver === 'bridge' && caps.gatewayModes.length > 0 && familyOn) || value !== '') {
      out.push(ui.select(helper.field, label, caps.gatewayModes.map((m) => ({ value: m, label: m })), {
        empty: texts<Text>().engineDefaultNat, help: helpText(helper.key),
      }));
    }
  }
  return out;
}

function helperId(key: string): string {
  return `helper-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function helperField(ui: Ui, helper: DriverOptionHelper): HTMLElement {
  const rows = ui.form.driverOptions;
  const current = rows.find((r) => r.key.trim() === helper.key)?.value ?? '';
  const label = helperLabel(helper);
  const help = helpText(helper.key);
  const set = (value: string, structural: boolean): void => {
    const i = rows.findIndex((r) => r.key.trim() === helper.key);
    if (value === '') {
      if (i >= 0) rows.splice(i, 1);
      ui.changed('driverOptions', true);
      return;
    }
    if (i >= 0) rows[i].value = value;
    else rows.push({ key: helper.key, value });
    ui.changed(`driverOptions[${i >= 0 ? i : rows.length - 1}].value`, structural);
  };
  let control: HTMLInputElement | HTMLSelectElement;
  if (helper.kind === 'boolean' || helper.kind === 'choice') {
    const sel = h('select', {});
    const choices = helper.kind === 'boolean' ? ['true', 'false'] : [...(helper.choices ?? [])];
    sel.append(h('option', { value: '' }, texts<Text>().engineDefault));
    if (current !== '' && !choices.includes(current)) choices.unshift(current);
    for (const c of choices) sel.append(h('option', { value: c }, c));
    sel.value = current;
    sel.addEventListener('change', () => set(sel.value, true));
    control = sel;
  } else {
    const input = h('input', {
      type: 'text', spellcheck: 'false', autocomplete: 'off',
      inputmode: helper.kind === 'mtu' ? 'numeric' : undefined,
      placeholder: helper.kind === 'mtu' ? '1500' : helper.kind === 'ipv4' ? '0.0.0.0' : helper.kind === 'interface' ? 'eth0' : undefined,
    });
    input.value = current;
    input.classList.add('code');
    input.addEventListener('input', () => set(input.value, input.value === ''));
    control = input;
  }
  return ui.custom(helperId(helper.key), label, control, { help });
}

function ipamRows(ui: Ui, family: 'ipv4' | 'ipv6'): HTMLElement[] {
  const t = texts<Text>();
  const fam = family === 'ipv4' ? 'IPv4' : 'IPv6';
  const entries = ui.form[family];
  const eg = family === 'ipv4'
    ? { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', aux: 'router=172.28.1.5' }
    : { subnet: 'fd00:28::/64', ipRange: 'fd00:28::/80', gateway: 'fd00:28::1', aux: 'router=fd00:28::5' };
  return entries.map((_e, i) => {
    const n = i + 1;
    const base = `${family}[${i}]`;
    const remove = ui.button(t.remove, () => ui.removeRow(family, i), { className: 'secondary remove', 'aria-label': fmt(t.ipamRemove, fam, n) });
    return h('div', { className: 'ipam-row', role: 'group', 'aria-label': fmt(t.ipamGroup, fam, n) },
      h('div', { className: 'grid' },
        ui.text(`${base}.subnet`, rowLabel(t.subnet, n, fam), { placeholder: eg.subnet, code: true, help: n === 1 ? t.subnetHelp : undefined }),
        ui.text(`${base}.ipRange`, rowLabel(t.ipRange, n, fam), { placeholder: eg.ipRange, code: true, help: n === 1 ? t.ipRangeHelp : undefined }),
        ui.text(`${base}.gateway`, rowLabel(t.gateway, n, fam), { placeholder: eg.gateway, code: true, help: n === 1 ? t.gatewayHelp : undefined })),
      family === 'ipv4'
        ? ui.suggest(`${base}.subnet`, t.suggestSubnet, t.suggestSubnetTitle)
        : undefined,
      ui.textarea(`${base}.auxAddresses`, rowLabel(t.aux, n, fam), {
        placeholder: eg.aux, code: true, rows: 2, help: t.auxHelp,
      }),
      remove);
  });
}

function render(ui: Ui): Node[] {
  const t = texts<Text>();
  const f = ui.form;
  const o = ui.options;
  const driver = f.driver.trim() || 'bridge';
  const out: Node[] = [];

  out.push(h('fieldset', {},
    h('legend', {}, t.network),
    ui.text('name', t.name, { autofocus: true, placeholder: 'my-net', code: true, help: t.nameHelp }),
    ui.select('driver', t.driver, o.drivers.map((d) => ({ value: d, label: d })), { help: t.driverHelp }),
    o.swarmManager
      ? ui.select('scope', t.scope, o.scopes.map((s) => ({ value: s, label: s === '' ? t.driverDefault : s })), { help: t.scopeHelp })
      : undefined,
  ));

  const caps = capabilities(ui);
  // With IPv4 off the rows go away, unless one holds something (its error then says to remove it).
  const showIpv4Rows = f.enableIPv4 || f.ipv4.some((e) => e.subnet.trim() !== '' || e.ipRange.trim() !== '' || e.gateway.trim() !== '' || e.auxAddresses.trim() !== '');
  out.push(h('fieldset', { id: fieldId('ipv4') },
    h('legend', {}, t.ipv4),
    caps.enableIPv4 || !f.enableIPv4
      ? ui.checkbox('enableIPv4', t.enableIPv4, { help: t.enableIPv4Help })
      : undefined,
    ...(showIpv4Rows ? ipamRows(ui, 'ipv4') : []),
    ui.listError('ipv4'),
    f.enableIPv4
      ? ui.button(t.addIPv4, () => ui.addRow('ipv4', blankIpam(), `ipv4[${f.ipv4.length}].subnet`), { className: 'secondary add', id: `${fieldId('ipv4')}-add` })
      : undefined,
  ));

  out.push(h('fieldset', { id: fieldId('ipv6') },
    h('legend', {}, t.ipv6),
    ui.checkbox('enableIPv6', t.enableIPv6, { help: caps.ipv6DefaultPool ? t.enableIPv6HelpPool : t.enableIPv6HelpNoPool }),
    ...ipamRows(ui, 'ipv6'),
    ui.listError('ipv6'),
    ui.button(t.addIPv6, () => ui.addRow('ipv6', blankIpam(), `ipv6[${f.ipv6.length}].subnet`), { className: 'secondary add', id: `${fieldId('ipv6')}-add` }),
  ));

  const configOnly = o.configOnlyNetworks;
  out.push(h('fieldset', {},
    h('legend', {}, t.behaviour),
    ui.checkbox('internal', t.internal, { help: t.internalHelp }),
    ui.checkbox('attachable', t.attachable, { help: t.attachableHelp }),
    driver === 'overlay' || f.ingress ? ui.checkbox('ingress', t.ingress, { help: t.ingressHelp }) : undefined,
    ui.checkbox('configOnly', t.configOnly, { help: t.configOnlyHelp }),
    ui.select('configFrom', t.configFrom, configOnly, {
      empty: configOnly.length > 0 ? t.noneChoice : t.noneChoiceEmpty, help: t.configFromHelp,
    }),
  ));

  out.push(h('fieldset', {},
    h('legend', {}, t.ipam),
    ui.text('ipamDriver', t.ipamPlugin, { placeholder: 'default', code: true, suggestions: o.ipamDrivers, help: t.ipamPluginHelp }),
    ui.keyValues({
      path: 'ipamOptions', legend: t.ipamOptions, ...rowTexts(t.ipamOptionKey, t.ipamOptionValue, t.ipamOptionRemove, t.ipamOptionAdd),
    }),
  ));

  const helpers = helpersFor(ui);
  const helperKeys = new Set(helpers.map((x) => x.key));
  const dedicated = bridgeFields(ui, driver);
  out.push(h('fieldset', { className: 'driver-options' },
    h('legend', {}, fmt(t.driverOptions, driver)),
    helpers.length > 0 ? h('div', { className: 'grid' }, ...helpers.map((x) => helperField(ui, x))) : undefined,
    dedicated.length > 0 ? h('div', { className: 'grid' }, ...dedicated) : undefined,
    ui.keyValues({
      path: 'driverOptions', legend: t.otherOptions, ...rowTexts(t.optionKey, t.optionValue, t.optionRemove, t.optionAdd), hide: (k) => helperKeys.has(k),
      keyPlaceholder: 'com.docker.network.…', help: t.otherOptionsHelp,
    }),
  ));

  out.push(labelsField(ui));
  return out;
}

startForm<'createNetwork'>({
  kind: 'createNetwork',
  render,
  normalize(form: CreateNetworkForm) {
    if (form.ipv4.length === 0 && form.enableIPv4) form.ipv4.push(blankIpam());
  },
  errorTargets(form: CreateNetworkForm) {
    const m = new Map<string, string>();
    form.driverOptions.forEach((r, i) => {
      if (document.getElementById(helperId(r.key.trim()))) {
        m.set(`driverOptions[${i}].value`, helperId(r.key.trim()));
        m.set(`driverOptions[${i}].key`, helperId(r.key.trim()));
      }
    });
    return m;
  },
});

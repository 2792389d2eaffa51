// The Create Network form (`docker network create`). Field labels are what Playwright's getByLabel finds: `Name`,
// `Driver`, and for the first IPv4 configuration `Subnet`, `IP range`, `Gateway`. No other label contains those
// words, so a non-exact getByLabel still finds exactly one field. The fields of engines 27–29 (`Enable IPv4`,
// `IPv4 routing mode`, `IPv6 routing mode`, `Trusted host interfaces`) show only where the host's capabilities
// say the engine has them (or the form already holds a value, so it can be seen and cleared).
import type { CreateNetworkForm, IpamEntry } from '../core/forms';
import type { DriverOptionHelper } from '../core/driverOptions';
import { fieldId, readCreateNetworkCapabilities, type CreateNetworkCapabilities } from '../protocol/messages';
import { h } from './lib/dom';
import { labelsField, rowLabel, rowTexts, startForm, type FormUi } from './lib/form';

type Ui = FormUi<'createNetwork'>;

const blankIpam = (): IpamEntry => ({ subnet: '', ipRange: '', gateway: '', auxAddresses: '' });

/** Labels of the driver-option helpers (kept free of the words other fields are found by, such as "name"). */
const HELPER_LABELS: Record<string, string> = {
  'com.docker.network.bridge.name': 'Bridge interface',
  'com.docker.network.driver.mtu': 'MTU',
  'com.docker.network.bridge.enable_icc': 'Inter-container communication (ICC)',
  'com.docker.network.bridge.enable_ip_masquerade': 'IP masquerade',
  'com.docker.network.bridge.host_binding_ipv4': 'Host binding IPv4',
  parent: 'Parent interface',
  macvlan_mode: 'Macvlan mode',
  ipvlan_mode: 'IPvlan mode',
  ipvlan_flag: 'IPvlan flag',
  'com.docker.network.bridge.gateway_mode_ipv4': 'IPv4 routing mode',
  'com.docker.network.bridge.gateway_mode_ipv6': 'IPv6 routing mode',
  'com.docker.network.bridge.trusted_host_interfaces': 'Trusted host interfaces',
};

const HELPER_HELP: Record<string, string> = {
  'com.docker.network.bridge.name': 'The Linux bridge to create, at most 15 characters. Empty: br-<network id>.',
  'com.docker.network.driver.mtu': 'Largest packet size on this network, e.g. 1450.',
  'com.docker.network.bridge.enable_icc': 'Whether containers on this network may talk to each other.',
  'com.docker.network.bridge.enable_ip_masquerade': 'Whether outgoing traffic is NATed to the host\'s address.',
  'com.docker.network.bridge.host_binding_ipv4': 'Default host address for published ports, e.g. 127.0.0.1.',
  parent: 'Host interface the network hangs off, e.g. eth0 or eth0.10 (a VLAN).',
  'com.docker.network.bridge.gateway_mode_ipv4': 'The bridge\'s gateway mode. nat (default): masqueraded, only published ports reachable from outside; nat-unprotected: every container port reachable; routed: no NAT, containers reached at their own address; isolated: no address on the host (internal networks only).',
  'com.docker.network.bridge.gateway_mode_ipv6': 'The same choice for IPv6 (nat, nat-unprotected, routed, isolated).',
  'com.docker.network.bridge.trusted_host_interfaces': 'Host interfaces allowed to reach container ports directly (e.g. a VPN), separated by ":", e.g. eth1:wg0.',
};

/** The helpers shown in the driver-options box: those of the driver, minus the options that have fields of their own. */
function helpersFor(ui: Ui): DriverOptionHelper[] {
  const driver = ui.form.driver.trim() || 'bridge';
  return ui.options.driverOptionHelpers.filter((o) => o.drivers.includes(driver) && o.field === undefined);
}

function capabilities(ui: Ui): CreateNetworkCapabilities {
  return readCreateNetworkCapabilities(ui.options.capabilities);
}

function helpText(key: string): string {
  return `${HELPER_HELP[key] ? `${HELPER_HELP[key]} ` : ''}(${key})`;
}

/** Routing modes and trusted host interfaces: bridge only, and only where the engine has them. */
function bridgeFields(ui: Ui, driver: string): HTMLElement[] {
  const f = ui.form;
  const caps = capabilities(ui);
  const out: HTMLElement[] = [];
  for (const helper of ui.options.driverOptionHelpers) {
    if (helper.field === undefined) continue;
    const value = f[helper.field].trim();
    const label = HELPER_LABELS[helper.key] ?? helper.label;
    if (helper.field === 'trustedHostInterfaces') {
      if ((driver === 'bridge' && caps.trustedHostInterfaces) || value !== '') {
        out.push(ui.text(helper.field, label, { code: true, placeholder: 'eth1:wg0', help: helpText(helper.key) }));
      }
      continue;
    }
    const familyOn = helper.field === 'gatewayModeIPv4' ? f.enableIPv4 : f.enableIPv6;
    if ((driver === 'bridge' && caps.gatewayModes.length > 0 && familyOn) || value !== '') {
      out.push(ui.select(helper.field, label, caps.gatewayModes.map((m) => ({ value: m, label: m })), {
        empty: '(engine default: nat)', help: helpText(helper.key),
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
  const label = HELPER_LABELS[helper.key] ?? helper.label;
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
    sel.append(h('option', { value: '' }, '(engine default)'));
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
  const fam = family === 'ipv4' ? 'IPv4' : 'IPv6';
  const entries = ui.form[family];
  const eg = family === 'ipv4'
    ? { subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', aux: 'router=172.28.1.5' }
    : { subnet: 'fd00:28::/64', ipRange: 'fd00:28::/80', gateway: 'fd00:28::1', aux: 'router=fd00:28::5' };
  return entries.map((_e, i) => {
    const n = i + 1;
    const base = `${family}[${i}]`;
    const remove = ui.button('Remove', () => ui.removeRow(family, i), { className: 'secondary remove', 'aria-label': `Remove ${fam} configuration #${n}` });
    return h('div', { className: 'ipam-row', role: 'group', 'aria-label': `${fam} configuration #${n}` },
      h('div', { className: 'grid' },
        ui.text(`${base}.subnet`, rowLabel('Subnet', n, fam), { placeholder: eg.subnet, code: true, help: n === 1 ? 'CIDR block of the network.' : undefined }),
        ui.text(`${base}.ipRange`, rowLabel('IP range', n, fam), { placeholder: eg.ipRange, code: true, help: n === 1 ? 'Containers get addresses from this block, inside the subnet.' : undefined }),
        ui.text(`${base}.gateway`, rowLabel('Gateway', n, fam), { placeholder: eg.gateway, code: true, help: n === 1 ? 'Inside the subnet. Empty: the engine picks one.' : undefined })),
      family === 'ipv4'
        ? ui.suggest(`${base}.subnet`, 'Suggest a free subnet', 'The first free block of Docker\'s default address pools. Type a prefix (e.g. /24) in Subnet first for that size.')
        : undefined,
      ui.textarea(`${base}.auxAddresses`, rowLabel('Auxiliary addresses', n, fam), {
        placeholder: eg.aux, code: true, rows: 2, help: 'Addresses the engine must not hand out: one name=IP per line.',
      }),
      remove);
  });
}

function render(ui: Ui): Node[] {
  const f = ui.form;
  const o = ui.options;
  const driver = f.driver.trim() || 'bridge';
  const out: Node[] = [];

  out.push(h('fieldset', {},
    h('legend', {}, 'Network'),
    ui.text('name', 'Name', { autofocus: true, placeholder: 'my-net', code: true, help: 'Letters, digits, "_", "." and "-".' }),
    ui.select('driver', 'Driver', o.drivers.map((d) => ({ value: d, label: d })), {
      help: 'The engine\'s network drivers. host and null are never offered: the engine has exactly one network of each.',
    }),
    o.swarmManager
      ? ui.select('scope', 'Scope', o.scopes.map((s) => ({ value: s, label: s === '' ? 'driver default' : s })), { help: 'swarm: the network spans the Swarm.' })
      : undefined,
  ));

  const caps = capabilities(ui);
  // With IPv4 off the rows go away, unless one holds something (its error then says to remove it).
  const showIpv4Rows = f.enableIPv4 || f.ipv4.some((e) => e.subnet.trim() !== '' || e.ipRange.trim() !== '' || e.gateway.trim() !== '' || e.auxAddresses.trim() !== '');
  out.push(h('fieldset', { id: fieldId('ipv4') },
    h('legend', {}, 'IPv4 addressing'),
    caps.enableIPv4 || !f.enableIPv4
      ? ui.checkbox('enableIPv4', 'Enable IPv4', { help: 'Untick for an IPv6-only network (--ipv4=false); it then needs IPv6.' })
      : undefined,
    ...(showIpv4Rows ? ipamRows(ui, 'ipv4') : []),
    ui.listError('ipv4'),
    f.enableIPv4
      ? ui.button('Add IPv4 subnet', () => ui.addRow('ipv4', blankIpam(), `ipv4[${f.ipv4.length}].subnet`), { className: 'secondary add', id: `${fieldId('ipv4')}-add` })
      : undefined,
  ));

  out.push(h('fieldset', { id: fieldId('ipv6') },
    h('legend', {}, 'IPv6 addressing'),
    ui.checkbox('enableIPv6', 'Enable IPv6', {
      help: caps.ipv6DefaultPool
        ? 'Needed for any IPv6 subnet. Without a subnet the engine takes one from its default pool.'
        : 'Needed for any IPv6 subnet; this engine has no default IPv6 pool, so give a subnet.',
    }),
    ...ipamRows(ui, 'ipv6'),
    ui.listError('ipv6'),
    ui.button('Add IPv6 subnet', () => ui.addRow('ipv6', blankIpam(), `ipv6[${f.ipv6.length}].subnet`), { className: 'secondary add', id: `${fieldId('ipv6')}-add` }),
  ));

  const configOnly = o.configOnlyNetworks;
  out.push(h('fieldset', {},
    h('legend', {}, 'Behaviour'),
    ui.checkbox('internal', 'Internal', { help: 'No route to the outside: containers reach only each other.' }),
    ui.checkbox('attachable', 'Attachable', { help: 'Swarm networks only: standalone containers may join, not just services.' }),
    driver === 'overlay' || f.ingress ? ui.checkbox('ingress', 'Ingress', { help: 'The Swarm routing-mesh network (overlay only; one per Swarm).' }) : undefined,
    ui.checkbox('configOnly', 'Config only', { help: 'Holds addressing and options for other networks; carries no containers.' }),
    ui.select('configFrom', 'Config from', configOnly, {
      empty: configOnly.length > 0 ? '(none)' : '(none: no config-only networks)',
      help: 'Take addressing and options from a config-only network.',
    }),
  ));

  out.push(h('fieldset', {},
    h('legend', {}, 'IP address management (IPAM)'),
    ui.text('ipamDriver', 'IPAM plugin', { placeholder: 'default', code: true, suggestions: o.ipamDrivers, help: '--ipam-driver. Empty: the engine\'s default.' }),
    ui.keyValues({
      path: 'ipamOptions', legend: 'IPAM options', ...rowTexts('IPAM option key', 'IPAM option value', 'IPAM option'),
    }),
  ));

  const helpers = helpersFor(ui);
  const helperKeys = new Set(helpers.map((x) => x.key));
  const dedicated = bridgeFields(ui, driver);
  out.push(h('fieldset', { className: 'driver-options' },
    h('legend', {}, `Options for the ${driver} driver`),
    helpers.length > 0 ? h('div', { className: 'grid' }, ...helpers.map((x) => helperField(ui, x))) : undefined,
    dedicated.length > 0 ? h('div', { className: 'grid' }, ...dedicated) : undefined,
    ui.keyValues({
      path: 'driverOptions', legend: 'Other options', ...rowTexts('Option key', 'Option value', 'option'), hide: (k) => helperKeys.has(k),
      keyPlaceholder: 'com.docker.network.…', help: 'Passed to the driver as --opt key=value.',
    }),
  ));

  out.push(labelsField(ui));
  return out;
}

startForm<'createNetwork'>({
  kind: 'createNetwork',
  intro: 'Checked against the engine as you type; nothing is created until every field is right.',
  submitText: 'Create',
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

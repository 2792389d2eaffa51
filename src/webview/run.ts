// The Run Container form (`docker run -d`). Labels: `Image`, `Name`, `Network`, `IPv4 address`, `IPv6 address`,
// `Aliases`, `Route priority` (API 1.48); each published port is `Host port` → `Container port` (host side first,
// like -p HOST:CONTAINER); `Publish all exposed ports` is -P.
import type { PortEntry } from '../core/forms';
import { fieldId, readEndpointCapabilities } from '../protocol/messages';
import { h } from './lib/dom';
import { labelsField, routePriorityField, rowLabel, rowTexts, startForm, type FormUi } from './lib/form';

type Ui = FormUi<'run'>;

const blankPort = (): PortEntry => ({ hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' });
const PROTOCOLS = ['tcp', 'udp', 'sctp'].map((p) => ({ value: p, label: p }));

function portRows(ui: Ui): HTMLElement[] {
  return ui.form.ports.map((_p, i) => {
    const n = i + 1;
    const base = `ports[${i}]`;
    return h('div', { className: 'port-row', role: 'group', 'aria-label': `Published port #${n}` },
      ui.text(`${base}.hostIp`, rowLabel('Host IP', n), { code: true, placeholder: '0.0.0.0', className: 'port-ip' }),
      ui.text(`${base}.hostPort`, rowLabel('Host port', n), { code: true, inputMode: 'numeric', placeholder: '8080', className: 'port-num' }),
      h('span', { className: 'arrow', 'aria-hidden': 'true', title: 'host → container' }, '→'),
      ui.text(`${base}.containerPort`, rowLabel('Container port', n), { code: true, inputMode: 'numeric', placeholder: '80', className: 'port-num' }),
      ui.select(`${base}.protocol`, rowLabel('Protocol', n), PROTOCOLS, { className: 'port-proto' }),
      ui.button('Remove', () => ui.removeRow('ports', i), { className: 'secondary remove', 'aria-label': `Remove port mapping #${n}` }));
  });
}

function render(ui: Ui): Node[] {
  const f = ui.form;
  const o = ui.options;
  const shared = f.network.startsWith('container:');
  const noEndpoint = shared || f.network === 'host' || f.network === 'none';
  return [
    h('fieldset', {},
      h('legend', {}, 'Container'),
      ui.select('image', 'Image', o.images, { empty: 'Choose a local image…', autofocus: true, help: 'Images on this engine (nothing is pulled).' }),
      ui.text('name', 'Name', { code: true, placeholder: 'web', help: 'Empty: the engine picks one.' }),
      ui.text('command', 'Command', { code: true, placeholder: 'sleep 3600', help: 'Split like a shell does (quotes group words); nothing is expanded or run by a shell. Empty: the image\'s default.' }),
    ),
    h('fieldset', {},
      h('legend', {}, 'Network'),
      ui.select('network', 'Network', o.networks, { help: 'Where the container starts. host, none and container: modes cannot take addresses or aliases.' }),
      shared ? undefined : h('div', { className: 'grid' },
        ui.text('ipv4Address', 'IPv4 address', { code: true, placeholder: '172.28.5.10', help: '--ip. Needs a user-defined network with a subnet.' }),
        ui.text('ipv6Address', 'IPv6 address', { code: true, placeholder: 'fd00:28::10', help: '--ip6.' })),
      noEndpoint ? undefined : h('div', { className: 'grid' },
        ui.suggest('ipv4Address', 'Next free address', 'Fill in the first free IPv4 address of the chosen network'),
        ui.suggest('ipv6Address', 'Next free IPv6 address', 'Fill in the first free IPv6 address of the chosen network')),
      shared ? undefined : ui.text('aliases', 'Aliases', { code: true, placeholder: 'web, www', help: '--network-alias. Comma or space separated; user-defined networks only.' }),
      noEndpoint && f.gwPriority.trim() === '' ? undefined : routePriorityField(ui, readEndpointCapabilities(o.capabilities), '--network name=NET,gw-priority=N'),
    ),
    h('fieldset', { id: fieldId('ports'), className: 'ports' },
      h('legend', {}, 'Published ports'),
      h('p', { className: 'help', id: 'ports-help' }, 'Host side first, like -p HOST:CONTAINER: traffic to the host port goes to the container port. Host IP empty: every address of the host.'),
      ...portRows(ui),
      ui.listError('ports'),
      ui.button('Add port', () => ui.addRow('ports', blankPort(), `ports[${f.ports.length}].hostPort`), { className: 'secondary add', id: `${fieldId('ports')}-add` }),
      ui.checkbox('publishAll', 'Publish all exposed ports', {
        help: '-P: each port the image exposes (EXPOSE) gets a free host port the engine picks on every address; they are shown once it has started. An image that exposes no ports gets none.',
      }),
    ),
    ui.keyValues({
      path: 'env', legend: 'Environment', ...rowTexts('Environment variable', 'Environment value', 'variable'), keyPlaceholder: 'KEY',
    }),
    labelsField(ui),
  ];
}

startForm<'run'>({
  kind: 'run',
  intro: 'Starts a container in the background (docker run -d). Checked against the engine as you type.',
  submitText: 'Run',
  render,
  normalize(form) {
    if (form.ports.length === 0) form.ports.push(blankPort());
  },
});

// The Run Container form (`docker run -d`). Labels: `Image`, `Name`, `Network`, `IPv4 address`, `IPv6 address`,
// `Aliases`, `Route priority` (API 1.48); each published port is `Host port` → `Container port` (host side first,
// like -p HOST:CONTAINER); `Publish all exposed ports` is -P. The words: src/core/pageText/runForm.ts.
import type { PortEntry } from '../core/forms';
import { fieldId, readEndpointCapabilities } from '../protocol/messages';
import type { FormTextOf } from '../core/pageText/forms';
import { h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { labelsField, routePriorityField, rowLabel, rowTexts, startForm, type FormUi } from './lib/form';

type Ui = FormUi<'run'>;
type Text = FormTextOf['run'];

const blankPort = (): PortEntry => ({ hostIp: '', hostPort: '', containerPort: '', protocol: 'tcp' });
const PROTOCOLS = ['tcp', 'udp', 'sctp'].map((p) => ({ value: p, label: p }));

function portRows(t: Text, ui: Ui): HTMLElement[] {
  return ui.form.ports.map((_p, i) => {
    const n = i + 1;
    const base = `ports[${i}]`;
    return h('div', { className: 'port-row', role: 'group', 'aria-label': fmt(t.portGroup, n) },
      ui.text(`${base}.hostIp`, rowLabel(t.hostIp, n), { code: true, placeholder: '0.0.0.0', className: 'port-ip' }),
      ui.text(`${base}.hostPort`, rowLabel(t.hostPort, n), { code: true, inputMode: 'numeric', placeholder: '8080', className: 'port-num' }),
      h('span', { className: 'arrow', 'aria-hidden': 'true', title: t.arrowTitle }, '→'),
      ui.text(`${base}.containerPort`, rowLabel(t.containerPort, n), { code: true, inputMode: 'numeric', placeholder: '80', className: 'port-num' }),
      ui.select(`${base}.protocol`, rowLabel(t.protocol, n), PROTOCOLS, { className: 'port-proto' }),
      ui.button(t.remove, () => ui.removeRow('ports', i), { className: 'secondary remove', 'aria-label': fmt(t.portRemove, n) }));
  });
}

function render(ui: Ui): Node[] {
  const t = texts<Text>();
  const f = ui.form;
  const o = ui.options;
  const shared = f.network.startsWith('container:');
  const noEndpoint = shared || f.network === 'host' || f.network === 'none';
  return [
    h('fieldset', {},
      h('legend', {}, t.container),
      ui.select('image', t.image, o.images, { empty: t.chooseImage, autofocus: true, help: t.imageHelp }),
      ui.text('name', t.name, { code: true, placeholder: 'web', help: t.nameHelp }),
      ui.text('command', t.command, { code: true, placeholder: 'sleep 3600', help: t.commandHelp }),
    ),
    h('fieldset', {},
      h('legend', {}, t.network),
      ui.select('network', t.network, o.networks, { help: t.networkHelp }),
      shared ? undefined : h('div', { className: 'grid' },
        ui.text('ipv4Address', t.ipv4, { code: true, placeholder: '172.28.5.10', help: t.ipv4Help }),
        ui.text('ipv6Address', t.ipv6, { code: true, placeholder: 'fd00:28::10', help: t.ipv6Help })),
      noEndpoint ? undefined : h('div', { className: 'grid' },
        ui.suggest('ipv4Address', t.nextFree, t.nextFreeTitle),
        ui.suggest('ipv6Address', t.nextFree6, t.nextFree6Title)),
      shared ? undefined : ui.text('aliases', t.aliases, { code: true, placeholder: 'web, www', help: t.aliasesHelp }),
      noEndpoint && f.gwPriority.trim() === '' ? undefined : routePriorityField(ui, readEndpointCapabilities(o.capabilities), '--network name=NET,gw-priority=N'),
    ),
    h('fieldset', { id: fieldId('ports'), className: 'ports' },
      h('legend', {}, t.ports),
      h('p', { className: 'help', id: 'ports-help' }, t.portsHelp),
      ...portRows(t, ui),
      ui.listError('ports'),
      ui.button(t.addPort, () => ui.addRow('ports', blankPort(), `ports[${f.ports.length}].hostPort`), { className: 'secondary add', id: `${fieldId('ports')}-add` }),
      ui.checkbox('publishAll', t.publishAll, { help: t.publishAllHelp }),
    ),
    ui.keyValues({
      path: 'env', legend: t.environment, ...rowTexts(t.envKey, t.envValue, t.envRemove, t.envAdd), keyPlaceholder: 'KEY',
    }),
    labelsField(ui),
  ];
}

startForm<'run'>({
  kind: 'run',
  render,
  normalize(form) {
    if (form.ports.length === 0) form.ports.push(blankPort());
  },
});

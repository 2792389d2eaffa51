// The Connect Container form (`docker network connect`). Labels: `Container`, `Network`, `IPv4 address`,
// `IPv6 address`, `Aliases`, and `Route priority` where the engine has it (API 1.48); the submit button reads `Connect`.
import { readEndpointCapabilities } from '../protocol/messages';
import { h } from './lib/dom';
import { routePriorityField, rowTexts, startForm, type FormUi } from './lib/form';

function render(ui: FormUi<'connect'>): Node[] {
  const f = ui.form;
  const o = ui.options;
  // Never offer a network the chosen container is already on (the one in the form stays, so it can be changed).
  const on = new Set(o.attached[f.container] ?? []);
  const networks = o.networks.filter((n) => n.value === f.network || !on.has(n.value));
  return [
    h('fieldset', {},
      h('legend', {}, 'What to connect'),
      ui.select('container', 'Container', o.containers, {
        empty: 'Choose a running container…', autofocus: f.container === '',
        help: 'Running containers with their own network stack (not host, none or container: mode).',
      }),
      ui.select('network', 'Network', networks, { empty: 'Choose a network…', help: 'Networks the container is not on yet.' }),
    ),
    h('fieldset', {},
      h('legend', {}, 'Endpoint on this network'),
      h('div', { className: 'grid' },
        ui.text('ipv4Address', 'IPv4 address', {
          code: true, placeholder: '172.28.5.20', autofocus: f.container !== '',
          help: '--ip. Inside the network\'s subnet and free. Empty: the engine picks one.',
        }),
        ui.text('ipv6Address', 'IPv6 address', { code: true, placeholder: 'fd00:28::20', help: '--ip6. Only on a network with IPv6.' })),
      h('div', { className: 'grid' },
        ui.suggest('ipv4Address', 'Next free address', 'Fill in the first free IPv4 address of the chosen network'),
        ui.suggest('ipv6Address', 'Next free IPv6 address', 'Fill in the first free IPv6 address of the chosen network')),
      ui.text('aliases', 'Aliases', { code: true, placeholder: 'db, primary', help: '--alias. Other DNS names for the container on this network (comma or space separated).' }),
      ui.text('links', 'Links', { code: true, placeholder: 'other:alias', help: '--link. Legacy links: container or container:alias, comma separated.' }),
      ui.text('linkLocalIps', 'Link-local IPs', { code: true, placeholder: '169.254.10.10', help: '--link-local-ip. Addresses in 169.254.0.0/16 or fe80::/10.' }),
      routePriorityField(ui, readEndpointCapabilities(o.capabilities), '--gw-priority'),
    ),
    ui.keyValues({
      path: 'driverOptions', legend: 'Driver options', ...rowTexts('Option key', 'Option value', 'option'),
      help: '--driver-opt key=value, passed to the network driver.',
    }),
  ];
}

startForm<'connect'>({
  kind: 'connect',
  intro: 'Attaches a running container to one more network. Checked against the engine as you type.',
  submitText: 'Connect',
  render,
});

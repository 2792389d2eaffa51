// The Connect Container form (`docker network connect`). Labels: `Container`, `Network`, `IPv4 address`,
// `IPv6 address`, `Aliases`, and `Route priority` where the engine has it (API 1.48); the submit button reads `Connect`.
// The words: src/core/pageText/connectForm.ts.
import { readEndpointCapabilities } from '../protocol/messages';
import type { FormTextOf } from '../core/pageText/forms';
import { h } from './lib/dom';
import { texts } from './lib/text';
import { routePriorityField, rowTexts, startForm, type FormUi } from './lib/form';

function render(ui: FormUi<'connect'>): Node[] {
  const t = texts<FormTextOf['connect']>();
  const f = ui.form;
  const o = ui.options;
  // Never offer a network the chosen container is already on (the one in the form stays, so it can be changed).
  const on = new Set(o.attached[f.container] ?? []);
  const networks = o.networks.filter((n) => n.value === f.network || !on.has(n.value));
  return [
    h('fieldset', {},
      h('legend', {}, t.what),
      ui.select('container', t.container, o.containers, {
        empty: t.chooseContainer, autofocus: f.container === '', help: t.containerHelp,
      }),
      ui.select('network', t.network, networks, { empty: t.chooseNetwork, help: t.networkHelp }),
    ),
    h('fieldset', {},
      h('legend', {}, t.endpoint),
      h('div', { className: 'grid' },
        ui.text('ipv4Address', t.ipv4, { code: true, placeholder: '172.28.5.20', autofocus: f.container !== '', help: t.ipv4Help }),
        ui.text('ipv6Address', t.ipv6, { code: true, placeholder: 'fd00:28::20', help: t.ipv6Help })),
      h('div', { className: 'grid' },
        ui.suggest('ipv4Address', t.nextFree, t.nextFreeTitle),
        ui.suggest('ipv6Address', t.nextFree6, t.nextFree6Title)),
      ui.text('aliases', t.aliases, { code: true, placeholder: 'db, primary', help: t.aliasesHelp }),
      ui.text('links', t.links, { code: true, placeholder: 'other:alias', help: t.linksHelp }),
      ui.text('linkLocalIps', t.linkLocal, { code: true, placeholder: '169.254.10.10', help: t.linkLocalHelp }),
      routePriorityField(ui, readEndpointCapabilities(o.capabilities), '--gw-priority'),
    ),
    ui.keyValues({
      path: 'driverOptions', legend: t.driverOptions, ...rowTexts(t.optionKey, t.optionValue, t.optionRemove, t.optionAdd), help: t.driverOptionsHelp,
    }),
  ];
}

startForm<'connect'>({
  kind: 'connect',
  render,
});

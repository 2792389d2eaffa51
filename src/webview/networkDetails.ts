// Network Details: header, IPAM, bridge interface, driver options, labels and the containers table, with buttons
// that run the extension's commands. Read-only: the host sends the whole picture on every change; the words come
// from the host's table (src/core/pageText/networkDetails.ts).
import type { NetworkDetailsState } from '../core/details';
import type { ViewTextOf } from '../core/pageText/views';
import { append, h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { banner, code, flag, lines, muted, section, startView, table, terms, when, type ViewUi } from './lib/view';

function render(s: NetworkDetailsState, ui: ViewUi<'networkDetails'>): Node[] {
  const t = texts<ViewTextOf['networkDetails']>();
  const n = s.network;
  const gone = s.removed !== undefined;
  const header = h('header', { className: 'view-header' },
    h('h1', {}, n.name),
    h('p', { className: 'intro' }, fmt(n.builtin ? t.introBuiltin : t.intro, n.driver, n.scope, n.shortId)),
    h('p', { className: 'flags' },
      flag(t.internal, n.internal), flag(t.attachable, n.attachable), flag(t.ingress, n.ingress),
      n.driver !== 'null' && n.driver !== 'host' ? flag(t.ipv4, n.enableIPv4) : undefined, flag(t.ipv6, n.enableIPv6),
      n.ipv6Only ? h('span', { className: 'flag flag-on', id: 'ipv6-only' }, t.ipv6Only) : undefined,
      n.configOnly ? flag(t.configOnly, true) : undefined));

  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    ui.button(t.connect, { action: 'connectContainer' }, { id: 'act-connect', disabled: gone || s.cannotConnect !== undefined, title: s.cannotConnect }),
    ui.button(t.createLike, { action: 'createLike' }, { id: 'act-create-like', disabled: gone || !s.canCreateLike }),
    ui.button(t.openJson, { action: 'openJson' }, { id: 'act-json', disabled: gone }),
    ui.button(t.copyCompose, { action: 'copyAsCompose' }, { id: 'act-copy-compose', title: t.copyComposeTitle }),
    ui.button(t.copyCommands, { action: 'copyAsCommands' }, { id: 'act-copy-commands', title: t.copyCommandsTitle }),
    ui.button(t.checkAllPairs, { action: 'checkAllPairs' }, {
      id: 'act-all-pairs', disabled: gone || s.runningCount < 2, title: fmt(t.checkAllPairsTitle, n.name, s.matrixCap),
    }),
    ui.button(t.remove, { action: 'remove' }, {
      id: 'act-remove', className: 'secondary danger', disabled: gone || !s.canRemove,
      title: fmt(s.canRemove ? t.removeTitle : t.removeBuiltin, n.name),
    }));

  const overview = section('overview', t.overview, terms([
    [t.id, code(n.id)],
    [t.driver, code(n.driver)],
    [t.scope, n.scope],
    [t.created, n.created ? when(n.created) : undefined],
    [t.bridge, s.bridgeInterface ? h('span', {}, code(s.bridgeInterface), muted(` ${fmt(t.ipLinkShow, s.bridgeInterface)}`)) : undefined],
    [t.ipamDriver, code(n.ipamDriver)],
    ...s.gatewayModes.map((g): [string, Node] => [fmt(t.gatewayMode, g.family), h('span', {}, code(g.mode), g.text ? muted(` — ${g.text}`) : '')]),
    [t.trustedHost, s.trustedHostInterfaces.length ? lines(s.trustedHostInterfaces) : undefined],
    [t.configFrom, n.configFrom ? code(n.configFrom) : undefined],
    [t.engine, s.engine ? code(s.engine) : undefined],
  ], true));

  const ipam = section('ipam', t.ipam, table(t.ipamCaption,
    [t.family, t.subnet, t.ipRange, t.gateway, t.aux, t.addresses, t.inUseBy],
    s.ipam.map((r) => [r.family, r.subnet ? code(r.subnet) : muted('—'), r.ipRange ? code(r.ipRange) : muted('—'),
      r.gateway ? code(r.gateway) : muted('—'), lines(r.auxAddresses),
      r.usage ? h('span', { title: r.usageSource === 'engine' ? t.usageEngine : t.usageCounted }, r.usage) : muted('—'),
      r.holders.length ? h('span', { className: 'lines holders' }, ...r.holders.flatMap((x, i) => [...(i > 0 ? [h('br')] : []), code(x.address), ` ${x.holder}`])) : muted('—')]),
    { empty: t.ipamEmpty }),
  s.ipamOptions.length ? h('p', {}, t.ipamOptions, ...s.ipamOptions.map((o) => code(`${o.key}=${o.value}`))) : undefined);

  const kv = (id: string, title: string, rows: { key: string; value: string }[], none: string): HTMLElement =>
    section(id, title, table(title, [t.key, t.value], rows.map((r) => [code(r.key), code(r.value)]), { empty: none }));

  const containers = section('containers', fmt(t.containers, s.containers.length), table(fmt(t.containersCaption, n.name),
    [t.name, t.state, t.health, t.ipv4, t.ipv6, t.mac, t.aliases, t.ports, t.actions],
    s.containers.map((c) => [
      c.name,
      h('span', { className: `state state-${c.state}` }, c.state),
      c.health ? h('span', { className: `health health-${c.healthStatus ?? 'unknown'}` }, c.health) : muted('—'),
      c.ipv4 ? code(c.ipv4) : muted(c.sharesNamespaceOf ? fmt(t.sharesShort, c.sharesNamespaceOf) : '—'),
      c.ipv6 ? code(c.ipv6) : muted('—'),
      c.mac ? code(c.mac) : muted('—'),
      lines(c.aliases),
      lines(c.ports),
      h('span', { className: 'row-actions' },
        ui.button(t.inspect, { action: 'inspectContainer', containerId: c.id }, { id: `inspect-${c.id}`, 'aria-label': fmt(t.inspectLabel, c.name) }),
        ui.button(t.networking, { action: 'showContainerNetworking', containerId: c.id }, { id: `networking-${c.id}`, 'aria-label': fmt(t.networkingLabel, c.name) }),
        ui.button(t.disconnect, { action: 'disconnect', containerId: c.id }, {
          id: `disconnect-${c.id}`, 'aria-label': fmt(t.disconnectLabel, c.name), disabled: gone || !c.canDisconnect,
          title: c.canDisconnect ? undefined : c.sharesNamespaceOf ? fmt(t.sharesNamespace, c.name, c.sharesNamespaceOf) : fmt(t.cannotDisconnect, c.name, n.name),
        }),
        ui.button(t.checkConnectivity, { action: 'checkConnectivity', containerId: c.id }, {
          id: `probe-${c.id}`, 'aria-label': fmt(t.checkLabel, c.name), disabled: gone || !c.canProbe,
          title: fmt(c.canProbe ? t.probeTitle : t.notRunning, c.name),
        })),
    ]),
    { empty: t.containersEmpty, rowKey: (i) => `row-${s.containers[i].id}` }));

  const out: Node[] = [header];
  if (gone) out.push(banner(fmt(t.removed, n.name, when(s.removed?.at ?? ''))));
  if (s.cannotConnect && !gone) out.push(h('p', { className: 'help' }, s.cannotConnect));
  for (const c of s.hostRoutes?.collisions ?? []) out.push(h('div', { className: 'banner banner-warning route-collision', role: 'alert' }, h('p', {}, c)));
  if (s.hostRoutes?.note) out.push(h('p', { className: 'help', id: 'host-routes-note' }, s.hostRoutes.note));
  out.push(toolbar, overview, ipam, containers, kv('options', t.driverOptions, s.options, t.noDriverOptions), kv('labels', t.labels, s.labels, t.noLabels));
  if (s.services.length > 0) {
    out.push(section('services', t.services, table(t.services, [t.service, t.vip, t.mode],
      s.services.map((v) => [v.name, v.vip ? code(v.vip) : muted('—'), v.mode]))));
  }
  const main = h('div', { className: gone ? 'view removed' : 'view' });
  append(main, ...out);
  return [main];
}

startView('networkDetails', render);

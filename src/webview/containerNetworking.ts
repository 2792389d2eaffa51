// Container Networking: the container's networks (IP, gateway, MAC, aliases, DNS names), its network mode and
// ports, and the Namespaces table (mode per namespace; the real ids when the engine is on this machine). The words:
// src/core/pageText/containerNetworking.ts.
import type { ContainerNetworkingState } from '../core/containerDetails';
import type { ViewTextOf } from '../core/pageText/views';
import { append, h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { banner, code, lines, muted, section, startView, table, terms, when, type ViewUi } from './lib/view';

function render(s: ContainerNetworkingState, ui: ViewUi<'containerNetworking'>): Node[] {
  const t = texts<ViewTextOf['containerNetworking']>();
  const c = s.container;
  const gone = s.removed !== undefined;
  const header = h('header', { className: 'view-header' },
    h('h1', {}, c.name),
    h('p', { className: 'intro' }, `${c.image} · ${c.state} · ${c.shortId}`));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    ui.button(t.inspect, { action: 'inspect' }, { id: 'act-inspect', disabled: gone }),
    ui.button(t.checkConnectivity, { action: 'checkConnectivity' }, { id: 'act-probe', disabled: gone || c.state !== 'running', title: c.state === 'running' ? undefined : fmt(t.notRunning, c.name) }));

  const overview = section('overview', t.networkMode, terms([
    [t.networkMode, h('span', {}, c.networkModeText, ' ', code(c.networkMode || t.modeDefault))],
    [t.sharesNamespaceOf, s.sharesNetworkOf],
    [t.defaultRoute, s.defaultRoute],
    [t.joinedBy, s.joinedBy.length ? lines(s.joinedBy, false) : undefined],
    [t.sandboxKey, c.sandboxKey ? code(c.sandboxKey) : undefined],
    [t.pid, c.pid !== undefined ? code(String(c.pid)) : undefined],
    [t.engine, s.engine ? code(s.engine) : undefined],
  ]));

  const networks = section('networks', fmt(t.networks, s.networks.length),
    s.sharesNetworkOf ? h('p', { className: 'help' }, fmt(t.endpointsOf, s.sharesNetworkOf)) : undefined,
    table(fmt(t.networksCaption, c.name), [t.network, t.ipv4, t.ipv6, t.gateway, t.mac, t.aliases, t.dnsNames, t.routePriority],
      s.networks.map((n) => [
        n.networkId
          ? ui.button(n.name, { action: 'showNetworkDetails', networkId: n.networkId }, { id: `net-${n.networkId}`, className: 'link', 'aria-label': fmt(t.showNetworkLabel, n.name) })
          : n.name,
        n.ipv4 ? code(n.ipv4) : muted('—'),
        n.ipv6 ? code(n.ipv6) : muted('—'),
        lines([n.gateway, n.ipv6Gateway].filter((x): x is string => x !== undefined)),
        n.mac ? code(n.mac) : muted('—'),
        lines(n.aliases),
        n.dnsNames.length ? lines(n.dnsNames) : muted(n.dnsNote ?? '—'),
        h('span', {}, n.gwPriority !== undefined ? code(String(n.gwPriority)) : muted('—'),
          n.defaultRoute ? muted(` ${fmt(t.defaultRouteOf, n.defaultRoute.join(', '))}`) : ''),
      ]),
      { empty: c.state === 'running' ? t.noNetwork : t.noNetworkStopped, rowKey: (i) => `netrow-${s.networks[i].networkId ?? s.networks[i].name}` }));

  const ports = section('ports', t.ports, s.ports.length
    ? h('ul', { className: 'plain' }, ...s.ports.map((p) => h('li', {}, code(p))))
    : h('p', { className: 'empty' }, t.noPorts));

  const peers = s.peers ?? [];
  const names = section('names', t.names,
    h('p', { className: 'help' }, fmt(t.namesHelp, c.name)),
    table(fmt(t.namesCaption, c.name), [t.container, t.network, t.namesColumn, t.address, t.resolveColumn],
      peers.map((p) => [
        p.peer,
        p.network ?? muted(t.sameNamespace),
        p.names.length ? h('span', { className: 'lines' }, ...p.names.flatMap((n, i) => [i > 0 ? h('br') : '', code(n.name), muted(` ${n.from}`)])) : muted(t.noName),
        h('span', {}, p.address ? code(p.address) : muted('—'), p.note ? h('span', { className: p.names.length ? 'muted' : 'disagree' }, ` ${p.note}`) : ''),
        p.network && p.networkId && p.names.length ? h('span', {},
          ui.button(t.resolve, { action: 'resolve', containerId: p.peerId, networkId: p.networkId }, {
            id: `resolve-${p.peerId}-${p.networkId}`, disabled: gone || c.state !== 'running', title: fmt(t.resolveTitle, c.name),
          }),
          p.resolved ? h('span', { className: 'lines' }, ...p.resolved.results.flatMap((r) => [h('br'), code(r.name), ' → ',
            r.verdict === 'resolved' ? code(r.addresses.join(', ')) : h('span', { className: 'disagree' }, r.reason),
            r.argv ? muted(` ${JSON.stringify(r.argv)}`) : ''])) : '') : muted('—'),
      ]),
      { empty: c.state === 'running' ? t.reachesNone : t.reachesNothing, rowKey: (i) => `peer-${peers[i].peerId}-${peers[i].networkId ?? 'ns'}` }));

  const ns = section('namespaces', t.namespaces,
    h('p', { className: 'help', id: 'ns-note' }, s.nsIds.note),
    table(t.namespacesCaption,
      s.nsIds.shown ? [t.namespace, t.mode, t.setBy, t.namespaceId] : [t.namespace, t.mode, t.setBy],
      s.namespaces.map((r) => {
        const row: (Node | string)[] = [
          h('span', {}, r.title, ' ', muted(`(${r.type})`)),
          h('span', { className: `ns-mode ns-${r.mode}` }, r.text),
          r.source ? code(r.source) : muted(t.ownAlways),
        ];
        if (s.nsIds.shown) {
          row.push(r.nsId
            ? h('span', {}, code(`${r.type}:[${r.nsId}]`), r.sameAsHost ? muted(` ${t.sameAsHost}`) : '')
            : muted(t.unreadable));
        }
        return row;
      })));

  const out: Node[] = [header];
  if (gone) out.push(banner(fmt(t.removed, c.name, when(s.removed?.at ?? ''))));
  out.push(toolbar, overview, networks, names, ports, ns);
  const main = h('div', { className: gone ? 'view removed' : 'view' });
  append(main, ...out);
  return [main];
}

startView('containerNetworking', render);

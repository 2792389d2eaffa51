// Container Networking: the container's networks (IP, gateway, MAC, aliases, DNS names), its network mode and
// ports, and the Namespaces table (mode per namespace; the real ids when the engine is on this machine).
import type { ContainerNetworkingState } from '../core/containerDetails';
import { append, h } from './lib/dom';
import { banner, code, lines, muted, section, startView, table, terms, when, type ViewUi } from './lib/view';

function render(s: ContainerNetworkingState, ui: ViewUi<'containerNetworking'>): Node[] {
  const c = s.container;
  const gone = s.removed !== undefined;
  const header = h('header', { className: 'view-header' },
    h('h1', {}, c.name),
    h('p', { className: 'intro' }, `${c.image} · ${c.state} · ${c.shortId}`));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Container actions' },
    ui.button('Inspect', { action: 'inspect' }, { id: 'act-inspect', disabled: gone }),
    ui.button('Check Connectivity…', { action: 'checkConnectivity' }, { id: 'act-probe', disabled: gone || c.state !== 'running', title: c.state === 'running' ? undefined : `${c.name} is not running` }));

  const overview = section('overview', 'Network mode', terms([
    ['Network mode', h('span', {}, c.networkModeText, ' ', code(c.networkMode || 'default'))],
    ['Shares the network namespace of', s.sharesNetworkOf],
    ['Default route', s.defaultRoute],
    ['Joined by', s.joinedBy.length ? lines(s.joinedBy, false) : undefined],
    ['Sandbox key (netns)', c.sandboxKey ? code(c.sandboxKey) : undefined],
    ['PID', c.pid !== undefined ? code(String(c.pid)) : undefined],
    ['Engine', s.engine ? code(s.engine) : undefined],
  ]));

  const networks = section('networks', `Networks (${s.networks.length})`,
    s.sharesNetworkOf ? h('p', { className: 'help' }, `These are the endpoints of ${s.sharesNetworkOf}: this container uses its network namespace.`) : undefined,
    table(`Networks of ${c.name}`, ['Network', 'IPv4', 'IPv6', 'Gateway', 'MAC', 'Aliases', 'DNS names', 'Route priority'],
      s.networks.map((n) => [
        n.networkId
          ? ui.button(n.name, { action: 'showNetworkDetails', networkId: n.networkId }, { id: `net-${n.networkId}`, className: 'link', 'aria-label': `Show network details of ${n.name}` })
          : n.name,
        n.ipv4 ? code(n.ipv4) : muted('—'),
        n.ipv6 ? code(n.ipv6) : muted('—'),
        lines([n.gateway, n.ipv6Gateway].filter((x): x is string => x !== undefined)),
        n.mac ? code(n.mac) : muted('—'),
        lines(n.aliases),
        n.dnsNames.length ? lines(n.dnsNames) : muted(n.dnsNote ?? '—'),
        h('span', {}, n.gwPriority !== undefined ? code(String(n.gwPriority)) : muted('—'),
          n.defaultRoute ? muted(` default route (${n.defaultRoute.join(', ')})`) : ''),
      ]),
      { empty: c.state === 'running' ? 'On no network.' : 'On no network (not running).' }));

  const ports = section('ports', 'Ports', s.ports.length
    ? h('ul', { className: 'plain' }, ...s.ports.map((p) => h('li', {}, code(p))))
    : h('p', { className: 'empty' }, 'No published or exposed ports.'));

  const peers = s.peers ?? [];
  const names = section('names', 'Names that resolve',
    h('p', { className: 'help' }, `The containers ${c.name} reaches, and the names it can use for each on the network they share (Docker's embedded DNS answers them; the default bridge has none).`),
    table(`Names ${c.name} can use`, ['Container', 'Network', 'Names', 'Address', 'Resolve'],
      peers.map((p) => [
        p.peer,
        p.network ?? muted('same namespace'),
        p.names.length ? h('span', { className: 'lines' }, ...p.names.flatMap((n, i) => [i > 0 ? h('br') : '', code(n.name), muted(` ${n.from}`)])) : muted('no name'),
        h('span', {}, p.address ? code(p.address) : muted('—'), p.note ? h('span', { className: p.names.length ? 'muted' : 'disagree' }, ` ${p.note}`) : ''),
        p.network && p.networkId && p.names.length ? h('span', {},
          ui.button('Resolve', { action: 'resolve', containerId: p.peerId, networkId: p.networkId }, {
            id: `resolve-${p.peerId}-${p.networkId}`, disabled: gone || c.state !== 'running', title: `Look the names up inside ${c.name} (getent hosts, else nslookup)`,
          }),
          p.resolved ? h('span', { className: 'lines' }, ...p.resolved.results.flatMap((r) => [h('br'), code(r.name), ' → ',
            r.verdict === 'resolved' ? code(r.addresses.join(', ')) : h('span', { className: 'disagree' }, r.reason),
            r.argv ? muted(` ${JSON.stringify(r.argv)}`) : ''])) : '') : muted('—'),
      ]),
      { empty: c.state === 'running' ? 'It reaches no other container.' : 'Not running: it reaches nothing.' }));

  const ns = section('namespaces', 'Namespaces',
    h('p', { className: 'help', id: 'ns-note' }, s.nsIds.note),
    table('Linux namespaces of the container',
      s.nsIds.shown ? ['Namespace', 'Mode', 'Set by', 'Namespace id'] : ['Namespace', 'Mode', 'Set by'],
      s.namespaces.map((r) => {
        const row: (Node | string)[] = [
          h('span', {}, r.title, ' ', muted(`(${r.type})`)),
          h('span', { className: `ns-mode ns-${r.mode}` }, r.text),
          r.source ? code(r.source) : muted('always its own'),
        ];
        if (s.nsIds.shown) {
          row.push(r.nsId
            ? h('span', {}, code(`${r.type}:[${r.nsId}]`), r.sameAsHost ? muted(' = this machine\'s') : '')
            : muted('unreadable'));
        }
        return row;
      })));

  const out: Node[] = [header];
  if (gone) out.push(banner(`${c.name} was removed from the engine (noticed ${when(s.removed?.at ?? '')}). This page keeps its last known state.`));
  out.push(toolbar, overview, networks, names, ports, ns);
  const main = h('div', { className: gone ? 'view removed' : 'view' });
  append(main, ...out);
  return [main];
}

startView('containerNetworking', render);

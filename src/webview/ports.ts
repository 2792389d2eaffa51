// Show Published Ports: every published port of the engine, host side first, with the container, the network it
// goes through, its exposure and its conflicts. Read-only: the host sends the whole picture on every change.
import type { PortRowState, PortsState } from '../core/portsView';
import { append, h } from './lib/dom';
import { banner, code, muted, section, table, startView, type ViewUi } from './lib/view';

function exposureCell(r: PortRowState): Node {
  const word = r.exposure === 'all' ? 'All interfaces' : r.exposure === 'loopback' ? 'Loopback only' : 'One address';
  return h('span', { className: `exposure exposure-${r.exposure}`, title: r.exposureText }, h('strong', {}, word), h('br'), muted(r.exposureText));
}

function conflictsCell(r: PortRowState): Node {
  if (r.conflicts.length === 0) return muted('—');
  const list = h('ul', { className: 'conflicts' });
  for (const c of r.conflicts) append(list, h('li', { className: `conflict conflict-${c.kind}` }, `⚠ ${c.text}`));
  return list;
}

function render(s: PortsState, ui: ViewUi<'ports'>): Node[] {
  const header = h('header', { className: 'view-header' },
    h('h1', {}, 'Published Ports'),
    h('p', { className: 'intro' }, `Every port the engine publishes, host side first (host address:port → container:port/protocol)${s.engine ? ` · ${s.engine}` : ''}.`));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Port actions' },
    ui.button('Refresh', { action: 'refresh' }, { id: 'act-refresh', title: 'Read the engine and this machine\'s listening sockets again' }));
  const out: Node[] = [header, toolbar, h('p', { className: 'summary', id: 'summary', role: 'status' }, s.summary)];
  out.push(s.hostChecks.available
    ? h('p', { className: 'help', id: 'host-checks' }, s.hostChecks.text)
    : banner(s.hostChecks.text, 'info'));
  if (s.unread.length > 0) out.push(banner(`The requested ports of ${s.unread.join(', ')} could not be read (removed meanwhile, or the engine refused the inspect): they are left out. Refresh to try again.`));
  out.push(section('ports', `Ports (${s.rows.length})`, table('Published ports',
    ['Host', 'Container', 'State', 'Network', 'Exposure', 'Conflicts', 'Actions'],
    s.rows.map((r) => [
      code(r.host),
      h('span', {}, '→ ', code(r.target)),
      h('span', { className: `state state-${r.container.state}` }, r.container.state),
      r.network
        ? h('span', {}, ui.button(r.network.name, { action: 'showNetworkDetails', networkId: r.network.id }, { id: `network-${r.key}`, 'aria-label': `Network details of ${r.network.name}` }),
          r.network.address ? muted(` ${r.network.address}`) : '')
        : muted('—'),
      exposureCell(r),
      conflictsCell(r),
      ui.button('Networking', { action: 'showContainerNetworking', containerId: r.container.id }, { id: `networking-${r.key}`, 'aria-label': `Show container networking of ${r.container.name}` }),
    ]),
    { rowClass: (i) => (s.rows[i].conflicts.length > 0 ? 'row-disagree' : undefined), empty: 'No container publishes a port.' })));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('ports', render);

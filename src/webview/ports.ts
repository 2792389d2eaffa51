// Show Published Ports: every published port of the engine, host side first, with the container, the network it
// goes through, its exposure and its conflicts. Read-only: the host sends the whole picture on every change. The words:
// src/core/pageText/ports.ts.
import type { PortRowState, PortsState } from '../core/portsView';
import type { ViewTextOf } from '../core/pageText/views';
import { append, h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { banner, code, muted, section, table, startView, type ViewUi } from './lib/view';

type Text = ViewTextOf['ports'];

function exposureCell(t: Text, r: PortRowState): Node {
  const word = r.exposure === 'all' ? t.allInterfaces : r.exposure === 'loopback' ? t.loopbackOnly : t.oneAddress;
  return h('span', { className: `exposure exposure-${r.exposure}`, title: r.exposureText }, h('strong', {}, word), h('br'), muted(r.exposureText));
}

function conflictsCell(r: PortRowState): Node {
  if (r.conflicts.length === 0) return muted('—');
  const list = h('ul', { className: 'conflicts' });
  for (const c of r.conflicts) append(list, h('li', { className: `conflict conflict-${c.kind}` }, `⚠ ${c.text}`));
  return list;
}

function render(s: PortsState, ui: ViewUi<'ports'>): Node[] {
  const t = texts<Text>();
  const header = h('header', { className: 'view-header' },
    h('h1', {}, t.title),
    h('p', { className: 'intro' }, s.engine ? fmt(t.introEngine, s.engine) : t.intro));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    ui.button(t.refresh, { action: 'refresh' }, { id: 'act-refresh', title: t.refreshTitle }));
  const out: Node[] = [header, toolbar, h('p', { className: 'summary', id: 'summary', role: 'status' }, s.summary)];
  out.push(s.hostChecks.available
    ? h('p', { className: 'help', id: 'host-checks' }, s.hostChecks.text)
    : banner(s.hostChecks.text, 'info'));
  if (s.unread.length > 0) out.push(banner(fmt(t.unread, s.unread.join(', '))));
  out.push(section('ports', fmt(t.ports, s.rows.length), table(t.caption,
    [t.host, t.container, t.state, t.network, t.exposure, t.conflicts, t.actions],
    s.rows.map((r) => [
      code(r.host),
      h('span', {}, '→ ', code(r.target)),
      h('span', { className: `state state-${r.container.state}` }, r.container.state),
      r.network
        ? h('span', {}, ui.button(r.network.name, { action: 'showNetworkDetails', networkId: r.network.id }, { id: `network-${r.key}`, 'aria-label': fmt(t.networkLabel, r.network.name) }),
          r.network.address ? muted(` ${r.network.address}`) : '')
        : muted('—'),
      exposureCell(t, r),
      conflictsCell(r),
      ui.button(t.networking, { action: 'showContainerNetworking', containerId: r.container.id }, { id: `networking-${r.key}`, 'aria-label': fmt(t.networkingLabel, r.container.name) }),
    ]),
    { rowClass: (i) => (s.rows[i].conflicts.length > 0 ? 'row-disagree' : undefined), rowKey: (i) => `portrow-${s.rows[i].key}`, empty: t.empty })));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('ports', render);

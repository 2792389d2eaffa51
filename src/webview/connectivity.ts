// Check Connectivity: each probe beside the computed reachability. One pair gets a summary on top; a matrix gets a
// grid (sources × targets) and the cap said on screen. Disagreements are marked and said in words. The words:
// src/core/pageText/connectivity.ts.
import type { ViewTextOf } from '../core/pageText/views';
import type { ConnectivityRow, ConnectivityState } from '../protocol/views';
import { append, fill, h } from './lib/dom';
import { duration, fmt, texts } from './lib/text';
import { banner, code, muted, section, startView, table, when, type ViewUi } from './lib/view';

type Text = ViewTextOf['connectivity'];

function probeText(t: Text, r: ConnectivityRow): string {
  if (r.error) return t.couldNotRun;
  if (!r.probe) return t.waiting;
  if (r.probe.verdict === 'reachable') return r.probe.latencyMs !== undefined ? fmt(t.reachableMs, duration(r.probe.latencyMs)) : t.reachable;
  return r.probe.verdict === 'unreachable' ? t.notReachable : t.couldNotTell;
}

/** ✓ agree, ⚠ disagree, ? could not tell, … waiting. */
function mark(t: Text, r: ConnectivityRow): { symbol: string; cls: string; label: string } {
  if (r.error) return { symbol: '!', cls: 'cell-error', label: fmt(t.errorMark, r.error) };
  if (!r.probe || !r.agreement) return { symbol: '…', cls: 'cell-pending', label: t.waitingMark };
  const got = r.probe.verdict === 'reachable' ? '✓' : r.probe.verdict === 'unreachable' ? '✗' : '?';
  if (r.agreement.agrees === false) return { symbol: `${got}⚠`, cls: 'cell-disagree', label: fmt(t.disagreesMark, probeText(t, r)) };
  if (r.agreement.agrees === undefined) return { symbol: got, cls: 'cell-unknown', label: probeText(t, r) };
  return { symbol: got, cls: r.probe.verdict === 'reachable' ? 'cell-yes' : 'cell-no', label: fmt(t.agreesMark, probeText(t, r)) };
}

function summary(t: Text, s: ConnectivityState): string {
  const done = s.rows.filter((r) => r.probe || r.error);
  const agree = done.filter((r) => r.agreement?.agrees === true).length;
  const disagree = done.filter((r) => r.agreement?.agrees === false).length;
  const unknown = done.length - agree - disagree;
  const counts = fmt(t.counts, agree, disagree, unknown);
  if (s.running) return fmt(t.probing, s.done, s.total, counts);
  if (s.cancelled) return fmt(t.cancelled, s.done, s.total, counts);
  return fmt(s.total === 1 ? t.doneOne : t.doneMany, s.total, counts);
}

function pairCard(t: Text, r: ConnectivityRow): HTMLElement {
  const verdict = r.error ? t.verdictCouldNotRun : !r.probe ? t.verdictProbing : r.probe.verdict === 'reachable' ? t.verdictReachable : r.probe.verdict === 'unreachable' ? t.verdictNotReachable : t.verdictCouldNotTell;
  const cls = r.error || r.probe?.verdict === 'inconclusive' ? 'unknown' : r.probe?.verdict === 'reachable' ? 'yes' : r.probe ? 'no' : 'pending';
  const card = h('div', { className: `card card-${cls}`, id: 'pair-result' },
    h('p', { className: 'verdict' }, verdict, r.probe?.latencyMs !== undefined ? ` · ${duration(r.probe.latencyMs)}` : ''),
    h('p', {}, ...fill(t.pairLine, r.from.name, r.to.name, code(r.address), r.network.name)));
  if (r.probe) append(card, h('p', {}, r.probe.reason));
  if (r.error) append(card, h('p', {}, r.error));
  if (r.command) append(card, h('p', {}, ...fill(t.commandInside, code(r.from.name), code(r.command))));
  append(card, h('p', {}, fmt(t.model, r.model.text)));
  if (r.agreement) append(card, h('p', { className: r.agreement.agrees === false ? 'disagree' : 'agree', role: r.agreement.agrees === false ? 'alert' : undefined }, r.agreement.text));
  if (r.probe && r.probe.steps.length > 1) {
    const tried = h('ul', { className: 'plain steps' });
    for (const st of r.probe.steps) append(tried, h('li', {}, code(JSON.stringify(st.argv)), ` ${fmt(t.stepExit, st.exitCode ?? '?', st.reason)}`));
    append(card, h('p', {}, t.stepsTried), tried);
  }
  return card;
}

function grid(t: Text, s: ConnectivityState): HTMLElement | undefined {
  const names = new Map<string, string>();
  for (const r of s.rows) {
    names.set(r.from.id, r.from.name);
    names.set(r.to.id, r.to.name);
  }
  if (names.size < 2) return undefined;
  const ids = [...names.keys()].sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
  const byPair = new Map(s.rows.map((r) => [`${r.from.id}/${r.to.id}`, r]));
  const thead = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.gridCorner), ...ids.map((id) => h('th', { scope: 'col' }, names.get(id) ?? id))));
  const tbody = h('tbody');
  for (const from of ids) {
    const tr = h('tr', {}, h('th', { scope: 'row' }, names.get(from) ?? from));
    for (const to of ids) {
      const r = byPair.get(`${from}/${to}`);
      if (!r) {
        append(tr, h('td', { className: 'cell-none' }, from === to ? '—' : ''));
        continue;
      }
      const m = mark(t, r);
      append(tr, h('td', { className: m.cls, title: `${r.from.name} → ${r.to.name}: ${m.label}` }, h('span', { 'aria-label': m.label }, m.symbol)));
    }
    append(tbody, tr);
  }
  return h('div', { className: 'table-wrap' }, h('table', { className: 'grid-matrix' }, h('caption', { className: 'visually-hidden' }, t.gridCaption), thead, tbody));
}

function render(s: ConnectivityState, ui: ViewUi<'connectivity'>): Node[] {
  const t = texts<Text>();
  const header = h('header', { className: 'view-header' },
    h('h1', {}, fmt(t.title, s.title)),
    h('p', { className: 'intro' }, fmt(t.intro, when(s.startedAt), s.finishedAt ? fmt(t.finished, when(s.finishedAt)) : '')));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    ui.button(t.cancel, { action: 'cancel' }, { id: 'act-cancel', disabled: !s.running }),
    ui.button(t.runAgain, { action: 'runAgain' }, { id: 'act-again', disabled: s.running }),
    s.network ? ui.button(fmt(t.networkDetails, s.network.name), { action: 'showNetworkDetails', networkId: s.network.id }, { id: 'act-network' }) : undefined);
  const out: Node[] = [header];
  if (s.capText) out.push(banner(s.capText, 'info'));
  for (const note of s.notes) out.push(h('p', { className: 'help' }, note));
  out.push(toolbar, h('p', { className: 'summary', id: 'summary', role: 'status' }, summary(t, s)));
  const disagreements = s.rows.filter((r) => r.agreement?.agrees === false);
  if (s.mode === 'pair' && s.rows[0]) out.push(pairCard(t, s.rows[0]));
  if (s.mode === 'matrix') {
    if (disagreements.length > 0) {
      const named = `${disagreements.slice(0, 3).map((r) => `${r.from.name} → ${r.to.name}`).join(', ')}${disagreements.length > 3 ? ', …' : ''}`;
      out.push(banner(disagreements.length === 1 ? fmt(t.disagreeOne, named) : fmt(t.disagreeMany, disagreements.length, named)));
    }
    const g = grid(t, s);
    if (g) out.push(section('grid', t.matrix, h('p', { className: 'help' }, t.legend), g));
  }
  out.push(section('results', s.mode === 'pair' ? t.details : fmt(t.pairs, s.rows.length), table(t.resultsCaption,
    [t.source, t.target, t.address, t.modelColumn, t.probe, t.command, t.agreement],
    s.rows.map((r) => [
      r.from.name,
      r.to.name,
      h('span', {}, code(r.address), muted(` ${r.network.name}`)),
      r.model.text,
      h('span', { className: mark(t, r).cls }, probeText(t, r), r.probe && r.probe.verdict !== 'reachable' ? muted(` — ${r.probe.reason}`) : ''),
      r.command ? code(r.command) : muted('—'),
      r.agreement ? h('span', { className: r.agreement.agrees === false ? 'disagree' : 'agree' }, r.agreement.text) : muted(r.error ?? '—'),
    ]),
    { rowClass: (i) => (s.rows[i].agreement?.agrees === false ? 'row-disagree' : undefined), rowKey: (i) => `pair-${s.rows[i].from.name}-${s.rows[i].to.name}-${s.rows[i].network.name}-${s.rows[i].address}`, empty: t.noPair })));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('connectivity', render);

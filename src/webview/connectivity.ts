// Check Connectivity: each probe beside the computed reachability. One pair gets a summary on top; a matrix gets a
// grid (sources × targets) and the cap said on screen. Disagreements are marked and said in words.
import type { ConnectivityRow, ConnectivityState } from '../protocol/views';
import { append, h } from './lib/dom';
import { banner, code, muted, section, startView, table, when, type ViewUi } from './lib/view';

function probeText(r: ConnectivityRow): string {
  if (r.error) return 'could not run';
  if (!r.probe) return 'waiting…';
  if (r.probe.verdict === 'reachable') return r.probe.latencyMs !== undefined ? `reachable (${r.probe.latencyMs} ms)` : 'reachable';
  return r.probe.verdict === 'unreachable' ? 'not reachable' : 'could not tell';
}

/** ✓ agree, ⚠ disagree, ? could not tell, … waiting. */
function mark(r: ConnectivityRow): { symbol: string; cls: string; label: string } {
  if (r.error) return { symbol: '!', cls: 'cell-error', label: `error: ${r.error}` };
  if (!r.probe || !r.agreement) return { symbol: '…', cls: 'cell-pending', label: 'waiting' };
  const got = r.probe.verdict === 'reachable' ? '✓' : r.probe.verdict === 'unreachable' ? '✗' : '?';
  if (r.agreement.agrees === false) return { symbol: `${got}⚠`, cls: 'cell-disagree', label: `${probeText(r)}; disagrees with the model` };
  if (r.agreement.agrees === undefined) return { symbol: got, cls: 'cell-unknown', label: probeText(r) };
  return { symbol: got, cls: r.probe.verdict === 'reachable' ? 'cell-yes' : 'cell-no', label: `${probeText(r)}; agrees with the model` };
}

function summary(s: ConnectivityState): string {
  const done = s.rows.filter((r) => r.probe || r.error);
  const agree = done.filter((r) => r.agreement?.agrees === true).length;
  const disagree = done.filter((r) => r.agreement?.agrees === false).length;
  const unknown = done.length - agree - disagree;
  const counts = `${agree} agree with the model, ${disagree} disagree, ${unknown} could not tell`;
  if (s.running) return `Probing: ${s.done} of ${s.total} done (${counts}).`;
  if (s.cancelled) return `Cancelled after ${s.done} of ${s.total} probes (${counts}).`;
  return `Done: ${s.total} probe${s.total === 1 ? '' : 's'} (${counts}).`;
}

function pairCard(r: ConnectivityRow): HTMLElement {
  const verdict = r.error ? 'The probe could not run' : !r.probe ? 'Probing…' : r.probe.verdict === 'reachable' ? 'Reachable' : r.probe.verdict === 'unreachable' ? 'Not reachable' : 'Could not tell';
  const cls = r.error || r.probe?.verdict === 'inconclusive' ? 'unknown' : r.probe?.verdict === 'reachable' ? 'yes' : r.probe ? 'no' : 'pending';
  const card = h('div', { className: `card card-${cls}`, id: 'pair-result' },
    h('p', { className: 'verdict' }, verdict, r.probe?.latencyMs !== undefined ? ` · ${r.probe.latencyMs} ms` : ''),
    h('p', {}, `${r.from.name} → ${r.to.name} at `, code(r.address), ` on ${r.network.name}`));
  if (r.probe) append(card, h('p', {}, r.probe.reason));
  if (r.error) append(card, h('p', {}, r.error));
  if (r.command) append(card, h('p', {}, 'Command run inside ', code(r.from.name), ': ', code(r.command)));
  append(card, h('p', {}, 'Model: ', r.model.text));
  if (r.agreement) append(card, h('p', { className: r.agreement.agrees === false ? 'disagree' : 'agree', role: r.agreement.agrees === false ? 'alert' : undefined }, r.agreement.text));
  if (r.probe && r.probe.steps.length > 1) {
    const tried = h('ul', { className: 'plain steps' });
    for (const st of r.probe.steps) append(tried, h('li', {}, code(JSON.stringify(st.argv)), ` → exit ${st.exitCode ?? '?'}: ${st.reason}`));
    append(card, h('p', {}, 'Steps tried:'), tried);
  }
  return card;
}

function grid(s: ConnectivityState): HTMLElement | undefined {
  const names = new Map<string, string>();
  for (const r of s.rows) {
    names.set(r.from.id, r.from.name);
    names.set(r.to.id, r.to.name);
  }
  if (names.size < 2) return undefined;
  const ids = [...names.keys()].sort((a, b) => (names.get(a) ?? '').localeCompare(names.get(b) ?? ''));
  const byPair = new Map(s.rows.map((r) => [`${r.from.id}/${r.to.id}`, r]));
  const thead = h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'from ↓ / to →'), ...ids.map((id) => h('th', { scope: 'col' }, names.get(id) ?? id))));
  const tbody = h('tbody');
  for (const from of ids) {
    const tr = h('tr', {}, h('th', { scope: 'row' }, names.get(from) ?? from));
    for (const to of ids) {
      const r = byPair.get(`${from}/${to}`);
      if (!r) {
        append(tr, h('td', { className: 'cell-none' }, from === to ? '—' : ''));
        continue;
      }
      const m = mark(r);
      append(tr, h('td', { className: m.cls, title: `${r.from.name} → ${r.to.name}: ${m.label}` }, h('span', { 'aria-label': m.label }, m.symbol)));
    }
    append(tbody, tr);
  }
  return h('div', { className: 'table-wrap' }, h('table', { className: 'grid-matrix' }, h('caption', { className: 'visually-hidden' }, 'Probe results, sources by row, targets by column'), thead, tbody));
}

function render(s: ConnectivityState, ui: ViewUi<'connectivity'>): Node[] {
  const header = h('header', { className: 'view-header' },
    h('h1', {}, s.mode === 'pair' ? `Connectivity: ${s.title}` : `Connectivity: ${s.title}`),
    h('p', { className: 'intro' }, `Probes run inside the source container through the engine's exec API (ping; without ping, nc or wget on an exposed port), each bounded to about a second. Started ${when(s.startedAt)}${s.finishedAt ? `, finished ${when(s.finishedAt)}` : ''}.`));
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Probe actions' },
    ui.button('Cancel', { action: 'cancel' }, { id: 'act-cancel', disabled: !s.running }),
    ui.button('Run again', { action: 'runAgain' }, { id: 'act-again', disabled: s.running }),
    s.network ? ui.button(`Network details: ${s.network.name}`, { action: 'showNetworkDetails', networkId: s.network.id }, { id: 'act-network' }) : undefined);
  const out: Node[] = [header];
  if (s.capText) out.push(banner(s.capText, 'info'));
  for (const note of s.notes) out.push(h('p', { className: 'help' }, note));
  out.push(toolbar, h('p', { className: 'summary', id: 'summary', role: 'status' }, summary(s)));
  const disagreements = s.rows.filter((r) => r.agreement?.agrees === false);
  if (s.mode === 'pair' && s.rows[0]) out.push(pairCard(s.rows[0]));
  if (s.mode === 'matrix') {
    if (disagreements.length > 0) {
      out.push(banner(`${disagreements.length} pair${disagreements.length === 1 ? '' : 's'} disagree${disagreements.length === 1 ? 's' : ''} with the model: ${disagreements.slice(0, 3).map((r) => `${r.from.name} → ${r.to.name}`).join(', ')}${disagreements.length > 3 ? ', …' : ''}. See the rows marked ⚠.`));
    }
    const g = grid(s);
    if (g) out.push(section('grid', 'Matrix', h('p', { className: 'help' }, '✓ reachable, ✗ not reachable, ? could not tell, ⚠ disagrees with the model, … waiting.'), g));
  }
  out.push(section('results', s.mode === 'pair' ? 'Details' : `Pairs (${s.rows.length})`, table('Probe results',
    ['Source', 'Target', 'Address', 'Model', 'Probe', 'Command', 'Agreement'],
    s.rows.map((r) => [
      r.from.name,
      r.to.name,
      h('span', {}, code(r.address), muted(` ${r.network.name}`)),
      r.model.text,
      h('span', { className: mark(r).cls }, probeText(r), r.probe && r.probe.verdict !== 'reachable' ? muted(` — ${r.probe.reason}`) : ''),
      r.command ? code(r.command) : muted('—'),
      r.agreement ? h('span', { className: r.agreement.agrees === false ? 'disagree' : 'agree' }, r.agreement.text) : muted(r.error ?? '—'),
    ]),
    { rowClass: (i) => (s.rows[i].agreement?.agrees === false ? 'row-disagree' : undefined), empty: 'No pair to probe.' })));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('connectivity', render);

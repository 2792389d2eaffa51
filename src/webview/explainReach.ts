// Explain Reachability: the verdict on top, then each step of the decision with its evidence and conclusion (✓ lets
// traffic through, ✗ stops it, • a fact), the fixes (a button and the exact commands each), and Probe now beside the
// explanation. Everything is in words already (src/core/explainReach.ts); this page only lays it out.
import type { ExplainReachState, ExplainStep } from '../core/explainTypes';
import type { ActionParams } from '../protocol/views';
import { append, h } from './lib/dom';
import { banner, code, muted, section, startView, when, type ViewUi } from './lib/view';

const MARK: Record<ExplainStep['status'], { symbol: string; label: string; cls: string }> = {
  pass: { symbol: '✓', label: 'passes', cls: 'cell-yes' },
  fail: { symbol: '✗', label: 'fails', cls: 'cell-no' },
  info: { symbol: '•', label: 'fact', cls: 'muted' },
};

function stepItem(st: ExplainStep, index: number): HTMLElement {
  const m = MARK[st.status];
  const li = h('li', { id: `step-${st.id}`, className: `step step-${st.status}`, 'data-kind': st.kind },
    h('p', { className: 'step-title' }, h('span', { className: m.cls, 'aria-label': m.label, title: m.label }, m.symbol), ` ${index + 1}. ${st.title}`));
  if (st.evidence.length > 0) append(li, h('ul', { className: 'evidence' }, ...st.evidence.map((e) => h('li', {}, e))));
  append(li, h('p', { className: st.status === 'fail' ? 'step-result disagree' : 'step-result' }, st.result));
  return li;
}

function probeCard(s: ExplainReachState): HTMLElement | undefined {
  const p = s.probe;
  if (!p) return undefined;
  const cls = p.running ? 'pending' : p.error || p.verdict === 'inconclusive' ? 'unknown' : p.verdict === 'reachable' ? 'yes' : 'no';
  const verdict = p.running ? 'Probing…' : p.error ? 'The probe could not run' : p.verdict === 'reachable' ? 'The probe got through' : p.verdict === 'unreachable' ? 'The probe did not get through' : 'The probe could not tell';
  const card = h('div', { className: `card card-${cls}`, id: 'probe-result' },
    h('p', { className: 'verdict' }, verdict),
    h('p', {}, `${s.pair.source} → `, code(p.address), ` on ${p.networkName} · ${when(p.at)}`));
  if (p.reason) append(card, h('p', {}, p.reason));
  if (p.error) append(card, h('p', {}, p.error));
  if (p.command) append(card, h('p', {}, 'Command run inside ', code(s.pair.source), ': ', code(p.command)));
  if (p.agreement) {
    append(card, h('p', { id: 'probe-agreement', className: p.agreement.agrees === false ? 'disagree' : 'agree', role: p.agreement.agrees === false ? 'alert' : undefined }, p.agreement.text));
  }
  return card;
}

function render(s: ExplainReachState, ui: ViewUi<'explainReach'>): Node[] {
  const e = s.explanation;
  const out: Node[] = [h('header', { className: 'view-header' },
    h('h1', {}, `Can ${s.pair.source} reach ${s.pair.target}?`),
    h('p', { className: 'intro' }, `The decision the reachability model takes, step by step, from what the engine reports${s.engine ? ` (${s.engine})` : ''}. It updates with every change on the engine.`))];
  for (const g of s.gone) out.push(banner(g, 'warning'));
  const sourceThere = !s.gone.some((g) => g.startsWith(s.pair.source));
  out.push(h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Explanation actions' },
    ui.button('Probe now', { action: 'probe' }, {
      id: 'act-probe', className: 'primary', disabled: 'unavailable' in e.probe || s.probe?.running === true,
      title: 'unavailable' in e.probe ? e.probe.unavailable : `Runs ping (or nc/wget) inside ${s.pair.source} to ${e.probe.address} on ${e.probe.networkName}`,
    }),
    ui.button(`Explain ${s.pair.target} → ${s.pair.source}`, { action: 'swap' }, { id: 'act-swap' }),
    ui.button(`Container networking: ${s.pair.source}`, { action: 'showContainerNetworking', containerId: e.source.id }, { id: 'act-source', disabled: !sourceThere })));
  out.push(h('div', { className: `card card-${e.reachable ? 'yes' : 'no'}`, id: 'verdict' },
    h('p', { className: 'verdict' }, e.reachable ? 'Reachable' : 'Not reachable'),
    h('p', {}, e.verdict)));
  if (!e.agreesWithModel) out.push(banner('These steps and the reachability model disagree about this pair: this is a bug in the extension; the model\'s own ways and reasons are listed in the verdict.', 'error'));
  if ('unavailable' in e.probe) out.push(h('p', { className: 'help', id: 'probe-unavailable' }, `Probe now: ${e.probe.unavailable}`));
  const card = probeCard(s);
  if (card) out.push(card);

  out.push(section('steps', 'Steps', h('ol', { className: 'plain steps' }, ...e.steps.map(stepItem))));

  const fixes = e.fixes.map((f, i) => {
    const li = h('li', { className: 'fix', id: `fix-${i}` });
    const a = f.action;
    // Only the keys a fix has: the host's check refuses a key whose value is undefined.
    const params: ActionParams<'explainReach'> | undefined = a ? { action: a.action } : undefined;
    if (params && a?.containerId) params.containerId = a.containerId;
    if (params && a?.networkId) params.networkId = a.networkId;
    append(li, params ? ui.button(f.label, params, { id: `fix-act-${i}` }) : h('p', { className: 'step-title' }, f.label));
    if (f.shown.length > 0) append(li, h('pre', {}, code(f.shown.join('\n'))));
    if (f.note) append(li, h('p', { className: 'help' }, f.note));
    return li;
  });
  out.push(section('fixes', e.reachable ? 'Suggestions' : 'Fixes', fixes.length > 0
    ? h('ul', { className: 'plain fixes' }, ...fixes)
    : muted(e.reachable ? 'Nothing to fix.' : 'No fix the extension can offer here.')));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('explainReach', render);

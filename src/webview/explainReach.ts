// Explain Reachability: the verdict on top, then each step of the decision with its evidence and conclusion (✓ lets
// traffic through, ✗ stops it, • a fact), the fixes (a button and the exact commands each), and Probe now beside the
// explanation. Everything is in words already (src/core/explainReach.ts; the page's own: src/core/pageText/explainReach.ts);
// this page only lays it out.
import type { ExplainReachState, ExplainStep } from '../core/explainTypes';
import type { ViewTextOf } from '../core/pageText/views';
import type { ActionParams } from '../protocol/views';
import { append, fill, h } from './lib/dom';
import { fmt, texts } from './lib/text';
import { banner, code, muted, section, startView, when, type ViewUi } from './lib/view';

type Text = ViewTextOf['explainReach'];

const MARK: Record<ExplainStep['status'], { symbol: string; label: keyof Text; cls: string }> = {
  pass: { symbol: '✓', label: 'passes', cls: 'cell-yes' },
  fail: { symbol: '✗', label: 'fails', cls: 'cell-no' },
  info: { symbol: '•', label: 'fact', cls: 'muted' },
};

function stepItem(st: ExplainStep, index: number): HTMLElement {
  const m = MARK[st.status];
  const label = texts<Text>()[m.label];
  const li = h('li', { id: `step-${st.id}`, className: `step step-${st.status}`, 'data-kind': st.kind },
    h('p', { className: 'step-title' }, h('span', { className: m.cls, 'aria-label': label, title: label }, m.symbol), ` ${index + 1}. ${st.title}`));
  if (st.evidence.length > 0) append(li, h('ul', { className: 'evidence' }, ...st.evidence.map((e) => h('li', {}, e))));
  append(li, h('p', { className: st.status === 'fail' ? 'step-result disagree' : 'step-result' }, st.result));
  return li;
}

function probeCard(t: Text, s: ExplainReachState): HTMLElement | undefined {
  const p = s.probe;
  if (!p) return undefined;
  const cls = p.running ? 'pending' : p.error || p.verdict === 'inconclusive' ? 'unknown' : p.verdict === 'reachable' ? 'yes' : 'no';
  const verdict = p.running ? t.probing : p.error ? t.couldNotRun : p.verdict === 'reachable' ? t.gotThrough : p.verdict === 'unreachable' ? t.didNotGetThrough : t.couldNotTell;
  const card = h('div', { className: `card card-${cls}`, id: 'probe-result' },
    h('p', { className: 'verdict' }, verdict),
    h('p', {}, ...fill(t.probeLine, s.pair.source, code(p.address), p.networkName, when(p.at))));
  if (p.reason) append(card, h('p', {}, p.reason));
  if (p.error) append(card, h('p', {}, p.error));
  if (p.command) append(card, h('p', {}, ...fill(t.commandInside, code(s.pair.source), code(p.command))));
  if (p.agreement) {
    append(card, h('p', { id: 'probe-agreement', className: p.agreement.agrees === false ? 'disagree' : 'agree', role: p.agreement.agrees === false ? 'alert' : undefined }, p.agreement.text));
  }
  return card;
}

function render(s: ExplainReachState, ui: ViewUi<'explainReach'>): Node[] {
  const t = texts<Text>();
  const e = s.explanation;
  const out: Node[] = [h('header', { className: 'view-header' },
    h('h1', {}, fmt(t.title, s.pair.source, s.pair.target)),
    h('p', { className: 'intro' }, s.engine ? fmt(t.introEngine, s.engine) : t.intro))];
  for (const g of s.gone) out.push(banner(g, 'warning'));
  const sourceThere = !s.gone.some((g) => g.startsWith(s.pair.source));
  out.push(h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    ui.button(t.probeNow, { action: 'probe' }, {
      id: 'act-probe', className: 'primary', disabled: 'unavailable' in e.probe || s.probe?.running === true,
      title: 'unavailable' in e.probe ? e.probe.unavailable : fmt(t.probeTitle, s.pair.source, e.probe.address, e.probe.networkName),
    }),
    ui.button(fmt(t.swap, s.pair.target, s.pair.source), { action: 'swap' }, { id: 'act-swap' }),
    ui.button(fmt(t.containerNetworking, s.pair.source), { action: 'showContainerNetworking', containerId: e.source.id }, { id: 'act-source', disabled: !sourceThere })));
  out.push(h('div', { className: `card card-${e.reachable ? 'yes' : 'no'}`, id: 'verdict' },
    h('p', { className: 'verdict' }, e.reachable ? t.reachable : t.notReachable),
    h('p', {}, e.verdict)));
  if (!e.agreesWithModel) out.push(banner(t.modelDisagrees, 'error'));
  if ('unavailable' in e.probe) out.push(h('p', { className: 'help', id: 'probe-unavailable' }, fmt(t.probeUnavailable, e.probe.unavailable)));
  const card = probeCard(t, s);
  if (card) out.push(card);

  out.push(section('steps', t.steps, h('ol', { className: 'plain steps' }, ...e.steps.map(stepItem))));

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
  out.push(section('fixes', e.reachable ? t.suggestions : t.fixes, fixes.length > 0
    ? h('ul', { className: 'plain fixes' }, ...fixes)
    : muted(e.reachable ? t.nothingToFix : t.noFix)));
  const main = h('div', { className: 'view' });
  append(main, ...out);
  return [main];
}

startView('explainReach', render);

// The topology page's markup: the side bar (engine, filter, toggles, the container list, what the selection reaches)
// and the map with its toolbar. Behaviour is wired by src/webview/topology.ts. The words: src/core/pageText/topology.ts.
import type { TopologyText } from '../../core/pageText/topology';
import { h } from '../lib/dom';
import { fmt, texts } from '../lib/text';

/** The elements the page works with. */
export function pageElements() {
  const t = texts<TopologyText>();
  return {
    engine: h('p', { className: 'intro', id: 'engine' }, t.waiting),
    filter: h('input', { type: 'search', id: 'filter', className: 'code', placeholder: t.filterPlaceholder, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'filter-help' }),
    only: h('input', { type: 'checkbox', id: 'only' }),
    collapse: h('input', { type: 'checkbox', id: 'collapse' }),
    listHeading: h('h2', { id: 'containers-h' }, t.containers),
    list: h('ul', { id: 'containers', role: 'listbox', tabindex: 0, 'aria-labelledby': 'containers-h', className: 'topo-list' }),
    reachSummary: h('p', { id: 'reach-summary' }, t.selectHint),
    reachList: h('ul', { id: 'reach-list', className: 'topo-reach', 'aria-label': t.reachable }),
    blocked: h('div', { id: 'reach-blocked' }),
    openSelected: h('button', { type: 'button', className: 'secondary', id: 'open-selected', hidden: true }, t.showNetworking),
    explainSelected: h('button', { type: 'button', className: 'secondary', id: 'explain-selected', hidden: true }, t.explain),
    status: h('p', { className: 'status', id: 'status', role: 'status' }),
    problem: h('div', { className: 'banner banner-error', id: 'problem', role: 'alert', hidden: true }),
    cy: h('div', { id: 'cy', tabindex: 0, role: 'application', 'aria-roledescription': t.mapRole, 'aria-label': t.mapLabel }),
  };
}

export type PageElements = ReturnType<typeof pageElements>;

/** A "why?" link beside a peer the selection cannot reach: Explain Reachability for that pair. */
export function whyButton(source: string, target: { id: string; name: string }, explain: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', className: 'link', 'data-explain': target.id, title: fmt(texts<TopologyText>().whyTitle, source, target.name) }, texts<TopologyText>().why);
  b.addEventListener('click', explain);
  return b;
}

export interface Tools {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  relayout(): void;
}

/** Puts the elements in place in #app, with the toolbar's buttons. */
export function layOut(el: PageElements, tools: Tools): void {
  const app = document.getElementById('app');
  if (!app) throw new Error('no #app');
  const t = texts<TopologyText>();
  const tool = (text: string, label: string, fn: () => void, id: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', className: 'secondary', id, title: label, 'aria-label': label }, text);
    b.addEventListener('click', fn);
    return b;
  };
  const side = h('aside', { className: 'topo-side' },
    h('h1', {}, t.title),
    el.engine,
    h('div', { className: 'field' },
      h('label', { for: 'filter' }, t.filter),
      el.filter,
      h('p', { className: 'help', id: 'filter-help' }, t.filterHelp)),
    h('div', { className: 'field field-check' }, el.only, h('label', { for: 'only' }, t.onlyMatches)),
    h('div', { className: 'field field-check' }, el.collapse, h('label', { for: 'collapse' }, t.collapse)),
    el.listHeading,
    el.list,
    h('section', { id: 'reach', 'aria-live': 'polite', 'aria-labelledby': 'reach-h' },
      h('h2', { id: 'reach-h' }, t.reachability),
      el.reachSummary,
      el.reachList,
      el.blocked,
      el.openSelected,
      el.explainSelected),
  );
  const toolbar = h('div', { className: 'topo-toolbar', role: 'toolbar', 'aria-label': t.toolbar },
    tool(t.fit, t.fitTitle, tools.fit, 'fit'),
    tool('+', t.zoomIn, tools.zoomIn, 'zoom-in'),
    tool('−', t.zoomOut, tools.zoomOut, 'zoom-out'),
    tool(t.relayout, t.relayoutTitle, tools.relayout, 'relayout'),
    el.status);
  const main = h('section', { className: 'topo-main' }, toolbar, el.problem, el.cy);
  app.replaceChildren(side, main);
  app.classList.add('topo');
  app.removeAttribute('aria-busy');
}

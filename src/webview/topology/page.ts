// The topology page's markup: the side bar (engine, filter, toggles, the container list, what the selection reaches)
// and the map with its toolbar. Behaviour is wired by src/webview/topology.ts.
import { h } from '../lib/dom';

/** The elements the page works with. */
export function pageElements() {
  return {
    engine: h('p', { className: 'intro', id: 'engine' }, 'Waiting for the engine…'),
    filter: h('input', { type: 'search', id: 'filter', className: 'code', placeholder: 'name, image, subnet or key=value', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'filter-help' }),
    only: h('input', { type: 'checkbox', id: 'only' }),
    collapse: h('input', { type: 'checkbox', id: 'collapse' }),
    listHeading: h('h2', { id: 'containers-h' }, 'Containers'),
    list: h('ul', { id: 'containers', role: 'listbox', tabindex: 0, 'aria-labelledby': 'containers-h', className: 'topo-list' }),
    reachSummary: h('p', { id: 'reach-summary' }, 'Select a container to see what it can reach.'),
    reachList: h('ul', { id: 'reach-list', className: 'topo-reach', 'aria-label': 'Reachable containers' }),
    blocked: h('div', { id: 'reach-blocked' }),
    openSelected: h('button', { type: 'button', className: 'secondary', id: 'open-selected', hidden: true }, 'Show Container Networking'),
    explainSelected: h('button', { type: 'button', className: 'secondary', id: 'explain-selected', hidden: true }, 'Explain Reachability…'),
    status: h('p', { className: 'status', id: 'status', role: 'status' }),
    problem: h('div', { className: 'banner banner-error', id: 'problem', role: 'alert', hidden: true }),
    cy: h('div', { id: 'cy', tabindex: 0, role: 'application', 'aria-roledescription': 'network map', 'aria-label': 'Topology map. Arrows pan, plus and minus zoom, 0 fits. Select containers from the list.' }),
  };
}

export type PageElements = ReturnType<typeof pageElements>;

/** A "why?" link beside a peer the selection cannot reach: Explain Reachability for that pair. */
export function whyButton(source: string, target: { id: string; name: string }, explain: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', className: 'link', 'data-explain': target.id, title: `Explain why ${source} cannot reach ${target.name}` }, 'why?');
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
  const tool = (text: string, label: string, fn: () => void, id: string): HTMLButtonElement => {
    const b = h('button', { type: 'button', className: 'secondary', id, title: label, 'aria-label': label }, text);
    b.addEventListener('click', fn);
    return b;
  };
  const side = h('aside', { className: 'topo-side' },
    h('h1', {}, 'Topology'),
    el.engine,
    h('div', { className: 'field' },
      h('label', { for: 'filter' }, 'Filter by name or label'),
      el.filter,
      h('p', { className: 'help', id: 'filter-help' }, 'Every word must match a name, image, driver, subnet or label; key=value matches a label.')),
    h('div', { className: 'field field-check' }, el.only, h('label', { for: 'only' }, 'Hide what does not match')),
    h('div', { className: 'field field-check' }, el.collapse, h('label', { for: 'collapse' }, 'Collapse built-in networks')),
    el.listHeading,
    el.list,
    h('section', { id: 'reach', 'aria-live': 'polite', 'aria-labelledby': 'reach-h' },
      h('h2', { id: 'reach-h' }, 'Reachability'),
      el.reachSummary,
      el.reachList,
      el.blocked,
      el.openSelected,
      el.explainSelected),
  );
  const toolbar = h('div', { className: 'topo-toolbar', role: 'toolbar', 'aria-label': 'Map' },
    tool('Fit', 'Fit the map to the window (0)', tools.fit, 'fit'),
    tool('+', 'Zoom in (+)', tools.zoomIn, 'zoom-in'),
    tool('−', 'Zoom out (-)', tools.zoomOut, 'zoom-out'),
    tool('Re-layout', 'Lay out what is shown again (hidden nodes keep their places)', tools.relayout, 'relayout'),
    el.status);
  const main = h('section', { className: 'topo-main' }, toolbar, el.problem, el.cy);
  app.replaceChildren(side, main);
  app.classList.add('topo');
  app.removeAttribute('aria-busy');
}

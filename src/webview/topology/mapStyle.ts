// The map's look: colours from the workbench theme (--vscode-* variables, through media/topology.css) and the cytoscape
// stylesheet.
import type { StylesheetJson } from 'cytoscape';

export interface Theme {
  fg: string;
  muted: string;
  bg: string;
  edge: string;
  net: string;
  builtin: string;
  running: string;
  stopped: string;
  source: string;
  reached: string;
  font: string;
}

/**
 * The colours come from media/topology.css (`--dn-map-*`, each a `--vscode-*` variable with its fallback): no colour is
 * written here. A variable the page lacks (its stylesheet did not load) takes the body's own computed colour.
 */
export function readTheme(): Theme {
  const s = getComputedStyle(document.body);
  const v = (name: string, otherwise = s.color): string => s.getPropertyValue(`--dn-map-${name}`).trim() || otherwise;
  return {
    fg: v('fg'), muted: v('muted'), bg: v('bg', s.backgroundColor), edge: v('edge'), net: v('net'), builtin: v('builtin'),
    running: v('running'), stopped: v('stopped'), source: v('source'), reached: v('reached'), font: v('font', s.fontFamily),
  };
}

/** The colours the map draws with, on the map's element (the workbench tests check their contrast in each theme). */
export function showTheme(el: HTMLElement, t: Theme): void {
  Object.assign(el.dataset, { labelColor: t.fg, edgeLabelColor: t.muted, edgeColor: t.edge, labelBackground: t.bg });
}

/**
 * The map's style. Kept lean on purpose: every property of a rule that matches all 3000+ elements is parsed and applied
 * per element on the first render, so text properties live only on the rules of elements that show a label.
 */
export function stylesheet(t: Theme, big: boolean): StylesheetJson {
  const text = { color: t.fg, 'font-family': t.font, 'text-outline-color': t.bg, 'text-outline-width': 2, 'text-valign': 'bottom' as const };
  return [
    { selector: 'node.con', style: { width: 12, height: 12, 'background-color': t.stopped } },
    { selector: 'node.running', style: { 'background-color': t.running } },
    { selector: 'node.net', style: {
      shape: 'round-rectangle', width: 'data(size)', height: 'data(size)', 'background-color': t.net,
    } },
    { selector: 'node.net.lbl, node.net.via', style: { label: 'data(label)', 'font-size': 11, 'font-weight': 'bold', 'text-margin-y': 3, 'min-zoomed-font-size': 6, ...text } },
    { selector: 'node.builtin', style: { 'background-color': t.builtin } },
    { selector: 'node.collapsed', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': t.fg } },
    { selector: 'node.con.lbl, node.src, node.hit', style: { label: 'data(name)', 'font-size': 9, 'min-zoomed-font-size': 8, 'text-margin-y': 2, ...text } },
    { selector: 'edge', style: { width: 1, 'line-color': t.edge, 'curve-style': big ? 'haystack' : 'straight' } },
    { selector: 'edge.lbl, edge.via', style: { label: 'data(label)', 'text-rotation': 'autorotate', 'font-size': 7, 'min-zoomed-font-size': 9, ...text, color: t.muted, 'text-valign': 'center' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.dim', style: { opacity: 0.15, 'text-opacity': 0 } },
    { selector: '.chid, .fhid', style: { display: 'none' } },
    { selector: 'node.src', style: { 'background-color': t.source, width: 20, height: 20, 'border-width': 3, 'border-color': t.fg, 'z-index': 20, 'font-size': 11, 'font-weight': 'bold' } },
    { selector: 'node.hit', style: { 'background-color': t.reached, width: 18, height: 18, 'border-width': 2, 'border-color': t.fg, 'z-index': 15, 'font-size': 11, 'font-weight': 'bold' } },
    { selector: 'node.via', style: { 'border-width': 3, 'border-color': t.source, 'z-index': 12 } },
    { selector: 'edge.via', style: { width: 3, 'line-color': t.source, opacity: 1, 'z-index': 10, color: t.fg } },
    { selector: 'node.focus', style: { 'overlay-color': t.source, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];
}

// The map's look: colours from the workbench theme (--vscode-* variables) and the cytoscape stylesheet.
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

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export function readTheme(): Theme {
  const s = getComputedStyle(document.body);
  return {
    fg: cssVar(s, '--vscode-foreground', '#cccccc'),
    muted: cssVar(s, '--vscode-descriptionForeground', '#999999'),
    bg: cssVar(s, '--vscode-editor-background', '#1e1e1e'),
    edge: cssVar(s, '--vscode-editorIndentGuide-activeBackground1', cssVar(s, '--vscode-descriptionForeground', '#888888')),
    net: cssVar(s, '--vscode-charts-blue', '#3794ff'),
    builtin: cssVar(s, '--vscode-charts-purple', '#b180d7'),
    running: cssVar(s, '--vscode-charts-green', '#89d185'),
    stopped: cssVar(s, '--vscode-disabledForeground', '#808080'),
    source: cssVar(s, '--vscode-charts-orange', '#d18616'),
    reached: cssVar(s, '--vscode-charts-yellow', '#cca700'),
    font: cssVar(s, '--vscode-font-family', 'sans-serif'),
  };
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

// Finds English prose in webview scripts: string and template literals that would reach the user as words (text
// nodes, textContent, title/aria-label/placeholder, button labels), or that simply look like prose (a word, a space
// and another word; a capitalised word; a word ending in … or ?). Every such string must come from the host
// (src/core/pageText, sent in `init`). What is not prose is left alone by where it is used (the SKIP_* lists below)
// or, as a last resort, by its exact text (ALLOWED).
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Calls whose string arguments are never shown: selectors, class names, event names, tags, attribute names. */
const SKIP_CALLS = new Set([
  'createElement', 'querySelector', 'querySelectorAll', 'getElementById', 'closest', 'matches',
  'addEventListener', 'removeEventListener', 'getAttribute', 'removeAttribute', 'hasAttribute', 'dispatchEvent',
  'addClass', 'removeClass', 'toggleClass', 'hasClass', 'toggle', 'add', 'remove', 'contains', // classList, cytoscape
  'on', 'off', 'one', 'nodes', 'edges', 'elements', 'filter', 'selector', // cytoscape events and selectors
  'getPropertyValue', 'cssVar', 'escape', 'request', 'notify', 'startView', 'startForm', 'fieldId', 'errorId',
  'split', 'join', 'replace', 'startsWith', 'endsWith', 'includes', 'indexOf', 'slice', 'padStart', 'Error',
]);

/** Calls with arguments shown as text: which ones (`h` and `append`: from the given index on; the others are ids, kinds). */
const TEXT_CALLS: Record<string, { at?: number[]; from?: number }> = {
  h: { from: 2 }, append: { from: 1 }, button: { at: [0] }, tool: { at: [0, 1] }, muted: { at: [0] }, banner: { at: [0] },
  showBanner: { at: [0] }, flag: { at: [0] }, section: { at: [1] }, table: { at: [0] }, setStatus: { at: [0] },
  createTextNode: { at: [0] }, suggest: { at: [1, 2] }, text: { at: [1] }, textarea: { at: [1] }, select: { at: [1] },
  checkbox: { at: [1] }, custom: { at: [1] },
};

/** Object keys whose values are never shown (attributes, cytoscape and protocol fields). */
const SKIP_KEYS = new Set([
  'className', 'id', 'role', 'type', 'kind', 'method', 'action', 'selector', 'cls', 'classes', 'group', 'layout', 'name',
  'for', 'tabindex', 'inputmode', 'inputMode', 'autocomplete', 'spellcheck', 'autocapitalize', 'list', 'value', 'shape',
  'aria-hidden', 'aria-live', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-selected', 'symbol', 'label',
  'quality', 'curve-style', 'text-valign', 'text-rotation', 'border-style', 'font-weight', 'pixelRatio', 'block',
]);

/** Attributes and properties that are shown (or read out) as text. */
// (a placeholder is often an example value, `my-net`, `web, www`: it counts as text only when it looks like prose)
const TEXT_KEYS = new Set(['title', 'aria-label', 'aria-roledescription', 'aria-description', 'alt', 'textContent', 'innerText', 'message', 'empty', 'help', 'legend', 'addText']);

/** Exact texts that look like prose and are not (each with why). */
const ALLOWED = new Set<string>([
  '--network name=NET,gw-priority=N', // the docker flag that sets Run's route priority (shown as is in every language)
]);

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function keyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** The text of a literal, with each `${…}` of a template left out. */
function literalText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\u0001');
}

/** Looks like a sentence or a label: two words, a capitalised word, a word ending in … or ?, a word beside a value. */
export function looksLikeProse(text: string): boolean {
  return /[A-Za-z]{2,}[ \t]+[A-Za-z]/.test(text) || /(^|\u0001|\s)[A-Z][a-z]+/.test(text) || /[A-Za-z]{2,}(…|\?)/.test(text)
    // a word beside a value: `${n} hidden`, `at ${address}`
    || /\u0001[ \t]+[A-Za-z]{2,}|[A-Za-z]{2,}[ \t]+\u0001/.test(text);
}

/** How a literal is used: never shown (skip), shown as text (any word counts), or unknown (prose only). */
function useOf(node: ts.Node): 'skip' | 'text' | 'unknown' {
  let cur: ts.Node = node;
  for (;;) {
    const p = cur.parent;
    // climb through what passes the value on unchanged
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p)) { cur = p; continue; }
    if (ts.isConditionalExpression(p) && p.condition !== cur) { cur = p; continue; }
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(p.operatorToken.kind)) { cur = p; continue; }
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isCaseClause(p) || ts.isElementAccessExpression(p)) return 'skip';
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if ([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(op)) return 'skip';
      if (op === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) {
        const prop = p.left.name.text;
        if (TEXT_KEYS.has(prop)) return 'text';
        if (SKIP_KEYS.has(prop)) return 'skip';
      }
      return 'unknown';
    }
    if (ts.isPropertyAssignment(p)) {
      if (p.name === cur) return 'skip';
      const key = keyName(p.name);
      if (key !== undefined && (SKIP_KEYS.has(key) || key.startsWith('data-'))) return 'skip';
      if (key !== undefined && TEXT_KEYS.has(key)) return 'text';
      return 'unknown';
    }
    if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name) && p.name.text === 'name') return 'skip'; // Error subclasses
    if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      const name = calleeName(p);
      const index = p.arguments?.indexOf(cur as ts.Expression) ?? -1;
      if (index < 0) return 'unknown';
      if (name === undefined) return 'unknown';
      if (SKIP_CALLS.has(name)) return 'skip';
      // an attribute's or a cytoscape datum's name, then its value (a `label` datum is drawn on the map)
      if (name === 'setAttribute' || name === 'data' || name === 'style') return index === 0 ? 'skip' : 'unknown';
      const shown = TEXT_CALLS[name];
      if (!shown) return 'unknown';
      // the other arguments of these calls are ids, tags, kinds and paths
      return shown.at?.includes(index) || (shown.from !== undefined && index >= shown.from) ? 'text' : 'skip';
    }
    return 'unknown';
  }
}

/** The prose literals of one file's source. */
export function proseLiterals(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = literalText(node);
      const use = useOf(node);
      const prose = use === 'text' ? /[A-Za-z]{2,}/.test(text) : use === 'unknown' && looksLikeProse(text);
      if (prose && !ALLOWED.has(text)) {
        found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: text.replace(/\u0001/g, '${…}') });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

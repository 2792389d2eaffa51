// The page of every panel (forms, view panels, the map; see webviewHost.ts): a strict CSP (`default-src 'none'`,
// scripts only with this page's crypto nonce, styles and fonts only from the extension's own webview origin), every
// asset through asWebviewUri, no inline script or style and no inline handlers. The content is built by the bundled
// script (dist/webview/<entry>.js).
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

/** A fresh, unguessable nonce for one page load. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The only folder a panel's page may load from: the browser bundles (scripts and stylesheets). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** Escapes text for element content and double-quoted attributes (the CSP keeps its single quotes readable). */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** `styles`: more stylesheets from dist/webview (without .css) after forms.css, e.g. the view panels' `views`. */
export function formHtml(webview: vscode.Webview, extensionUri: vscode.Uri, entry: string, title: string, styles: string[] = []): string {
  const root = webviewRoot(extensionUri);
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, `${entry}.js`));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(root, 'forms.css'));
  const more = styles.map((s) => `\n<link rel="stylesheet" href="${escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(root, `${s}.css`)).toString())}">`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(css.toString())}">${more}
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(vscode.l10n.t('Loading…'))}</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}

// Words every page shares (the request backstop, the view builders of src/webview/lib/view.ts). Like every table in
// this folder: built on the host with `l10n.t` (configured from the extension's bundle), sent in the page's `init`,
// and the page reads it by key (src/webview/lib/text.ts); {0}, {1} are filled on the page by `fmt`.
import * as l10n from '@vscode/l10n';

/** Every page: what the channel says when no reply came (src/webview/lib/channel.ts). */
export function pageCommonText() {
  return {
    requestTimeout: l10n.t('The extension did not answer in time. Try again.'),
  };
}

/** The view panels' builders (tables, flags). */
export function viewCommonText() {
  return {
    ...pageCommonText(),
    none: l10n.t('None.'),
    /** {0}: a flag's name (Internal, Attachable…). */
    flagYes: l10n.t('{0}: yes'),
    flagNo: l10n.t('{0}: no'),
  };
}

export type PageCommonText = ReturnType<typeof pageCommonText>;
export type ViewCommonText = ReturnType<typeof viewCommonText>;

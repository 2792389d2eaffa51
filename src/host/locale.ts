// The core and docker layers translate with @vscode/l10n, which knows nothing of VS Code: hand it the bundle VS Code
// loaded for the display language (l10n/bundle.l10n.<language>.json), before anything below the host speaks. Without a
// translation for the language (English, or a language we have no bundle for) VS Code has no bundle, and
// @vscode/l10n then returns the English it was given, as VS Code's own l10n.t does. Intl formatting (core/localeFormat)
// follows vscode.env.language.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import { setDisplayLocale } from '../core/localeFormat';

export function configureCoreL10n(): void {
  const bundle = vscode.l10n.bundle;
  if (bundle) l10n.config({ contents: bundle });
  // dates, counts and durations in the same language (Intl)
  setDisplayLocale(vscode.env.language);
}

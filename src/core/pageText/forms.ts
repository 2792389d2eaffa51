// The forms' words: the shared machinery's (src/webview/lib/form*.ts) and each form's own (createNetwork.ts,
// connect.ts, run.ts beside this file). {0}, {1}: filled on the page (see common.ts).
import * as l10n from '@vscode/l10n';
import { pageCommonText } from './common';
import { connectText } from './connectForm';
import { createNetworkText } from './createNetworkForm';
import { runText } from './runForm';

export function formCommonText() {
  return {
    ...pageCommonText(),
    working: l10n.t('Working…'),
    copied: l10n.t('Command copied to the clipboard.'),
    copy: l10n.t('Copy'),
    /** The heading of the docker command the form would run (not `command`: the Run form's field of that name). */
    equivalentCommand: l10n.t('Equivalent docker command'),
    notices: l10n.t('Notes about this form'),
    remove: l10n.t('Remove'),
    routePriority: l10n.t('Route priority'),
    /** {0}: the docker flag that sets it. */
    routePriorityHelp: l10n.t('{0}. Of the container\'s networks, the one with the highest priority gives its default route (ties: network name order). A whole number, negative ones too. Empty: 0.'),
    /** A row's label in a family: {0} label, {1} IPv4 or IPv6. */
    rowFamily: l10n.t('{0} ({1})'),
    /** {0} label, {1} family, {2} row number. */
    rowFamilyN: l10n.t('{0} ({1} #{2})'),
    /** {0} label, {1} row number. */
    rowN: l10n.t('{0} #{1}'),
    labels: l10n.t('Labels'),
    /** {0}: row number. */
    labelKey: l10n.t('Label key #{0}'),
    labelValue: l10n.t('Label value #{0}'),
    labelRemove: l10n.t('Remove label #{0}'),
    labelAdd: l10n.t('Add label'),
  };
}

const FORM_TEXT = { createNetwork: createNetworkText, connect: connectText, run: runText };

export type FormTextOf = { [K in keyof typeof FORM_TEXT]: ReturnType<(typeof FORM_TEXT)[K]> & ReturnType<typeof formCommonText> };
export type FormCommonText = ReturnType<typeof formCommonText> & { intro: string; submit: string };

/** The strings of a form page of this kind (translated now, in the display language). */
export function formText<K extends keyof FormTextOf>(kind: K): FormTextOf[K] {
  return { ...formCommonText(), ...FORM_TEXT[kind]() } as FormTextOf[K];
}

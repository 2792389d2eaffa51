// Explain Reachability's words (src/webview/explainReach.ts). {0}, {1}: filled on the page (see common.ts).
import * as l10n from '@vscode/l10n';

export function explainReachText() {
  return {
    passes: l10n.t('passes'),
    fails: l10n.t('fails'),
    fact: l10n.t('fact'),
    probing: l10n.t('Probing…'),
    couldNotRun: l10n.t('The probe could not run'),
    gotThrough: l10n.t('The probe got through'),
    didNotGetThrough: l10n.t('The probe did not get through'),
    couldNotTell: l10n.t('The probe could not tell'),
    /** {0} source, {1} address, {2} network, {3} when. */
    probeLine: l10n.t('{0} → {1} on {2} · {3}'),
    /** {0} container, {1} the command. */
    commandInside: l10n.t('Command run inside {0}: {1}'),
    /** {0} source, {1} target. */
    title: l10n.t('Can {0} reach {1}?'),
    intro: l10n.t('The decision the reachability model takes, step by step, from what the engine reports. It updates with every change on the engine.'),
    /** {0}: the engine. */
    introEngine: l10n.t('The decision the reachability model takes, step by step, from what the engine reports ({0}). It updates with every change on the engine.'),
    toolbar: l10n.t('Explanation actions'),
    probeNow: l10n.t('Probe now'),
    /** {0} source, {1} address, {2} network. */
    probeTitle: l10n.t('Runs ping (or nc/wget) inside {0} to {1} on {2}'),
    /** {0} target, {1} source. */
    swap: l10n.t('Explain {0} → {1}'),
    containerNetworking: l10n.t('Container networking: {0}'),
    reachable: l10n.t('Reachable'),
    notReachable: l10n.t('Not reachable'),
    modelDisagrees: l10n.t('These steps and the reachability model disagree about this pair: this is a bug in the extension; the model\'s own ways and reasons are listed in the verdict.'),
    /** {0}: why there is no probe. */
    probeUnavailable: l10n.t('Probe now: {0}'),
    steps: l10n.t('Steps'),
    suggestions: l10n.t('Suggestions'),
    fixes: l10n.t('Fixes'),
    nothingToFix: l10n.t('Nothing to fix.'),
    noFix: l10n.t('No fix the extension can offer here.'),
  };
}

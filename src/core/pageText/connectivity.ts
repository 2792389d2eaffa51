// Check Connectivity's words (src/webview/connectivity.ts). {0}, {1}: filled on the page (see common.ts).
import * as l10n from '@vscode/l10n';

export function connectivityText() {
  return {
    couldNotRun: l10n.t('could not run'),
    waiting: l10n.t('waiting…'),
    /** {0}: how long the answer took, formatted ("12 ms", "1.5 sec"). */
    reachableMs: l10n.t('reachable ({0})'),
    reachable: l10n.t('reachable'),
    notReachable: l10n.t('not reachable'),
    couldNotTell: l10n.t('could not tell'),
    /** {0}: the error. */
    errorMark: l10n.t('error: {0}'),
    waitingMark: l10n.t('waiting'),
    /** {0}: what the probe found. */
    disagreesMark: l10n.t('{0}; disagrees with the model'),
    agreesMark: l10n.t('{0}; agrees with the model'),
    /** {0} agree, {1} disagree, {2} could not tell. */
    counts: l10n.t('{0} agree with the model, {1} disagree, {2} could not tell'),
    /** {0} done, {1} total, {2} the counts. */
    probing: l10n.t('Probing: {0} of {1} done ({2}).'),
    cancelled: l10n.t('Cancelled after {0} of {1} probes ({2}).'),
    /** {0} total, {1} the counts. */
    doneOne: l10n.t('Done: {0} probe ({1}).'),
    doneMany: l10n.t('Done: {0} probes ({1}).'),
    verdictCouldNotRun: l10n.t('The probe could not run'),
    verdictProbing: l10n.t('Probing…'),
    verdictReachable: l10n.t('Reachable'),
    verdictNotReachable: l10n.t('Not reachable'),
    verdictCouldNotTell: l10n.t('Could not tell'),
    /** {0} source, {1} target, {2} address, {3} network. */
    pairLine: l10n.t('{0} → {1} at {2} on {3}'),
    /** {0} container, {1} the command. */
    commandInside: l10n.t('Command run inside {0}: {1}'),
    /** {0}: what the model says. */
    model: l10n.t('Model: {0}'),
    stepsTried: l10n.t('Steps tried:'),
    /** {0} exit code, {1} reason. */
    stepExit: l10n.t('→ exit {0}: {1}'),
    gridCorner: l10n.t('from ↓ / to →'),
    gridCaption: l10n.t('Probe results, sources by row, targets by column'),
    /** {0}: the pair, or the network. */
    title: l10n.t('Connectivity: {0}'),
    /** {0} started, {1} the finished part (or nothing). */
    intro: l10n.t('Probes run inside the source container through the engine\'s exec API (ping; without ping, nc or wget on an exposed port), each bounded to about a second. Started {0}{1}.'),
    finished: l10n.t(', finished {0}'),
    toolbar: l10n.t('Probe actions'),
    cancel: l10n.t('Cancel'),
    runAgain: l10n.t('Run again'),
    networkDetails: l10n.t('Network details: {0}'),
    /** {0}: the pairs named (at most three). */
    disagreeOne: l10n.t('1 pair disagrees with the model: {0}. See the rows marked ⚠.'),
    /** {0} how many, {1} the pairs named (at most three). */
    disagreeMany: l10n.t('{0} pairs disagree with the model: {1}. See the rows marked ⚠.'),
    matrix: l10n.t('Matrix'),
    legend: l10n.t('✓ reachable, ✗ not reachable, ? could not tell, ⚠ disagrees with the model, … waiting.'),
    details: l10n.t('Details'),
    pairs: l10n.t('Pairs ({0})'),
    resultsCaption: l10n.t('Probe results'),
    source: l10n.t('Source'),
    target: l10n.t('Target'),
    address: l10n.t('Address'),
    modelColumn: l10n.t('Model'),
    probe: l10n.t('Probe'),
    command: l10n.t('Command'),
    agreement: l10n.t('Agreement'),
    noPair: l10n.t('No pair to probe.'),
  };
}

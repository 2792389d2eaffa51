// The webview protocols fuzzed (test/support/fuzzMessages.ts; the same cases run as a unit test): the counts.
import { PROTOCOLS, runFuzz, DEEP } from '../../test/support/fuzzMessages';
import { fmt, type Cell, type Section } from '../lib/report';

const PARSERS = { forms: 'parseWebviewMessage (messages.ts)', views: 'parseViewMessage (views.ts)', topology: 'parseTopologyMessage (topology.ts)' };

export function fuzzScenario(): Section {
  const tally = runFuzz();
  const rows: Cell[][] = PROTOCOLS.map((p) => {
    const t = tally[p];
    const groups = Object.entries(t.byGroup).map(([g, n]) => `${g} ${n}`).join(', ');
    return [PARSERS[p], t.kinds, t.cases, t.refused, t.accepted, t.wrong.length, t.threw.length, `${t.idKept}/${t.idExpected}`, t.longestError, fmt(t.ms), groups];
  });
  const all = PROTOCOLS.map((p) => tally[p]);
  const sum = (f: (t: (typeof all)[number]) => number): number => all.reduce((a, t) => a + f(t), 0);
  const pass = sum((t) => t.wrong.length + t.threw.length + t.idLost.length) === 0;
  const notes: string[] = [];
  for (const p of PROTOCOLS) {
    const t = tally[p];
    if (t.threw.length) notes.push(`FINDING (${p}): ${t.threw.length} cases threw, e.g. ${t.threw[0]}`);
    if (t.wrong.length) notes.push(`FINDING (${p}): ${t.wrong.length} cases misjudged, e.g. ${t.wrong[0]}`);
    if (t.longestError > 65536) notes.push(`${p}: a refusal can be ${t.longestError} characters long (${t.longestErrorCase}): it quotes the 1 MB input back (not a throw; the webview gets it in the reply).`);
  }
  return {
    id: 'fuzz',
    title: 'Webview messages fuzzed',
    done: `From one valid message of every kind of the three protocols, ${sum((t) => t.cases)} cases: every value replaced by each wrong type, every required key removed, extra keys (also \`constructor\` and a 1 MB name), an own \`__proto__\` key at every level, 1 MB strings, unknown types/methods/actions/layouts, ${DEEP}-deep nesting, and values beyond JSON (a cycle, a BigInt, a Date, a Map). Pure: no engine.`,
    measured: 'per parser: cases refused and accepted, misjudged (a malformed message accepted or a valid one refused), throws, refused requests that kept their id (their reply rejects instead of hanging), the longest refusal text, time.',
    expectation: 'every malformed message refused with a reason, every valid one accepted, no throw escapes, every refused request keeps its id',
    pass,
    head: ['parser', 'kinds', 'cases', 'refused', 'accepted', 'misjudged', 'threw', 'id kept', 'longest refusal (chars)', 'ms', 'cases by group'],
    rows,
    notes,
    figures: {
      cases: sum((t) => t.cases), refused: sum((t) => t.refused), accepted: sum((t) => t.accepted), misjudged: sum((t) => t.wrong.length),
      threw: sum((t) => t.threw.length), idLost: sum((t) => t.idLost.length),
    },
  };
}

// The results of a reliability run and docs/RELIABILITY.md made from them: a table per scenario (what was done,
// what was measured, the expectation, pass/fail, the numbers) and machine-readable lines at the end.

export type Cell = string | number | boolean;

export interface Section {
  /** Short id for the machine-readable lines, e.g. `kill.createNetwork`. */
  id: string;
  title: string;
  done: string;
  measured: string;
  expectation: string;
  pass: boolean;
  head: string[];
  rows: Cell[][];
  /** What the figures say beyond pass/fail: findings, caveats. */
  notes: string[];
  /** Figures for the machine-readable lines (`reliability <engine> <id>.<key> = <value>`). */
  figures: Record<string, Cell>;
}

export interface EngineRun {
  /** DN_ENGINE: 28 or 20 */
  kind: string;
  version: string;
  api: string;
  startedAt: string;
  seconds: number;
  /** How it was run (scenarios, churn duration, repetitions). */
  params: Record<string, Cell>;
  sections: Section[];
  unhandledRejections: number;
  uncaughtExceptions: number;
  faultSamples: string[];
}

export function fmt(x: number, digits = 0): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

export function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(2)} MB`;
}

function cell(c: Cell): string {
  const s = typeof c === 'boolean' ? (c ? 'yes' : 'no') : String(c);
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: Cell[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

const verdict = (pass: boolean): string => (pass ? '**PASS**' : '**FAIL**');

export function machineLines(runs: readonly EngineRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    const e = `engine${r.kind}`;
    out.push(`reliability ${e} version = ${r.version}`);
    for (const s of r.sections) {
      out.push(`reliability ${e} ${s.id}.pass = ${s.pass}`);
      for (const [k, v] of Object.entries(s.figures)) out.push(`reliability ${e} ${s.id}.${k} = ${typeof v === 'number' ? fmt(v, Number.isInteger(v) ? 0 : 1) : String(v)}`);
    }
    out.push(`reliability ${e} unhandledRejections = ${r.unhandledRejections}`, `reliability ${e} uncaughtExceptions = ${r.uncaughtExceptions}`);
  }
  return out;
}

export function renderMarkdown(runs: readonly EngineRun[]): string {
  const lines: string[] = [];
  const p = (...xs: string[]): void => void lines.push(...xs);
  p(
    '# Reliability: fault figures',
    '',
    'Made by `npm run reliability` (scripts/reliability.sh → reliability/run.ts); every number below is what that run',
    'produced (each engine\'s section is its latest run). Not a test and not part of `npm test`: a scenario that misses',
    'its expectation says FAIL here and the run still finishes (exit code 1 only when a scenario could not run at all).',
    'The protocol fuzz is also a unit test (test/unit/fuzz-messages.test.ts), so it runs in CI.',
    '',
    'It drives the project\'s own code (src/docker: `Engine`, `LiveModel`, the actions, `takeSnapshot`) against a',
    'private Docker engine of its own, started by scripts/engine.sh in a network namespace of its own (scripts/netns.sh,',
    '`dn-rel`: its own loopback, bridges and iptables; nothing reaches another address). Faults come from killing and',
    'restarting that dockerd (its pidfile; test/support/countingProxy.ts says when an action\'s request has been',
    'written) and from test/support/faultProxy.ts in front of its socket (every request delayed, stalled or answered',
    '503). Options: see scripts/reliability.sh. On a busy 2-core machine a run without churn (`-- --quick`) takes 10 to',
    '12 minutes (engine restarts take 5 to 20 s each here), the churn as long as `DN_CHURN_SECONDS` (default the issue\'s',
    'hour) plus a minute: about 70 minutes in all.',
    '',
  );
  p('## Summary', '', table(['engine', 'scenario', 'expectation', 'result', 'figures'],
    runs.flatMap((r) => r.sections.map((s) => [`${r.version} (API ${r.api})`, s.title, s.expectation, verdict(s.pass), summaryFigures(s)]))), '');
  const findings = runs.flatMap((r) => r.sections.flatMap((s) => s.notes.filter((n) => n.startsWith('FINDING')).map((n) => `- Docker ${r.version}, ${s.title}: ${n.replace(/^FINDING:? ?/, '').replace(/^\(([^)]*)\): /, '($1) ')}`)));
  p('## Findings', '', ...(findings.length ? findings : ['None: every scenario met its expectation.']), '');
  for (const r of runs) {
    p(`## Docker ${r.version} (API ${r.api})`, '',
      `Run started ${r.startedAt}, took ${fmt(r.seconds)} s. Parameters: ${Object.entries(r.params).map(([k, v]) => `${k} = ${cell(v)}`).join(', ')}.`,
      `Whole run: ${r.unhandledRejections} unhandled rejections, ${r.uncaughtExceptions} uncaught exceptions (counted by process handlers).`, '');
    for (const f of r.faultSamples) p(`- ${f}`);
    if (r.faultSamples.length) p('');
    for (const s of r.sections) {
      p(`### ${s.title} — ${verdict(s.pass)}`, '', `**Done:** ${s.done}`, '', `**Measured:** ${s.measured}`, '', `**Expected:** ${s.expectation}`, '');
      p(table(s.head, s.rows), '');
      for (const n of s.notes) p(`- ${n}`);
      if (s.notes.length) p('');
    }
  }
  p('## Machine-readable', '', '```', ...machineLines(runs), '```', '');
  return lines.join('\n');
}

function summaryFigures(s: Section): string {
  return Object.entries(s.figures).map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v, Number.isInteger(v) ? 0 : 1) : String(v)}`).join(', ');
}

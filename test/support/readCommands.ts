// Exported docker commands read back the way a person pastes them into a shell, with the project's own command-line
// parser (src/core/commandLine.ts) instead of a shell: `#` lines skipped, ` \` continuations joined, one argv each.
import { splitCommand } from '../../src/core/commandLine';

export function readCommands(text: string): string[][] {
  const out: string[][] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (pending === '' && (line.startsWith('#') || line.trim() === '')) continue;
    pending += `${line}\n`;
    if (line.endsWith('\\')) continue;
    const split = splitCommand(pending);
    if (split.error) throw new Error(`${split.error}\n${pending}`);
    out.push(split.argv);
    pending = '';
  }
  if (pending !== '') throw new Error(`the text ends inside a command:\n${pending}`);
  return out;
}

// The Run form's command line, split into argv the way a POSIX shell splits words (but never run by one).
import * as l10n from '@vscode/l10n';

export interface SplitCommand {
  argv: string[];
  /** Set when the line is not well formed (an unclosed quote, a trailing backslash); argv is then a best effort. */
  error?: string;
}

/**
 * Splits a command line into argv the way a POSIX shell splits words, without running one: no variables, no globbing,
 * no operators. Single quotes keep everything literally; double quotes keep everything but `\"`, `\\`, `\$` and `` \` ``;
 * outside quotes a backslash keeps the next character. Adjacent parts join (`a'b c'` is one word); `''` is an empty word.
 */
export function splitCommand(line: string): SplitCommand {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  let error: string | undefined;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      inWord = true;
      if (end < 0) {
        word += line.slice(i + 1);
        error = l10n.t('The command has a single quote that is never closed.');
        i = line.length;
      } else {
        word += line.slice(i + 1, end);
        i = end + 1;
      }
    } else if (ch === '"') {
      inWord = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i];
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) error = l10n.t('The command has a double quote that is never closed.');
    } else if (ch === '\\') {
      if (i + 1 < line.length) {
        // A backslash before a newline joins the lines, as in a shell: it starts no word (`a \⏎  b` is two words).
        if (line[i + 1] !== '\n') {
          word += line[i + 1];
          inWord = true;
        }
        i += 2;
      } else {
        inWord = true;
        word += '\\';
        error = l10n.t('The command ends with a backslash that escapes nothing.');
        i++;
      }
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) argv.push(word);
  return error === undefined ? { argv } : { argv, error };
}

// Markdown helpers for tooltips. Every value that comes from the engine (names, labels, images) is
// user-controlled, so it must never be able to inject links, HTML, headings or theme icons.

/** Escapes text so Markdown renders it literally. Newlines become spaces so a value cannot start a new block. */
export function escapeMarkdown(text: string): string {
  // CommonMark allows a backslash before any ASCII punctuation; escaping all of it is simplest and safe.
  return text.replace(/\r\n?|\n/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Wraps text in an inline code span that no backtick inside the text can close early. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ');
  if (flat === '') return ''; // an empty span is not valid Markdown; it would show two literal backticks
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space keeps a leading/trailing backtick from merging with the fence; CommonMark strips one each side.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

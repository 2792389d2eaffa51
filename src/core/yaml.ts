// A small YAML emitter for what "Copy as Compose" writes: block mappings and sequences of strings and booleans, with
// comment lines. Small enough to read whole, so the extension needs no YAML library. Strings are plain only when no
// YAML 1.1 or 1.2 reader could take them for anything else (a number, a boolean, null, a date, an indicator);
// everything else is written in double quotes, JSON's escapes being YAML's too.

/** A `# …` line at its place in a mapping. */
export interface YamlComment {
  readonly comment: string;
}

export type YamlNode = string | number | boolean | readonly YamlNode[] | YamlMap;

/** A mapping, its entries in order (comments among them). */
export class YamlMap {
  readonly entries: (readonly [string, YamlNode] | YamlComment)[] = [];

  set(key: string, value: YamlNode | undefined): this {
    if (value !== undefined) this.entries.push([key, value]);
    return this;
  }

  note(comment: string): this {
    this.entries.push({ comment });
    return this;
  }

  get size(): number {
    return this.entries.filter((e) => !('comment' in e)).length;
  }
}

/** Words YAML 1.1 reads as booleans or null (any case). */
const RESERVED = /^(y|n|yes|no|on|off|true|false|null|~)$/i;
/**
 * Starts with a letter, `_` or `/`, then only letters, digits and `_./:-`, not ending in `:`: never a number, date,
 * indicator or key (a `:` is one only before a space or at the end).
 */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:-]*$/;

/** A string as a YAML scalar: plain when that is safe, else double-quoted. */
export function yamlString(s: string): string {
  if (PLAIN.test(s) && !s.endsWith(':') && !RESERVED.test(s)) return s;
  // JSON leaves NEL and the Unicode line and paragraph separators as they are; a YAML 1.1 reader would break the line.
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Scalar = string | number | boolean;

function isScalar(v: YamlNode): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function scalar(v: Scalar): string {
  return typeof v === 'string' ? yamlString(v) : String(v);
}

function isEmpty(v: YamlNode): boolean {
  return v instanceof YamlMap ? v.entries.length === 0 : Array.isArray(v) && v.length === 0;
}

function commentLines(text: string, pad: string): string[] {
  return text.split('\n').map((l) => (l === '' ? `${pad}#` : `${pad}# ${l}`));
}

/** A value that is not a scalar, its lines indented by `indent` spaces. */
function blockLines(v: YamlMap | readonly YamlNode[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  if (v instanceof YamlMap) {
    for (const e of v.entries) {
      if ('comment' in e) {
        out.push(...commentLines(e.comment, pad));
        continue;
      }
      const [key, value] = e;
      if (isScalar(value)) out.push(`${pad}${yamlString(key)}: ${scalar(value)}`);
      else if (isEmpty(value)) out.push(`${pad}${yamlString(key)}: ${value instanceof YamlMap ? '{}' : '[]'}`);
      else out.push(`${pad}${yamlString(key)}:`, ...blockLines(value, indent + 2));
    }
    return out;
  }
  for (const item of v as readonly YamlNode[]) {
    if (isScalar(item)) {
      out.push(`${pad}- ${scalar(item)}`);
    } else if (isEmpty(item)) {
      out.push(`${pad}- ${item instanceof YamlMap ? '{}' : '[]'}`);
    } else {
      // The item's first line goes on the dash; the rest stay two spaces in, under it.
      const inner = blockLines(item, indent + 2);
      out.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
    }
  }
  return out;
}

/** The document: the mapping's lines, then a newline. */
export function toYaml(doc: YamlMap): string {
  return `${blockLines(doc, 0).join('\n')}\n`;
}

/** The mapping's lines indented by `indent`, as one text: put in a comment, what a snippet shows but leaves out. */
export function commentedOut(v: YamlMap, indent: number): string {
  return blockLines(v, indent).join('\n');
}

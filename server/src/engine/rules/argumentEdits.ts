// Edits to a call's arguments in the call's own syntax: a Python keyword argument (`max_tokens=16`), a dict entry
// (`"max_output_tokens": 16`) or a JS property (`maxOutputTokens: 16`), added after the last entry on the same line or
// on a new line indented like it, keeping a trailing comma and any comment where they are. Only the argument list
// changes (test/rules/argumentEdits.property.test.ts parses every result).
import type { ArgumentContainer, ArgumentEntry, SourceEdit, SourceLanguage } from '../types';

/** A value written in the target language: a number, a string, or an object of them. */
export type ArgumentValue = number | string | { [key: string]: ArgumentValue };

export function isPython(language: SourceLanguage): boolean {
  return language === 'python';
}

/** `value` as source: Python uses double-quoted strings and `{"k": v}`, JS single-quoted strings and `{ k: v }`. */
export function valueCode(value: ArgumentValue, python: boolean): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return python ? JSON.stringify(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const entries = Object.entries(value).map(([k, v]) => (python ? `${JSON.stringify(k)}: ${valueCode(v, python)}` : `${propertyKey(k)}: ${valueCode(v, python)}`));
  return python ? `{${entries.join(', ')}}` : `{ ${entries.join(', ')} }`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
}

/** One entry as written in `container`: `key=value` in an argument list or keyword call, else a dict/object entry. */
function entryCode(container: ArgumentContainer, key: string, value: ArgumentValue, python: boolean): string {
  const code = valueCode(value, python);
  if (container.kind === 'arguments' || container.kind === 'call') return python ? `${key}=${code}` : `${propertyKey(key)}: ${code}`;
  return python ? `${JSON.stringify(key)}: ${code}` : `${propertyKey(key)}: ${code}`;
}

/**
 * The edit that adds `key: value` to `container`; undefined where no argument can be added safely (a bare generator
 * argument, a container that is not where the document says it is).
 */
export function addEntryEdit(
  documentText: string,
  container: ArgumentContainer,
  key: string,
  value: ArgumentValue,
  language: SourceLanguage,
  /** Put it right after this named entry when it is written and not the last (two fixes then never add at one spot). */
  after?: string,
): SourceEdit | undefined {
  const python = isPython(language);
  const { start, end } = container.span;
  const open = documentText[start];
  const close = documentText[end - 1];
  if (!(open === '(' || open === '{') || !(close === ')' || close === '}')) return undefined;
  if (container.entries.some((e) => e.bareGenerator)) return undefined;
  const entry = entryCode(container, key, value, python);
  const anchor = after === undefined ? -1 : container.entries.findIndex((e) => e.name === after);
  if (anchor >= 0 && anchor < container.entries.length - 1) {
    // A keyword entry is followed only by keywords and spreads, so a keyword after it is valid in Python too.
    const at = container.entries[anchor];
    const next = container.entries[anchor + 1];
    if (!/^\s*,/.test(documentText.slice(at.span.end, next.span.start))) return undefined;
    const lineStart = documentText.lastIndexOf('\n', at.span.start - 1) + 1;
    const ownLine = /^[ \t]*$/.test(documentText.slice(lineStart, at.span.start)) && /\n/.test(documentText.slice(at.span.end, next.span.start));
    const separator = ownLine ? `,\n${/^[ \t]*/.exec(documentText.slice(lineStart))![0]}` : ', ';
    return { span: { start: at.span.end, end: at.span.end }, newText: separator + entry };
  }
  const last: ArgumentEntry | undefined = container.entries[container.entries.length - 1];
  if (!last) {
    // Empty: `f()` → `f(key=value)`, `{}` → `{ key: value }`.
    const inner = documentText.slice(start + 1, end - 1);
    if (inner.trim() !== '') return undefined;
    const text = open === '{' && !python ? ` ${entry} ` : entry;
    return { span: { start: start + 1, end: end - 1 }, newText: text };
  }
  const between = documentText.slice(last.span.end, end - 1);
  // Something other than a comma, whitespace or a comment after the last entry: not the container we read.
  if (!/^\s*,?\s*(?:(?:#|\/\/)[^\n]*\s*)*$/.test(between)) return undefined;
  const multiLine = /\n/.test(documentText.slice(start, end));
  const lineStart = documentText.lastIndexOf('\n', last.span.start - 1) + 1;
  const lastOnOwnLine = multiLine && /^[ \t]*$/.test(documentText.slice(lineStart, last.span.start));
  const indent = /^[ \t]*/.exec(documentText.slice(lineStart))![0];
  // One argument per line with a trailing comma: a new line of its own after that line (its comment stays on it).
  const trailing = lastOnOwnLine ? /^,[ \t]*(?:(?:#|\/\/)[^\n]*)?(?=\n)/.exec(between) : null;
  if (trailing) {
    const at = last.span.end + trailing[0].length;
    return { span: { start: at, end: at }, newText: `\n${indent}${entry},` };
  }
  // Otherwise right after the last entry (a comment after it then follows the new entry).
  const separator = lastOnOwnLine ? `,\n${indent}` : ', ';
  return { span: { start: last.span.end, end: last.span.end }, newText: separator + entry };
}

/** The edit that replaces an entry's value. */
export function replaceValueEdit(entry: ArgumentEntry, value: ArgumentValue, language: SourceLanguage): SourceEdit | undefined {
  if (!entry.value) return undefined;
  return { span: { ...entry.value.span }, newText: valueCode(value, isPython(language)) };
}

/** The named entry of a container, if written there. */
export function entryNamed(container: ArgumentContainer, ...names: string[]): ArgumentEntry | undefined {
  return container.entries.find((e) => e.name !== undefined && names.includes(e.name));
}

// A small, bounded reader for the YAML that prompt configs use (crewAI agents.yaml / tasks.yaml, LangChain prompt
// files): top-level fields and one level of entries (`researcher:` → `role`, `goal`, `backstory`), each value a plain,
// quoted or block (`>`, `|`, with `-`/`+`) scalar. Gives every value's decoded text with a map back to the source
// offsets, so hints land on the field. Anything else (anchors, flow mappings, deeper nesting) is skipped, not guessed.
import type { TextPart } from '../../types';
import { literalInfo } from '../literals';

export interface YamlField {
  name: string;
  text: string;
  /** offsets[i] = source offset of text[i]; offsets[text.length] = end of the value. */
  offsets: number[];
  start: number;
  end: number;
  line: number;
}

export interface YamlDocument {
  /** Fields at the top level (`template: …`). */
  top: YamlField[];
  /** `entry:` → its fields. */
  entries: Map<string, YamlField[]>;
}

/** Lines read at most (a generated 50 MB YAML stops here rather than building a huge map). */
export const MAX_YAML_LINES = 200_000;

interface Line {
  start: number;
  end: number;
  indent: number;
  text: string;
}

export function readYamlFields(source: string): YamlDocument {
  const lines: Line[] = [];
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos <= source.length && lines.length < MAX_YAML_LINES) {
    let end = source.indexOf('\n', pos);
    if (end < 0) end = source.length;
    const raw = source.slice(pos, end).replace(/\r$/, '');
    lines.push({ start: pos, end: pos + raw.length, indent: raw.length - raw.trimStart().length, text: raw });
    pos = end + 1;
  }
  const doc: YamlDocument = { top: [], entries: new Map() };
  let entry: YamlField[] | undefined;
  let entryIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed === '---') continue;
    const m = /^([A-Za-z_][\w.-]*|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/.exec(trimmed);
    if (!m) continue;
    const name = m[1].replace(/^["']|["']$/g, '');
    const rest = m[2] ?? '';
    if (line.indent === 0) {
      if (!rest || rest.startsWith('#')) {
        entry = [];
        entryIndent = -1;
        doc.entries.set(name, entry);
        continue;
      }
      entry = undefined;
    } else if (!entry || (entryIndent >= 0 && line.indent !== entryIndent)) {
      continue;
    } else {
      entryIndent = line.indent;
    }
    const valueStart = line.start + line.indent + m[0].length - rest.length;
    const { field, next } = scalar(name, rest, valueStart, lines, i, source);
    i = next;
    if (field) (entry ?? doc.top).push(field);
  }
  return doc;
}

function scalar(name: string, rest: string, valueStart: number, lines: Line[], index: number, source: string): { field?: YamlField; next: number } {
  const block = /^([>|])([+-]?)\s*(?:#.*)?$/.exec(rest);
  if (block) {
    const folded = block[1] === '>';
    const keep = block[2] === '+';
    const parentIndent = lines[index].indent;
    let j = index + 1;
    let indent = -1;
    const body: Line[] = [];
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l.text.trim()) { body.push(l); continue; }
      if (l.indent <= parentIndent) break;
      if (indent < 0) indent = l.indent;
      if (l.indent < indent) break;
      body.push(l);
    }
    while (body.length && !body[body.length - 1].text.trim()) body.pop();
    if (indent < 0 || !body.length) return { next: j - 1 };
    const text: string[] = [];
    const offsets: number[] = [];
    body.forEach((l, k) => {
      if (k > 0) {
        const previousBlank = !body[k - 1].text.trim();
        const blank = !l.text.trim();
        // Folded: a single line break becomes a space; each blank line is one line break. Literal: breaks kept.
        const separator = !folded || blank ? '\n' : previousBlank ? '' : ' ';
        if (separator) { text.push(separator); offsets.push(body[k - 1].end); }
      }
      if (!l.text.trim()) return;
      for (let c = l.start + indent; c < l.end; c++) { text.push(source[c]); offsets.push(c); }
    });
    if (keep) { text.push('\n'); offsets.push(body[body.length - 1].end); }
    const last = body[body.length - 1];
    offsets.push(last.end);
    return { field: { name, text: text.join(''), offsets, start: body[0].start + indent, end: last.end, line: index }, next: j - 1 };
  }
  const quoted = /^(["'])(.*)\1\s*(?:#.*)?$/.exec(rest);
  let value = rest.replace(/\s+#.*$/, '');
  let start = valueStart;
  if (quoted) {
    value = quoted[2];
    start = valueStart + 1;
    if (quoted[1] === '"' && /\\/.test(value)) return { next: index }; // escapes: not mapped, skipped
    if (quoted[1] === "'" && value.includes("''")) return { next: index };
  }
  if (!value || /^[[{&*!|>]/.test(value)) return { next: index };
  const offsets = Array.from({ length: value.length + 1 }, (_, k) => start + k);
  return { field: { name, text: value, offsets, start, end: start + value.length, line: index }, next: index };
}

/** A field's text as a read-only prompt part (fixers never rewrite YAML). */
export function fieldPart(field: YamlField): TextPart {
  return { kind: 'text', text: field.text, span: { start: field.start, end: field.end }, offsets: field.offsets, literal: literalInfo('prompt', '', { raw: true, bracesAreSyntax: true, readOnly: true }) };
}

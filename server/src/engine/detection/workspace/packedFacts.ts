// Facts as the index keeps them: compact. The workspace index holds the facts of every code file (and the editor of
// every open one) for as long as the server runs, so what extractFacts builds is copied once into a smaller form:
//   - a text part's per-character `offsets` (8 bytes a character) become runs — [textIndex, sourceOffset, …], one
//     pair where the map stops advancing by one (an escape, a dedent) — and are expanded only for a finding that
//     becomes a prompt (unpackParts);
//   - arrays are copied at their length (a parse-time `[]` grown by push reserves 17 slots: 152 bytes for one name);
//   - strings are copied flat and shared within the file: a name sliced from the source (`text(source, node)`) keeps
//     the whole source text alive, and the facts must not keep every file's text;
//   - keys whose value is undefined are left out (facts are JSON), and values written alike in one file (empty
//     `locals`, `params: ["self"]`, a `returns` of `json.dumps(…)`) are one shared object.
// Measured on 50 open 5,000-line files (test/bench/server.bench.ts): facts 1.15 MB → see docs/design/editor.md.
import type { PromptPart, TextPart } from '../../types';
import type { FactPart, FileFacts, PackedTextPart } from './fileFacts';

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});
/** Values whose JSON is longer than this are not looked up for sharing (texts, long argument lists). */
const MAX_SHARED_KEY = 256;

/**
 * A compact copy of `facts` (same JSON, except text parts' `offsets` → `runs`). Values written alike in one file —
 * `params: ["self"]`, `returns: {kind: "call", path: ["json", "dumps"]}` — become one shared object; the facts
 * themselves (each import, binding, function, class and call) stay distinct objects, since the index keys its
 * summaries and resolved callees by them. Nothing changes facts once they are packed.
 */
export function packFacts(facts: FileFacts): FileFacts {
  const strings = new Map<string, string>();
  const shared = new Map<string, unknown>();
  /** The copy and its sharing key (its JSON, when short enough to look up). `depth` < 3: a fact or its lists. */
  const copy = (value: unknown, depth: number): [unknown, string | undefined] => {
    if (typeof value === 'string') {
      const flat = flatString(value, strings);
      return [flat, flat.length < MAX_SHARED_KEY ? JSON.stringify(flat) : undefined];
    }
    if (typeof value !== 'object' || value === null) return [value, String(value)];
    let out: unknown;
    let key: string | undefined;
    if (Array.isArray(value)) {
      const items = new Array(value.length);
      const keys: (string | undefined)[] = [];
      for (let i = 0; i < value.length; i++) [items[i], keys[i]] = copy(value[i], depth + 1);
      out = items;
      key = joinKeys('[', keys, ']');
    } else {
      const record = value as Record<string, unknown>;
      if (isTextPart(record)) {
        const packed: PackedTextPart = { kind: 'text', text: flatString(record.text, strings), span: { start: record.span.start, end: record.span.end }, runs: offsetRuns(record.offsets), literal: copy(record.literal, depth + 1)[0] as TextPart['literal'] };
        return [packed, undefined];
      }
      // Facts are JSON: a key whose value is undefined says nothing (`paramDefaults` of a parameter without one).
      const names = Object.keys(record).filter((k) => record[k] !== undefined);
      if (names.length === 0 && depth >= 3) return [EMPTY, '{}'];
      const fields: Record<string, unknown> = {};
      const keys: (string | undefined)[] = [];
      for (const name of names) {
        const [field, fieldKey] = copy(record[name], depth + 1);
        fields[name] = field;
        keys.push(fieldKey === undefined ? undefined : `${JSON.stringify(name)}:${fieldKey}`);
      }
      out = fields;
      key = joinKeys('{', keys, '}');
    }
    if (depth < 3 || key === undefined) return [out, undefined];
    const known = shared.get(key);
    if (known !== undefined) return [known, key];
    shared.set(key, out);
    return [out, key];
  };
  return copy(facts, 0)[0] as FileFacts;
}

function joinKeys(open: string, keys: (string | undefined)[], close: string): string | undefined {
  let length = 2;
  for (const key of keys) {
    if (key === undefined) return undefined;
    length += key.length + 1;
    if (length > MAX_SHARED_KEY) return undefined;
  }
  return open + keys.join(',') + close;
}

/** The parts of a fact as PromptParts (runs expanded to offsets); parts not packed are returned as they are. */
export function unpackParts(parts: readonly FactPart[]): PromptPart[] {
  return parts.map((part) => ('runs' in part ? unpackTextPart(part) : part));
}

/** [textIndex, sourceOffset] pairs where `offsets` stops advancing by one (offsets.length === text.length + 1). */
export function offsetRuns(offsets: readonly number[]): number[] {
  const runs: number[] = [];
  for (let i = 0; i < offsets.length; i++) {
    if (i === 0 || offsets[i] !== offsets[i - 1] + 1) runs.push(i, offsets[i]);
  }
  return runs;
}

export function expandRuns(runs: readonly number[], length: number): number[] {
  const offsets = new Array<number>(length);
  for (let r = 0; r < runs.length; r += 2) {
    const end = r + 2 < runs.length ? runs[r + 2] : length;
    for (let i = runs[r], offset = runs[r + 1]; i < end; i++, offset++) offsets[i] = offset;
  }
  return offsets;
}

function isTextPart(record: Record<string, unknown>): record is Record<string, unknown> & TextPart {
  return record.kind === 'text' && Array.isArray(record.offsets) && typeof record.text === 'string';
}

function unpackTextPart(part: PackedTextPart): TextPart {
  const { runs, ...rest } = part;
  return { ...rest, offsets: expandRuns(runs, part.text.length + 1) };
}

/**
 * `value` as a string of its own. V8 keeps a substring of 13 or more characters as a view into its parent (the
 * file's source), and a concatenation as a pair of its halves; a JSON round trip makes a flat copy (lone surrogates
 * survive it: they are written as `\uXXXX` escapes).
 */
function flatString(value: string, strings: Map<string, string>): string {
  let flat = strings.get(value);
  if (flat === undefined) {
    flat = value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
    strings.set(value, flat);
  }
  return flat;
}

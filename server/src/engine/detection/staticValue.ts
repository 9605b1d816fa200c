// Reads a literal value (dict/object, list/array, string, number, boolean, null) from the syntax tree without running
// anything: what a call sends as `tools=`, `thinking=`, `params=`. Names are followed to their binding in the same file,
// as prompts are. Everything is bounded — node count, depth, chain length, self-reference — and a bound that is hit
// leaves a note instead of a hang or a stack overflow (a 10,000-call zod chain is walked in a loop, never recursively).
import type { JsonValue } from '../types';
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';
import { CALL_TYPES, DICT_TYPES, LIST_TYPES, PAREN_TYPES, callArguments, calleeOf, dottedPath, keyName, stringValue, text } from './syntaxShapes';
import { chainRoot, zodSchema } from './zodSchema';

/** The value a name has at `site` (its last binding before it in this file), or undefined. */
export type NameResolver = (name: string, site: SyntaxNode) => SyntaxNode | undefined;

/** Nodes one evaluation may visit: a schema larger than this is cut, with a note. */
export const MAX_VALUE_NODES = 20_000;
/** Nesting depth of dicts/lists/schemas followed. */
export const MAX_VALUE_DEPTH = 32;
/** Calls of one method chain (`z.string().min(1)…`) walked. */
export const MAX_CHAIN_CALLS = 50_000;

export interface ValueReader {
  readonly source: string;
  readonly resolve: NameResolver;
  /** Nodes left to visit. */
  budget: number;
  /** Bindings being read: a name met again inside its own value is a self-reference. */
  readonly reading: Set<SyntaxNode>;
  /** What was cut or could not be read, in plain words (deduplicated). */
  readonly notes: Set<string>;
}

export function valueReader(source: string, resolve: NameResolver): ValueReader {
  return { source, resolve, budget: MAX_VALUE_NODES, reading: new Set(), notes: new Set() };
}

/** Marks a value that cannot be known statically (a function, a call result, an import). */
export const UNKNOWN = Symbol('unknown');
export type Read = JsonValue | typeof UNKNOWN;

const PY_CONSTANTS: Record<string, JsonValue> = { true: true, false: false, none: null, null: null, True: true, False: false, None: null };

/** The text of any string literal, interpolations kept as written (`f"Hi {name}"` → `Hi {name}`). */
export function literalText(source: string, node: SyntaxNode): string | undefined {
  const simple = stringValue(source, node);
  if (simple !== undefined) return simple;
  if (node.type === 'concatenated_string') return namedChildren(node).map((c) => literalText(source, c) ?? '').join('');
  if (node.type === 'string' || node.type === 'template_string') {
    const raw = text(source, node);
    return raw.replace(/^[a-zA-Z]*("""|'''|"|'|`)/, '').replace(/("""|'''|"|'|`)$/, '');
  }
  return undefined;
}

/** Follows a name to the value bound to it; undefined for parameters, imports and self-references. */
export function followName(reader: ValueReader, node: SyntaxNode): SyntaxNode | undefined {
  const value = reader.resolve(text(reader.source, node), node);
  if (!value) return undefined;
  if (reader.reading.has(value)) {
    reader.notes.add(`self-referencing value ${text(reader.source, node)}: cut where it refers to itself`);
    return undefined;
  }
  return value;
}

/** Strips parentheses, `await`, `as T`, `satisfies T`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let guard = 0; PAREN_TYPES.has(n.type) && guard < 64; guard++) {
    const inner = namedChildren(n)[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** Reads `node` as a JSON value; UNKNOWN where it is not a literal (noted when a bound was the reason). */
export function readValue(reader: ValueReader, node: SyntaxNode, depth = 0): Read {
  if (--reader.budget < 0) {
    reader.notes.add(`value larger than ${MAX_VALUE_NODES.toLocaleString('en-US')} syntax nodes: read up to that size`);
    return UNKNOWN;
  }
  if (depth > MAX_VALUE_DEPTH) {
    reader.notes.add(`value nested deeper than ${MAX_VALUE_DEPTH} levels: cut there`);
    return UNKNOWN;
  }
  const n = unwrap(node);
  const { source } = reader;
  switch (n.type) {
    case 'string':
    case 'template_string':
    case 'concatenated_string':
      return literalText(source, n) ?? UNKNOWN;
    case 'integer':
    case 'float':
    case 'number': {
      const value = Number(text(source, n).replace(/_/g, ''));
      return Number.isFinite(value) ? value : UNKNOWN;
    }
    case 'true':
      return true;
    case 'false':
      return false;
    case 'none':
    case 'null':
    case 'undefined':
      return null;
    case 'unary_operator':
    case 'unary_expression': {
      const operand = childByField(n, 'argument') ?? childByField(n, 'operand') ?? namedChildren(n)[0];
      const value = operand ? readValue(reader, operand, depth + 1) : UNKNOWN;
      return typeof value === 'number' && text(source, n).trimStart().startsWith('-') ? -value : value;
    }
    case 'shorthand_property_identifier':
      return readBound(reader, n, depth);
    case 'identifier': {
      const name = text(source, n);
      if (name in PY_CONSTANTS && reader.resolve(name, n) === undefined) return PY_CONSTANTS[name];
      return readBound(reader, n, depth);
    }
    case 'list':
    case 'tuple':
    case 'array':
      return readList(reader, n, depth);
    case 'dictionary':
    case 'object':
      return readDict(reader, n, depth);
    default:
      if (CALL_TYPES.has(n.type)) return readCall(reader, n, depth);
      return UNKNOWN;
  }
}

function readBound(reader: ValueReader, name: SyntaxNode, depth: number): Read {
  const value = followName(reader, name);
  if (!value) return UNKNOWN;
  reader.reading.add(value);
  try {
    return readValue(reader, value, depth + 1);
  } finally {
    reader.reading.delete(value);
  }
}

function readList(reader: ValueReader, list: SyntaxNode, depth: number): Read {
  const out: JsonValue[] = [];
  for (const item of namedChildren(list)) {
    if (item.type === 'comment') continue;
    if (item.type === 'list_splat' || item.type === 'spread_element') {
      const inner = namedChildren(item)[0];
      const spread = inner ? readValue(reader, inner, depth + 1) : UNKNOWN;
      if (Array.isArray(spread)) out.push(...spread);
      continue;
    }
    const value = readValue(reader, item, depth + 1);
    if (value !== UNKNOWN) out.push(value);
    else out.push(unknownMarker(reader, item));
  }
  return out;
}

/** An entry that cannot be read keeps a trace (`{"$unknown": "get_weather"}`) so tool lists can name it. */
function unknownMarker(reader: ValueReader, node: SyntaxNode): JsonValue {
  const raw = text(reader.source, unwrap(node));
  return { $unknown: raw.length > 60 ? raw.slice(0, 57) + '…' : raw };
}

export function isUnknownMarker(value: JsonValue | undefined): value is { $unknown: string } {
  return !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $unknown?: unknown }).$unknown === 'string';
}

function readDict(reader: ValueReader, dict: SyntaxNode, depth: number): Read {
  const out: { [key: string]: JsonValue } = {};
  for (const entry of namedChildren(dict)) {
    if (entry.type === 'pair') {
      const key = keyName(reader.source, childByField(entry, 'key'));
      const valueNode = childByField(entry, 'value');
      if (!key || !valueNode) continue;
      const value = readValue(reader, valueNode, depth + 1);
      out[key] = value !== UNKNOWN ? value : unknownMarker(reader, valueNode);
    } else if (entry.type === 'shorthand_property_identifier') {
      const value = readBound(reader, entry, depth);
      out[text(reader.source, entry)] = value !== UNKNOWN ? value : unknownMarker(reader, entry);
    } else if (entry.type === 'dictionary_splat' || entry.type === 'spread_element') {
      const inner = namedChildren(entry)[0];
      const spread = inner ? readValue(reader, inner, depth + 1) : UNKNOWN;
      if (spread && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(out, spread);
    }
  }
  return out;
}

/** Callees that wrap a plain value (AI SDK `tool({...})`, `jsonSchema({...})`, Python `dict(...)`, SDK type constructors). */
function readCall(reader: ValueReader, call: SyntaxNode, depth: number): Read {
  const root = chainRoot(reader.source, call);
  if (root === 'z' || root === 'zod') return zodSchema(reader, call, depth);
  const path = dottedPath(reader.source, calleeOf(call));
  if (root && path.length > 1) {
    // `City.describe("…")`, `Base.extend({…})`: a method on a name bound to a zod schema.
    const schema = zodSchema(reader, call, depth);
    if (schema !== UNKNOWN) return schema;
  }
  const last = path[path.length - 1] ?? '';
  const args = callArguments(reader.source, call);
  if (last === 'dict' || /^[A-Z]/.test(last) || last === 'tool' || last === 'jsonSchema' || last === 'createTool' || last === 'dynamicTool') {
    // Keyword arguments (Python `types.FunctionDeclaration(name=…)`) or one object argument (JS `tool({…})`).
    if (args.keywords.size) {
      const out: { [key: string]: JsonValue } = {};
      for (const [key, valueNode] of args.keywords) {
        const value = readValue(reader, valueNode, depth + 1);
        if (value !== UNKNOWN) out[key] = value;
      }
      return out;
    }
    const first = args.positional[0];
    if (first && (DICT_TYPES.has(unwrap(first).type) || LIST_TYPES.has(unwrap(first).type) || unwrap(first).type === 'identifier')) return readValue(reader, first, depth + 1);
  }
  return UNKNOWN;
}

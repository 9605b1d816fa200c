// A zod schema written in code (`z.object({ city: z.string().describe("City") })`) turned into the JSON Schema an
// SDK sends for it, statically: the chain is read from the syntax tree, never executed. The output follows what
// zod-to-json-schema / zod 4 `toJSONSchema` produce for the common builders (object → properties, required,
// additionalProperties: false; optional/default leave `required`; describe → description; enum, literal, array,
// union, record, nullable). Unknown methods (refine, transform, brand…) change nothing the model sees.
// A method chain is walked in a loop, so a 10,000-call chain costs 10,000 steps, not 10,000 stack frames.
import type { JsonValue } from '../types';
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';
import { CALL_TYPES, calleeOf, callArguments, dottedPath, text } from './syntaxShapes';
import { MAX_CHAIN_CALLS, UNKNOWN, followName, readValue, unwrap, type Read, type ValueReader } from './staticValue';

type Schema = { [key: string]: JsonValue };

/** Schemas that are optional in their object (`.optional()`, `.default(…)`, `.nullish()`): not listed in `required`. */
const OPTIONAL = new WeakSet<object>();

const ZOD_ROOTS = new Set(['z', 'zod']);

interface ChainCall {
  method: string;
  call: SyntaxNode;
}

/**
 * The name a method chain starts from (`z` for `z.string().trim()…`), walked in a loop; undefined when it does not start
 * from a name (or is longer than MAX_CHAIN_CALLS). dottedPath stops after 64 links, so it cannot tell for long chains.
 */
export function chainRoot(source: string, node: SyntaxNode): string | undefined {
  let n: SyntaxNode | undefined = unwrap(node);
  for (let steps = 0; n && steps <= MAX_CHAIN_CALLS * 2; steps++) {
    if (n.type === 'identifier') return text(source, n);
    if (CALL_TYPES.has(n.type)) n = calleeOf(n);
    else if (n.type === 'member_expression' || n.type === 'attribute') n = childByField(n, 'object');
    else return undefined;
    n = n && unwrap(n);
  }
  return undefined;
}

/** The JSON Schema of a zod expression rooted at `z.` (or a name bound to one); UNKNOWN when it is not one we can read. */
export function zodSchema(reader: ValueReader, node: SyntaxNode, depth: number): Read {
  const methods: ChainCall[] = [];
  const followed: SyntaxNode[] = [];
  let base: ChainCall | undefined;
  let n = unwrap(node);
  try {
    for (let steps = 0; !base; steps++) {
      if (steps > MAX_CHAIN_CALLS || --reader.budget < 0) {
        reader.notes.add(`zod chain longer than ${MAX_CHAIN_CALLS.toLocaleString('en-US')} calls or schema too large: not read`);
        return UNKNOWN;
      }
      if (n.type === 'identifier') {
        const value = followName(reader, n);
        if (!value) return UNKNOWN;
        reader.reading.add(value);
        followed.push(value);
        n = unwrap(value);
        continue;
      }
      if (!CALL_TYPES.has(n.type)) return UNKNOWN;
      const callee = calleeOf(n);
      if (!callee || (callee.type !== 'member_expression' && callee.type !== 'attribute')) return UNKNOWN;
      const property = childByField(callee, 'property') ?? childByField(callee, 'attribute');
      const object = childByField(callee, 'object');
      if (!property || !object) return UNKNOWN;
      const call: ChainCall = { method: text(reader.source, property), call: n };
      const objectPath = object.type === 'identifier' || object.type === 'member_expression' || object.type === 'attribute' ? dottedPath(reader.source, object) : [];
      if (ZOD_ROOTS.has(objectPath[0] ?? '') && !CALL_TYPES.has(object.type)) {
        base = call; // z.string(), z.coerce.number()
      } else {
        methods.push(call);
        n = unwrap(object);
      }
    }
    let schema = baseSchema(reader, base, depth);
    if (schema === UNKNOWN) return UNKNOWN;
    for (let i = methods.length - 1; i >= 0; i--) schema = applyMethod(reader, schema, methods[i], depth);
    return schema;
  } finally {
    for (const value of followed) reader.reading.delete(value);
  }
}

function firstArgument(reader: ValueReader, call: SyntaxNode): SyntaxNode | undefined {
  return callArguments(reader.source, call).positional[0];
}

/** A nested schema (object property, array item, union member): a zod expression, or UNKNOWN → `{}` (any). */
function nested(reader: ValueReader, node: SyntaxNode | undefined, depth: number): Schema {
  if (!node) return {};
  const value = readValue(reader, node, depth + 1);
  return value !== UNKNOWN && value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : {};
}

function listItems(reader: ValueReader, node: SyntaxNode | undefined): SyntaxNode[] {
  const list = node && unwrap(node);
  if (!list) return [];
  if (list.type === 'identifier') {
    const value = followName(reader, list);
    return value && unwrap(value).type === 'array' ? namedChildren(unwrap(value)) : [];
  }
  return list.type === 'array' ? namedChildren(list) : [];
}

function objectSchema(reader: ValueReader, shapeNode: SyntaxNode | undefined, depth: number): Schema {
  let shape = shapeNode && unwrap(shapeNode);
  if (shape?.type === 'identifier') shape = followName(reader, shape);
  const properties: Schema = {};
  const required: string[] = [];
  if (shape && unwrap(shape).type === 'object') {
    for (const entry of namedChildren(unwrap(shape))) {
      if (entry.type !== 'pair') continue;
      const keyNode = childByField(entry, 'key');
      const key = keyNode && (keyNode.type === 'string' ? text(reader.source, keyNode).slice(1, -1) : text(reader.source, keyNode));
      if (!key) continue;
      const value = nested(reader, childByField(entry, 'value'), depth);
      properties[key] = value;
      if (!OPTIONAL.has(value)) required.push(key);
    }
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function baseSchema(reader: ValueReader, base: ChainCall, depth: number): Read {
  const arg = firstArgument(reader, base.call);
  switch (base.method) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'bigint':
    case 'int':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'null':
      return { type: 'null' };
    case 'any':
    case 'unknown':
      return {};
    case 'literal': {
      const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
      if (value === UNKNOWN) return {};
      return { type: value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string', const: value };
    }
    case 'enum': {
      const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
      return { type: 'string', enum: Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [] };
    }
    case 'array':
      return { type: 'array', items: nested(reader, arg, depth) };
    case 'object':
    case 'strictObject':
    case 'looseObject':
      return objectSchema(reader, arg, depth);
    case 'record': {
      const args = callArguments(reader.source, base.call).positional;
      return { type: 'object', additionalProperties: nested(reader, args[args.length - 1], depth) };
    }
    case 'union':
      return { anyOf: listItems(reader, arg).map((item) => nested(reader, item, depth)) };
    case 'discriminatedUnion':
      return { anyOf: listItems(reader, callArguments(reader.source, base.call).positional[1]).map((item) => nested(reader, item, depth)) };
    case 'tuple':
      return { type: 'array', items: listItems(reader, arg).map((item) => nested(reader, item, depth)) };
    case 'optional':
    case 'nullable': {
      const inner = nested(reader, arg, depth);
      return applyMethod(reader, { ...inner }, { method: base.method, call: base.call }, depth, true);
    }
    default:
      return UNKNOWN;
  }
}

const FORMATS: Record<string, string> = { email: 'email', url: 'uri', uuid: 'uuid', datetime: 'date-time', ipv4: 'ipv4', ipv6: 'ipv6' };

function numberArgument(reader: ValueReader, call: SyntaxNode, depth: number): number | undefined {
  const arg = firstArgument(reader, call);
  const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
  return typeof value === 'number' ? value : undefined;
}

function applyMethod(reader: ValueReader, schema: Read, chain: ChainCall, depth: number, noArgument = false): Read {
  if (schema === UNKNOWN || !schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const s = schema as Schema;
  const arg = noArgument ? undefined : firstArgument(reader, chain.call);
  switch (chain.method) {
    case 'describe': {
      const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
      if (typeof value === 'string') return withOptional(s, { ...s, description: value });
      return s;
    }
    case 'meta': {
      const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
      const description = value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema).description : undefined;
      return typeof description === 'string' ? withOptional(s, { ...s, description }) : s;
    }
    case 'optional':
    case 'nullish': {
      const out = { ...s };
      OPTIONAL.add(out);
      return out;
    }
    case 'nullable':
      return withOptional(s, typeof s.type === 'string' ? { ...s, type: [s.type, 'null'] } : { anyOf: [s, { type: 'null' }] });
    case 'default': {
      const value = arg ? readValue(reader, arg, depth + 1) : UNKNOWN;
      const out: Schema = value === UNKNOWN ? { ...s } : { ...s, default: value };
      OPTIONAL.add(out);
      return out;
    }
    case 'int':
      return withOptional(s, { ...s, type: 'integer' });
    case 'min':
    case 'max':
    case 'length': {
      const value = numberArgument(reader, chain.call, depth);
      if (value === undefined) return s;
      const kind = s.type === 'string' ? 'Length' : s.type === 'array' ? 'Items' : '';
      const out = { ...s };
      const keys = chain.method === 'length' ? ['min', 'max'] : [chain.method];
      for (const k of keys) out[kind ? `${k}${kind}` : k === 'min' ? 'minimum' : 'maximum'] = value;
      return withOptional(s, out);
    }
    case 'array':
      return { type: 'array', items: s };
    case 'or':
      return { anyOf: [s, nested(reader, arg, depth)] };
    case 'extend': {
      const extra = objectSchema(reader, arg, depth);
      const properties = { ...((s.properties as Schema) ?? {}), ...(extra.properties as Schema) };
      const required = [...new Set([...((s.required as string[]) ?? []), ...(extra.required as string[])])];
      return withOptional(s, { ...s, properties, required });
    }
    default:
      if (FORMATS[chain.method]) return withOptional(s, { ...s, format: FORMATS[chain.method] });
      return s; // refine, transform, trim, brand…: the JSON Schema the model sees does not change
  }
}

/** A copy made by a later method keeps the optional mark of the schema it came from. */
function withOptional(from: Schema, to: Schema): Schema {
  if (OPTIONAL.has(from)) OPTIONAL.add(to);
  return to;
}

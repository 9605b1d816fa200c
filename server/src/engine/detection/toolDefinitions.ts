// The tool definitions a call sends, from the statically read value of its `tools=` / `functions=` argument. One
// normal form (name, description, JSON Schema parameters) for every shape the SDKs accept:
//   OpenAI Chat        [{ type: "function", function: { name, description, parameters } }]
//   OpenAI legacy      functions=[{ name, description, parameters }]
//   OpenAI Responses   [{ type: "function", name, description, parameters }]
//   Anthropic          [{ name, description, input_schema }]
//   Gemini             [Tool(function_declarations=[{ name, description, parameters }])], functionDeclarations
//   AI SDK             { weather: tool({ description, inputSchema | parameters: z.object(…) }) }
//   Mastra / others    { name: createTool({ id, description, inputSchema }) }
// Provider built-in tools (`{ type: "web_search" }`, Anthropic `web_search_20250305`) are billed per use and listed
// apart. A function object or an import (Python `tools=[get_weather]`) is built at run time: named, not counted.
import type { JsonValue, ToolDefinition, ToolDefinitions } from '../types';
import type { SyntaxNode } from './syntaxMirror';
import { UNKNOWN, isUnknownMarker, readValue, valueReader, type NameResolver } from './staticValue';

/** Definitions listed per call, at most: a generated list of thousands is cut with a note. */
export const MAX_TOOLS = 512;

type Obj = { [key: string]: JsonValue };

function isObject(v: JsonValue | undefined): v is Obj {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads the tools argument `node` of a call; undefined when it is no tool list at all (or an empty one). */
export function readToolDefinitions(node: SyntaxNode, source: string, resolve: NameResolver): ToolDefinitions | undefined {
  const reader = valueReader(source, resolve);
  const value = readValue(reader, node);
  const out: ToolDefinitions = { definitions: [], builtIn: [], unresolved: [] };
  if (value === UNKNOWN) {
    out.unresolved.push(source.slice(node.start, Math.min(node.end, node.start + 60)));
  } else if (Array.isArray(value)) {
    for (const item of value) addEntry(item, undefined, out);
  } else if (isObject(value)) {
    // AI SDK / Mastra: a record of tools keyed by name.
    for (const [name, item] of Object.entries(value)) addEntry(item, name, out);
  }
  if (out.definitions.length > MAX_TOOLS) {
    reader.notes.add(`${out.definitions.length} tool definitions: the first ${MAX_TOOLS} counted`);
    out.definitions.length = MAX_TOOLS;
  }
  if (reader.notes.size) out.note = [...reader.notes].join('; ');
  if (!out.definitions.length && !out.builtIn.length && !out.unresolved.length) return undefined;
  return out;
}

/**
 * The tool definitions a module-level binding holds, for calls in other files that import it (the workspace index):
 * a list or record of tools as `tools=` takes it, or one tool definition (`SEARCH_TOOL = {"type": "function", …}`).
 * Undefined when the value defines no tool.
 */
export function readToolBinding(node: SyntaxNode, source: string, resolve: NameResolver): ToolDefinitions | undefined {
  const reader = valueReader(source, resolve);
  const value = readValue(reader, node);
  const out: ToolDefinitions = { definitions: [], builtIn: [], unresolved: [] };
  if (value === UNKNOWN) return undefined;
  if (Array.isArray(value)) for (const item of value) addEntry(item, undefined, out);
  else if (isObject(value) && isOneTool(value)) addEntry(value, undefined, out);
  else if (isObject(value)) for (const [name, item] of Object.entries(value)) addEntry(item, name, out);
  if (!out.definitions.length) return undefined;
  out.definitions.length = Math.min(out.definitions.length, MAX_TOOLS);
  if (reader.notes.size) out.note = [...reader.notes].join('; ');
  return out;
}

/** One tool, not a record of tools: a `function` entry, or a name beside its parameters. */
function isOneTool(value: Obj): boolean {
  return isObject(value.function) || (typeof value.name === 'string' && (value.parameters !== undefined || value.input_schema !== undefined || value.inputSchema !== undefined));
}

function addEntry(item: JsonValue, key: string | undefined, out: ToolDefinitions): void {
  if (isUnknownMarker(item)) {
    out.unresolved.push(key ?? item.$unknown);
    return;
  }
  if (!isObject(item)) {
    if (key) out.unresolved.push(key);
    return;
  }
  // Gemini: a Tool holding function declarations.
  const declarations = item.function_declarations ?? item.functionDeclarations;
  if (Array.isArray(declarations)) {
    for (const d of declarations) addEntry(d, undefined, out);
    return;
  }
  const fn = isObject(item.function) ? item.function : item;
  const name = str(fn.name) ?? str(fn.id) ?? key;
  const parameters = fn.parameters ?? fn.input_schema ?? fn.inputSchema ?? fn.schema;
  const type = str(item.type);
  if (type && type !== 'function' && type !== 'custom' && parameters === undefined) {
    out.builtIn.push(name ?? type);
    return;
  }
  if (!name) {
    out.unresolved.push('a tool without a name');
    return;
  }
  const definition: ToolDefinition = { name };
  const description = str(fn.description);
  if (description !== undefined) definition.description = description;
  if (isUnknownMarker(parameters)) out.unresolved.push(`${name} (parameters built at run time)`);
  else if (parameters !== undefined) definition.parameters = withoutUnknown(parameters);
  out.definitions.push(definition);
}

/** A schema without the traces of values that could not be read (they are not sent as written). */
function withoutUnknown(value: JsonValue): JsonValue {
  // Iterative copy: a schema is at most MAX_VALUE_NODES nodes, but its depth must not cost stack frames.
  const root: { v: JsonValue } = { v: value };
  const stack: { from: JsonValue; set: (v: JsonValue) => void }[] = [{ from: value, set: (v) => (root.v = v) }];
  while (stack.length) {
    const { from, set } = stack.pop()!;
    if (Array.isArray(from)) {
      const kept = from.filter((item) => !isUnknownMarker(item));
      const out: JsonValue[] = new Array(kept.length);
      set(out);
      kept.forEach((item, i) => stack.push({ from: item, set: (v) => (out[i] = v) }));
    } else if (isObject(from)) {
      const out: Obj = {};
      set(out);
      // Keys are created now, in order; values are filled in as the stack reaches them.
      for (const [k, item] of Object.entries(from)) {
        if (isUnknownMarker(item)) continue;
        out[k] = null;
        stack.push({ from: item, set: (v) => (out[k] = v) });
      }
    } else set(from);
  }
  return root.v;
}

// Where a call's arguments are written: its argument list (Python) or options object (JS), entry by entry, so a rule
// can add `max_tokens=…` or change `reasoning_effort` in the call's own syntax (rules/argumentEdits.ts). Also which
// keys the call passes and whether something spread into it could not be read (then any key may be set there).
import type { ArgumentContainer, ArgumentEntry, CallSite } from '../../types';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, DICT_TYPES, PAREN_TYPES, argumentsOf, keyName, stringValue, text } from '../syntaxShapes';
import type { FileModel } from './fileModel';

/** Containers nested in an entry's value are read this deep (`config={"thinking_config": {…}}`). */
const MAX_NESTING = 2;

export function callSiteOf(model: FileModel, call: SyntaxNode, keys: Iterable<string>): CallSite | undefined {
  const sink = model.sinkOf(call);
  const list = argumentsOf(call);
  if (!sink || !list || list.type === 'template_string') return undefined;
  const callee = childByField(call, 'function') ?? childByField(call, 'constructor');
  const read: Reading = { model, call, opaque: false };
  let args: ArgumentContainer | undefined;
  if (model.language === 'python') args = containerOf(read, list, 'arguments', 0);
  else {
    // JS SDKs take the request as their first argument, an object literal; a later object is request options
    // (`create(body, { timeout })`), and a call passing a variable has nowhere safe to add a key.
    const first = namedChildren(list)[0];
    const object = first?.type === 'object' ? first : undefined;
    args = object && containerOf(read, object, 'object', 0);
  }
  if (!args) return undefined;
  return { sink: sink.id, callee: callee ? text(model.source, callee) : '', args, keys: [...new Set(keys)], opaqueSpread: read.opaque };
}

interface Reading {
  model: FileModel;
  call: SyntaxNode;
  /** Set when a spread that could not be read is met. */
  opaque: boolean;
}

function containerOf(read: Reading, node: SyntaxNode, kind: ArgumentContainer['kind'], depth: number): ArgumentContainer {
  const entries: ArgumentEntry[] = [];
  for (const child of namedChildren(node)) entries.push(entryOf(read, child, depth));
  return { span: { start: node.start, end: node.end }, kind, entries };
}

function entryOf(read: Reading, node: SyntaxNode, depth: number): ArgumentEntry {
  const { model } = read;
  const span = { start: node.start, end: node.end };
  if (node.type === 'dictionary_splat' || node.type === 'list_splat' || node.type === 'spread_element') {
    // `*args` adds no keyword; `**x` / `...x` may add any.
    if (node.type !== 'list_splat' && !readableSpread(read, namedChildren(node)[0])) read.opaque = true;
    return { span, spread: true };
  }
  if (node.type === 'generator_expression') return { span, bareGenerator: true };
  let name: string | undefined;
  let value: SyntaxNode | undefined;
  if (node.type === 'keyword_argument') {
    const key = childByField(node, 'name');
    name = key && text(model.source, key);
    value = childByField(node, 'value');
  } else if (node.type === 'pair') {
    name = keyName(model.source, childByField(node, 'key'));
    value = childByField(node, 'value');
  } else if (node.type === 'shorthand_property_identifier') {
    name = text(model.source, node);
  }
  if (!name) return { span };
  const entry: ArgumentEntry = { name, span };
  if (value) {
    const literal = value.type === 'string' ? stringValue(model.source, value) : undefined;
    entry.value = { span: { start: value.start, end: value.end }, ...(literal !== undefined ? { literal } : {}) };
    const nested = depth < MAX_NESTING ? nestedContainer(read, value, depth + 1) : undefined;
    if (nested) entry.nested = nested;
  }
  return entry;
}

/** A dict / object literal, or a keyword call such as `types.GenerateContentConfig(…)`, written as the value. */
function nestedContainer(read: Reading, value: SyntaxNode, depth: number): ArgumentContainer | undefined {
  let node = value;
  while (PAREN_TYPES.has(node.type) && namedChildren(node).length === 1) node = namedChildren(node)[0];
  if (DICT_TYPES.has(node.type)) return containerOf(read, node, node.type === 'object' ? 'object' : 'dict', depth);
  if (CALL_TYPES.has(node.type) && read.model.language === 'python') {
    const list = argumentsOf(node);
    if (list && list.type === 'argument_list') return containerOf(read, list, 'call', depth);
  }
  return undefined;
}

/** A dict literal, or a name bound to one in this file before the call (the detector read its keys). */
function readableSpread(read: Reading, inner: SyntaxNode | undefined): boolean {
  if (!inner) return false;
  if (DICT_TYPES.has(inner.type)) return true;
  if (inner.type !== 'identifier') return false;
  const bindings = read.model.resolve(text(read.model.source, inner), false, read.call);
  const before = bindings.filter((b) => b.node.start < read.call.start);
  const value = (before.length ? before : bindings).at(-1)?.value;
  return value !== undefined && DICT_TYPES.has(value.type);
}

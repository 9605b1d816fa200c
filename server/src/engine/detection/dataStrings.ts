// The last detection step: strings the earlier steps took for prompts that are data where they stand — a model reply
// faked in a test or mock, an assertion's expected value, the contents of a file the program writes. They are never
// sent to a model as input, so they are dropped in every scope (app and test). Tables: nonPromptData.ts.
import type { DetectedPrompt } from '../types';
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';
import { CALL_TYPES, DICT_TYPES, FUNCTION_TYPES, LIST_TYPES, PAREN_TYPES, calleeOf, dottedPath, keyName, stringValue } from './syntaxShapes';
import {
  ASSERTION_METHOD, ASSERTION_ROOTS, FILE_CONTENT_KEYS, FILE_ENTRY_KEYS, FILE_ENTRY_TYPES, FILE_WRITE_CALLEES, MOCK_CALLEES,
  MOCK_RESULT_NAMES, RESPONSE_KEYS,
} from './nonPromptData';

export type DataStringKind = 'mocked reply' | 'assertion argument' | 'file content';

/**
 * The prompts minus those whose text is data where it is written, or bound to a name that is only ever used as data
 * (`FAKE_ANSWER = "…"` handed to a mock or an assertion), and the fragments of those.
 */
export function withoutDataStrings(root: SyntaxNode, source: string, prompts: DetectedPrompt[]): DetectedPrompt[] {
  const dropped = new Set<string>();
  const bound = new Map<string, { nameNode: SyntaxNode; ids: string[] }>();
  for (const prompt of prompts) {
    const first = prompt.parts.find((p) => p.kind === 'text');
    const node = first ? nodeAt(root, first.span.start, first.span.end) : undefined;
    if (!node) continue;
    if (dataStringKind(node, source)) {
      dropped.add(prompt.id);
      continue;
    }
    const nameNode = boundName(node);
    if (!nameNode) continue;
    const name = source.slice(nameNode.start, nameNode.end);
    const entry = bound.get(name);
    if (entry) entry.ids.push(prompt.id);
    else bound.set(name, { nameNode, ids: [prompt.id] });
  }
  for (const name of namesUsedOnlyAsData(root, source, bound)) for (const id of bound.get(name)!.ids) dropped.add(id);
  return withoutPrompts(prompts, dropped);
}

/** Between a string and the binding that names it: the string's own nodes, parentheses, concatenation. */
const BOUND_VALUE_PATH = new Set(['string', 'string_content', 'string_fragment', 'template_string', 'concatenated_string', 'binary_expression', 'binary_operator', ...PAREN_TYPES]);

/** The name a text is bound to in this file (`CANNED = "…"`, `const FAKE_ANSWER = '…'`); an exported one is left alone. */
function boundName(node: SyntaxNode): SyntaxNode | undefined {
  let value = node;
  while (value.parent && BOUND_VALUE_PATH.has(value.parent.type)) value = value.parent;
  const binding = value.parent;
  if (!binding || binding.parent?.parent?.type === 'export_statement') return undefined;
  const nameNode =
    binding.type === 'variable_declarator' && value.field === 'value' ? childByField(binding, 'name')
      : binding.type === 'assignment' && value.field === 'right' ? childByField(binding, 'left')
      : undefined;
  return nameNode?.type === 'identifier' ? nameNode : undefined;
}

/**
 * The bound names whose every use in the file is data where it stands (a mock's reply, an assertion's argument, a
 * file's content); a name with no use is not decided here. One regular expression finds the uses of every name.
 */
function namesUsedOnlyAsData(root: SyntaxNode, source: string, bound: Map<string, { nameNode: SyntaxNode }>): string[] {
  if (!bound.size) return [];
  const uses = new Map<string, number>();
  const notData = new Set<string>();
  for (const match of source.matchAll(usesPattern([...bound.keys()]))) {
    const name = match[0];
    const at = match.index!;
    if (notData.has(name) || at === bound.get(name)!.nameNode.start) continue;
    const use = nodeAt(root, at, at + name.length);
    // In a comment or a string it is no use; a property of the same name (`x.FAKE`) is another thing.
    if (!use || (use.type !== 'identifier' && use.type !== 'shorthand_property_identifier') || use.start !== at) continue;
    if (dataStringKind(use, source)) uses.set(name, (uses.get(name) ?? 0) + 1);
    else notData.add(name);
  }
  return [...uses.keys()].filter((name) => !notData.has(name));
}

/**
 * `(?<![\w$])(?:A|B)(?![\w$])` for the names, kept while they stay the same (each keystroke re-detects the file with
 * the same names): on the 5,000-line bench file, compiling it cost ≈ 6 ms per analysis and scanning ≈ 0.05 ms; an
 * indexOf scan per name ≈ 20 ms.
 */
let lastUses: { key: string; pattern: RegExp } | undefined;
function usesPattern(names: string[]): RegExp {
  const key = names.join('|');
  if (lastUses?.key !== key) {
    const escaped = names.map((name) => name.replace(/\$/g, '\\$')).join('|');
    lastUses = { key, pattern: new RegExp(`(?<![\\w$])(?:${escaped})(?![\\w$])`, 'g') };
  }
  return lastUses.pattern;
}

/** `prompts` without the ids in `dropped` and without the fragments inserted only into those (transitively). */
export function withoutPrompts(prompts: DetectedPrompt[], dropped: Set<string>): DetectedPrompt[] {
  if (!dropped.size) return prompts;
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of prompts) {
      if (p.fragmentOf && dropped.has(p.fragmentOf) && !dropped.has(p.id)) {
        dropped.add(p.id);
        grew = true;
      }
    }
  }
  return prompts.filter((p) => !dropped.has(p.id));
}

/** The innermost node that contains [start, end). */
function nodeAt(root: SyntaxNode, start: number, end: number): SyntaxNode | undefined {
  // The top level can hold thousands of statements (all with offsets): binary search there, a scan below.
  const top = root.children;
  let lo = 0;
  let hi = top.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (top[mid].end < end) lo = mid + 1;
    else hi = mid;
  }
  if (!top.length || !(top[lo].start <= start && top[lo].end >= end)) return root;
  let node = top[lo];
  for (let guard = 0; guard < 10_000; guard++) {
    const child = node.children.find((c) => c.start >= 0 && c.start <= start && c.end >= end);
    if (!child) return node;
    node = child;
  }
  return node;
}

/** The callee tables split once: splitting them on every call looked at was most of this step's time. */
const MOCK_PATHS = MOCK_CALLEES.map((callee) => callee.split('.'));
const FILE_WRITE_PATHS = FILE_WRITE_CALLEES.map((callee) => callee.split('.'));

function pathEndsWithParts(path: string[], wanted: string[]): boolean {
  if (wanted.length > path.length) return false;
  for (let i = 1; i <= wanted.length; i++) if (path[path.length - i] !== wanted[wanted.length - i]) return false;
  return true;
}

/** Why the string at `node` is data, not a prompt; undefined when nothing says so. */
export function dataStringKind(node: SyntaxNode, source: string): DataStringKind | undefined {
  let insideFunction = false;
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (DICT_TYPES.has(p.type) && !insideFunction) {
      const keys = dictKeys(p, source);
      if (RESPONSE_KEYS.some((k) => keys.has(k))) return 'mocked reply';
      if (isFileEntry(p, keys, child, source)) return 'file content';
      if (isReturnedAssistantMessage(p, keys, source)) return 'mocked reply';
    }
    if (p.type === 'keyword_argument' && child.field === 'value') {
      const name = childByField(p, 'name');
      if (name && MOCK_RESULT_NAMES.includes(source.slice(name.start, name.end))) return 'mocked reply';
    }
    if ((p.type === 'assignment' || p.type === 'assignment_expression') && child.field === 'right') {
      const target = dottedPath(source, childByField(p, 'left'));
      if (MOCK_RESULT_NAMES.includes(target[target.length - 1] ?? '')) return 'mocked reply';
    }
    if (CALL_TYPES.has(p.type) && child.field === 'arguments') {
      const path = dottedPath(source, calleeOf(p));
      if (path.some((segment) => ASSERTION_ROOTS.includes(segment)) || ASSERTION_METHOD.test(path[path.length - 1] ?? '')) return 'assertion argument';
      if (MOCK_PATHS.some((callee) => pathEndsWithParts(path, callee))) return 'mocked reply';
      if (!insideFunction && FILE_WRITE_PATHS.some((callee) => pathEndsWithParts(path, callee))) return 'file content';
    }
    if (FUNCTION_TYPES.has(p.type) || p.type === 'class_body' || p.type === 'class_definition' || p.type === 'class_declaration' || p.type === 'class') insideFunction = true;
  }
  return undefined;
}

function dictKeys(dict: SyntaxNode, source: string): Map<string, SyntaxNode | undefined> {
  const keys = new Map<string, SyntaxNode | undefined>();
  for (const pair of namedChildren(dict)) {
    if (pair.type === 'pair') {
      const key = keyName(source, childByField(pair, 'key'));
      if (key !== undefined) keys.set(key, childByField(pair, 'value'));
    } else if (pair.type === 'shorthand_property_identifier') keys.set(source.slice(pair.start, pair.end), undefined);
  }
  return keys;
}

/**
 * `{ path: 'src/app.mjs', content: … }`, `{ type: 'file', content: … }`, or `'src/app.mjs': { content: … }`: the text
 * is a file's. A message (it has a `role`) never is one.
 */
function isFileEntry(dict: SyntaxNode, keys: Map<string, SyntaxNode | undefined>, child: SyntaxNode, source: string): boolean {
  if (keys.has('role')) return false;
  // Only the entry's own text key: `{ path, content: { … } }` holds nested data, also not a prompt, but say so only for text.
  const viaKey = child.type === 'pair' ? keyName(source, childByField(child, 'key')) : undefined;
  if (!viaKey || !FILE_CONTENT_KEYS.includes(viaKey)) return false;
  if (FILE_ENTRY_KEYS.some((k) => keys.has(k))) return true;
  const type = keys.get('type');
  const typeText = type ? stringValue(source, type) : undefined;
  if (typeText !== undefined && FILE_ENTRY_TYPES.includes(typeText)) return true;
  // The entry is the value of a key that names a file (`'src/server.mjs': { … }`).
  const outer = dict.parent;
  if (outer?.type === 'pair' && dict.field === 'value') {
    const name = keyName(source, childByField(outer, 'key'));
    if (name && /^[\w.@-]+(?:\/[\w.@-]+)*\.[A-Za-z0-9]{1,8}$/.test(name) && name.includes('.')) return true;
  }
  return false;
}

/** `return {"role": "assistant", "content": "…"}` (a pytest fixture, a fake client): a reply handed back, not a turn sent. */
function isReturnedAssistantMessage(dict: SyntaxNode, keys: Map<string, SyntaxNode | undefined>, source: string): boolean {
  const role = keys.get('role');
  if (!role || stringValue(source, role) !== 'assistant') return false;
  let node = dict;
  while (node.parent && PAREN_TYPES.has(node.parent.type)) node = node.parent;
  const parent = node.parent;
  if (!parent || LIST_TYPES.has(parent.type)) return false;
  return parent.type === 'return_statement' || (parent.type === 'arrow_function' && node.field === 'body') || parent.type === 'yield';
}

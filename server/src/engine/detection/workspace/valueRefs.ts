// What an expression contributes to a prompt, as far as its own file can say (a `ValueRef`): literal text with its
// parts, a name or member path to resolve later, a builder call, a loaded file, or a list of messages. Propagators
// (`.format`, `.render`, `.strip`, `.read()` on an opened file) pass their receiver's value through.
import type { PromptRole, SourceLanguage } from '../../types';
import type { StaticPath, ValueRef } from './fileFacts';
import { HANDLE_READ_METHODS, OPEN_CALLS, PATH_READ_METHODS, RENDER_METHODS, TEMPLATE_CALLS, TEXT_READ_CALLS } from './loaders';
import { staticPath, type PathScope } from './staticPaths';
import { DEFAULT_VALUE_CALLEES, MESSAGE_TEXT_KEYS, ROLE_WORDS } from '../sinks';
import { expressionParts, maximalStringExpression } from '../stringExpressions';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, DICT_TYPES, PAREN_TYPES, callArguments, calleeOf, dottedPath, isStringLiteral, keyName, stringValue, text } from '../syntaxShapes';

export interface ValueScope extends PathScope {
  language: SourceLanguage;
  lineOf(offset: number): number;
}

/** Message classes whose first argument (or `content=`) is one message of the named role. */
const MESSAGE_CLASSES: Record<string, PromptRole> = {
  SystemMessage: 'system', HumanMessage: 'user', UserMessage: 'user', AIMessage: 'assistant', AssistantMessage: 'assistant',
  ChatMessage: 'user', DeveloperMessage: 'developer',
};
/** Calls that turn their first argument into a template without changing its text. */
const TEMPLATE_WRAPPERS = new Set(['Template', 'from_string', 'from_template', 'PromptTemplate']);

const MAX_DEPTH = 16;
const MAX_MESSAGES = 64;

/**
 * The first string literal under `node` (document order, bounded), not looking inside dicts/objects or nested calls:
 * a string expression starts with its literal, its receiver (`"…".format`) or its first argument (`dedent("…")`).
 */
function firstLiteral(node: SyntaxNode): SyntaxNode | undefined {
  const stack = [node];
  for (let seen = 0; stack.length && seen < 256; seen++) {
    const n = stack.pop()!;
    if (isStringLiteral(n)) return n;
    if ((CALL_TYPES.has(n.type) && n !== node) || DICT_TYPES.has(n.type) || n.type === 'lambda' || n.type === 'arrow_function') continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return undefined;
}

/** Text when `node` is a whole string expression (literal, f-string, concatenation, `.format`, join of a list). */
export function textValue(node: SyntaxNode, scope: ValueScope): ValueRef | undefined {
  const literal = firstLiteral(node);
  if (!literal) return undefined;
  const expr = maximalStringExpression(literal, scope.source);
  // The expression may grow through parentheses around `node` (a value unwrapped by the caller).
  let top: SyntaxNode | null = node;
  while (top && top !== expr.root && top.parent && PAREN_TYPES.has(top.parent.type)) top = top.parent;
  if (expr.root !== node && expr.root !== top) return undefined;
  if (expr.foreignTag) return undefined;
  const mode = expr.modes.has('format') ? 'format' : expr.modes.has('printf') ? 'printf' : 'template';
  const parts = expressionParts(expr, scope.source, { language: scope.language, mode });
  if (!parts.some((p) => p.kind === 'text' && p.text.trim())) return undefined;
  return { kind: 'text', parts, span: { start: expr.root.start, end: expr.root.end }, line: scope.lineOf(expr.root.start) };
}

/** The plain string of a literal (model names, keys). */
export function literalString(node: SyntaxNode | undefined, scope: ValueScope): string | undefined {
  return node ? stringValue(scope.source, node) : undefined;
}

export function valueOf(node: SyntaxNode | undefined, scope: ValueScope, depth = 0): ValueRef | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const { source } = scope;
  const asText = textValue(node, scope);
  if (asText) return asText;
  if (PAREN_TYPES.has(node.type)) return valueOf(namedChildren(node)[0], scope, depth + 1);
  switch (node.type) {
    case 'identifier':
    case 'shorthand_property_identifier':
      return { kind: 'name', name: text(source, node) };
    case 'attribute':
    case 'member_expression':
    case 'subscript':
    case 'subscript_expression': {
      const path = memberPath(node, scope);
      return path ? { kind: 'member', path } : undefined;
    }
    case 'boolean_operator':
    case 'binary_expression': {
      // `os.environ.get("M") or "gpt-4o"`, `process.env.M ?? "gpt-4o"`: the written fallback.
      const right = valueOf(childByField(node, 'right'), scope, depth + 1);
      if (right?.kind === 'text') return right;
      return valueOf(childByField(node, 'left'), scope, depth + 1);
    }
    case 'conditional_expression':
    case 'ternary_expression':
      return undefined;
    case 'list':
    case 'array':
    case 'tuple':
      return messageList(node, scope, depth);
    default:
      if (CALL_TYPES.has(node.type)) return callValue(node, scope, depth);
      return undefined;
  }
}

/** `a.b.c`, `self.x`, `TABLE["key"]`, `TABLE.key`: the path with string keys as segments. */
export function memberPath(node: SyntaxNode, scope: ValueScope): string[] | undefined {
  const segments: string[] = [];
  let current: SyntaxNode | undefined = node;
  for (let guard = 0; current && guard < 32; guard++) {
    if (current.type === 'identifier' || current.type === 'this' || current.type === 'self') {
      segments.push(text(scope.source, current));
      return segments.reverse();
    }
    if (current.type === 'attribute' || current.type === 'member_expression') {
      const prop = childByField(current, 'attribute') ?? childByField(current, 'property');
      if (!prop) return undefined;
      segments.push(text(scope.source, prop));
      current = childByField(current, 'object');
      continue;
    }
    if (current.type === 'subscript' || current.type === 'subscript_expression') {
      const key = childByField(current, 'subscript') ?? childByField(current, 'index');
      const keyText = key ? stringValue(scope.source, key) : undefined;
      if (keyText === undefined) return undefined;
      segments.push(keyText);
      current = childByField(current, 'value') ?? childByField(current, 'object');
      continue;
    }
    if (PAREN_TYPES.has(current.type)) { current = namedChildren(current)[0]; continue; }
    return undefined;
  }
  return undefined;
}

function callValue(call: SyntaxNode, scope: ValueScope, depth: number): ValueRef | undefined {
  const { source } = scope;
  const callee = calleeOf(call);
  const path = dottedPath(source, callee);
  const full = path.join('.');
  const last = path[path.length - 1] ?? '';
  const args = callArguments(source, call);
  const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  const line = scope.lineOf(call.start);
  if (receiver && PATH_READ_METHODS.has(last)) {
    const path = staticPath(receiver, scope) ?? (CALL_TYPES.has(receiver.type) && dottedPath(source, calleeOf(receiver)).pop() === 'file' ? staticPath(callArguments(source, receiver).positional[0], scope) : undefined);
    return path ? { kind: 'load', loader: 'text', path, line } : undefined;
  }
  if (OPEN_CALLS.has(full)) {
    const path = staticPath(args.positional[0] ?? args.keywords.get('file'), scope);
    return path ? { kind: 'load', loader: 'text', path, line } : undefined;
  }
  const loader = TEXT_READ_CALLS[full] ?? (path.length <= 2 ? TEXT_READ_CALLS[last] : undefined);
  if (loader) {
    const path = full.endsWith('read_text') && args.positional.length >= 2
      ? packageFile(args.positional[0], args.positional[1], scope)
      : staticPath(args.positional[0], scope);
    return path ? { kind: 'load', loader, path, line } : undefined;
  }
  if (receiver && TEMPLATE_CALLS.has(last)) {
    const name = literalString(args.positional[0], scope);
    return name ? { kind: 'load', loader: 'template', path: { base: 'search', path: name }, line } : undefined;
  }
  if (receiver && (RENDER_METHODS.has(last) || HANDLE_READ_METHODS.has(last))) return valueOf(receiver, scope, depth + 1);
  if (TEMPLATE_WRAPPERS.has(last) && args.positional[0]) return valueOf(args.positional[0], scope, depth + 1);
  if (MESSAGE_CLASSES[last]) {
    const value = valueOf(args.positional[0] ?? args.keywords.get('content'), scope, depth + 1);
    return value ? { kind: 'messages', items: [{ role: MESSAGE_CLASSES[last], value }] } : undefined;
  }
  if (DEFAULT_VALUE_CALLEES.includes(last) && args.positional.length >= 2) {
    const fallback = textValue(args.positional[1], scope);
    if (fallback) return fallback;
  }
  if (!path.length || path.includes('?')) return undefined;
  return { kind: 'call', path };
}

/** `importlib.resources.read_text("pkg", "x.md")`. */
function packageFile(pkgNode: SyntaxNode, nameNode: SyntaxNode, scope: ValueScope): StaticPath | undefined {
  const pkg = literalString(pkgNode, scope);
  const name = literalString(nameNode, scope);
  return pkg && name ? { base: 'package', packageName: pkg, path: name } : undefined;
}

/** A list of role/content dicts, (role, text) pairs or message objects; undefined for any other list. */
function messageList(list: SyntaxNode, scope: ValueScope, depth: number): ValueRef | undefined {
  const items: { role: PromptRole; value: ValueRef }[] = [];
  for (const item of namedChildren(list).slice(0, MAX_MESSAGES)) {
    const message = messageItem(item, scope, depth);
    if (message) items.push(...message);
  }
  return items.length ? { kind: 'messages', items } : undefined;
}

/** One message written as a dict/object, a (role, text) pair or a message class. */
export function messageItem(item: SyntaxNode, scope: ValueScope, depth: number): { role: PromptRole; value: ValueRef }[] | undefined {
  if (DICT_TYPES.has(item.type)) {
    let role: PromptRole | undefined;
    let content: SyntaxNode | undefined;
    for (const pair of namedChildren(item)) {
      if (pair.type === 'shorthand_property_identifier' && MESSAGE_TEXT_KEYS.includes(text(scope.source, pair))) { content = pair; continue; }
      if (pair.type !== 'pair') continue;
      const key = keyName(scope.source, childByField(pair, 'key'));
      const value = childByField(pair, 'value');
      if (key === 'role' && value) role = ROLE_WORDS[stringValue(scope.source, value) ?? ''];
      else if (key && MESSAGE_TEXT_KEYS.includes(key)) content = value;
    }
    const value = role && valueOf(content, scope, depth + 1);
    return role && value ? [{ role, value }] : undefined;
  }
  if ((item.type === 'tuple' || item.type === 'array') && namedChildren(item).length === 2) {
    const [roleNode, content] = namedChildren(item);
    const role = ROLE_WORDS[stringValue(scope.source, roleNode) ?? ''];
    const value = role && valueOf(content, scope, depth + 1);
    return role && value ? [{ role, value }] : undefined;
  }
  if (CALL_TYPES.has(item.type)) {
    const value = callValue(item, scope, depth + 1);
    return value?.kind === 'messages' ? value.items : undefined;
  }
  return undefined;
}

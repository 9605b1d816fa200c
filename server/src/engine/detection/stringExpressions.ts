// A prompt is often built, not written in one literal: `"a" "b"`, `+`, f-strings, `.format()`, `%`,
// `"\n".join([...])`, `dedent(...)`, tagged templates. This module finds the whole expression a literal belongs to
// and turns it into ordered parts (decoded text and placeholders). Both walks are iterative.
import type { LiteralInfo, PromptPart, SourceLanguage, TextPart } from '../types';
import { decodeJavaScript, decodePython, literalInfo } from './literals';
import { splitPlaceholders, type PlaceholderMode } from './placeholders';
import { DEDENT_CALLEES } from './sinks';
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';
import { CALL_TYPES, LIST_TYPES, argumentsOf, calleeOf, dottedPath, isPythonString, isStringLiteral, operatorOf, text } from './syntaxShapes';

export type StringMode = 'format' | 'printf' | 'dollar';

export interface StringExpression {
  root: SyntaxNode;
  transform?: 'dedent' | 'cleandoc';
  modes: Set<StringMode>;
  /** Tag of a tagged template that is not a dedent helper (`sql`, `html`…). */
  foreignTag?: string;
}

const TRIM_METHODS = new Set(['strip', 'lstrip', 'rstrip', 'trim', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight']);
const FORMAT_METHODS = new Set(['format', 'format_map']);

function dedentKind(path: string[]): 'dedent' | 'cleandoc' | undefined {
  return DEDENT_CALLEES[path.join('.')] ?? DEDENT_CALLEES[path[path.length - 1] ?? ''];
}

/** `"\n".join([...])` (Python) or `[...].join("\n")` (JavaScript) around `list`, if any. */
function joinCallOfList(list: SyntaxNode, source: string): SyntaxNode | undefined {
  const parent = list.parent;
  if (!parent) return undefined;
  if (parent.type === 'argument_list' && parent.parent && CALL_TYPES.has(parent.parent.type)) {
    const callee = calleeOf(parent.parent);
    if (callee?.type === 'attribute' && callee.children.some((c) => c.field === 'attribute' && text(source, c) === 'join')) {
      const receiver = childByField(callee, 'object');
      if (receiver && isStringLiteral(receiver)) return parent.parent;
    }
  }
  if (parent.type === 'member_expression' && list.field === 'object') {
    const prop = childByField(parent, 'property');
    const call = parent.parent;
    if (prop && text(source, prop) === 'join' && call && CALL_TYPES.has(call.type) && parent.field === 'function') return call;
  }
  return undefined;
}

/** Grows a literal to the largest expression that builds one string from it. */
export function maximalStringExpression(literal: SyntaxNode, source: string): StringExpression {
  const result: StringExpression = { root: literal, modes: new Set() };
  let node = literal;
  for (let guard = 0; guard < 10_000; guard++) {
    const p = node.parent;
    if (!p) break;
    if (p.type === 'concatenated_string') { node = p; continue; }
    if (p.type === 'binary_operator' || p.type === 'binary_expression') {
      const op = operatorOf(p);
      if (op === '+') { node = p; continue; }
      if (op === '%' && node.field === 'left' && p.type === 'binary_operator') { result.modes.add('printf'); node = p; continue; }
      break;
    }
    if (p.type === 'parenthesized_expression' && namedChildren(p).length === 1) { node = p; continue; }
    if ((p.type === 'attribute' || p.type === 'member_expression') && node.field === 'object') {
      const method = childByField(p, 'attribute') ?? childByField(p, 'property');
      const call = p.parent;
      if (!method || !call || !CALL_TYPES.has(call.type) || p.field !== 'function') break;
      const name = text(source, method);
      if (FORMAT_METHODS.has(name)) { result.modes.add('format'); node = call; continue; }
      if (TRIM_METHODS.has(name)) { node = call; continue; }
      if (name === 'join' && p.type === 'attribute' && isStringLiteral(node)) { node = call; continue; }
      break;
    }
    if ((p.type === 'argument_list' || p.type === 'arguments') && p.parent && CALL_TYPES.has(p.parent.type)) {
      const call = p.parent;
      const path = dottedPath(source, calleeOf(call));
      const first = namedChildren(p)[0];
      if (first === node) {
        const kind = dedentKind(path);
        if (kind) { result.transform = kind; node = call; continue; }
        if (path[path.length - 1] === 'Template' && p.type === 'argument_list') { result.modes.add('dollar'); node = call; continue; }
      }
      if (p.type === 'arguments' && calleeOf(call)?.type === 'member_expression') {
        const callee = calleeOf(call)!;
        const prop = childByField(callee, 'property');
        const object = childByField(callee, 'object');
        // `[...].join("\n")`, and `lines.join("\n")` (the list's pieces are merged by the detector when it knows them).
        if (prop && text(source, prop) === 'join' && (object?.type === 'array' || object?.type === 'identifier') && first === node) { node = call; continue; }
      }
      break;
    }
    if (CALL_TYPES.has(p.type) && node.field === 'arguments' && node.type === 'template_string') {
      const path = dottedPath(source, calleeOf(p));
      const kind = dedentKind(path);
      if (kind) { result.transform = kind; node = p; continue; }
      result.foreignTag = path.join('.') || '?';
      break;
    }
    if (LIST_TYPES.has(p.type)) {
      const joined = joinCallOfList(p, source);
      if (joined) { node = joined; continue; }
      break;
    }
    break;
  }
  result.root = node;
  return result;
}

interface PartOptions {
  language: SourceLanguage;
  /** Placeholder syntax for plain literal text, from the expression and its destination. */
  mode: PlaceholderMode;
}

function placeholder(source: string, node: SyntaxNode, syntax: 'expr' | '{x}' | '${expr}', inner?: SyntaxNode): PromptPart {
  const written = text(source, inner ?? node).replace(/\s+/g, ' ').trim();
  return { kind: 'placeholder', name: written.length > 80 ? written.slice(0, 77) + '...' : written, syntax, span: { start: node.start, end: node.end }, source: text(source, node) };
}

function pushText(out: PromptPart[], decoded: { text: string; offsets: number[] }, literal: LiteralInfo, mode: PlaceholderMode, source: string): void {
  if (!decoded.text.length) return;
  const part: TextPart = {
    kind: 'text',
    text: decoded.text,
    span: { start: decoded.offsets[0], end: decoded.offsets[decoded.text.length] },
    offsets: decoded.offsets,
    literal,
  };
  out.push(...splitPlaceholders(part, mode, source));
}

function pythonLiteralParts(source: string, node: SyntaxNode, mode: PlaceholderMode, out: PromptPart[]): void {
  const start = node.children[0];
  const prefixMatch = /^([a-zA-Z]*)(["']{3}|["'])/.exec(text(source, start));
  const prefix = (prefixMatch?.[1] ?? '').toLowerCase();
  const quote = prefixMatch?.[2] ?? '"';
  const raw = prefix.includes('r');
  const fString = prefix.includes('f') || prefix.includes('t');
  const bytes = prefix.includes('b');
  const literal = literalInfo('python', quote, { raw, fString, bracesAreSyntax: fString || mode === 'format', readOnly: bytes || undefined });
  const textMode: PlaceholderMode = fString ? 'none' : mode;
  let segmentStart = start.end;
  const endNode = node.children[node.children.length - 1];
  const contentEnd = endNode.type === 'string_end' ? endNode.start : node.end;
  for (const child of node.children) {
    if (child.type !== 'interpolation') continue;
    if (child.start > segmentStart) pushText(out, decodePython(source, segmentStart, child.start, raw, fString), literal, textMode, source);
    const expr = childByField(child, 'expression') ?? namedChildren(child)[0];
    out.push(placeholder(source, child, '{x}', expr));
    segmentStart = child.end;
  }
  if (contentEnd > segmentStart) pushText(out, decodePython(source, segmentStart, contentEnd, raw, fString), literal, textMode, source);
}

function javascriptLiteralParts(source: string, node: SyntaxNode, mode: PlaceholderMode, out: PromptPart[]): void {
  const isTemplate = node.type === 'template_string';
  const quote = source[node.start];
  const literal = literalInfo('typescript', quote, { templateLiteral: isTemplate, bracesAreSyntax: mode === 'format' });
  const contentStart = node.start + 1;
  const closed = node.end - node.start >= 2 && source[node.end - 1] === quote;
  const contentEnd = closed ? node.end - 1 : node.end;
  let segmentStart = contentStart;
  for (const child of node.children) {
    if (child.type !== 'template_substitution') continue;
    if (child.start > segmentStart) pushText(out, decodeJavaScript(source, segmentStart, child.start), literal, mode, source);
    out.push(placeholder(source, child, '${expr}', namedChildren(child)[0]));
    segmentStart = child.end;
  }
  if (contentEnd > segmentStart) pushText(out, decodeJavaScript(source, segmentStart, contentEnd), literal, mode, source);
}

/** Ordered parts of a string expression. Non-literal operands become `expr` placeholders. */
export function expressionParts(expr: StringExpression, source: string, options: PartOptions): PromptPart[] {
  const out: PromptPart[] = [];
  const stack: SyntaxNode[] = [expr.root];
  const setLanguage = (from: number) => {
    for (let i = from; i < out.length; i++) {
      const part = out[i];
      if (part.kind === 'text' && part.literal.language !== options.language) part.literal = { ...part.literal, language: options.language };
    }
  };
  while (stack.length) {
    const node = stack.pop()!;
    const before = out.length;
    if (isPythonString(node)) {
      pythonLiteralParts(source, node, expr.modes.has('printf') ? 'printf' : expr.modes.has('dollar') ? 'dollar' : options.mode, out);
      continue;
    }
    if (node.type === 'string' || node.type === 'template_string') {
      javascriptLiteralParts(source, node, options.mode, out);
      setLanguage(before);
      continue;
    }
    if (node.type === 'concatenated_string') {
      const parts = namedChildren(node);
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
      continue;
    }
    if ((node.type === 'binary_operator' || node.type === 'binary_expression') && (operatorOf(node) === '+' || operatorOf(node) === '%')) {
      const left = childByField(node, 'left');
      const right = childByField(node, 'right');
      if (operatorOf(node) === '+' && right) stack.push(right);
      if (left) stack.push(left);
      continue;
    }
    if (node.type === 'parenthesized_expression' && namedChildren(node).length >= 1) {
      stack.push(namedChildren(node)[0]);
      continue;
    }
    if (CALL_TYPES.has(node.type)) {
      const callee = calleeOf(node);
      const args = argumentsOf(node);
      if (args?.type === 'template_string') { stack.push(args); continue; }
      const path = dottedPath(source, callee);
      const method = path[path.length - 1] ?? '';
      const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
      const firstArg = args ? namedChildren(args)[0] : undefined;
      if (receiver && (FORMAT_METHODS.has(method) || TRIM_METHODS.has(method))) { stack.push(receiver); continue; }
      if (receiver && method === 'join') {
        // Python `sep.join(list)`; JavaScript `list.join(sep)`.
        const [list, separator] = isStringLiteral(receiver) ? [firstArg, receiver] : [receiver, firstArg];
        if (list && LIST_TYPES.has(list.type)) {
          const items = namedChildren(list);
          for (let i = items.length - 1; i >= 0; i--) {
            stack.push(items[i]);
            if (i > 0 && separator) stack.push(separator);
          }
          continue;
        }
        if (list) { out.push(placeholder(source, list, 'expr')); continue; }
      }
      if (firstArg && (dedentKind(path) || method === 'Template')) { stack.push(firstArg); continue; }
    }
    if (node.type === 'comment') continue;
    out.push(placeholder(source, node, 'expr'));
  }
  return out;
}

/**
 * Code inside a string expression whose own strings are not part of its parts: the per-item text of a
 * comprehension or callback (`"\n".join(f"- {r}" for r in rules)`, `` rules.map((r) => `- ${r}`).join("\n") ``) is
 * a placeholder of the expression and a piece of its own (code/flow.ts follows it as an element).
 */
const OWN_TEXT_SCOPES = new Set(['generator_expression', 'list_comprehension', 'set_comprehension', 'lambda', 'arrow_function', 'function_expression']);

/**
 * A choice between texts (`cond ? "…" : ""`, `x || "fallback"`, `"…" if cond else ""`, `a or "…"`): inside a string
 * expression it is a placeholder, and each literal branch is a piece of its own (code/nameUses.ts follows it).
 */
export function isTextChoice(node: SyntaxNode): boolean {
  if (node.type === 'ternary_expression' || node.type === 'conditional_expression') return true;
  if (node.type === 'boolean_operator') return operatorOf(node) === 'or';
  if (node.type === 'binary_expression') {
    const op = operatorOf(node);
    return op === '||' || op === '??';
  }
  return false;
}

/** Every string literal node inside a string expression (to avoid analysing them twice). */
export function literalsIn(root: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isStringLiteral(node)) { found.push(node); continue; }
    if (node !== root && (OWN_TEXT_SCOPES.has(node.type) || isTextChoice(node))) continue;
    for (const c of node.children) stack.push(c);
  }
  return found;
}

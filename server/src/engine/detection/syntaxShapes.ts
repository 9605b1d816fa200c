// What the Python and JavaScript/TypeScript grammars call the constructs detection cares about. The two node
// vocabularies barely overlap, so one set of helpers serves both and the analyser stays language-neutral.
import { childByField, namedChildren, type SyntaxNode } from './syntaxMirror';

export const CALL_TYPES = new Set(['call', 'call_expression', 'new_expression']);
export const LIST_TYPES = new Set(['list', 'tuple', 'array']);
export const DICT_TYPES = new Set(['dictionary', 'object']);
export const PAREN_TYPES = new Set(['parenthesized_expression', 'await', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion']);
export const FUNCTION_TYPES = new Set([
  'function_definition', 'function_declaration', 'function_expression', 'arrow_function', 'method_definition',
  'generator_function_declaration', 'generator_function', 'function', 'lambda',
]);
export const CLASS_TYPES = new Set(['class_definition', 'class_declaration', 'class', 'abstract_class_declaration']);
export const SCOPE_ROOTS = new Set(['module', 'program']);

export function text(source: string, node: SyntaxNode): string {
  return source.slice(node.start, node.end);
}

export function isPythonString(node: SyntaxNode): boolean {
  return node.type === 'string' && node.children[0]?.type === 'string_start';
}

export function isStringLiteral(node: SyntaxNode): boolean {
  return node.type === 'string' || node.type === 'template_string';
}

/** The operator token of a binary expression (`+`, `%`, `==`…). */
export function operatorOf(node: SyntaxNode): string | undefined {
  const op = childByField(node, 'operator');
  if (op) return op.type;
  for (const c of node.children) if (!c.named) return c.type;
  return undefined;
}

/** The callee node of a call or `new` expression. */
export function calleeOf(call: SyntaxNode): SyntaxNode | undefined {
  return childByField(call, 'function') ?? childByField(call, 'constructor');
}

export function argumentsOf(call: SyntaxNode): SyntaxNode | undefined {
  return childByField(call, 'arguments');
}

/**
 * Dotted path of a callee: `client.chat.completions.create` → [client, chat, completions, create];
 * calls in the chain contribute their callee name (`Anthropic().messages.create` → [Anthropic, messages, create]).
 */
export function dottedPath(source: string, node: SyntaxNode | undefined): string[] {
  const parts: string[] = [];
  let current = node;
  for (let guard = 0; current && guard < 64; guard++) {
    switch (current.type) {
      case 'identifier':
      case 'property_identifier':
      case 'type_identifier':
      case 'this':
      case 'super':
        parts.push(text(source, current));
        current = undefined;
        break;
      case 'attribute':
      case 'member_expression': {
        const name = childByField(current, 'attribute') ?? childByField(current, 'property');
        parts.push(name ? text(source, name) : '?');
        current = childByField(current, 'object');
        break;
      }
      case 'call':
      case 'call_expression':
      case 'new_expression':
        current = calleeOf(current);
        break;
      case 'parenthesized_expression':
      case 'await':
      case 'await_expression':
      case 'non_null_expression':
        current = namedChildren(current)[0];
        break;
      case 'subscript':
      case 'subscript_expression':
        current = childByField(current, 'value') ?? childByField(current, 'object');
        break;
      default:
        current = undefined;
    }
  }
  return parts.reverse();
}

export function pathEndsWith(path: string[], suffix: string): boolean {
  const wanted = suffix.split('.');
  if (wanted.length > path.length) return false;
  for (let i = 1; i <= wanted.length; i++) if (path[path.length - i] !== wanted[wanted.length - i]) return false;
  return true;
}

/** Name of a dict/object key node: `"role"`, `role`, `'role'`. */
export function keyName(source: string, key: SyntaxNode | undefined): string | undefined {
  if (!key) return undefined;
  if (key.type === 'string') return stringValue(source, key);
  if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'shorthand_property_identifier') return text(source, key);
  return undefined;
}

/** The value of a simple string literal without escapes worth decoding (keys, roles, model names). */
export function stringValue(source: string, node: SyntaxNode): string | undefined {
  if (node.type === 'string') {
    const inner = node.children.filter((c) => c.type === 'string_content' || c.type === 'string_fragment');
    if (node.children.some((c) => c.type === 'interpolation')) return undefined;
    if (!inner.length) return /^[a-zA-Z]*(['"]{1,3})\1?$/.test(text(source, node)) ? '' : undefined;
    return inner.map((c) => text(source, c)).join('');
  }
  if (node.type === 'template_string' && !node.children.some((c) => c.type === 'template_substitution')) {
    return text(source, node).slice(1, -1);
  }
  return undefined;
}

export interface CallArguments {
  positional: SyntaxNode[];
  /** Python keyword arguments, and properties of object-literal arguments in JavaScript. */
  keywords: Map<string, SyntaxNode>;
  /** What is spread into the keywords: `**params`, `**{...}` (Python), `{ ...OPTS }` in an object argument (JS). */
  spreads: SyntaxNode[];
}

export function callArguments(source: string, call: SyntaxNode): CallArguments {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const spreads: SyntaxNode[] = [];
  const args = argumentsOf(call);
  if (!args) return { positional, keywords, spreads };
  if (args.type === 'template_string') return { positional: [args], keywords, spreads };
  for (const arg of namedChildren(args)) {
    if (arg.type === 'keyword_argument') {
      const name = childByField(arg, 'name');
      const value = childByField(arg, 'value');
      if (name && value) keywords.set(text(source, name), value);
      continue;
    }
    if (arg.type === 'object') {
      for (const prop of namedChildren(arg)) {
        if (prop.type === 'pair') {
          const key = keyName(source, childByField(prop, 'key'));
          const value = childByField(prop, 'value');
          if (key && value && !keywords.has(key)) keywords.set(key, value);
        } else if (prop.type === 'shorthand_property_identifier') {
          keywords.set(text(source, prop), prop);
        } else if (prop.type === 'spread_element') {
          const spread = namedChildren(prop)[0];
          if (spread) spreads.push(spread);
        }
      }
    }
    if (arg.type === 'dictionary_splat') {
      const spread = namedChildren(arg)[0];
      if (spread) spreads.push(spread);
    }
    if (arg.type === 'list_splat' || arg.type === 'dictionary_splat' || arg.type === 'spread_element') continue;
    positional.push(arg);
  }
  return { positional, keywords, spreads };
}

/** The bound name of an assignment target: `X`, `self.x` → `x`, `this.x` → `x`; undefined for patterns. */
export function targetName(source: string, target: SyntaxNode | undefined): { name: string; member: boolean } | undefined {
  if (!target) return undefined;
  if (target.type === 'identifier' || target.type === 'property_identifier' || target.type === 'private_property_identifier') {
    return { name: text(source, target), member: false };
  }
  if (target.type === 'attribute' || target.type === 'member_expression') {
    const prop = childByField(target, 'attribute') ?? childByField(target, 'property');
    return prop ? { name: text(source, prop), member: true } : undefined;
  }
  return undefined;
}

/** Name of a function or class node, including `const f = () => …` and `f = lambda: …`. */
export function declaredName(source: string, node: SyntaxNode): string | undefined {
  const name = childByField(node, 'name');
  if (name) return text(source, name).replace(/^#/, '');
  const parent = node.parent;
  if (parent?.type === 'variable_declarator') return targetName(source, childByField(parent, 'name'))?.name;
  if (parent?.type === 'assignment' || parent?.type === 'assignment_expression') return targetName(source, childByField(parent, 'left'))?.name;
  if (parent?.type === 'pair') return keyName(source, childByField(parent, 'key'));
  return undefined;
}

/** Parameter names of a function node, in order. */
export function parameterNames(source: string, fn: SyntaxNode): string[] {
  const params = childByField(fn, 'parameters') ?? childByField(fn, 'parameter');
  if (!params) return [];
  if (params.type === 'identifier') return [text(source, params)];
  const names: string[] = [];
  for (const p of namedChildren(params)) {
    let n: SyntaxNode | undefined = p;
    for (let guard = 0; n && n.type !== 'identifier' && guard < 4; guard++) {
      n = childByField(n, 'name') ?? childByField(n, 'pattern') ?? childByField(n, 'left') ?? namedChildren(n)[0];
    }
    names.push(n?.type === 'identifier' ? text(source, n) : '');
  }
  return names.filter((n, i) => !(i === 0 && (n === 'self' || n === 'cls')) || false);
}

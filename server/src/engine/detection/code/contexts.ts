// Contexts: the walk up from a string expression to what decides it (a call argument, a binding, a
// docstring, a negative context such as a comparison or dict key), with the message it is the text of, if any.
import type { PromptRole } from '../../types';
import { DEFAULT_VALUE_CALLEES, MESSAGE_TEXT_KEYS } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, DICT_TYPES, FUNCTION_TYPES, LIST_TYPES, PAREN_TYPES, calleeOf, dottedPath, isStringLiteral, keyName, operatorOf, text } from '../syntaxShapes';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import { isDictCall, roleOfMessageDict, messagePairRole } from './messages';
import { SINK_TABLE } from './calleeTables';

export type Context =
  | { kind: 'call'; call: SyntaxNode; argName?: string; argIndex?: number; keys: string[] }
  | { kind: 'binding'; binding: Binding; keys: string[] }
  | { kind: 'docstring'; owner: SyntaxNode }
  | { kind: 'negative'; reason: string }
  | { kind: 'none'; keys: string[] };

export interface MessageShape {
  role: PromptRole;
  container: SyntaxNode;
}

const COMPARISON_OPERATORS = new Set(['==', '===', '!=', '!==', 'in', 'not in', 'instanceof', '<', '>', '<=', '>=', 'is']);

const NEGATIVE_PARENTS: Record<string, string> = {
  comparison_operator: 'compared with a value',
  raise_statement: 'exception message',
  throw_statement: 'exception message',
  assert_statement: 'assertion message',
  import_statement: 'import specifier',
  import_from_statement: 'import specifier',
  future_import_statement: 'import specifier',
  export_statement: 'import specifier',
  import_require_clause: 'import specifier',
  decorator: 'decorator argument',
  jsx_attribute: 'JSX attribute',
  jsx_expression: 'JSX text',
  literal_type: 'type',
  type_annotation: 'type',
  type: 'type',
  case_clause: 'case label',
  case_pattern: 'case label',
  switch_case: 'case label',
  interpolation: 'inside a placeholder',
  template_substitution: 'inside a placeholder',
  enum_assignment: 'enum member',
  enum_body: 'enum member',
};

/** Keys whose string values are settings, not text sent to a model. */
/** Keys of a content part that hold a file or image (by reference or bytes), never text. */
export const CONTENT_REFERENCE_KEYS = new Set(['image', 'file', 'file_id', 'fileId', 'file_url', 'fileUrl', 'file_data', 'providerData', 'providerOptions', 'input_audio']);
export const NON_TEXT_KEYS = new Set(['role', 'type', 'model', 'name', 'id', 'tool_choice', 'response_format', 'format', 'url', 'image_url', 'detail', 'mime_type', 'mimeType', 'media_type', 'cache_control', 'stop', 'provider', 'api_key', 'apiKey', 'baseURL', 'base_url']);

/** Keys (innermost first) of a value inside a message's content that is not a text key: `content[0].image_url.url`. */
export function isNonTextField(keys: string[]): boolean {
  return keys.length > 1 && !MESSAGE_TEXT_KEYS.includes(keys[0]) && keys.some((k) => MESSAGE_TEXT_KEYS.includes(k));
}

/**
 * `new Agent({ role: "Store keeper" })`: a property of an object passed to a call that a sink row reads as text,
 * although its name (`role`) marks a message's role elsewhere. Read from the callee as written (per statement).
 */
function isSinkTextProperty(model: FileModel, object: SyntaxNode, key: string): boolean {
  const args = object.parent;
  const call = args?.parent;
  if (!args || !call || !CALL_TYPES.has(call.type) || (args.type !== 'arguments' && args.type !== 'argument_list')) return false;
  return SINK_TABLE.matches(dottedPath(model.source, calleeOf(call))).some((sink) => sink.arguments.some((a) => a.name === key && a.shape === 'text'));
}

export function contextOf(model: FileModel, root: SyntaxNode): { context: Context; message?: MessageShape } {
  const { source } = model;
  const keys: string[] = [];
  let message: MessageShape | undefined;
  let node = root;
  /** Passed through a choice of texts (`cond ? "…" : ""`, `x || "…"`): inside a placeholder, that is a piece. */
  let chosen = false;
  for (let guard = 0; guard < 10_000; guard++) {
    const p = node.parent;
    if (!p) return { context: { kind: 'none', keys }, message };
    if (chosen && (p.type === 'interpolation' || p.type === 'template_substitution')) return { context: { kind: 'none', keys }, message };
    const negative = NEGATIVE_PARENTS[p.type];
    if (negative && !(p.type === 'export_statement' && node.field !== 'source')) return { context: { kind: 'negative', reason: negative }, message };
    if (PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'list_splat' || p.type === 'dictionary_splat' || p.type === 'expression_list') { node = p; continue; }
    if (p.type === 'conditional_expression' || p.type === 'ternary_expression') {
      if (node.field === 'condition' || (p.type === 'conditional_expression' && p.children.findIndex((c) => c === node) > 1 && namedChildren(p)[1] === node)) {
        return { context: { kind: 'none', keys }, message };
      }
      chosen = true;
      node = p;
      continue;
    }
    if (p.type === 'boolean_operator') { chosen = true; node = p; continue; }
    if (p.type === 'binary_expression' || p.type === 'binary_operator') {
      const op = operatorOf(p) ?? '';
      if (COMPARISON_OPERATORS.has(op)) return { context: { kind: 'negative', reason: 'compared with a value' }, message };
      if (op === '||' || op === '??' || op === '&&') { chosen = true; node = p; continue; }
      return { context: { kind: 'none', keys }, message };
    }
    if ((p.type === 'subscript' || p.type === 'subscript_expression') && node.field !== 'value' && node.field !== 'object') {
      return { context: { kind: 'negative', reason: 'index or key' }, message };
    }
    if (p.type === 'keyword_argument') {
      const name = childByField(p, 'name');
      const call = p.parent?.parent;
      if (!name || !call || !CALL_TYPES.has(call.type) || node.field !== 'value') return { context: { kind: 'none', keys }, message };
      if (isDictCall(model, call)) {
        // `dict(role="user", content="…")` is a dict literal written as a call.
        const key = text(source, name);
        if (NON_TEXT_KEYS.has(key) && !keys.length) return { context: { kind: 'negative', reason: `value of "${key}"` }, message };
        keys.push(key);
        if (!message && MESSAGE_TEXT_KEYS.includes(key) && keys.every((k) => MESSAGE_TEXT_KEYS.includes(k))) {
          const role = roleOfMessageDict(model, call);
          if (role) message = { role, container: call };
        }
        node = call;
        continue;
      }
      return { context: { kind: 'call', call, argName: text(source, name), keys }, message };
    }
    if ((p.type === 'argument_list' || p.type === 'arguments') && p.parent && CALL_TYPES.has(p.parent.type)) {
      const call = p.parent;
      const args = namedChildren(p).filter((a) => a.type !== 'keyword_argument');
      const splat = node.type === 'dictionary_splat';
      const argIndex = splat ? undefined : args.indexOf(node);
      const path = dottedPath(source, calleeOf(call));
      if (argIndex !== undefined && argIndex >= 1 && DEFAULT_VALUE_CALLEES.includes(path[path.length - 1] ?? '')) { node = call; continue; }
      const argName = (node.type === 'object' || splat) && keys.length ? keys.pop() : undefined;
      return { context: { kind: 'call', call, argIndex, argName, keys }, message };
    }
    if (p.type === 'pair') {
      if (node.field === 'key') return { context: { kind: 'negative', reason: 'dictionary key' }, message };
      const key = keyName(source, childByField(p, 'key'));
      const container = p.parent;
      if (!container || !key) return { context: { kind: 'none', keys }, message };
      if (NON_TEXT_KEYS.has(key) && !keys.length && !isSinkTextProperty(model, container, key)) return { context: { kind: 'negative', reason: `value of "${key}"` }, message };
      keys.push(key);
      // Only the text itself or a content block's `text`: not a file part's `mediaType`/`data`, a tool call's
      // `toolName`, or `providerOptions` nested in the content list.
      if (!message && MESSAGE_TEXT_KEYS.includes(key) && keys.every((k) => MESSAGE_TEXT_KEYS.includes(k))) {
        const role = roleOfMessageDict(model, container);
        if (role) message = { role, container };
      }
      node = container;
      continue;
    }
    if (LIST_TYPES.has(p.type)) {
      // Only a short list can be a (role, text) pair: never scan the items of a long list (quadratic).
      const pairRole = p.children.length <= 7 ? messagePairRole(model, p) : undefined;
      if (pairRole) {
        const items = namedChildren(p);
        if (items[0] === node) return { context: { kind: 'negative', reason: 'message role' }, message };
        if (!message && items[1] === node) message = { role: pairRole, container: p };
      }
      node = p;
      continue;
    }
    if (DICT_TYPES.has(p.type)) { node = p; continue; }
    const bound = p.binding as Binding | undefined;
    if (bound && (bound.value === node || (p.type === 'arrow_function' && node.field === 'body'))) {
      return { context: { kind: 'binding', binding: bound, keys }, message };
    }
    if (p.type === 'return_statement' || p.type === 'arrow_function' || p.type === 'lambda') return { context: { kind: 'none', keys }, message };
    if (p.type === 'expression_statement' && isStringLiteral(root) && node === root) {
      const body = p.parent;
      const first = body && namedChildren(body)[0];
      if (body && first === p && (body.type === 'block' || body.type === 'module') && (body.parent ? FUNCTION_TYPES.has(body.parent.type) || CLASS_TYPES.has(body.parent.type) : true)) {
        return { context: { kind: 'docstring', owner: body.parent ?? body }, message };
      }
      if (body?.type === 'module' || body?.type === 'block') return { context: { kind: 'negative', reason: 'bare string statement' }, message };
      return { context: { kind: 'none', keys }, message };
    }
    return { context: { kind: 'none', keys }, message };
  }
  return { context: { kind: 'none', keys }, message };
}

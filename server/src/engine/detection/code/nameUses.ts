// Propagators: the names whose values make up an expression (operands, placeholders, message contents, format
// and join receivers, called functions), with the role and fill mode each use implies.
import type { PromptRole } from '../../types';
import { MESSAGE_TEXT_KEYS } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, FUNCTION_TYPES, LIST_TYPES, calleeOf, dottedPath, isStringLiteral, keyName, operatorOf, stringValue, targetName, text } from '../syntaxShapes';
import type { FileModel } from './fileModel';
import { roleOfMessageDict, messagePairRole } from './messages';
import { ELEMENT_COMPREHENSIONS, ELEMENT_MAPPERS, TEMPLATE_FILLS, placeholderNameOf } from './propagators';
import { CONTENT_REFERENCE_KEYS, NON_TEXT_KEYS } from './contexts';
import { isTextChoice } from '../stringExpressions';

export interface NameUse {
  name: string;
  member: boolean;
  site: SyntaxNode;
  role?: PromptRole;
  /** Part of a larger text (placeholder, operand) rather than the whole value. */
  embedded: boolean;
  /** `PROMPTS.title`: `name` is the object and `key` the property read from it. */
  key?: string;
  /** How the value is filled in where it is used: `NAME % x` (printf) or `NAME.format(…)` (format braces). */
  fill?: 'printf' | 'format';
  /** The name is a called function (`build(x)`), never a parameter of the enclosing function. */
  called?: boolean;
  /** An argument that fills a template's placeholder (`TEMPLATE.format(examples=EXAMPLES)`): the template and the placeholder. */
  fills?: TemplateFill;
  /** Not a name: the per-item text of a comprehension or `.map` callback (`f"- {r}"` in `"\n".join(f"- {r}" for r in rules)`). */
  element?: SyntaxNode;
  /** With `element`: one branch of a choice inside a text (`${first ? "Greet them." : ""}`, `${ctx || "No context"}`). */
  choice?: boolean;
}

export interface TemplateFill {
  /** The template the method is called on, below any chained calls (`TEMPLATE` in `TEMPLATE.replace(…).format(…)`). */
  template: SyntaxNode;
  placeholder?: string;
}

const PASS_THROUGH_METHODS = new Set(['format', 'format_map', 'join', 'strip', 'lstrip', 'rstrip', 'trim', 'trimStart', 'trimEnd', 'replace', 'concat', 'substitute', 'safe_substitute', 'render', 'partial', 'append', 'extend', 'push', 'insert', 'add_message', 'add_messages']);

/**
 * Calls that carry their arguments' text: message and content-block constructors (`HumanMessage`, `TextBlockParam`,
 * `types.Part`: class names, capitalised — the app's own `stepMessage(state)` or `buildContent()` is a function whose
 * return value is followed instead), templates, dedent helpers.
 */
const PASS_THROUGH_CALLS = /^[A-Z]\w*(?:Message|Block|BlockParam|Part|Content)$|^(?:Message|Block|Part|Content)$|^Template$|^dedent$|^cleandoc$|^from_text$/;

/** Names whose values make up `expr` (operands, placeholders, message contents, called functions). */
export function namesIn(model: FileModel, expr: SyntaxNode): NameUse[] {
  const { source } = model;
  const uses: NameUse[] = [];
  const stack: { node: SyntaxNode; role?: PromptRole; embedded?: boolean; fill?: NameUse['fill']; fills?: TemplateFill }[] = [{ node: expr }];
  while (stack.length) {
    const { node, role, embedded = false, fill, fills } = stack.pop()!;
    switch (node.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        uses.push({ name: text(source, node), member: false, site: node, role, embedded, fill, fills });
        continue;
      case 'attribute':
      case 'member_expression': {
        const t = targetName(source, node);
        const object = childByField(node, 'object');
        const objectText = object ? text(source, object) : '';
        const ownMember = objectText === 'self' || objectText === 'this' || objectText === 'cls';
        if (t) uses.push({ name: t.name, member: ownMember, site: node, role, embedded, fill, fills });
        if (t && object && object.type === 'identifier' && !ownMember) uses.push({ name: objectText, member: false, site: node, role, embedded, key: t.name });
        continue;
      }
      case 'string':
      case 'template_string':
        for (const c of node.children) if (c.type === 'interpolation' || c.type === 'template_substitution') stack.push({ node: c, role, embedded: true });
        continue;
      case 'lambda':
      case 'function_expression':
      case 'comparison_operator':
      case 'keyword':
        continue;
    }
    if (ELEMENT_COMPREHENSIONS.has(node.type)) {
      // The element text is one piece per item; names in the `for` clauses are the items, not text.
      const body = childByField(node, 'body');
      if (body) {
        uses.push({ name: '', member: false, site: body, role, embedded: true, element: body, fills });
        stack.push({ node: body, role, embedded: true, fills });
      }
      continue;
    }
    if (FUNCTION_TYPES.has(node.type) && node.type !== 'arrow_function') continue;
    if (CALL_TYPES.has(node.type)) {
      const callee = calleeOf(node);
      const path = dottedPath(source, callee);
      const method = path[path.length - 1] ?? '';
      const mapped = ELEMENT_MAPPERS.has(method) ? mappedElements(node) : undefined;
      if (mapped) {
        for (const element of mapped) {
          uses.push({ name: '', member: false, site: element, role, embedded: true, element, fills });
          stack.push({ node: element, role, embedded: true, fills });
        }
        continue;
      }
      const sink = model.sinkOf(node);
      const passes = PASS_THROUGH_METHODS.has(method) || !!sink || PASS_THROUGH_CALLS.test(method);
      if (passes) {
        const sinkRole = sink?.arguments[0]?.shape === 'text' ? sink.arguments[0].role : undefined;
        const args = childByField(node, 'arguments');
        const isMethod = !sink && callee && (callee.type === 'attribute' || callee.type === 'member_expression');
        const object = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
        const filling = isMethod && object ? TEMPLATE_FILLS.get(method) : undefined;
        if (args && filling) pushFills(source, args, filling, object!, role, stack);
        else if (args) stack.push({ node: args, role: sinkRole ?? role, embedded: embedded || !!isMethod, fills });
        const formats = method === 'format' || method === 'format_map';
        if (object) stack.push({ node: object, role, embedded, fill: formats ? 'format' : undefined, fills });
      } else if (method) {
        const object = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
        const objectText = object ? text(source, object) : '';
        uses.push({ name: method, member: objectText === 'self' || objectText === 'this', site: node, role, embedded, called: true });
      }
      continue;
    }
    if (node.type === 'pair') {
      const key = keyName(source, childByField(node, 'key'));
      const value = childByField(node, 'value');
      const container = node.parent;
      const messageRole = key && MESSAGE_TEXT_KEYS.includes(key) && container ? roleOfMessageDict(model, container) : undefined;
      // A role, an id, a model, an image or file reference of a content part (`{ type: "input_image", image: url }`)
      // carries no prompt text: its names are not followed.
      if (value && key !== undefined && !NON_TEXT_KEYS.has(key) && !CONTENT_REFERENCE_KEYS.has(key)) stack.push({ node: value, role: messageRole ?? role, embedded, fills });
      continue;
    }
    if (LIST_TYPES.has(node.type)) {
      const items = namedChildren(node);
      const tupleRole = items.length === 2 ? messagePairRole(model, node) : undefined;
      for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], role: tupleRole && i === 1 ? tupleRole : role, embedded, fills });
      continue;
    }
    if (node.type === 'subscript' || node.type === 'subscript_expression') {
      const value = childByField(node, 'value') ?? childByField(node, 'object');
      if (value) stack.push({ node: value, role, embedded, fills });
      continue;
    }
    if (embedded && isTextChoice(node)) {
      // Each literal branch is a piece of the text the choice is inserted into (its names are followed below).
      for (const branch of namedChildren(node)) {
        if (branch.field !== 'condition' && isStringLiteral(branch)) uses.push({ name: '', member: false, site: branch, role, embedded: true, element: branch, choice: true, fills });
      }
    }
    const joins = node.type === 'binary_operator' || node.type === 'binary_expression' || node.type === 'concatenated_string';
    const printf = node.type === 'binary_operator' && operatorOf(node) === '%';
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i];
      // An arrow function's value is its body: its parameters are not names it uses (`async (prompt, fallback) =>
      // rl.question(prompt)` made every call's question text a prompt once the answer reached a sink).
      if (c.named && c.type !== 'comment' && c.field !== 'name' && c.field !== 'key' && !(node.type === 'arrow_function' && (c.field === 'parameters' || c.field === 'parameter'))) {
        stack.push({ node: c, role, embedded: embedded || (joins && !(printf && c.field === 'left')), fill: printf && c.field === 'left' ? 'printf' : undefined, fills });
      }
    }
  }
  return uses;
}

/**
 * The arguments of a template fill (`TEMPLATE_FILLS`): each is embedded text of the template, and a keyword's name
 * (or a `.replace` pattern) names the placeholder it fills. The template is the receiver below chained calls.
 */
function pushFills(source: string, args: SyntaxNode, filling: 'keywords' | 'pair', object: SyntaxNode, role: PromptRole | undefined, stack: { node: SyntaxNode; role?: PromptRole; embedded?: boolean; fills?: TemplateFill }[]): void {
  let template = object;
  for (let guard = 0; CALL_TYPES.has(template.type) && guard < 100; guard++) {
    const inner = calleeOf(template);
    const below = inner && (inner.type === 'attribute' || inner.type === 'member_expression') ? childByField(inner, 'object') : undefined;
    if (!below) break;
    template = below;
  }
  const items = namedChildren(args).filter((a) => a.type !== 'comment');
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    // `.replace(SEARCH, text)`: the text searched for is taken out, never part of the result.
    if (filling === 'pair' && i === 0 && items.length === 2) continue;
    let placeholder: string | undefined;
    let value = item;
    if (filling === 'keywords' && item.type === 'keyword_argument') {
      const name = childByField(item, 'name');
      value = childByField(item, 'value') ?? item;
      placeholder = name ? text(source, name) : undefined;
    } else if (filling === 'keywords' && item.type === 'object') {
      // `template.render({ tone: TONE })`: each property fills the placeholder of its key.
      for (const prop of namedChildren(item)) {
        const key = prop.type === 'pair' ? keyName(source, childByField(prop, 'key')) : prop.type === 'shorthand_property_identifier' ? text(source, prop) : undefined;
        const propValue = prop.type === 'pair' ? childByField(prop, 'value') : prop;
        if (propValue) stack.push({ node: propValue, role, embedded: true, fills: { template, placeholder: key } });
      }
      continue;
    } else if (filling === 'pair' && i === 1 && isStringLiteral(items[0])) {
      const pattern = stringValue(source, items[0]);
      placeholder = pattern !== undefined ? placeholderNameOf(pattern) : undefined;
    }
    stack.push({ node: value, role, embedded: true, fills: { template, placeholder } });
  }
}

/** What the callback of `items.map(cb)` returns per item: an arrow's expression body, or its `return` values. */
function mappedElements(call: SyntaxNode): SyntaxNode[] | undefined {
  const args = childByField(call, 'arguments');
  const callback = args ? namedChildren(args)[0] : undefined;
  return callback ? returnedValues(callback) : undefined;
}

/** What a function literal returns: an arrow's or lambda's expression body, or the values of its own `return`s. */
export function returnedValues(callback: SyntaxNode): SyntaxNode[] | undefined {
  if (!FUNCTION_TYPES.has(callback.type)) return undefined;
  const body = childByField(callback, 'body');
  if (!body) return undefined;
  if (body.type !== 'statement_block') return [body];
  const returned: SyntaxNode[] = [];
  for (const statement of namedChildren(body)) {
    if (statement.type !== 'return_statement') continue;
    const value = namedChildren(statement)[0];
    if (value) returned.push(value);
  }
  return returned;
}

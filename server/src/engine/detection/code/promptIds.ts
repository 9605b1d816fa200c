// Ids: stable prompt ids built only from where the prompt is written (binding, sink, keys, list positions,
// enclosing functions), and request ids that group the messages of one call.
import { MESSAGE_TEXT_KEYS, type SinkDefinition } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, DICT_TYPES, FUNCTION_TYPES, LIST_TYPES, PAREN_TYPES, declaredName, keyName, operatorOf, stringValue, text } from '../syntaxShapes';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import { isDictCall, messagePairRole } from './messages';
import type { Candidate } from './candidates';
import { isArgumentObject } from './callParameters';
import { isAppend } from './pieceGroups';

/** One request per outermost sink call: `generate_content(config=GenerateContentConfig(system_instruction=…))`. */
export function requestIdOf(model: FileModel, file: string, call: SyntaxNode, sink: SinkDefinition): string {
  let outer = call;
  let outerSink = sink;
  let node = call;
  for (let depth = 0; node.parent && depth < 8; depth++) {
    const p: SyntaxNode = node.parent;
    if (CALL_TYPES.has(p.type) && node.field !== 'function') {
      const s = model.sinkOf(p);
      if (s) { outer = p; outerSink = s; }
    } else if (!(p.type === 'argument_list' || p.type === 'arguments' || p.type === 'keyword_argument' || p.type === 'pair' || DICT_TYPES.has(p.type) || LIST_TYPES.has(p.type))) break;
    node = p;
  }
  return `${file}#${outerSink.id}@${model.lines.lineOf(outer.start) + 1}`;
}

/** The list literal a message belongs to: its parent, or for `messages.append({...})` the list bound to `messages`. */
export function messageListOf(model: FileModel, container: SyntaxNode): SyntaxNode | undefined {
  const parent = container.parent;
  if (!parent) return undefined;
  if (LIST_TYPES.has(parent.type)) return parent;
  const call = parent.type === 'argument_list' || parent.type === 'arguments' ? parent.parent : undefined;
  const growth = call?.binding as Binding | undefined;
  if (!call || !growth || growth.node !== call) return undefined;
  const list = model.resolve(growth.name, growth.member, call).find((b) => LIST_TYPES.has(b.value.type));
  return list?.value;
}

/**
 * The part of a prompt's id after `#`, built only from where the prompt is written (its binding or sink call, the
 * enclosing functions and classes, the dict keys and list positions that lead to it), so that adding or moving an
 * unrelated prompt leaves it unchanged. Repeats of one id (a ternary's two branches, two calls to the same sink in
 * one function) get `~2`, `~3` in document order: counted only among prompts of that same qualified id.
 */
export function idTail(model: FileModel, c: Candidate, name: string | undefined, lead: Candidate = c): string {
  const root = c.expr.root;
  if (c.context.kind === 'binding') {
    const { symbol, value } = c.context.binding;
    return value === root ? symbol : symbol + pathText(structuralPath(model, root, value));
  }
  if (c.context.kind === 'call') {
    const call = c.context.call;
    const growth = call.binding as Binding | undefined;
    // `messages.append({...})`: one more value of `messages`, named after it.
    if (growth && growth.node === call) return growth.symbol + (c.message ? `.${c.message.role}` : '');
    if (c.reach && c.reach.call === call) {
      const arg = c.reach.arg;
      let segments = structuralPath(model, root, undefined);
      const label = arg.name ?? c.context.argName ?? String(c.context.argIndex ?? arg.position ?? 0);
      // Found through a nested key (`config={"system_instruction": …}`): the path below that key.
      const cut = arg.name !== undefined && arg.name !== c.context.argName ? segments.findIndex((s) => s === `.${arg.name}`) : -1;
      if (cut >= 0) segments = segments.slice(cut + 1);
      const tail = `${c.reach.sink.id}.${label}${pathText(segments)}`;
      // `writer = ChatPromptTemplate.from_messages(…)`, `r = await client.chat.completions.create(…)`: named by the binding.
      const bound = bindingOfValue(call);
      return bound ? `${bound.symbol}.${tail}` : qualified(model, call, tail);
    }
  }
  if (c.context.kind === 'docstring') return qualified(model, root, 'docstring');
  // Reached through another piece (a merged prompt): named after how that piece reaches the model.
  const reach = c.reach ?? lead.reach;
  const message = c.message ?? lead.message;
  const tail = reach
    ? `${reach.sink.id}.${message?.role ?? reach.arg.name ?? reach.arg.position ?? 'prompt'}`
    : message
      ? `messages.${message.role}`
      : name ?? 'prompt';
  return qualified(model, root, tail);
}

/** The binding whose whole value is `node` (through `await` and parentheses), if any. */
function bindingOfValue(node: SyntaxNode): Binding | undefined {
  let n = node;
  while (n.parent && PAREN_TYPES.has(n.parent.type)) n = n.parent;
  const bound = n.parent?.binding as Binding | undefined;
  return bound && bound.value === n && !isAppend(bound.node) ? bound : undefined;
}

/** `tail` prefixed with the names of the functions and classes around `node` (`Router.route.…`). */
function qualified(model: FileModel, node: SyntaxNode, tail: string): string {
  const names: string[] = [];
  for (let n = node.parent; n; n = n.parent) {
    if (!FUNCTION_TYPES.has(n.type) && !CLASS_TYPES.has(n.type)) continue;
    const owner = declaredName(model.source, n) ?? callbackName(model, n);
    if (owner) names.push(owner);
  }
  return names.length ? `${names.reverse().join('.')}.${tail}` : tail;
}

/**
 * A name for an anonymous function passed to a call: the callee's last name and a short literal first argument
 * (`app.post("/api/chat", async (req, res) => …)` → `post:/api/chat`), so that two route handlers differ.
 */
function callbackName(model: FileModel, fn: SyntaxNode): string | undefined {
  const args = fn.parent;
  const call = args?.parent;
  if (!args || !call || (args.type !== 'arguments' && args.type !== 'argument_list') || !CALL_TYPES.has(call.type)) return undefined;
  const method = model.writtenCalleePath(call).at(-1);
  if (!method) return undefined;
  const first = namedChildren(args)[0];
  const route = first && first !== fn ? stringValue(model.source, first) : undefined;
  return route && /^[\w/.:{}*-]{1,60}$/.test(route) ? `${method}:${route}` : method;
}

/**
 * The dict keys (`.summarize`) and list positions (`[1]`) from `top` (a binding's value; a call argument when
 * undefined) down to `node`, outermost first. Message wrappers add nothing: the `content` of a role/content object
 * and the text of a `("system", text)` pair are that message.
 */
function structuralPath(model: FileModel, node: SyntaxNode, top: SyntaxNode | undefined): string[] {
  const segments: string[] = [];
  let n = node;
  for (let guard = 0; n !== top && n.parent && guard < 64; guard++) {
    const p: SyntaxNode = n.parent;
    if (p.type === 'pair') {
      if (n.field === 'key') break;
      // A property of an object passed as the call's argument is the argument itself (`{ messages: [...] }`).
      if (!top && p.parent && isArgumentObject(p.parent)) break;
      const key = keyName(model.source, childByField(p, 'key'));
      if (key && !MESSAGE_TEXT_KEYS.includes(key)) segments.push(`.${key}`);
    } else if (p.type === 'keyword_argument' && p.parent?.parent && isDictCall(model, p.parent.parent)) {
      const name = childByField(p, 'name');
      const key = name && text(model.source, name);
      if (key && !MESSAGE_TEXT_KEYS.includes(key)) segments.push(`.${key}`);
    } else if ((p.type === 'argument_list' && p.parent && isDictCall(model, p.parent)) || isDictCall(model, p)) {
      // `dict(…)`'s argument list and the call itself: a dict literal's braces.
    } else if (LIST_TYPES.has(p.type)) {
      const index = itemIndex(p, n);
      const pairText = index === 1 && p.children.length <= 7 && messagePairRole(model, p) !== undefined;
      if (!pairText && index >= 0) segments.push(`[${index}]`);
    } else if (!(DICT_TYPES.has(p.type) || PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'dictionary_splat'
      || p.type === 'conditional_expression' || p.type === 'ternary_expression' || p.type === 'boolean_operator'
      || ((p.type === 'binary_expression') && ['||', '??', '&&'].includes(operatorOf(p) ?? '')))) {
      break;
    }
    n = p;
  }
  return segments.reverse();
}

/** Position of `item` among the items of `list`; the positions of a list are computed once (a list of 4,000 messages). */
function itemIndex(list: SyntaxNode, item: SyntaxNode): number {
  // A short list is counted directly (no map per list on every analysis).
  if (list.children.length <= 64) {
    let i = 0;
    for (const c of list.children) {
      if (c === item) return i;
      if (c.named && c.type !== 'comment') i++;
    }
    return -1;
  }
  let positions = ITEM_POSITIONS.get(list);
  if (!positions) {
    positions = new Map();
    let i = 0;
    for (const c of list.children) if (c.named && c.type !== 'comment') positions.set(c, i++);
    ITEM_POSITIONS.set(list, positions);
  }
  return positions.get(item) ?? -1;
}

/** Kept with the list node (a reused statement's lists keep their items). */
const ITEM_POSITIONS = new WeakMap<SyntaxNode, Map<SyntaxNode, number>>();

function pathText(segments: string[]): string {
  return segments.join('');
}

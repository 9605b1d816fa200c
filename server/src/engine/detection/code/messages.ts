// Role/content messages: dict literals and `dict(…)` calls, their role, `(role, text)` pairs, message objects
// that go to a UI rather than to a model, and the statement-local messages whose content is a name.
import type { PromptRole } from '../../types';
import { ROLE_WORDS } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, DICT_TYPES, LIST_TYPES, PAREN_TYPES, callArguments, calleeOf, dottedPath, isStringLiteral, keyName, stringValue, text } from '../syntaxShapes';
import type { FileModel } from './fileModel';

export interface MessageDict {
  container: SyntaxNode;
  content: SyntaxNode;
}

/** Python's `dict(role="user", content=…)`: a dict literal written as a call (aider builds its messages this way). */
export function isDictCall(model: FileModel, node: SyntaxNode): boolean {
  if (model.language !== 'python' || node.type !== 'call') return false;
  const callee = calleeOf(node);
  return callee?.type === 'identifier' && text(model.source, callee) === 'dict';
}

export function roleOfMessageDict(model: FileModel, dict: SyntaxNode): PromptRole | undefined {
  if (CALL_TYPES.has(dict.type)) return isDictCall(model, dict) ? roleArgument(model, dict) : undefined;
  for (const pair of namedChildren(dict)) {
    if (pair.type !== 'pair') continue;
    if (keyName(model.source, childByField(pair, 'key')) !== 'role') continue;
    const value = childByField(pair, 'value');
    if (!value) return undefined;
    const literal = stringValue(model.source, value);
    if (literal !== undefined) return ROLE_WORDS[literal.toLowerCase()];
    // MessageRole.SYSTEM, Role.USER
    const last = dottedPath(model.source, value).pop()?.toLowerCase();
    return last ? ROLE_WORDS[last] : undefined;
  }
  return undefined;
}

/**
 * Role of a `("system", text)` tuple or `["user", text]` array that is one message of a message list: it must sit
 * in a list (or be a call argument, `messages.append(("user", q))`), and its text must not itself be a role word
 * (`["user", "system"].includes(role)` is a list of roles, not a message).
 */
export function messagePairRole(model: FileModel, pair: SyntaxNode): PromptRole | undefined {
  const items = namedChildren(pair);
  if (items.length !== 2) return undefined;
  const roleText = stringValue(model.source, items[0]);
  const role = roleText !== undefined ? ROLE_WORDS[roleText.toLowerCase()] : undefined;
  if (!role) return undefined;
  const second = stringValue(model.source, items[1]);
  if (second !== undefined && ROLE_WORDS[second.toLowerCase()]) return undefined;
  const outer = pair.parent;
  if (!outer || !(LIST_TYPES.has(outer.type) || outer.type === 'argument_list' || outer.type === 'arguments')) return undefined;
  return role;
}

/** `type` values that still mean an LLM message or content block (Responses API items, content parts). */
const MESSAGE_TYPE_VALUES = new Set(['message', 'text', 'input_text', 'output_text', 'easy_input_message']);

/** Calls that send a message to a browser, socket or HTTP client rather than to a model. */
const UI_SEND_CALLEES = new Set(['send', 'send_json', 'send_text', 'sendJson', 'emit', 'json', 'jsonify', 'JSONResponse', 'Response', 'write', 'postMessage', 'broadcast', 'publish', 'enqueue', 'put_nowait', 'setMessages', 'append_message', 'set_state']);

/** A UI state setter for a chat transcript (`setChatHistory`, `setMessageList`): what it holds is shown, not sent. */
const UI_STATE_SETTER = /^set[A-Z]\w*(?:Messages?|History|Chat|Conversation|Transcript)\w*$/;

/**
 * A role/content object that goes to a UI or socket, not to a model: it has an unrelated `type` (`"chat"`, `"error"`),
 * or it (or the list holding it) is an argument of a send/emit/response call. Known sinks are checked before this.
 */
export function isUiMessage(model: FileModel, dict: SyntaxNode): boolean {
  const typeValue = dictEntries(model, dict).get('type');
  const typeText = typeValue ? stringValue(model.source, typeValue) : undefined;
  if (typeText !== undefined && !MESSAGE_TYPE_VALUES.has(typeText)) return true;
  let node = dict;
  for (let depth = 0; depth < 8 && node.parent; depth++) {
    const p = node.parent;
    if (LIST_TYPES.has(p.type) || PAREN_TYPES.has(p.type) || p.type === 'spread_element' || p.type === 'keyword_argument') { node = p; continue; }
    // A chat-history item wrapping the message (`{ message: { role, content }, contextItems }`), and a state
    // updater's body (`setChatHistory((prev) => [...prev, item])`).
    if (p.type === 'pair' && node.field === 'value' && keyName(model.source, childByField(p, 'key')) === 'message' && p.parent && DICT_TYPES.has(p.parent.type)) { node = p.parent; continue; }
    if (p.type === 'arrow_function' && node.field === 'body') { node = p; continue; }
    if ((p.type === 'argument_list' || p.type === 'arguments') && p.parent && CALL_TYPES.has(p.parent.type)) {
      const path = model.writtenCalleePath(p.parent);
      const last = path[path.length - 1] ?? '';
      return UI_SEND_CALLEES.has(last) || UI_STATE_SETTER.test(last);
    }
    return false;
  }
  return false;
}

/** `ChatMessage(role=MessageRole.SYSTEM, content=…)`, `new ChatMessage({ role: "assistant", … })`: the role the call states. */
export function roleArgument(model: FileModel, call: SyntaxNode): PromptRole | undefined {
  const args = callArguments(model.source, call);
  const value = args.keywords.get('role');
  if (!value) return undefined;
  const literal = stringValue(model.source, value);
  const word = literal ?? dottedPath(model.source, value).pop();
  return word ? ROLE_WORDS[word.toLowerCase()] : undefined;
}

export function dictEntries(model: FileModel, dict: SyntaxNode): Map<string, SyntaxNode> {
  if (isDictCall(model, dict)) return callArguments(model.source, dict).keywords;
  const entries = new Map<string, SyntaxNode>();
  if (!DICT_TYPES.has(dict.type)) return entries;
  for (const pair of namedChildren(dict)) {
    if (pair.type !== 'pair') continue;
    const key = keyName(model.source, childByField(pair, 'key'));
    const value = childByField(pair, 'value');
    if (key && value) entries.set(key, value);
  }
  return entries;
}

/** `{role: <literal>, content: <not a literal>}` objects that are LLM messages (not UI events). */
export function messageDictsWithNamedContent(model: FileModel): MessageDict[] {
  const found: MessageDict[] = [];
  for (const facts of model.statementFacts) {
    // Statement-local (role, content, UI checks look only inside the statement): cached with its facts.
    facts.messageDicts ??= statementMessageDicts(model, facts.literals);
    for (const d of facts.messageDicts) found.push(d);
  }
  return found;
}

function statementMessageDicts(model: FileModel, literals: SyntaxNode[]): MessageDict[] {
  const found: MessageDict[] = [];
  for (const literal of literals) {
    const pair = literal.parent;
    if (!pair || literal.field !== 'value') continue;
    let dict: SyntaxNode | undefined;
    if (pair.type === 'pair') {
      if (keyName(model.source, childByField(pair, 'key')) !== 'role') continue;
      dict = pair.parent ?? undefined;
      if (!dict || !DICT_TYPES.has(dict.type)) continue;
    } else if (pair.type === 'keyword_argument') {
      const name = childByField(pair, 'name');
      if (!name || text(model.source, name) !== 'role') continue;
      dict = pair.parent?.parent ?? undefined;
      if (!dict || !isDictCall(model, dict)) continue;
    } else continue;
    if (!roleOfMessageDict(model, dict)) continue;
    const content = dictEntries(model, dict).get('content');
    if (!content || isStringLiteral(content) || content.type === 'concatenated_string' || content.type === 'binary_operator' || content.type === 'binary_expression') continue;
    if (isUiMessage(model, dict)) continue;
    found.push({ container: dict, content });
  }
  return found;
}

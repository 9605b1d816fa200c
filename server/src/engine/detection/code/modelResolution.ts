// Model resolution: the model a sink call names (literal, constant, env or flag default, nested config), the chat
// model a LangChain/LlamaIndex template is piped or passed into (or that wrapper's own default when built without
// one), and the file's sole chat-model constructor.
import type { ModelReference } from '../../types';
import { MODEL_ARGUMENT_NAMES, type SinkDefinition } from '../sinks';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, CLASS_TYPES, DICT_TYPES, LIST_TYPES, PAREN_TYPES, SCOPE_ROOTS, callArguments, calleeOf, dottedPath, isStringLiteral, operatorOf, stringValue, targetName, text } from '../syntaxShapes';
import { MODEL_CONSTRUCTOR_TABLE } from './calleeTables';
import type { Binding } from './bindings';
import type { FileModel } from './fileModel';
import { keywordsWithSpreads, isArgumentObject } from './callParameters';
import { dictEntries } from './messages';
import { modelArgumentOfCall, optionDefault } from './modelArguments';
import { frameworkDefaultForConstructor, frameworkDefaultReference } from '../frameworkDefaults';

function literalModel(model: FileModel, node: SyntaxNode, source: ModelReference['source']): ModelReference | undefined {
  if (!isStringLiteral(node)) return undefined;
  const value = stringValue(model.source, node);
  if (!value || /\s/.test(value)) return undefined;
  const quoteLength = node.type === 'template_string' ? 1 : (/^[a-zA-Z]*(["']{3}|["'])/.exec(text(model.source, node))?.[0].length ?? 1);
  const start = node.start + quoteLength;
  return { name: value, source, span: { start, end: start + value.length }, literal: true, line: model.lines.lineOf(node.start) };
}

/** A model written as a literal, a constant in the file, `os.getenv("M", "default")`, `openai("gpt-4o")`. */
export function resolveModelExpression(model: FileModel, expr: SyntaxNode, site: SyntaxNode): ModelReference | undefined {
  let node: SyntaxNode | undefined = expr;
  let source: ModelReference['source'] = 'call-site';
  for (let guard = 0; node && guard < 8; guard++) {
    const literal = literalModel(model, node, source);
    if (literal) return literal;
    if (node.type === 'identifier' || node.type === 'shorthand_property_identifier' || node.type === 'attribute' || node.type === 'member_expression') {
      const target: { name: string; member: boolean } | undefined = node.type === 'shorthand_property_identifier' ? { name: text(model.source, node), member: false } : targetName(model.source, node);
      if (!target) return undefined;
      let bindings = model.resolve(target.name, target.member, site);
      if (!bindings.length) bindings = (model.bindings.get(target.name) ?? []).filter((b) => SCOPE_ROOTS.has(b.scope.type) || CLASS_TYPES.has(b.scope.type));
      // `args.model`, a click parameter `model`: the default of the command-line option declared for it.
      node = bindings.length ? bindings[bindings.length - 1].value : optionDefault(model, target.name);
      source = 'constant';
      continue;
    }
    if (CALL_TYPES.has(node.type)) {
      node = modelArgumentOfCall(model, node);
      continue;
    }
    if (node.type === 'binary_expression' || node.type === 'boolean_operator') {
      node = childByField(node, 'right');
      continue;
    }
    if (PAREN_TYPES.has(node.type)) { node = namedChildren(node)[0]; continue; }
    return undefined;
  }
  return undefined;
}

export function modelAtCall(model: FileModel, call: SyntaxNode, sink: SinkDefinition | undefined): ModelReference | undefined {
  let current: SyntaxNode | undefined = call;
  for (let level = 0; current && level < 4; level++) {
    if (CALL_TYPES.has(current.type)) {
      const args = callArguments(model.source, current);
      const keywords = keywordsWithSpreads(model, current, args);
      const names = level === 0 && sink?.modelArguments ? sink.modelArguments : MODEL_ARGUMENT_NAMES;
      for (const name of names) {
        const value = keywords.get(name);
        if (value) {
          const ref = resolveModelExpression(model, value, current);
          // Spread in from a dict bound elsewhere (`{ ...OPTS }`): written once, used here.
          if (ref && ref.source === 'call-site' && !args.keywords.has(name) && !isArgumentObject(value.parent?.parent ?? value)) ref.source = 'constant';
          if (ref) return ref;
        }
      }
      if (level === 0 && sink?.modelPosition !== undefined && args.positional[sink.modelPosition]) {
        const ref = resolveModelExpression(model, args.positional[sink.modelPosition], current);
        if (ref) return ref;
      }
    }
    current = current.parent ?? undefined;
    while (current && !CALL_TYPES.has(current.type) && !current.type.endsWith('statement') && current.type !== 'block') current = current.parent ?? undefined;
    if (current && !CALL_TYPES.has(current.type)) break;
  }
  return undefined;
}

/** What lies between a prompt and the object or call that holds it: entries, lists, arguments, parentheses. */
const REQUEST_PATH_TYPES = new Set(['pair', 'keyword_argument', 'argument_list', 'arguments', 'spread_element', 'dictionary_splat', ...LIST_TYPES, ...DICT_TYPES, ...CALL_TYPES, ...PAREN_TYPES]);
/** Objects, dicts and calls looked at on the way up: message → message list → request (three), plus one wrapper. */
const ENCLOSING_CONTAINERS = 4;

/**
 * A prompt no known sink sends, written inside a request or options object that names its model: a call through a
 * mocked or hand-made client (`create({ model: 'gpt-4o-mini', messages: [...] })`), an agent class the sink table does
 * not list (`new SandboxAgent({ model: 'gpt-4.1', instructions })`), a request body (`{"model": …, "messages": …}`).
 * The nearest enclosing object, dict or call (at most ENCLOSING_CONTAINERS, never past the statement) with a model key
 * decides; a key whose value is not a readable model name decides nothing. A list or object bound to a name first
 * (`const messages = [...]; create({ model, messages })`) takes the model its uses agree on.
 */
export function enclosingObjectModel(model: FileModel, node: SyntaxNode, followBinding = true): ModelReference | undefined {
  let containers = 0;
  let last = node;
  for (let current = node.parent; current && containers < ENCLOSING_CONTAINERS; last = current, current = current.parent) {
    if (!REQUEST_PATH_TYPES.has(current.type)) {
      return followBinding ? modelWhereUsed(model, current.binding as Binding | undefined, last) : undefined;
    }
    let entries: Map<string, SyntaxNode> | undefined;
    if (DICT_TYPES.has(current.type)) entries = dictEntries(model, current);
    else if (CALL_TYPES.has(current.type)) entries = keywordsWithSpreads(model, current, callArguments(model.source, current));
    else if (!LIST_TYPES.has(current.type)) continue;
    containers++;
    const value = entries && MODEL_ARGUMENT_NAMES.map((name) => entries.get(name)).find(Boolean);
    if (value) return resolveModelExpression(model, value, current);
  }
  return undefined;
}

/** The model of the calls a bound value is handed to by keyword, when every one that names a model names the same. */
function modelWhereUsed(model: FileModel, bound: Binding | undefined, value: SyntaxNode): ModelReference | undefined {
  if (!bound || bound.value !== value) return undefined;
  let found: ModelReference | undefined;
  for (const { call, keywords } of keywordUsesOf(model, bound.name)) {
    if (!model.resolve(bound.name, bound.member, call).includes(bound)) continue;
    const modelValue = MODEL_ARGUMENT_NAMES.map((name) => keywords.get(name)).find(Boolean);
    const ref = modelValue && resolveModelExpression(model, modelValue, call);
    if (!ref) continue;
    if (found && found.name !== ref.name) return undefined;
    found ??= ref;
  }
  return found;
}

/** Per file: name → the calls that take it as a keyword value (`f(messages=messages)`, `f({ messages })`). */
const keywordUses = new WeakMap<FileModel, Map<string, { call: SyntaxNode; keywords: Map<string, SyntaxNode> }[]>>();

function keywordUsesOf(model: FileModel, name: string): { call: SyntaxNode; keywords: Map<string, SyntaxNode> }[] {
  let byName = keywordUses.get(model);
  if (!byName) {
    byName = new Map();
    keywordUses.set(model, byName);
    for (const call of model.calls) {
      const keywords = keywordsWithSpreads(model, call, callArguments(model.source, call));
      for (const value of keywords.values()) {
        if (value.type !== 'identifier' && value.type !== 'shorthand_property_identifier') continue;
        const key = text(model.source, value);
        const list = byName.get(key) ?? [];
        if (!list.some((u) => u.call === call)) list.push({ call, keywords });
        byName.set(key, list);
      }
    }
  }
  return byName.get(name) ?? [];
}

/** The model of a chat-model constructor call (`ChatOpenAI(model="gpt-4o-mini")`), if it names one. */
export function constructorModel(model: FileModel, call: SyntaxNode): ModelReference | undefined {
  const path = model.writtenCalleePath(call);
  if (!MODEL_CONSTRUCTOR_TABLE.matches(path).length) return undefined;
  const args = callArguments(model.source, call);
  // A JS options object (`new ChatAnthropic({ temperature: 0 })`) is no model; its `model` is a keyword above.
  const first = args.positional[0]?.type === 'object' ? undefined : args.positional[0];
  const value = MODEL_ARGUMENT_NAMES.map((n) => args.keywords.get(n)).find(Boolean) ?? first;
  const ref = value && resolveModelExpression(model, value, call);
  if (ref && /[a-z]/i.test(ref.name) && !/\s/.test(ref.name)) return { ...ref, source: 'constant' };
  // `ChatOpenAI()` with no model: the wrapper's own default, when its module is imported.
  return value ? undefined : frameworkDefaultReference(frameworkDefaultForConstructor(path[path.length - 1] ?? '', model.language, (m) => model.mentions(m)));
}

/** The chat model behind a runnable: `llm`, `ChatOpenAI(...)`, `llm.with_structured_output(X)`, `prompt | llm | parser`. */
function runnableModel(model: FileModel, node: SyntaxNode | undefined, site: SyntaxNode): ModelReference | undefined {
  for (let depth = 0; node && depth < 6; depth++) {
    if (PAREN_TYPES.has(node.type)) { node = namedChildren(node)[0]; continue; }
    if (node.type === 'identifier') {
      const bindings = model.resolve(text(model.source, node), false, site);
      node = bindings[bindings.length - 1]?.value;
      continue;
    }
    if (node.type === 'binary_operator' && operatorOf(node) === '|') {
      for (const operand of pipeOperands(node)) {
        const ref = runnableModel(model, operand, site);
        if (ref) return ref;
      }
      return undefined;
    }
    if (CALL_TYPES.has(node.type)) {
      const ref = constructorModel(model, node);
      if (ref) return ref;
      const callee = calleeOf(node);
      if (callee && (callee.type === 'attribute' || callee.type === 'member_expression')) { node = childByField(callee, 'object'); continue; }
      return undefined;
    }
    return undefined;
  }
  return undefined;
}

function pipeOperands(pipe: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [pipe];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'binary_operator' && operatorOf(n) === '|') {
      const left = childByField(n, 'left');
      const right = childByField(n, 'right');
      if (right) stack.push(right);
      if (left) stack.push(left);
    } else out.push(n);
  }
  return out;
}

/** The outermost `|` of the chain `pipe` is part of (`a | b | c` parses as `(a | b) | c`). */
function pipeChainTop(pipe: SyntaxNode): SyntaxNode {
  let top = pipe;
  while (top.parent && top.parent.type === 'binary_operator' && operatorOf(top.parent) === '|') top = top.parent;
  return top;
}

/** The chat model among the operands of the chain under `top`, other than `except`. */
function otherOperandsModel(model: FileModel, top: SyntaxNode, except: SyntaxNode): ModelReference | undefined {
  return pipeOperands(top).filter((o) => o !== except).map((o) => runnableModel(model, o, o)).find(Boolean);
}

/**
 * The chat model a prompt template flows into: `template | llm` (or `.pipe(llm)`) where the template is built, or
 * where the name it is bound to is used, or a call that takes both (`LLMChain(llm=llm, prompt=template)`).
 */
export function linkedChatModel(model: FileModel, call: SyntaxNode): ModelReference | undefined {
  // `llm.invoke(text)`, `chain.stream(text)`: the receiver is the model.
  const callee = calleeOf(call);
  const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  const own = receiver && runnableModel(model, receiver, call);
  if (own) return own;
  let node = call;
  for (let depth = 0; node.parent && depth < 8; depth++) {
    const p: SyntaxNode = node.parent;
    if (PAREN_TYPES.has(p.type)) { node = p; continue; }
    if (p.type === 'binary_operator' && operatorOf(p) === '|') {
      const top = pipeChainTop(p);
      const ref = otherOperandsModel(model, top, node);
      if (ref) return ref;
      node = top;
      continue;
    }
    if ((p.type === 'member_expression' || p.type === 'attribute') && node.field === 'object' && p.parent && CALL_TYPES.has(p.parent.type)) {
      const written = model.writtenCalleePath(p.parent);
      const method = written[written.length - 1];
      if (method === 'pipe') {
        const ref = callArguments(model.source, p.parent).positional.map((a) => runnableModel(model, a, a)).find(Boolean);
        if (ref) return ref;
      }
      node = p.parent;
      continue;
    }
    break;
  }
  const bound = node.parent?.binding as Binding | undefined;
  if (!bound || bound.value !== node) return undefined;
  for (const use of model.usesOf(bound.name)) {
    const container = use.parent;
    if (!container) continue;
    if (container.type === 'binary_operator') {
      const ref = otherOperandsModel(model, pipeChainTop(container), use);
      if (ref) return ref;
    } else {
      const callNode = container.type === 'keyword_argument' ? container.parent?.parent : container.parent;
      if (!callNode || !CALL_TYPES.has(callNode.type)) continue;
      const args = callArguments(model.source, callNode);
      const ref = [...args.positional, ...args.keywords.values()].filter((a) => a !== use).map((a) => runnableModel(model, a, a)).find(Boolean);
      if (ref) return ref;
    }
  }
  return undefined;
}

/** With no link to a model, the file's chat-model constructors count only when they all name the same model. */
export function soleFileModel(model: FileModel): ModelReference | undefined {
  let found: ModelReference | undefined;
  for (const call of model.calls) {
    const ref = constructorModel(model, call);
    if (!ref) continue;
    if (found && found.name !== ref.name) return undefined;
    found ??= ref;
  }
  return found;
}

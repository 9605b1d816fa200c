// Call-site parameters that change what a request is billed, read statically from the call's arguments (and dicts
// nested in them: `config=GenerateContentConfig(…)`, AI SDK `providerOptions`):
//   reasoning   `reasoning_effort`, `reasoning: { effort }` (Responses), Anthropic `thinking: { type, budget_tokens }`,
//               Gemini `thinkingConfig.thinkingBudget` / `thinking_config.thinking_budget` / `thinkingLevel`
//   tools       `tools=`, `functions=` (toolDefinitions.ts)
//   caching     Anthropic `cache_control` breakpoints in tools, system or messages (and AI SDK `cacheControl`)
//   batch       a message list inside Anthropic `messages.batches.create(requests=[{ params: {…} }])` or an OpenAI
//               Batch input line `{ custom_id, method, url, body: {…} }` (batchParamsOf)
import type { CacheControlSetting, CallParameters, JsonValue, ReasoningSetting } from '../types';
import { childByField, type SyntaxNode } from './syntaxMirror';
import { CALL_TYPES, DICT_TYPES, LIST_TYPES, calleeOf, dottedPath, keyName, text } from './syntaxShapes';
import { UNKNOWN, readValue, unwrap, valueReader, type NameResolver } from './staticValue';
import { readToolDefinitions } from './toolDefinitions';

export interface ParameterContext {
  source: string;
  resolve: NameResolver;
  /** The keyword arguments of a call (spreads included) or the entries of a dict, as the detector reads them. */
  entriesOf: (node: SyntaxNode) => Map<string, SyntaxNode>;
}

/** How deep into nested dicts / calls parameters are looked for (`providerOptions.anthropic.thinking.budgetTokens`). */
const MAX_PARAMETER_DEPTH = 4;
/** Syntax nodes scanned for `cache_control` under one call. */
const MAX_CACHE_SCAN_NODES = 50_000;

const EFFORT_KEYS = new Set(['reasoning_effort', 'reasoningEffort']);
const THINKING_CONFIG_KEYS = new Set(['thinking_config', 'thinkingConfig']);
const TOOL_KEYS = new Set(['tools', 'functions']);
const CACHE_KEYS = new Set(['cache_control', 'cacheControl']);

/** The cost-relevant parameters of `call` beyond max_tokens/temperature/n (those stay in the detector). */
export function requestParameters(call: SyntaxNode, ctx: ParameterContext): Pick<CallParameters, 'reasoning' | 'tools' | 'cacheControl'> {
  const out: Pick<CallParameters, 'reasoning' | 'tools' | 'cacheControl'> = {};
  const queue: { node: SyntaxNode; depth: number }[] = [{ node: call, depth: 0 }];
  const seen = new Set<SyntaxNode>();
  while (queue.length) {
    const { node, depth } = queue.shift()!;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const [name, value] of ctx.entriesOf(node)) {
      if (!out.reasoning) out.reasoning = reasoningFrom(name, value, ctx);
      if (!out.tools && TOOL_KEYS.has(name)) {
        const tools = readToolDefinitions(value, ctx.source, ctx.resolve);
        if (tools) out.tools = tools;
        continue;
      }
      const inner = unwrap(value);
      const target = inner.type === 'identifier' ? ctx.resolve(text(ctx.source, inner), inner) : inner;
      if (depth < MAX_PARAMETER_DEPTH && target && (CALL_TYPES.has(unwrap(target).type) || DICT_TYPES.has(unwrap(target).type))) {
        queue.push({ node: unwrap(target), depth: depth + 1 });
      }
    }
  }
  if (out.tools && forcesTool(call, ctx)) out.tools.forced = true;
  const cache = cacheControlOf(call, ctx);
  if (cache) out.cacheControl = cache;
  return out;
}

/** `tool_choice` that forces a tool: Anthropic `{ type: "any" | "tool" }`, OpenAI `"required"` or a named function. */
function forcesTool(call: SyntaxNode, ctx: ParameterContext): boolean {
  const node = entry(ctx.entriesOf(call), 'tool_choice', 'toolChoice');
  const value = node && scalar(node, ctx);
  if (typeof value === 'string') return value === 'required' || value === 'any';
  if (value && typeof value === 'object' && !Array.isArray(value)) return value.type === 'any' || value.type === 'tool' || value.type === 'function';
  return false;
}

function scalar(value: SyntaxNode, ctx: ParameterContext): JsonValue | undefined {
  const read = readValue(valueReader(ctx.source, ctx.resolve), value);
  return read === UNKNOWN ? undefined : read;
}

function entry(map: Map<string, SyntaxNode>, ...keys: string[]): SyntaxNode | undefined {
  for (const k of keys) if (map.has(k)) return map.get(k);
  return undefined;
}

function dictOf(value: SyntaxNode, ctx: ParameterContext): Map<string, SyntaxNode> | undefined {
  let node = unwrap(value);
  if (node.type === 'identifier') {
    const bound = ctx.resolve(text(ctx.source, node), node);
    if (!bound) return undefined;
    node = unwrap(bound);
  }
  return CALL_TYPES.has(node.type) || DICT_TYPES.has(node.type) ? ctx.entriesOf(node) : undefined;
}

function reasoningFrom(name: string, value: SyntaxNode, ctx: ParameterContext): ReasoningSetting | undefined {
  if (EFFORT_KEYS.has(name)) {
    const effort = scalar(value, ctx);
    return typeof effort === 'string' ? { effort, written: `${name}=${JSON.stringify(effort)}` } : undefined;
  }
  if (name === 'reasoning') {
    const dict = dictOf(value, ctx);
    const effortNode = dict && entry(dict, 'effort');
    const effort = effortNode && scalar(effortNode, ctx);
    return typeof effort === 'string' ? { effort, written: `reasoning.effort=${JSON.stringify(effort)}` } : undefined;
  }
  if (name === 'thinking') {
    const dict = dictOf(value, ctx);
    if (!dict) return undefined;
    const typeNode = entry(dict, 'type');
    const type = typeNode && scalar(typeNode, ctx);
    const budgetNode = entry(dict, 'budget_tokens', 'budgetTokens');
    const budget = budgetNode && scalar(budgetNode, ctx);
    const enabled = type !== 'disabled';
    const setting: ReasoningSetting = { enabled, written: `thinking.type=${JSON.stringify(type ?? 'enabled')}` };
    if (typeof budget === 'number') {
      setting.budgetTokens = budget;
      setting.written += `, budget_tokens=${budget}`;
    }
    return setting;
  }
  if (THINKING_CONFIG_KEYS.has(name)) {
    const dict = dictOf(value, ctx);
    if (!dict) return undefined;
    const budgetNode = entry(dict, 'thinking_budget', 'thinkingBudget');
    const budget = budgetNode && scalar(budgetNode, ctx);
    const levelNode = entry(dict, 'thinking_level', 'thinkingLevel');
    const level = levelNode && scalar(levelNode, ctx);
    if (typeof budget === 'number') return { budgetTokens: budget, enabled: budget !== 0, written: `${name}.thinkingBudget=${budget}` };
    if (typeof level === 'string') return { effort: level, written: `${name}.thinkingLevel=${JSON.stringify(level)}` };
  }
  return undefined;
}

/** Where a `cache_control` breakpoint sits: the top-level argument it is found under. */
function section(name: string): keyof Pick<CacheControlSetting, 'onTools' | 'onSystem' | 'onMessages'> {
  if (TOOL_KEYS.has(name)) return 'onTools';
  if (name === 'system' || name === 'instructions') return 'onSystem';
  return 'onMessages';
}

/** Anthropic `cache_control` breakpoints under the call's arguments (names followed one hop); undefined when none. */
function cacheControlOf(call: SyntaxNode, ctx: ParameterContext): CacheControlSetting | undefined {
  const found: CacheControlSetting = { ttl: '5m', breakpoints: 0, onTools: false, onSystem: false, onMessages: false };
  let budget = MAX_CACHE_SCAN_NODES;
  for (const [name, value] of ctx.entriesOf(call)) {
    if (CACHE_KEYS.has(name)) {
      // Top-level `cache_control` (automatic caching of the whole prompt): the breakpoint is the last message.
      note(found, 'onMessages', value, ctx);
      continue;
    }
    const roots = [unwrap(value)];
    if (roots[0].type === 'identifier') {
      const bound = ctx.resolve(text(ctx.source, roots[0]), roots[0]);
      if (bound) roots.push(unwrap(bound));
    }
    const stack = [...roots];
    while (stack.length && budget-- > 0) {
      const node = stack.pop()!;
      if (node.type === 'pair' || node.type === 'keyword_argument') {
        const key = node.type === 'pair' ? keyName(ctx.source, childByField(node, 'key')) : text(ctx.source, childByField(node, 'name') ?? node);
        const v = childByField(node, 'value');
        if (key && CACHE_KEYS.has(key) && v) {
          note(found, section(name), v, ctx);
          continue;
        }
      }
      for (const child of node.children) if (child.named) stack.push(child);
    }
  }
  return found.breakpoints ? found : undefined;
}

function note(found: CacheControlSetting, where: 'onTools' | 'onSystem' | 'onMessages', value: SyntaxNode, ctx: ParameterContext): void {
  found.breakpoints++;
  found[where] = true;
  const dict = dictOf(value, ctx);
  const ttlNode = dict && entry(dict, 'ttl');
  if (ttlNode && scalar(ttlNode, ctx) === '1h') found.ttl = '1h';
}

/** A message list that is the `messages` of a batch request: the params dict (or call) holding it, and what says batch. */
export function batchParamsOf(list: SyntaxNode, source: string): { params: SyntaxNode; written: string } | undefined {
  // messages=[…] sits in a dict/call P; P is `params` (Anthropic) or `body` (OpenAI Batch line) of a request R.
  const holder = list.parent;
  const messagesKey = holder && (holder.type === 'pair' ? keyName(source, childByField(holder, 'key')) : holder.type === 'keyword_argument' ? text(source, childByField(holder, 'name') ?? holder) : undefined);
  if (messagesKey !== 'messages' && messagesKey !== 'input') return undefined;
  let params: SyntaxNode | null = holder!.parent;
  if (params?.type === 'argument_list' || params?.type === 'arguments') params = params.parent;
  if (!params || !(DICT_TYPES.has(params.type) || CALL_TYPES.has(params.type))) return undefined;
  const slot = params.parent?.type === 'arguments' || params.parent?.type === 'argument_list' ? params.parent.parent : params.parent;
  const slotKey = slot && (slot.type === 'pair' ? keyName(source, childByField(slot, 'key')) : slot.type === 'keyword_argument' ? text(source, childByField(slot, 'name') ?? slot) : undefined);
  if (slotKey === 'body') {
    const line = slot!.parent;
    const lineText = line ? text(source, line) : '';
    if (/["']?custom_id["']?\s*[:=]/.test(lineText) || /\/v1\/(?:chat\/completions|responses|embeddings)/.test(lineText)) {
      return { params, written: 'OpenAI Batch input line (body of a /v1 request)' };
    }
    return undefined;
  }
  if (slotKey !== 'params') return undefined;
  // Up to the call that sends the requests: `messages.batches.create(requests=[…])`.
  let node: SyntaxNode | null = slot!.parent;
  for (let guard = 0; node && guard < 12; guard++, node = node.parent) {
    if (CALL_TYPES.has(node.type)) {
      const path = dottedPath(source, calleeOf(node));
      if (path.length >= 2 && path[path.length - 2] === 'batches' && path[path.length - 1] === 'create') {
        return { params, written: `${path.slice(-3).join('.')}(requests=[{ params }])` };
      }
    }
    if (!(LIST_TYPES.has(node.type) || DICT_TYPES.has(node.type) || CALL_TYPES.has(node.type) || /comprehension|argument|pair|generator|arguments|parenthesized/.test(node.type))) break;
  }
  return undefined;
}

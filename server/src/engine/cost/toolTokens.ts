// Input tokens of the tool definitions a call sends (counted once per call, on its first message). Providers turn the
// definitions into text the model reads; how they do it decides the count:
// - OpenAI models: the OpenAI Cookbook's function-token formula ("How to count tokens with tiktoken", §7
//   `num_tokens_for_tools`, github.com/openai/openai-cookbook examples/How_to_count_tokens_with_tiktoken.ipynb):
//     per function   func_init + tokens("name:description")             (one trailing "." dropped)
//     properties     prop_init once, then per property prop_key + tokens("key:type:description")
//     enums          enum_init once per property with an enum, enum_item + tokens(item) per item
//     after all      func_end
//   with (func_init, prop_init, prop_key, enum_init, enum_item, func_end) = (7, 3, 3, −3, 3, 12) for gpt-4o-era
//   models (o200k) and (10, 3, 3, −3, 3, 12) for gpt-4 / gpt-3.5 (cl100k). The Cookbook covers flat parameters;
//   for a nested object or array property we add the tokens of its `properties` / `items` JSON (our extension).
// - Anthropic: the tool-use system prompt the API adds (TOOL_USE_SYSTEM_PROMPT, from Anthropic's pricing docs) plus
//   the definitions as JSON (`name`, `description`, `input_schema`) counted with the Claude estimate.
// - Other providers (Gemini, Mistral, Llama hosts, DeepSeek…): the definitions as JSON in the OpenAI function format
//   (what their OpenAI-compatible endpoints and chat templates receive), counted with the model's tokenizer.
// All three are estimates: no provider publishes the exact rendering for every schema.
import { countTokens, tokenizerFor } from '../tokens';
import type { JsonValue, ResolvedModel, ToolDefinition, ToolDefinitions } from '../types';
import { groupThousands } from '../views/format';

export const OPENAI_FUNCTION_FORMULA = {
  source: 'OpenAI Cookbook, How to count tokens with tiktoken, §7 num_tokens_for_tools (github.com/openai/openai-cookbook)',
  date: '2026-12',
  o200k: { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
  cl100k: { funcInit: 10, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 },
};

/**
 * Tokens of the system prompt Anthropic adds when `tools` are sent: `auto` for tool_choice auto/none (the default),
 * `forced` for any/tool. Claude Opus 4.x, Sonnet 4.x, Sonnet 3.7 and Haiku 4.5 share a row; later models use it until
 * the table says otherwise.
 */
export const TOOL_USE_SYSTEM_PROMPT = {
  source: 'Anthropic docs, Pricing — Tool use pricing (docs.claude.com/en/docs/about-claude/pricing)',
  date: '2026-12',
  rows: [
    { models: ['claude-3-opus', 'claude-opus-3'], auto: 530, forced: 281 },
    { models: ['claude-3-sonnet', 'claude-sonnet-3-2'], auto: 159, forced: 235 },
    { models: ['claude-3-haiku', 'claude-haiku-3', 'claude-3-5-haiku', 'claude-3.5-haiku', 'claude-haiku-3-5'], auto: 264, forced: 340 },
    { models: ['claude'], auto: 346, forced: 313 },
  ],
};

export interface ToolTokens {
  tokens: number;
  source: string;
}

const OPENAI_FAMILIES = new Set(['gpt-4o', 'gpt-4.1', 'gpt-4.5', 'gpt-5', 'o-series', 'gpt-oss']);

type Obj = { [key: string]: JsonValue };
const isObject = (v: JsonValue | undefined): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

function withoutFinalPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

function openAiFunctionTokens(defs: ToolDefinition[], tokenizerModel: string, legacy: boolean): number {
  const k = legacy ? OPENAI_FUNCTION_FORMULA.cl100k : OPENAI_FUNCTION_FORMULA.o200k;
  const count = (text: string) => countTokens(text, tokenizerModel).tokens;
  let total = 0;
  for (const def of defs) {
    total += k.funcInit + count(`${def.name}:${withoutFinalPeriod(def.description ?? '')}`);
    const properties = isObject(def.parameters) && isObject(def.parameters.properties) ? def.parameters.properties : undefined;
    if (!properties || !Object.keys(properties).length) continue;
    total += k.propInit;
    for (const [key, schema] of Object.entries(properties)) {
      total += k.propKey;
      const s = isObject(schema) ? schema : {};
      const type = Array.isArray(s.type) ? s.type.join('|') : typeof s.type === 'string' ? s.type : '';
      const description = typeof s.description === 'string' ? s.description : '';
      if (Array.isArray(s.enum)) {
        total += k.enumInit;
        for (const item of s.enum) total += k.enumItem + count(String(item));
      }
      total += count(`${key}:${type}:${withoutFinalPeriod(description)}`);
      // Nested structure the Cookbook's flat formula does not cover: its JSON.
      for (const nestedKey of ['properties', 'items', 'anyOf', 'oneOf']) {
        if (s[nestedKey] !== undefined) total += count(JSON.stringify(s[nestedKey]));
      }
    }
  }
  return total + k.funcEnd;
}

function toolUseSystemPrompt(modelId: string, forced: boolean): number {
  const id = modelId.toLowerCase().replace(/^.*\//, '');
  const row = TOOL_USE_SYSTEM_PROMPT.rows.find((r) => r.models.some((m) => id.startsWith(m)));
  return row ? (forced ? row.forced : row.auto) : 0;
}

/** The tool definitions' input tokens for one call on `model`; undefined when the call sends none we can count. */
export function countToolTokens(tools: ToolDefinitions, model: ResolvedModel, tokenizerModel: string): ToolTokens | undefined {
  const defs = tools.definitions;
  const notes: string[] = [];
  if (tools.builtIn.length) notes.push(`built-in ${tools.builtIn.join(', ')} billed per use, not counted`);
  if (tools.unresolved.length) notes.push(`${tools.unresolved.slice(0, 3).join(', ')}${tools.unresolved.length > 3 ? '…' : ''} built at run time, not counted`);
  if (tools.note) notes.push(tools.note);
  const suffix = notes.length ? `; ${notes.join('; ')}` : '';
  const n = `${defs.length} tool${defs.length === 1 ? '' : 's'}`;
  if (!defs.length) return notes.length ? { tokens: 0, source: `no definitions to count${suffix}` } : undefined;
  const tokenizer = tokenizerFor(tokenizerModel);
  const claude = tokenizer.family === 'claude' || /(^|\/)claude/i.test(model.id);
  if (OPENAI_FAMILIES.has(tokenizer.family) || tokenizer.family === 'gpt-4') {
    const tokens = openAiFunctionTokens(defs, tokenizerModel, tokenizer.family === 'gpt-4');
    return { tokens, source: `${n}, ${OPENAI_FUNCTION_FORMULA.source} (estimate)${suffix}` };
  }
  if (claude) {
    const json = JSON.stringify(defs.map((d) => ({ name: d.name, ...(d.description !== undefined ? { description: d.description } : {}), input_schema: d.parameters ?? { type: 'object', properties: {} } })));
    const system = toolUseSystemPrompt(model.id, tools.forced === true);
    const tokens = system + countTokens(json, tokenizerModel).tokens;
    return { tokens, source: `${n} as JSON + ${groupThousands(system)}-token tool-use system prompt (${TOOL_USE_SYSTEM_PROMPT.source}) (estimate)${suffix}` };
  }
  const json = JSON.stringify(defs.map((d) => ({ type: 'function', function: { name: d.name, ...(d.description !== undefined ? { description: d.description } : {}), parameters: d.parameters ?? { type: 'object', properties: {} } } })));
  return { tokens: countTokens(json, tokenizerModel).tokens, source: `${n} as JSON in the OpenAI function format, ${tokenizer.method} (estimate)${suffix}` };
}

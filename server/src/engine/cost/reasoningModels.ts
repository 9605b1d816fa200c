// Data: which models bill hidden reasoning ("thinking") tokens as output, what they do when the code sets nothing,
// and how many tokens we assume per call. Providers publish the behaviour (which models reason, default effort,
// budgets) but no typical token counts, so the counts are OUR planning estimates: always labelled as such, and
// replaced by `reasoningTokens` in .promptcost.json or the setting promptCost.reasoningTokens once a user knows
// their own figure (the `usage.completion_tokens_details.reasoning_tokens` / `thoughtsTokenCount` of a real call).
// First matching row wins (model id prefixes, lower case): put specific ids before general ones.

export interface ReasoningModelRow {
  /** Catalog model id prefixes. */
  models: string[];
  /**
   * `effort`: reasons by default at `defaultEffort`; `always`: reasons, no effort setting; `opt-in`: reasons only when
   * the call enables it (Claude `thinking`); `none`: does not reason (a non-reasoning id that shares a prefix).
   */
  mode: 'effort' | 'always' | 'opt-in' | 'none';
  defaultEffort?: string;
  source: string;
  date: string;
}

/** Reasoning tokens per call we assume for each effort level (OpenAI `reasoning_effort`, Gemini `thinkingLevel`). */
export const EFFORT_TOKENS: Record<string, number> = {
  none: 0,
  minimal: 200,
  low: 1_000,
  medium: 3_000,
  high: 10_000,
  xhigh: 20_000,
};

/** Shown beside every figure from EFFORT_TOKENS (the reasoning behind the numbers is in docs/design/numbers.md). */
export const EFFORT_TOKENS_SOURCE = 'our planning estimate, not a published figure';

/** The most reasoning tokens one call is assumed to use: the largest thinking budgets documented (Claude, gpt-5) are 128K. */
export const MAX_REASONING_TOKENS = 128_000;

const OPENAI = 'OpenAI docs, Reasoning models (platform.openai.com/docs/guides/reasoning)';
const GEMINI = 'Google Gemini API docs, Thinking (ai.google.dev/gemini-api/docs/thinking)';
const ANTHROPIC = 'Anthropic docs, Extended thinking (docs.claude.com/en/docs/build-with-claude/extended-thinking)';
const DEEPSEEK = 'DeepSeek API docs, Reasoning model (api-docs.deepseek.com/guides/reasoning_model)';
const XAI = 'xAI docs, Reasoning (docs.x.ai/docs/guides/reasoning)';
const CHECKED = '2026-12';

export const REASONING_MODELS: ReasoningModelRow[] = [
  // gpt-5-chat-latest is the non-reasoning ChatGPT model; gpt-5.1 defaults to effort "none".
  { models: ['gpt-5-chat', 'chatgpt-'], mode: 'none', source: OPENAI, date: CHECKED },
  { models: ['gpt-5.1'], mode: 'effort', defaultEffort: 'none', source: OPENAI, date: CHECKED },
  { models: ['gpt-5', 'o1', 'o3', 'o4', 'gpt-oss', 'codex-'], mode: 'effort', defaultEffort: 'medium', source: OPENAI, date: CHECKED },
  { models: ['deepseek-reasoner', 'deepseek-r1'], mode: 'always', defaultEffort: 'medium', source: DEEPSEEK, date: CHECKED },
  // Flash-Lite does not think unless a thinking budget is set; 2.5 Flash and Pro think dynamically by default.
  { models: ['gemini-2.5-flash-lite'], mode: 'opt-in', source: GEMINI, date: CHECKED },
  { models: ['gemini-2.5-pro', 'gemini-2.5-flash'], mode: 'effort', defaultEffort: 'medium', source: GEMINI, date: CHECKED },
  { models: ['gemini-3'], mode: 'effort', defaultEffort: 'high', source: GEMINI, date: CHECKED },
  { models: ['grok-4-fast-non-reasoning', 'grok-4-1-fast-non-reasoning', 'grok-code'], mode: 'none', source: XAI, date: CHECKED },
  { models: ['grok-4', 'grok-3-mini'], mode: 'always', defaultEffort: 'medium', source: XAI, date: CHECKED },
  { models: ['claude'], mode: 'opt-in', source: ANTHROPIC, date: CHECKED },
];

/** The reasoning row of a model id, by prefix; undefined for models that do not reason. */
export function reasoningRowFor(modelId: string): ReasoningModelRow | undefined {
  const id = modelId.toLowerCase().replace(/^.*\//, '');
  return REASONING_MODELS.find((row) => row.models.some((m) => id.startsWith(m)));
}

/**
 * The row for a resolved model. The name as written is read first for non-reasoning variants the catalog prices
 * under the reasoning model's id (`gpt-5-chat-latest` → `gpt-5`).
 */
export function reasoningRowOf(model: { id: string; requested: string }): ReasoningModelRow | undefined {
  const written = reasoningRowFor(model.requested);
  if (written?.mode === 'none') return written;
  return reasoningRowFor(model.id) ?? written;
}

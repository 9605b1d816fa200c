// Data: the curated set of current chat models the model-switch table compares against (not all 1,694 catalog
// entries). Per provider, largest tier first; prices and context windows come from the catalog. `contextWindow` here
// only fills gaps the catalog leaves (source: the vendors' model pages, checked 2026-11).
export interface AlternativeModelEntry {
  provider: string;
  id: string;
  contextWindow?: number;
}

export const ALTERNATIVE_MODELS: AlternativeModelEntry[] = [
  { provider: 'openai', id: 'gpt-6-sol' },
  { provider: 'openai', id: 'gpt-5.5' },
  { provider: 'openai', id: 'gpt-5.4' },
  { provider: 'openai', id: 'gpt-4o' },
  { provider: 'openai', id: 'gpt-4.1' },
  { provider: 'openai', id: 'gpt-5' },
  { provider: 'openai', id: 'gpt-5.4-mini' },
  { provider: 'openai', id: 'gpt-4.1-mini' },
  { provider: 'openai', id: 'gpt-5-mini' },
  { provider: 'openai', id: 'gpt-4o-mini' },
  { provider: 'openai', id: 'gpt-5.4-nano' },
  { provider: 'openai', id: 'gpt-6-luna' },
  { provider: 'openai', id: 'gpt-4.1-nano' },
  { provider: 'openai', id: 'gpt-5-nano' },
  { provider: 'anthropic', id: 'claude-opus-5' },
  { provider: 'anthropic', id: 'claude-sonnet-4-6' },
  { provider: 'anthropic', id: 'claude-sonnet-4-5' },
  { provider: 'anthropic', id: 'claude-sonnet-5' },
  { provider: 'anthropic', id: 'claude-haiku-4-5' },
  { provider: 'anthropic', id: 'claude-3-5-haiku-latest' },
  { provider: 'google', id: 'gemini-3.1-pro-preview', contextWindow: 1_048_576 },
  { provider: 'google', id: 'gemini-3.5-flash' },
  { provider: 'google', id: 'gemini-2.5-pro', contextWindow: 1_048_576 },
  { provider: 'google', id: 'gemini-2.5-flash' },
  { provider: 'google', id: 'gemini-3.5-flash-lite' },
  { provider: 'google', id: 'gemini-3.1-flash-lite' },
  { provider: 'google', id: 'gemini-2.5-flash-lite' },
  { provider: 'deepseek', id: 'deepseek-v4-pro' },
  { provider: 'deepseek', id: 'deepseek-v4-flash' },
  { provider: 'mistral', id: 'mistral-medium-3-5' },
  { provider: 'mistral', id: 'mistral-large-2512' },
  { provider: 'mistral', id: 'mistral-small-2603' },
  { provider: 'x-ai', id: 'grok-4.6' },
  { provider: 'x-ai', id: 'grok-4.3' },
  { provider: 'x-ai', id: 'grok-4-1-fast-non-reasoning' },
];

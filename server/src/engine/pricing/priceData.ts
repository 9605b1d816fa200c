// Identity of the bundled price data. genai-prices carries no data date of its own, so the date is the npm publish
// date of the version we pin (registry `time["0.1.8"]` = 2026-09-23T10:11:04Z); test/pricing/priceData.test.ts
// fails when the installed version stops matching, so an upgrade cannot keep a stale date.
export const PRICE_DATA = {
  source: '@pydantic/genai-prices 0.1.8',
  version: '0.1.8',
  date: '2026-09-23',
} as const;

/** The catalog's provider ids (the package does not export its list): 43 providers, 1,694 models in 0.1.8. */
export const PROVIDER_IDS: readonly string[] = [
  'anthropic', 'arcee', 'avian', 'aws', 'azure', 'baseten', 'cerebras', 'cloudflare', 'cohere', 'cursor', 'deepseek',
  'doubleword', 'fireworks', 'github-copilot', 'google', 'groq', 'huggingface_cerebras', 'huggingface_fireworks-ai',
  'huggingface_groq', 'huggingface_hyperbolic', 'huggingface_nebius', 'huggingface_novita', 'huggingface_nscale',
  'huggingface_ovhcloud', 'huggingface_publicai', 'huggingface_sambanova', 'huggingface_together', 'minimax', 'mistral',
  'modal', 'moonshotai', 'novita', 'openai', 'openrouter', 'ovhcloud', 'perplexity', 'quicksilverpro', 'together',
  'typesafe', 'voyageai', 'x-ai', 'zai', 'zhipuai',
];

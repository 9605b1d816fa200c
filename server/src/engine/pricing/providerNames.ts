// Provider prefixes as they appear in model names written in code, mapped to genai-prices provider ids.
// `openai/gpt-4o` (OpenRouter, LiteLLM), `anthropic:claude-…` (pydantic-ai), `vertex_ai/gemini-…` (LiteLLM), `bedrock/…`.
export const PROVIDER_PREFIXES: Record<string, string> = {
  openai: 'openai',
  azure: 'azure',
  azure_ai: 'azure',
  'azure-openai': 'azure',
  anthropic: 'anthropic',
  claude: 'anthropic',
  google: 'google',
  gemini: 'google',
  'google-gla': 'google',
  'google-vertex': 'google',
  vertex: 'google',
  vertex_ai: 'google',
  vertexai: 'google',
  bedrock: 'aws',
  aws: 'aws',
  deepseek: 'deepseek',
  mistral: 'mistral',
  mistralai: 'mistral',
  groq: 'groq',
  cohere: 'cohere',
  'x-ai': 'x-ai',
  xai: 'x-ai',
  together: 'together',
  together_ai: 'together',
  fireworks: 'fireworks',
  fireworks_ai: 'fireworks',
  openrouter: 'openrouter',
  perplexity: 'perplexity',
  cerebras: 'cerebras',
  moonshotai: 'moonshotai',
};

/**
 * Model ids whose shape names the provider that serves them, for names written without a prefix. The catalog only
 * finds these under that provider (its bare-name match does not try every provider). Seen in real code: Bedrock ids
 * in LangChain/AI SDK/boto3 calls, Perplexity's sonar models, Groq's -versatile/-instant ids, Fireworks account paths.
 */
export const PROVIDER_BY_NAME_SHAPE: { pattern: RegExp; provider: string; example: string }[] = [
  // `[region.]vendor.model[-vN][:N]` (region: us, eu, apac, global…; vendor: anthropic, amazon, meta…).
  { pattern: /^(?:(?:us|eu|apac|us-gov|global|jp|au|ca)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|openai|deepseek|qwen|writer)\.[a-z0-9]/i, provider: 'aws', example: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' },
  { pattern: /^(?:sonar(?:-[a-z-]+)?|r1-1776)$/i, provider: 'perplexity', example: 'sonar-pro' },
  { pattern: /-(?:versatile|instant)$/i, provider: 'groq', example: 'llama-3.3-70b-versatile' },
  { pattern: /^accounts\/fireworks\/models\//i, provider: 'fireworks', example: 'accounts/fireworks/models/deepseek-v3' },
];

/** The provider a model id's shape names, if any (see PROVIDER_BY_NAME_SHAPE). */
export function providerByNameShape(modelId: string): string | undefined {
  return PROVIDER_BY_NAME_SHAPE.find((s) => s.pattern.test(modelId.trim()))?.provider;
}

/** Provider a model id belongs to by its family name, for unknown models (so the tokenizer estimate and caching rule fit). */
export function providerByFamily(modelId: string): string | undefined {
  const id = modelId.toLowerCase();
  if (/^(gpt-|o\d|chatgpt|text-|davinci|ft:gpt)/.test(id)) return 'openai';
  if (id.includes('claude')) return 'anthropic';
  if (id.includes('gemini') || id.includes('gemma')) return 'google';
  if (id.includes('deepseek')) return 'deepseek';
  if (/mistral|mixtral|codestral|ministral|magistral|pixtral|devstral/.test(id)) return 'mistral';
  if (id.includes('grok')) return 'x-ai';
  if (id.includes('llama')) return 'meta';
  return undefined;
}

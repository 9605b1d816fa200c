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

// Reduces a model name as written in code to the bare id the tokenizer rules match:
// `openai/gpt-4o` → `gpt-4o`, `anthropic:claude-sonnet-4` → `claude-sonnet-4`,
// `us.anthropic.claude-3-5-sonnet-20240620-v1:0` → `claude-3-5-sonnet-20240620-v1`, `models/gemini-2.5-pro` → `gemini-2.5-pro`,
// `ft:gpt-4o-mini-2024-07-18:org::abc` → `gpt-4o-mini-2024-07-18:org::abc` (rules match the start, so the tail is harmless).

/** Bedrock model ids: `[region.]vendor.model[:version]`. */
const BEDROCK_REGION = /^(?:us|eu|apac|us-gov|global|regional|jp|au|ca)\./;
const BEDROCK_VENDOR = /^(?:anthropic|meta|mistral|cohere|amazon|deepseek|openai|ai21|writer|qwen)\./;
/** `provider:model` (LiteLLM, LangChain init_chat_model, fine-tune ids); the provider part is a plain word. */
const PROVIDER_COLON = /^[a-z][a-z0-9_-]*:(?!\d+$)(.+)$/;

export function normalizeModelId(modelId: string): string {
  let id = modelId.trim().toLowerCase();
  // Path-style prefixes: openai/, azure/, openrouter/anthropic/, vertex_ai/, models/, meta-llama/ …
  const slash = id.lastIndexOf('/');
  if (slash >= 0) id = id.slice(slash + 1);
  const colon = PROVIDER_COLON.exec(id);
  if (colon) id = colon[1];
  id = id.replace(BEDROCK_REGION, '').replace(BEDROCK_VENDOR, '');
  // Bedrock version suffix `:0`.
  id = id.replace(/:\d+$/, '');
  return id;
}

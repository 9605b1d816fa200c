// Data: each provider's prompt-caching rule, with source and date. Read by pricePrompt (cost at the hit rate) and
// cacheAdvice (the sidebar verdict). First matching rule wins, so put specific model prefixes before general ones.
import { normalizeModelId } from '../tokens/modelId';
import type { CachingRule, PriceInfo } from '../types';

const OPENAI_SOURCE = 'OpenAI docs, Prompt caching (platform.openai.com/docs/guides/prompt-caching)';
const ANTHROPIC_SOURCE = 'Anthropic docs, Prompt caching (docs.claude.com/en/docs/build-with-claude/prompt-caching)';
const GEMINI_SOURCE = 'Google Gemini API docs, Context caching — implicit caching (ai.google.dev/gemini-api/docs/caching)';
const DEEPSEEK_SOURCE = 'DeepSeek API docs, Context caching on disk (api-docs.deepseek.com/guides/kv_cache)';
const CHECKED = '2026-11';

/** Extra rule field: caches grow in fixed steps beyond the minimum (OpenAI: 128 tokens). */
export interface CachingRuleData extends CachingRule {
  incrementTokens?: number;
  /** Cache-write price as a share of input for the 1-hour TTL (`cache_control: { ttl: "1h" }`; Anthropic 2). */
  longTtlWriteMultiplier?: number;
}

export const CACHING_RULES: CachingRuleData[] = [
  {
    provider: 'openai',
    models: ['gpt-4o', 'gpt-4.1', 'gpt-4.5', 'gpt-5', 'gpt-6', 'o1', 'o3', 'o4', 'chatgpt-4o', 'gpt-oss', 'codex'],
    mechanism: 'automatic',
    minTokens: 1024,
    incrementTokens: 128,
    readMultiplier: 0.5,
    writeMultiplier: 1,
    source: OPENAI_SOURCE,
    date: CHECKED,
    note: 'Automatic for prompts of 1,024 tokens or more, exact prefix match, hits in 128-token steps; no write fee. Discount 50% (gpt-4o, o-series), 75% (gpt-4.1), 90% (gpt-5) — the catalog\'s cached-input price is used.',
  },
  {
    provider: 'anthropic',
    models: ['claude-opus-4-5', 'claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'claude-haiku-4-5', 'claude-haiku-4.5', 'claude-fable'],
    mechanism: 'explicit',
    minTokens: 4096,
    readMultiplier: 0.1,
    writeMultiplier: 1.25,
    longTtlWriteMultiplier: 2,
    source: ANTHROPIC_SOURCE,
    date: CHECKED,
    note: 'Needs cache_control breakpoints; minimum 4,096 tokens for Opus 4.5+ and Haiku 4.5; writes cost 1.25× input (5-minute TTL), reads 0.1×; shorter prefixes are silently not cached.',
  },
  {
    provider: 'anthropic',
    models: ['claude-3-haiku', 'claude-3-5-haiku', 'claude-3.5-haiku', 'claude-haiku-3'],
    mechanism: 'explicit',
    minTokens: 2048,
    readMultiplier: 0.1,
    writeMultiplier: 1.25,
    longTtlWriteMultiplier: 2,
    source: ANTHROPIC_SOURCE,
    date: CHECKED,
    note: 'Needs cache_control breakpoints; minimum 2,048 tokens for Haiku 3 and 3.5; writes 1.25×, reads 0.1×.',
  },
  {
    provider: 'anthropic',
    models: ['claude'],
    mechanism: 'explicit',
    minTokens: 1024,
    readMultiplier: 0.1,
    writeMultiplier: 1.25,
    longTtlWriteMultiplier: 2,
    source: ANTHROPIC_SOURCE,
    date: CHECKED,
    note: 'Needs cache_control breakpoints; minimum 1,024 tokens (Sonnet 3.7/4.x, Opus 4/4.1); writes 1.25× input (5-minute TTL), reads 0.1×.',
  },
  {
    provider: 'google',
    models: ['gemini-2.5-pro', 'gemini-3-pro', 'gemini-3.1-pro', 'gemini-3.5-pro', 'gemini-pro'],
    mechanism: 'implicit',
    minTokens: 4096,
    readMultiplier: 0.25,
    writeMultiplier: 1,
    source: GEMINI_SOURCE,
    date: CHECKED,
    note: 'Implicit caching is on by default for Gemini 2.5 and newer; minimum 4,096 tokens for Pro models.',
  },
  {
    provider: 'google',
    models: ['gemini-2.5', 'gemini-3', 'gemini-flash', 'gemini-live'],
    mechanism: 'implicit',
    minTokens: 1024,
    readMultiplier: 0.25,
    writeMultiplier: 1,
    source: GEMINI_SOURCE,
    date: CHECKED,
    note: 'Implicit caching is on by default for Gemini 2.5 and newer; minimum 1,024 tokens for Flash models.',
  },
  {
    provider: 'deepseek',
    models: ['deepseek'],
    mechanism: 'automatic',
    minTokens: 64,
    incrementTokens: 64,
    readMultiplier: 0.1,
    writeMultiplier: 1,
    source: DEEPSEEK_SOURCE,
    date: CHECKED,
    note: 'Disk caching is on by default; prefixes are stored in 64-token units; a cache hit is billed at the much lower cache-hit input price.',
  },
];

/** The caching rule for a model, by id prefix (case-insensitive); undefined when the model has no prompt caching we know of. */
// By model family, not by reseller: Claude on Bedrock/Vertex and GPT on Azure cache as their makers document.
export function cachingRuleFor(modelId: string): CachingRuleData | undefined {
  const id = normalizeModelId(modelId);
  return CACHING_RULES.find((r) => r.models.some((m) => id.startsWith(m)));
}

/** Tokens of a static prefix a cache hit actually covers (0 below the minimum; whole increments above it). */
export function cacheableTokens(rule: CachingRuleData, staticPrefixTokens: number): number {
  if (staticPrefixTokens < rule.minTokens) return 0;
  if (!rule.incrementTokens) return staticPrefixTokens;
  return rule.minTokens + Math.floor((staticPrefixTokens - rule.minTokens) / rule.incrementTokens) * rule.incrementTokens;
}

/**
 * The price with cache rates filled from the rule where the catalog has none (e.g. a user-added model): read =
 * input × readMultiplier, write = input × writeMultiplier. Catalog and user figures always win.
 */
export function withCacheRates(price: PriceInfo, rule: CachingRuleData | undefined): PriceInfo {
  if (!rule || (price.cachedInputPerMillion !== undefined && (price.cacheWritePerMillion !== undefined || rule.mechanism !== 'explicit'))) return price;
  return {
    ...price,
    cachedInputPerMillion: price.cachedInputPerMillion ?? price.inputPerMillion * rule.readMultiplier,
    ...(rule.mechanism === 'explicit' ? { cacheWritePerMillion: price.cacheWritePerMillion ?? price.inputPerMillion * rule.writeMultiplier } : {}),
  };
}

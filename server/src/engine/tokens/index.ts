// Token counting for every model: exact for OpenAI's encodings, a documented estimate for other vendors.
// Nothing heavy happens on import: an encoding's rank table loads on the first count that needs it.
import type { TokenCount } from '../types';
import { countOrdinary, isEncodingLoaded, preloadEncoding, type EncodingName } from './encodings';
import { FRAMING_RULES, type FramingRule } from './framing';
import { LruCache } from './lruCache';
import { normalizeModelId } from './modelId';
import { FALLBACK_RULE, TOKENIZER_RULES, type TokenizerRule } from './modelTokenizers';
import { symbolShare } from './symbolShare';

export { normalizeModelId } from './modelId';
export { symbolShare } from './symbolShare';
export { MAX_EXACT_PIECE, LONG_PIECE_CHUNK, type EncodingName } from './encodings';

export interface TokenizerInfo {
  /** The OpenAI encoding that does the counting: `o200k_base` or `cl100k_base`. */
  encoding: string;
  /** True when the count equals the vendor's own tokenizer (OpenAI models). */
  exact: boolean;
  /** What a count is shown as: the encoding when exact, else e.g. `estimate:claude(o200k×1.15)`. */
  method: string;
  /** Tokenizer family, e.g. `gpt-4o`, `claude`, `unknown`. */
  family: string;
  /** Where the encoding or the estimate factor comes from. */
  source: string;
}

const ruleCache = new Map<string, TokenizerRule>();

function ruleFor(modelId: string): TokenizerRule {
  if (typeof modelId !== 'string') modelId = String(modelId ?? ''); // JS callers: never a crash
  let rule = ruleCache.get(modelId);
  if (!rule) {
    const id = normalizeModelId(modelId);
    rule = TOKENIZER_RULES.find((r) => r.pattern.test(id)) ?? FALLBACK_RULE;
    if (ruleCache.size > 1000) ruleCache.clear();
    ruleCache.set(modelId, rule);
  }
  return rule;
}

function methodOf(rule: TokenizerRule): string {
  if (rule.exact) return rule.encoding;
  const short = rule.encoding.replace('_base', '');
  const scaled = rule.bySymbolShare
    ? `×${rule.factor.toFixed(2)}–${(rule.factor + rule.bySymbolShare.slope * rule.bySymbolShare.cap).toFixed(2)} by symbol share`
    : `×${rule.factor.toFixed(2)}`;
  const range = rule.range ? `, range ×${rule.range[0].toFixed(2)}–${rule.range[1].toFixed(2)}` : '';
  return `estimate:${rule.family}(${short}${scaled}${range})`;
}

interface CachedCount {
  tokens: number;
  exact: boolean;
  /** Filled on first use by a content-aware estimate. */
  symbolShare?: number;
}

function factorFor(rule: TokenizerRule, counted: CachedCount, text: string): number {
  if (!rule.bySymbolShare) return rule.factor;
  counted.symbolShare ??= symbolShare(text);
  return rule.factor + rule.bySymbolShare.slope * Math.min(counted.symbolShare, rule.bySymbolShare.cap);
}

export function tokenizerFor(modelId: string): TokenizerInfo {
  const rule = ruleFor(modelId);
  return { encoding: rule.encoding, exact: rule.exact, method: methodOf(rule), family: rule.family, source: rule.source };
}

/** Ordinary-text counts keyed by encoding + text; sized by text length (≈ 2 bytes a character). */
const countCache = new LruCache<CachedCount>(5000, 8_000_000);
const cacheStats = { hits: 0, misses: 0 };

/** Counts `text` for `modelId`. Synchronous; never throws on any text (special-token text is ordinary text). */
export function countTokens(text: string, modelId: string): TokenCount {
  if (typeof text !== 'string') text = String(text ?? ''); // JS callers: never a crash
  const rule = ruleFor(modelId);
  const key = `${rule.encoding}\u0000${text}`;
  let counted = countCache.get(key);
  if (counted) cacheStats.hits++;
  else {
    cacheStats.misses++;
    counted = countOrdinary(rule.encoding, text);
    countCache.set(key, counted, text.length + 16);
  }
  if (rule.exact) return { tokens: counted.tokens, exact: counted.exact, encoding: rule.encoding };
  return { tokens: Math.round(counted.tokens * factorFor(rule, counted, text)), exact: false, encoding: methodOf(rule) };
}

function framingRuleFor(modelId: string): FramingRule {
  const family = ruleFor(modelId).family;
  return FRAMING_RULES.find((r) => r.families === '*' || r.families.includes(family))!;
}

/**
 * Tokens a chat request of `messageCount` messages costs beyond the messages' texts: per-message overhead plus
 * the reply priming, as the vendor documents it (framing.ts). 0 for no messages.
 */
export function messageFramingTokens(messageCount: number, modelId: string): number {
  if (!Number.isFinite(messageCount) || messageCount <= 0) return 0;
  const rule = framingRuleFor(modelId);
  return Math.floor(messageCount) * rule.perMessage + rule.perRequest;
}

/** Where the framing figures for `modelId` come from, and whether they are the vendor's own. */
export function framingSource(modelId: string): { exact: boolean; source: string; perMessage: number; perRequest: number } {
  const { exact, source, perMessage, perRequest } = framingRuleFor(modelId);
  return { exact, source, perMessage, perRequest };
}

/** Loads the encoding `modelId` needs, off the hot path (e.g. from a timer after the server starts). */
export function warmUpTokenizer(modelId: string): void {
  preloadEncoding(ruleFor(modelId).encoding);
}

export function isTokenizerLoaded(encoding: EncodingName): boolean {
  return isEncodingLoaded(encoding);
}

/** For tests and benchmarks: forget cached counts. */
export function clearTokenCountCache(): void {
  countCache.clear();
  cacheStats.hits = 0;
  cacheStats.misses = 0;
}

/** Cache hits (counts served without tokenizing) and misses since start or the last clear. */
export function tokenCountCacheStats(): { entries: number; hits: number; misses: number } {
  return { entries: countCache.size, ...cacheStats };
}

// Prompt caching written in code: Anthropic `cache_control` breakpoints. The prefix up to the last breakpoint is
// written to the cache on a miss and read from it on a hit, so per call, at the configured hit rate h:
//   cache reads  = prefix × h          at the cached-input price (0.1× input)
//   cache writes = prefix × (1 − h)    at the write price (1.25× input for the 5-minute TTL, 2× for `ttl: "1h"`)
// both priced through the one cost formula (costModel.ts) as shares of the input. Anthropic's order is
// tools → system → messages, so a breakpoint caches everything before it: tools whenever there is one, the system
// prompt for a breakpoint in system or messages, the messages for one in messages.
// The provider's minimum cacheable length applies to the cumulative prefix up to the breakpoint: the analysis sums the
// request's shares (`requestPrefixTokens`) and each message is cached when that sum passes, even if its own share
// would not (docs/design/numbers.md). Without the sum (a prompt priced alone) its own share is checked.
import type { DetectedPrompt, PriceInfo, ResolvedModel } from '../types';
import { cachingRuleFor, withCacheRates, type CachingRuleData } from './cachingRules';
import { groupThousands } from '../views/format';

export interface CodeCaching {
  verdict: 'cacheable' | 'too-short';
  rule: CachingRuleData;
  prefixTokens: number;
  readTokens: number;
  writeTokens: number;
  /** The price with the write rate of the breakpoint's TTL. */
  price?: PriceInfo;
  detail: string;
}

/** This message's share of a cache_control prefix and how it is billed; undefined when the call sets none that applies. */
export function codeCaching(
  prompt: DetectedPrompt,
  model: ResolvedModel,
  share: { messageTokens: number; toolTokens: number; requestPrefixTokens?: number },
  hitRate: number,
): CodeCaching | undefined {
  const cc = prompt.callParams.cacheControl;
  if (!cc || prompt.fragmentOf) return undefined;
  const rule = cachingRuleFor(model.id);
  if (!rule || rule.mechanism !== 'explicit') return undefined; // automatic caches ignore breakpoints
  const system = prompt.role === 'system' || prompt.role === 'developer';
  const messageInPrefix = cc.onMessages || (cc.onSystem && system);
  const prefixTokens = (messageInPrefix ? share.messageTokens : 0) + share.toolTokens;
  if (prefixTokens === 0) return undefined; // this message comes after the last breakpoint
  const ttl = cc.ttl === '1h' ? '1 hour' : '5 minutes';
  const writeMultiplier = cc.ttl === '1h' ? rule.longTtlWriteMultiplier ?? rule.writeMultiplier : rule.writeMultiplier;
  // The minimum is the request's: the whole prefix up to the breakpoint (this share when the sum is not known).
  const requestPrefix = Math.max(prefixTokens, Number.isFinite(share.requestPrefixTokens) ? share.requestPrefixTokens! : 0);
  const whole = requestPrefix > prefixTokens ? `the request's cached prefix (${groupThousands(requestPrefix)} tokens, ${groupThousands(prefixTokens)} of them this prompt's)` : `this prompt's cached prefix (${groupThousands(prefixTokens)} tokens)`;
  if (requestPrefix < rule.minTokens) {
    return {
      verdict: 'too-short', rule, prefixTokens, readTokens: 0, writeTokens: 0,
      detail: `cache_control is set in code, but ${whole} is below the ${groupThousands(rule.minTokens)}-token minimum: the provider does not cache it.`,
    };
  }
  const rate = Math.min(Math.max(Number.isFinite(hitRate) ? hitRate : 0, 0), 1);
  const readTokens = prefixTokens * rate;
  const writeTokens = prefixTokens - readTokens;
  let price = model.price && withCacheRates(model.price, rule);
  if (price && cc.ttl === '1h') {
    // The catalog's write price is the 5-minute one: the 1-hour TTL is input × its own multiplier.
    price = {
      ...price,
      cacheWritePerMillion: price.inputPerMillion * writeMultiplier,
      ...(price.longContext ? { longContext: { ...price.longContext, cacheWritePerMillion: price.longContext.inputPerMillion * writeMultiplier } } : {}),
    };
  }
  const pct = Math.round(rate * 100);
  return {
    verdict: 'cacheable', rule, prefixTokens, readTokens, writeTokens, price,
    detail: `cache_control in code (TTL ${ttl}): ${groupThousands(prefixTokens)} prefix tokens${requestPrefix > prefixTokens ? ` (of the request's ${groupThousands(requestPrefix)}, which passes the ${groupThousands(rule.minTokens)}-token minimum)` : ''} read at ${rule.readMultiplier}× input on ${pct}% of calls and written at ${writeMultiplier}× input on the others (cacheHitRate) — included in the cost.`,
  };
}

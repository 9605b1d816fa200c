// Cache suitability of one prompt for the sidebar: the static prefix before the first placeholder against the model's
// caching minimum (cachingRules.ts), a warning when a placeholder sits before long static text, the estimated monthly
// saving at the hit rate, and whether whole responses can be cached (no per-request variables, temperature 0).
import type { CacheAdvice, CostBreakdown, DetectedPrompt } from '../types';
import { cacheHitRate, priceMultiplier } from './assumptions';
import { cacheableTokens, cachingRuleFor, withCacheRates } from './cachingRules';
import { cachingSavingPerCall, costPerMonth } from './costModel';
import { cachingOutcome, countPromptTokens, type CostContext } from './pricePrompt';
import { staticSegments } from './promptText';
import { formatUsdInFull } from '../views/format';

/** Static text after a placeholder worth moving the placeholder for (tokens). Below this the gain is negligible. */
export const LONG_STATIC_AFTER_PLACEHOLDER = 200;

export function cacheAdvice(prompt: DetectedPrompt, cost: CostBreakdown, ctx: CostContext): CacheAdvice {
  const model = cost.model;
  const tokenizerModel = model.tokenizerModel ?? model.id;
  const counted = countPromptTokens(prompt, tokenizerModel, ctx);
  const hitRate = cacheHitRate(ctx);
  // cache_control breakpoints written in the code decide the verdict; their cost is already in the figures.
  const outcome = cost.caching.inCode
    ? { verdict: cost.caching.verdict, rule: cachingRuleFor(model.id), staticPrefixTokens: cost.caching.cachedTokens, detail: cost.caching.detail }
    : cachingOutcome(model, counted.segmentTokens, cost.tokens.framing, hitRate);
  const rule = outcome.rule ?? cachingRuleFor(model.id);
  const { placeholders } = staticSegments(prompt);
  const wholeResponseCacheable = counted.placeholderCount === 0 && prompt.callParams.temperature === 0;

  const advice: CacheAdvice = {
    verdict: outcome.verdict,
    staticPrefixTokens: outcome.staticPrefixTokens,
    hitRate,
    wholeResponseCacheable,
    messages: [outcome.detail],
  };
  if (rule) {
    advice.rule = rule;
    advice.minTokens = rule.minTokens;
  }

  // The earliest placeholder followed by long static text: moving variables to the end would extend the prefix.
  for (let k = 0; k < placeholders.length; k++) {
    const after = counted.segmentTokens.slice(k + 1).reduce((a, b) => a + b, 0);
    if (after >= LONG_STATIC_AFTER_PLACEHOLDER) {
      advice.variableFirst = { placeholder: placeholders[k], staticTokensAfter: after };
      advice.messages.push(`{${placeholders[k]}} comes before ${after} tokens of static text: move variables to the end so the prefix stays the same on every call and can be cached.`);
      break;
    }
  }

  // Saving at the hit rate: for the prefix as it is when cacheable, or as it would be with variables moved to the end.
  if (rule && model.price && !cost.caching.inCode) {
    const allStatic = counted.staticText + cost.tokens.framing;
    const prefix = outcome.verdict === 'cacheable' ? outcome.staticPrefixTokens : advice.variableFirst ? allStatic : 0;
    const cacheable = cacheableTokens(rule, prefix);
    if (cacheable > 0) {
      const price = withCacheRates(model.price, rule);
      const perCall = cachingSavingPerCall({ input: cost.tokens.input, output: cost.tokens.output }, cacheable, hitRate, price, rule.mechanism === 'explicit', priceMultiplier(ctx));
      advice.monthlySaving = costPerMonth(perCall, cost.volume.callsPerDay);
      const pct = Math.round(hitRate * 100);
      const how = outcome.verdict === 'cacheable' ? '' : ' after moving the variables to the end';
      if (advice.monthlySaving > 0) {
        const included = rule.mechanism !== 'explicit' && outcome.verdict === 'cacheable' ? ' (already included in the cost shown)' : '';
        advice.messages.push(`Caching ${cacheable} tokens${how} saves about ${formatUsdInFull(advice.monthlySaving)}/month at a ${pct}% hit rate${included}.`);
      } else {
        advice.messages.push(`At a ${pct}% hit rate, cache writes (${rule.writeMultiplier}× input) cost more than the reads save: caching does not pay off${how}.`);
      }
    }
  }
  if (rule && !model.price) advice.messages.push(`No price for ${model.requested}: the caching saving cannot be estimated.`);
  if (wholeResponseCacheable) advice.messages.push('No per-request variables and temperature 0: the whole response can be cached by your application (same input, same output).');
  return advice;
}

// "Cache suitability" of the selected prompt, from cacheAdvice(): the verdict as one sentence, the static prefix
// against the provider's minimum, the fix when a variable comes first, the saving at the configured hit rate and the
// whole-response note. Figures come from the advice; this module only words and shapes them.
import type { CacheAdvice, CacheVerdict, CostBreakdown } from '../types';
import { formatPercent, formatTokens, formatUsd } from './format';

export type CacheLevel = 'good' | 'warning' | 'info';

export interface CacheView {
  verdict: CacheVerdict;
  level: CacheLevel;
  headline: string;
  prefix: {
    tokens: number;
    minTokens?: number;
    /** Static prefix as a share of the minimum, capped at 100, for the gauge. */
    gaugePercent?: number;
    text: string;
  };
  /** How to make the prompt cacheable when a placeholder comes before long static text. */
  fix?: string;
  saving?: { monthly: number; hitRate: number; text: string };
  wholeResponse?: string;
  /** Where the caching rule comes from, e.g. `OpenAI prompt caching guide, 2026-10`. */
  ruleSource?: string;
  /** The advice's own lines, shown under the verdict. */
  details: string[];
}

const MECHANISM: Record<string, string> = {
  automatic: 'automatic prefix caching',
  explicit: 'explicit cache breakpoints (cache_control)',
  implicit: 'implicit caching',
};

export function buildCacheView(advice: CacheAdvice, cost: CostBreakdown): CacheView {
  const provider = advice.rule?.provider ?? cost.model.provider;
  const min = advice.minTokens ?? advice.rule?.minTokens;
  const prefix = advice.staticPrefixTokens;
  const mechanism = advice.rule ? MECHANISM[advice.rule.mechanism] ?? advice.rule.mechanism : undefined;
  const view: CacheView = {
    verdict: advice.verdict,
    level: 'info',
    headline: '',
    prefix: {
      tokens: prefix,
      ...(min !== undefined ? { minTokens: min, gaugePercent: min > 0 ? Math.min(100, (prefix / min) * 100) : 100 } : {}),
      text: min !== undefined
        ? `Static prefix ${formatTokens(prefix)} tokens; ${provider} caches from ${formatTokens(min)}.`
        : `Static prefix ${formatTokens(prefix)} tokens.`,
    },
    details: [...advice.messages],
    ...(advice.rule ? { ruleSource: `${advice.rule.source}, ${advice.rule.date}` } : {}),
  };

  switch (advice.verdict) {
    case 'cacheable':
      view.level = 'good';
      view.headline = `Cacheable: ${formatTokens(prefix)} static tokens before the first variable${min !== undefined ? `, above the ${formatTokens(min)}-token minimum` : ''}${mechanism ? ` (${mechanism})` : ''}.`;
      break;
    case 'too-short':
      view.level = 'info';
      view.headline = min !== undefined
        ? `Too short to cache: ${formatTokens(prefix)} static prefix tokens, ${formatTokens(Math.max(0, min - prefix))} short of ${provider}'s ${formatTokens(min)}-token minimum.`
        : `Too short to cache: ${formatTokens(prefix)} static prefix tokens.`;
      break;
    case 'variable-first': {
      view.level = 'warning';
      const v = advice.variableFirst;
      view.headline = v
        ? `A variable comes first: ${v.placeholder} sits before ${formatTokens(v.staticTokensAfter)} static tokens, so only ${formatTokens(prefix)} tokens form a stable prefix.`
        : `A variable comes before long static text, so only ${formatTokens(prefix)} tokens form a stable prefix.`;
      view.fix = v
        ? `Move ${v.placeholder} (and any other per-request variables) to the end of the prompt, so the ${formatTokens(v.staticTokensAfter)} static tokens become a prefix that stays the same on every call.`
        : 'Move per-request variables to the end of the prompt so the static text becomes a stable prefix.';
      break;
    }
    case 'not-supported':
      view.level = 'info';
      view.headline = `No prompt caching known for ${cost.model.id} (${provider}).`;
      break;
  }

  if (advice.monthlySaving !== undefined) {
    const rate = formatPercent(advice.hitRate * 100);
    view.saving = {
      monthly: advice.monthlySaving,
      hitRate: advice.hitRate,
      // cacheAdvice prices a variable-first prompt as if the fix were made; a saving ≤ 0 means writes outweigh reads.
      text: advice.monthlySaving > 0
        ? `Estimated saving at a ${rate} cache hit rate: ${formatUsd(advice.monthlySaving)}/month${advice.verdict === 'variable-first' ? ' after the fix' : ''}.`
        : `At a ${rate} cache hit rate caching does not pay off: cache writes cost more than the reads save.`,
    };
  }
  if (advice.wholeResponseCacheable) {
    view.wholeResponse =
      'No per-request variables and temperature 0: every call sends the same prompt and should get the same answer. Cache the whole response in your application (keyed by model and prompt) and skip repeated calls.';
  }
  return view;
}

import { strict as assert } from 'assert';
import type { CacheAdvice, CachingRule } from '../../server/src/engine/types';
import { buildCacheView } from '../../server/src/engine/views/cacheView';
import { cost, GPT_4O, model } from './fixtures';

const OPENAI_RULE: CachingRule = {
  provider: 'openai', models: ['gpt-4o'], mechanism: 'automatic', minTokens: 1024, readMultiplier: 0.5, writeMultiplier: 1,
  source: 'OpenAI docs, Prompt caching', date: '2026-11',
};
const ANTHROPIC_RULE: CachingRule = {
  provider: 'anthropic', models: ['claude'], mechanism: 'explicit', minTokens: 1024, readMultiplier: 0.1, writeMultiplier: 1.25,
  source: 'Anthropic docs, Prompt caching', date: '2026-11',
};

function advice(extra: Partial<CacheAdvice>): CacheAdvice {
  return { verdict: 'cacheable', staticPrefixTokens: 0, hitRate: 0.5, wholeResponseCacheable: false, messages: [], ...extra };
}

describe('sidebar view model: cache suitability', () => {
  const current = cost(GPT_4O, 1500, 250, 1000);

  it('words a cacheable prefix with the saving at the configured hit rate', () => {
    // 1,280 cached tokens × ($2.50 − $1.25)/M × 50% of 30,000 calls = 1,280 × 1.25e-6 × 15,000 = $24/month.
    const view = buildCacheView(advice({ verdict: 'cacheable', rule: OPENAI_RULE, staticPrefixTokens: 1400, minTokens: 1024, monthlySaving: 24 }), current);
    assert.equal(view.level, 'good');
    assert.equal(view.headline, 'Cacheable: 1,400 static tokens before the first variable, above the 1,024-token minimum (automatic prefix caching).');
    assert.equal(view.prefix.gaugePercent, 100, 'capped');
    assert.equal(view.saving?.text, 'Estimated saving at a 50% cache hit rate: $24/month.');
    assert.equal(view.ruleSource, 'OpenAI docs, Prompt caching, 2026-11');
    assert.equal(view.fix, undefined);
  });

  it('says how far a short prefix is from the minimum', () => {
    const view = buildCacheView(advice({ verdict: 'too-short', rule: OPENAI_RULE, staticPrefixTokens: 384, minTokens: 1024 }), current);
    assert.equal(view.headline, "Too short to cache: 384 static prefix tokens, 640 short of openai's 1,024-token minimum.");
    assert.equal(view.prefix.gaugePercent, 37.5, '384 / 1,024');
    assert.equal(view.saving, undefined);
  });

  it('warns when a variable comes before long static text and gives the fix', () => {
    const sonnet = cost(model('claude-sonnet-4', 'anthropic', 3, 15), 2100, 250, 1000);
    const view = buildCacheView(advice({
      verdict: 'variable-first', rule: ANTHROPIC_RULE, staticPrefixTokens: 12, minTokens: 1024,
      variableFirst: { placeholder: '{user_name}', staticTokensAfter: 2048 }, monthlySaving: 80.5,
      messages: ['Prefix must be identical across calls.'],
    }), sonnet);
    assert.equal(view.level, 'warning');
    assert.match(view.headline, /\{user_name\} sits before 2,048 static tokens, so only 12 tokens/);
    assert.equal(view.fix, 'Move {user_name} (and any other per-request variables) to the end of the prompt, so the 2,048 static tokens become a prefix that stays the same on every call.');
    assert.match(view.prefix.text, /anthropic caches from 1,024/);
    assert.deepEqual(view.details, ['Prefix must be identical across calls.']);
  });

  it('says when cache writes outweigh the reads at the configured hit rate', () => {
    const view = buildCacheView(advice({ verdict: 'cacheable', rule: ANTHROPIC_RULE, staticPrefixTokens: 1100, minTokens: 1024, hitRate: 0.1, monthlySaving: -3.2 }), current);
    assert.equal(view.saving?.text, 'At a 10% cache hit rate caching does not pay off: cache writes cost more than the reads save.');
  });

  it('adds the whole-response note for variable-free temperature-0 prompts, and handles providers without caching', () => {
    const view = buildCacheView(advice({ verdict: 'not-supported', staticPrefixTokens: 300, wholeResponseCacheable: true }), cost(model('in-house', 'acme', 1, 1), 300, 50, 10));
    assert.equal(view.headline, 'No prompt caching known for in-house (acme).');
    assert.match(view.wholeResponse ?? '', /Cache the whole response/);
    assert.equal(view.prefix.gaugePercent, undefined, 'no minimum, no gauge');
    assert.equal(view.ruleSource, undefined);
  });
});

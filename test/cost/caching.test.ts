import { strict as assert } from 'assert';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { cacheAdvice } from '../../server/src/engine/cost/caching';
import { CACHING_RULES, cacheableTokens, cachingRuleFor } from '../../server/src/engine/cost/cachingRules';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { placeholder, prompt, text } from './fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx: CostContext = { settings: defaultSettings(), now: NOW };
const POLICY = 'Refund policy: items may be returned within 30 days with a receipt and the original packaging. '.repeat(80);

describe('caching rules (data)', () => {
  it('every rule has a source and a date', () => {
    for (const r of CACHING_RULES) {
      assert.ok(r.source.length > 10 && /^\d{4}-\d{2}/.test(r.date), r.provider);
      assert.ok(r.minTokens > 0 && r.readMultiplier > 0 && r.readMultiplier < 1 && r.writeMultiplier >= 1);
    }
  });

  it('minimums per model: OpenAI 1,024; Claude Sonnet 1,024, Haiku 3.5 2,048, Opus 4.5/Haiku 4.5 4,096; Gemini Flash 1,024, Pro 4,096', () => {
    assert.equal(cachingRuleFor('gpt-4o')?.minTokens, 1024);
    assert.equal(cachingRuleFor('openai/gpt-4.1-mini')?.minTokens, 1024);
    assert.equal(cachingRuleFor('claude-sonnet-4-5')?.minTokens, 1024);
    assert.equal(cachingRuleFor('claude-3-5-haiku-latest')?.minTokens, 2048);
    assert.equal(cachingRuleFor('claude-opus-4-5')?.minTokens, 4096);
    assert.equal(cachingRuleFor('claude-haiku-4-5')?.minTokens, 4096);
    assert.equal(cachingRuleFor('gemini-2.5-flash')?.minTokens, 1024);
    assert.equal(cachingRuleFor('gemini-2.5-pro')?.minTokens, 4096);
    assert.equal(cachingRuleFor('deepseek-chat')?.mechanism, 'automatic');
    assert.equal(cachingRuleFor('claude-sonnet-4-5')?.writeMultiplier, 1.25);
    assert.equal(cachingRuleFor('claude-sonnet-4-5')?.readMultiplier, 0.1);
    assert.equal(cachingRuleFor('mistral-small-2603'), undefined);
  });

  it('OpenAI caches in 128-token steps above 1,024', () => {
    const rule = cachingRuleFor('gpt-4o')!;
    assert.equal(cacheableTokens(rule, 1023), 0);
    assert.equal(cacheableTokens(rule, 1024), 1024);
    assert.equal(cacheableTokens(rule, 1151), 1024);
    assert.equal(cacheableTokens(rule, 1152), 1152);
  });
});

describe('cacheAdvice', () => {
  it('a long static prefix on gpt-4o: cacheable, saving = cached share × (input − cached price), already in the cost', () => {
    const p = prompt([text(POLICY), placeholder('question')]);
    const cost = pricePrompt(p, ctx);
    const advice = cacheAdvice(p, cost, ctx);
    assert.equal(advice.verdict, 'cacheable');
    assert.equal(advice.minTokens, 1024);
    const cached = cost.caching.cachedTokens;
    const expected = cached * 0.5 * (2.5 - 1.25) / 1e6 * 1000 * 30;
    assert.ok(Math.abs(advice.monthlySaving! - expected) < 1e-9, `${advice.monthlySaving} vs ${expected}`);
    assert.match(advice.messages.join('\n'), /already included in the cost/);
    assert.equal(advice.variableFirst, undefined);
    assert.equal(advice.wholeResponseCacheable, false);
  });

  it('a placeholder before long static text: variable-first with the fix and the saving after moving it', () => {
    const p = prompt([text('Question: '), placeholder('question'), text(POLICY)]);
    const cost = pricePrompt(p, ctx);
    const advice = cacheAdvice(p, cost, ctx);
    assert.equal(advice.verdict, 'variable-first');
    assert.equal(advice.variableFirst?.placeholder, 'question');
    assert.ok(advice.variableFirst!.staticTokensAfter > 1024);
    assert.ok(advice.monthlySaving! > 0);
    assert.match(advice.messages.join('\n'), /move variables to the end/);
  });

  it('Claude: explicit caching pays writes at 1.25×: at a 10% hit rate caching does not pay off', () => {
    const p = prompt([text(POLICY), placeholder('question')], { model: { name: 'claude-sonnet-4-5', source: 'call-site' } });
    const lowCtx = { ...ctx, settings: { ...ctx.settings, cacheHitRate: 0.1 } };
    const cost = pricePrompt(p, lowCtx);
    assert.equal(cost.caching.verdict, 'cacheable');
    assert.equal(cost.caching.cachedTokens, 0); // not assumed: needs cache_control
    const advice = cacheAdvice(p, cost, lowCtx);
    // per cached token: 0.1 × (3 − 0.3) − 0.9 × (3.75 − 3) = 0.27 − 0.675 < 0
    assert.ok(advice.monthlySaving! < 0);
    assert.match(advice.messages.join('\n'), /does not pay off/);
    const high = { ...ctx, settings: { ...ctx.settings, cacheHitRate: 0.9 } };
    const adviceHigh = cacheAdvice(p, pricePrompt(p, high), high);
    const prefix = adviceHigh.staticPrefixTokens;
    const expected = prefix * (0.9 * (3 - 0.3) - 0.1 * (3.75 - 3)) / 1e6 * 1000 * 30;
    assert.ok(Math.abs(adviceHigh.monthlySaving! - expected) < 1e-9, `${adviceHigh.monthlySaving} vs ${expected}`);
  });

  it('a short prompt is too short; no variables and temperature 0 allows whole-response caching', () => {
    const p = prompt([text('Classify the sentiment of this fixed sentence: "I love it".')], { callParams: { temperature: 0 } });
    const advice = cacheAdvice(p, pricePrompt(p, ctx), ctx);
    assert.equal(advice.verdict, 'too-short');
    assert.equal(advice.wholeResponseCacheable, true);
    assert.match(advice.messages.join('\n'), /whole response can be cached/);
    const warm = prompt([text('Say hello.')], { callParams: { temperature: 0.7 } });
    assert.equal(cacheAdvice(warm, pricePrompt(warm, ctx), ctx).wholeResponseCacheable, false);
  });

  it('a model without known caching: not-supported', () => {
    const p = prompt([text(POLICY)], { model: { name: 'mistral-small-2603', source: 'call-site' } });
    assert.equal(cacheAdvice(p, pricePrompt(p, ctx), ctx).verdict, 'not-supported');
  });
});

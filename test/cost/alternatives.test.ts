import { strict as assert } from 'assert';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { rankAlternatives } from '../../server/src/engine/cost/alternatives';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { countTokens } from '../../server/src/engine/tokens';
import { placeholder, prompt, text } from './fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx: CostContext = { settings: { ...defaultSettings(), cacheHitRate: 0 }, now: NOW };
const SUPPORT = 'You are a support agent for Acme. Answer in two sentences and cite the order number. Ticket: ';

describe('rankAlternatives', () => {
  const p = prompt([text(SUPPORT), placeholder('ticket')], { model: { name: 'gpt-4o', source: 'call-site' } });
  const current = pricePrompt(p, ctx);

  it("'tiers': current model first and marked, then OpenAI's cheaper tiers (next one down first), then other providers", () => {
    const rows = rankAlternatives(p, current, ctx, { order: 'tiers' });
    assert.equal(rows[0].current, true);
    assert.equal(rows[0].model.id, 'gpt-4o');
    assert.equal(rows.filter((r) => r.current).length, 1);
    const firstOther = rows.findIndex((r) => r.model.provider !== 'openai');
    const openaiCheaper = rows.slice(1, firstOther);
    assert.ok(openaiCheaper.length >= 5);
    assert.ok(openaiCheaper.every((r) => r.model.provider === 'openai' && r.monthlySaving! > 0));
    for (let i = 1; i < openaiCheaper.length; i++) assert.ok(openaiCheaper[i - 1].costPerMonth! >= openaiCheaper[i].costPerMonth!, 'next tier down first');
  });

  it('figures for gpt-4o-mini are hand-checkable: same tokens (o200k), $0.15/$0.60 per million', () => {
    const mini = rankAlternatives(p, current, ctx, { order: 'tiers' }).find((r) => r.model.id === 'gpt-4o-mini')!;
    assert.equal(mini.inputTokens, current.tokens.input);
    assert.equal(mini.exact, true);
    const perCall = (current.tokens.input * 0.15 + 250 * 0.6) / 1e6;
    assert.ok(Math.abs(mini.costPerCall! - perCall) < 1e-12);
    assert.ok(Math.abs(mini.costPerMonth! - perCall * 1000 * 30) < 1e-9);
    const expectedSaving = current.costPerMonth! - mini.costPerMonth!;
    assert.ok(Math.abs(mini.monthlySaving! - expectedSaving) < 1e-9);
    assert.ok(Math.abs(mini.savingPercent! - (expectedSaving / current.costPerMonth!) * 100) < 1e-9);
    assert.equal(mini.fitsContext, true);
  });

  it('other vendors are re-counted with their own tokenizer and marked as estimates', () => {
    const claude = rankAlternatives(p, current, ctx).find((r) => r.model.id === 'claude-haiku-4-5')!;
    assert.equal(claude.exact, false);
    assert.match(claude.encoding, /estimate/);
    assert.notEqual(claude.inputTokens, current.tokens.input);
    assert.ok(claude.inputTokens > countTokens(SUPPORT, 'claude-haiku-4-5').tokens);
  });

  it("'cheapest': top 3 are the cheapest that fit, current excluded", () => {
    const rows = rankAlternatives(p, current, ctx, { order: 'cheapest', limit: 3 });
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => !r.current && r.model.id !== 'gpt-4o'));
    const all = rankAlternatives(p, current, ctx, { order: 'cheapest' });
    assert.deepEqual(rows.map((r) => r.model.id), all.slice(0, 3).map((r) => r.model.id));
    assert.ok(rows[0].costPerMonth! <= rows[1].costPerMonth! && rows[1].costPerMonth! <= rows[2].costPerMonth!);
  });

  it('a prompt larger than a context window is flagged as not fitting', () => {
    const config = { ...require('../../server/src/engine/config/workspaceConfig').emptyWorkspaceConfig(), placeholders: { ticket: 150_000 } };
    const big = { ...ctx, workspaceConfig: config };
    const cur = pricePrompt(p, big);
    const rows = rankAlternatives(p, cur, big, { order: 'tiers' });
    assert.equal(rows[0].fitsContext, false); // gpt-4o: 128K
    assert.equal(rows.find((r) => r.model.id === 'gpt-4.1-mini')?.fitsContext, true); // 1M
    const cheapest = rankAlternatives(p, cur, big, { order: 'cheapest' });
    const firstMisfit = cheapest.findIndex((r) => r.fitsContext === false);
    assert.ok(firstMisfit === -1 || cheapest.slice(firstMisfit).every((r) => r.fitsContext === false), 'misfits last');
  });

  it('an unpriced current model: alternatives have costs but no savings', () => {
    const unknown = prompt([text(SUPPORT)], { model: { name: 'acme-9000', source: 'call-site' } });
    const cur = pricePrompt(unknown, ctx);
    const rows = rankAlternatives(unknown, cur, ctx, { order: 'tiers' });
    assert.equal(rows[0].current, true);
    assert.equal(rows[0].costPerMonth, undefined);
    assert.ok(rows.slice(1).every((r) => r.costPerMonth !== undefined && r.monthlySaving === undefined));
  });

  it('re-prices a later message of a request with the same share the analysis used (caller passes only the count)', () => {
    const user = prompt([text('Customer question: '), placeholder('question')], { role: 'user', id: 'app/chat.py#user' });
    const analysed = pricePrompt(user, { ...ctx, requestMessageCount: 2, requestIndex: 1 });
    const rows = rankAlternatives(user, analysed, { ...ctx, requestMessageCount: 2 }, { order: 'tiers' });
    const mini = rows.find((r) => r.model.id === 'gpt-4o-mini')!;
    assert.equal(mini.outputTokens, 0);
    assert.equal(mini.inputTokens, analysed.tokens.input);
  });
});

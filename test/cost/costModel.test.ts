import { strict as assert } from 'assert';
import { costFigures, costPerCall, costPerMonth, DAYS_PER_MONTH, pricesForCall } from '../../server/src/engine/cost/costModel';
import type { PriceInfo } from '../../server/src/engine/types';

const close = (actual: number | undefined, expected: number, what: string) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9 * Math.max(1, expected), `${what}: ${actual} ≠ ${expected}`);

const price = (input: number, output: number, extra: Partial<PriceInfo> = {}): PriceInfo => ({ inputPerMillion: input, outputPerMillion: output, source: 'test', date: '2026-09-23', ...extra });

describe('cost model', () => {
  it('uses a 30-day month', () => assert.equal(DAYS_PER_MONTH, 30));

  it('seed 001: 10,000 conversations a month of 500 in + 300 out at $0.03/$0.06 per 1K = $330/month', () => {
    // $0.03 per 1K = $30 per million; $0.06 per 1K = $60 per million. 10,000 a month = 10,000/30 a day.
    const gpt4 = price(30, 60);
    const perCall = costPerCall({ input: 500, output: 300 }, gpt4);
    close(perCall, 0.033, 'per call'); // (500 × 0.03 + 300 × 0.06) / 1000
    close(costPerMonth(perCall, 10_000 / DAYS_PER_MONTH), 330, 'per month');
  });

  it('research example: 1,200 in + 300 out on gpt-4o at $2.50/$10 per million = $0.006 per call', () => {
    close(costPerCall({ input: 1200, output: 300 }, price(2.5, 10)), 0.006, 'per call');
  });

  it('per day and per month follow from per call × calls per day (× 30)', () => {
    const f = costFigures({ input: 1000, output: 100 }, price(1, 2), 2000)!;
    close(f.costPerCall, 0.0012, 'per call'); // 1000 × 1e-6 + 100 × 2e-6
    close(f.costPerDay, 2.4, 'per day');
    close(f.costPerMonth, 72, 'per month');
  });

  it('an unknown price gives no figures, never $0', () => {
    assert.equal(costFigures({ input: 1000, output: 100 }, undefined, 1000), undefined);
  });

  it('cached tokens are a share of the input, priced at the cached rate, never counted twice', () => {
    // 2,000 input of which 1,000 read from cache: 1,000 × 2.5 + 1,000 × 1.25 + 0 output = 3,750 µ$.
    const p = price(2.5, 10, { cachedInputPerMillion: 1.25 });
    close(costPerCall({ input: 2000, cacheRead: 1000, output: 0 }, p), 0.00375, 'with cache');
    close(costPerCall({ input: 2000, output: 0 }, p), 0.005, 'without cache');
    // A cache read larger than the input is clamped to the input (cannot make the call cheaper than all-cached).
    close(costPerCall({ input: 2000, cacheRead: 5000, output: 0 }, p), 0.0025, 'clamped');
  });

  it('cache writes use the write price (Anthropic 1.25×) and reads the read price (0.1×)', () => {
    const sonnet = price(3, 15, { cachedInputPerMillion: 0.3, cacheWritePerMillion: 3.75 });
    // hit rate 0.5 on a 2,000-token prefix of a 2,500-token input: 1,000 read, 1,000 written, 500 plain.
    const c = costPerCall({ input: 2500, cacheRead: 1000, cacheWrite: 1000, output: 100 }, sonnet);
    close(c, (500 * 3 + 1000 * 0.3 + 1000 * 3.75 + 100 * 15) / 1e6, 'mixed');
  });

  it('without a published cached price a cache read costs full input (no invented discount)', () => {
    close(costPerCall({ input: 1000, cacheRead: 1000, output: 0 }, price(2, 8)), 0.002, 'no cached price');
  });

  it('batch multiplier scales the whole call', () => {
    close(costPerCall({ input: 1200, output: 300 }, price(2.5, 10), 0.5), 0.003, 'batch 50%');
  });

  it('long-context tier prices every token above the threshold', () => {
    const gemini = price(1.25, 10, { longContext: { aboveInputTokens: 200_000, inputPerMillion: 2.5, outputPerMillion: 15 } });
    assert.equal(pricesForCall(gemini, 200_000).input, 1.25);
    assert.equal(pricesForCall(gemini, 200_001).input, 2.5);
    close(costPerCall({ input: 250_000, output: 1000 }, gemini), (250_000 * 2.5 + 1000 * 15) / 1e6, 'tiered');
  });
});

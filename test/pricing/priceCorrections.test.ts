// The dated price corrections over the catalog (server/src/engine/pricing/priceCorrections.ts): each row carries its
// source and date, no row is older than the catalog's own row for the same model (so a catalog update retires it),
// and the corrected figures are the ones resolveModel and the cost model use.
import { strict as assert } from 'assert';
import { findProvider, type ModelInfo } from '@pydantic/genai-prices';
import { resolveModel } from '../../server/src/engine/pricing/catalog';
import { catalogRowDate, correctionIsCurrent, priceCorrections } from '../../server/src/engine/pricing/correctionLookup';
import { PRICE_DATA } from '../../server/src/engine/pricing/priceData';
import { costPerCall } from '../../server/src/engine/cost/costModel';
import type { PriceCorrection } from '../../server/src/engine/pricing/priceCorrections';

// 12:00 UTC falls in neither of DeepSeek's peak windows (01:00–04:00, 06:00–10:00 UTC); 08:00 falls in one.
const NOON = new Date('2026-12-07T12:00:00Z');
const PEAK = new Date('2026-12-07T08:00:00Z');

function catalogModel(provider: string, id: string): ModelInfo | undefined {
  return findProvider({ providerId: provider })?.models.find((m) => m.id === id);
}

/** The catalog model whose row a correction replaces: a price row's model, or what each alias name matches alone. */
function catalogRowsFor(row: PriceCorrection): (ModelInfo | undefined)[] {
  if (row.kind === 'price') return [catalogModel(row.provider, row.model)];
  const provider = findProvider({ providerId: row.provider });
  return row.names.map((name) => provider?.models.find((m) => m.id === name || JSON.stringify(m.match).includes(`"${name}"`)));
}

describe('price corrections: the dated overlay over the catalog', () => {
  it('every row names its source (a provider URL) and an ISO date, and says why', () => {
    assert.ok(priceCorrections().length >= 5);
    for (const row of priceCorrections()) {
      const label = row.kind === 'price' ? row.model : row.names.join(', ');
      assert.match(row.source, /^https:\/\/[a-z0-9.-]+\//, `${label}: source must be the provider's page`);
      assert.match(row.date, /^\d{4}-\d{2}-\d{2}$/, `${label}: date`);
      assert.ok(!Number.isNaN(Date.parse(row.date)), `${label}: date parses`);
      assert.ok(row.why.length > 10, `${label}: why`);
    }
  });

  it('no row is older than the catalog\'s own row for the same model (a catalog update retires rows until re-checked)', () => {
    for (const row of priceCorrections()) {
      for (const model of catalogRowsFor(row)) {
        const label = row.kind === 'price' ? row.model : row.names.join(', ');
        assert.ok(correctionIsCurrent(row, model), `${label} (${row.date}) is older than the catalog row ${model?.id ?? ''} (${catalogRowDate(model)}): check it again or delete it`);
      }
    }
  });

  it('a row older than the catalog row is ignored, and a start date inside the catalog counts as the row date', () => {
    const row = priceCorrections().find((r) => r.kind === 'price' && r.model === 'deepseek-v4-flash')!;
    const flash = catalogModel('deepseek', 'deepseek-v4-flash');
    assert.ok(flash);
    assert.equal(correctionIsCurrent({ ...row, date: '2026-01-01' }, flash), false);
    assert.equal(catalogRowDate(undefined), PRICE_DATA.date);
    const rescheduled = { ...flash, prices: [{ prices: { input_mtok: 1, output_mtok: 2 } }, { constraint: { type: 'start_date', start_date: '2027-02-01' }, prices: { input_mtok: 1, output_mtok: 2 } }] } as unknown as ModelInfo;
    assert.equal(catalogRowDate(rescheduled), '2027-02-01');
    assert.equal(correctionIsCurrent(row, rescheduled), false);
  });

  it('every alias target and every re-priced model exists in the catalog', () => {
    for (const row of priceCorrections()) {
      const id = row.kind === 'price' ? row.model : row.sameAs;
      assert.ok(catalogModel(row.provider, id), `${row.provider}/${id} is not in the catalog`);
    }
  });
});

describe('price corrections: the figures used', () => {
  it('DeepSeek V4 is priced at its standard rate, not the 2× peak rate, whatever the clock says', () => {
    for (const now of [NOON, PEAK]) {
      const flash = resolveModel('deepseek-v4-flash', 'call-site', undefined, { now });
      assert.deepEqual([flash.price?.inputPerMillion, flash.price?.cachedInputPerMillion, flash.price?.outputPerMillion], [0.22, 0.007, 0.66]);
      const pro = resolveModel('deepseek-v4-pro', 'call-site', undefined, { now });
      assert.deepEqual([pro.price?.inputPerMillion, pro.price?.cachedInputPerMillion, pro.price?.outputPerMillion], [0.66, 0.022, 1.98]);
      assert.equal(pro.price?.source, 'https://api-docs.deepseek.com/quick_start/pricing');
      assert.equal(pro.price?.date, '2026-12-07');
    }
  });

  it('deepseek-chat and deepseek-reasoner are priced as deepseek-v4-flash (not their January 2025 rows), with the retirement noted', () => {
    for (const name of ['deepseek-chat', 'deepseek-reasoner', 'deepseek/deepseek-chat']) {
      const m = resolveModel(name, 'call-site', undefined, { now: NOON });
      assert.equal(m.id, 'deepseek-v4-flash');
      assert.equal(m.requested, name);
      assert.equal(m.price?.inputPerMillion, 0.22);
      assert.equal(m.price?.outputPerMillion, 0.66);
      assert.match(m.resolvedVia ?? '', /retired on 2026-07-24/);
      assert.match(m.price?.source ?? '', /as deepseek-v4-flash/);
    }
  });

  it('mistral-large-latest is Mistral Large 3 (2512) at $0.5 / $1.5, mistral-small-latest is Small 4 at $0.15 / $0.6', () => {
    const large = resolveModel('mistral-large-latest', 'call-site', undefined, { now: NOON });
    assert.equal(large.id, 'mistral-large-2512');
    assert.deepEqual([large.price?.inputPerMillion, large.price?.outputPerMillion], [0.5, 1.5]);
    assert.match(large.price?.source ?? '', /genai-prices .*as mistral-large-2512; alias: https:\/\/docs\.mistral\.ai\//);
    assert.equal(resolveModel('mistral/mistral-large-latest', 'call-site', undefined, { now: NOON }).id, 'mistral-large-2512');
    const small = resolveModel('mistral-small-latest', 'call-site', undefined, { now: NOON });
    assert.equal(small.id, 'mistral-small-2603');
    assert.deepEqual([small.price?.inputPerMillion, small.price?.outputPerMillion], [0.15, 0.6]);
    // A dated id keeps its own catalog row.
    assert.equal(resolveModel('mistral-large-2411', 'call-site', undefined, { now: NOON }).price?.inputPerMillion, 2);
  });

  it('an alias row applies only to its own provider', () => {
    const m = resolveModel('openrouter/mistral-large-latest', 'call-site', undefined, { now: NOON });
    assert.notEqual(m.id, 'mistral-large-2512');
  });

  it('claude-sonnet-4 bills the whole request at $6 / $22.50 above 200K input tokens (1M context)', () => {
    const m = resolveModel('claude-sonnet-4-20250514', 'call-site', undefined, { now: NOON });
    assert.equal(m.id, 'claude-sonnet-4-0');
    assert.equal(m.contextWindow, 1_000_000);
    assert.ok(m.price);
    assert.deepEqual(m.price.longContext, { aboveInputTokens: 200_000, inputPerMillion: 6, outputPerMillion: 22.5, cachedInputPerMillion: 0.6, cacheWritePerMillion: 7.5 });
    // Hand computation: 250,000 in + 2,000 out = 250,000 × $6 + 2,000 × $22.50 per million = $1.545.
    assert.equal(Number(costPerCall({ input: 250_000, output: 2_000 }, m.price).toFixed(6)), 1.545);
    // Below the threshold: 199,999 × $3 + 2,000 × $15 per million = $0.629997.
    assert.equal(Number(costPerCall({ input: 199_999, output: 2_000 }, m.price).toFixed(6)), 0.629997);
    assert.match(m.price.source, /platform\.claude\.com/);
  });
});

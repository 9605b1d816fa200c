import { strict as assert } from 'assert';
import type { Alternative, CostBreakdown } from '../../server/src/engine/types';
import { buildModelSwitchView } from '../../server/src/engine/views/modelSwitchView';
import { modelRewriteEdit } from '../../server/src/engine/views/modelRewrite';
import { applySourceEditsForTest } from './applyEdits';
import { cost, GPT_4O, model, prompt } from './fixtures';

const MINI = model('gpt-4o-mini', 'openai', 0.15, 0.6, 128000);
const HAIKU = model('claude-3-5-haiku', 'anthropic', 0.8, 4, 200000);
const TINY = model('tiny-8k', 'acme', 0.05, 0.1, 8000);

/** The alternative as rankAlternatives returns it, from the same hand-checked cost formula. */
function alt(c: CostBreakdown, extra: Partial<Alternative> = {}): Alternative {
  return {
    model: c.model,
    current: false,
    inputTokens: c.tokens.input,
    outputTokens: c.tokens.output,
    exact: c.tokens.exact,
    encoding: c.tokens.encoding,
    costPerCall: c.costPerCall,
    costPerMonth: c.costPerMonth,
    ...extra,
  };
}

const SOURCE = 'reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "Be brief."}])';

describe('sidebar view model: model switch', () => {
  // Current: gpt-4o, 1,200 in / 250 out, 1,000 calls/day → $0.0055/call, $165/month.
  // gpt-4o-mini: 1,200 × 0.15 + 250 × 0.60 = 180 + 150 = 330 µ$ = $0.00033/call → $9.90/month; saving $155.10 = 94%.
  // claude-3-5-haiku (estimated 1,310 tokens): 1,310 × 0.80 + 250 × 4 = 1,048 + 1,000 → $0.002048/call → $61.44/month; saving $103.56 = 62.8%.
  const current = cost(GPT_4O, 1200, 250, 1000);
  const p = prompt('app.py#system', 'Be brief.', SOURCE.indexOf('"Be'), {
    model: { name: 'gpt-4o', source: 'call-site', span: { start: SOURCE.indexOf('"gpt-4o"'), end: SOURCE.indexOf('"gpt-4o"') + 8 }, literal: true },
  });

  it('marks the current model, lists it first and computes savings by hand when the ranking leaves them out', () => {
    const alternatives = [alt(cost(MINI, 1200, 250, 1000)), alt(cost(HAIKU, 1310, 250, 1000, false)), alt({ ...cost(GPT_4O, 1200, 250, 1000) }, { current: true })];
    const view = buildModelSwitchView(p, current, alternatives);
    assert.deepEqual(view.rows.map((r) => [r.modelId, r.group]), [
      ['gpt-4o', 'current'],
      ['gpt-4o-mini', 'same-provider'],
      ['claude-3-5-haiku', 'other-provider'],
    ]);
    const [cur, mini, haiku] = view.rows;
    assert.equal(cur.current, true);
    assert.equal(cur.text.saving, 'current');
    assert.ok(Math.abs((mini.monthlySaving ?? 0) - 155.1) < 1e-9);
    assert.equal(mini.text.costPerMonth, '$9.90');
    assert.equal(mini.text.saving, '$155');
    assert.equal(mini.text.savingPercent, '94%');
    assert.ok(Math.abs((haiku.savingPercent ?? 0) - 62.763636) < 1e-5);
    assert.equal(haiku.text.savingPercent, '63%');
    assert.equal(haiku.text.count, 'estimated');
    assert.equal(haiku.text.tokens, '≈1,310');
    assert.equal(mini.text.count, 'exact');
    assert.deepEqual(view.rewrite, { possible: true });
    assert.equal(view.priceSource, '@pydantic/genai-prices 0.1.8, 2026-10-01');
  });

  it('adds the current model when the ranking omits it, and uses the ranking\'s own savings when given', () => {
    const view = buildModelSwitchView(p, current, [alt(cost(MINI, 1200, 250, 1000), { monthlySaving: 150, savingPercent: 90 })]);
    assert.equal(view.rows[0].modelId, 'gpt-4o');
    assert.equal(view.rows[0].current, true);
    assert.equal(view.rows[1].text.saving, '$150');
    assert.equal(view.rows[1].text.savingPercent, '90%');
  });

  it('says when a dearer model costs more, and when a prompt does not fit a context window', () => {
    const opus = model('claude-opus-4-1', 'anthropic', 15, 75, 200000);
    // 1,200 × 15 + 250 × 75 = 18,000 + 18,750 µ$ = $0.03675/call → $1,102.50/month; saving 165 − 1,102.5 = −$937.50.
    const view = buildModelSwitchView(p, current, [alt(cost(opus, 1200, 250, 1000), { fitsContext: true }), alt(cost(TINY, 9000, 250, 1000), { fitsContext: false })]);
    const dear = view.rows.find((r) => r.modelId === 'claude-opus-4-1')!;
    assert.equal(dear.text.saving, 'costs $938 more');
    assert.equal(dear.text.savingPercent, '-568%');
    assert.equal(dear.text.fits, 'yes');
    assert.equal(view.rows.find((r) => r.modelId === 'tiny-8k')!.text.fits, 'no (window 8,000)');
    assert.equal(view.rows[0].text.fits, 'unknown');
  });

  it('explains where the model is set when it cannot be rewritten at the call site', () => {
    const fromSettings = prompt('app.py#x', 'Hi', 0, { model: { name: 'gpt-4o', source: 'settings' } });
    const view = buildModelSwitchView(fromSettings, current, []);
    assert.equal(view.rewrite.possible, false);
    assert.match(view.rewrite.reason ?? '', /promptCost\.defaultModel/);
  });
});

describe('sidebar: "Use this model" source edit', () => {
  const ref = (name: string, text: string, literal = true) => ({ name, source: 'call-site' as const, span: { start: text.indexOf(`"${name}"`), end: text.indexOf(`"${name}"`) + name.length + 2 }, literal });

  it('rewrites only the characters inside the quotes', () => {
    const r = modelRewriteEdit(SOURCE, ref('gpt-4o', SOURCE), { id: 'gpt-4o-mini', provider: 'openai' }, 'openai');
    assert.ok('edit' in r);
    assert.equal(applySourceEditsForTest(SOURCE, [r.edit]), SOURCE.replace('model="gpt-4o"', 'model="gpt-4o-mini"'));
  });

  it('works when the span excludes the quotes', () => {
    const span = { start: SOURCE.indexOf('gpt-4o'), end: SOURCE.indexOf('gpt-4o') + 6 };
    const r = modelRewriteEdit(SOURCE, { name: 'gpt-4o', source: 'call-site', span, literal: true }, { id: 'gpt-4.1-nano', provider: 'openai' });
    assert.ok('edit' in r);
    assert.equal(applySourceEditsForTest(SOURCE, [r.edit]), SOURCE.replace('"gpt-4o"', '"gpt-4.1-nano"'));
  });

  it('keeps a provider prefix as written (LiteLLM style)', () => {
    const text = "completion(model='openai/gpt-4o', messages=m)".replace(/'/g, '"');
    const same = modelRewriteEdit(text, ref('openai/gpt-4o', text), { id: 'gpt-4o-mini', provider: 'openai' }, 'openai');
    assert.ok('edit' in same && same.edit.newText === 'openai/gpt-4o-mini');
    const other = modelRewriteEdit(text, ref('openai/gpt-4o', text), { id: 'claude-3-5-haiku', provider: 'anthropic' }, 'openai');
    assert.ok('edit' in other && other.edit.newText === 'anthropic/claude-3-5-haiku');
  });

  it('refuses when the document changed since the analysis or the model is not a literal', () => {
    const stale = modelRewriteEdit(SOURCE.replace('gpt-4o', 'gpt-4x'), ref('gpt-4o', SOURCE), { id: 'gpt-4o-mini', provider: 'openai' });
    assert.ok('error' in stale && /changed/.test(stale.error));
    const notLiteral = modelRewriteEdit(SOURCE, { ...ref('gpt-4o', SOURCE), literal: false }, { id: 'gpt-4o-mini', provider: 'openai' });
    assert.ok('error' in notLiteral);
  });
});

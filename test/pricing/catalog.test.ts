import { strict as assert } from 'assert';
import { catalogModels, isPriceStale, resolveModel } from '../../server/src/engine/pricing/catalog';
import { emptyWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';

const NOW = new Date('2026-11-23T00:00:00Z');

describe('price catalog: resolveModel', () => {
  it('prices gpt-4o at $2.50 / $10 per million with cached input $1.25, dated', () => {
    const m = resolveModel('gpt-4o', 'call-site', undefined, { now: NOW });
    assert.equal(m.id, 'gpt-4o');
    assert.equal(m.provider, 'openai');
    assert.equal(m.price?.inputPerMillion, 2.5);
    assert.equal(m.price?.outputPerMillion, 10);
    assert.equal(m.price?.cachedInputPerMillion, 1.25);
    assert.equal(m.price?.date, '2026-09-23');
    assert.equal(m.contextWindow, 128000);
  });

  const cases: [string, string, string][] = [
    ['gpt-4o-2024-08-06', 'gpt-4o', 'openai'],
    ['openai/gpt-4o', 'gpt-4o', 'openai'],
    ['anthropic:claude-sonnet-4-20250514', 'claude-sonnet-4-0', 'anthropic'],
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest', 'anthropic'],
    ['vertex_ai/gemini-2.5-flash', 'gemini-2.5-flash', 'google'],
    ['GPT-4o-mini', 'gpt-4o-mini', 'openai'],
    ['meta-llama/llama-3.3-70b-instruct', 'meta-llama/llama-3.3-70b-instruct', 'openrouter'],
    // Ids whose shape names the provider (seen unpriced in vercel/ai's examples: 120 Bedrock, 17 Perplexity prompts).
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 'aws'],
    ['global.anthropic.claude-sonnet-4-6', 'global.anthropic.claude-sonnet-4-6-v1:0', 'aws'],
    ['us.amazon.nova-pro-v1:0', 'amazon.nova-pro-v1:0', 'aws'],
    ['sonar-pro', 'sonar-pro', 'perplexity'],
    ['llama-3.3-70b-versatile', 'llama-3.3-70b-versatile', 'groq'],
  ];
  for (const [written, id, provider] of cases) {
    it(`resolves ${written} → ${provider}/${id}`, () => {
      const m = resolveModel(written, 'call-site', undefined, { now: NOW });
      assert.equal(m.id, id);
      assert.equal(m.provider, provider);
      assert.equal(m.requested, written);
      assert.ok(m.price && m.price.inputPerMillion > 0);
    });
  }

  it('an unknown model has no price (never $0)', () => {
    const m = resolveModel('acme-super-9', 'annotation', undefined, { now: NOW });
    assert.equal(m.price, undefined);
    assert.equal(m.id, 'acme-super-9');
    assert.equal(m.source, 'annotation');
  });

  it('maps Azure deployment names through config aliases, then settings aliases', () => {
    const config = { ...emptyWorkspaceConfig(), aliases: { 'prod-chat': 'gpt-4o-mini' } };
    const m = resolveModel('prod-chat', 'call-site', config, { now: NOW, settings: { modelAliases: { 'prod-chat': 'gpt-4o' } } });
    assert.equal(m.id, 'gpt-4o-mini');
    assert.match(m.resolvedVia ?? '', /prod-chat \(alias in \.promptcost\.json\)/);
    const viaSettings = resolveModel('prod-chat', 'call-site', undefined, { now: NOW, settings: { modelAliases: { 'prod-chat': 'azure/gpt-4o' } } });
    assert.equal(viaSettings.id, 'gpt-4o');
  });

  it('alias loops end without hanging', () => {
    const config = { ...emptyWorkspaceConfig(), aliases: { a: 'b', b: 'a' } };
    const m = resolveModel('a', 'call-site', config, { now: NOW });
    assert.equal(m.price, undefined);
  });

  it('adds a model the catalog lacks from .promptcost.json models, with its aliases and tokenizer', () => {
    const config = { ...emptyWorkspaceConfig(), models: { 'acme-large': { inputPerMillion: 4, outputPerMillion: 12, contextWindow: 32000, aliases: ['acme-prod'], tokenizer: 'gpt-4o' } } };
    const m = resolveModel('acme-prod', 'call-site', config, { now: NOW });
    assert.equal(m.id, 'acme-large');
    assert.equal(m.price?.inputPerMillion, 4);
    assert.equal(m.price?.source, '.promptcost.json');
    assert.equal(m.contextWindow, 32000);
    assert.equal(m.tokenizerModel, 'gpt-4o');
  });

  it('overrides part of a catalog price; the config wins over settings', () => {
    const config = { ...emptyWorkspaceConfig(), models: { 'gpt-4o': { inputPerMillion: 2 } } };
    const m = resolveModel('gpt-4o-2024-08-06', 'call-site', config, { now: NOW, settings: { models: { 'gpt-4o': { inputPerMillion: 1.5 } } } });
    assert.equal(m.price?.inputPerMillion, 2);
    assert.equal(m.price?.outputPerMillion, 10); // kept from the catalog
    const s = resolveModel('gpt-4o', 'call-site', undefined, { now: NOW, settings: { models: { 'gpt-4o': { inputPerMillion: 1.5, date: '2026-01-01' } } } });
    assert.equal(s.price?.inputPerMillion, 1.5);
    assert.equal(s.price?.source, 'settings (promptCost.models)');
  });

  it('a user entry without input and output prices for an unknown model stays unpriced', () => {
    const config = { ...emptyWorkspaceConfig(), models: { 'acme-x': { contextWindow: 8000 } } };
    assert.equal(resolveModel('acme-x', 'call-site', config, { now: NOW }).price, undefined);
  });

  it('reads long-context tiers', () => {
    const m = resolveModel('gemini-2.5-pro', 'call-site', undefined, { now: NOW });
    assert.deepEqual(m.price?.longContext, { aboveInputTokens: 200000, inputPerMillion: 2.5, outputPerMillion: 15, cachedInputPerMillion: 0.25 });
  });
});

describe('price catalog: staleness and listing', () => {
  it('flags prices older than the configured age (default 120 days from the data date)', () => {
    const price = resolveModel('gpt-4o', 'call-site', undefined, { now: NOW }).price!;
    assert.equal(isPriceStale(price, 120, new Date('2027-01-21T00:00:00Z')), false); // day 120
    assert.equal(isPriceStale(price, 120, new Date('2027-01-22T00:00:00Z')), true); // day 121
    assert.equal(isPriceStale(price, 30, NOW), true); // 61 days old
    assert.equal(isPriceStale({ ...price, date: '' }, 1, NOW), false); // undated user price
  });

  it('lists every priced chat/text model of all 43 providers', () => {
    const all = catalogModels(NOW);
    assert.ok(all.length > 1400 && all.length <= 1694, `${all.length}`);
    assert.equal(new Set(all.map((m) => m.provider)).size >= 40, true);
    assert.ok(all.every((m) => m.price && Number.isFinite(m.price.inputPerMillion)));
  });
});

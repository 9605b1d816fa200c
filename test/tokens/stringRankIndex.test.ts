// The compact string → rank index that replaces gpt-tokenizer's Map must answer exactly like that Map: every string
// entry of both tables, strings that are not entries (prefixes, suffixes, non-ASCII), and a repeated string.
import * as assert from 'assert';
import type { RankTable } from '../../server/src/engine/tokens/rankTables';
import { StringRankIndex } from '../../server/src/engine/tokens/stringRankIndex';

describe('string rank index', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`${name}: same rank as a Map for every entry and for strings that are not entries`, () => {
      const table: RankTable = require(`gpt-tokenizer/cjs/bpeRanks/${name}`).default;
      const reference = new Map<string, number>();
      table.forEach((value, rank) => typeof value === 'string' && reference.set(value, rank));
      const index = new StringRankIndex(table);
      let wrong = 0;
      let misses = 0;
      for (const [text, rank] of reference) {
        if (index.get(text) !== rank) wrong++;
        for (const probe of [`${text}§`, `q${text}`, `${text}${text}`]) {
          if (index.get(probe) !== reference.get(probe)) wrong++;
          if (reference.get(probe) === undefined) misses++;
        }
      }
      assert.strictEqual(wrong, 0);
      assert.ok(misses > reference.size, 'most probes are not entries, so misses are exercised');
      assert.strictEqual(index.get(''), undefined);
    });
  }

  it('keeps the last rank of a repeated string (as Map.set does) and skips byte-sequence entries', () => {
    const index = new StringRankIndex(['a', 'b', [0xef, 0xbb], 'a', 'ab']);
    assert.strictEqual(index.get('a'), 3);
    assert.strictEqual(index.get('b'), 1);
    assert.strictEqual(index.get('ab'), 4);
    assert.strictEqual(index.get('ba'), undefined);
  });
});

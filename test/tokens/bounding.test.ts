// Over-long pieces (a long run without spaces) are approximated, marked inexact, and stay close to the reference.
import * as assert from 'assert';
import { get_encoding } from 'tiktoken';
import { countTokens } from '../../server/src/engine/tokens';
import { countOrdinary, LONG_PIECE_CHUNK, MAX_EXACT_PIECE } from '../../server/src/engine/tokens/encodings';

describe('bounded counting of over-long runs', () => {
  const reference = get_encoding('o200k_base');
  after(() => reference.free());

  const runs: [string, string][] = [
    // 4-5 chunks each; longer runs make the reference itself slow (it is quadratic on one piece too).
    ['letters', 'x'.repeat(9000)],
    ['CJK', '中文'.repeat(4500)],
    ['spaces', ' '.repeat(9000) + 'end'],
    ['equals signs', '='.repeat(9000)],
    ['emoji', '😀'.repeat(4500)],
  ];
  for (const [name, text] of runs) {
    it(`a 9,000-character run of ${name} is an estimate within 2 tokens per chunk of the reference`, () => {
      const ours = countOrdinary('o200k_base', text);
      const expected = reference.encode_ordinary(text).length;
      const chunks = Math.ceil(text.length / LONG_PIECE_CHUNK);
      assert.strictEqual(ours.exact, false);
      assert.ok(Math.abs(ours.tokens - expected) <= 2 * chunks, `ours ${ours.tokens}, reference ${expected}, ${chunks} chunks`);
    });
  }

  it('keeps the rest of the text exact and marks the whole count inexact', () => {
    const prose = 'Summarize the attached file for the on-call engineer.\n';
    const blob = 'A'.repeat(MAX_EXACT_PIECE + 500);
    const count = countTokens(prose + blob + '\n' + prose, 'gpt-4o');
    assert.strictEqual(count.exact, false);
    assert.strictEqual(count.encoding, 'o200k_base');
    const expected = reference.encode_ordinary(prose + blob + '\n' + prose).length;
    assert.ok(Math.abs(count.tokens - expected) <= 3, `ours ${count.tokens}, reference ${expected}`);
  });

  it('stays exact right up to the bound', () => {
    const text = 'q'.repeat(MAX_EXACT_PIECE);
    const count = countOrdinary('o200k_base', text);
    assert.strictEqual(count.exact, true);
    assert.strictEqual(count.tokens, reference.encode_ordinary(text).length);
  });

  it('counts a 100,000-character run without spaces and does not split surrogate pairs', () => {
    const count = countTokens('🙂'.repeat(50000), 'gpt-4o');
    assert.strictEqual(count.exact, false);
    assert.ok(count.tokens >= 50000 * 0.9 && count.tokens <= 50000 * 1.1, String(count.tokens));
  });
});

// Counts marked exact must equal OpenAI's reference (`tiktoken`, a WASM build of OpenAI's Rust core) token for token.
import * as assert from 'assert';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { countOrdinary, OPENAI_ENCODINGS, type EncodingName } from '../../server/src/engine/tokens/encodings';
import { countTokens } from '../../server/src/engine/tokens';
import { exactnessCorpus, FIXTURES } from './corpus';

const references = new Map<EncodingName, Tiktoken>();
function reference(name: EncodingName): Tiktoken {
  let r = references.get(name);
  if (!r) references.set(name, (r = get_encoding(name as 'o200k_base' | 'cl100k_base')));
  return r;
}

function show(text: string): string {
  const escaped = JSON.stringify(text);
  return escaped.length > 120 ? `${escaped.slice(0, 120)}…(${text.length} chars)` : escaped;
}

describe('token counts equal the reference tokenizer', () => {
  after(() => references.forEach((r) => r.free()));

  const corpus = exactnessCorpus();

  it('uses a corpus of at least 1,000 distinct strings', () => {
    assert.ok(new Set(corpus).size >= 1000, `only ${new Set(corpus).size} distinct strings`);
  });

  for (const name of OPENAI_ENCODINGS) {
    it(`${name}: zero mismatches on the whole corpus`, () => {
      const mismatches: string[] = [];
      for (const text of corpus) {
        const ours = countOrdinary(name, text);
        const expected = reference(name).encode_ordinary(text).length;
        assert.strictEqual(ours.exact, true, `marked inexact: ${show(text)}`);
        if (ours.tokens !== expected) mismatches.push(`${show(text)}: ours ${ours.tokens}, reference ${expected}`);
      }
      assert.deepStrictEqual(mismatches, []);
    });

    it(`${name}: the piece-by-piece path (used beside over-long runs) is exact too`, () => {
      // A tiny bound sends every string with a 9+ character run down the slow path; counts stay exact
      // whenever no single piece exceeds the bound.
      let checked = 0;
      for (const text of corpus) {
        const ours = countOrdinary(name, text, 8);
        if (!ours.exact) continue;
        checked++;
        assert.strictEqual(ours.tokens, reference(name).encode_ordinary(text).length, show(text));
      }
      assert.ok(checked > 500, `only ${checked} strings took the exact piece-by-piece path`);
    });
  }

  it('counts special-token text as ordinary text, never throwing', () => {
    const text = 'Stop at <|endoftext|> then <|endofprompt|>';
    const count = countTokens(text, 'gpt-4o');
    assert.strictEqual(count.tokens, reference('o200k_base').encode_ordinary(text).length);
    assert.ok(count.tokens > 2, 'each special token text is several ordinary tokens, not one');
  });

  it('counts U+FEFF as the reference does (one token, not two)', () => {
    assert.strictEqual(countTokens('\uFEFF', 'gpt-4o').tokens, reference('o200k_base').encode_ordinary('\uFEFF').length);
    assert.strictEqual(countTokens('a \uFEFFb', 'gpt-4').tokens, reference('cl100k_base').encode_ordinary('a \uFEFFb').length);
  });

  it('gives known counts for a few fixed strings', () => {
    // Hand-checked against tiktoken once; these guard the registry wiring as well as the counting.
    assert.strictEqual(countTokens('Hello, world!', 'gpt-4o').tokens, 4);
    assert.strictEqual(countTokens('Hello, world!', 'gpt-3.5-turbo').tokens, 4);
    assert.strictEqual(countTokens(FIXTURES[0], 'gpt-4o').tokens, 0);
  });
});

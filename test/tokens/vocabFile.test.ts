// The committed vocabulary files (vocabs/*.bpe.gz): read into the table shape the core expects, damaged files refused.
import * as assert from 'assert';
import { gzipSync } from 'zlib';
import { rankTableFromVocabFile } from '../../server/src/engine/tokens/vocabFile';

/** The format scripts/extract-vocabs.js writes: per rank, LEB128 byte length, then the bytes; all gzipped. */
function vocabFile(tokens: number[][]): Uint8Array {
  const bytes: number[] = [];
  for (const t of tokens) {
    let n = t.length;
    while (n >= 0x80) { bytes.push((n & 0x7f) | 0x80); n >>>= 7; }
    bytes.push(n, ...t);
  }
  return gzipSync(Buffer.from(bytes));
}
const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

describe('vocabulary files', () => {
  it('reads strings where the bytes are UTF-8, bytes where they are not or where they begin with a BOM', () => {
    const long = 'x'.repeat(200); // a two-byte length
    const table = rankTableFromVocabFile(vocabFile([utf8('a'), [0xe4, 0xb8], utf8(' the'), utf8('\ufeffusing'), utf8('提示'), utf8(long)]));
    assert.deepStrictEqual(table, ['a', [0xe4, 0xb8], ' the', utf8('\ufeffusing'), '提示', long]);
  });

  it('refuses a file that is not gzipped, or whose lengths run past its end, naming the file', () => {
    assert.throws(() => rankTableFromVocabFile(Buffer.from('not a vocabulary'), 'qwen2.bpe.gz'), /qwen2\.bpe\.gz is not a gzipped vocabulary/);
    assert.throws(() => rankTableFromVocabFile(gzipSync(Buffer.from([5, 0x61, 0x62])), 'x.bpe.gz'), /x\.bpe\.gz is damaged \(token 0\)/);
    assert.throws(() => rankTableFromVocabFile(gzipSync(Buffer.from([1, 0x61, 0x80])), 'x.bpe.gz'), /damaged \(bad length/);
    assert.throws(() => rankTableFromVocabFile(gzipSync(Buffer.from([0])), 'x.bpe.gz'), /damaged/);
  });
});

// The committed vocabularies of the open-weight tokenizers we count exactly (vocabs/<name>.bpe.gz, written once by
// scripts/extract-vocabs.js from the vendors' published files, see vocabs/README.md). esbuild.js turns each into a
// packed table (dist/tokenizer/<name>.ranks, packedRankTable.ts) for the bundle; running from source (tests) the
// file is read here directly.
// Format: gzip of, rank by rank (rank = merge priority, lowest first), the token's byte length as an unsigned LEB128
// varint followed by its bytes.
import { gunzipSync } from 'zlib';
import type { RankTable } from './rankTables';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Longest token any of our vocabularies has is a few hundred bytes; more means a damaged file. */
const MAX_TOKEN_BYTES = 1024;

/**
 * The rank table in the shape the core expects: a token's string where its bytes are valid UTF-8, else the bytes.
 * Tokens that begin with a byte-order mark stay bytes too, as in gpt-tokenizer's own tables: the core's lookup drops a
 * leading BOM when it turns bytes into a string (encodings.ts, withByteOrderMarkFix, finds them among the bytes).
 */
export function rankTableFromVocabFile(gzipped: Uint8Array, source = 'vocabulary file'): RankTable {
  let data: Buffer;
  try {
    data = gunzipSync(gzipped);
  } catch {
    throw new Error(`Prompt Cost Lens: ${source} is not a gzipped vocabulary`);
  }
  const table: (string | readonly number[])[] = [];
  let at = 0;
  while (at < data.length) {
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      if (at >= data.length || shift > 21) throw new Error(`Prompt Cost Lens: ${source} is damaged (bad length at byte ${at})`);
      const byte = data[at++];
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    if (length === 0 || length > MAX_TOKEN_BYTES || at + length > data.length) throw new Error(`Prompt Cost Lens: ${source} is damaged (token ${table.length})`);
    const bytes = data.subarray(at, at + length);
    at += length;
    const startsWithBom = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    let text: string | undefined;
    if (!startsWithBom) {
      try {
        text = strictDecoder.decode(bytes);
      } catch {
        text = undefined;
      }
    }
    table.push(text ?? [...bytes]);
  }
  return table;
}

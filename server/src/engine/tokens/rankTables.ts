// The byte-pair rank tables of OpenAI's encodings: where they are read from and how the lookup core is built from them.
// In the bundle each table is a packed binary asset (dist/tokenizer/<name>.ranks, written by esbuild.js from
// gpt-tokenizer's rank module or our committed vocabulary, see packedRankTable.ts); running from source (tests) the
// gpt-tokenizer module or the vocabulary file (vocabs/<name>.bpe.gz) is read.
import * as fs from 'fs';
import * as path from 'path';
import type { BytePairEncodingCore } from 'gpt-tokenizer/cjs/BytePairEncodingCore';
import { resolveAsset } from '../assets';
import { PackedRankTable } from './packedRankTable';
import { StringRankIndex, type StringRanks } from './stringRankIndex';
import { rankTableFromVocabFile } from './vocabFile';

/** Index = rank; a string where the token's bytes are valid UTF-8, else the bytes themselves. */
export type RankTable = readonly (string | readonly number[])[];

/**
 * Reads the table of `name`: the packed asset (one file read, no parsing) in the bundle, gpt-tokenizer's module from
 * source. (Before the packed form: JSON, which V8 parses about twice as fast as the same array literal as a script.)
 */
export function loadRankTable(name: string): RankTable | PackedRankTable {
  let file: string;
  try {
    file = resolveAsset(`tokenizer/${name}.ranks`);
  } catch (missing) {
    // Not beside the code: running from source (tests), where only gpt-tokenizer's module and our vocabularies exist.
    const vocabulary = path.join(__dirname, 'vocabs', `${name}.bpe.gz`);
    if (fs.existsSync(vocabulary)) return rankTableFromVocabFile(fs.readFileSync(vocabulary), vocabulary);
    // A computed path, so the bundler leaves this require to run time.
    const module = `gpt-tokenizer/cjs/bpeRanks/${name}`;
    try {
      return require(module).default;
    } catch {
      throw missing;
    }
  }
  return new PackedRankTable(fs.readFileSync(file), file);
}

/**
 * Builds gpt-tokenizer's core for `table`. The core's own constructor walks the table with `Object.keys` (200,000
 * index strings) and `forEach`; here it is given only the byte-sequence entries (~1,600, in a sparse array) and the
 * string → rank lookup is built by one plain loop, then set on the instance: same fields, same answers, ~40 % less
 * time. The lookup is a compact index (stringRankIndex.ts) instead of the core's Map: the core only ever calls its
 * `get`, and the Map was the largest single object in the server's heap (7 MB for o200k).
 */
export function buildCore(
  table: RankTable | PackedRankTable,
  specialTokensEncoder: Map<string, number>,
  tokenSplitRegex: RegExp,
): BytePairEncodingCore {
  const { BytePairEncodingCore: Core } = require('gpt-tokenizer/cjs/BytePairEncodingCore') as typeof import('gpt-tokenizer/cjs/BytePairEncodingCore');
  const byteEntries: (readonly number[])[] = [];
  if (table instanceof PackedRankTable) {
    for (const [rank, bytes] of table.byteEntries) byteEntries[rank] = bytes;
  } else {
    for (let rank = 0; rank < table.length; rank++) {
      const value = table[rank];
      if (typeof value !== 'string') byteEntries[rank] = value;
    }
  }
  const core = new Core({ bytePairRankDecoder: byteEntries as number[][], specialTokensEncoder, tokenSplitRegex });
  const internals = core as unknown as CoreTableFields;
  // The packed table is its own string index; its entries are made on demand for the (rarely used) decoder.
  internals.bytePairRankDecoder = table instanceof PackedRankTable ? table.asTable() : table;
  internals.bytePairStringRankEncoder = table instanceof PackedRankTable ? table : new StringRankIndex(table);
  internals.mergeableBytePairRankCount = table instanceof PackedRankTable ? table.count : table.length;
  return core;
}

/** The fields of gpt-tokenizer 4.0.0's core (pinned) that its constructor derives from the table. */
interface CoreTableFields {
  bytePairRankDecoder: RankTable;
  bytePairStringRankEncoder: StringRanks;
  mergeableBytePairRankCount: number;
}

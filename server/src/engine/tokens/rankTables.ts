// The byte-pair rank tables of OpenAI's encodings: where they are read from and how the lookup core is built from them.
// In the bundle each table is a JSON asset (dist/tokenizer/<name>.json, written by esbuild.js from gpt-tokenizer's
// rank module); running from source (tests) the gpt-tokenizer module itself is read.
import * as fs from 'fs';
import type { BytePairEncodingCore } from 'gpt-tokenizer/cjs/BytePairEncodingCore';
import { resolveAsset } from '../assets';
import { StringRankIndex, type StringRanks } from './stringRankIndex';

/** Index = rank; a string where the token's bytes are valid UTF-8, else the bytes themselves. */
export type RankTable = readonly (string | readonly number[])[];

/**
 * Reads the table of `name`. JSON rather than gpt-tokenizer's JS module because V8 parses a 2 MB JSON array about
 * twice as fast as the same array literal compiled as a script (measured with o200k: ~85 vs ~130 ms with the core).
 */
export function loadRankTable(name: string): RankTable {
  let file: string;
  try {
    file = resolveAsset(`tokenizer/${name}.json`);
  } catch (missing) {
    // Not beside the code: running from source (tests), where only gpt-tokenizer's module exists.
    // A computed path, so the bundler leaves this require to run time.
    const module = `gpt-tokenizer/cjs/bpeRanks/${name}`;
    try {
      return require(module).default;
    } catch {
      throw missing;
    }
  }
  return rankTableFromJson(fs.readFileSync(file, 'utf8'), file);
}

/** Parses a rank table written as `JSON.stringify(ranks)`; a clear error for anything else. */
export function rankTableFromJson(json: string, source = 'rank table'): RankTable {
  const table: unknown = JSON.parse(json);
  if (!Array.isArray(table) || table.length === 0 || typeof table[0] !== 'string') {
    throw new Error(`Prompt Cost Lens: ${source} is not a token rank table`);
  }
  return table as RankTable;
}

/**
 * Builds gpt-tokenizer's core for `table`. The core's own constructor walks the table with `Object.keys` (200,000
 * index strings) and `forEach`; here it is given only the byte-sequence entries (~1,600, in a sparse array) and the
 * string → rank lookup is built by one plain loop, then set on the instance: same fields, same answers, ~40 % less
 * time. The lookup is a compact index (stringRankIndex.ts) instead of the core's Map: the core only ever calls its
 * `get`, and the Map was the largest single object in the server's heap (7 MB for o200k).
 */
export function buildCore(
  table: RankTable,
  specialTokensEncoder: Map<string, number>,
  tokenSplitRegex: RegExp,
): BytePairEncodingCore {
  const { BytePairEncodingCore: Core } = require('gpt-tokenizer/cjs/BytePairEncodingCore') as typeof import('gpt-tokenizer/cjs/BytePairEncodingCore');
  const byteEntries: (readonly number[])[] = [];
  for (let rank = 0; rank < table.length; rank++) {
    const value = table[rank];
    if (typeof value !== 'string') byteEntries[rank] = value;
  }
  const core = new Core({ bytePairRankDecoder: byteEntries as number[][], specialTokensEncoder, tokenSplitRegex });
  const internals = core as unknown as CoreTableFields;
  internals.bytePairRankDecoder = table;
  internals.bytePairStringRankEncoder = new StringRankIndex(table);
  internals.mergeableBytePairRankCount = table.length;
  return core;
}

/** The fields of gpt-tokenizer 4.0.0's core (pinned) that its constructor derives from the table. */
interface CoreTableFields {
  bytePairRankDecoder: RankTable;
  bytePairStringRankEncoder: StringRanks;
  mergeableBytePairRankCount: number;
}

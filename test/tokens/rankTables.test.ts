// The bundle reads each rank table from a JSON asset (dist/tokenizer/<name>.json, written by esbuild.js) and builds
// the lookup core itself: the table must be gpt-tokenizer's exactly, and counts from that core must equal tiktoken's.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { get_encoding } from 'tiktoken';
import { buildCore, rankTableFromJson, type RankTable } from '../../server/src/engine/tokens/rankTables';
import { SPLIT_PATTERNS } from '../../server/src/engine/tokens/splitPatterns';
import { exactnessCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '../..');

/** The asset as the build writes it (esbuild.js writeAsset), read from dist/ when built, else written the same way. */
function assetJson(name: string): string {
  const built = path.join(ROOT, 'dist', 'tokenizer', `${name}.json`);
  if (fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  return JSON.stringify(require(`gpt-tokenizer/cjs/bpeRanks/${name}`).default);
}

describe('rank tables read from the JSON asset', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`${name}: the JSON asset holds gpt-tokenizer's table entry for entry`, () => {
      const original: RankTable = require(`gpt-tokenizer/cjs/bpeRanks/${name}`).default;
      const table = rankTableFromJson(assetJson(name));
      assert.strictEqual(table.length, original.length);
      let differing = 0;
      for (let rank = 0; rank < original.length; rank++) {
        const a = original[rank];
        const b = table[rank];
        if (typeof a === 'string' ? a !== b : typeof b === 'string' || a.join() !== b.join()) differing++;
      }
      assert.strictEqual(differing, 0);
      assert.ok(table.some((v) => typeof v !== 'string'), 'byte-sequence entries are kept');
    });

    it(`${name}: a core built from it counts like tiktoken`, () => {
      const core = buildCore(rankTableFromJson(assetJson(name)), new Map(), new RegExp(SPLIT_PATTERNS[name], 'gu'));
      const reference = get_encoding(name);
      try {
        const mismatches = exactnessCorpus()
          .filter((text) => !text.includes('\ufeff') && text.length < 4000) // the BOM fix is applied in encodings.ts
          .filter((text, i) => i % 4 === 0)
          .filter((text) => core.countNative(text, new Set()) !== reference.encode_ordinary(text).length);
        assert.deepStrictEqual(mismatches, []);
      } finally {
        reference.free();
      }
    });
  }

  it('refuses a file that is not a rank table with a clear message', () => {
    assert.throws(() => rankTableFromJson('{"a": 1}', 'x.json'), /x\.json is not a token rank table/);
    assert.throws(() => rankTableFromJson('[]', 'x.json'), /not a token rank table/);
  });
});

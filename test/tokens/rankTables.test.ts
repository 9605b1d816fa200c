// The bundle reads each rank table from a packed asset (dist/tokenizer/<name>.ranks, written by esbuild.js with the
// engine's packRankTable) and builds the lookup core itself: the table must be gpt-tokenizer's exactly, every string
// must find its rank through the packed index, and counts from that core must equal tiktoken's.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { get_encoding } from 'tiktoken';
import { PackedRankTable, packRankTable } from '../../server/src/engine/tokens/packedRankTable';
import { buildCore, type RankTable } from '../../server/src/engine/tokens/rankTables';
import { StringRankIndex } from '../../server/src/engine/tokens/stringRankIndex';
import { SPLIT_PATTERNS } from '../../server/src/engine/tokens/splitPatterns';
import { exactnessCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '../..');

/** The asset as the build writes it, read from dist/ when built, else packed the same way. */
function packedAsset(name: string): Uint8Array {
  const built = path.join(ROOT, 'dist', 'tokenizer', `${name}.ranks`);
  if (fs.existsSync(built)) return fs.readFileSync(built);
  return packRankTable(require(`gpt-tokenizer/cjs/bpeRanks/${name}`).default);
}

describe('rank tables read from the packed asset', () => {
  for (const name of ['o200k_base', 'cl100k_base'] as const) {
    it(`${name}: the packed asset holds gpt-tokenizer's table entry for entry, and finds every string's rank`, () => {
      const original: RankTable = require(`gpt-tokenizer/cjs/bpeRanks/${name}`).default;
      const packed = new PackedRankTable(packedAsset(name));
      const reference = new StringRankIndex(original);
      assert.strictEqual(packed.count, original.length);
      let differing = 0;
      let misfound = 0;
      for (let rank = 0; rank < original.length; rank++) {
        const a = original[rank];
        const b = packed.entry(rank);
        if (typeof a === 'string' ? a !== b : typeof b === 'string' || !b || a.join() !== b.join()) differing++;
        if (typeof a === 'string') {
          if (packed.get(a) !== reference.get(a)) misfound++;
          // Strings that are not entries: one code unit more or less than an entry, or a changed last unit.
          for (const other of [a + 'Ω', a.slice(0, -1) + String.fromCharCode(a.charCodeAt(a.length - 1) ^ 1), a + a]) {
            if (packed.get(other) !== reference.get(other)) misfound++;
          }
        }
      }
      assert.strictEqual(differing, 0);
      assert.strictEqual(misfound, 0);
      assert.ok(packed.byteEntries.size > 0, 'byte-sequence entries are kept');
      assert.strictEqual(packed.asTable()[original.length - 1], original[original.length - 1]);
      assert.strictEqual(packed.asTable().length, original.length);
    });

    it(`${name}: a core built from it counts like tiktoken`, () => {
      const core = buildCore(new PackedRankTable(packedAsset(name)), new Map(), new RegExp(SPLIT_PATTERNS[name] as string, 'gu'));
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

  it('refuses a file that is not a packed rank table with a clear message', () => {
    const good = packRankTable(['a', 'b', 'ab', [0xff]]);
    const withWord = (index: number, value: number) => {
      const copy = good.slice();
      new Int32Array(copy.buffer, 0, Math.floor(copy.length / 4))[index] = value;
      return copy;
    };
    assert.throws(() => new PackedRankTable(Buffer.from('[1,2,3]'), 'x.ranks'), /x\.ranks is not a packed token rank table \(too short\)/);
    assert.throws(() => new PackedRankTable(withWord(0, 7), 'x.ranks'), /bad magic number/);
    assert.throws(() => new PackedRankTable(withWord(1, 99), 'x.ranks'), /format version 99/);
    assert.throws(() => new PackedRankTable(good.slice(0, good.length - 3), 'x.ranks'), /sizes do not match/);
    assert.throws(() => new PackedRankTable(withWord(2, 1 << 30), 'x.ranks'), /sizes do not match/);
    // Crafted files that pass the size checks must never loop, throw from a lookup or allocate without bound.
    const offsetsAt = 8;
    const slotsAt = offsetsAt + 4 + 1; // 4 entries → 5 offsets
    const slotCount = new Int32Array(good.buffer, 0, 8)[4];
    assert.throws(() => new PackedRankTable(withWord(offsetsAt + 4, 1), 'x.ranks'), /offsets do not cover/);
    const hugeEntry = new PackedRankTable(withWord(offsetsAt + 1, 0x3fffffff), 'x.ranks');
    assert.strictEqual(hugeEntry.entry(0), undefined, 'an entry range beyond the file is refused');
    assert.strictEqual(new PackedRankTable(withWord(slotsAt, 99)).get('zz'), undefined, 'a slot naming no entry');
    const full = good.slice();
    new Int32Array(full.buffer, slotsAt * 4, slotCount).fill(1);
    assert.strictEqual(new PackedRankTable(full).get('zz'), undefined, 'an index with no empty slot ends');
    const badJson = good.slice();
    badJson[badJson.length - 1] = 0x7b; // the JSON's closing bracket becomes "{"
    assert.throws(() => new PackedRankTable(badJson, 'x.ranks'), /x\.ranks .*byte entries are not JSON/);
    const small = new PackedRankTable(good);
    assert.deepStrictEqual([small.get('a'), small.get('b'), small.get('ab'), small.get('ba')], [0, 1, 2, undefined]);
    assert.deepStrictEqual(small.entry(3), [0xff]);
  });

  it('reads a packed table that starts at an odd offset of its buffer (Node pools small file reads)', () => {
    const good = packRankTable(['x', 'yz']);
    const shifted = Buffer.alloc(good.length + 1);
    shifted.set(good, 1);
    assert.strictEqual(new PackedRankTable(shifted.subarray(1)).get('yz'), 1);
  });
});

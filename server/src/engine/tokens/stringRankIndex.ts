// string → rank for a byte-pair rank table, in place of gpt-tokenizer's `Map<string, number>` of 200,000 entries.
// The Map's backing store alone is 7 MB of heap (three 8-byte words per entry plus buckets); this index keeps only
// an Int32Array of ranks addressed by a hash of the string (2 MB for o200k) and compares against the table's own
// strings, which the core keeps anyway. Same answers as the Map (the last rank wins for a repeated string).
import type { RankTable } from './rankTables';

/** What gpt-tokenizer's core calls on its string encoder (`getBpeRankFromString`), and all our code calls on it. */
export interface StringRanks {
  get(key: string): number | undefined;
}

/** FNV-1a over UTF-16 code units: cheap, and spreads the table's short strings well (measured probe length ≈ 1.3). */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class StringRankIndex implements StringRanks {
  /**
   * Open addressing with linear probing: rank + 1 of the string hashed there, 0 = empty. At most half full.
   * Read by packRankTable (packedRankTable.ts), which stores the same index in the packed table.
   */
  readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly table: RankTable) {
    let size = 1024;
    while (size < table.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let rank = 0; rank < table.length; rank++) {
      const value = table[rank];
      if (typeof value === 'string') this.insert(value, rank);
    }
  }

  get(key: string): number | undefined {
    const { slots, mask, table } = this;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return undefined;
      if (table[entry - 1] === key) return entry - 1;
    }
  }

  private insert(value: string, rank: number): void {
    const { slots, mask, table } = this;
    let slot = hashOf(value) & mask;
    while (slots[slot] !== 0 && table[slots[slot] - 1] !== value) slot = (slot + 1) & mask;
    slots[slot] = rank + 1;
  }
}

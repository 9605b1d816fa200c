// A rank table packed into one binary file (dist/tokenizer/<name>.ranks, written at build time by esbuild.js with
// `packRankTable`): every string entry's UTF-16 code units, where each rank's string starts, and the string → rank
// hash index of stringRankIndex.ts, all used in place as typed arrays over the file's bytes. Loading is one file
// read: the JSON form made V8 parse 200,000 strings and rebuild the index on every start (≈ 100 ms of the server's
// cold start, see docs/design/tokens.md). The few entries that are not valid UTF-8 are kept as byte lists.
import type { RankTable } from './rankTables';
import { hashOf, StringRankIndex, type StringRanks } from './stringRankIndex';

const MAGIC = 0x524c4350; // "PCLR"
const VERSION = 1;
const HEADER_WORDS = 8;
/** Longest entry `entry` will build (o200k's longest is 128 code units). */
const MAX_ENTRY_UNITS = 4096;

/**
 * Layout (little-endian): header of 8 int32 (magic, version, entries, code units, index slots, byte-entry JSON length,
 * 0, 0), then int32 offsets[entries + 1] (rank r's code units are [offsets[r], offsets[r + 1]); byte entries are empty),
 * int32 slots[index slots] (rank + 1, 0 = empty), uint16 units[code units], and the byte entries as UTF-8 JSON
 * `[[rank, [bytes…]], …]`.
 */
export function packRankTable(table: RankTable): Uint8Array {
  const offsets = new Int32Array(table.length + 1);
  const byteEntries: [number, readonly number[]][] = [];
  let units = 0;
  for (let rank = 0; rank < table.length; rank++) {
    offsets[rank] = units;
    const value = table[rank];
    if (typeof value === 'string') units += value.length;
    else byteEntries.push([rank, value]);
  }
  offsets[table.length] = units;
  const slots = new StringRankIndex(table).slots;
  const json = Buffer.from(JSON.stringify(byteEntries), 'utf8');
  const unitsStart = (HEADER_WORDS + offsets.length + slots.length) * 4;
  const out = new Uint8Array(unitsStart + units * 2 + json.length);
  const header = new Int32Array(out.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, VERSION, table.length, units, slots.length, json.length, 0, 0]);
  new Int32Array(out.buffer, HEADER_WORDS * 4, offsets.length).set(offsets);
  new Int32Array(out.buffer, (HEADER_WORDS + offsets.length) * 4, slots.length).set(slots);
  const codeUnits = new Uint16Array(out.buffer, unitsStart, units);
  for (let rank = 0; rank < table.length; rank++) {
    const value = table[rank];
    if (typeof value !== 'string') continue;
    for (let i = 0; i < value.length; i++) codeUnits[offsets[rank] + i] = value.charCodeAt(i);
  }
  out.set(json, unitsStart + units * 2);
  return out;
}

export class PackedRankTable implements StringRanks {
  readonly count: number;
  /** Entries that are not valid UTF-8 (≈ 1,600 of 200,000), rank → bytes. */
  readonly byteEntries: Map<number, readonly number[]>;
  private readonly offsets: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly units: Uint16Array;

  /** Reads a packed table; a clear error (naming `source`) for anything else, never a wrong table. */
  constructor(bytes: Uint8Array, source = 'packed rank table') {
    // Typed-array views need 4-byte alignment: a small file read into Node's shared buffer pool may not have it.
    // (A copy: `slice` of a Node Buffer is a view of the same bytes.)
    const data = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    const fail = (why: string) => new Error(`Prompt Cost Lens: ${source} is not a packed token rank table (${why})`);
    if (data.byteLength < HEADER_WORDS * 4) throw fail('too short');
    const [magic, version, count, units, slots, jsonLength] = new Int32Array(data.buffer, data.byteOffset, HEADER_WORDS);
    if (magic !== MAGIC) throw fail('bad magic number');
    if (version !== VERSION) throw fail(`format version ${version}, expected ${VERSION}`);
    const unitsStart = (HEADER_WORDS + count + 1 + slots) * 4;
    const validSizes = count > 0 && units >= 0 && slots > 0 && (slots & (slots - 1)) === 0 && jsonLength >= 0;
    if (!validSizes || data.byteLength !== unitsStart + units * 2 + jsonLength) throw fail('sizes do not match the file');
    this.count = count;
    this.offsets = new Int32Array(data.buffer, data.byteOffset + HEADER_WORDS * 4, count + 1);
    this.slots = new Int32Array(data.buffer, data.byteOffset + (HEADER_WORDS + count + 1) * 4, slots);
    this.mask = slots - 1;
    this.units = new Uint16Array(data.buffer, data.byteOffset + unitsStart, units);
    // Damaged contents cannot make a lookup loop or read outside the file: `get` probes at most every slot once and
    // `entry` checks its range (checked lazily: a pass over 700,000 words here cost more than the whole load).
    if (this.offsets[0] !== 0 || this.offsets[count] !== units) throw fail('offsets do not cover the code units');
    const json = Buffer.from(data.buffer, data.byteOffset + unitsStart + units * 2, jsonLength).toString('utf8');
    let byteEntries: unknown;
    try {
      byteEntries = JSON.parse(json);
    } catch {
      throw fail('its byte entries are not JSON');
    }
    const valid = Array.isArray(byteEntries) && byteEntries.every((e) => Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < count && Array.isArray(e[1]) && e[1].every((b: unknown) => Number.isInteger(b) && (b as number) >= 0 && (b as number) < 256));
    if (!valid) throw fail('its byte entries are not [rank, bytes] pairs');
    this.byteEntries = new Map(byteEntries as [number, number[]][]);
  }

  get(key: string): number | undefined {
    const { slots, mask, offsets, units } = this;
    const length = key.length;
    let slot = hashOf(key) & mask;
    for (let probes = 0; probes <= mask; probes++, slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return undefined;
      const start = offsets[entry - 1];
      // A slot naming no entry reads `undefined` here (typed arrays): no match, never an exception.
      if (offsets[entry] - start !== length) continue;
      let i = 0;
      while (i < length && units[start + i] === key.charCodeAt(i)) i++;
      if (i === length) return entry - 1;
    }
    return undefined;
  }

  /** The entry of `rank` as in the unpacked table: its string, or its bytes when it is not valid UTF-8. */
  entry(rank: number): string | readonly number[] | undefined {
    if (!(rank >= 0 && rank < this.count)) return undefined;
    const bytes = this.byteEntries.get(rank);
    if (bytes) return bytes;
    const start = this.offsets[rank];
    const end = this.offsets[rank + 1];
    // No vocabulary entry is longer than a few hundred characters: anything else is a damaged file.
    if (!(start >= 0 && end >= start && end <= this.units.length && end - start <= MAX_ENTRY_UNITS)) return undefined;
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(this.units[i]);
    return text;
  }

  /** `table[rank]` for code that indexes the table (gpt-tokenizer's decoder): entries made on demand. */
  asTable(): RankTable {
    return new Proxy([] as (string | readonly number[])[], {
      get: (target, property) => {
        if (property === 'length') return this.count;
        if (typeof property === 'string' && /^\d+$/.test(property)) return this.entry(Number(property));
        return Reflect.get(target, property);
      },
    });
  }
}

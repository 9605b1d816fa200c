// The Gemma 3 vocabulary (Gemini 2.x and later count with it): 262,144 pieces, the rank of every merge, and the
// added tokens that are matched in raw text. Read from vocabs/gemma3.vocab.gz (written by scripts/extract-vocabs.js,
// copied unchanged to dist/tokenizer/gemma3.vocab.gz), only when a Gemini or Gemma model is first counted.
// Format (gunzipped, LEB128 varints unless said): piece count N, merge count M, added count A, text bytes T; N piece
// lengths in UTF-16 units; the N pieces' UTF-8, concatenated (T bytes); per piece its merge count; per merge, piece
// by piece, where it cuts the piece (UTF-16 units of the left part); per merge its rank (3 bytes, little-endian);
// the A ids of the non-special added tokens.
// Lookups take a range of a string (no substring is made while merging) and compare against the one text.
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { resolveAsset } from '../assets';

export class GemmaVocabulary {
  /** All pieces, concatenated; piece `id` is text[offsets[id], offsets[id + 1]). */
  readonly text: string;
  private readonly offsets: Int32Array;
  /** Open addressing: id + 1 of the piece hashed there, 0 = empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The merges that make piece `id` are mergeCut/mergeRank[mergeStart[id] … mergeStart[id + 1]). */
  private readonly mergeStart: Int32Array;
  private readonly mergeCut: Uint16Array;
  private readonly mergeRank: Int32Array;
  /** Non-special added tokens (newline runs, `<unusedN>`, HTML tags …), matched whole in the raw text first. */
  readonly addedTokens: string[];

  /** `file`: the format above, gzipped (the committed file) or not (the bundle's copy). */
  constructor(file: Uint8Array, source: string) {
    let data: Buffer;
    try {
      data = file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    } catch {
      throw new Error(`Prompt Cost Lens: ${source} is not a gzipped Gemma vocabulary`);
    }
    let at = 0;
    const varint = (): number => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        if (at >= data.length || shift > 28) throw new Error(`Prompt Cost Lens: ${source} is damaged (byte ${at})`);
        const byte = data[at++];
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return value;
      }
    };
    const pieces = varint();
    const merges = varint();
    const added = varint();
    const textBytes = varint();
    this.offsets = new Int32Array(pieces + 1);
    for (let id = 0; id < pieces; id++) this.offsets[id + 1] = this.offsets[id] + varint();
    if (at + textBytes > data.length) throw new Error(`Prompt Cost Lens: ${source} is damaged (text)`);
    this.text = data.toString('utf8', at, at + textBytes);
    at += textBytes;
    if (this.text.length !== this.offsets[pieces]) throw new Error(`Prompt Cost Lens: ${source} is damaged (piece lengths)`);
    this.mergeStart = new Int32Array(pieces + 1);
    for (let id = 0; id < pieces; id++) this.mergeStart[id + 1] = this.mergeStart[id] + varint();
    if (this.mergeStart[pieces] !== merges) throw new Error(`Prompt Cost Lens: ${source} is damaged (merge counts)`);
    this.mergeCut = new Uint16Array(merges);
    for (let m = 0; m < merges; m++) this.mergeCut[m] = varint();
    if (at + 3 * merges > data.length) throw new Error(`Prompt Cost Lens: ${source} is damaged (ranks)`);
    this.mergeRank = new Int32Array(merges);
    for (let m = 0; m < merges; m++, at += 3) this.mergeRank[m] = data[at] | (data[at + 1] << 8) | (data[at + 2] << 16);
    this.addedTokens = [];
    for (let i = 0; i < added; i++) {
      const id = varint();
      this.addedTokens.push(this.text.slice(this.offsets[id], this.offsets[id + 1]));
    }
    let size = 1024;
    while (size < pieces * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < pieces; id++) {
      let slot = hashRange(this.text, this.offsets[id], this.offsets[id + 1]) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }

  /** The id of the piece equal to s[start, end), or -1. */
  idOf(s: string, start: number, end: number): number {
    const { slots, mask, offsets, text } = this;
    const length = end - start;
    for (let slot = hashRange(s, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      const from = offsets[entry - 1];
      if (offsets[entry] - from !== length) continue;
      let i = 0;
      while (i < length && text.charCodeAt(from + i) === s.charCodeAt(start + i)) i++;
      if (i === length) return entry - 1;
    }
  }

  /** The rank of the merge s[start, cut) + s[cut, end), or -1 when there is none. */
  mergeRankOf(s: string, start: number, cut: number, end: number): number {
    const id = this.idOf(s, start, end);
    if (id < 0) return -1;
    const left = cut - start;
    for (let m = this.mergeStart[id]; m < this.mergeStart[id + 1]; m++) if (this.mergeCut[m] === left) return this.mergeRank[m];
    return -1;
  }
}

/** FNV-1a over UTF-16 code units of s[start, end). */
function hashRange(s: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

let loaded: GemmaVocabulary | undefined;

export function isGemmaVocabularyLoaded(): boolean {
  return loaded !== undefined;
}

/** The bundle's copy (dist/tokenizer/gemma3.vocab), or the committed file when running from source. */
export function gemmaVocabulary(): GemmaVocabulary {
  if (!loaded) {
    let file: string;
    try {
      file = resolveAsset('tokenizer/gemma3.vocab');
    } catch {
      file = path.join(__dirname, 'vocabs', 'gemma3.vocab.gz');
    }
    loaded = new GemmaVocabulary(fs.readFileSync(file), file);
  }
  return loaded;
}

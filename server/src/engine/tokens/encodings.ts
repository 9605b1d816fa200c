// Exact counting for the public byte-level BPE tokenizers, loaded lazily (nothing is read on import: the ranks are
// large): OpenAI's encodings, Meta Llama 3, Qwen 2/2.5/3, DeepSeek V3 and Mistral Tekken; and the Gemma 3 tokenizer
// (Gemini), which is character-level BPE and has its own counter (gemmaCount.ts).
// Engine: gpt-tokenizer's byte-pair core with our own pre-tokenizer patterns (splitPatterns.ts), which makes counts
// equal to the vendors' references (test/tokens/exactness.test.ts, test/tokens/openWeightExactness.test.ts).
// The core merges by token rank, as tiktoken does; for the Hugging Face vocabularies (merge lists) the rank is the
// merge's position, and scripts/extract-vocabs.js checks that ids follow the merge order with one merge per token.
import type { BytePairEncodingCore } from 'gpt-tokenizer/cjs/BytePairEncodingCore';
import { countGemma } from './gemmaCount';
import { isGemmaVocabularyLoaded, gemmaVocabulary } from './gemmaVocabulary';
import { buildCore, loadRankTable } from './rankTables';
import { SPLIT_PATTERNS, longRunPattern } from './splitPatterns';
import type { StringRanks } from './stringRankIndex';

/** The byte-level BPE encodings (split pattern + rank table) and `gemma3`, the Gemma 3 character-level BPE. */
export type EncodingName = keyof typeof SPLIT_PATTERNS | 'gemma3';
export const ENCODING_NAMES = [...Object.keys(SPLIT_PATTERNS), 'gemma3'] as EncodingName[];
/** OpenAI's own encodings (gpt-tokenizer's tables); the others are our committed vocabularies (vocabs/). */
export const OPENAI_ENCODINGS: readonly EncodingName[] = ['o200k_base', 'cl100k_base'];

/** Unicode normalisation the vendor's tokenizer applies before splitting (tokenizer.json `normalizer`). */
const NORMALIZATION: Partial<Record<EncodingName, 'NFC'>> = { qwen2: 'NFC' };

/**
 * Byte-pair merging of one piece costs about the square of its length, so a single piece longer than this (a long
 * run without spaces: base64, minified code, a row of `=`) is not merged whole. Below it every count is exact.
 * 2,000 characters keeps the worst piece under ~10 ms on a slow machine while real prose never comes close.
 */
export const MAX_EXACT_PIECE = 2000;

/**
 * How an over-long piece is counted instead: cut into chunks of this many characters (at code-point boundaries),
 * each merged on its own, the counts summed. Tokens never cross a chunk edge, so the result is an estimate,
 * a little high (measured: within 1–2 tokens per chunk, under 3% on 20,000-character runs); the count is marked
 * `exact: false`.
 */
export const LONG_PIECE_CHUNK = MAX_EXACT_PIECE;

export interface OrdinaryCount {
  tokens: number;
  /** False when an over-long piece was approximated (see MAX_EXACT_PIECE). */
  exact: boolean;
}

/** Special-token texts of each encoding; passed to the core so it can recognise (and we can refuse) them. */
const SPECIAL_TOKENS: Partial<Record<EncodingName, [string, number][]>> = {
  cl100k_base: [['<|endoftext|>', 100257], ['<|fim_prefix|>', 100258], ['<|fim_middle|>', 100259], ['<|fim_suffix|>', 100260], ['<|endofprompt|>', 100276]],
  o200k_base: [['<|endoftext|>', 199999], ['<|endofprompt|>', 200018]],
};

/** No special token is allowed: `<|endoftext|>` in a prompt is counted as the ordinary text it is. */
const NO_SPECIAL_TOKENS = new Set<string>();

interface LoadedEncoding {
  core: BytePairEncodingCore;
  split: RegExp;
  /** Hugging Face pre-tokenizers: each pattern splits the pieces of the one before (DeepSeek V3: three). */
  stages: RegExp[];
}

const loaded = new Map<EncodingName, LoadedEncoding>();
const longRun = longRunPattern(MAX_EXACT_PIECE + 1);

export function isEncodingLoaded(name: EncodingName): boolean {
  return name === 'gemma3' ? isGemmaVocabularyLoaded() : loaded.has(name);
}

function load(name: Exclude<EncodingName, 'gemma3'>): LoadedEncoding {
  let encoding = loaded.get(name);
  if (!encoding) {
    const stages = ([] as string[]).concat(SPLIT_PATTERNS[name]).map((p) => new RegExp(p, 'gu'));
    const split = stages[0];
    const core = buildCore(loadRankTable(name), new Map(SPECIAL_TOKENS[name] ?? []), split);
    encoding = { core: withByteOrderMarkFix(core), split, stages };
    loaded.set(name, encoding);
  }
  return encoding;
}

/**
 * gpt-tokenizer 4.0.0 turns candidate byte sequences into strings with a default TextDecoder, which drops a leading
 * U+FEFF (byte-order mark). Its rank tables keep the vocabulary entries that start with the BOM bytes EF BB BF
 * (8 in cl100k_base, e.g. BOM alone, BOM + "using") as byte arrays, but a valid-UTF-8 key never reaches the byte
 * table: it is decoded, loses its BOM and is looked up as the wrong string. So text with a BOM came out one or more
 * tokens too long (57 of 1,000 strings in our measurement). For keys that start with those bytes we look the string
 * up with the BOM kept, then in the byte table. Per-instance override, pinned package version; guarded by
 * test/tokens/exactness.test.ts.
 */
interface CoreInternals {
  getBpeRankFromBytes(key: Uint8Array): number | undefined;
  binarySearch(key: Uint8Array): number;
  bytePairStringRankEncoder: StringRanks;
  bytePairNonUtfSortedEncoder: readonly [Uint8Array, number][];
}
const bomKeepingDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

function withByteOrderMarkFix(core: BytePairEncodingCore): BytePairEncodingCore {
  const internals = core as unknown as CoreInternals;
  const original = internals.getBpeRankFromBytes.bind(core);
  internals.getBpeRankFromBytes = (key: Uint8Array) => {
    if (!(key.length >= 3 && key[0] === 0xef && key[1] === 0xbb && key[2] === 0xbf)) return original(key);
    const asString = internals.bytePairStringRankEncoder.get(bomKeepingDecoder.decode(key));
    if (asString !== undefined) return asString;
    const index = internals.binarySearch(key);
    return index === -1 ? undefined : internals.bytePairNonUtfSortedEncoder[index][1];
  };
  return core;
}

/** Loads an encoding now (e.g. in the background after start-up) so the first count does not pay for it. */
export function preloadEncoding(name: EncodingName): void {
  if (name === 'gemma3') gemmaVocabulary();
  else load(name);
}

/**
 * Counts `text` as ordinary text (special-token text included, never a throw) with OpenAI encoding `name`.
 * `maxExactPiece` is for tests of the approximation path only.
 */
export function countOrdinary(name: EncodingName, text: string, maxExactPiece = MAX_EXACT_PIECE): OrdinaryCount {
  if (text.length === 0) return { tokens: 0, exact: true };
  if (name === 'gemma3') return countGemma(text);
  if (!OPENAI_ENCODINGS.includes(name)) return countByPieces(load(name), text, NORMALIZATION[name], maxExactPiece);
  const { core, split } = load(name);
  const hasLongRun = maxExactPiece === MAX_EXACT_PIECE ? longRun.test(text) : longRunPattern(maxExactPiece + 1).test(text);
  if (!hasLongRun) return { tokens: core.countNative(text, NO_SPECIAL_TOKENS), exact: true };

  // Slow path: piece by piece, so only the over-long pieces are approximated.
  let tokens = 0;
  let exact = true;
  split.lastIndex = 0;
  for (const [piece] of text.matchAll(split)) {
    if (piece.length <= maxExactPiece) {
      tokens += core.countNative(piece, NO_SPECIAL_TOKENS);
    } else {
      exact = false;
      for (const chunk of codePointChunks(piece, LONG_PIECE_CHUNK)) tokens += core.countNative(chunk, NO_SPECIAL_TOKENS);
    }
  }
  return { tokens, exact };
}

/**
 * The open-weight tokenizers: text → normalised → pieces (every split stage `Isolated`: matches and the text between
 * them) → each piece a single token when the vocabulary has it whole, else byte-pair merged (the core's own steps).
 */
function countByPieces(encoding: LoadedEncoding, text: string, normalization: 'NFC' | undefined, maxExactPiece: number): OrdinaryCount {
  const { core, stages } = encoding;
  const internals = core as unknown as PieceCounter;
  let tokens = 0;
  let exact = true;
  const countPiece = (piece: string) => (internals.getBpeRankFromString(piece) !== undefined ? 1 : internals.bytePairEncode(piece).length);
  for (const piece of isolatedPieces(normalization ? text.normalize(normalization) : text, stages, 0)) {
    if (piece.length <= maxExactPiece) tokens += countPiece(piece);
    else {
      exact = false;
      for (const chunk of codePointChunks(piece, LONG_PIECE_CHUNK)) tokens += countPiece(chunk);
    }
  }
  return { tokens, exact };
}

/** The two steps of gpt-tokenizer's core that its count runs on each piece (public methods of the pinned 4.0.0). */
interface PieceCounter {
  getBpeRankFromString(piece: string): number | undefined;
  bytePairEncode(piece: string): number[];
}

/** Hugging Face `Split` with behaviour `Isolated`, stage after stage: no character is ever dropped. */
function* isolatedPieces(text: string, stages: RegExp[], stage: number): Generator<string> {
  if (stage === stages.length) {
    yield text;
    return;
  }
  let last = 0;
  for (const match of text.matchAll(stages[stage])) {
    if (match.index > last) yield* isolatedPieces(text.slice(last, match.index), stages, stage + 1);
    yield* isolatedPieces(match[0], stages, stage + 1);
    last = match.index + match[0].length;
  }
  if (last < text.length) yield* isolatedPieces(text.slice(last), stages, stage + 1);
}

/** Cuts `text` into pieces of about `size` UTF-16 units without splitting a surrogate pair. */
function* codePointChunks(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}

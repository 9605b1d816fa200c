// Pre-tokenizer patterns of OpenAI's encodings and of the open-weight tokenizers we count exactly, rewritten for
// JavaScript so pieces match the vendors' Rust cores (tiktoken; Hugging Face tokenizers) exactly.
// Why not gpt-tokenizer's own patterns: they use `\s`, and JavaScript's `\s` differs from the Rust regex crate's
// Unicode `\s` (= the White_Space property): JS includes U+FEFF (byte-order mark) and omits U+0085 (next line).
// Measured: that difference alone caused 57 of 1,000 strings to be miscounted (docs/design/tokens.md).
// So every `\s` / `\S` below is spelled out as the White_Space set.

/** Unicode White_Space (Unicode 15): what Rust's `\s` matches. Deliberately without U+FEFF, with U+0085. */
const WS = String.raw`\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;
const SPACE = `[${WS}]`;
const NOT_SPACE = `[^${WS}]`;

const CONTRACTION = String.raw`'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])`;

/** tiktoken cl100k_base: `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s` */
const CL100K = [
  CONTRACTION,
  String.raw`[^\r\n\p{L}\p{N}]?\p{L}+`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n]*`,
  `${SPACE}+$`,
  String.raw`${SPACE}*[\r\n]`,
  `${SPACE}+(?!${NOT_SPACE})`,
  SPACE,
].join('|');

const UPPERISH = String.raw`[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`;
const LOWERISH = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{M}]`;

/** tiktoken o200k_base (the same for o200k_harmony on ordinary text). */
const O200K = [
  String.raw`[^\r\n\p{L}\p{N}]?${UPPERISH}*${LOWERISH}+(?:${CONTRACTION})?`,
  String.raw`[^\r\n\p{L}\p{N}]?${UPPERISH}+${LOWERISH}*(?:${CONTRACTION})?`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n/]*`,
  String.raw`${SPACE}*[\r\n]+`,
  `${SPACE}+(?!${NOT_SPACE})`,
  `${SPACE}+`,
].join('|');

/** Meta Llama 3 (tiktoken pattern of Meta's llama3 repository; same in its tokenizer.json): cl100k's with `\s*[\r\n]+|\s+(?!\S)|\s+` at the end. */
const LLAMA3 = [
  CONTRACTION,
  String.raw`[^\r\n\p{L}\p{N}]?\p{L}+`,
  String.raw`\p{N}{1,3}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n]*`,
  String.raw`${SPACE}*[\r\n]+`,
  `${SPACE}+(?!${NOT_SPACE})`,
  `${SPACE}+`,
].join('|');

/** Qwen 2 / 2.5 / 3 (tokenizer.json Split): Llama 3's pattern with single digits. Applied after NFC. */
const QWEN2 = LLAMA3.replace(String.raw`\p{N}{1,3}`, String.raw`\p{N}`);

/** Mistral Tekken (tekken.json `pattern`): o200k's without contractions, with single digits. */
const TEKKEN = [
  String.raw`[^\r\n\p{L}\p{N}]?${UPPERISH}*${LOWERISH}+`,
  String.raw`[^\r\n\p{L}\p{N}]?${UPPERISH}+${LOWERISH}*`,
  String.raw`\p{N}`,
  String.raw` ?[^${WS}\p{L}\p{N}]+[\r\n/]*`,
  String.raw`${SPACE}*[\r\n]+`,
  `${SPACE}+(?!${NOT_SPACE})`,
  `${SPACE}+`,
].join('|');

/**
 * DeepSeek V3 (tokenizer.json): a Sequence of three Split pre-tokenizers, each `Isolated` (the matches and the text
 * between them all become pieces, and the next pattern splits each piece again): runs of up to 3 digits; runs of CJK
 * ideographs (U+4E00–U+9FA5), hiragana and katakana; then the main pattern.
 */
const DEEPSEEK_V3 = [
  String.raw`\p{N}{1,3}`,
  String.raw`[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+`,
  [
    String.raw`[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_\x60{|}~][A-Za-z]+`,
    String.raw`[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+`,
    String.raw` ?[\p{P}\p{S}]+[\r\n]*`,
    String.raw`${SPACE}*[\r\n]+`,
    `${SPACE}+(?!${NOT_SPACE})`,
    `${SPACE}+`,
  ].join('|'),
] as const;

/** One pattern (tiktoken: the pieces are its matches), or a sequence of `Isolated` splits (Hugging Face). */
export const SPLIT_PATTERNS: Record<'cl100k_base' | 'o200k_base' | 'llama3' | 'qwen2' | 'tekken' | 'deepseek_v3', string | readonly string[]> = {
  cl100k_base: CL100K,
  o200k_base: O200K,
  llama3: LLAMA3,
  qwen2: QWEN2,
  tekken: TEKKEN,
  deepseek_v3: DEEPSEEK_V3,
};

/**
 * A run this long with no break the patterns split on may form one piece. Used to find over-long pieces cheaply:
 * every piece is either all white space, or at most one leading character plus non-space characters.
 */
export function longRunPattern(minLength: number): RegExp {
  // Exact counts, not `{n,}`: only whether such a run exists is asked, and an open-ended greedy run keeps a backtrack
  // entry per character: on a 10-million-character run V8 threw "Maximum call stack size exceeded".
  return new RegExp(`${NOT_SPACE}{${minLength - 1}}|${SPACE}{${minLength}}`, 'u');
}

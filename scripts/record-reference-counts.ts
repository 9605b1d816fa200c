// Records the reference token counts of the open-weight tokenizers on our exactness corpus, for CI (which cannot
// install the 40–90 MB reference packages): test/tokens/fixtures/open-weight-reference-counts.json.
// Run with the packages installed outside the project (see scripts/extract-vocabs.js):
//   npx tsx scripts/record-reference-counts.ts /tmp/reftok/node_modules
// test/tokens/openWeightExactness.test.ts compares our counts with the file, and with the packages themselves when
// PCL_REFERENCE_TOKENIZERS points at that node_modules.
import * as fs from 'fs';
import * as path from 'path';
import { exactnessCorpus } from '../test/tokens/corpus';
import { corpusDigest, referenceCounters } from '../test/tokens/referenceTokenizers';

const from = process.argv[2];
if (!from || !fs.existsSync(from)) {
  console.error('usage: npx tsx scripts/record-reference-counts.ts <node_modules holding the reference packages>');
  process.exit(2);
}
const corpus = exactnessCorpus();
const counts: Record<string, (number | null)[]> = {};
const references: Record<string, string> = {};
for (const reference of referenceCounters(from)) {
  references[reference.encoding] = reference.name;
  counts[reference.encoding] = corpus.map((text) => (reference.skip(text) ? null : reference.count(text)));
  const recorded = counts[reference.encoding].filter((c) => c !== null).length;
  console.log(`${reference.encoding}: ${recorded} of ${corpus.length} strings recorded with ${reference.name}`);
}
const out = {
  about:
    'Token counts of the strings of test/tokens/corpus.ts exactnessCorpus(), in order, from each vendor tokenizer\'s reference implementation ' +
    '(no special tokens added). null: not recorded, because the string holds one of the tokenizer\'s special-token texts (the reference ' +
    'would count it as one token; we count it as ordinary text) or U+FEFF / U+0085 (JavaScript references treat them as white space, the ' +
    'vendors\' Rust libraries do not). Recorded by scripts/record-reference-counts.ts.',
  recorded: new Date().toISOString().slice(0, 10),
  corpusDigest: corpusDigest(corpus),
  references,
  counts,
};
const file = path.join(__dirname, '..', 'test', 'tokens', 'fixtures', 'open-weight-reference-counts.json');
fs.writeFileSync(file, JSON.stringify(out, (key, value) => (Array.isArray(value) && typeof value[0] !== 'object' && key !== '' ? JSON.stringify(value) : value), 2).replace(/"(\[[^"]*\])"/g, '$1') + '\n');
console.log(`wrote ${file}`);

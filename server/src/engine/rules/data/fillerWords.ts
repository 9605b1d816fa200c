// Intensifiers and fillers that carry no instruction. Contexts where removing the word changes meaning are
// excluded ("not just X but Y", "just in case").
import type { PhraseEntry } from '../phraseMatching';

const NOT_AFTER_NEGATION = ['not', "isn't", "aren't", "don't", "doesn't", 'never'];

export const FILLER_WORDS: PhraseEntry[] = [
  { phrase: 'just', replacement: '', notAfter: NOT_AFTER_NEGATION, notBefore: ['in case', 'in time', 'as well', 'like that', 'now'] },
  { phrase: 'really', replacement: '', notAfter: NOT_AFTER_NEGATION },
  { phrase: 'very', replacement: '', notAfter: NOT_AFTER_NEGATION, notBefore: ['much', 'few', 'well', 'little', 'least', 'same', 'first', 'last', 'end', 'beginning'] },
  { phrase: 'basically', replacement: '' },
  { phrase: 'actually', replacement: '', notAfter: NOT_AFTER_NEGATION },
  { phrase: 'literally', replacement: '' },
  { phrase: 'totally', replacement: '', notAfter: NOT_AFTER_NEGATION },
  { phrase: 'simply', replacement: '', notAfter: NOT_AFTER_NEGATION },
  { phrase: 'quite', replacement: '', notAfter: NOT_AFTER_NEGATION, notBefore: ['a', 'an', 'the'] },
  { phrase: 'definitely', replacement: '', notAfter: NOT_AFTER_NEGATION },
  { phrase: 'truly', replacement: '', notAfter: NOT_AFTER_NEGATION },
];

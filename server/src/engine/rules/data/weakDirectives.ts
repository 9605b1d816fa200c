// Hedged instructions → the imperative they stand for ("Try to keep it short" → "Keep it short"). Removing the
// hedge leaves the verb, which then starts the sentence.
import type { PhraseEntry } from '../phraseMatching';

/** Gerund → imperative for "Consider <gerund>" at a sentence start (the common ones in instructions). */
const CONSIDER_GERUNDS: [string, string][] = [
  ['adding', 'add'], ['using', 'use'], ['including', 'include'], ['mentioning', 'mention'], ['providing', 'provide'],
  ['checking', 'check'], ['listing', 'list'], ['asking', 'ask'], ['suggesting', 'suggest'], ['noting', 'note'],
  ['keeping', 'keep'], ['removing', 'remove'], ['splitting', 'split'], ['grouping', 'group'], ['highlighting', 'highlight'],
];

export const WEAK_DIRECTIVES: PhraseEntry[] = [
  // "It would be helpful if you would list…" / "It would be good to include…": the verb that follows is the
  // instruction. Not "if you listed" (the verb would be left in the past tense).
  ...['helpful', 'great', 'nice', 'good', 'ideal', 'best', 'better'].flatMap((word): PhraseEntry[] => [
    { phrase: `it would be ${word} if you could`, replacement: '', clauseStartOnly: true },
    { phrase: `it would be ${word} if you would`, replacement: '', clauseStartOnly: true },
    { phrase: `it would be ${word} to`, replacement: '', clauseStartOnly: true },
  ]),
  { phrase: 'you might want to', replacement: '', clauseStartOnly: true },
  { phrase: 'you may want to', replacement: '', clauseStartOnly: true },
  { phrase: 'you might consider', replacement: 'consider' },
  { phrase: 'you may wish to', replacement: '', clauseStartOnly: true },
  { phrase: 'you should try to', replacement: '', clauseStartOnly: true },
  { phrase: 'you should always try to', replacement: 'always', clauseStartOnly: true },
  { phrase: 'feel free to', replacement: '' },
  { phrase: 'do your best to', replacement: '' },
  { phrase: 'try your best to', replacement: '' },
  { phrase: 'i would like you to', replacement: '', clauseStartOnly: true },
  { phrase: "i'd like you to", replacement: '', clauseStartOnly: true },
  { phrase: 'we would like you to', replacement: '', clauseStartOnly: true },
  { phrase: "we'd like you to", replacement: '', clauseStartOnly: true },
  { phrase: 'i want you to', replacement: '', clauseStartOnly: true },
  { phrase: 'i need you to', replacement: '', clauseStartOnly: true },
  { phrase: 'you are encouraged to', replacement: '', clauseStartOnly: true },
  { phrase: 'try to', replacement: '', notAfter: ['not', "don't", 'never', 'or'] },
  { phrase: 'make an attempt to', replacement: '', notAfter: ['not', "don't", 'never', 'or'] },
  { phrase: 'attempt to', replacement: '', notAfter: ['not', "don't", 'never', 'or', 'an', 'the', 'any', 'each', 'every', 'no', 'first', 'failed', 'this', 'that', 'your', 'their', 'its', 'his', 'her'] },
  { phrase: 'endeavor to', replacement: '', notAfter: ['not', "don't", 'never', 'or', 'an', 'the', 'any', 'each', 'every', 'no', 'this', 'that', 'your', 'their'] },
  { phrase: 'endeavour to', replacement: '', notAfter: ['not', "don't", 'never', 'or', 'an', 'the', 'any', 'each', 'every', 'no', 'this', 'that', 'your', 'their'] },
  // Conditional hedges: the instruction holds without them ("Cite the source, if possible." → "Cite the source.").
  { phrase: ', if possible', replacement: '' },
  { phrase: 'if possible,', replacement: '', sentenceStartOnly: true },
  { phrase: ', whenever possible', replacement: '' },
  { phrase: 'whenever possible,', replacement: '', sentenceStartOnly: true },
  { phrase: 'whenever possible', replacement: '' },
  { phrase: ', where possible', replacement: '' },
  { phrase: ', whenever you can', replacement: '' },
  { phrase: ', if you can', replacement: '' },
  // "Consider adding a date" → "Add a date": the hedge and the gerund become the imperative.
  ...CONSIDER_GERUNDS.map(([gerund, verb]): PhraseEntry => ({ phrase: `consider ${gerund}`, replacement: verb, sentenceStartOnly: true })),
  { phrase: 'make sure to', replacement: '', sentenceStartOnly: true },
  { phrase: 'be sure to', replacement: '', sentenceStartOnly: true },
  { phrase: 'you should', replacement: '', sentenceStartOnly: true, notBefore: ['not', 'never', 'have'] },
  { phrase: 'you need to', replacement: '', sentenceStartOnly: true, notBefore: ['not', 'have'] },
  { phrase: 'you will need to', replacement: '', sentenceStartOnly: true },
];

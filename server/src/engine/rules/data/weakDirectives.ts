// Hedged instructions → the imperative they stand for ("Try to keep it short" → "Keep it short"). Removing the
// hedge leaves the verb, which then starts the sentence.
import type { PhraseEntry } from '../phraseMatching';

export const WEAK_DIRECTIVES: PhraseEntry[] = [
  { phrase: 'it would be great if you could', replacement: '', clauseStartOnly: true },
  { phrase: 'it would be nice if you could', replacement: '', clauseStartOnly: true },
  { phrase: 'it would be helpful if you could', replacement: '', clauseStartOnly: true },
  { phrase: 'it would be ideal if you could', replacement: '', clauseStartOnly: true },
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
  { phrase: 'make sure to', replacement: '', sentenceStartOnly: true },
  { phrase: 'be sure to', replacement: '', sentenceStartOnly: true },
  { phrase: 'you should', replacement: '', sentenceStartOnly: true, notBefore: ['not', 'never', 'have'] },
  { phrase: 'you need to', replacement: '', sentenceStartOnly: true, notBefore: ['not', 'have'] },
  { phrase: 'you will need to', replacement: '', sentenceStartOnly: true },
];

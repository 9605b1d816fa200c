// filler-words: intensifiers and fillers ("just", "really", "very", "basically") that carry no instruction.
import { FILLER_WORDS } from '../data/fillerWords';
import { quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { phraseRule } from '../phraseRule';

export const fillerWords = phraseRule({
  meta: ruleMeta('filler-words', 'Filler word that adds tokens but no instruction.', 'hint', true),
  entries: () => FILLER_WORDS,
  message: (m) => `Filler word ${quoteShort(m.matched)} adds tokens but no instruction.`,
  minSavings: 1,
});

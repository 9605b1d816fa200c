// verbose-phrase: wordy phrases with a concise equivalent ("in order to" → "to"), from a data table.
import { VERBOSE_PHRASES } from '../data/verbosePhrases';
import { quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { phraseRule } from '../phraseRule';

export const verbosePhrase = phraseRule({
  meta: ruleMeta('verbose-phrase', 'Wordy phrase with a shorter equivalent that means the same to a model.', 'information', true),
  entries: () => VERBOSE_PHRASES,
  message: (m, replacement) =>
    replacement === '' ? `${quoteShort(m.matched)} adds tokens without meaning.` : `${quoteShort(m.matched)} is wordy: ${quoteShort(replacement)} says the same.`,
  minSavings: 1,
});

// custom-phrase: the user's own phrase → replacement rules from the config file (`phrases` in .promptcost.json).
import type { PhraseEntry } from '../phraseMatching';
import { quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { phraseRule } from '../phraseRule';
import type { RuleRun } from '../types';

const ENTRIES = new WeakMap<object, PhraseEntry[]>();

function userEntries(run: RuleRun): PhraseEntry[] {
  const phrases = run.ctx.userPhrases;
  if (!phrases || phrases.length === 0) return [];
  let entries = ENTRIES.get(phrases);
  if (!entries) {
    entries = phrases
      .filter((p) => typeof p?.phrase === 'string' && p.phrase.trim() !== '' && typeof p.replacement === 'string')
      .map((p) => ({ phrase: p.phrase, replacement: p.replacement }));
    ENTRIES.set(phrases, entries);
  }
  return entries;
}

export const customPhrase = phraseRule({
  meta: ruleMeta('custom-phrase', 'A phrase your configuration asks to replace.', 'information', true),
  entries: userEntries,
  message: (m, replacement) =>
    replacement === '' ? `Your phrase rules remove ${quoteShort(m.matched)}.` : `Your phrase rules replace ${quoteShort(m.matched)} with ${quoteShort(replacement)}.`,
  // The user asked for this replacement: report it even when it saves nothing.
  minSavings: Number.NEGATIVE_INFINITY,
});

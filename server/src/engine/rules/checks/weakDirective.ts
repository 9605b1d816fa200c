// weak-directive: hedged instructions ("try to", "you might want to", "feel free to") → a direct imperative.
import { WEAK_DIRECTIVES } from '../data/weakDirectives';
import { quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { phraseRule } from '../phraseRule';

export const weakDirective = phraseRule({
  meta: ruleMeta('weak-directive', 'Hedged instruction that is shorter and clearer as an imperative.', 'hint', true),
  entries: () => WEAK_DIRECTIVES,
  message: (m) => `${quoteShort(m.matched)} hedges the instruction: state it as an imperative.`,
  minSavings: 1,
});

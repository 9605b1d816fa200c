// politeness: courtesies a model does not need ("please", "kindly", "I would appreciate it if you could",
// "Thank you!" lines). The phrases come from a table; a line that only thanks the model is removed whole.
import { POLITENESS_PHRASES, THANKS_CLAUSE, THANKS_LINE, THANKS_TAIL } from '../data/politeness';
import { buildFix, quoteShort } from '../fixes';
import { ruleMeta } from '../meta';
import { minSavingsFor } from '../phraseRule';
import { phraseRule } from '../phraseRule';
import { overlapsProtected, sourceSpanOf } from '../promptView';
import type { RuleFinding, RuleModule } from '../types';

const phrases = phraseRule({
  meta: ruleMeta('politeness', 'Courtesy ("please", "kindly", "Thank you!") that costs tokens on every call.', 'hint', true),
  entries: () => POLITENESS_PHRASES,
  message: (m) => `${quoteShort(m.matched)} is a courtesy the model does not need.`,
  minSavings: 1,
});

export const politeness: RuleModule = {
  meta: phrases.meta,
  check(run) {
    const findings: RuleFinding[] = [];
    const text = run.view.text;
    for (const m of [...text.matchAll(THANKS_LINE), ...text.matchAll(THANKS_TAIL), ...text.matchAll(THANKS_CLAUSE)]) {
      let start = m.index!;
      let end = start + m[0].length;
      if (overlapsProtected(run.view, start, end)) continue;
      // At the end of the text, take the line break before it instead (no dangling empty line).
      if (!m[0].endsWith('\n') && start > 0 && text[start - 1] === '\n') start--;
      if (start === end) continue;
      const line = m[0].replace(/^,/, '').trim();
      const built = buildFix(run, [{ start, end, text: '' }], (label) => `Remove ${quoteShort(line)}${label}`);
      const lead = m[0].length - m[0].trimStart().length;
      const span = sourceSpanOf(run.view, m.index! + lead, m.index! + m[0].trimEnd().length);
      if (built.savingsTokens < minSavingsFor(run, 1) || !span) continue;
      findings.push({
        message: `${quoteShort(line)} is a courtesy the model does not need.`,
        span,
        promptId: run.prompt.id,
        savingsTokens: built.savingsTokens,
        savingsMonthly: built.savingsMonthly,
        fix: built.fix,
      });
    }
    for (const f of phrases.check(run)) findings.push(f);
    return findings.sort((a, b) => a.span.start - b.span.start);
  },
};

// The shape shared by the table-driven rules (verbose-phrase, filler-words, politeness, weak-directive and the
// user's own phrases): find table entries, fix each with its replacement, report the measured saving.
import { buildFix, quoteShort } from './fixes';
import { sourceSpanOf } from './promptView';
import { changeForMatch, findPhrases, type PhraseEntry, type PhraseMatch } from './phraseMatching';
import type { RuleFinding, RuleMeta, RuleModule, RuleRun } from './types';

export interface PhraseRuleOptions {
  meta: RuleMeta;
  entries(run: RuleRun): PhraseEntry[];
  /** Message for one match, e.g. `"in order to" is wordy: "to" says the same`. */
  message(match: PhraseMatch, replacement: string): string;
  /** Fewest tokens a fix must save to be reported; table rules use 1 so nothing is flagged that saves nothing. */
  minSavings: number;
}

export function phraseRule(options: PhraseRuleOptions): RuleModule {
  return {
    meta: options.meta,
    check(run: RuleRun): RuleFinding[] {
      const entries = options.entries(run);
      if (entries.length === 0) return [];
      const findings: RuleFinding[] = [];
      for (const match of findPhrases(run.view, entries)) {
        const change = changeForMatch(run.view, match);
        const removal = match.entry.replacement === '';
        const title = (label: string) =>
          removal
            ? `Remove ${quoteShort(match.matched)}${label}`
            : `Replace ${quoteShort(match.matched)} with ${quoteShort(change.text)}${label}`;
        const built = buildFix(run, [change], title);
        if (built.savingsTokens < minSavingsFor(run, options.minSavings)) continue;
        const span = sourceSpanOf(run.view, match.start, match.end);
        if (!span) continue;
        findings.push({
          message: options.message(match, change.text),
          span,
          promptId: run.prompt.id,
          savingsTokens: built.savingsTokens,
          savingsMonthly: built.savingsMonthly,
          fix: built.fix,
        });
      }
      return findings;
    },
  };
}


/** The saving a finding needs: as configured when reporting, at most zero for fix-all (never a costlier text). */
export function minSavingsFor(run: RuleRun, configured: number): number {
  return run.mode === 'fix-all' ? Math.min(configured, 0) : configured;
}

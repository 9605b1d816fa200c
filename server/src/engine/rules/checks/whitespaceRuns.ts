// whitespace-runs: trailing spaces, three or more blank lines, and runs of tabs inside a line. Each kind is one
// finding per prompt (a finding per line would bury the prompt), fixed all at once.
import { buildFix } from '../fixes';
import { ruleMeta } from '../meta';
import { minSavingsFor } from '../phraseRule';
import { overlapsProtected, sourceSpanOf } from '../promptView';
import type { RuleFinding, RuleModule, RuleRun, ViewChange } from '../types';

interface RunKind {
  pattern: RegExp;
  replacement: string;
  describe(count: number): string;
  fixTitle: string;
}

const KINDS: RunKind[] = [
  {
    // Spaces or tabs before a line break (a blank line of spaces included).
    pattern: /[ \t]+(?=\n)/g,
    replacement: '',
    describe: (n) => `${n} line${n === 1 ? ' ends' : 's end'} with spaces or tabs.`,
    fixTitle: 'Remove trailing whitespace',
  },
  {
    // Three or more blank lines: one blank line separates as well.
    pattern: /\n(?:[ \t]*\n){3,}/g,
    replacement: '\n\n',
    describe: (n) => `${n} run${n === 1 ? '' : 's'} of three or more blank lines.`,
    fixTitle: 'Collapse blank lines',
  },
  {
    // Two or more tabs (mixed with spaces) between words on a line.
    pattern: /(?<=[^\s])[ \t]*\t[ \t]*\t[ \t]*(?=[^\s])/g,
    replacement: ' ',
    describe: (n) => `${n} run${n === 1 ? '' : 's'} of tabs inside a line.`,
    fixTitle: 'Replace tab runs with a space',
  },
];

export const whitespaceRuns: RuleModule = {
  meta: ruleMeta('whitespace-runs', 'Trailing spaces, three or more blank lines, or tab runs: tokens with no meaning.', 'hint', true),
  check(run: RuleRun): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const text = run.view.text;
    for (const kind of KINDS) {
      const changes: ViewChange[] = [];
      for (const m of text.matchAll(kind.pattern)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (overlapsProtected(run.view, start, end, ['quote', 'placeholder'])) continue;
        if (!sourceSpanOf(run.view, start, end)) continue;
        changes.push({ start, end, text: kind.replacement });
      }
      if (changes.length === 0) continue;
      const built = buildFix(run, changes, (label) => `${kind.fixTitle}${label}`);
      if (built.savingsTokens < minSavingsFor(run, 1)) continue;
      findings.push({
        message: `${kind.describe(changes.length)} They cost tokens on every call.`,
        span: sourceSpanOf(run.view, changes[0].start, changes[0].end)!,
        promptId: run.prompt.id,
        savingsTokens: built.savingsTokens,
        savingsMonthly: built.savingsMonthly,
        fix: built.fix,
      });
    }
    return findings;
  },
};

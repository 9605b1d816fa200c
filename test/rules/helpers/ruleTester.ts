// ESLint-style case tables for one rule: `valid` sources produce no finding of the rule, `invalid` ones produce
// the expected messages, and applying every fix gives the expected output (null: no fix offered).
import { strict as assert } from 'assert';
import { RULES, applySourceEdits, runRules, type RuleContext } from '../../../server/src/engine/rules';
import { fixAllEdits } from '../../../server/src/engine/rules';
import { countTokens } from '../../../server/src/engine/tokens';
import type { DetectedPrompt, Finding, SourceLanguage } from '../../../server/src/engine/types';
import { promptFromSource, type SourcePromptOptions } from './sourcePrompt';

/** The gpt-4o tokenizer (o200k_base), what the default model counts with. */
export const countO200k = (text: string) => countTokens(text, 'gpt-4o').tokens;

export interface Case {
  code: string;
  language?: SourceLanguage;
  ctx?: Partial<RuleContext>;
  prompt?: SourcePromptOptions;
  /** Build the prompt(s) yourself; the first is the one checked. */
  prompts?: (code: string) => DetectedPrompt[];
  name?: string;
}

export interface InvalidCase extends Case {
  /** One entry per expected finding, in source order: the message, or a RegExp it must match. */
  errors: (string | RegExp)[];
  /** The source after applying every fix, or null when no fix is offered. */
  output: string | null;
}

/** Runs only `ruleId` (every other rule off) on a case's prompt. */
export function findingsFor(ruleId: string, c: Case): { findings: Finding[]; prompt: DetectedPrompt } {
  const language = c.language ?? 'python';
  const prompts = c.prompts ? c.prompts(c.code) : [promptFromSource(c.code, language, c.prompt)];
  const severities = Object.fromEntries(RULES.map((r) => [r.meta.id, 'off' as const]));
  delete severities[ruleId];
  const ctx: RuleContext = { documentText: c.code, countTokens: countO200k, ...c.ctx, severities: { ...severities, ...c.ctx?.severities } };
  const prompt = prompts[0];
  return { findings: runRules(prompt, { requestSiblings: prompts.slice(1), ...ctx }).filter((f) => f.ruleId === ruleId), prompt };
}

export function ruleCases(ruleId: string, table: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const v of table.valid) {
        const c = typeof v === 'string' ? { code: v } : v;
        it(c.name ?? c.code.slice(0, 70), () => {
          const { findings } = findingsFor(ruleId, c);
          assert.deepEqual(findings.map((f) => f.message), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        it(c.name ?? c.code.slice(0, 70), () => {
          const { findings } = findingsFor(ruleId, c);
          assert.equal(findings.length, c.errors.length, `findings: ${JSON.stringify(findings.map((f) => f.message))}`);
          findings.forEach((f, i) => {
            const want = c.errors[i];
            if (typeof want === 'string') assert.equal(f.message, want);
            else assert.match(f.message, want);
          });
          const fixes = findings.filter((f) => f.fix).map((f) => f.fix!);
          if (c.output === null) assert.equal(fixes.length, 0, 'expected no fix');
          else assert.equal(fixUntilStable(ruleId, c), c.output);
        });
      }
    });
  });
}

/** Like ESLint: apply the fixes that do not overlap, re-detect, repeat until nothing changes (at most 10 passes). */
export function fixUntilStable(ruleId: string, c: Case): string {
  let code = c.code;
  for (let pass = 0; pass < 10; pass++) {
    const { findings } = findingsFor(ruleId, { ...c, code });
    const fixes = findings.filter((f) => f.fix).map((f) => f.fix!);
    if (fixes.length === 0) break;
    const next = applySourceEdits(code, fixAllEdits(fixes));
    if (next === code) break;
    code = next;
  }
  return code;
}

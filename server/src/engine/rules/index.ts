// The rule engine's public API: run every enabled rule over one prompt, combine the safe fixes of a prompt into
// "Compress this prompt", build "Disable <rule> for this line" edits, and apply edits to a text.
import type { DetectedPrompt, Finding, Fix, Severity, SourceEdit } from '../types';
import { isDisabledAt } from './disableComments';
import { fixOrigin } from './fixes';
import { buildView } from './promptView';
import { RULES } from './registry';
import type { ProtectedKind } from './promptView';
import { composeChanges, measureTotalSaving, monthlySaving, savingLabel } from './savings';
import { compatibleEdits, editForChange } from './sourceEdits';
import type { RuleContext, RuleRun, ViewChange } from './types';

export { RULES, REPORTED_ELSEWHERE, allRuleMeta, ruleMetaById } from './registry';
export { disableRuleEdit } from './disableComments';
export { applySourceEdits } from './sourceEdits';
export { DEFAULT_LONG_PROMPT_TOKENS } from './checks/longPrompt';
export type { RuleContext, RuleMeta, RuleModule } from './types';

/** Severity of a rule after settings/config overrides; 'off' means the rule does not run. */
export function effectiveSeverity(ruleId: string, defaultSeverity: Severity, ctx: Pick<RuleContext, 'severities'>): Severity {
  return ctx.severities?.[ruleId] ?? defaultSeverity;
}

/** Every finding of every enabled rule for one prompt, minus those a disable comment turns off, in source order. */
export function runRules(prompt: DetectedPrompt, ctx: RuleContext): Finding[] {
  return withoutDisabledFindings(collectFindings(prompt, ctx, 'report'), prompt, ctx);
}

/**
 * runRules before disable comments apply. These depend on the prompt, its request siblings, `ctx` and the document
 * text only around the prompt (and a Python file's import lines), so analyze.ts can reuse them for an unchanged
 * prompt; the comments, which can sit anywhere above it, are applied afresh with withoutDisabledFindings.
 */
export function runRulesBeforeDisableComments(prompt: DetectedPrompt, ctx: RuleContext): Finding[] {
  return collectFindings(prompt, ctx, 'report');
}

/** The findings a `prompt-cost-disable…` comment in ctx.documentText does not turn off, order kept. */
export function withoutDisabledFindings(findings: Finding[], prompt: DetectedPrompt, ctx: RuleContext): Finding[] {
  const language = ctx.language ?? prompt.language;
  return findings.filter((f) => !isDisabledAt(ctx.documentText, f.span.start, f.ruleId, language));
}

function collectFindings(prompt: DetectedPrompt, ctx: RuleContext, mode: RuleRun['mode']): Finding[] {
  const view = buildView(prompt);
  const memo = new Map<string, number>();
  const tokens = (text: string) => {
    let n = memo.get(text);
    if (n === undefined) {
      n = ctx.countTokens(text);
      memo.set(text, n);
    }
    return n;
  };
  const run: RuleRun = { view, prompt, ctx, tokens, mode };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule.meta.id, rule.meta.defaultSeverity, ctx);
    if (severity === 'off') continue;
    let found;
    try {
      found = rule.check(run);
    } catch (err) {
      // One faulty rule must not take the others (or the server) down; the prompt simply gets no finding from it.
      console.error(`prompt-cost: rule ${rule.meta.id} failed on ${prompt.id}: ${(err as Error).message}`);
      continue;
    }
    for (const f of found) findings.push({ ruleId: rule.meta.id, severity, ...f });
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * "Compress this prompt": every fix of the prompt's findings that can be applied together (the larger saving
 * wins an overlap), composed so fixes touching one word combine ("Please, in order to" → "To"), with the combined
 * saving measured on the prompt's text. Undefined when there is nothing to do.
 */
export function compressPromptFix(prompt: DetectedPrompt, findings: Finding[], ctx: RuleContext): Fix | undefined {
  // The rules run again in fix-all mode (changes that cost nothing are included, so a second run is a no-op);
  // fixes in `findings` that did not come from the rules (other modules) are kept as they are.
  const own = withoutDisabledFindings(collectFindings(prompt, ctx, 'fix-all'), prompt, ctx).filter((f) => !isOutputSide(f.ruleId));
  // Output-side fixes (a max_tokens argument, an effort) change the call, not the prompt's text: not part of compressing it.
  const foreignGiven = findings.filter((f) => f.fix && !fixOrigin(f.fix) && !isOutputSide(f.ruleId) && (f.promptId === undefined || f.promptId === prompt.id));
  const fixes = [...own, ...foreignGiven]
    .filter((f) => f.fix && f.fix.edits.length > 0)
    .map((f) => f.fix!)
    .sort((a, b) => (b.savingsTokens ?? 0) - (a.savingsTokens ?? 0));
  if (fixes.length === 0) return undefined;
  const view = buildView(prompt);
  const written: ViewChange[] = [];
  const effects: ViewChange[] = [];
  const edits: SourceEdit[][] = [];
  const foreign: Fix[] = [];
  const allowInside = new Set<ProtectedKind>();
  for (const fix of fixes) {
    const origin = fixOrigin(fix);
    if (!origin || origin.promptId !== prompt.id) {
      foreign.push(fix);
      continue;
    }
    if (origin.effectOnly) {
      // A wrapping dedent call acts at run time: it composes with any edit inside the literal.
      if (effects.length > 0) continue;
      effects.push(...origin.changes);
    } else {
      const candidate = origin.changes.filter((c) => !written.some((t) => subsumes(t, c)));
      for (let i = written.length - 1; i >= 0; i--) if (candidate.some((c) => subsumes(c, written[i]))) written.splice(i, 1);
      // Two removals may overlap (they only disagree about the spaces between them); anything else may not.
      const clash = (c: ViewChange, t: ViewChange) => c.start < t.end && t.start < c.end && !(c.text === '' && t.text === '');
      if (candidate.some((c) => written.some((t) => clash(c, t)))) continue;
      written.push(...candidate);
    }
    origin.allowInside?.forEach((k) => allowInside.add(k));
    if (origin.extraEdits.length > 0) edits.push(origin.extraEdits);
  }
  const composed = composeChanges(written, view.text).filter((change) => {
    const edit = editForChange(view, change, ctx.documentText, [...allowInside]);
    if (edit) edits.unshift([edit]);
    return edit !== undefined;
  });
  for (const fix of foreign) edits.push(fix.edits);
  const merged = compatibleEdits(edits).edits;
  if (merged.length === 0) return undefined;
  const savingsTokens =
    measureTotalSaving(view.text, [...composed, ...effects.filter((e) => !composed.some((c) => e.start < c.end && c.start < e.end))], ctx.countTokens) + foreign.reduce((sum, f) => sum + (f.savingsTokens ?? 0), 0);
  const label = savingsTokens > 0 ? ` (${savingLabel(savingsTokens, monthlySaving(savingsTokens, ctx.monthlyCostPerInputToken))})` : '';
  return { title: `Compress this prompt${label}`, edits: merged, savingsTokens, isPreferred: false };
}

function isOutputSide(ruleId: string): boolean {
  return RULES.some((r) => r.meta.id === ruleId && r.meta.side === 'output');
}

/** `outer` replaces all of `inner`, which only removes whitespace: applying `outer` makes `inner` moot. */
function subsumes(outer: ViewChange, inner: ViewChange): boolean {
  return outer !== inner && inner.text === '' && outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

/**
 * The edits of several prompts' fixes as one set for `source.fixAll.promptCost` and `audit --fix`: overlapping
 * fixes are left out and identical edits (one import line needed by two prompts) are made once.
 */
export function fixAllEdits(fixes: Fix[]): SourceEdit[] {
  return compatibleEdits(fixes.map((f) => f.edits)).edits;
}

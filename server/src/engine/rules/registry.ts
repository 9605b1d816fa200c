// Every rule the engine knows, in the order `prompt-cost rules` lists them. Rules reported by other modules
// (pricing, budgets) are listed here too so one registry documents every rule id a user can see or configure.
import { customPhrase } from './checks/customPhrase';
import { fillerWords } from './checks/fillerWords';
import { indentationWhitespace } from './checks/indentationWhitespace';
import { longPrompt } from './checks/longPrompt';
import { modelTier } from './checks/modelTier';
import { reasoningEffort } from './checks/reasoningEffort';
import { unboundedOutput } from './checks/unboundedOutput';
import { verboseOutputRequest } from './checks/verboseOutputRequest';
import { politeness } from './checks/politeness';
import { prettyJson } from './checks/prettyJson';
import { redundantInstruction } from './checks/redundantInstruction';
import { verbosePhrase } from './checks/verbosePhrase';
import { weakDirective } from './checks/weakDirective';
import { whitespaceRuns } from './checks/whitespaceRuns';
import { ruleMeta } from './meta';
import type { RuleMeta, RuleModule } from './types';

export const RULES: RuleModule[] = [
  verbosePhrase,
  fillerWords,
  politeness,
  weakDirective,
  redundantInstruction,
  indentationWhitespace,
  whitespaceRuns,
  prettyJson,
  longPrompt,
  customPhrase,
  // Output side: the call's parameters and model (they need ctx.request, the priced request).
  unboundedOutput,
  reasoningEffort,
  verboseOutputRequest,
  modelTier,
];

export const REPORTED_ELSEWHERE: RuleMeta[] = [
  ruleMeta('budget-exceeded', 'A prompt, file or workspace costs more per month than its configured budget.', 'warning', false, 'budgets'),
  ruleMeta('unknown-model', 'The model name is not in the price catalog or the config file: the prompt cannot be priced.', 'warning', false, 'pricing'),
  ruleMeta('missing-price', 'The model is known but has no input or output price: cost is not shown rather than shown as $0.', 'information', false, 'pricing'),
];

/** Metadata of every rule id, for `prompt-cost rules`, hovers and documentation links. */
export function allRuleMeta(): RuleMeta[] {
  return [...RULES.map((r) => r.meta), ...REPORTED_ELSEWHERE];
}

export function ruleMetaById(id: string): RuleMeta | undefined {
  return allRuleMeta().find((m) => m.id === id);
}

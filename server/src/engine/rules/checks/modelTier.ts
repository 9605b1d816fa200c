// model-tier: a frontier model on work a small tier of the same provider handles (classification, extraction, a short
// rewrite), judged from the request's text and the shape of its answer only. The saving is the request priced on that
// tier (the model-switch list and the price catalog); the action opens the sidebar's model switch for the prompt.
import { ruleMeta } from '../meta';
import { reasons } from '../outputLimit';
import { parsedAsJson, requestText, smallTierTask } from '../outputShape';
import { anchorSpan, monthlySavingOf, outputSavingLabel } from '../requestFindings';
import type { RuleModule } from '../types';
import type { ResolvedModel } from '../../types';

/** Model ids that name a small tier (`gpt-4o-mini`, `claude-haiku-4-5`, `gemini-2.5-flash-lite`, `mistral-small-…`). */
export const SMALL_TIER_NAME = /(?:^|[-.])(?:mini|nano|haiku|flash|lite|small|fast|tiny|micro|luna)(?:$|[-.])/i;

export function isSmallTier(model: Pick<ResolvedModel, 'id'>): boolean {
  return SMALL_TIER_NAME.test(model.id);
}

export const modelTier: RuleModule = {
  meta: ruleMeta('model-tier', 'A frontier model on a classification, extraction or short-rewrite prompt a small tier handles.', 'information', false, 'rules', 'output'),
  check(run) {
    const facts = run.ctx.request;
    if (!facts?.carriesRequest || isSmallTier(facts.cost.model) || !facts.cost.model.price) return [];
    const text = requestText(run);
    const task = smallTierTask(text, run.tokens(text), parsedAsJson(run.prompt, run.ctx.documentText));
    if (!task) return [];
    // A model that does not reason is compared with tiers that do not either: the call's parameters (max_tokens, no
    // effort) are written for that kind of model.
    const tiers = facts.smallerTiers().filter(isSmallTier);
    const current = reasons(facts.cost.model);
    const alike = tiers.filter((t) => reasons(t) === current);
    for (const tier of alike.length ? alike : tiers) {
      // Priced as the request would be there: its own tokenizer, and hidden reasoning if the tier reasons by default.
      const monthly = monthlySavingOf(facts, { model: tier });
      if (monthly === undefined || !(monthly > 0)) continue;
      const what = task === 'json-output' ? 'an extraction read as JSON' : `a prompt whose answer is ${task.described}`;
      return [
        {
          message:
            `${facts.cost.model.id} on ${what}: ${tier.id}, the same provider's smaller tier, usually handles this ` +
            `(${outputSavingLabel(undefined, monthly)} at this volume). Compare the models in the sidebar before switching.`,
          span: anchorSpan(run.prompt, run.ctx.documentText),
          promptId: run.prompt.id,
          savingsMonthly: monthly,
          openSidebar: `Compare ${facts.cost.model.id} with ${tier.id} in the sidebar`,
        },
      ];
    }
    return [];
  },
};

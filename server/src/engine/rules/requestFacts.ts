// What the request rules (unbounded-output, reasoning-effort, model-tier, verbose-output-request) know of the call a
// prompt is sent in: its priced breakdown, and its monthly cost re-priced with a changed parameter or on another
// model. Every figure comes from the one pricing path (cost/pricePrompt.ts → cost/costModel.ts): a rule changes the
// request as the fix would and prices it again, never multiplying prices itself.
import { catalogModel } from '../pricing/catalog';
import { ALTERNATIVE_MODELS } from '../cost/alternativeModels';
import { fragmentsWithin } from '../cost/fragments';
import { OUTPUT_ON_FIRST_MESSAGE, priceOnModel, type CostContext } from '../cost/pricePrompt';
import { resolvePromptModel } from '../cost/assumptions';
import type { CostBreakdown, DetectedPrompt, ResolvedModel } from '../types';

export interface RequestChange {
  /** Price on this model instead (model-tier). */
  model?: ResolvedModel;
  /** The request's messages as the fix would leave them (a bound, an effort written at the call). */
  change?: (prompt: DetectedPrompt) => DetectedPrompt;
}

export interface RequestFacts {
  /** This prompt's breakdown as shown; the request's output and reasoning are counted on it. */
  cost: CostBreakdown;
  /** True when this prompt carries its request's once-per-call parts (output, reasoning): the one to report on. */
  carriesRequest: boolean;
  /** The request's monthly cost (every message), as analysed or after `change`; undefined without a price. */
  monthlyCost(change?: RequestChange): number | undefined;
  /** This prompt's breakdown after `change` (its output and reasoning tokens as the fix would leave them). */
  pricedWith(change: RequestChange): CostBreakdown;
  /** The same provider's cheaper tiers from the model-switch list, next one down first. */
  smallerTiers(): ResolvedModel[];
}

/**
 * Facts for one analysed prompt. `group` is its request's messages in order (undefined outside a request), `base` the
 * cost context without the request position, `fragments` the document's fragment index (cost/fragments.ts).
 */
export function requestFacts(
  prompt: DetectedPrompt,
  cost: CostBreakdown,
  group: DetectedPrompt[] | undefined,
  base: CostContext,
  fragments: Parameters<typeof fragmentsWithin>[1],
): RequestFacts {
  const members = group ?? [prompt];
  const contextOf = (member: DetectedPrompt, index: number): CostContext => {
    const inserted = fragmentsWithin(member, fragments);
    return {
      ...base,
      ...(group ? { requestMessageCount: group.length, requestIndex: index } : {}),
      ...(inserted.length ? { fragments: inserted } : {}),
    };
  };
  const price = (original: DetectedPrompt, index: number, change: RequestChange): CostBreakdown => {
    if (original === prompt && !change.change && !change.model) return cost;
    const member = change.change ? change.change(original) : original;
    const ctx = contextOf(original, index);
    return priceOnModel(member, change.model ?? resolvePromptModel(member, ctx), ctx);
  };
  const monthlyCost = (change: RequestChange = {}): number | undefined => {
    let total = 0;
    for (let i = 0; i < members.length; i++) {
      const priced = price(members[i], i, change);
      if (priced.costPerMonth === undefined) return undefined;
      total += priced.costPerMonth;
    }
    return total;
  };
  return {
    cost,
    carriesRequest: !prompt.fragmentOf && cost.tokens.outputSource !== OUTPUT_ON_FIRST_MESSAGE,
    monthlyCost,
    pricedWith: (change) => price(prompt, Math.max(0, members.indexOf(prompt)), change),
    smallerTiers: () => smallerTiers(cost.model, base.now),
  };
}

/** Same-provider models from the model-switch list whose input and output prices are both below `current`'s. */
export function smallerTiers(current: ResolvedModel, now?: Date): ResolvedModel[] {
  const price = current.price;
  if (!price) return [];
  const provider = current.provider === 'azure' ? 'openai' : current.provider;
  const out: ResolvedModel[] = [];
  for (const entry of ALTERNATIVE_MODELS) {
    if (entry.provider !== provider || entry.id === current.id) continue;
    const model = catalogModel(entry.provider, entry.id, now);
    const p = model?.price;
    if (!model || !p || !(p.inputPerMillion < price.inputPerMillion && p.outputPerMillion < price.outputPerMillion)) continue;
    out.push({ ...model, requested: model.id, source: 'default' });
  }
  // Next one down first: the dearest of the cheaper ones.
  return out.sort((a, b) => b.price!.outputPerMillion - a.price!.outputPerMillion || b.price!.inputPerMillion - a.price!.inputPerMillion);
}

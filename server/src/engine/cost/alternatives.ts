// The model-switch table: the same prompt priced on other current models, each re-counted with that model's
// tokenizer, with monthly saving, percentage and whether it fits the context window.
// Orders: 'tiers' (sidebar) = current model, then the same provider's smaller (cheaper) tiers, next one down first,
// then other providers cheapest first, then the same provider's dearer tiers; 'cheapest' (hover top 3) = cheapest first.
import { catalogModel, isPriceStale } from '../pricing/catalog';
import type { Alternative, CostBreakdown, DetectedPrompt, ResolvedModel } from '../types';
import { ALTERNATIVE_MODELS } from './alternativeModels';
import { contextLike, priceOnModel, type CostContext } from './pricePrompt';

export interface AlternativeOptions {
  /** At most this many alternatives ('tiers' adds the current model's row in front of them). */
  limit?: number;
  order?: 'cheapest' | 'tiers';
}

function sameModel(a: ResolvedModel, b: ResolvedModel): boolean {
  return a.id.toLowerCase() === b.id.toLowerCase();
}

function toAlternative(cost: CostBreakdown, current: CostBreakdown, isCurrent: boolean, ctx: CostContext): Alternative {
  const alt: Alternative = {
    model: cost.model,
    current: isCurrent,
    inputTokens: cost.tokens.input,
    outputTokens: cost.tokens.output,
    exact: cost.tokens.exact,
    encoding: cost.tokens.encoding,
  };
  // Re-priced on the same request, a reasoning model bills its hidden reasoning as output (its default effort or the
  // call's setting); a model that does not reason bills none.
  if (cost.tokens.reasoning) alt.reasoningTokens = cost.tokens.reasoning;
  if (cost.costPerCall !== undefined) alt.costPerCall = cost.costPerCall;
  if (cost.costPerMonth !== undefined) alt.costPerMonth = cost.costPerMonth;
  if (!isCurrent && cost.costPerMonth !== undefined && current.costPerMonth !== undefined) {
    alt.monthlySaving = current.costPerMonth - cost.costPerMonth;
    if (current.costPerMonth > 0) alt.savingPercent = (alt.monthlySaving / current.costPerMonth) * 100;
  }
  // Reasoning takes room in the context window as the reply does (max_tokens caps both together).
  if (cost.model.contextWindow) alt.fitsContext = cost.tokens.input + (cost.tokens.maxOutput ?? cost.tokens.output + (cost.tokens.reasoning ?? 0)) <= cost.model.contextWindow;
  if (cost.model.price) alt.priceStale = isPriceStale(cost.model.price, ctx.settings.priceMaxAgeDays, ctx.now);
  return alt;
}

const byCost = (a: Alternative, b: Alternative) => (a.costPerMonth ?? Infinity) - (b.costPerMonth ?? Infinity);

/** Alternatives for one prompt; the current model is included and marked `current` in 'tiers' order. */
export function rankAlternatives(prompt: DetectedPrompt, current: CostBreakdown, requested: CostContext, options: AlternativeOptions = {}): Alternative[] {
  const ctx = contextLike(current, requested);
  const order = options.order ?? 'cheapest';
  const rows: Alternative[] = [];
  for (const entry of ALTERNATIVE_MODELS) {
    const model = catalogModel(entry.provider, entry.id, ctx.now);
    if (!model?.price || sameModel(model, current.model)) continue;
    if (!model.contextWindow && entry.contextWindow) model.contextWindow = entry.contextWindow;
    const priced = priceOnModel(prompt, { ...model, requested: model.id, source: 'default' }, ctx);
    rows.push(toAlternative(priced, current, false, ctx));
  }
  const currentRow = toAlternative(current, current, true, ctx);
  if (order === 'cheapest') {
    // Models the prompt does not fit go last: they are not a real option.
    const sorted = rows.filter((r) => r.costPerMonth !== undefined).sort((a, b) => Number(a.fitsContext === false) - Number(b.fitsContext === false) || byCost(a, b));
    return options.limit ? sorted.slice(0, options.limit) : sorted;
  }
  const provider = current.model.provider === 'azure' ? 'openai' : current.model.provider;
  const currentCost = current.costPerMonth ?? Infinity;
  const own = rows.filter((r) => r.model.provider === provider);
  const smaller = own.filter((r) => (r.costPerMonth ?? Infinity) < currentCost).sort((a, b) => byCost(b, a));
  const larger = own.filter((r) => !smaller.includes(r)).sort(byCost);
  const others = rows.filter((r) => r.model.provider !== provider).sort(byCost);
  const ordered = [currentRow, ...smaller, ...others, ...larger];
  return options.limit ? ordered.slice(0, options.limit + 1) : ordered;
}

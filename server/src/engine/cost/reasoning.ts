// Hidden reasoning tokens of one call: billed as output, never visible in the reply, always an estimate.
// Precedence (docs/design/numbers.md):
//   .promptcost.json reasoningTokens.prompts[id]
//   > the call site (Anthropic/Gemini thinking budget; reasoning_effort / reasoning.effort / thinkingLevel → EFFORT_TOKENS)
//   > reasoningTokens.models[model id] > reasoningTokens.default > setting promptCost.reasoningTokens
//   > the model's built-in estimate (cost/reasoningModels.ts)
// `default`, the setting and the built-in estimate apply only to models that reason without being asked; Claude and
// Gemini Flash-Lite reason only when the call enables thinking.
import type { DetectedPrompt, ResolvedModel } from '../types';
import { promptEntry, type AssumptionContext } from './assumptions';
import { EFFORT_TOKENS, EFFORT_TOKENS_SOURCE, MAX_REASONING_TOKENS, reasoningRowOf } from './reasoningModels';
import { groupThousands } from '../views/format';

export interface ReasoningEstimate {
  tokens: number;
  /** Where the figure comes from, e.g. `reasoning_effort="high" → 10,000 (our planning estimate …)`. */
  source: string;
}

function finiteTokens(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Caps a figure at what the call's max tokens leave after the visible output (reasoning and reply share that limit:
 * OpenAI max_completion_tokens, Anthropic max_tokens) and at MAX_REASONING_TOKENS, saying so.
 */
function cap(tokens: number, source: string, maxTokens: number | undefined, visibleOutput: number): ReasoningEstimate {
  const max = finiteTokens(maxTokens);
  const room = max === undefined ? undefined : Math.max(0, Math.floor(max - (finiteTokens(visibleOutput) ?? 0)));
  if (room !== undefined && tokens > room) return { tokens: room, source: `${source}, capped at the call's max tokens (${groupThousands(Math.floor(max!))}) less the visible output` };
  if (!(tokens <= MAX_REASONING_TOKENS)) return { tokens: MAX_REASONING_TOKENS, source: `${source}, capped at ${groupThousands(MAX_REASONING_TOKENS)} (the largest documented thinking budget)` };
  return { tokens: Math.round(tokens), source };
}

function effortTokens(effort: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(EFFORT_TOKENS, effort.toLowerCase()) ? EFFORT_TOKENS[effort.toLowerCase()] : undefined;
}

/** Reasoning tokens for one call of `prompt`'s request on `model`; undefined when the model does not reason. */
export function resolveReasoning(prompt: DetectedPrompt, model: ResolvedModel, ctx: AssumptionContext, visibleOutput = 0): ReasoningEstimate | undefined {
  const maxTokens = prompt.callParams.maxTokens;
  const bounded = (tokens: number, source: string, max: number | undefined) => cap(tokens, source, max, visibleOutput);
  const config = ctx.workspaceConfig?.reasoningTokens;
  const byPrompt = promptEntry(config?.prompts, prompt, ctx.relativePath);
  if (byPrompt) return bounded(byPrompt.value, `.promptcost.json reasoningTokens.prompts["${byPrompt.key}"]`, maxTokens);

  const row = reasoningRowOf(model);
  const byModel = config?.models && Object.prototype.hasOwnProperty.call(config.models, model.id) ? config.models[model.id] : undefined;
  // A model that does not reason ignores reasoning settings (the sidebar re-prices one request on many models).
  if ((!row || row.mode === 'none') && byModel === undefined) return undefined;
  const written = prompt.callParams.reasoning;
  if (written) {
    if (written.enabled === false || written.budgetTokens === 0) return { tokens: 0, source: `${written.written}: thinking off` };
    const budget = written.budgetTokens;
    if (budget !== undefined && budget > 0) {
      // A budget is the most the model may think; we assume it uses all of it (an upper estimate, labelled).
      if (!Number.isFinite(budget)) return bounded(Infinity, `${written.written} (budget, the most it may use)`, maxTokens);
      return bounded(budget, `${written.written} (budget, the most it may use)`, maxTokens);
    }
    const fromEffort = written.effort !== undefined ? effortTokens(written.effort) : undefined;
    if (fromEffort !== undefined) return bounded(fromEffort, `${written.written} → ${groupThousands(fromEffort)} (${EFFORT_TOKENS_SOURCE})`, maxTokens);
    // `thinking` enabled without a budget, Gemini's dynamic budget (-1) or an effort we do not know: the defaults below.
  }
  if (row?.mode === 'opt-in' && !written) return undefined;
  if (byModel !== undefined) return bounded(byModel, `.promptcost.json reasoningTokens.models["${model.id}"]`, maxTokens);
  if (!row) return undefined;
  if (config?.default !== undefined) return bounded(config.default, '.promptcost.json reasoningTokens.default', maxTokens);
  const setting = finiteTokens(ctx.settings.reasoningTokens);
  if (setting !== undefined) return bounded(setting, 'setting promptCost.reasoningTokens', maxTokens);
  const effort = written?.effort && effortTokens(written.effort) === undefined ? 'medium' : row.defaultEffort ?? 'medium';
  const tokens = effortTokens(effort) ?? EFFORT_TOKENS.medium;
  const why = written ? `${written.written}, ` : '';
  return bounded(tokens, `${why}${model.id} reasons by default (${row.source}, ${row.date}); effort ${effort} → ${groupThousands(tokens)} (${EFFORT_TOKENS_SOURCE})`, maxTokens);
}

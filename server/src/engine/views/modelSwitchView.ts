// "Model switch" table: the selected prompt priced on other models (same provider's smaller tiers first, then other
// providers — the order rankAlternatives(…, { order: 'tiers' }) returns), with savings and whether the switch can be
// written back to the call site.
import type { Alternative, CostBreakdown, DetectedPrompt } from '../types';
import { formatPercent, formatTokens, formatUsd } from './format';

export type AlternativeGroup = 'current' | 'same-provider' | 'other-provider';

export interface ModelSwitchRow {
  modelId: string;
  provider: string;
  group: AlternativeGroup;
  current: boolean;
  inputTokens: number;
  /** Hidden reasoning billed as output on this model (an estimate); absent when the model does not reason. */
  reasoningTokens?: number;
  exact: boolean;
  costPerCall?: number;
  costPerMonth?: number;
  /** Current monthly cost minus this one; negative when dearer. */
  monthlySaving?: number;
  savingPercent?: number;
  fitsContext?: boolean;
  contextWindow?: number;
  text: {
    tokens: string;
    /** `+≈3,000 reasoning`, or empty for a model that does not reason. */
    reasoning: string;
    costPerCall: string;
    costPerMonth: string;
    saving: string;
    savingPercent: string;
    fits: string;
    count: 'exact' | 'estimated';
  };
}

export interface ModelSwitchView {
  promptId: string;
  currentModelId: string;
  rows: ModelSwitchRow[];
  /** Whether "Use this model" can rewrite the model argument, and if not, where the model is set instead. */
  rewrite: { possible: boolean; reason?: string };
  priceSource?: string;
}

export function buildModelSwitchView(prompt: DetectedPrompt, current: CostBreakdown, alternatives: readonly Alternative[]): ModelSwitchView {
  const currentId = current.model.id;
  const listed = alternatives.some((a) => a.current || a.model.id === currentId);
  // The current model is marked and listed first, so every saving reads against the row above it.
  const all = listed ? [...alternatives] : [currentAsAlternative(current), ...alternatives];
  all.sort((a, b) => Number(isCurrent(b, currentId)) - Number(isCurrent(a, currentId)));
  const rows = all.map((a) => row(a, current));
  const price = current.model.price;
  return {
    promptId: prompt.id,
    currentModelId: currentId,
    rows,
    rewrite: rewritePossibility(prompt),
    ...(price ? { priceSource: `${price.source}, ${price.date}` } : {}),
  };
}

function isCurrent(a: Alternative, currentId: string): boolean {
  return a.current || a.model.id === currentId;
}

function row(a: Alternative, current: CostBreakdown): ModelSwitchRow {
  const isCur = isCurrent(a, current.model.id);
  const saving = isCur ? undefined : a.monthlySaving ?? difference(current.costPerMonth, a.costPerMonth);
  const percent = isCur ? undefined : a.savingPercent ?? percentOf(saving, current.costPerMonth);
  return {
    modelId: a.model.id,
    provider: a.model.provider,
    group: isCur ? 'current' : a.model.provider === current.model.provider ? 'same-provider' : 'other-provider',
    current: isCur,
    inputTokens: a.inputTokens,
    ...(a.reasoningTokens ? { reasoningTokens: a.reasoningTokens } : {}),
    exact: a.exact,
    costPerCall: a.costPerCall,
    costPerMonth: a.costPerMonth,
    monthlySaving: saving,
    savingPercent: percent,
    fitsContext: a.fitsContext,
    contextWindow: a.model.contextWindow,
    text: {
      tokens: formatTokens(a.inputTokens, a.exact),
      reasoning: a.reasoningTokens ? `+≈${formatTokens(a.reasoningTokens)} reasoning` : '',
      costPerCall: formatUsd(a.costPerCall),
      costPerMonth: formatUsd(a.costPerMonth),
      saving: isCur ? 'current' : savingText(saving),
      savingPercent: isCur ? '' : formatPercent(percent),
      fits: fitsText(a),
      count: a.exact ? 'exact' : 'estimated',
    },
  };
}

function savingText(saving: number | undefined): string {
  if (saving === undefined) return '—';
  if (saving < 0) return `costs ${formatUsd(-saving)} more`;
  return formatUsd(saving);
}

function fitsText(a: Alternative): string {
  if (a.fitsContext === undefined) return 'unknown';
  if (a.fitsContext) return 'yes';
  return a.model.contextWindow ? `no (window ${formatTokens(a.model.contextWindow)})` : 'no';
}

function difference(current: number | undefined, other: number | undefined): number | undefined {
  return current === undefined || other === undefined ? undefined : current - other;
}

function percentOf(saving: number | undefined, base: number | undefined): number | undefined {
  return saving === undefined || base === undefined || base === 0 ? undefined : (saving / base) * 100;
}

function currentAsAlternative(c: CostBreakdown): Alternative {
  return {
    model: c.model,
    current: true,
    inputTokens: c.tokens.input,
    outputTokens: c.tokens.output,
    ...(c.tokens.reasoning ? { reasoningTokens: c.tokens.reasoning } : {}),
    exact: c.tokens.exact,
    encoding: c.tokens.encoding,
    costPerCall: c.costPerCall,
    costPerMonth: c.costPerMonth,
    priceStale: c.priceStale,
  };
}

const MODEL_SET_ELSEWHERE: Record<string, string> = {
  annotation: 'The model comes from a `prompt-cost:` annotation; change the model where the call is made.',
  constant: 'The model comes from a constant; change the constant.',
  'front-matter': 'The model comes from the prompt file\u2019s front matter; edit it there.',
  config: 'The model comes from .promptcost.json; change it there or at the call site.',
  'framework-default': 'No model at the call site: the price uses the framework\u2019s own default model; name a model in the code to change it.',
  settings: 'No model at the call site: the price uses the promptCost.defaultModel setting.',
  default: 'No model at the call site: the price uses the default model.',
  'call-site': 'The model argument is not a plain string literal, so it cannot be rewritten in place.',
};

function rewritePossibility(prompt: DetectedPrompt): ModelSwitchView['rewrite'] {
  const ref = prompt.model;
  if (ref?.literal && ref.span) return { possible: true };
  return { possible: false, reason: MODEL_SET_ELSEWHERE[ref?.source ?? 'default'] };
}

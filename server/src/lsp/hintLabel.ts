// The words of the inline hint and its tooltip, the one place that writes them (docs/design/editor.md, "What the
// figure is made of"): `171 in + ≈300 out · $0.0034/call · $103/mo`, shortened step by step until it fits the
// characters VS Code shows of a line's hints, so the figure the mode promises ($/month in `full`, $/call in `cost`)
// is never the part cut off.
import type { InlineHints } from '../engine/config/settings';
import type { AnalyzedPrompt, CostBreakdown } from '../engine/types';
import { promptLocalName } from '../engine/cost/fragments';
import { OUTPUT_ON_FIRST_MESSAGE } from '../engine/cost/pricePrompt';
import { monthlyCostOverRequests, requestShares, requestSite } from '../engine/cost/requestShares';
import { formatTokens, formatUsd } from '../engine/views/format';

/**
 * VS Code's default `editor.inlayHints.maximumLength`: the hints of one line are cut past this many characters (a `…`
 * takes the rest). Found by the e2e run: `171 in + ≈300 out (assumed: 87% of cost) · …` lost its monthly figure.
 */
export const HINT_MAX_LENGTH = 43;

/** Output sources that state the reply size for this very prompt; every other source is a general assumption. */
const STATED_OUTPUT = [/^annotation\b/, /^\.promptcost\.json outputTokens\.prompts\[/];

/** Half the cost or more from an assumed reply: the hint names its share. */
const OUTPUT_SHARE_SHOWN = 0.5;

/**
 * What the figure is made of: `171 in + ≈300 out · $0.0034/call · $103/mo`. `in` is the prompt as sent (≈ when
 * estimated: a non-OpenAI tokenizer or placeholders, counted in the tooltip), `out` the reply the cost assumes (≈ when
 * no size was stated for this prompt) and beside it any hidden reasoning (`+ ≈3,000 reasoning`, billed as output).
 * When that assumed output is half the cost or more the hint says so, in place of the per-call figure in `full` mode:
 * `14 in + ≈250 out (97% of cost) · $76/mo`.
 * Longer than HINT_MAX_LENGTH, parts go in this order until it fits (each only while still too long): the per-call
 * figure in `full` mode; the reasoning, counted into `out` (`≈3,250 out`: the same tokens at the same price, the
 * tooltip splits them); the share's words (`(97%)`); the share; the output part; a missing price's model name. The
 * input and the mode's own figure ($/month in `full`, $/call in `cost`) always stay.
 * `fragmentOf`: the text is part of that larger prompt, whose hint carries the cost: `38 tok · in SYSTEM`.
 */
export function hintLabel(cost: CostBreakdown, mode: InlineHints, fragmentOf?: string, maxLength = HINT_MAX_LENGTH): string {
  const { tokens } = cost;
  // Placeholders filled from a fragment of this file are known text; only the rest are variables sized by estimate.
  const variables = tokens.estimatedPlaceholders ?? tokens.placeholderCount;
  const estimated = !tokens.exact || variables > 0;
  const input = `${estimated ? '≈' : ''}${formatTokens(tokens.input)}`;
  const vars = variables > 0 ? ` +${variables} var${variables === 1 ? '' : 's'}` : '';
  if (fragmentOf) return `${input} tok${vars} · in ${promptLocalName(fragmentOf)}`;
  // Token mode: the prompt's own size only.
  if (mode === 'tokens') return `${input} tok${vars}`;
  const shapes = labelShapes(cost, mode === 'cost' ? 'cost' : 'full', `${input} in`);
  return shapes.find((shape) => shape.length <= maxLength) ?? shapes[shapes.length - 1];
}

/** The label from its fullest to its shortest shape: each drops the next part of the order hintLabel describes. */
function labelShapes(cost: CostBreakdown, mode: 'cost' | 'full', input: string): string[] {
  const output = outputPart(cost);
  const share = output?.assumed && (output.share ?? 0) >= OUTPUT_SHARE_SHOWN ? wholePercent(output.share!) : undefined;
  const money = cost.costPerCall === undefined
    ? [`no price for ${cost.model.requested || cost.model.id}`]
    : [
      ...(mode === 'cost' || !share ? [`${formatUsd(cost.costPerCall)}/call`] : []),
      ...(mode === 'full' && cost.costPerMonth !== undefined ? [`${formatUsd(cost.costPerMonth)}/mo`] : []),
    ];
  const shape = (out: string | undefined, note: string | undefined, figures: string[]) =>
    [`${input}${out ? ` + ${out}` : ''}${out && note ? ` ${note}` : ''}`, ...figures].join(' · ');
  // The figure the mode promises: $/month in full mode (when known), $/call in cost mode, or the missing price.
  const kept = mode === 'full' && money.length > 1 ? money.slice(1) : money;
  const shortPrice = cost.costPerCall === undefined ? ['no price'] : kept;
  const shapes = [
    shape(output?.label, share && `(${share} of cost)`, money),
    shape(output?.label, share && `(${share} of cost)`, kept),
    shape(output?.folded, share && `(${share} of cost)`, kept),
    shape(output?.folded, share && `(${share})`, kept),
    shape(output?.folded, undefined, kept),
    shape(undefined, undefined, kept),
    shape(undefined, undefined, shortPrice),
  ];
  return shapes.filter((s, i) => s !== shapes[i - 1]);
}

/**
 * The output part of the hint, or undefined when this prompt carries no output of its own (a later message of a
 * request: the reply is counted once, on its first message). `folded`: the same with any reasoning counted in.
 */
export function outputPart(cost: CostBreakdown): { label: string; folded: string; assumed: boolean; share?: number } | undefined {
  const { tokens } = cost;
  if (tokens.output === 0 && tokens.outputSource === OUTPUT_ON_FIRST_MESSAGE) return undefined;
  const assumedReply = !STATED_OUTPUT.some((re) => re.test(tokens.outputSource));
  const reply = `${assumedReply ? '≈' : ''}${formatTokens(tokens.output)} out`;
  // Hidden reasoning is output too (billed at the output price, and always an estimate): the share covers it.
  const label = tokens.reasoning ? `${reply} + ≈${formatTokens(tokens.reasoning)} reasoning` : reply;
  const folded = tokens.reasoning ? `≈${formatTokens(tokens.output + tokens.reasoning)} out` : reply;
  return { label, folded, assumed: assumedReply || !!tokens.reasoning, share: outputShare(cost) };
}

/** The reply's share of the cost per call (0–1), from the cost model's own split; undefined without a price. */
function outputShare(cost: CostBreakdown): number | undefined {
  if (cost.costPerCall === undefined || cost.outputCostPerCall === undefined || !(cost.costPerCall > 0)) return undefined;
  return Math.min(1, Math.max(0, cost.outputCostPerCall / cost.costPerCall));
}

/** Rounded down, so a reply that is nearly all of the cost reads 99 %, not 100 %, while the prompt costs something. */
function wholePercent(share: number): string {
  return `${Math.floor(share * 100 + 1e-9)}%`;
}

/** Everything the hint leaves out or shortens: the model, each part's source, per call and per month. */
export function hintTooltip(cost: CostBreakdown, fragmentOf?: string): string {
  const { tokens } = cost;
  const lines = [`Input: ${formatTokens(tokens.input)} tokens on ${cost.model.id} (${tokens.encoding}${tokens.exact ? '' : ', estimated'})`];
  if (fragmentOf) lines.push(`Part of ${fragmentOf}: its cost is counted there.`);
  const known = tokens.fragmentPlaceholders;
  if (known) lines.push(`${known.count} placeholder(s) filled from this file's texts: ${formatTokens(known.tokens)} tokens`);
  const estimated = tokens.placeholderCount - (known?.count ?? 0);
  if (estimated > 0) {
    lines.push(`${estimated} placeholder(s) estimated at ${formatTokens(tokens.placeholders - (known?.tokens ?? 0))} tokens in total`);
  }
  const output = fragmentOf ? undefined : outputPart(cost);
  if (!fragmentOf && !output) lines.push(`Output: ${tokens.outputSource}`);
  if (output) {
    const perCall = cost.outputCostPerCall !== undefined ? `, ${formatUsd(cost.outputCostPerCall)}/call` : '';
    lines.push(`Output: ${formatTokens(tokens.output)} tokens expected per call (${tokens.outputSource})${perCall}`);
    if (tokens.reasoning) lines.push(`Reasoning: ${formatTokens(tokens.reasoning)} hidden tokens per call, billed as output (estimate: ${tokens.reasoningSource})`);
    if (output.share !== undefined && output.share >= OUTPUT_SHARE_SHOWN) {
      lines.push(
        output.assumed
          ? `${wholePercent(output.share)} of the cost is this assumed ${tokens.reasoning ? 'output' : 'reply'}, not the prompt. State the reply size with a "prompt-cost: output=N" comment above the prompt or outputTokens in .promptcost.json.`
          : `${wholePercent(output.share)} of the cost is the reply.`,
      );
    }
  }
  if (cost.costPerCall === undefined && !fragmentOf) lines.push(`No price known for ${cost.model.requested || cost.model.id}.`);
  if (cost.costPerCall !== undefined && cost.costPerMonth !== undefined && !fragmentOf) {
    lines.push(`${formatUsd(cost.costPerCall)}/call · ${formatUsd(cost.costPerMonth)}/month at ${formatTokens(cost.volume.callsPerDay)} calls/day — ${cost.volume.source}`);
  }
  lines.push('Hover the prompt for the full breakdown.');
  return lines.join('\n');
}

/**
 * A text several calls send (docs/design/numbers.md, "One prompt, several requests"): its size, how many requests send
 * it and what it costs a month over all of them — `32 tok · 2 requests · $120/mo`. No per-call figure: the calls
 * differ (model, output, volume); the hover and the tooltip list each one.
 */
export function requestsHintLabel(analyzed: AnalyzedPrompt): string {
  const shares = requestShares(analyzed);
  const size = `${hintLabel(analyzed.cost, 'tokens')} · ${shares.length} requests`;
  const unpriced = shares.find((s) => s.cost.costPerMonth === undefined);
  if (unpriced) return `${size} · no price for ${unpriced.cost.model.requested || unpriced.cost.model.id}`;
  return `${size} · ${formatUsd(monthlyCostOverRequests(analyzed))}/mo`;
}

/** The tooltip's first lines for a text several calls send: one per request; the rest describes the first. */
export function requestsTooltip(analyzed: AnalyzedPrompt): string {
  if (!analyzed.moreRequests?.length) return '';
  const lines = requestShares(analyzed).map((share) => {
    const where = share.site ?? requestSite(share.requestId);
    const figures = share.cost.costPerCall !== undefined ? `${formatUsd(share.cost.costPerCall)}/call · ${formatUsd(share.cost.costPerMonth)}/month` : 'no price';
    return `${share.cost.model.id}${where ? ` (${where})` : ''}: ${figures}`;
  });
  return `Sent by ${lines.length} requests:\n${lines.join('\n')}\nThe lines below describe the first.\n`;
}

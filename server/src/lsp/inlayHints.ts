// The inline cost hint: `412 in + ≈250 out · $0.0041/call · $63/mo` after each prompt's first line.
// Inlay hints, not code lenses: they add no line above the prompt, so the code does not jump while typing.
import type { InlayHint, Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlineHintPosition, InlineHints } from '../engine/config/settings';
import type { AnalyzedPrompt, CostBreakdown } from '../engine/types';
import type { ServerContext } from './context';
import { promptLocalName } from '../engine/cost/fragments';
import { OUTPUT_ON_FIRST_MESSAGE } from '../engine/cost/pricePrompt';
import { formatTokens, formatUsd } from '../engine/views/format';
import { endOfLine, rangeToSpan, spansTouch } from './positions';

export function register(ctx: ServerContext): void {
  ctx.capabilities.inlayHintProvider = { resolveProvider: false };
  ctx.connection.languages.inlayHint.on(async (params) => {
    const uri = params.textDocument.uri;
    ctx.startupTimeline.documentMark(uri, 'inlayHint requested');
    const hints = await inlayHintsFor(ctx, params.textDocument.uri, params.range);
    ctx.startupTimeline.hintAnswered(uri, hints.length);
    return hints;
  });
  ctx.onConfigurationChanged(() => {
    ctx.startupTimeline.markWhileWaiting('inlayHint refresh sent');
    void ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
  });
}

async function inlayHintsFor(ctx: ServerContext, uri: string, range: Range): Promise<InlayHint[]> {
  const document = ctx.documents.get(uri);
  if (!document) return [];
  const analysis = await ctx.getAnalysis(document.uri);
  // Read after the analysis: it waits for the first settings read.
  const mode = ctx.settings().inlineHints;
  if (mode === 'off' || !analysis || ctx.documents.get(document.uri)?.version !== document.version) return [];
  const visible = rangeToSpan(document, range);
  const { inlineHintPosition, inlineHintMaxColumn } = ctx.settings();
  const placement: HintPlacement = { position: inlineHintPosition, maxColumn: inlineHintMaxColumn };
  return analysis.prompts
    .filter((p) => spansTouch(visible, p.prompt.span))
    .map((p) => toInlayHint(p, document, mode, placement));
}

/** `auto`: keep the hint within `maxColumn` columns (the server cannot see the editor's width); `endOfLine`: always there. */
export interface HintPlacement {
  position: InlineHintPosition;
  maxColumn: number;
}

const END_OF_LINE: HintPlacement = { position: 'endOfLine', maxColumn: Infinity };

export function toInlayHint(analyzed: AnalyzedPrompt, document: TextDocument, mode: InlineHints, placement: HintPlacement = END_OF_LINE): InlayHint {
  const label = hintLabel(analyzed.cost, mode, analyzed.prompt.fragmentOf);
  const { position, before } = hintPosition(analyzed, document, label, placement);
  return {
    position,
    label,
    // Before code, the space goes after the hint; after code, before it.
    ...(before ? { paddingRight: true } : { paddingLeft: true }),
    tooltip: hintTooltip(analyzed.cost, analyzed.prompt.fragmentOf),
  };
}

/**
 * A one-line prompt: right after it; a multi-line prompt: at the end of its first line, so the hint sits beside the
 * text it measures. With `auto`, when the hint would end past `maxColumn` it goes just before the prompt's string
 * (`SYSTEM = [hint] """…`), or at the line's first non-blank character when the string itself starts too far right.
 * Columns are UTF-16 characters, a tab counts as one; the hint's own length counts plus its padding space.
 */
export function hintPosition({ prompt }: AnalyzedPrompt, document: TextDocument, label: string, placement: HintPlacement): { position: Position; before: boolean } {
  const start = document.positionAt(prompt.span.start);
  const end = document.positionAt(prompt.span.end);
  const atEnd = start.line === end.line ? end : endOfLine(document, start.line);
  const width = label.length + 1;
  if (placement.position === 'endOfLine' || endOfLine(document, atEnd.line).character + width <= placement.maxColumn) {
    return { position: atEnd, before: false };
  }
  if (start.character + width <= placement.maxColumn) return { position: start, before: true };
  const lineText = document.getText({ start: { line: start.line, character: 0 }, end: start });
  return { position: { line: start.line, character: lineText.length - lineText.trimStart().length }, before: true };
}

/**
 * What the figure is made of: `171 in + ≈300 out · $0.0034/call · $103/mo`. `in` is the prompt as sent (≈ when
 * estimated: a non-OpenAI tokenizer or placeholders, counted in the tooltip), `out` the reply the cost assumes (≈ when
 * no size was stated for this prompt). When that assumed reply is half the cost or more the hint says so, in place of
 * the per-call figure in `full` mode: `14 in + ≈250 out (97% of cost) · $76/mo`.
 * Short on purpose: VS Code cuts a line's inlay hints at `editor.inlayHints.maximumLength` (43 characters by default).
 * `fragmentOf`: the text is part of that larger prompt, whose hint carries the cost: `38 tok · in SYSTEM`.
 */
export function hintLabel(cost: CostBreakdown, mode: InlineHints, fragmentOf?: string): string {
  const { tokens } = cost;
  // Placeholders filled from a fragment of this file are known text; only the rest are variables sized by estimate.
  const variables = tokens.estimatedPlaceholders ?? tokens.placeholderCount;
  const estimated = !tokens.exact || variables > 0;
  const input = `${estimated ? '≈' : ''}${formatTokens(tokens.input)}`;
  const vars = variables > 0 ? ` +${variables} var${variables === 1 ? '' : 's'}` : '';
  if (fragmentOf) return `${input} tok${vars} · in ${promptLocalName(fragmentOf)}`;
  // Token mode: the prompt's own size only.
  if (mode === 'tokens') return `${input} tok${vars}`;
  let label = `${input} in`;
  const output = outputPart(cost);
  if (output) label += ` + ${output.label}`;
  if (cost.costPerCall === undefined) return `${label} · no price for ${cost.model.requested || cost.model.id}`;
  const mostlyAssumedOutput = !!output?.assumed && (output.share ?? 0) >= OUTPUT_SHARE_SHOWN;
  if (mostlyAssumedOutput) label += ` (${wholePercent(output.share!)} of cost)`;
  if (mode === 'cost' || !mostlyAssumedOutput) label += ` · ${formatUsd(cost.costPerCall)}/call`;
  if (mode === 'full' && cost.costPerMonth !== undefined) label += ` · ${formatUsd(cost.costPerMonth)}/mo`;
  return label;
}

/** Output sources that state the reply size for this very prompt; every other source is a general assumption. */
const STATED_OUTPUT = [/^annotation\b/, /^\.promptcost\.json outputTokens\.prompts\[/];

/** Half the cost or more from an assumed reply: the hint names its share. */
const OUTPUT_SHARE_SHOWN = 0.5;

/**
 * The output part of the hint, or undefined when this prompt carries no output of its own (a later message of a
 * request: the reply is counted once, on its first message).
 */
export function outputPart(cost: CostBreakdown): { label: string; assumed: boolean; share?: number } | undefined {
  const { tokens } = cost;
  if (tokens.output === 0 && tokens.outputSource === OUTPUT_ON_FIRST_MESSAGE) return undefined;
  // Hidden reasoning is output too (billed at the output price, and always an estimate): the share covers it.
  const reasoning = tokens.reasoning ? ` + ≈${formatTokens(tokens.reasoning)} reasoning` : '';
  const assumedReply = !STATED_OUTPUT.some((re) => re.test(tokens.outputSource));
  const label = `${assumedReply ? '≈' : ''}${formatTokens(tokens.output)} out${reasoning}`;
  return { label, assumed: assumedReply || !!tokens.reasoning, share: outputShare(cost) };
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

function hintTooltip(cost: CostBreakdown, fragmentOf?: string): string {
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
          ? `${wholePercent(output.share)} of the cost is this assumed reply, not the prompt. State the reply size with a "prompt-cost: output=N" comment above the prompt or outputTokens in .promptcost.json.`
          : `${wholePercent(output.share)} of the cost is the reply.`,
      );
    }
  }
  if (cost.costPerCall !== undefined && cost.costPerMonth !== undefined && !fragmentOf) {
    lines.push(`${formatUsd(cost.costPerCall)}/call · ${formatUsd(cost.costPerMonth)}/month at ${formatTokens(cost.volume.callsPerDay)} calls/day — ${cost.volume.source}`);
  }
  lines.push('Hover the prompt for the full breakdown.');
  return lines.join('\n');
}

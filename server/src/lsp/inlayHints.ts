// The inline cost hint: `412 tok · $0.0021/call · $63/mo` after each prompt's first line.
// Inlay hints, not code lenses: they add no line above the prompt, so the code does not jump while typing.
import type { InlayHint, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlineHints } from '../engine/config/settings';
import type { AnalyzedPrompt, CostBreakdown } from '../engine/types';
import type { ServerContext } from './context';
import { promptLocalName } from '../engine/cost/fragments';
import { formatTokens, formatUsd } from '../engine/views/format';
import { endOfLine, rangeToSpan, spansTouch } from './positions';

export function register(ctx: ServerContext): void {
  ctx.capabilities.inlayHintProvider = { resolveProvider: false };
  ctx.connection.languages.inlayHint.on(async (params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    const analysis = await ctx.getAnalysis(document.uri);
    // Read after the analysis: it waits for the first settings read.
    const mode = ctx.settings().inlineHints;
    if (mode === 'off' || !analysis || ctx.documents.get(document.uri)?.version !== document.version) return [];
    const visible = rangeToSpan(document, params.range);
    return analysis.prompts
      .filter((p) => spansTouch(visible, p.prompt.span))
      .map((p) => toInlayHint(p, document, mode));
  });
  ctx.onConfigurationChanged(() => {
    void ctx.connection.languages.inlayHint.refresh().catch(() => undefined);
  });
}

export function toInlayHint(analyzed: AnalyzedPrompt, document: TextDocument, mode: InlineHints): InlayHint {
  return {
    position: hintPosition(analyzed, document),
    label: hintLabel(analyzed.cost, mode, analyzed.prompt.fragmentOf),
    paddingLeft: true,
    tooltip: hintTooltip(analyzed.cost, analyzed.prompt.fragmentOf),
  };
}

/** A one-line prompt: right after it. A multi-line prompt: at the end of its first line, so the hint sits beside the text it measures. */
function hintPosition({ prompt }: AnalyzedPrompt, document: TextDocument): Position {
  const start = document.positionAt(prompt.span.start);
  const end = document.positionAt(prompt.span.end);
  return start.line === end.line ? end : endOfLine(document, start.line);
}

/** `fragmentOf`: the text is part of that larger prompt, whose hint carries the cost: `38 tok · in SYSTEM`. */
export function hintLabel(cost: CostBreakdown, mode: InlineHints, fragmentOf?: string): string {
  const { tokens } = cost;
  // Placeholders filled from a fragment of this file are known text; only the rest are variables sized by estimate.
  const variables = tokens.estimatedPlaceholders ?? tokens.placeholderCount;
  const estimated = !tokens.exact || variables > 0;
  let label = `${estimated ? '≈' : ''}${formatTokens(tokens.input)} tok`;
  if (variables > 0) label += ` +${variables} var${variables === 1 ? '' : 's'}`;
  if (fragmentOf) return `${label} · in ${promptLocalName(fragmentOf)}`;
  if (mode === 'tokens') return label;
  if (cost.costPerCall === undefined) return `${label} · no price for ${cost.model.requested || cost.model.id}`;
  label += ` · ${formatUsd(cost.costPerCall)}/call`;
  if (mode === 'full' && cost.costPerMonth !== undefined) label += ` · ${formatUsd(cost.costPerMonth)}/mo`;
  return label;
}

function hintTooltip(cost: CostBreakdown, fragmentOf?: string): string {
  const lines = [`Input tokens on ${cost.model.id} (${cost.tokens.encoding}${cost.tokens.exact ? '' : ', estimated'})`];
  if (fragmentOf) lines.push(`Part of ${fragmentOf}: its cost is counted there.`);
  const known = cost.tokens.fragmentPlaceholders;
  if (known) lines.push(`${known.count} placeholder(s) filled from this file's texts: ${formatTokens(known.tokens)} tokens`);
  const estimated = cost.tokens.placeholderCount - (known?.count ?? 0);
  if (estimated > 0) {
    lines.push(`${estimated} placeholder(s) estimated at ${formatTokens(cost.tokens.placeholders - (known?.tokens ?? 0))} tokens in total`);
  }
  if (cost.costPerMonth !== undefined && !fragmentOf) lines.push(`${formatTokens(cost.volume.callsPerDay)} calls/day — ${cost.volume.source}`);
  lines.push('Hover the prompt for the full breakdown.');
  return lines.join('\n');
}

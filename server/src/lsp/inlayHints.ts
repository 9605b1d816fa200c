// The inline cost hint: `412 in + ≈250 out · $0.0041/call · $63/mo` after each prompt's first line.
// Inlay hints, not code lenses: they add no line above the prompt, so the code does not jump while typing.
import type { InlayHint, Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlineHintPosition, InlineHints } from '../engine/config/settings';
import type { AnalyzedPrompt } from '../engine/types';
import type { ServerContext } from './context';
import { hintLabel, hintTooltip, requestsHintLabel, requestsTooltip } from './hintLabel';
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
  const label = analyzed.moreRequests?.length && mode !== 'tokens' ? requestsHintLabel(analyzed) : hintLabel(analyzed.cost, mode, analyzed.prompt.fragmentOf);
  const { position, before } = hintPosition(analyzed, document, label, placement);
  return {
    position,
    label,
    // Before code, the space goes after the hint; after code, before it.
    ...(before ? { paddingRight: true } : { paddingLeft: true }),
    tooltip: requestsTooltip(analyzed) + hintTooltip(analyzed.cost, analyzed.prompt.fragmentOf),
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

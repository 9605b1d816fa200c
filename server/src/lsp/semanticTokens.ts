// Placeholders inside detected prompts as semantic tokens, so `{document}` stands out in a Python string only when
// that string is a prompt (a TextMate grammar cannot know that). One custom type, `promptPlaceholder`, a `variable`.
import type { SemanticTokens } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, PlaceholderPart } from '../engine/types';
import type { ServerContext } from './context';
import { endOfLine } from './positions';

export const TOKEN_TYPES = ['promptPlaceholder'];
export const TOKEN_MODIFIERS: string[] = [];

export function register(ctx: ServerContext): void {
  ctx.capabilities.semanticTokensProvider = {
    legend: { tokenTypes: TOKEN_TYPES, tokenModifiers: TOKEN_MODIFIERS },
    full: true,
    range: false,
  };
  ctx.connection.languages.semanticTokens.on(async (params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return { data: [] };
    const analysis = await ctx.getAnalysis(document.uri);
    if (!analysis || ctx.documents.get(document.uri)?.version !== document.version) return { data: [] };
    return placeholderTokens(analysis, document);
  });
  ctx.onConfigurationChanged(() => {
    if (ctx.clientCapabilities().workspace?.semanticTokens?.refreshSupport) ctx.connection.languages.semanticTokens.refresh();
  });
}

export function placeholderTokens(analysis: DocumentAnalysis, document: TextDocument): SemanticTokens {
  const placeholders = analysis.prompts
    .flatMap((p) => p.prompt.parts)
    .filter((part): part is PlaceholderPart => part.kind === 'placeholder' && part.syntax !== 'expr')
    .sort((a, b) => a.span.start - b.span.start);
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  let lastEnd = -1;
  for (const { span } of placeholders) {
    if (span.start < lastEnd || span.end <= span.start) continue; // nested or repeated spans: one token each place
    lastEnd = span.end;
    // A token may not cross a line: a multi-line `${ … }` is marked line by line.
    const start = document.positionAt(span.start);
    const end = document.positionAt(span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : endOfLine(document, line).character;
      const length = to - from;
      if (length <= 0) continue;
      data.push(line - previousLine, line === previousLine ? from - previousChar : from, length, 0, 0);
      previousLine = line;
      previousChar = from;
    }
  }
  return { data };
}

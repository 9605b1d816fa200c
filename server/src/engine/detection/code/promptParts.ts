// Parts: the decoded text and placeholders of a candidate, memoised with its statement and shifted when text
// moved before it.
import type { DetectedPrompt, PromptPart, SourceLanguage } from '../../types';
import { expressionParts } from '../stringExpressions';
import type { SyntaxNode } from '../syntaxMirror';
import { isStringLiteral, text } from '../syntaxShapes';
import type { FileModel } from './fileModel';
import type { Candidate, PartMode } from './candidates';

/** A single string literal without code interpolation (`"{question}"`, not `f"{q}"` or a template literal with `${}`). */
export function isPlainTemplateLiteral(model: FileModel, node: SyntaxNode): boolean {
  if (!isStringLiteral(node)) return false;
  if (node.children.some((ch) => ch.type === 'interpolation' || ch.type === 'template_substitution')) return false;
  return !/^[rRbBuU]*[fF]/.test(text(model.source, node));
}

export function staticText(parts: DetectedPrompt['parts']): string {
  let out = '';
  for (const p of parts) out += p.kind === 'text' ? p.text : ' ';
  return out;
}

/**
 * The expression's parts: decoding, offset maps and placeholders depend only on the expression's own text, the
 * mode and the language, so a statement kept across an edit reuses them, shifted when text moved before it.
 */
function partsOf(c: Candidate, source: string, language: SourceLanguage, mode: PartMode): PromptPart[] {
  const start = c.expr.root.start;
  const memo = c.base.parts;
  if (memo && memo.mode === mode && memo.language === language) {
    if (memo.start === start) return memo.parts;
    const parts = shiftedParts(memo.parts, start - memo.start);
    c.base.parts = { mode, language, start, parts };
    return parts;
  }
  const parts = expressionParts(c.expr, source, { language, mode });
  c.base.parts = { mode, language, start, parts };
  return parts;
}

/** Copies of `parts` moved by `delta` (same keys in the same order, so they serialise like fresh ones). */
function shiftedParts(parts: PromptPart[], delta: number): PromptPart[] {
  return parts.map((part) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(part)) {
      if (key === 'span') copy.span = { start: part.span.start + delta, end: part.span.end + delta };
      else if (key === 'offsets') copy.offsets = (value as number[]).map((o) => o + delta);
      else copy[key] = value;
    }
    return copy as unknown as PromptPart;
  });
}

/** The parts of one candidate in the placeholder mode its uses call for. */
export function candidateParts(c: Candidate, source: string, language: SourceLanguage): PromptPart[] {
  const mode = c.expr.modes.has('format') || c.formatBraces ? 'format' : c.printf ? 'printf' : 'template';
  return partsOf(c, source, language, mode);
}

/** A piece of a merged prompt that is not a string (`prompt += history`, `parts.append(rules)`): a placeholder. */
export function valuePlaceholder(model: FileModel, node: SyntaxNode): PromptPart {
  const written = text(model.source, node).replace(/\s+/g, ' ').trim();
  return { kind: 'placeholder', name: written.length > 80 ? written.slice(0, 77) + '...' : written, syntax: 'expr', span: { start: node.start, end: node.end }, source: text(model.source, node) };
}

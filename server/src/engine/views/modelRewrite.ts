// The source edit behind "Use this model": replace the string literal that names the model at the call site.
import type { ModelReference, SourceEdit } from '../types';

const QUOTES = ['"""', "'''", '"', "'", '`'];

export type ModelRewrite = { edit: SourceEdit } | { error: string };

/**
 * Rewrites the model literal at `ref.span` to `model.id`. The span may or may not include the quotes; either way only
 * the characters between them change. A name written with a provider prefix (`openai/gpt-4o`, LiteLLM style) keeps
 * that form (the prefix as written for the same provider). Refuses when the document no longer holds the name the analysis saw (it changed since).
 */
export function modelRewriteEdit(
  documentText: string,
  ref: ModelReference | undefined,
  model: { id: string; provider: string },
  currentProvider?: string,
): ModelRewrite {
  if (!ref?.literal || !ref.span) return { error: 'The model is not written as a literal at the call site.' };
  const { start, end } = ref.span;
  if (start < 0 || end > documentText.length || start >= end) return { error: 'The model argument is no longer where it was; re-open the sidebar.' };
  let innerStart = start;
  let innerEnd = end;
  const written = documentText.slice(start, end);
  const quote = QUOTES.find((q) => written.length >= 2 * q.length && written.startsWith(q) && written.endsWith(q));
  if (quote) {
    innerStart += quote.length;
    innerEnd -= quote.length;
  }
  const inner = documentText.slice(innerStart, innerEnd);
  if (inner !== ref.name) return { error: `The document changed: expected "${ref.name}" at the call site, found "${inner}".` };
  const slash = ref.name.indexOf('/');
  let newText = model.id;
  if (slash > 0 && !model.id.includes('/')) {
    // Same provider: keep the prefix exactly as written; another provider: its own id as the prefix.
    newText = model.provider === currentProvider ? `${ref.name.slice(0, slash)}/${model.id}` : `${model.provider}/${model.id}`;
  }
  return { edit: { span: { start: innerStart, end: innerEnd }, newText } };
}

// From a change in the prompt's decoded text to an edit of the document, and applying edits to a text.
import type { SourceEdit } from '../types';
import { encodeForLiteral, isValidLiteralContent } from './literalEncoding';
import { overlapsProtected, textSegmentFor, type ProtectedKind, type PromptView } from './promptView';
import type { ViewChange } from './types';

/**
 * The document edit that makes the decoded text read `change.text` over [change.start, change.end), or undefined
 * when that is not safe: the range crosses a part or a placeholder, touches protected content, cuts an escape,
 * the re-encoded literal would parse differently, or the literal is read more than once in the prompt (a join's
 * separator between every piece: editing it for one place would change them all).
 */
export function editForChange(
  view: PromptView,
  change: ViewChange,
  documentText: string,
  allowInside: ProtectedKind[] = [],
): SourceEdit | undefined {
  const seg = textSegmentFor(view, change.start, change.end);
  if (!seg?.part) return undefined;
  if (overlapsProtected(view, change.start, change.end, allowInside)) return undefined;
  const part = seg.part;
  if (view.segments.some((s) => s !== seg && s.part && s.part.span.start === part.span.start && s.part.span.end === part.span.end)) return undefined;
  const from = change.start - seg.start;
  const to = change.end - seg.start;
  if (!isCharBoundary(part.offsets, from) || !isCharBoundary(part.offsets, to)) return undefined;
  const encoded = encodeForLiteral(change.text, part.literal);
  if (encoded === undefined) return undefined;
  const srcStart = part.offsets[from];
  const srcEnd = part.offsets[to];
  if (srcStart < part.span.start || srcEnd > part.span.end || srcStart > srcEnd) return undefined;
  const before = documentText.slice(part.span.start, part.span.end);
  // The document must still hold this literal where detection saw it.
  if (before.length !== part.span.end - part.span.start) return undefined;
  const after = before.slice(0, srcStart - part.span.start) + encoded + before.slice(srcEnd - part.span.start);
  const endsLiteral = documentText.startsWith(part.literal.quote, part.span.end) && part.literal.quote !== '';
  if (!isValidLiteralContent(before, part.literal, endsLiteral)) return undefined;
  if (!isValidLiteralContent(after, part.literal, endsLiteral)) return undefined;
  // A lone backslash (raw string, unknown escape) right before the edit would combine with the new text.
  if (from > 0 && part.text[from - 1] === '\\' && part.offsets[from] - part.offsets[from - 1] === 1) return undefined;
  // In a template literal a `$` right before the edit must not meet a `{`.
  if (part.literal.templateLiteral && documentText[srcStart - 1] === '$' && (encoded + documentText.slice(srcEnd, srcEnd + 1)).startsWith('{')) {
    return undefined;
  }
  return { span: { start: srcStart, end: srcEnd }, newText: encoded };
}

/** Offsets at the edge of one decoded character's source (not inside a multi-unit escape). */
function isCharBoundary(offsets: number[], i: number): boolean {
  if (i < 0 || i >= offsets.length) return false;
  if (i === 0 || i === offsets.length - 1) return true;
  return offsets[i] !== offsets[i - 1];
}

/** The edits of several fixes that can be applied together: overlapping ones are dropped, duplicates merged. */
export function compatibleEdits(groups: SourceEdit[][]): { edits: SourceEdit[]; accepted: boolean[] } {
  const taken: SourceEdit[] = [];
  const accepted = groups.map((group) => {
    const fresh = group.filter((e) => !taken.some((t) => sameEdit(t, e)));
    if (fresh.some((e) => taken.some((t) => editsConflict(t, e)))) return false;
    if (fresh.some((e, i) => fresh.some((o, j) => i !== j && editsConflict(e, o)))) return false;
    taken.push(...fresh);
    return true;
  });
  return { edits: taken, accepted };
}

function sameEdit(a: SourceEdit, b: SourceEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}

function editsConflict(a: SourceEdit, b: SourceEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  if (a.span.start === a.span.end) return a.span.start > b.span.start && a.span.start < b.span.end;
  if (b.span.start === b.span.end) return b.span.start > a.span.start && b.span.start < a.span.end;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * Applies edits whose spans refer to the ORIGINAL text. Overlapping edits (which no fix of ours produces)
 * are skipped rather than corrupting the text; insertions at one offset keep their given order.
 */
export function applySourceEdits(text: string, edits: SourceEdit[]): string {
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end)
    .sort((a, b) => a.e.span.start - b.e.span.start || a.e.span.end - b.e.span.end || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const { e } of ordered) {
    if (e.span.start < cursor) continue;
    out += text.slice(cursor, e.span.start) + e.newText;
    cursor = e.span.end;
  }
  return out + text.slice(cursor);
}

// One flat view of a prompt's static text for the rules: text parts concatenated, each placeholder as a single
// marker character, plus the regions that are content rather than phrasing (code fences, quoted examples,
// placeholder-like syntax the detector left in text). Rules search this view; fixes map back through the parts.
import type { DetectedPrompt, TextPart } from '../types';

/** Stands for one placeholder in the view: never matched by a phrase, never inside an edit. */
export const PLACEHOLDER_MARK = '\uFFFC';

export type ProtectedKind = 'fence' | 'inline-code' | 'quote' | 'example' | 'placeholder' | 'directive';

export interface ProtectedRange {
  start: number;
  end: number;
  kind: ProtectedKind;
}

export interface ViewSegment {
  partIndex: number;
  start: number;
  end: number;
  /** Undefined for a placeholder. */
  part?: TextPart;
}

export interface PromptView {
  prompt: DetectedPrompt;
  text: string;
  segments: ViewSegment[];
  protectedRanges: ProtectedRange[];
}

export function buildView(prompt: DetectedPrompt): PromptView {
  let text = '';
  const segments: ViewSegment[] = [];
  prompt.parts.forEach((part, partIndex) => {
    const start = text.length;
    text += part.kind === 'text' ? part.text : PLACEHOLDER_MARK;
    segments.push({ partIndex, start, end: text.length, part: part.kind === 'text' ? part : undefined });
  });
  return { prompt, text, segments, protectedRanges: findProtectedRanges(text) };
}

/** The text segment holding all of [start, end), or undefined when the range crosses a part or a placeholder. */
export function textSegmentFor(view: PromptView, start: number, end: number): ViewSegment | undefined {
  for (const s of view.segments) {
    if (s.part && start >= s.start && end <= s.end) return s;
  }
  return undefined;
}

export function overlapsProtected(view: PromptView, start: number, end: number, ignore: ProtectedKind[] = []): boolean {
  for (const r of view.protectedRanges) {
    if (ignore.includes(r.kind)) continue;
    if (start < r.end && end > r.start) return true;
    if (start === end && start > r.start && start < r.end) return true;
  }
  return false;
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

export function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
}

const LIST_PREFIX = /^[ \t]*(?:[-*•+>]|\d{1,3}[.)]|#{1,6}|[A-Za-z][.)])?[ \t]*$/;

/** True at the start of a sentence, a line or a list item: where a word must be capitalised. */
export function isSentenceStart(text: string, pos: number): boolean {
  const ls = lineStart(text, pos);
  if (LIST_PREFIX.test(text.slice(ls, pos))) return true;
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0) return true;
  if (/[.!?]/.test(text[i])) return true;
  // A closing quote or bracket after sentence punctuation: `He said "Stop." Then…`
  return /["')\]]/.test(text[i]) && i > 0 && /[.!?]/.test(text[i - 1]);
}

// ---------------------------------------------------------------- content regions

const FENCE_LINE = /^[ \t]*(```|~~~)/;
const PLACEHOLDER_LIKE: RegExp[] = [
  /\{\{[\s\S]*?\}\}/g, // mustache / jinja expression
  /\{%[\s\S]*?%\}/g, // jinja block
  /\{#[\s\S]*?#\}/g, // jinja comment
  /\$\{[^}\n]*\}/g, // ${x}
  /\{[A-Za-z_][\w.[\]]*(?:![rsa])?(?::[^{}\n]*)?\}/g, // {name}, {name:>10}
  /%\([A-Za-z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]/g, // %(name)s
  /(?<![\w%])%[-#0 +]*\d*(?:\.\d+)?[sdifr](?![A-Za-z])/g, // %s, %d, %.2f
  /(?<![\w$])\$[A-Za-z_]\w*/g, // string.Template $name
  /\uFFFC/g,
];

export function findProtectedRanges(text: string): ProtectedRange[] {
  const ranges: ProtectedRange[] = [];
  // Code fences: from the opening fence line to the closing one (or the end of the text when unclosed).
  let pos = 0;
  let open: number | undefined;
  let marker = '';
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    const m = FENCE_LINE.exec(text.slice(pos, end));
    if (m) {
      if (open === undefined) {
        open = pos;
        marker = m[1];
      } else if (m[1] === marker) {
        ranges.push({ start: open, end, kind: 'fence' });
        open = undefined;
      }
    }
    if (end >= text.length) break;
    pos = end + 1;
  }
  if (open !== undefined) ranges.push({ start: open, end: text.length, kind: 'fence' });

  const add = (re: RegExp, kind: ProtectedKind) => {
    for (const m of text.matchAll(re)) ranges.push({ start: m.index!, end: m.index! + m[0].length, kind });
  };
  add(/`[^`\n]+`/g, 'inline-code');
  add(/"[^"\n]{1,400}"|“[^”\n]{1,400}”/g, 'quote');
  add(/<(example|examples|sample|samples|quote)\b[^>]*>[\s\S]*?<\/\1>/gi, 'example');
  for (const re of PLACEHOLDER_LIKE) add(re, 'placeholder');
  add(/^.*prompt-cost-(?:disable|enable|ignore).*$/gm, 'directive');
  return ranges;
}

/** Source span of [start, end) when it lies in one text part (findings point at what they are about). */
export function sourceSpanOf(view: PromptView, start: number, end: number): { start: number; end: number } | undefined {
  const seg = textSegmentFor(view, start, end);
  if (!seg?.part) return undefined;
  return { start: seg.part.offsets[start - seg.start], end: seg.part.offsets[end - seg.start] };
}

// Finding table phrases in a prompt's text and turning each into the decoded change that fixes it, with
// sentence-start capitalisation kept ("In order to" → "To", "Please summarise" → "Summarise").
import { isSentenceStart, lineStart, overlapsProtected, textSegmentFor, type PromptView } from './promptView';
import type { ViewChange } from './types';

export interface PhraseEntry {
  /** Lower-case words as written; spaces match any run of spaces or one line break. */
  phrase: string;
  /** Concise replacement; '' removes the phrase (and the space after it). */
  replacement: string;
  /** Only where a sentence or list item starts ("You should …" but not "explain why you should"). */
  sentenceStartOnly?: boolean;
  /** Only at a sentence start or after `,` `;` `:` ("…, you might want to start" but not "note that you should try to"). */
  clauseStartOnly?: boolean;
  /** Not when the preceding word is one of these ("not just" changes meaning without "just"). */
  notAfter?: string[];
  /** Not when the following words are one of these ("just" in "just in case"). */
  notBefore?: string[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  matched: string;
  entry: PhraseEntry;
}

interface CompiledPhrase {
  entry: PhraseEntry;
  /** Regex source; compiled on the first text that has every required piece (most phrases never meet one). */
  source: string;
  re?: RegExp;
  /** Pieces every match contains (case-folded): a text without one of them cannot match, so its regex is not run. */
  required: string[];
}

const COMPILED = new WeakMap<PhraseEntry[], CompiledPhrase[]>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compilePhrases(entries: PhraseEntry[]): CompiledPhrase[] {
  const cached = COMPILED.get(entries);
  if (cached) return cached;
  const compiled: CompiledPhrase[] = [];
  for (const entry of entries) {
    const words = entry.phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const body = words.map(escapeRegExp).join('(?:[ \\t]+|[ \\t]*\\n[ \\t]*)').replace(/'/g, "['’]");
    const head = /^\w/.test(words[0]) ? "(?<![\\p{L}\\p{N}_'’-])" : '';
    const tail = /\w$/.test(words[words.length - 1]) ? "(?![\\p{L}\\p{N}_'’-])" : '';
    compiled.push({ entry, source: head + body + tail, required: requiredPieces(words) });
  }
  // Longest phrases first: "it is important to note that" wins over "note that".
  compiled.sort((a, b) => b.entry.phrase.length - a.entry.phrase.length);
  COMPILED.set(entries, compiled);
  return compiled;
}

/**
 * The literal pieces of a phrase's words (split at apostrophes, which match ' or ’), longest first. Only ASCII
 * pieces: under the regex's `iu` flags an ASCII letter matches itself in either case, K (Kelvin sign) and ſ (long
 * s), and foldForPrefilter maps all of those to the lower-case letter, so the check never skips a real match.
 */
function requiredPieces(words: string[]): string[] {
  const pieces = words.flatMap((w) => w.split("'")).filter((p) => p !== '' && /^[\x20-\x7e]+$/.test(p));
  return [...new Set(pieces)].sort((a, b) => b.length - a.length);
}

/** Lower-case text with ſ as s: every text an `iu` phrase regex matches contains the phrase's pieces in this form. */
function foldForPrefilter(text: string): string {
  return text.toLowerCase().replace(/\u017f/g, 's');
}

/** Non-overlapping matches outside protected content, longest phrase first, in text order. */
export function findPhrases(view: PromptView, entries: PhraseEntry[]): PhraseMatch[] {
  const text = view.text;
  const folded = foldForPrefilter(text);
  const found: PhraseMatch[] = [];
  for (const phrase of compilePhrases(entries)) {
    const { entry, required } = phrase;
    // One substring search per piece is far cheaper than a Unicode regex with look-arounds over the whole text.
    if (!required.every((piece) => folded.includes(piece))) continue;
    const re = (phrase.re ??= new RegExp(phrase.source, 'giu'));
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      if (overlapsProtected(view, start, end)) continue;
      if (entry.sentenceStartOnly && !isSentenceStart(text, skipCourtesy(text, start))) continue;
      if (entry.clauseStartOnly && !isClauseStart(text, skipCourtesy(text, start))) continue;
      if (entry.notAfter && entry.notAfter.includes(previousWord(text, start))) continue;
      if (entry.notBefore && entry.notBefore.some((w) => followedBy(text, end, w))) continue;
      // Removing a word in front of a code fence would turn the fence into content a second run treats differently.
      if (entry.replacement === '' && /^[ \t]*(?:```|~~~)/.test(text.slice(end, end + 12))) continue;
      found.push({ start, end, matched: m[0], entry });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Courtesy and filler words before `pos` that fix-all removes anyway: "Please make sure to" starts a sentence. */
const REMOVABLE_LEAD = /(?:\b(?:please|kindly|just|basically|really|simply)\b[ \t,]*)+$/i;

function skipCourtesy(text: string, pos: number): number {
  const m = REMOVABLE_LEAD.exec(text.slice(Math.max(0, pos - 60), pos));
  return m ? pos - m[0].length : pos;
}

function isClauseStart(text: string, pos: number): boolean {
  if (isSentenceStart(text, pos)) return true;
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && /[,;:]/.test(text[i]);
}

function previousWord(text: string, pos: number): string {
  const m = /([\p{L}'’]+)[ \t]*$/u.exec(text.slice(Math.max(0, pos - 40), pos));
  return m ? m[1].toLowerCase() : '';
}

/** The words after `pos` start with `words` ("in case" after "just"). */
function followedBy(text: string, pos: number, words: string): boolean {
  const after = text.slice(pos, pos + words.length + 20).replace(/^[ \t]+/, '').toLowerCase();
  return after.startsWith(words) && !/[\p{L}\p{N}]/u.test(after.charAt(words.length));
}

/** Replacement in the case of what it replaces: `In order to` → `To`, `IN ORDER TO` → `TO`. */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && replacement.length > 1) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original) && !/^\p{Lu}/u.test(replacement)) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** The change that applies a phrase match: a replacement in matching case, or a clean removal. */
export function changeForMatch(view: PromptView, match: PhraseMatch): ViewChange {
  if (match.entry.replacement !== '') {
    const capitalise = /^\p{Lu}/u.test(match.matched) && isSentenceStart(view.text, match.start);
    let text = match.entry.replacement;
    text = capitalise || /^\p{Lu}{2}/u.test(match.matched) ? matchCase(match.matched, text) : text;
    return { start: match.start, end: match.end, text };
  }
  return removalChange(view, match.start, match.end);
}

/**
 * Removes [start, end) with the spacing around it: the following space ("Please summarise"), or, at the end of
 * a clause, the preceding comma and space ("Summarise this, please."). At a sentence start the next word is
 * capitalised.
 */
export function removalChange(view: PromptView, start: number, end: number): ViewChange {
  const text = view.text;
  let s = start;
  let e = end;
  const seg = textSegmentFor(view, start, end);
  const segEnd = seg ? seg.end : end;
  const segStart = seg ? seg.start : start;
  const after = /^,?[ \t]+/.exec(text.slice(e, segEnd));
  const commaBefore = /,[ \t]*$/.exec(text.slice(Math.max(segStart, lineStart(text, s)), s));
  if (commaBefore && text[e] === ',') {
    // "Answer, please, in French." → "Answer in French."
    s -= commaBefore[0].length;
    e += 1;
  } else if (after && !/^[.!?;:,)]$/.test(text[e + after[0].length] ?? '')) {
    e += after[0].length;
    // At the end of a line the space before goes too, or it would be left trailing.
    if (/^\n?$/.test(text[e] ?? '')) {
      const spaceBefore = /[ \t]+$/.exec(text.slice(Math.max(segStart, lineStart(text, s)), s));
      if (spaceBefore) s -= spaceBefore[0].length;
    }
  } else if (/^,?[ \t]*(?:[.!?;:)\n]|$)/.test(text.slice(e))) {
    const before = /,?[ \t]+$/.exec(text.slice(Math.max(segStart, lineStart(text, s)), s));
    if (before) s -= before[0].length;
  }
  const capitalizeAfter =
    s === start && isSentenceStart(text, start) && e < segEnd && /\p{Ll}/u.test(text[e]) && !overlapsProtected(view, e, e + 1);
  return { start: s, end: e, text: '', capitalizeAfter: capitalizeAfter || undefined };
}

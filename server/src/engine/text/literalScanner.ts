// A small lexical scan of Python and JS/TS source: where string literals and (Python) comments are. Disable comments
// go above a multi-line literal (one cannot go inside it); the Python import helper reads the code with literals and
// comments blanked; the detector blanks long comment runs for the parser (detection/commentRuns.ts).
import type { SourceLanguage } from '../types';

export interface LiteralRange {
  /** Offset of the opening quote (or prefix). */
  start: number;
  /** Offset just after the closing quote. */
  end: number;
}

/** Every string literal (and, for JS, template literal) that contains a line break. */
export function multilineLiterals(text: string, language: SourceLanguage): LiteralRange[] {
  if (language === 'prompt') return [];
  return language === 'python' ? scanPython(text) : scanJs(text);
}

/** Every Python string literal (`strings`, prefix included) and comment (`comments`), in text order. */
export function pythonLiteralsAndComments(text: string): { strings: LiteralRange[]; comments: LiteralRange[] } {
  const strings: LiteralRange[] = [];
  const comments: LiteralRange[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      const end = nextNewline(text, i);
      comments.push({ start: i, end });
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let p = i;
      while (p > 0 && /[rRbBfFuUtT]/.test(text[p - 1])) p--;
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < text.length) {
        if (text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text.startsWith(q, j)) break;
        if (!triple && text[j] === '\n') break;
        j++;
      }
      const end = Math.min(text.length, j + q.length);
      strings.push({ start: p, end });
      i = end;
      continue;
    }
    i++;
  }
  return { strings, comments };
}

/** The last document pythonCodeOnly blanked, and the result. */
let lastCodeOnly: { text: string; code: string } | undefined;

/**
 * The Python source with the inside of every string literal and every comment blanked (line breaks kept, offsets
 * unchanged): what a line-based look at the code (imports, names) may read without mistaking a prompt's example code
 * or a docstring for the program.
 */
export function pythonCodeOnly(text: string): string {
  // The indentation fix asks several times per prompt about the same document: without this, a file of 400 prompts
  // (320 KB) was scanned 1,600 times, 30 s for one analysis.
  if (lastCodeOnly?.text === text) return lastCodeOnly.code;
  const code = blankLiteralsAndComments(text);
  lastCodeOnly = { text, code };
  return code;
}

function blankLiteralsAndComments(text: string): string {
  const { strings, comments } = pythonLiteralsAndComments(text);
  const ranges = [...strings, ...comments].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}

function scanPython(text: string): LiteralRange[] {
  return pythonLiteralsAndComments(text).strings.filter((r) => text.slice(r.start, r.end).includes('\n'));
}

function scanJs(text: string): LiteralRange[] {
  const out: LiteralRange[] = [];
  // Stack of open template literals: for each, the brace depth of the `${` code we are in (-1 = in the text).
  const templates: { start: number; depth: number }[] = [];
  let i = 0;
  let lastSignificant = '';
  const inTemplateText = () => templates.length > 0 && templates[templates.length - 1].depth < 0;
  while (i < text.length) {
    if (inTemplateText()) {
      const t = templates[templates.length - 1];
      const c = text[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        templates.pop();
        i++;
        if (text.slice(t.start, i).includes('\n')) out.push({ start: t.start, end: i });
        lastSignificant = '`';
      } else if (c === '$' && text[i + 1] === '{') {
        t.depth = 0;
        i += 2;
        lastSignificant = '{';
      } else i++;
      continue;
    }
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = nextNewline(text, i);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if (c === '`') {
      templates.push({ start: i, depth: -1 });
      i++;
      continue;
    }
    if (c === '/' && /^$|[=(,:[!&|?{};+\-*%<>~^]$/.test(lastSignificant)) {
      // A regular expression literal: skip it so quotes inside do not start strings.
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n') {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        else if (text[j] === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      lastSignificant = '/';
      continue;
    }
    if (templates.length > 0) {
      const t = templates[templates.length - 1];
      if (c === '{') t.depth++;
      else if (c === '}') {
        if (t.depth === 0) {
          t.depth = -1;
          i++;
          continue;
        }
        t.depth--;
      }
    }
    if (!/\s/.test(c)) lastSignificant = /[\w$]/.test(c) ? 'a' : c;
    i++;
  }
  return out;
}

function nextNewline(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n < 0 ? text.length : n;
}

// tree-sitter-python's scanner looks ahead over every following comment line at each line break inside a run of
// comment-only lines, so a run of n lines costs O(n²): after a statement, 2,000 comment lines took 0.6 s to parse and
// 8,000 lines passed the 5 s parse limit (a file of commented-out code or a pasted log would never be analysed, and
// each keystroke would spend 5 s finding that out). Blank lines and lines of spaces cost nothing of the kind.
// So the parser reads the text with long runs blanked: the same length and line breaks (every offset the detector
// uses is unchanged, and prompts are read from the real text), comments replaced by spaces except those that can
// matter (`prompt-cost:` annotations and the run's last line, which sits above whatever follows).
import { pythonLiteralsAndComments } from '../text/literalScanner';

/** Comment-only lines in a row from which the run is blanked for the parser. */
export const LONG_COMMENT_RUN = 64;

/** The text the Python parser should read: `text` itself unless it has a long run of comment-only lines. */
export function pythonParserText(text: string): string {
  if (!hasLongCommentRun(text)) return text;
  const { comments } = pythonLiteralsAndComments(text);
  const blank: { start: number; end: number }[] = [];
  let run: { start: number; end: number }[] = [];
  const flush = () => {
    if (run.length >= LONG_COMMENT_RUN) {
      for (const c of run.slice(0, -1)) if (!text.slice(c.start, c.end).includes('prompt-cost')) blank.push(c);
    }
    run = [];
  };
  let previousEnd = -1;
  for (const c of comments) {
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    const commentOnly = /^[ \t]*$/.test(text.slice(lineStart, c.start));
    if (!commentOnly) {
      flush();
      previousEnd = -1;
      continue;
    }
    // The run goes on across blank lines (the scanner skips them too), not across code.
    if (previousEnd >= 0 && !/^\s*$/.test(text.slice(previousEnd, c.start))) flush();
    run.push(c);
    previousEnd = c.end;
  }
  flush();
  if (blank.length === 0) return text;
  let out = '';
  let at = 0;
  for (const c of blank) {
    out += text.slice(at, c.start) + ' '.repeat(c.end - c.start);
    at = c.end;
  }
  return out + text.slice(at);
}

/** A cheap line scan first: most files have no such run, and this runs on every keystroke. */
function hasLongCommentRun(text: string): boolean {
  let run = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13)) i++;
    if (i < end && text.charCodeAt(i) === 35 /* # */) {
      if (++run >= LONG_COMMENT_RUN) return true;
    } else if (i < end) run = 0;
    start = end + 1;
  }
  return false;
}

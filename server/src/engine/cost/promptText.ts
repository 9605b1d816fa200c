// The static text of a prompt as it is sent: text parts joined, with textwrap.dedent / inspect.cleandoc applied
// when the source wraps the prompt in one, and split back into the pieces between placeholders.
import type { DetectedPrompt } from '../types';

/** Stands in for a placeholder while the transform runs: not whitespace, so dedent treats it as content. */
const PLACEHOLDER_MARK = '\uE000';

export interface StaticSegments {
  /** Static text between placeholders, in order; segments.length = placeholders + 1 (empty strings allowed). */
  segments: string[];
  /** Placeholder names in order. */
  placeholders: string[];
}

/** Python textwrap.dedent: removes the longest common leading whitespace of all non-blank lines. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let margin: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (margin === undefined) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  // dedent also normalises whitespace-only lines to empty lines.
  return lines.map((line) => (line.trim() === '' ? '' : margin ? line.slice(margin.length) : line)).join('\n');
}

/** Python inspect.cleandoc: strip the first line's leading blanks, dedent the rest, drop blank lines at both ends. */
export function cleandoc(text: string): string {
  const lines = text.replace(/\t/g, '        ').split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content) margin = Math.min(margin, line.length - content.length);
  }
  const out = [lines[0].trimStart(), ...lines.slice(1).map((l) => (margin === Infinity ? l : l.slice(margin)))];
  while (out.length && out[0] === '') out.shift();
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

export function staticSegments(prompt: DetectedPrompt): StaticSegments {
  const placeholders: string[] = [];
  let joined = '';
  for (const part of prompt.parts) {
    if (part.kind === 'text') joined += part.text.split(PLACEHOLDER_MARK).join('');
    else {
      placeholders.push(part.name);
      joined += PLACEHOLDER_MARK;
    }
  }
  if (prompt.textTransform === 'dedent') joined = dedent(joined);
  else if (prompt.textTransform === 'cleandoc') joined = cleandoc(joined);
  return { segments: joined.split(PLACEHOLDER_MARK), placeholders };
}

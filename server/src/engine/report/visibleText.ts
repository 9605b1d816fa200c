// Text from the audited tree (file names, model names written in code, messages quoting prompt text) goes into
// terminals, Markdown and spreadsheets. Control characters in it would act instead of showing: an ESC sequence
// recolours or clears the terminal (or hides a link in it), a carriage return overwrites the line, bidi controls
// reorder what a reviewer reads ("Trojan Source"). Reports show each such character as a visible escape instead.

/** C0 controls except tab, DEL, C1 controls, and the Unicode bidi embedding/override/isolate marks. */
const INVISIBLE_ACTORS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b[31m` → `\x1b[31m`, `\u202e` → `\u202e` (as text), newline → `\n`. Everything else unchanged. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE_ACTORS, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

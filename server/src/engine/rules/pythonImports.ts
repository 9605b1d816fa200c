// Adding `import inspect` / `import textwrap` to a Python module when a fix needs it: after the shebang, the
// encoding line, the module docstring and `from __future__` imports, before the first other import.
import type { SourceEdit } from '../types';

/** How the module can call `module.fn` or `fn` already, if it can. */
export function pythonCallee(documentText: string, module: string, fn: string): string | undefined {
  if (new RegExp(`^[ \\t]*from[ \\t]+${module}[ \\t]+import[^\\n]*\\b${fn}\\b`, 'm').test(documentText)) return fn;
  if (new RegExp(`^[ \\t]*import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${module}\\b(?![ \\t]+as)`, 'm').test(documentText)) return `${module}.${fn}`;
  return undefined;
}

export function pythonImportEdit(documentText: string, module: string): SourceEdit {
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  const lines = documentText.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const at = (n: number) => ({ span: { start: starts[n], end: starts[n] }, newText: `import ${module}${eol}` });
  const firstImport = lines.findIndex((l) => /^(?:import[ \t]|from[ \t]+(?!__future__\b)\S+[ \t]+import\b)/.test(l));
  if (firstImport >= 0) return at(firstImport);
  // No imports: after the header (comments, blank lines, docstring, __future__ imports).
  let n = 0;
  while (n < lines.length) {
    const l = lines[n];
    if (/^[ \t]*(#.*)?\r?$/.test(l) || /^from[ \t]+__future__\b/.test(l)) {
      n++;
      continue;
    }
    const doc = /^[rRuU]?("""|''')/.exec(l);
    if (doc) {
      const rest = l.slice(doc[0].length);
      let end = rest.includes(doc[1]) ? n : lines.findIndex((x, k) => k > n && x.includes(doc[1]));
      if (end < 0) end = n;
      n = end + 1;
      continue;
    }
    break;
  }
  if (n >= lines.length) {
    const endsWithNewline = documentText.endsWith('\n');
    return { span: { start: documentText.length, end: documentText.length }, newText: `${endsWithNewline ? '' : eol}import ${module}${eol}` };
  }
  return at(n);
}

// Adding `import inspect` / `import textwrap` to a Python module when a fix needs it: after the shebang, the
// encoding line, the module docstring and `from __future__` imports, before the first other import — or before the
// wrapped literal when that comes first. Every look at the code reads it with strings and comments blanked
// (pythonCodeOnly): a prompt's example code or a docstring saying `import x` is not an import.
import { pythonCodeOnly } from '../text/literalScanner';
import type { SourceEdit } from '../types';

/**
 * How the module can call `module.fn` or `fn` already, if it can: only imports at module level (column 0) count, since
 * one inside a function binds the name there alone, and only those above `beforeOffset` (the literal a fix wraps): a
 * module-level prompt runs at import time, before an import written below it.
 */
export function pythonCallee(documentText: string, module: string, fn: string, beforeOffset = Infinity): string | undefined {
  const code = pythonCodeOnly(documentText);
  const above = (pattern: RegExp) => [...code.matchAll(pattern)].some((m) => m.index! < beforeOffset);
  if (above(new RegExp(`^from[ \\t]+${module}[ \\t]+import[ \\t][^\\n]*\\b${fn}\\b(?![ \\t]+as\\b)`, 'gm'))) return fn;
  if (above(new RegExp(`^import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${module}\\b(?![ \\t]+as\\b)(?!\\.)`, 'gm'))) return `${module}.${fn}`;
  return undefined;
}

/**
 * Whether the module uses `name` for anything but the module or function a fix would call through it: a parameter,
 * variable, function or class of that name (anywhere: scopes are not worked out), or an import of something else
 * under it. Then `inspect.cleandoc(...)` could reach the wrong object, so the fix is not offered.
 */
export function pythonNameTaken(documentText: string, name: string, kind: 'module' | 'function'): boolean {
  const code = pythonCodeOnly(documentText);
  const importsIt = new RegExp(`^(?:import[ \\t]+(?:[\\w.]+[ \\t]*,[ \\t]*)*${name}\\b(?![ \\t]+as\\b)|from[ \\t]+${name}[ \\t]+import\\b|from[ \\t]+[\\w.]+[ \\t]+import[ \\t][^\\n]*\\b${name}\\b(?![ \\t]+as\\b))`);
  const use = new RegExp(`\\b${name}\\b`, 'g');
  for (const m of code.matchAll(use)) {
    const at = m.index!;
    const lineStart = code.lastIndexOf('\n', at - 1) + 1;
    const line = code.slice(lineStart, code.indexOf('\n', at) < 0 ? code.length : code.indexOf('\n', at));
    if (importsIt.test(line.trimStart())) continue;
    const before = code.slice(lineStart, at);
    const after = code.slice(at + name.length, at + name.length + 40);
    // `x.inspect` is another object's attribute; `inspect.x` (a module) or `cleandoc(` (a function) the imported one.
    if (/\.\s*$/.test(before)) continue;
    if ((kind === 'module' ? /^\s*\./ : /^\s*\(/).test(after) && !/\b(?:def|class)\s+$/.test(before)) continue;
    return true;
  }
  return false;
}

/** `import module` at module level, placed before `beforeOffset` (the literal it serves) when given. */
export function pythonImportEdit(documentText: string, module: string, beforeOffset = Infinity): SourceEdit {
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  const lines = documentText.split('\n');
  const codeLines = pythonCodeOnly(documentText).split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const at = (n: number) => ({ span: { start: starts[n], end: starts[n] }, newText: `import ${module}${eol}` });
  const firstImport = codeLines.findIndex((l) => /^(?:import[ \t]|from[ \t]+(?!__future__\b)\S+[ \t]+import\b)/.test(l));
  if (firstImport >= 0 && starts[firstImport] <= beforeOffset) return at(firstImport);
  // After the header (comments, blank lines, docstring, __future__ imports).
  let n = 0;
  while (n < lines.length) {
    const l = lines[n];
    if (/^[ \t]*(#.*)?\r?$/.test(l) || /^from[ \t]+__future__\b/.test(l)) {
      n++;
      continue;
    }
    const doc = /^[rRuU]?("""|''')/.exec(l);
    if (doc && starts[n] < beforeOffset) {
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

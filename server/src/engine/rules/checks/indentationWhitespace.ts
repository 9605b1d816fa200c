// indentation-whitespace: a triple-quoted Python string or a JS template literal indented with the code sends
// every leading space of every line. Python: wrap the literal in inspect.cleandoc(...) / textwrap.dedent(...)
// (adding the import), which keeps the code readable; when an f-string substitutes values before the call could
// dedent (a multi-line value would defeat it), and in JS/TS, the literal's lines are re-flowed instead.
import type { SourceEdit, TextPart } from '../../types';
import { buildFix } from '../fixes';
import { ruleMeta } from '../meta';
import { minSavingsFor } from '../phraseRule';
import { pythonCallee, pythonImportEdit, pythonNameTaken } from '../pythonImports';
import { PLACEHOLDER_MARK } from '../promptView';
import type { RuleFinding, RuleModule, RuleRun, ViewChange } from '../types';

/** Fewer leading characters than this is not worth a finding. */
const MIN_INDENT = 2;

export const indentationWhitespace: RuleModule = {
  meta: ruleMeta('indentation-whitespace', 'Multi-line literal indented with the code: every leading space is sent as tokens.', 'information', true),
  check(run: RuleRun): RuleFinding[] {
    const { prompt, view } = run;
    if (prompt.textTransform) return [];
    const parts = prompt.parts.filter((p): p is TextPart => p.kind === 'text');
    if (parts.length === 0) return [];
    const literal = parts[0].literal;
    const multiLineKind = (literal.language === 'python' && literal.quote.length === 3) || literal.templateLiteral;
    if (!multiLineKind || literal.readOnly || !view.text.includes('\n')) return [];
    const indent = commonIndent(view.text);
    if (indent.length < MIN_INDENT && !indent.includes('\t')) return [];

    const wrap = literal.language === 'python' ? wrapEdits(run, parts) : undefined;
    const changes = wrap ? cleandocChanges(view.text, indent) : reflowChanges(view.text, indent);
    if (changes.length === 0) return [];
    const title = (label: string) => (wrap ? `Wrap in ${wrap.callee}(...)${label}` : `Remove the literal's indentation${label}`);
    const built = wrap
      ? buildFix(run, changes, title, { extraEdits: wrap.edits, effectOnly: true })
      : buildFix(run, changes, title);
    if (built.savingsTokens < minSavingsFor(run, 1)) return [];
    // On the first character of the prompt's text: a literal that opens with a placeholder (`${intro}…`) must not put
    // the finding on the placeholder's code.
    const firstText = parts.find((p) => p.span.end > p.span.start) ?? parts[0];
    const start = firstText.span.start;
    return [
      {
        message: `This literal sends the code's indentation (${indent.length} character${indent.length === 1 ? '' : 's'} a line) with the prompt: ${built.savingsTokens} token${built.savingsTokens === 1 ? '' : 's'} on every call.`,
        span: { start, end: Math.min(firstText.span.end, start + 1) },
        promptId: prompt.id,
        savingsTokens: built.savingsTokens,
        savingsMonthly: built.savingsMonthly,
        fix: built.fix,
      },
    ];
  },
};

/** Leading whitespace shared by every non-blank line after the first. */
export function commonIndent(text: string): string {
  const lines = text.split('\n').slice(1).filter((l) => l.trim() !== '');
  if (lines.length === 0) return '';
  let prefix = /^[ \t]*/.exec(lines[0])![0];
  for (const l of lines.slice(1)) {
    const lead = /^[ \t]*/.exec(l)![0];
    let k = 0;
    while (k < prefix.length && k < lead.length && prefix[k] === lead[k]) k++;
    prefix = prefix.slice(0, k);
  }
  return prefix;
}

/** Lines after the first lose the common indentation; whitespace-only lines become empty. */
function reflowChanges(text: string, indent: string): ViewChange[] {
  const changes: ViewChange[] = [];
  let pos = text.indexOf('\n');
  while (pos >= 0) {
    const ls = pos + 1;
    const next = text.indexOf('\n', ls);
    const le = next < 0 ? text.length : next;
    const line = text.slice(ls, le);
    const cut = line.trim() === '' && !line.includes(PLACEHOLDER_MARK) ? line.length : line.startsWith(indent) ? indent.length : 0;
    if (cut > 0) changes.push({ start: ls, end: ls + cut, text: '' });
    pos = next;
  }
  return changes;
}

/** What inspect.cleandoc does to the text, as changes: reflow, plus leading/trailing blank lines and first-line spaces. */
function cleandocChanges(text: string, indent: string): ViewChange[] {
  const lead = /^\s*/.exec(text)![0].length;
  const trailStart = text.trimEnd().length;
  const changes = reflowChanges(text, indent).filter((c) => c.start >= lead && c.end <= trailStart);
  if (lead > 0) changes.unshift({ start: 0, end: lead, text: '' });
  if (trailStart < text.length && trailStart >= lead) changes.push({ start: trailStart, end: text.length, text: '' });
  return changes.sort((a, b) => a.start - b.start);
}

/**
 * The edits that wrap the prompt's single literal in a dedent call, or undefined when wrapping is not safe:
 * several literals, an f-string with placeholders, or a literal not where detection saw it.
 */
function wrapEdits(run: RuleRun, parts: TextPart[]): { edits: SourceEdit[]; callee: string } | undefined {
  const { prompt, ctx } = run;
  const doc = ctx.documentText;
  const hasPlaceholders = prompt.parts.some((p) => p.kind === 'placeholder');
  if (parts[0].literal.fString && hasPlaceholders) return undefined;
  // One literal: the parts follow each other without a gap.
  for (let i = 1; i < prompt.parts.length; i++) if (prompt.parts[i - 1].span.end !== prompt.parts[i].span.start) return undefined;
  const q = parts[0].literal.quote;
  const contentStart = prompt.parts[0].span.start;
  const contentEnd = prompt.parts[prompt.parts.length - 1].span.end;
  if (doc.slice(contentStart - q.length, contentStart) !== q || doc.slice(contentEnd, contentEnd + q.length) !== q) return undefined;
  let open = contentStart - q.length;
  while (open > 0 && /[rRbBfFuU]/.test(doc[open - 1])) open--;
  const close = contentEnd + q.length;
  // Implicit concatenation with a neighbouring literal would break once one of them is a call.
  if (/["']\s*$/.test(doc.slice(Math.max(0, open - 40), open)) || /^\s*[rRbBfFuU]{0,2}["']/.test(doc.slice(close, close + 40))) return undefined;
  const firstLineBlank = /^[ \t]*\n/.test(run.view.text);
  const dedent = firstLineBlank ? pythonCallee(doc, 'textwrap', 'dedent', open) : undefined;
  const cleandoc = pythonCallee(doc, 'inspect', 'cleandoc', open);
  const callee = dedent ?? cleandoc ?? 'inspect.cleandoc';
  // A parameter or variable of that name would receive the call instead: the literal is re-flowed then.
  const [calledName] = callee.split('.');
  if (pythonNameTaken(doc, calledName, callee.includes('.') ? 'module' : 'function')) return undefined;
  const edits: SourceEdit[] = [
    { span: { start: open, end: open }, newText: `${callee}(` },
    { span: { start: close, end: close }, newText: ')' },
  ];
  if (!dedent && !cleandoc) edits.push(pythonImportEdit(doc, 'inspect', open));
  return { edits, callee };
}

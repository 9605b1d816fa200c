// pretty-json: a pretty-printed JSON example inside a prompt → the same JSON without layout whitespace. Only the
// whitespace between tokens is removed (keys, order, numbers and escapes stay exactly as written). JSON inside a
// code fence is a data example too, so this rule may edit inside fences; quotes and placeholders stay off limits.
import { buildFix } from '../fixes';
import { ruleMeta } from '../meta';
import { minSavingsFor } from '../phraseRule';
import { overlapsProtected, sourceSpanOf, type ProtectedKind } from '../promptView';
import type { RuleFinding, RuleModule, RuleRun } from '../types';

const ALLOW_INSIDE: ProtectedKind[] = ['fence', 'quote', 'inline-code', 'example'];

export const prettyJson: RuleModule = {
  meta: ruleMeta('pretty-json', 'Pretty-printed JSON example: compact JSON says the same in fewer tokens.', 'information', true),
  check(run: RuleRun): RuleFinding[] {
    const text = run.view.text;
    const findings: RuleFinding[] = [];
    let from = 0;
    for (;;) {
      const start = nextJsonStart(text, from);
      if (start < 0) break;
      const end = matchingClose(text, start);
      if (end < 0) {
        from = start + 1;
        continue;
      }
      const candidate = text.slice(start, end);
      from = end;
      if (!candidate.includes('\n') || !isJson(candidate)) continue;
      // Strings inside the JSON are data: only placeholders (and anything the detector split out) block an edit.
      if (overlapsProtected(run.view, start, end, ALLOW_INSIDE)) continue;
      const compact = compactJson(candidate);
      const built = buildFix(run, [{ start, end, text: compact }], (label) => `Compact this JSON${label}`, { allowInside: ALLOW_INSIDE });
      if (built.savingsTokens < minSavingsFor(run, 1)) continue;
      const lines = candidate.split('\n').length;
      findings.push({
        message: `Pretty-printed JSON (${lines} lines): the compact form carries the same data in fewer tokens.`,
        span: sourceSpanOf(run.view, start, start + 1) ?? sourceSpanOf(run.view, start, end)!,
        promptId: run.prompt.id,
        savingsTokens: built.savingsTokens,
        savingsMonthly: built.savingsMonthly,
        fix: built.fix,
      });
    }
    return findings;
  },
};

/** A `{` or `[` followed by what JSON puts after one: a candidate for a JSON value. */
function nextJsonStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    // Where the bracket sits does not matter (a fix elsewhere can move it to a line start); parsing decides.
    if (/^[\s"{[\]}]/.test(text[i + 1] ?? '')) return i;
  }
  return -1;
}

/** End (exclusive) of the bracket group opened at `start`, skipping JSON strings; -1 when unbalanced. */
function matchingClose(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function isJson(s: string): boolean {
  try {
    const v = JSON.parse(s);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** The JSON text without whitespace outside strings. */
export function compactJson(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
      out += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    out += c;
  }
  return out;
}

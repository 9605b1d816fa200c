// `prompt-cost-disable-next-line <rule>` above a finding and `prompt-cost-disable <rule>` (from its line on; at
// the top of a file: the whole file). No rule id means every rule. Inside a multi-line literal the comment
// cannot sit on the line above, so it sits above the line where the literal opens.
import type { SourceEdit, SourceLanguage } from '../types';
import { lineAt, lineStartsOf } from '../text/lineIndex';
import { multilineLiterals, type LiteralRange } from '../text/literalScanner';

const COMMENT_START = /(?:#|\/\/|\/\*|<!--|\{#)[ \t]*prompt-cost-(disable-next-line|disable)(?![\w-])(.*)$/;
const ALL = '*';

export interface DisableDirectives {
  /** Rule id (or '*') → first 0-based line from which it is disabled. */
  fromLine: Map<string, number>;
  /** 0-based line → rule ids (or '*') disabled on it. */
  onLine: Map<number, Set<string>>;
}

interface DocumentFacts {
  text: string;
  language: SourceLanguage;
  directives: DisableDirectives;
  /** Scanned on first use: most documents have no disable comment and never need them. */
  literals?: LiteralRange[];
  lineStarts?: number[];
}

let cache: DocumentFacts | undefined;
const NO_DIRECTIVES: DisableDirectives = { fromLine: new Map(), onLine: new Map() };

function analyse(text: string, language: SourceLanguage): DocumentFacts {
  if (cache && cache.text === text && cache.language === language) return cache;
  // Most documents have none: one substring search instead of splitting the whole text into lines.
  if (!text.includes('prompt-cost-disable')) return (cache = { text, language, directives: NO_DIRECTIVES });
  const directives: DisableDirectives = { fromLine: new Map(), onLine: new Map() };
  const lines = text.split('\n');
  lines.forEach((line, n) => {
    if (!line.includes('prompt-cost-disable')) return;
    const m = COMMENT_START.exec(line);
    if (!m) return;
    const ids = parseRuleIds(m[2]);
    if (m[1] === 'disable') {
      for (const id of ids) if (!directives.fromLine.has(id)) directives.fromLine.set(id, n);
    } else {
      const set = directives.onLine.get(n + 1) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      directives.onLine.set(n + 1, set);
    }
  });
  cache = { text, language, directives };
  return cache;
}

function literalsOf(facts: DocumentFacts): LiteralRange[] {
  return (facts.literals ??= multilineLiterals(facts.text, facts.language));
}

function parseRuleIds(rest: string): string[] {
  const body = rest.replace(/(?:-->|\*\/|#\}).*$/, '').split(/\s--\s/)[0];
  const ids = body.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? [];
  return ids.length > 0 ? ids : [ALL];
}

/** 0-based line of `offset` (line starts computed once per document). */
function lineOf(facts: DocumentFacts, offset: number): number {
  return lineAt((facts.lineStarts ??= lineStartsOf(facts.text)), offset);
}

/** The line a disable-next-line comment must precede for a finding at `offset`. */
export function anchorLine(text: string, offset: number, language: SourceLanguage): number {
  const facts = analyse(text, language);
  const inside = literalsOf(facts).find((l) => offset > l.start && offset < l.end);
  return lineOf(facts, inside ? inside.start : offset);
}

/** True when a comment in the document turns `ruleId` off at `offset`. */
export function isDisabledAt(text: string, offset: number, ruleId: string, language: SourceLanguage): boolean {
  const facts = analyse(text, language);
  const { directives } = facts;
  if (directives.fromLine.size === 0 && directives.onLine.size === 0) return false;
  const line = lineOf(facts, offset);
  for (const id of [ruleId, ALL]) {
    const from = directives.fromLine.get(id);
    if (from !== undefined && from <= line) return true;
  }
  const lines = new Set([line, anchorLine(text, offset, language)]);
  for (const l of lines) {
    const set = directives.onLine.get(l);
    if (set && (set.has(ruleId) || set.has(ALL))) return true;
  }
  return false;
}

function commentFor(language: SourceLanguage, body: string): string {
  if (language === 'python') return `# ${body}`;
  if (language === 'prompt') return `<!-- ${body} -->`;
  return `// ${body}`;
}

/**
 * The edit that disables `ruleId` for the finding on 0-based `line`: a `prompt-cost-disable-next-line` comment
 * with the line's indentation (above the literal's opening line when `line` is inside a multi-line literal), or
 * the rule id added to such a comment already there.
 */
export function disableRuleEdit(documentText: string, line: number, ruleId: string, language: SourceLanguage): SourceEdit {
  const lineStarts = lineStartsOf(documentText);
  const clamped = Math.max(0, Math.min(line, lineStarts.length - 1));
  const target = anchorLine(documentText, lineStarts[clamped], language);
  const targetStart = lineStarts[target];
  if (target > 0) {
    const prevStart = lineStarts[target - 1];
    const prev = documentText.slice(prevStart, targetStart - 1);
    const m = /prompt-cost-disable-next-line(?![\w-])([^\n]*?)(\s*(?:-->|\*\/|#\}))?\s*$/.exec(prev);
    if (m && COMMENT_START.test(prev)) {
      const ids = parseRuleIds(m[1]);
      if (ids.includes(ruleId) || ids.includes(ALL)) return { span: { start: targetStart, end: targetStart }, newText: '' };
      const at = prevStart + m.index + 'prompt-cost-disable-next-line'.length + m[1].replace(/\s+$/, '').length;
      return { span: { start: at, end: at }, newText: `${m[1].trim() ? ',' : ''} ${ruleId}` };
    }
  }
  const lineText = documentText.slice(targetStart, lineStarts[target + 1] ?? documentText.length);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = documentText.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: targetStart, end: targetStart }, newText: `${indent}${commentFor(language, `prompt-cost-disable-next-line ${ruleId}`)}${eol}` };
}

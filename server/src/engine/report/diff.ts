// The monthly cost change between two audits (a git ref and the working tree): prompts added, removed and changed,
// matched by file and prompt id (the k-th occurrence of an id pairs with the k-th), as a table and as PR Markdown.
import type { AuditPrompt, AuditReport } from '../audit/types';
import { compareText, countsInMainTotals, roundUsd } from './auditReport';
import { code, escapeCell } from './formatMarkdown';
import { tokens, usd, usdDelta } from './numbers';
import { visibleText } from './visibleText';

export interface PromptChange {
  kind: 'added' | 'removed' | 'changed';
  file: string;
  id: string;
  /** Line in the working tree (head), or in the base for removed prompts. */
  line: number;
  base?: AuditPrompt;
  head?: AuditPrompt;
  /** head − base monthly cost, USD (unpriced counts as 0). */
  monthlyDelta: number;
}

export interface AuditDiff {
  base: { ref: string; monthlyCost: number; prompts: number };
  head: { monthlyCost: number; prompts: number };
  monthlyDelta: number;
  changes: PromptChange[];
}

/** A fragment's cost is in the prompt it is part of: its own change adds nothing to the month (its owner's does). */
function countedMonthly(p: AuditPrompt): number {
  return p.fragmentOf ? 0 : p.monthlyCost ?? 0;
}

export function diffAudits(base: AuditReport, head: AuditReport, baseRef: string): AuditDiff {
  const key = (p: AuditPrompt) => `${p.file}\u0000${p.id}`;
  // Only what the totals count (test-scope prompts with --include-tests), so the changes add up to the total's change.
  const counted = (report: AuditReport) => report.prompts.filter((p) => countsInMainTotals(p, report.totals.includesTests));
  const baseByKey = new Map<string, AuditPrompt[]>();
  for (const p of counted(base)) baseByKey.set(key(p), [...(baseByKey.get(key(p)) ?? []), p]);
  const changes: PromptChange[] = [];
  for (const h of counted(head)) {
    const b = baseByKey.get(key(h))?.shift();
    const delta = roundUsd(countedMonthly(h) - (b ? countedMonthly(b) : 0));
    if (!b) changes.push({ kind: 'added', file: h.file, id: h.id, line: h.startLine, head: h, monthlyDelta: delta });
    else if (b.inputTokens !== h.inputTokens || b.outputTokens !== h.outputTokens || b.model !== h.model || b.callsPerDay !== h.callsPerDay || delta !== 0) {
      changes.push({ kind: 'changed', file: h.file, id: h.id, line: h.startLine, base: b, head: h, monthlyDelta: delta });
    }
  }
  for (const rest of baseByKey.values()) {
    for (const b of rest) changes.push({ kind: 'removed', file: b.file, id: b.id, line: b.startLine, base: b, monthlyDelta: roundUsd(-countedMonthly(b)) });
  }
  changes.sort((a, b) => Math.abs(b.monthlyDelta) - Math.abs(a.monthlyDelta) || compareText(a.file, b.file) || a.line - b.line || compareText(a.id, b.id));
  return {
    base: { ref: baseRef, monthlyCost: base.totals.monthlyCost, prompts: base.totals.prompts },
    head: { monthlyCost: head.totals.monthlyCost, prompts: head.totals.prompts },
    monthlyDelta: roundUsd(head.totals.monthlyCost - base.totals.monthlyCost),
    changes,
  };
}

function describe(c: PromptChange): string {
  if (c.kind === 'added') return `${tokens(c.head!.inputTokens)} tok, ${c.head!.model}`;
  if (c.kind === 'removed') return `${tokens(c.base!.inputTokens)} tok, ${c.base!.model}`;
  const parts: string[] = [];
  if (c.base!.inputTokens !== c.head!.inputTokens) parts.push(`${tokens(c.base!.inputTokens)} → ${tokens(c.head!.inputTokens)} tok`);
  if (c.base!.model !== c.head!.model) parts.push(`${c.base!.model} → ${c.head!.model}`);
  if (c.base!.callsPerDay !== c.head!.callsPerDay) parts.push(`${tokens(c.base!.callsPerDay)} → ${tokens(c.head!.callsPerDay)} calls/day`);
  if (c.base!.outputTokens !== c.head!.outputTokens) parts.push(`output ${tokens(c.base!.outputTokens)} → ${tokens(c.head!.outputTokens)} tok`);
  return parts.join(', ') || 'price changed';
}

function monthly(c: PromptChange): string {
  return `${usd(c.base?.monthlyCost)} → ${usd(c.head?.monthlyCost)}`.replace(/^unpriced → /, c.kind === 'added' ? '' : 'unpriced → ').replace(/ → unpriced$/, c.kind === 'removed' ? '' : ' → unpriced');
}

export function formatDiffTable(diff: AuditDiff): string {
  const out: string[] = [];
  for (const c of diff.changes) {
    out.push(`${c.kind.padEnd(8)} ${usdDelta(c.monthlyDelta).padStart(11)}/mo  ${visibleText(`${c.file}:${c.line}  ${c.id}  (${describe(c)})`)}`);
  }
  if (out.length === 0) out.push(`No prompt cost changes since ${diff.base.ref}.`);
  out.push('');
  out.push(`${usd(diff.base.monthlyCost)} → ${usd(diff.head.monthlyCost)} per month (${usdDelta(diff.monthlyDelta)}) since ${diff.base.ref}; ${diff.base.prompts} → ${diff.head.prompts} prompts`);
  return out.join('\n') + '\n';
}

/** Markdown fit for a pull-request comment. */
export function formatDiffMarkdown(diff: AuditDiff, maxRows = 50): string {
  const out: string[] = ['## Prompt cost change', ''];
  const arrow = diff.monthlyDelta > 0 ? '📈' : diff.monthlyDelta < 0 ? '📉' : '';
  out.push(`${arrow ? arrow + ' ' : ''}**${usdDelta(diff.monthlyDelta)} per month**: ${usd(diff.base.monthlyCost)} → ${usd(diff.head.monthlyCost)} (${diff.base.prompts} → ${diff.head.prompts} prompts) compared with ${code(diff.base.ref)}.`);
  if (diff.changes.length === 0) {
    out.push('', 'No prompt changed cost.');
    return out.join('\n') + '\n';
  }
  const counts = (k: PromptChange['kind']) => diff.changes.filter((c) => c.kind === k).length;
  out.push('', `${counts('added')} added, ${counts('removed')} removed, ${counts('changed')} changed.`, '');
  out.push('| Change | Prompt | Per month | Δ per month | Details |', '|---|---|---:|---:|---|');
  for (const c of diff.changes.slice(0, maxRows)) {
    out.push(`| ${c.kind} | ${code(`${c.file}:${c.line}`)} ${escapeCell(c.id.includes('#') ? c.id.slice(c.id.indexOf('#')) : c.id)} | ${escapeCell(monthly(c))} | ${usdDelta(c.monthlyDelta)} | ${escapeCell(describe(c))} |`);
  }
  if (diff.changes.length > maxRows) out.push('', `… and ${diff.changes.length - maxRows} more.`);
  return out.join('\n') + '\n';
}

// The monthly cost change between two audits (a git ref and the working tree): prompts added, removed and changed,
// matched by file and prompt id (the k-th occurrence of an id pairs with the k-th), and the same for requests (call
// sites, matched by file and sink without the line), as a table and as PR Markdown.
import type { AuditPrompt, AuditReport, AuditRequest } from '../audit/types';
import { compareText, countsInMainTotals, monthlyCostAllRequests, roundUsd } from './auditReport';
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

/** A call site added, removed or changed: model, tokens by kind, batch, volume or cost. */
export interface RequestChange {
  kind: 'added' | 'removed' | 'changed';
  file: string;
  id: string;
  /** Line in the working tree (head), or in the base for removed requests. */
  line: number;
  base?: AuditRequest;
  head?: AuditRequest;
  /** head − base monthly cost, USD (unpriced counts as 0). */
  monthlyDelta: number;
}

export interface AuditDiff {
  base: { ref: string; monthlyCost: number; prompts: number; requests: number };
  head: { monthlyCost: number; prompts: number; requests: number };
  monthlyDelta: number;
  changes: PromptChange[];
  /** Requests added, removed and changed (empty when neither report lists requests). */
  requestChanges: RequestChange[];
}

/**
 * A fragment's cost is in the prompt it is part of: its own change adds nothing to the month (its owner's does). A
 * text several calls send counts over all of them.
 */
function countedMonthly(p: AuditPrompt): number {
  return p.fragmentOf ? 0 : monthlyCostAllRequests(p) ?? 0;
}

/** `app/agent.py#openai.chat.completions@9` → `app/agent.py#openai.chat.completions`: a request moved by a line is the same. */
function requestKey(r: AuditRequest): string {
  return r.id.replace(/@\d+$/, '');
}

function requestDiffers(b: AuditRequest, h: AuditRequest): boolean {
  return b.model !== h.model || b.inputTokens !== h.inputTokens || b.toolTokens !== h.toolTokens || b.outputTokens !== h.outputTokens
    || b.reasoningTokens !== h.reasoningTokens || b.batch !== h.batch || b.callsPerDay !== h.callsPerDay || b.monthlyCost !== h.monthlyCost;
}

export function diffRequests(base: readonly AuditRequest[], head: readonly AuditRequest[]): RequestChange[] {
  const baseByKey = new Map<string, AuditRequest[]>();
  for (const r of base) baseByKey.set(requestKey(r), [...(baseByKey.get(requestKey(r)) ?? []), r]);
  const changes: RequestChange[] = [];
  for (const h of head) {
    const b = baseByKey.get(requestKey(h))?.shift();
    const delta = roundUsd((h.monthlyCost ?? 0) - (b?.monthlyCost ?? 0));
    if (!b) changes.push({ kind: 'added', file: h.file, id: h.id, line: h.line, head: h, monthlyDelta: delta });
    else if (requestDiffers(b, h)) changes.push({ kind: 'changed', file: h.file, id: h.id, line: h.line, base: b, head: h, monthlyDelta: delta });
  }
  for (const rest of baseByKey.values()) for (const b of rest) changes.push({ kind: 'removed', file: b.file, id: b.id, line: b.line, base: b, monthlyDelta: roundUsd(-(b.monthlyCost ?? 0)) });
  return changes.sort((a, b) => Math.abs(b.monthlyDelta) - Math.abs(a.monthlyDelta) || compareText(a.file, b.file) || a.line - b.line || compareText(a.id, b.id));
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
    base: { ref: baseRef, monthlyCost: base.totals.monthlyCost, prompts: base.totals.prompts, requests: base.requests?.length ?? 0 },
    head: { monthlyCost: head.totals.monthlyCost, prompts: head.totals.prompts, requests: head.requests?.length ?? 0 },
    monthlyDelta: roundUsd(head.totals.monthlyCost - base.totals.monthlyCost),
    changes,
    requestChanges: diffRequests(base.requests ?? [], head.requests ?? []),
  };
}

/** `openai.chat.completions (o3, 2 messages)`; a changed request names what changed. */
function describeRequest(c: RequestChange): string {
  const sink = (r: AuditRequest) => r.id.slice(r.id.lastIndexOf('#') + 1).replace(/@\d+$/, '');
  const whole = (r: AuditRequest) => `${sink(r)}, ${r.model}${r.batch ? ' (batch)' : ''}, ${r.prompts.length} message${r.prompts.length === 1 ? '' : 's'}`;
  if (c.kind !== 'changed') return whole((c.head ?? c.base)!);
  const b = c.base!;
  const h = c.head!;
  const parts: string[] = [];
  if (b.model !== h.model) parts.push(`${b.model} → ${h.model}`);
  if (b.inputTokens !== h.inputTokens) parts.push(`input ${tokens(b.inputTokens)} → ${tokens(h.inputTokens)} tok`);
  if (b.toolTokens !== h.toolTokens) parts.push(`tools ${tokens(b.toolTokens)} → ${tokens(h.toolTokens)} tok`);
  if (b.outputTokens !== h.outputTokens) parts.push(`output ${tokens(b.outputTokens)} → ${tokens(h.outputTokens)} tok`);
  if (b.reasoningTokens !== h.reasoningTokens) parts.push(`reasoning ${tokens(b.reasoningTokens)} → ${tokens(h.reasoningTokens)} tok`);
  if (b.batch !== h.batch) parts.push(h.batch ? 'now batch' : 'no longer batch');
  if (b.callsPerDay !== h.callsPerDay) parts.push(`${tokens(b.callsPerDay)} → ${tokens(h.callsPerDay)} calls/day`);
  return parts.join(', ') || 'price changed';
}

function requestMonthly(c: RequestChange): string {
  return `${usd(c.base?.monthlyCost)} → ${usd(c.head?.monthlyCost)}`.replace(/^unpriced → /, c.kind === 'added' ? '' : 'unpriced → ').replace(/ → unpriced$/, c.kind === 'removed' ? '' : ' → unpriced');
}

function describe(c: PromptChange): string {
  if (c.kind === 'added') return `${tokens(c.head!.inputTokens)} tok, ${c.head!.model}`;
  if (c.kind === 'removed') return `${tokens(c.base!.inputTokens)} tok, ${c.base!.model}`;
  const parts: string[] = [];
  if (c.base!.inputTokens !== c.head!.inputTokens) parts.push(`${tokens(c.base!.inputTokens)} → ${tokens(c.head!.inputTokens)} tok`);
  if (c.base!.model !== c.head!.model) parts.push(`${c.base!.model} → ${c.head!.model}`);
  if (c.base!.callsPerDay !== c.head!.callsPerDay) parts.push(`${tokens(c.base!.callsPerDay)} → ${tokens(c.head!.callsPerDay)} calls/day`);
  if (c.base!.outputTokens !== c.head!.outputTokens) parts.push(`output ${tokens(c.base!.outputTokens)} → ${tokens(c.head!.outputTokens)} tok`);
  const requests = (p: AuditPrompt) => 1 + (p.otherRequests?.length ?? 0);
  if (requests(c.base!) !== requests(c.head!)) parts.push(`sent by ${requests(c.base!)} → ${requests(c.head!)} requests`);
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
  if (diff.requestChanges.length) {
    out.push('', 'Requests (call sites):');
    for (const c of diff.requestChanges) {
      out.push(`${c.kind.padEnd(8)} ${usdDelta(c.monthlyDelta).padStart(11)}/mo  ${visibleText(`${c.file}:${c.line}  (${describeRequest(c)})`)}`);
    }
  }
  out.push('');
  out.push(`${usd(diff.base.monthlyCost)} → ${usd(diff.head.monthlyCost)} per month (${usdDelta(diff.monthlyDelta)}) since ${diff.base.ref}; ${diff.base.prompts} → ${diff.head.prompts} prompts; ${diff.base.requests} → ${diff.head.requests} requests`);
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
  if (diff.requestChanges.length) {
    const rc = (k: RequestChange['kind']) => diff.requestChanges.filter((c) => c.kind === k).length;
    out.push('', `### Requests (call sites): ${diff.base.requests} → ${diff.head.requests}`, '', `${rc('added')} added, ${rc('removed')} removed, ${rc('changed')} changed.`, '');
    out.push('| Change | Call | Per month | Δ per month | Details |', '|---|---|---:|---:|---|');
    for (const c of diff.requestChanges.slice(0, maxRows)) {
      out.push(`| ${c.kind} | ${code(`${c.file}:${c.line}`)} | ${escapeCell(requestMonthly(c))} | ${usdDelta(c.monthlyDelta)} | ${escapeCell(describeRequest(c))} |`);
    }
    if (diff.requestChanges.length > maxRows) out.push('', `… and ${diff.requestChanges.length - maxRows} more.`);
  }
  return out.join('\n') + '\n';
}

// Builds the audit report — the JSON other tools read — from an audit run: sorted records and the totals.
// Sorting by code-unit order (not locale) makes the output byte-identical across machines for the same tree.
import type { AuditRun } from '../audit/runAudit';
import type { AuditPrompt, AuditReport, AuditRequest, AuditRequestShare, AuditTotals, FindingCounts, ScopeTotals, SkippedFile } from '../audit/types';

export const TOOL_NAME = 'prompt-cost';

export interface ReportMeta {
  version: string;
  priceData: { source: string; date: string };
  /** Fixed in tests; the current time otherwise. */
  generatedAt?: Date;
  /** Count test-scope prompts in the totals (--include-tests, setting promptCost.includeTests); default false. */
  includeTests?: boolean;
}

export function buildAuditReport(run: Pick<AuditRun, 'prompts' | 'skipped' | 'files'>, meta: ReportMeta): AuditReport {
  const prompts = [...run.prompts].sort(comparePrompts);
  const skipped = [...run.skipped].sort((a, b) => compareText(a.file, b.file) || compareText(a.reason, b.reason));
  const includeTests = meta.includeTests === true;
  // The requests of the prompts the main totals count, so totals.monthlyCost = Σ requests + prompts of no request.
  const requests = buildRequests(prompts.filter((p) => countsInMainTotals(p, includeTests)));
  return {
    tool: TOOL_NAME,
    version: meta.version,
    generatedAt: (meta.generatedAt ?? new Date()).toISOString(),
    priceData: { source: meta.priceData.source, date: meta.priceData.date },
    totals: { ...computeTotals(prompts, run.files, includeTests), requests: requests.length },
    prompts,
    requests,
    skipped,
  };
}

/** Sum of nullable costs: null as soon as one part has no price (an unknown price is never counted as $0). */
function sumCosts(values: (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** A prompt's shares of the requests that send it: its own (the record's fields), then `otherRequests`. */
export function promptShares(p: AuditPrompt): (AuditRequestShare & { prompt: AuditPrompt })[] {
  const own: AuditRequestShare = {
    ...(p.request ? { request: p.request } : {}),
    site: `${p.file}:${p.startLine}`,
    model: p.model,
    modelSource: p.modelSource,
    ...(p.modelUnknown ? { modelUnknown: true as const } : {}),
    inputTokens: p.inputTokens,
    toolTokens: p.toolTokens ?? 0,
    outputTokens: p.outputTokens,
    reasoningTokens: p.reasoningTokens ?? 0,
    cachedInputTokens: p.cachedInputTokens ?? 0,
    batch: p.batch ?? false,
    tokensExact: p.tokensExact,
    costPerCall: p.costPerCall,
    callsPerDay: p.callsPerDay,
    monthlyCost: p.monthlyCost,
  };
  return [own, ...(p.otherRequests ?? [])].map((share) => ({ ...share, prompt: p }));
}

/** What a prompt's text costs a month over every request that sends it; null when one share has no price. */
export function monthlyCostAllRequests(p: AuditPrompt): number | null {
  return p.monthlyCostAllRequests !== undefined ? p.monthlyCostAllRequests : p.monthlyCost;
}

/**
 * The requests (call sites) of sorted prompt records: each prompt's figures are its share of its request (and each
 * `otherRequests` entry its share of a further one), so the request's figures are sums; model, source and volume
 * are those of its first message (which carries the output).
 */
export function buildRequests(prompts: readonly AuditPrompt[]): AuditRequest[] {
  const byId = new Map<string, ReturnType<typeof promptShares>>();
  for (const p of prompts) {
    if (p.fragmentOf) continue;
    for (const share of promptShares(p)) {
      if (!share.request) continue;
      const group = byId.get(share.request) ?? [];
      group.push(share);
      byId.set(share.request, group);
    }
  }
  const requests: AuditRequest[] = [];
  for (const [id, group] of byId) {
    group.sort((a, b) => comparePrompts(a.prompt, b.prompt));
    const first = group.find((p) => p.outputTokens > 0 || p.reasoningTokens > 0) ?? group[0];
    const line = Number(/@(\d+)$/.exec(id)?.[1]);
    const sum = (f: (p: AuditRequestShare) => number) => group.reduce((total, p) => total + f(p), 0);
    const costPerCall = sumCosts(group.map((p) => p.costPerCall));
    const monthlyCost = sumCosts(group.map((p) => p.monthlyCost));
    const fileOfId = id.slice(0, id.lastIndexOf('#'));
    requests.push({
      id,
      file: group.some((p) => p.prompt.file === fileOfId) ? fileOfId : first.prompt.file,
      line: Number.isInteger(line) && line > 0 ? line : Math.min(...group.map((p) => p.prompt.startLine)),
      model: first.model,
      modelSource: first.modelSource,
      prompts: group.map((p) => p.prompt.id),
      inputTokens: sum((p) => p.inputTokens),
      toolTokens: sum((p) => p.toolTokens),
      outputTokens: sum((p) => p.outputTokens),
      reasoningTokens: sum((p) => p.reasoningTokens),
      cachedInputTokens: Math.round(sum((p) => p.cachedInputTokens) * 100) / 100,
      batch: group.some((p) => p.batch),
      tokensExact: group.every((p) => p.tokensExact),
      costPerCall: costPerCall === null ? null : roundUsd(costPerCall),
      callsPerDay: first.callsPerDay,
      monthlyCost: monthlyCost === null ? null : roundUsd(monthlyCost),
    });
  }
  return requests.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.id, b.id));
}

/** Test-scope prompts count in the main totals, budgets and tables only when asked for. */
export function countsInMainTotals(prompt: Pick<AuditPrompt, 'scope'>, includeTests: boolean): boolean {
  return prompt.scope !== 'test' || includeTests;
}

export function computeTotals(prompts: AuditPrompt[], files: number, includeTests = false): AuditTotals {
  const counted = prompts.filter((p) => countsInMainTotals(p, includeTests));
  const main = scopeTotals(counted);
  const byModel = new Map<string, AuditTotals['byModel'][number]>();
  let savingsMonthly = 0;
  for (const prompt of counted) {
    for (const finding of prompt.findings) savingsMonthly += finding.savingsMonthly ?? 0;
    // A fragment's cost is already in the prompt it is inserted into (its findings still count).
    if (prompt.fragmentOf) continue;
    // Each request share goes to its own model (one text sent to two models counts under both).
    const models = new Set<string>();
    for (const share of promptShares(prompt)) {
      const model = byModel.get(share.model) ?? { model: share.model, prompts: 0, monthlyCost: 0 };
      if (!models.has(share.model)) model.prompts++;
      models.add(share.model);
      model.monthlyCost += share.monthlyCost ?? 0;
      if (share.modelUnknown) model.unknown = true;
      byModel.set(share.model, model);
    }
  }
  return {
    files,
    filesWithPrompts: main.filesWithPrompts,
    prompts: main.prompts,
    monthlyCost: main.monthlyCost,
    unpricedPrompts: main.unpricedPrompts,
    findings: main.findings,
    savingsMonthly: roundUsd(savingsMonthly),
    fragments: counted.filter((p) => p.fragmentOf).length,
    byModel: [...byModel.values()]
      .map((m) => ({ ...m, monthlyCost: roundUsd(m.monthlyCost) }))
      .sort((a, b) => b.monthlyCost - a.monthlyCost || compareText(a.model, b.model)),
    includesTests: includeTests,
    tests: scopeTotals(prompts.filter((p) => p.scope === 'test')),
  };
}

/** Files, prompts, cost and findings of some records; fragments add findings but no prompt or cost. */
export function scopeTotals(prompts: readonly AuditPrompt[]): ScopeTotals {
  const findings: FindingCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  const files = new Set<string>();
  let monthlyCost = 0;
  let unpricedPrompts = 0;
  let counted = 0;
  for (const prompt of prompts) {
    files.add(prompt.file);
    for (const finding of prompt.findings) if (finding.severity in findings) findings[finding.severity as keyof FindingCounts]++;
    if (prompt.fragmentOf) continue;
    counted++;
    const monthly = monthlyCostAllRequests(prompt);
    if (monthly === null) unpricedPrompts++;
    else monthlyCost += monthly;
  }
  return { filesWithPrompts: files.size, prompts: counted, monthlyCost: roundUsd(monthlyCost), unpricedPrompts, findings };
}

/** One file's share of an audit: its prompts, their priced monthly sum and how many have no price. */
export interface FileCost {
  file: string;
  prompts: number;
  monthlyCost: number;
  unpriced: number;
}

/** Per file, in the order files first appear; fragments are left out (counted in the prompt they are part of). */
export function costByFile(prompts: readonly AuditPrompt[]): FileCost[] {
  const files = new Map<string, FileCost>();
  for (const p of prompts) {
    if (p.fragmentOf) continue;
    const f = files.get(p.file) ?? { file: p.file, prompts: 0, monthlyCost: 0, unpriced: 0 };
    f.prompts++;
    const monthly = monthlyCostAllRequests(p);
    if (monthly === null) f.unpriced++;
    else f.monthlyCost += monthly;
    files.set(p.file, f);
  }
  return [...files.values()];
}

/** Sums of many floats pick up noise in the 12th digit; reports carry micro-dollar precision. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function comparePrompts(a: AuditPrompt, b: AuditPrompt): number {
  return compareText(a.file, b.file) || a.startLine - b.startLine || a.startColumn - b.startColumn || compareText(a.id, b.id);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { AuditReport, SkippedFile };

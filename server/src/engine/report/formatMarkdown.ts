// The Markdown report the editor opens and CI posts: totals per month, by model, by file, the most expensive
// prompts and requests, findings with their possible savings, skipped files and why.
import type { AuditPrompt, AuditReport } from '../audit/types';
import { compareText, costByFile, countsInMainTotals, monthlyCostAllRequests } from './auditReport';
import { cellNumber, emptyAuditNote, findingCountsText, tokens, usd } from './numbers';
import { visibleText } from './visibleText';

export interface MarkdownOptions {
  /** Rows in the "most expensive prompts" and "by file" tables. */
  top?: number;
  /** Findings listed before "… and N more". */
  maxFindings?: number;
}

export function formatMarkdown(report: AuditReport, options: MarkdownOptions = {}): string {
  const top = options.top ?? 20;
  const maxFindings = options.maxFindings ?? 100;
  const t = report.totals;
  const out: string[] = [];
  out.push('# Prompt cost audit', '');
  out.push(`**${usd(t.monthlyCost)} per month** for ${t.prompts} prompt${plural(t.prompts)} in ${t.filesWithPrompts} file${plural(t.filesWithPrompts)} (${t.files + report.skipped.length} files audited: ${t.files} read, ${report.skipped.length} skipped).`);
  const empty = emptyAuditNote(report);
  if (empty) out.push('', empty);
  if (t.unpricedPrompts > 0) out.push('', `${t.unpricedPrompts} prompt${plural(t.unpricedPrompts)} use a model without a known price and are not in the total.`);
  const findingTotal = t.findings.error + t.findings.warning + t.findings.information + t.findings.hint;
  if (findingTotal > 0) out.push('', `${findingTotal} finding${plural(findingTotal)} (${findingCountsText(t.findings)}); fixing them would save about **${usd(t.savingsMonthly)} per month**.`);
  if (t.tests.prompts > 0) {
    out.push('', `Tests and fixtures hold ${t.tests.prompts} more prompt${plural(t.tests.prompts)} (${usd(t.tests.monthlyCost)} per month), ${t.includesTests ? 'included in the figures above (--include-tests)' : 'not in the figures above (see "Tests and fixtures"; --include-tests counts them)'}.`);
  }
  out.push('', `_Prices: ${escapeCell(report.priceData.source)}, ${report.priceData.date}. Generated ${report.generatedAt} by ${report.tool} ${report.version}._`);
  // The tables below show what the totals count; test-scope prompts get their own section at the end.
  const counted = report.prompts.filter((p) => countsInMainTotals(p, t.includesTests));

  if (t.byModel.length > 0) {
    out.push('', '## By model', '', '| Model | Prompts | Per month |', '|---|---:|---:|');
    // A model without a price reads "unpriced", never $0 (its prompts are left out of the total, not free).
    const unpriced = unpricedByModel(counted);
    for (const m of t.byModel) out.push(`| ${escapeCell(m.model)}${m.unknown ? ' (unknown model)' : ''} | ${m.prompts} | ${unpriced.get(m.model) === m.prompts ? 'unpriced' : usd(m.monthlyCost)} |`);
  }

  const byFile = costByFile(counted).sort((a, b) => b.monthlyCost - a.monthlyCost || compareText(a.file, b.file));
  if (byFile.length > 0) {
    out.push('', '## By file', '', '| File | Prompts | Per month |', '|---|---:|---:|');
    for (const f of byFile.slice(0, top)) out.push(`| ${code(f.file)} | ${f.prompts} | ${f.unpriced === f.prompts ? 'unpriced' : usd(f.monthlyCost)} |`);
    if (byFile.length > top) out.push(`| … ${byFile.length - top} more files | | |`);
  }

  // A text several calls send is ranked by its cost over all of them; its row names the first request's figures and the count.
  const expensive = [...counted]
    .filter((p) => monthlyCostAllRequests(p) !== null && !p.fragmentOf)
    .sort((a, b) => (monthlyCostAllRequests(b) ?? 0) - (monthlyCostAllRequests(a) ?? 0) || compareText(a.file, b.file) || a.startLine - b.startLine)
    .slice(0, top);
  if (expensive.length > 0) {
    out.push('', '## Most expensive prompts', '', '| Prompt | Role | Model | Input tokens | Per call | Calls/day | Per month |', '|---|---|---|---:|---:|---:|---:|');
    for (const p of expensive) {
      const more = p.otherRequests?.length ? ` (+${p.otherRequests.length} more request${p.otherRequests.length === 1 ? '' : 's'}: ${p.otherRequests.map((r) => escapeCell(r.model)).join(', ')})` : '';
      out.push(`| ${code(where(p))} | ${p.role} | ${escapeCell(p.model)}${more} | ${p.tokensExact ? '' : '≈'}${tokens(p.inputTokens)} | ${usd(p.costPerCall)} | ${tokens(p.callsPerDay)} | ${usd(monthlyCostAllRequests(p))} |`);
    }
  }

  // The unit a provider bills: tools are input, reasoning is output (an estimate), batch calls at the batch rate.
  const requests = (report.requests ?? [])
    .filter((r) => r.monthlyCost !== null)
    .sort((a, b) => (b.monthlyCost ?? 0) - (a.monthlyCost ?? 0) || compareText(a.file, b.file) || a.line - b.line)
    .slice(0, top);
  if (requests.length > 0) {
    out.push('', '## Most expensive requests', '', '| Call | Model | Messages | Input tokens | of which tools | Output | Reasoning (est.) | Per call | Per month |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of requests) {
      const model = `${escapeCell(r.model)}${r.batch ? ' (batch)' : ''}`;
      out.push(`| ${code(`${r.file}:${r.line}`)} | ${model} | ${r.prompts.length} | ${r.tokensExact ? '' : '≈'}${tokens(r.inputTokens)} | ${tokens(r.toolTokens)} | ${tokens(r.outputTokens)} | ${tokens(r.reasoningTokens)} | ${usd(r.costPerCall)} | ${usd(r.monthlyCost)} |`);
    }
  }

  const findings = counted
    .flatMap((p) => p.findings.map((f) => ({ p, f })))
    .sort((a, b) => (b.f.savingsMonthly ?? 0) - (a.f.savingsMonthly ?? 0) || compareText(a.p.file, b.p.file) || a.f.startLine - b.f.startLine);
  if (findings.length > 0) {
    out.push('', '## Findings', '', '| Where | Severity | Rule | Message | Saves / month |', '|---|---|---|---|---:|');
    for (const { p, f } of findings.slice(0, maxFindings)) {
      const at = `${p.file}:${f.startLine}:${f.startColumn}${p.cell !== undefined ? ` (cell ${cellNumber(p.cell)})` : ''}`;
      out.push(`| ${code(at)} | ${f.severity} | ${code(f.ruleId)} | ${escapeCell(f.message)} | ${f.savingsMonthly !== undefined ? usd(f.savingsMonthly) : ''} |`);
    }
    if (findings.length > maxFindings) out.push('', `… and ${findings.length - maxFindings} more findings (see the JSON or SARIF report).`);
  }

  const testFiles = costByFile(report.prompts.filter((p) => p.scope === 'test')).sort((a, b) => b.monthlyCost - a.monthlyCost || compareText(a.file, b.file));
  if (testFiles.length > 0) {
    const f = t.tests.findings;
    const testFindings = f.error + f.warning + f.information + f.hint;
    out.push('', '## Tests and fixtures', '');
    out.push(`${t.tests.prompts} prompt${plural(t.tests.prompts)} in ${t.tests.filesWithPrompts} test or fixture file${plural(t.tests.filesWithPrompts)}, ${usd(t.tests.monthlyCost)} per month at the same volumes${testFindings ? `; ${testFindings} finding${plural(testFindings)} (${findingCountsText(f)})` : ''}. ${t.includesTests ? 'Counted in the totals above (--include-tests).' : 'Not counted in the totals, budget or --fail-on; `--include-tests` (setting `promptCost.includeTests`) counts them, `testGlobs` in .promptcost.json says which files are tests.'}`);
    out.push('', '| File | Prompts | Per month |', '|---|---:|---:|');
    for (const tf of testFiles.slice(0, top)) out.push(`| ${code(tf.file)} | ${tf.prompts} | ${tf.unpriced === tf.prompts ? 'unpriced' : usd(tf.monthlyCost)} |`);
    if (testFiles.length > top) out.push(`| … ${testFiles.length - top} more files | | |`);
  }

  if (report.skipped.length > 0) {
    out.push('', '## Skipped files', '', '| File | Why |', '|---|---|');
    for (const s of report.skipped) out.push(`| ${code(s.file)} | ${escapeCell(s.reason)} |`);
  }
  return out.join('\n') + '\n';
}

export function where(p: AuditPrompt): string {
  return p.cell !== undefined ? `${p.file}:${p.startLine} (cell ${cellNumber(p.cell)}, line ${p.cellLine})` : `${p.file}:${p.startLine}`;
}

/**
 * Text in a table cell, shown as written. Pipes and newlines would break the row; `<…>` would be HTML and `[…](…)` a
 * link when the report is rendered (a model name in a pull request must not become an image or a link in the bot's
 * comment); control characters are made visible (visibleText). Backticks stay: rule messages quote code with them.
 */
export function escapeCell(text: string): string {
  return visibleText(text.replace(/\r?\n/g, ' ')).replace(/[\\|<>[\]]/g, (c) => `\\${c}`);
}

/**
 * Inline code that survives backticks in the content: the fence is one backtick longer than any run inside. In a table
 * cell `|` is escaped (it would end the cell); elsewhere not, since a backslash inside a code span shows as written.
 */
export function code(text: string, { inTableCell = true }: { inTableCell?: boolean } = {}): string {
  const visible = visibleText(text.replace(/\r?\n/g, ' '));
  const clean = inTableCell ? visible.replace(/\|/g, '\\|') : visible;
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** Counted prompts (fragments are counted in their prompt) without a price, per model. */
function unpricedByModel(prompts: readonly AuditPrompt[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of prompts) if (!p.fragmentOf && p.monthlyCost === null) counts.set(p.model, (counts.get(p.model) ?? 0) + 1);
  return counts;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

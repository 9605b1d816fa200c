// The terminal report (the CLI's default): prompts grouped by file as ESLint's "stylish" does, one line per prompt
// with its numbers, findings beneath, then the totals. Colour only when asked (the CLI asks on a TTY). Text from the
// audited tree is printed through visibleText: an escape sequence in a file or model name must not drive the terminal.
import type { AuditPrompt, AuditReport } from '../audit/types';
import { promptLocalName } from '../cost/fragments';
import { cellNumber, emptyAuditNote, findingCountsText, tokens, usd } from './numbers';
import { visibleText } from './visibleText';

export interface TableOptions {
  color?: boolean;
}

const CODES = { dim: [2, 22], bold: [1, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39] } as const;

export function formatTable(report: AuditReport, options: TableOptions = {}): string {
  const paint = (style: keyof typeof CODES, text: string): string =>
    options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  const out: string[] = [];
  let currentFile: string | undefined;
  const listPrompts = (prompts: readonly AuditPrompt[]) => {
    for (const p of prompts) {
      if (p.file !== currentFile) {
        if (currentFile !== undefined) out.push('');
        out.push(paint('bold', visibleText(p.file)));
        currentFile = p.file;
      }
      const at = p.cell !== undefined ? `${p.startLine}:${p.startColumn} cell ${cellNumber(p.cell)}:${p.cellLine}` : `${p.startLine}:${p.startColumn}`;
      const cols = [
        pad(at, 10),
        pad(p.role, 9),
        pad(visibleText(p.model), 22),
        // ≈ in front, as the inline hint and the hover write an estimate; an unknown price is said once, in the month column.
        padStart(`${p.tokensExact ? '' : '≈'}${tokens(p.inputTokens)} tok`, 12),
        padStart(p.costPerCall === null ? '—/call' : `${usd(p.costPerCall)}/call`, 16),
        padStart(p.fragmentOf ? `in ${visibleText(promptLocalName(p.fragmentOf))}` : `${usd(p.monthlyCost)}/mo`, 14),
      ];
      out.push(`  ${paint('dim', cols[0])} ${cols.slice(1).join(' ')}`);
      // The same text sent by more calls: one line per further request (its model and figures), under the prompt.
      for (const r of p.otherRequests ?? []) {
        const figures = `${r.tokensExact ? '' : '≈'}${tokens(r.inputTokens)} tok  ${r.costPerCall === null ? '—' : usd(r.costPerCall)}/call  ${usd(r.monthlyCost)}/mo`;
        out.push(`    ${paint('dim', 'also sent by')} ${visibleText(r.site)}  ${visibleText(r.model)}  ${figures}`);
      }
      for (const f of p.findings) {
        const severity = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', f.severity);
        const savings = f.savingsMonthly !== undefined ? paint('green', ` (saves ${usd(f.savingsMonthly)}/mo)`) : f.savingsTokens ? paint('green', ` (saves ${tokens(f.savingsTokens)} tok)`) : '';
        out.push(`    ${paint('dim', `${f.startLine}:${f.startColumn}`)}  ${severity}  ${visibleText(f.message.replace(/\r?\n/g, ' '))}${savings}  ${paint('dim', visibleText(f.ruleId))}`);
      }
    }
  };
  // Test and fixture files in their own section, after the application's prompts (config/testScope.ts).
  listPrompts(report.prompts.filter((p) => p.scope !== 'test'));
  const testPrompts = report.prompts.filter((p) => p.scope === 'test');
  if (testPrompts.length > 0) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', `Tests and fixtures (${report.totals.includesTests ? 'counted in the totals: --include-tests' : 'not in the totals; --include-tests counts them'}):`));
    currentFile = undefined;
    listPrompts(testPrompts);
  }
  if (report.skipped.length > 0) {
    if (out.length > 0) out.push('');
    out.push(paint('bold', `Skipped ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'}:`));
    for (const s of report.skipped) out.push(`  ${visibleText(s.file)}  ${paint('dim', visibleText(s.reason))}`);
  }
  const t = report.totals;
  if (out.length > 0) out.push('');
  const unpriced = t.unpricedPrompts > 0 ? ` (${t.unpricedPrompts} unpriced)` : '';
  const requests = t.requests ? `, ${t.requests} request${t.requests === 1 ? '' : 's'}` : '';
  out.push(paint('bold', `${usd(t.monthlyCost)} per month`) + ` — ${t.prompts} prompt${t.prompts === 1 ? '' : 's'}${unpriced} in ${t.filesWithPrompts} of ${t.files} files${requests}`);
  if (t.tests.prompts > 0) out.push(`Tests and fixtures: ${usd(t.tests.monthlyCost)} per month — ${t.tests.prompts} prompt${t.tests.prompts === 1 ? '' : 's'} in ${t.tests.filesWithPrompts} files, ${t.includesTests ? 'included above' : 'not included above'}`);
  const empty = emptyAuditNote(report);
  if (empty) out.push(empty);
  const problems = t.findings.error + t.findings.warning;
  if (problems + t.findings.information + t.findings.hint > 0) {
    out.push(`${findingCountsText(t.findings)}; possible savings ${paint('green', usd(t.savingsMonthly))} per month`);
  }
  return out.join('\n') + '\n';
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

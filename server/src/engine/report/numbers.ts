// The reports' words for numbers, over the shared formatting (server/src/engine/views/format.ts): dollars in full
// (`formatUsdInFull`), token counts with thousands separators. Unpriced is a word, never $0.
import type { AuditReport, FindingCounts } from '../audit/types';
import { formatTokens, formatUsdInFull } from '../views/format';

export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unpriced';
  return formatUsdInFull(value);
}

/** A signed change: `+$12.00`, `-$3.10`. */
export function usdDelta(value: number): string {
  if (value === 0) return '$0';
  return value > 0 ? `+${usd(value)}` : usd(value);
}

export function tokens(value: number): string {
  return formatTokens(value);
}

/**
 * `1 error, 0 warnings, 7 info, 13 hints`: each severity on its own, as the Problems panel counts them (information
 * findings are listed there, hints are not; one word for both misled).
 */
export function findingCountsText(c: FindingCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(c.error, 'error', 'errors'), n(c.warning, 'warning', 'warnings'), `${c.information} info`, n(c.hint, 'hint', 'hints')].join(', ');
}

/**
 * Why an audit found nothing, in words: "$0 per month — 0 prompts in 0 of 0 files" alone left the reader guessing
 * whether the tool looked at the right place. Undefined when there are prompts.
 */
export function emptyAuditNote(report: AuditReport): string | undefined {
  const t = report.totals;
  if (t.prompts > 0 || report.prompts.length > 0) return undefined;
  const skipped = report.skipped.length > 0 ? ` ${report.skipped.length} file${report.skipped.length === 1 ? ' was' : 's were'} skipped (see the list of skipped files).` : '';
  if (t.files === 0) {
    return report.skipped.length > 0
      ? `No file could be read:${skipped}`
      : 'No files to audit: no Python, TypeScript, JavaScript, notebook or prompt files here (after .gitignore and excludes).';
  }
  return `No prompts found in the ${t.files} file${t.files === 1 ? '' : 's'} read.${skipped}`;
}

/**
 * A notebook cell as people count it: 1-based, markdown cells included, as VS Code's "Cell 3 of 4", the sidebar and
 * the status bar say. The JSON and SARIF `cell` field stays the 0-based index into nbformat's `cells` array.
 */
export function cellNumber(cellIndex: number): number {
  return cellIndex + 1;
}

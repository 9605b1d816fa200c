// `prompt-cost merge reports/*.json`: joins the JSON reports of `audit --shard k/n` runs into the report one unsharded
// run gives — the same prompts, requests, skipped files and totals, in the same order (the report is rebuilt from
// the shards' records with the audit's own report builder), in any format.
import * as fs from 'fs';
import type { AuditReport } from '../../engine/audit/types';
import { buildAuditReport, TOOL_NAME } from '../../engine/report/auditReport';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../engine/report/formatReport';
import { DOCS_BASE_URL, sarifRules } from '../../engine/report/ruleCatalog';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT_CLEAN } from '../exitCodes';
import { writeOutput } from '../outputFile';
import type { CommandIO } from './io';

export const MERGE_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', choices: [...REPORT_FORMATS], description: 'Report format (default json)' },
  out: { type: 'string', value: 'FILE', description: 'Write the report to FILE instead of standard output' },
};

export async function mergeCommand(argv: string[], io: CommandIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, MERGE_OPTIONS);
  if (positionals.length === 0) throw new UsageError('merge needs the JSON reports of every shard (prompt-cost audit --shard k/n --format json)');
  const report = mergeReports(positionals.map((file) => ({ file, report: readReport(file) })));
  const format = (options.format as ReportFormat | undefined) ?? 'json';
  const text = formatReport(report, format, { color: io.color && !options.out, sarifRules: sarifRules(), informationUri: DOCS_BASE_URL });
  if (options.out) await writeOutput(options.out as string, text);
  else io.stdout(text);
  return EXIT_CLEAN;
}

function readReport(file: string): AuditReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let report: AuditReport;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON (${(error as Error).message}); merge reads reports written with --format json`);
  }
  if (report?.tool !== TOOL_NAME || !Array.isArray(report.prompts) || !Array.isArray(report.skipped) || typeof report.totals?.files !== 'number') {
    throw new UsageError(`${file} is not a prompt-cost JSON report`);
  }
  return report;
}

/** Checks that the reports are the n shards of one run (each once, same tool, prices and scope) and joins them. */
export function mergeReports(inputs: { file: string; report: AuditReport }[]): AuditReport {
  const first = inputs[0].report;
  const count = first.shard?.count;
  const seen = new Map<number, string>();
  for (const { file, report } of inputs) {
    if (!report.shard) throw new UsageError(`${file} is not a shard's report (it was written without --shard)`);
    if (report.shard.count !== count) throw new UsageError(`${file} is shard ${report.shard.index}/${report.shard.count}, the others are of ${count}`);
    if (seen.has(report.shard.index)) throw new UsageError(`shard ${report.shard.index}/${count} is given twice: ${seen.get(report.shard.index)} and ${file}`);
    seen.set(report.shard.index, file);
    if (report.version !== first.version) throw new UsageError(`${file} was written by prompt-cost ${report.version}, ${inputs[0].file} by ${first.version}`);
    if (report.priceData?.date !== first.priceData?.date || report.priceData?.source !== first.priceData?.source) throw new UsageError(`${file} used other price data than ${inputs[0].file}`);
    if (report.totals.includesTests !== first.totals.includesTests) throw new UsageError(`${file} ${report.totals.includesTests ? 'counts' : 'does not count'} test prompts, ${inputs[0].file} does the opposite (--include-tests)`);
  }
  const missing = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new UsageError(`shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: every shard's report is needed for the totals`);
  return buildAuditReport(
    {
      prompts: inputs.flatMap((i) => i.report.prompts),
      skipped: inputs.flatMap((i) => i.report.skipped),
      files: inputs.reduce((sum, i) => sum + i.report.totals.files, 0),
    },
    { version: first.version, priceData: first.priceData, includeTests: first.totals.includesTests },
  );
}

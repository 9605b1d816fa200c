// `prompt-cost diff --base <git-ref> [paths…]`: the monthly cost change per prompt between the working tree and a
// ref (added, removed, changed), as a table or as Markdown for a pull-request comment. The ref's files are read
// from git objects, never checked out, and analysed exactly as the working tree's are.
import * as path from 'path';
import { auditContent } from '../../engine/audit/auditFile';
import { engineAnalyzer } from '../../engine/audit/engineAnalyzer';
import { formatBytes } from '../../engine/audit/readSource';
import { NOTEBOOK_MAX_FILE_BYTES } from '../../engine/audit/auditFile';
import { auditedLanguageId } from '../../engine/audit/supportedFiles';
import { ALWAYS_EXCLUDED_DIRS } from '../../engine/audit/discovery';
import type { AuditPrompt, SkippedFile } from '../../engine/audit/types';
import { matchesGlob } from '../../engine/config/glob';
import { PRICE_DATA } from '../../engine/pricing/catalog';
import { buildAuditReport } from '../../engine/report/auditReport';
import { diffAudits, formatDiffMarkdown, formatDiffTable } from '../../engine/report/diff';
import { usd } from '../../engine/report/numbers';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { EXIT_CLEAN, EXIT_FINDINGS } from '../exitCodes';
import { BlobReader, gitLocation, listTree, resolveCommit } from '../gitTree';
import { writeOutput } from '../outputFile';
import { VERSION } from '../version';
import { auditPaths, auditRoot, SHARED_AUDIT_OPTIONS } from './audit';
import type { CommandIO } from './io';
import { maxFileBytesSetting } from '../../engine/detection/inputGuards';

export const DIFF_OPTIONS: Record<string, OptionSpec> = {
  base: { type: 'string', value: 'REF', description: 'Git ref to compare the working tree with (branch, tag, commit)' },
  format: { type: 'string', choices: ['table', 'md', 'json'], description: 'Output format (default table; md for a PR comment)' },
  ...SHARED_AUDIT_OPTIONS,
  'max-increase': { type: 'number', value: 'USD', description: 'Exit 1 when the monthly cost rises by more than USD' },
};

export async function diffCommand(argv: string[], io: CommandIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, DIFF_OPTIONS);
  const ref = options.base as string | undefined;
  if (!ref) throw new UsageError('diff needs --base <git-ref>');
  const root = auditRoot(positionals, options.root as string | undefined);
  const commit = resolveCommit(root, ref);
  // Both sides per file: the base side has no workspace index yet, and a diff must compare like with like.
  const head = await auditPaths(positionals, options, io, false, false);
  const { ctx } = head;
  const base = await auditRef(root, commit, positionals, {
    analyze: engineAnalyzer({ settings: ctx.settings, workspaceConfig: ctx.workspaceConfig }),
    excludes: [...(ctx.workspaceConfig?.exclude ?? []), ...((options.exclude as string[] | undefined) ?? [])],
    promptFileGlobs: ctx.workspaceConfig?.promptFileGlobs ?? [],
    maxFileBytes: maxFileBytesSetting(ctx.settings),
  });
  const baseReport = buildAuditReport(base, { version: VERSION, priceData: PRICE_DATA, includeTests: head.report.totals.includesTests });
  const diff = diffAudits(baseReport, head.report, ref);
  const format = (options.format as string | undefined) ?? 'table';
  const text = format === 'md' ? formatDiffMarkdown(diff) : format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : formatDiffTable(diff);
  if (options.out) await writeOutput(options.out as string, text);
  else io.stdout(text);
  const limit = options['max-increase'] as number | undefined;
  if (limit !== undefined && diff.monthlyDelta > limit) {
    io.stderr(`Monthly cost rose by ${usd(diff.monthlyDelta)}, more than --max-increase ${usd(limit)}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

interface RefAuditOptions {
  analyze: ReturnType<typeof engineAnalyzer>;
  excludes: string[];
  promptFileGlobs: string[];
  maxFileBytes: number;
}

/** Audits the files of a commit under the same paths, with the same filters, as the working-tree audit. */
async function auditRef(root: string, commit: string, paths: string[], options: RefAuditOptions): Promise<{ prompts: AuditPrompt[]; skipped: SkippedFile[]; files: number }> {
  const { topLevel, prefix } = gitLocation(root);
  const scopes = (paths.length > 0 ? paths : ['.']).map((p) => path.relative(root, path.resolve(p)).split(path.sep).join('/')).map((p) => (p === '' ? '' : p.replace(/\/$/, '')));
  const prompts: AuditPrompt[] = [];
  const skipped: SkippedFile[] = [];
  let files = 0;
  const reader = new BlobReader(topLevel);
  try {
    for (const entry of listTree(topLevel, commit)) {
      if (!entry.path.startsWith(prefix)) continue;
      const rel = entry.path.slice(prefix.length);
      if (!scopes.some((s) => s === '' || rel === s || rel.startsWith(s + '/'))) continue;
      if (rel.split('/').slice(0, -1).some((segment) => ALWAYS_EXCLUDED_DIRS.has(segment))) continue;
      const languageId = auditedLanguageId(rel, options.promptFileGlobs);
      if (!languageId || options.excludes.some((glob) => matchesGlob(rel, glob))) continue;
      const limit = languageId === 'notebook' ? NOTEBOOK_MAX_FILE_BYTES : options.maxFileBytes;
      if (entry.size > limit) {
        skipped.push({ file: rel, reason: `over the size limit (${formatBytes(entry.size)} > ${formatBytes(limit)})` });
        continue;
      }
      const bytes = await reader.read(commit, entry.path);
      if (!bytes) {
        skipped.push({ file: rel, reason: 'unreadable git object' });
        continue;
      }
      const result = await auditContent(bytes, `${commit}:${entry.path}`, rel, languageId, { analyze: options.analyze, maxFileBytes: options.maxFileBytes });
      if (result.ok) {
        files++;
        prompts.push(...result.prompts);
      } else skipped.push({ file: rel, reason: result.reason });
    }
  } finally {
    reader.close();
  }
  return { prompts, skipped, files };
}

// `prompt-cost audit [paths…]`: the workspace audit as a CI step. Prints or writes a report, applies fixes with
// --fix, and sets the exit code: 1 for findings at or above --fail-on or a monthly budget exceeded.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AuditWorkerPool } from '../../engine/audit/workerPool';
import { discoverAuditFiles, runAudit, type AuditRun } from '../../engine/audit/runAudit';
import { buildCrossFileIndex } from '../../engine/audit/crossFileIndex';
import { engineAnalyzer } from '../../engine/audit/engineAnalyzer';
import { fixEdits } from '../../engine/audit/fixer';
import { ruleSeverities } from '../../engine/config/ruleSeverities';
import { SEVERITY_RANK, type AuditReport } from '../../engine/audit/types';
import { buildAuditReport, countsInMainTotals } from '../../engine/report/auditReport';
import { includeTestsSetting } from '../../engine/config/testScope';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../engine/report/formatReport';
import { PRICE_DATA } from '../../engine/pricing/catalog';
import { workspaceBudgetLimit } from '../../engine/cost/budgets';
import { unmatchedPromptKeys } from '../../engine/cost/assumptions';
import { usd } from '../../engine/report/numbers';
import { visibleText } from '../../engine/report/visibleText';
import { parseArgs, UsageError, type OptionSpec } from '../args';
import { loadCliContext, type CliContext } from '../cliContext';
import { EXIT_CLEAN, EXIT_FINDINGS } from '../exitCodes';
import { writeOutput } from '../outputFile';
import { sarifRules, DOCS_BASE_URL } from '../../engine/report/ruleCatalog';
import { ProgressBar } from '../terminal';
import { VERSION } from '../version';
import type { CommandIO } from './io';
import { maxFileBytesSetting } from '../../engine/detection/inputGuards';
import { AuditCache, cacheFilePath } from '../../engine/audit/auditCache';
import { cachedAuditor } from '../../engine/audit/cachedAudit';
import { inShard, parseShard, type Shard } from '../../engine/audit/shard';
import { cacheIdentity } from '../cacheIdentity';

export const SHARED_AUDIT_OPTIONS: Record<string, OptionSpec> = {
  model: { type: 'string', value: 'MODEL', description: 'Default model for prompts that name none (the defaultModel setting)' },
  calls: { type: 'number', value: 'N', description: 'Default calls per day for prompts without a volume (the defaultCallsPerDay setting)' },
  config: { type: 'string', value: 'FILE', description: 'Config file (default: .promptcost.json in the root)' },
  root: { type: 'string', value: 'DIR', description: 'Root that report paths are relative to and where .promptcost.json is read (default: the audited directory when one is given, else the current directory)' },
  exclude: { type: 'list', value: 'GLOB', description: 'Leave out matching paths (repeatable; adds to the config file\'s exclude)' },
  gitignore: { type: 'boolean', description: 'Honour .gitignore files (default; --no-gitignore reads ignored files too)' },
  out: { type: 'string', value: 'FILE', description: 'Write the report to FILE instead of standard output' },
  threads: { type: 'number', value: 'N', description: 'Worker threads analysing files (default 0: the main thread; see docs/design/audit.md)' },
  'include-tests': { type: 'boolean', description: 'Count prompts in test and fixture files in the totals, budget and --fail-on (default: listed apart, not counted; the includeTests setting)' },
};

/**
 * Off unless asked for: on the 2-core bench machine workers were 1.2× faster when idle but 3× slower under load, and
 * each loads its own parsers and tokenizers (peak RSS 393 MB against 198 MB on 10,000 files).
 */
function workerThreads(requested: number | undefined): number {
  if (requested === undefined) return 0;
  return Math.min(Math.floor(requested), os.availableParallelism?.() ?? os.cpus().length);
}

export const AUDIT_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', choices: [...REPORT_FORMATS], description: 'Report format (default table)' },
  ...SHARED_AUDIT_OPTIONS,
  'max-monthly-cost': { type: 'number', value: 'USD', description: 'Exit 1 when the total monthly cost exceeds USD (default: budgets.monthly of the config)' },
  'fail-on': { type: 'string', choices: ['warning', 'error'], description: 'Exit 1 on findings of this severity or worse (default error)' },
  'cross-file': { type: 'boolean', description: 'Follow prompts across files: wrappers, imported texts, loaded prompt files (default; --no-cross-file audits each file alone, faster on large trees)' },
  fix: { type: 'boolean', description: 'Apply the prompt fixes (the editor\'s "Compress this prompt") to the files' },
  cache: { type: 'boolean', description: 'Reuse the facts and results of unchanged files from the cache file, and update it (safe to delete)' },
  'cache-location': { type: 'string', value: 'PATH', description: 'Cache file, or a directory for it (default: .promptcost-cache in the root); implies --cache' },
  shard: { type: 'string', value: 'K/N', description: 'Report only shard K of N (files split by a hash of their path; cross-file facts still read from every file); join the JSON reports with prompt-cost merge' },
};

export interface PreparedAudit {
  ctx: CliContext;
  run: AuditRun;
  report: AuditReport;
  /** On a TTY, prints the final line (files, prompts, seconds) on stderr; nothing elsewhere. */
  summary(): void;
}

/**
 * The audited root: --root, else the one directory audited (so `prompt-cost audit examples` reads
 * examples/.promptcost.json and reports paths relative to examples/, as the editor does with that folder open),
 * else the current directory.
 */
export function auditRoot(paths: string[], rootOption: string | undefined): string {
  if (rootOption !== undefined) return path.resolve(rootOption);
  if (paths.length === 1) {
    const only = path.resolve(paths[0]);
    try {
      if (fs.statSync(only).isDirectory()) return only;
    } catch {
      // A missing path is reported by the audit itself; the root falls back to the current directory.
    }
  }
  return process.cwd();
}

function pathExists(p: string): boolean {
  try {
    fs.statSync(path.resolve(p));
    return true;
  } catch {
    return false;
  }
}

/** Loads settings and config, runs the audit over the paths and builds the report (shared with `diff`). */
/** `crossFiles: false` audits each file alone (diff: its base side is read from git objects without an index yet). */
export async function auditPaths(paths: string[], options: Record<string, unknown>, io: CommandIO, fix = false, crossFiles = true): Promise<PreparedAudit> {
  const started = Date.now();
  const root = auditRoot(paths, options.root as string | undefined);
  const shard = shardOption(options.shard as string | undefined);
  const ctx = loadCliContext({ root, configFile: options.config as string | undefined, model: options.model as string | undefined, calls: options.calls as number | undefined });
  const progress = io.stderrIsTTY ? new ProgressBar() : undefined;
  const severities = ruleSeverities(ctx.settings, ctx.workspaceConfig);
  const maxFileBytes = maxFileBytesSetting(ctx.settings);
  const threads = workerThreads(options.threads as number | undefined);
  const pool = threads > 0 ? new AuditWorkerPool(__filename, threads, { settings: ctx.settings, workspaceConfig: ctx.workspaceConfig, maxFileBytes, fix }) : undefined;
  const auditedPaths = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(p));
  const excludes = [...(ctx.workspaceConfig?.exclude ?? []), ...((options.exclude as string[] | undefined) ?? [])];
  // First pass: the workspace index (prompts that cross files); the audit below applies it file by file.
  const cache = options.cache === true || options['cache-location'] !== undefined ? AuditCache.load(cacheFilePath(root, options['cache-location'] as string | undefined), cacheIdentity(ctx)) : undefined;
  // One walk for both passes.
  const walkOptions = { paths: auditedPaths, baseDir: root, excludes, promptFileGlobs: ctx.workspaceConfig?.promptFileGlobs, respectGitignore: options.gitignore !== false };
  const plan = await discoverAuditFiles(walkOptions, progress ? (found) => progress.finding(found) : undefined);
  const crossFile =
    !crossFiles || options['cross-file'] === false
      ? undefined
      : await buildCrossFileIndex({
          ...walkOptions, maxFileBytes, cache, entries: plan.entries,
          onProgress: progress ? (done, total) => progress.indexing(done, total) : undefined,
        });
  const analyze = engineAnalyzer({ settings: ctx.settings, workspaceConfig: ctx.workspaceConfig });
  const fixer = fix ? (analysis: Parameters<typeof fixEdits>[0], text: string) => fixEdits(analysis, text, severities, ctx.workspaceConfig?.phrases) : undefined;
  const delegate = pool ? (absPath: string, relPath: string, languageId: string, findings?: Parameters<typeof pool.audit>[3]) => pool.audit(absPath, relPath, languageId, findings) : undefined;
  const run = await runAudit({
    plan,
    auditor: cache ? cachedAuditor(cache, { analyze, maxFileBytes, fixer }, delegate) : delegate,
    include: shard ? (relPath) => inShard(relPath, shard) : undefined,
    crossFile,
    paths: auditedPaths,
    baseDir: root,
    analyze,
    fixer,
    excludes,
    promptFileGlobs: ctx.workspaceConfig?.promptFileGlobs,
    respectGitignore: options.gitignore !== false,
    maxFileBytes,
    concurrency: pool ? 8 * threads : 8,
    onProgress: progress ? (p) => (p.phase === 'discovering' ? progress.finding(p.filesFound) : progress.update(p.filesDone, p.filesTotal ?? p.filesFound, p.prompts)) : undefined,
  });
  await pool?.close();
  progress?.clear();
  const includeTests = options['include-tests'] === true || includeTestsSetting(ctx.settings);
  const report = buildAuditReport(run, { version: VERSION, priceData: PRICE_DATA, includeTests });
  if (shard) report.shard = { index: shard.index, count: shard.count };
  if (cache) {
    for (const warning of cache.warnings) io.stderr(`Warning: ${warning}\n`);
    try {
      await cache.save(root);
    } catch (error) {
      io.stderr(`Warning: could not write the cache ${cache.file}: ${(error as Error).message}\n`);
    }
  }
  const summary = (): void => progress?.finish({ files: run.files + run.skipped.length, prompts: report.totals.prompts, seconds: (Date.now() - started) / 1000, cache });
  return { ctx, run, report, summary };
}

function shardOption(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new UsageError(`option --shard: ${shard}`);
  return shard;
}

export async function auditCommand(argv: string[], io: CommandIO): Promise<number> {
  const { positionals, options } = parseArgs(argv, AUDIT_OPTIONS);
  // A mistyped path is a usage error (exit 2), as in ESLint: audited as "skipped", it passed CI with $0 per month.
  // (Only here: `diff` may name a path that exists in the base commit alone.)
  const missing = positionals.filter((p) => !pathExists(p));
  if (missing.length > 0) throw new UsageError(`${missing.length === 1 ? 'path' : 'paths'} not found: ${missing.join(', ')}`);
  const { ctx, run, report, summary } = await auditPaths(positionals, options, io, options.fix === true);
  const format = (options.format as ReportFormat | undefined) ?? 'table';
  const text = formatReport(report, format, { color: io.color && !options.out, sarifRules: sarifRules(), informationUri: DOCS_BASE_URL });
  if (options.out) await writeOutput(options.out as string, text);
  else io.stdout(text);

  // Entries that apply to nothing (a prompt id that changed) would otherwise go unnoticed: a warning, not a failure.
  if (ctx.workspaceConfig) {
    for (const { field, key } of unmatchedPromptKeys(ctx.workspaceConfig, report.prompts)) {
      io.stderr(`Warning: ${path.basename(ctx.workspaceConfig.filePath)} ${field}["${visibleText(key)}"] matches no prompt of that file (ids are listed by --format json; see CHANGELOG.md if they changed).\n`);
    }
  }
  if (run.fixesApplied > 0) io.stderr(`Applied ${run.fixesApplied} fix${run.fixesApplied === 1 ? '' : 'es'} in ${run.fixedFiles.length} file${run.fixedFiles.length === 1 ? '' : 's'}.\n`);
  let exit = EXIT_CLEAN;
  const failOn = SEVERITY_RANK[(options['fail-on'] as 'warning' | 'error' | undefined) ?? 'error'];
  // Test-scope findings are listed but, like their cost, judged only with --include-tests.
  const judged = report.prompts.filter((p) => countsInMainTotals(p, report.totals.includesTests));
  const failing = judged.reduce((n, p) => n + p.findings.filter((f) => SEVERITY_RANK[f.severity] >= failOn).length, 0);
  if (failing > 0) {
    io.stderr(`${failing} finding${failing === 1 ? '' : 's'} at or above --fail-on ${options['fail-on'] ?? 'error'}.\n`);
    exit = EXIT_FINDINGS;
  }
  // The engine's rule for which budget applies (config, then setting; 0 means none), unless --max-monthly-cost is given.
  const budget = (options['max-monthly-cost'] as number | undefined) ?? workspaceBudgetLimit(ctx).limit;
  if (budget !== undefined && report.totals.monthlyCost > budget) {
    io.stderr(`Monthly cost ${usd(report.totals.monthlyCost)} exceeds the budget of ${usd(budget)}.\n`);
    exit = EXIT_FINDINGS;
  }
  summary();
  return exit;
}

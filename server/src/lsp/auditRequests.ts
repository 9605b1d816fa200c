// `promptCost/audit`: the workspace audit run inside the language server (the editor never blocks), with work-done
// progress (files and prompts so far) and cancellation; `promptCost/exportAudit` formats the last audit.
import { pathToFileURL } from 'url';
import * as path from 'path';
import { ErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { analyzeDocument } from '../engine/analyze';
import { workspaceBudgetLimit } from '../engine/cost/budgets';
import { discoverAuditFiles, runAudit, type AuditPlan, type AuditRun } from '../engine/audit/runAudit';
import type { AuditReport } from '../engine/audit/types';
import { PRICE_DATA } from '../engine/pricing/catalog';
import { buildAuditReport } from '../engine/report/auditReport';
import { formatReport, REPORT_FORMATS } from '../engine/report/formatReport';
import { DOCS_BASE_URL, sarifRules } from '../engine/report/ruleCatalog';
import { Requests, type AuditParams, type AuditResult, type ExportAuditParams, type ExportAuditResult } from '../shared/protocol';
import type { ServerContext } from './context';
import manifest from '../../../package.json';
import { maxFileBytesSetting } from '../engine/detection/inputGuards';
import { includeTestsSetting } from '../engine/config/testScope';

const PROGRESS_INTERVAL_MS = 150;

export function register(ctx: ServerContext): void {
  let lastReport: AuditReport | undefined;

  ctx.connection.onRequest(Requests.audit, async (params: AuditParams, token: CancellationToken): Promise<AuditResult> => {
    // Other clients call this too: a malformed request is told what is expected, not answered with an internal error.
    const stringList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
    if (params !== undefined && params !== null && (typeof params !== 'object' || !stringList(params.folders) || !stringList(params.excludes))) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'promptCost/audit takes { folders?: string[] (absolute paths), excludes?: string[] (globs), workDoneToken? }.');
    }
    params = params ?? {};
    // A client-made token (`workDoneToken` in the params): progress shows in the client's own notification.
    const workDone: WorkDoneProgressReporter = ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
    const folders = params.folders?.length ? params.folders : ctx.workspaceFolders();
    const abort = new AbortController();
    const cancelListener = token.onCancellationRequested(() => abort.abort());
    // No percentage while the walk runs: the client shows an indeterminate bar, then a fixed "done/total".
    workDone.begin('Prompt cost audit', undefined, 'Finding files…', true);
    let lastReportAt = 0;
    const throttled = (message: string, percentage?: number, last = false) => {
      const now = Date.now();
      if (!last && now - lastReportAt < PROGRESS_INTERVAL_MS) return;
      lastReportAt = now;
      if (percentage === undefined) workDone.report(message);
      else workDone.report(percentage, message);
    };
    const merged: AuditRun = { prompts: [], skipped: [], files: 0, fixesApplied: 0, fixedFiles: [], cancelled: false };
    try {
      // Every folder is walked before any file is read, so the total never grows while files are counted.
      const roots: { folder: string; config: ReturnType<ServerContext['workspaceConfigFor']>; plan: AuditPlan }[] = [];
      let found = 0;
      for (const folder of folders) {
        if (abort.signal.aborted) break;
        const config = ctx.workspaceConfigFor(pathToFileURL(folder).href);
        const before = found;
        const plan = await discoverAuditFiles(
          { paths: [folder], baseDir: folder, excludes: [...(config?.exclude ?? []), ...(params.excludes ?? [])], promptFileGlobs: config?.promptFileGlobs, signal: abort.signal },
          (n) => {
            found = before + n;
            throttled(`Finding files… ${found} found`);
          },
        );
        found = before + plan.entries.length;
        roots.push({ folder, config, plan });
      }
      const total = found;
      const counts = { done: 0, prompts: 0 };
      for (const { folder, config, plan } of roots) {
        if (abort.signal.aborted) break;
        // Several roots: paths are prefixed with the folder name, as VS Code labels multi-root files.
        const prefix = folders.length > 1 ? `${path.basename(folder)}/` : '';
        const before = { ...counts };
        const run = await runAudit({
          paths: [folder],
          baseDir: folder,
          plan,
          analyze: (input) => analyzeDocument(input, ctx.analysisContext(pathToFileURL(input.uri).href)),
          promptFileGlobs: config?.promptFileGlobs,
          maxFileBytes: maxFileBytesSetting(ctx.settings()),
          signal: abort.signal,
          onProgress: (p) => {
            if (p.phase !== 'auditing') return;
            counts.done = before.done + p.filesDone;
            counts.prompts = before.prompts + p.prompts;
            const percentage = total > 0 ? Math.floor((counts.done / total) * 100) : 100;
            // The last count is always shown: it is the total the report states (files read + skipped).
            throttled(`${counts.done}/${total} files, ${counts.prompts} prompts`, percentage, counts.done === total);
          },
        });
        merged.prompts.push(...run.prompts.map((p) => ({ ...p, file: prefix + p.file })));
        merged.skipped.push(...run.skipped.map((s) => ({ ...s, file: prefix + s.file })));
        merged.files += run.files;
      }
    } finally {
      cancelListener.dispose();
      workDone.done();
    }
    const report = buildAuditReport(merged, { version: manifest.version, priceData: PRICE_DATA, includeTests: includeTestsSetting(ctx.settings()) });
    const cancelled = abort.signal.aborted;
    if (!cancelled) lastReport = report;
    // A folder's config budget covers that folder only: with several folders only the setting applies to the sum.
    const workspaceConfig = folders.length === 1 ? ctx.workspaceConfigFor(pathToFileURL(folders[0]).href) : undefined;
    const { limit, source } = workspaceBudgetLimit({ settings: ctx.settings(), workspaceConfig });
    return { report, cancelled, ...(limit !== undefined && source ? { budget: { limit, source } } : {}) };
  });

  ctx.connection.onRequest(Requests.exportAudit, (params: ExportAuditParams): ExportAuditResult => {
    if (!REPORT_FORMATS.includes(params?.format)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `promptCost/exportAudit takes { format: ${REPORT_FORMATS.map((f) => `"${f}"`).join(' | ')} }.`);
    }
    if (!lastReport) return null;
    return { content: formatReport(lastReport, params.format, { sarifRules: sarifRules(), informationUri: DOCS_BASE_URL }) };
  });
}

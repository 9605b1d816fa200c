// Audits files on worker threads: each worker loads the engine once (parsers, tokenizers) and audits the files it is
// sent; the main thread only walks the tree and collects the small prompt records. Used by the CLI when the machine
// has more than one core (docs/design/audit.md has the measured gain).
import { Worker, parentPort } from 'worker_threads';
import type { Settings } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import { auditFile, type FileAuditResult } from './auditFile';
import { engineAnalyzer } from './engineAnalyzer';
import { fixEdits } from './fixer';
import { ruleSeverities } from '../config/ruleSeverities';
import type { CrossFileFinding } from '../detection/workspace/crossFileFindings';

export interface AuditWorkerInit {
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
  maxFileBytes: number;
  fix: boolean;
}

interface Job {
  id: number;
  absPath: string;
  relPath: string;
  languageId: string;
  crossFile?: readonly CrossFileFinding[];
}

/** Marks the worker's `workerData` so the bundle's entry knows to run as an audit worker. */
export const AUDIT_WORKER_FLAG = 'promptCostAuditWorker';

export class AuditWorkerPool {
  private readonly workers: { worker: Worker; inFlight: number }[] = [];
  private readonly pending = new Map<number, { resolve(r: FileAuditResult): void; reject(e: Error): void }>();
  private nextId = 0;

  /** `script` is the bundle that calls `runAuditWorker` when started with the flag (dist/cli.js). */
  constructor(script: string, size: number, init: AuditWorkerInit) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { [AUDIT_WORKER_FLAG]: true, init } });
      const slot = { worker, inFlight: 0 };
      worker.on('message', (message: { id: number; result: FileAuditResult }) => {
        slot.inFlight--;
        this.pending.get(message.id)?.resolve(message.result);
        this.pending.delete(message.id);
      });
      worker.on('error', (error) => {
        for (const [id, p] of this.pending) {
          p.reject(error);
          this.pending.delete(id);
        }
      });
      this.workers.push(slot);
    }
  }

  audit(absPath: string, relPath: string, languageId: string, crossFile?: readonly CrossFileFinding[]): Promise<FileAuditResult> {
    const slot = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    const id = this.nextId++;
    slot.inFlight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, absPath, relPath, languageId, crossFile } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/** The worker side: audits each file it is sent with the editor's analysis and answers with the result. */
export function runAuditWorker(init: AuditWorkerInit): void {
  const port = parentPort;
  if (!port) return;
  const analyze = engineAnalyzer({ settings: init.settings, workspaceConfig: init.workspaceConfig });
  const severities = ruleSeverities(init.settings, init.workspaceConfig);
  const fixer = init.fix ? (analysis: Parameters<typeof fixEdits>[0], text: string) => fixEdits(analysis, text, severities, init.workspaceConfig?.phrases) : undefined;
  port.on('message', async (job: Job) => {
    let result: FileAuditResult;
    try {
      result = await auditFile(job.absPath, job.relPath, job.languageId, { analyze, maxFileBytes: init.maxFileBytes, fixer, crossFile: job.crossFile });
    } catch (error) {
      result = { ok: false, reason: `analysis failed: ${(error as Error)?.message ?? String(error)}` };
    }
    port.postMessage({ id: job.id, result });
  });
}

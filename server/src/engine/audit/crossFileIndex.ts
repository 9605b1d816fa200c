// The audit's first pass (issue 14): facts for every code file the audit will read (same discovery, excludes and
// size limit), joined in the workspace index; the second pass (runAudit) analyses each file with the index's
// findings for it, and also reads the files code loads that discovery does not list (a `.txt` outside a prompts
// folder, crewAI's YAML), so the report lists exactly what the editor shows with the index built.
import * as fs from 'fs';
import * as path from 'path';
import { factsOf, hasFacts } from '../detection/workspace/factsOf';
import { collectCrossFile, type CrossFileFinding, type CrossFileResult } from '../detection/workspace/crossFileFindings';
import { WorkspaceIndex } from '../detection/workspace/workspaceIndex';
import { relevantFiles, sketchFile, type FileSketch } from '../detection/workspace/relevance';
import { detectionLanguage } from '../detection/language';
import { discoverFiles } from './discovery';
import { decodeSource, readFileBytes } from './readSource';
import { auditedLanguageId } from './supportedFiles';

export interface CrossFileIndexOptions {
  paths: string[];
  baseDir: string;
  excludes?: string[];
  promptFileGlobs?: string[];
  respectGitignore?: boolean;
  maxFileBytes: number;
  signal?: AbortSignal;
}

export interface AuditCrossFile {
  findingsFor(relPath: string): readonly CrossFileFinding[] | undefined;
  /** Files only reached through a loader: the audit reads them after the discovered ones. */
  loadedFiles: string[];
  problems: CrossFileResult['problems'];
  /** Code files parsed for facts (the relevant ones), and how long the pass took. */
  files: number;
  ms: number;
}

/** Each file is a few ms of parsing: yielding this often keeps a language server answering during the build. */
const YIELD_EVERY_FILES = 4;

/** Reads the facts of every discovered code file into a new index (yields to the event loop as it goes). */
export async function indexWorkspace(options: CrossFileIndexOptions): Promise<{ index: WorkspaceIndex; candidates: Set<string>; files: number }> {
  const inside = (rel: string): string => path.join(options.baseDir, ...rel.split('/'));
  const index = new WorkspaceIndex({
    readText: (rel) => {
      try {
        return fs.readFileSync(inside(rel), 'utf8');
      } catch {
        return undefined;
      }
    },
    exists: (rel) => !rel.startsWith('..') && fs.existsSync(inside(rel)),
  });
  const candidates = new Set<string>();
  const code: { relPath: string; absPath: string }[] = [];
  for await (const entry of discoverFiles(options.paths, {
    baseDir: options.baseDir,
    excludes: options.excludes,
    respectGitignore: options.respectGitignore,
    signal: options.signal,
    isCandidate: (rel) => auditedLanguageId(rel, options.promptFileGlobs) !== undefined,
  })) {
    if (entry.kind !== 'file') continue;
    candidates.add(entry.relPath);
    index.addFile(entry.relPath);
    if (hasFacts(entry.relPath)) code.push({ relPath: entry.relPath, absPath: entry.absPath });
  }
  // Sketch every code file (pre-filter + imports by regular expression), parse only the relevant ones (relevance.ts).
  const sketches: FileSketch[] = [];
  for (const file of code) {
    const text = await readText(file.absPath, options.maxFileBytes);
    const language = detectionLanguage(file.relPath);
    if (text !== undefined && language) sketches.push(sketchFile(file.relPath, language, text, index.resolver));
  }
  const relevant = relevantFiles(sketches);
  let files = 0;
  for (const file of code) {
    if (options.signal?.aborted) break;
    if (!relevant.has(file.relPath)) continue;
    const text = await readText(file.absPath, options.maxFileBytes);
    if (text === undefined) continue; // the audit pass reports why
    const outcome = await factsOf(file.relPath, text, options.maxFileBytes);
    if ('facts' in outcome) {
      index.setFacts(outcome.facts);
      files++;
    }
    if (files % YIELD_EVERY_FILES === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { index, candidates, files };
}

async function readText(absPath: string, maxFileBytes: number): Promise<string | undefined> {
  const read = await readFileBytes(absPath, maxFileBytes);
  if (!read.ok) return undefined;
  const decoded = decodeSource(read.bytes);
  return decoded.ok ? decoded.text : undefined;
}

export async function buildCrossFileIndex(options: CrossFileIndexOptions): Promise<AuditCrossFile> {
  const started = Date.now();
  const { index, candidates, files } = await indexWorkspace(options);
  const result = collectCrossFile(index);
  return {
    findingsFor: (rel) => result.byFile.get(rel),
    loadedFiles: [...result.byFile.keys()].filter((f) => !candidates.has(f)).sort(),
    problems: result.problems,
    files,
    ms: Date.now() - started,
  };
}

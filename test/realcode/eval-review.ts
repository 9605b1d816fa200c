// npm run eval:review -- [--set FILE] [--mirrors DIR] [--per-repo] [--json] — precision and recall of the detector on a
// real-code review set (default review-set-session4.json; --set review-set-session5.json is the second held-out set; both
// built as README.md says), with every miss and false positive.
// Each labelled file is read from a local git mirror at the recorded commit and analysed as `prompt-cost audit`
// does: per file (auditContent + the audit's engineAnalyzer, default settings, no config), or with --per-repo by
// running the audit itself (runAudit) over each repository's audit roots extracted to a temporary directory, so a
// workspace-wide (cross-file) analysis in the audit is measured too. No network: without mirrors it says so, exit 0.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { auditContent, type Analyzer } from '../../server/src/engine/audit/auditFile';
import { engineAnalyzer } from '../../server/src/engine/audit/engineAnalyzer';
import { buildCrossFileIndex } from '../../server/src/engine/audit/crossFileIndex';
import { runAudit } from '../../server/src/engine/audit/runAudit';
import { auditedLanguageId } from '../../server/src/engine/audit/supportedFiles';
import { readSettings } from '../../server/src/engine/config/settings';
import { maxFileBytesSetting } from '../../server/src/engine/detection/inputGuards';
import type { DocumentAnalysis } from '../../server/src/engine/types';
import { parseReviewOptions } from './reviewOptions';
import { scoreReview, type FileDetections, type ReviewScore, type ReviewSet, type Tally } from './reviewScoring';

/** Larger files are left out of --per-repo trees (the audit skips files over 2 MB by default). */
const MAX_EXTRACTED_BYTES = 4 * 1024 * 1024;

function git(gitDir: string, args: string[]): Buffer {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** The git directory holding `commit` of `repo` under the mirrors folder, or undefined. */
function findMirror(mirrors: string, repo: string, commit: string): string | undefined {
  const [owner, name] = repo.split('/');
  const candidates = [`${owner}+${name}/repo`, `${owner}+${name}`, `${owner}/${name}`, `${owner}/${name}/.git`].map((c) => path.join(mirrors, c));
  for (const dir of candidates) {
    if (!fs.existsSync(dir)) continue;
    try {
      git(dir, ['cat-file', '-e', `${commit}^{commit}`]);
      return dir;
    } catch {
      // Not a git directory, or the commit is not in it: try the next layout.
    }
  }
  return undefined;
}

/** The audit's analyser with default settings (as `prompt-cost audit` without options or config), recording each analysis. */
function recordingAnalyzer(): { analyze: Analyzer; analyses: Map<string, DocumentAnalysis>; maxFileBytes: number } {
  const { settings } = readSettings({});
  const inner = engineAnalyzer({ settings, workspaceConfig: undefined });
  const analyses = new Map<string, DocumentAnalysis>();
  const analyze: Analyzer = async (input, relativePath, crossFile) => {
    const analysis = await inner(input, relativePath, crossFile);
    analyses.set(relativePath, analysis);
    return analysis;
  };
  return { analyze, analyses, maxFileBytes: maxFileBytesSetting(settings) };
}

/** One labelled file as the audit sees it alone. */
async function detectInFile(gitDir: string, repo: string, commit: string, relPath: string): Promise<FileDetections> {
  const bytes = git(gitDir, ['show', `${commit}:${relPath}`]);
  const text = bytes.toString('utf8');
  const languageId = auditedLanguageId(relPath);
  if (!languageId) return { repo, path: relPath, text, prompts: [], notAnalysed: 'not a file the audit reads' };
  const { analyze, analyses, maxFileBytes } = recordingAnalyzer();
  const result = await auditContent(bytes, relPath, relPath, languageId, { analyze, maxFileBytes });
  if (!result.ok) return { repo, path: relPath, text, prompts: [], notAnalysed: result.reason };
  return { repo, path: relPath, text, prompts: (analyses.get(relPath)?.prompts ?? []).map((p) => p.prompt) };
}

/**
 * Writes the files under `roots` at `commit` to `dest` — all of them, not only those the audit reads today, so files
 * that code loads (YAML, Markdown, templates) are there for an analysis that follows loaders. Snapshots may lack large
 * blobs, so objects are read with `cat-file --batch` (`git archive` stops at the first missing one); missing files
 * are returned. Symlinks and files over MAX_EXTRACTED_BYTES are left out.
 */
function extractTree(gitDir: string, commit: string, roots: string[], dest: string): string[] {
  const listing = git(gitDir, ['ls-tree', '-r', '-l', '-z', commit, '--', ...roots]).toString('utf8').split('\0').filter(Boolean);
  const wanted = listing
    .map((entry) => {
      const [meta, relPath] = entry.split('\t');
      const [mode, type, oid, size] = meta.split(/ +/);
      return { mode, type, oid, size: Number(size), relPath };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && e.size <= MAX_EXTRACTED_BYTES);
  const batch = execFileSync('git', [`--git-dir=${gitDir}`, 'cat-file', '--batch'], {
    input: wanted.map((e) => e.oid).join('\n') + '\n',
    maxBuffer: 2 * 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const missing: string[] = [];
  let at = 0;
  for (const entry of wanted) {
    const headerEnd = batch.indexOf(10, at);
    const header = batch.subarray(at, headerEnd).toString('utf8').split(' ');
    at = headerEnd + 1;
    if (header[1] === 'missing') {
      missing.push(entry.relPath);
      continue;
    }
    const size = Number(header[2]);
    const full = path.join(dest, entry.relPath);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, batch.subarray(at, at + size));
    at += size + 1;
  }
  return missing;
}

/** All labelled files of one repository, from one run of the audit over its audit roots (the whole tree it sees). */
async function detectInRepository(gitDir: string, repo: string, commit: string, roots: string[], relPaths: string[]): Promise<FileDetections[]> {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-review-'));
  try {
    const missing = new Set(extractTree(gitDir, commit, roots, tree));
    const { analyze, analyses, maxFileBytes } = recordingAnalyzer();
    // The workspace index the CLI builds first (cli/commands/audit.ts auditPaths), so cross-file prompts are measured.
    const crossFile = await buildCrossFileIndex({ paths: [tree], baseDir: tree, respectGitignore: true, maxFileBytes });
    const run = await runAudit({ paths: [tree], baseDir: tree, analyze, respectGitignore: true, maxFileBytes, concurrency: 8, crossFile });
    const skipped = new Map(run.skipped.map((s) => [s.file, s.reason]));
    return relPaths.map((relPath) => {
      // Labelled files are read from git even when the audit does not read them, so misses can be shown.
      const text = git(gitDir, ['show', `${commit}:${relPath}`]).toString('utf8');
      const analysis = analyses.get(relPath);
      const notAnalysed = analysis
        ? undefined
        : skipped.get(relPath) ?? (missing.has(relPath) ? 'blob missing from the mirror' : auditedLanguageId(relPath) ? 'outside the audit roots' : 'not a file the audit reads');
      return { repo, path: relPath, text, prompts: (analysis?.prompts ?? []).map((p) => p.prompt), notAnalysed };
    });
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

function ratio(value: number): string {
  return Number.isNaN(value) ? '    —' : value.toFixed(3);
}

function row(name: string, t: Tally, withPrecision = true): string {
  const counts = `TP ${String(t.truePositives).padStart(3)}  FP ${String(t.falsePositives).padStart(3)}  FN ${String(t.falseNegatives).padStart(3)}`;
  return `  ${name.padEnd(26)} ${counts}  precision ${withPrecision ? ratio(t.precision) : '    —'}  recall ${ratio(t.recall)}`;
}

/** 60 characters of the source from the labelled line's first quote on (across line breaks), control characters visible. */
function sourcePreview(text: string, line: number): string {
  const lines = text.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const quote = (lines[line - 1] ?? '').search(/["'`]/);
  return JSON.stringify(text.slice(start + Math.max(0, quote), start + Math.max(0, quote) + 60));
}

function printScore(title: string, score: ReviewScore, files: FileDetections[], mode: string): void {
  const texts = new Map(files.map((f) => [`${f.repo}:${f.path}`, f.text]));
  const prompts = score.outcomes.filter((o) => o.label === 'prompt').length;
  const negatives = score.outcomes.filter((o) => o.label === 'none').length;
  console.log(`${title} (${mode}): ${files.length} files, ${prompts} prompts, ${negatives} negatives labelled`);
  for (const f of files.filter((f) => f.notAnalysed)) console.log(`  not analysed: ${f.repo}:${f.path} (${f.notAnalysed})`);
  console.log('\nMISSED (prompt labels no detection claims)');
  for (const o of score.outcomes.filter((o) => o.label === 'prompt' && !o.detected)) {
    console.log(`  ${o.repo}:${o.path}:${o.line}  [${o.pattern}]  ${sourcePreview(texts.get(`${o.repo}:${o.path}`) ?? '', o.line)}`);
  }
  console.log('\nFALSE POSITIVES (labelled none)');
  for (const o of score.outcomes.filter((o) => o.label === 'none' && o.detected)) {
    console.log(`  ${o.repo}:${o.path}:${o.line}  ${sourcePreview(texts.get(`${o.repo}:${o.path}`) ?? '', o.line)}  (${o.note ?? ''})`);
  }
  console.log('\nFALSE POSITIVES (detections on no labelled line)');
  for (const u of score.unlabelled) console.log(`  ${u.repo}:${u.path}:${u.line}  ${JSON.stringify(u.preview)}`);
  console.log('\nBy repository');
  for (const [name, t] of Object.entries(score.byRepository)) console.log(row(name, t));
  console.log('By language');
  for (const [name, t] of Object.entries(score.byLanguage)) console.log(row(name, t));
  console.log('By pattern (recall only: a false positive has no pattern)');
  for (const [name, t] of Object.entries(score.byPattern)) console.log(row(name, t, false));
  console.log('Overall');
  console.log(row('all', score.overall));
}

async function main(): Promise<void> {
  const parsed = parseReviewOptions(process.argv.slice(2), process.env, process.cwd());
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  const options = parsed.options;
  let set: ReviewSet & { name?: string };
  try {
    set = JSON.parse(fs.readFileSync(options.setFile, 'utf8')) as ReviewSet & { name?: string };
  } catch (error) {
    console.error(`Cannot read the review set ${options.setFile}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const title = set.name ?? path.basename(options.setFile);
  const byRepo = new Map<string, string[]>();
  for (const label of set.labels) {
    const paths = byRepo.get(label.repo) ?? [];
    if (!paths.includes(label.path)) paths.push(label.path);
    byRepo.set(label.repo, paths);
  }
  const mirrors = new Map<string, string>();
  const missing: string[] = [];
  for (const repo of byRepo.keys()) {
    const dir = findMirror(options.mirrors, repo, set.repositories[repo].commit);
    if (dir) mirrors.set(repo, dir);
    else missing.push(`${repo}@${set.repositories[repo].commit.slice(0, 7)}`);
  }
  if (mirrors.size === 0) {
    console.log(`eval:review skipped: no git mirror of the review repositories under ${options.mirrors} (needs network to fetch; see test/realcode/README.md).`);
    return;
  }
  if (missing.length > 0) console.log(`Mirrors missing, these repositories are left out of the scores: ${missing.join(', ')}`);

  const started = Date.now();
  const files: FileDetections[] = [];
  for (const [repo, gitDir] of mirrors) {
    const commit = set.repositories[repo].commit;
    const relPaths = byRepo.get(repo) ?? [];
    if (options.perRepo) {
      const roots = set.repositories[repo].auditRoots ?? [...new Set(relPaths.map((p) => path.posix.dirname(p)))];
      files.push(...(await detectInRepository(gitDir, repo, commit, roots, relPaths)));
    } else {
      for (const relPath of relPaths) files.push(await detectInFile(gitDir, repo, commit, relPath));
    }
  }
  const scored: ReviewSet = { ...set, labels: set.labels.filter((l) => mirrors.has(l.repo)) };
  const score = scoreReview(scored, files);
  const mode = options.perRepo ? 'per repository, runAudit over the audit roots' : 'per file, as the audit analyses each file';
  if (options.json) {
    console.log(JSON.stringify({ set: title, mode, missing, overall: score.overall, byLanguage: score.byLanguage, byPattern: score.byPattern, byRepository: score.byRepository, misses: score.outcomes.filter((o) => o.label === 'prompt' && !o.detected), falsePositives: score.outcomes.filter((o) => o.label === 'none' && o.detected), unlabelled: score.unlabelled }, null, 2));
    return;
  }
  printScore(title, score, files, mode);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

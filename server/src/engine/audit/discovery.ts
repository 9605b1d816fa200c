// Walks the audited paths and yields every candidate file, lazily and in a stable (sorted) order, so memory stays
// bounded however large the tree is. Honours .gitignore files (from the repository root down, like git), the config
// file's excludes and the editor's excludes; directories it cannot enter are reported with a reason, never thrown.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { matchesGlob } from '../config/glob';

export type DiscoveredEntry =
  | { kind: 'file'; absPath: string; relPath: string }
  | { kind: 'skipped'; relPath: string; reason: string };

export interface DiscoveryOptions {
  /** Reported paths are relative to this directory (`/` separators). */
  baseDir: string;
  /** Keep only files this accepts (cheap: decided on the name, before any read). */
  isCandidate(relPath: string): boolean;
  /** Globs relative to `baseDir` (config excludes, VS Code files.exclude / search.exclude). */
  excludes?: string[];
  /** Default true. */
  respectGitignore?: boolean;
  signal?: AbortSignal;
}

/** Never worth auditing and never part of the user's prompts; matched relative to each audited path. */
export const ALWAYS_EXCLUDED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules']);

interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

interface DirTask {
  absPath: string;
  realPath: string;
  ignores: IgnoreLevel[];
}

export async function* discoverFiles(paths: string[], options: DiscoveryOptions): AsyncGenerator<DiscoveredEntry> {
  const visitedDirs = new Set<string>();
  const roots = [...new Set(paths.map((p) => path.resolve(options.baseDir, p)))].sort(compareNames);
  for (const root of roots) {
    if (options.signal?.aborted) return;
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(root);
    } catch (error) {
      yield { kind: 'skipped', relPath: relative(options.baseDir, root), reason: describeFsError(error) };
      continue;
    }
    if (stat.isFile()) {
      // A file named on the command line is audited even when ignored: the user asked for it.
      yield { kind: 'file', absPath: root, relPath: relative(options.baseDir, root) };
      continue;
    }
    if (!stat.isDirectory()) continue;
    const ignores = options.respectGitignore === false ? [] : await ancestorIgnores(root);
    yield* walk(root, { absPath: root, realPath: await fs.promises.realpath(root), ignores }, visitedDirs, options);
  }
}

async function* walk(root: string, start: DirTask, visitedDirs: Set<string>, options: DiscoveryOptions): AsyncGenerator<DiscoveredEntry> {
  const stack: DirTask[] = [start];
  visitedDirs.add(start.realPath);
  while (stack.length > 0) {
    if (options.signal?.aborted) return;
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      // Synchronous, as the audit's file reads (readSource.ts): one directory's listing is quick, and a thread-pool
      // round trip per directory left the audit idle while it waited.
      entries = fs.readdirSync(dir.absPath, { withFileTypes: true });
    } catch (error) {
      yield { kind: 'skipped', relPath: relative(options.baseDir, dir.absPath), reason: describeFsError(error) };
      continue;
    }
    let ignores = dir.ignores;
    if (options.respectGitignore !== false && entries.some((e) => e.name === '.gitignore')) {
      const rules = await readIgnoreFile(path.join(dir.absPath, '.gitignore'));
      if (rules) ignores = [...ignores, { dir: dir.absPath, rules }];
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    const subdirs: DirTask[] = [];
    // Entries' relative paths by appending to their directory's (a path.relative per file was a tenth of the walk);
    // a directory outside the base (`..`) goes through relative() as before.
    const dirRel = path.relative(options.baseDir, dir.absPath).split(path.sep).join('/');
    const inBase = !dirRel.startsWith('..') && !path.isAbsolute(dirRel);
    for (const entry of entries) {
      const absPath = path.join(dir.absPath, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await fs.promises.stat(absPath);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          yield { kind: 'skipped', relPath: relative(options.baseDir, absPath), reason: describeFsError(error) };
          continue;
        }
      }
      if (!isDir && !isFile) continue; // sockets, FIFOs, devices: nothing to audit
      if (isDir && ALWAYS_EXCLUDED_DIRS.has(entry.name)) continue;
      const relPath = inBase ? (dirRel ? `${dirRel}/${entry.name}` : entry.name) : relative(options.baseDir, absPath);
      if (isFile && !options.isCandidate(relPath)) continue;
      if (isIgnored(absPath, isDir, ignores)) continue;
      if (options.excludes?.some((glob) => matchesGlob(relPath, glob) || (isDir && matchesGlob(relPath + '/', glob)))) continue;
      if (isFile) {
        yield { kind: 'file', absPath, relPath };
        continue;
      }
      let realPath = path.join(dir.realPath, entry.name);
      if (entry.isSymbolicLink()) {
        try {
          realPath = await fs.promises.realpath(absPath);
        } catch (error) {
          yield { kind: 'skipped', relPath, reason: describeFsError(error) };
          continue;
        }
      }
      if (visitedDirs.has(realPath)) {
        const loop = (dir.realPath + path.sep).startsWith(realPath + path.sep);
        yield {
          kind: 'skipped',
          relPath,
          reason: loop ? `symlink loop: points to ${relative(options.baseDir, realPath)}, an enclosing directory` : `symlink to a directory audited already (${relative(options.baseDir, realPath)})`,
        };
        continue;
      }
      visitedDirs.add(realPath);
      subdirs.push({ absPath, realPath, ignores });
    }
    // Depth first, in name order: push in reverse so the first name is walked first.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

/** git's semantics: the deepest .gitignore that says anything about a path wins (a `!pattern` re-includes). */
function isIgnored(absPath: string, isDir: boolean, levels: IgnoreLevel[]): boolean {
  let ignored = false;
  for (const level of levels) {
    let rel = path.relative(level.dir, absPath).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (isDir) rel += '/';
    const result = level.rules.test(rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** .gitignore files between the repository root and the audited directory apply too, as does .git/info/exclude. */
async function ancestorIgnores(dir: string): Promise<IgnoreLevel[]> {
  const chain: string[] = [];
  let current = dir;
  let repoRoot: string | undefined;
  for (;;) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      repoRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!repoRoot) return [];
  const levels: IgnoreLevel[] = [];
  const exclude = await readIgnoreFile(path.join(repoRoot, '.git', 'info', 'exclude'));
  if (exclude) levels.push({ dir: repoRoot, rules: exclude });
  // The audited directory's own .gitignore is read by the walk itself.
  for (const ancestor of chain.slice(0, -1)) {
    const rules = await readIgnoreFile(path.join(ancestor, '.gitignore'));
    if (rules) levels.push({ dir: ancestor, rules });
  }
  return levels;
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  try {
    const text = await fs.promises.readFile(file, 'utf8');
    return ignore().add(text);
  } catch {
    return undefined; // absent or unreadable: nothing to honour
  }
}

export function relative(baseDir: string, absPath: string): string {
  const rel = path.relative(baseDir, absPath);
  return (rel === '' ? path.basename(absPath) : rel).split(path.sep).join('/');
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ELOOP':
      return 'symlink loop (too many levels of symbolic links)';
    case 'ENOENT':
      return 'not found (a broken symlink or a file deleted during the audit)';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable: permission denied';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return `unreadable: ${(error as Error)?.message ?? String(error)}`;
  }
}

// Reads the tree of a git ref without checking it out: `git ls-tree` lists the files (with sizes, so oversized files
// are skipped unread) and one long-running `git cat-file --batch` streams their contents one at a time.
import { spawn, spawnSync } from 'child_process';
import { UsageError } from './args';

export interface GitTreeFile {
  /** Path relative to the repository's top level, `/` separators. */
  path: string;
  size: number;
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw new UsageError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) throw new UsageError(`git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout;
}

/** The repository top level and the root's path inside it (`''` or `sub/dir/`). */
export function gitLocation(root: string): { topLevel: string; prefix: string } {
  const topLevel = git(root, ['rev-parse', '--show-toplevel']).trim();
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  return { topLevel, prefix };
}

export function resolveCommit(root: string, ref: string): string {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (result.error) throw new UsageError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    // Outside a repository every ref "is not a commit": say what is actually wrong.
    const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
    if (inside.status !== 0) throw new UsageError(`${root} is not inside a git repository: diff compares the working tree with a commit (run it in a git checkout, or use audit)`);
    throw new UsageError(`--base ${ref}: not a commit in the repository at ${root}`);
  }
  return result.stdout.trim();
}

/** Regular files of the commit (symlinks and submodules left out). */
export function listTree(root: string, commit: string): GitTreeFile[] {
  const out = git(root, ['ls-tree', '-r', '-z', '--long', '--full-tree', commit]);
  const files: GitTreeFile[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, , size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue;
    files.push({ path: record.slice(tab + 1), size: Number(size) });
  }
  return files;
}

/** Streams blob contents from one `git cat-file --batch` process; call `close()` when done. */
export class BlobReader {
  private readonly proc;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  private ended = false;

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    this.proc.on('close', () => {
      this.ended = true;
      this.wake();
    });
    this.proc.on('error', () => {
      this.ended = true;
      this.wake();
    });
  }

  async read(commit: string, path: string): Promise<Buffer | undefined> {
    this.proc.stdin.write(`${commit}:${path}\n`);
    const header = await this.take(() => {
      const nl = this.buffer.indexOf(0x0a);
      return nl < 0 ? undefined : nl + 1;
    });
    if (!header) return undefined;
    const match = /^\S+ (\S+) (\d+)$/.exec(header.toString('utf8').trim());
    if (!match) return undefined; // "<name> missing"
    const size = Number(match[2]);
    const body = await this.take(() => (this.buffer.length >= size + 1 ? size + 1 : undefined));
    return body?.subarray(0, size);
  }

  close(): void {
    this.proc.stdin.end();
  }

  private async take(ready: () => number | undefined): Promise<Buffer | undefined> {
    for (;;) {
      const n = ready();
      if (n !== undefined) {
        const out = this.buffer.subarray(0, n);
        this.buffer = this.buffer.subarray(n);
        return out;
      }
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }
}

// A tree of real LLM application code for the audit bench: snapshots of three public repositories from the local
// mirrors (/work/.mirror/<owner>+<name>/repo, bare git repositories), extracted with `git archive` — never copied
// into this repository. crewAI without docs/ (its snapshot lacks a blob there).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const MIRRORS = process.env.PCL_MIRRORS ?? '/work/.mirror';
const REPOSITORIES: { name: string; exclude?: string }[] = [
  { name: 'browser-use+browser-use' },
  { name: 'openai+openai-agents-js' },
  { name: 'crewAIInc+crewAI', exclude: 'docs' },
];

/** The extracted tree (kept between bench runs in the temp folder), or undefined with why when a mirror is missing. */
export function realTree(): { dir: string } | { missing: string } {
  const dir = path.join(os.tmpdir(), 'pcl-bench-real-tree');
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return { dir };
  fs.rmSync(dir, { recursive: true, force: true });
  for (const repo of REPOSITORIES) {
    const gitDir = path.join(MIRRORS, repo.name, 'repo');
    if (!fs.existsSync(gitDir)) return { missing: `mirror ${gitDir} not found` };
    const into = path.join(dir, repo.name);
    fs.mkdirSync(into, { recursive: true });
    const pathspec = repo.exclude ? ['--', '.', `:(exclude)${repo.exclude}`] : [];
    const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', 'HEAD', ...pathspec], { maxBuffer: 1024 * 1024 * 1024 });
    if (archive.status !== 0) return { missing: `git archive of ${repo.name} failed: ${String(archive.stderr).slice(0, 300)}` };
    const tar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout });
    if (tar.status !== 0) return { missing: `tar failed for ${repo.name}` };
  }
  fs.writeFileSync(done, '');
  return { dir };
}

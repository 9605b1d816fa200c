// The pre-commit hook (.pre-commit-hooks.yaml) invoked as pre-commit invokes it: the staged files that match `files`
// (and not `exclude`), appended to `entry`, run in the repository root with the installed `prompt-cost` on PATH. The
// commit fails on an error-level finding in a staged file, passes when the offending file is not staged.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOnce, CLI, ROOT, scratch } from '../cli/cliHarness';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Hook { id: string; entry: string; language: string; files: string; exclude?: string; pass_filenames?: boolean }

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** pre-commit's selection: staged (added, copied, modified, renamed) paths matching `files` and not `exclude`. */
function stagedFor(hook: Hook, repo: string): string[] {
  const staged = git(repo, 'diff', '--cached', '--name-only', '--diff-filter=ACMRTUXB', '-z').split('\0').filter(Boolean);
  const include = new RegExp(hook.files);
  const exclude = hook.exclude ? new RegExp(hook.exclude) : undefined;
  return staged.filter((f) => include.test(f) && !exclude?.test(f));
}

/** Runs the hook's entry with the filenames, `prompt-cost` on PATH being the built CLI (as `npm install -g` puts it). */
function runHook(hook: Hook, repo: string, files: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-bin-'));
  fs.writeFileSync(path.join(bin, 'prompt-cost'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`, { mode: 0o755 });
  const [command, ...args] = hook.entry.split(/\s+/);
  const r = spawnSync(command, [...args, ...(hook.pass_filenames === false ? [] : files)], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr + (r.error ? String(r.error) : '') };
}

const WORDY = 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "In order to help, answer in a short way due to the fact that users read on phones."\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n';
const PLAIN = 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "Answer briefly: users read on phones."\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n';

describe('pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(120000);
  before(buildOnce);

  it('is a node hook running the audit with --fail-on error on the filenames pre-commit passes', () => {
    const hooks = yaml.load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    const hook = hooks.find((h) => h.id === 'prompt-cost')!;
    assert.equal(hook.language, 'node');
    assert.match(hook.entry, /^prompt-cost audit .*--fail-on error/);
    assert.equal(require(path.join(ROOT, 'package.json')).bin['prompt-cost'], 'dist/cli.js', 'npm install -g of the packed repository puts prompt-cost on PATH');

    const repo = scratch({
      '.promptcost.json': JSON.stringify({ rules: { 'verbose-phrase': 'error' } }),
      'app/wordy.py': WORDY,
      'app/plain.py': PLAIN,
      'README.md': 'In order to help, read this.\n',
      'web/types.d.ts': 'export declare const SYSTEM: string;\n',
    });
    git(repo, 'init', '-q');
    // Only clean files staged: the wordy one waits in the working tree.
    git(repo, 'add', '.promptcost.json', 'app/plain.py', 'README.md', 'web/types.d.ts');
    const clean = stagedFor(hook, repo);
    assert.deepEqual(clean, ['app/plain.py'], 'README.md and the .d.ts are not passed');
    const passed = runHook(hook, repo, clean);
    assert.equal(passed.status, 0, passed.stderr);
    assert.match(passed.stdout, /app\/plain\.py/);
    assert.doesNotMatch(passed.stdout, /wordy/);

    git(repo, 'add', 'app/wordy.py');
    const both = stagedFor(hook, repo);
    assert.deepEqual(both.sort(), ['app/plain.py', 'app/wordy.py']);
    const failed = runHook(hook, repo, both);
    assert.equal(failed.status, 1, failed.stdout + failed.stderr);
    assert.match(failed.stderr, /at or above --fail-on error/);
    assert.match(failed.stdout, /app\/wordy\.py/);
  });
});

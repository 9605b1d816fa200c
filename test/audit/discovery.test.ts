import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeFsError, discoverFiles, type DiscoveredEntry } from '../../server/src/engine/audit/discovery';
import { auditedLanguageId } from '../../server/src/engine/audit/supportedFiles';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-discovery-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  }
  return root;
}

async function collect(root: string, options: Partial<Parameters<typeof discoverFiles>[1]> = {}): Promise<DiscoveredEntry[]> {
  const out: DiscoveredEntry[] = [];
  for await (const e of discoverFiles(['.'], { baseDir: root, isCandidate: (p) => auditedLanguageId(p) !== undefined, ...options })) out.push(e);
  return out;
}

const files = (entries: DiscoveredEntry[]) => entries.filter((e) => e.kind === 'file').map((e) => e.relPath).sort();
const skipped = (entries: DiscoveredEntry[]) => entries.filter((e) => e.kind === 'skipped').map((e) => [e.relPath, (e as { reason: string }).reason]);

describe('audit discovery', () => {
  it('lists supported files in sorted order and leaves out other files, node_modules and .git', async () => {
    const root = tree({
      'b.py': 'x = 1',
      'a/z.ts': '',
      'a/y.tsx': '',
      'README.md': '# hi',
      'image.png': 'x',
      'node_modules/pkg/index.js': '',
      '.git/hooks/pre-commit.py': '',
      'nb/analysis.ipynb': '{}',
      'lib/types.d.ts': '',
      'dist/app.min.js': '',
      'prompts/support.prompt': 'Hello',
    });
    assert.deepEqual(files(await collect(root)), ['a/y.tsx', 'a/z.ts', 'b.py', 'nb/analysis.ipynb', 'prompts/support.prompt']);
  });

  it('honours nested .gitignore files, negations and .git/info/exclude', async () => {
    const root = tree({
      '.gitignore': 'build/\n*.gen.py\n',
      '.git/info/exclude': 'secret.py\n',
      'build/out.py': '',
      'app.gen.py': '',
      'app.py': '',
      'secret.py': '',
      'pkg/.gitignore': '!keep.gen.py\nlocal/\n',
      'pkg/keep.gen.py': '',
      'pkg/other.gen.py': '',
      'pkg/local/x.py': '',
    });
    assert.deepEqual(files(await collect(root)), ['app.py', 'pkg/keep.gen.py']);
    assert.deepEqual(files(await collect(root, { respectGitignore: false })), ['app.gen.py', 'app.py', 'build/out.py', 'pkg/keep.gen.py', 'pkg/local/x.py', 'pkg/other.gen.py', 'secret.py']);
  });

  it('applies .gitignore files above the audited folder up to the repository root', async () => {
    const root = tree({ '.git/HEAD': '', '.gitignore': 'gen/\n', 'sub/gen/a.py': '', 'sub/b.py': '' });
    const out: DiscoveredEntry[] = [];
    for await (const e of discoverFiles(['sub'], { baseDir: root, isCandidate: () => true })) out.push(e);
    assert.deepEqual(files(out), ['sub/b.py']);
  });

  it('applies exclude globs relative to the root (config excludes, editor excludes)', async () => {
    const root = tree({ 'src/app.py': '', 'src/fixtures/f.py': '', 'tests/t.py': '', 'gen.py': '' });
    assert.deepEqual(files(await collect(root, { excludes: ['**/fixtures/**', 'tests', 'gen.py'] })), ['src/app.py']);
  });

  it('reports symlink loops and broken links with a reason and never walks a loop twice', async function () {
    const root = tree({ 'a/app.py': '' });
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a', 'loop'));
    fs.symlinkSync(path.join(root, 'self.py'), path.join(root, 'self.py'));
    fs.symlinkSync(path.join(root, 'missing.py'), path.join(root, 'dangling.py'));
    const entries = await collect(root);
    assert.deepEqual(files(entries), ['a/app.py']);
    const reasons = Object.fromEntries(skipped(entries));
    assert.match(reasons['a/loop'], /symlink loop/);
    assert.match(reasons['self.py'], /symlink loop/);
    assert.match(reasons['dangling.py'], /not found|broken symlink/);
  });

  it('walks paths with spaces and unicode', async () => {
    const root = tree({ 'my prompts/ünïcødé 提示.py': '', 'my prompts/plain.py': '' });
    assert.deepEqual(files(await collect(root)), ['my prompts/plain.py', 'my prompts/ünïcødé 提示.py']);
  });

  it('names unreadable paths in plain words', () => {
    assert.equal(describeFsError(Object.assign(new Error('x'), { code: 'EACCES' })), 'unreadable: permission denied');
    assert.match(describeFsError(Object.assign(new Error('x'), { code: 'ELOOP' })), /symlink loop/);
  });

  it('reports a directory it cannot list instead of throwing', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads every directory regardless of mode
    const root = tree({ 'locked/a.py': '', 'open.py': '' });
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const entries = await collect(root);
      assert.deepEqual(files(entries), ['open.py']);
      assert.deepEqual(skipped(entries), [['locked', 'unreadable: permission denied']]);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });
});

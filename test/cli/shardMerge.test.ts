// `prompt-cost audit --shard k/n` and `prompt-cost merge`: every file in exactly one shard, cross-file prompts still
// resolved in each, and the merged report equal to one unsharded run (totals, prompts, requests, skipped, order).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inShard, parseShard, shardOf } from '../../server/src/engine/audit/shard';
import { buildOnce, ROOT, runCli } from './cliHarness';
import { copyTree, reportWithoutTime } from './treeCopy';

interface Report { prompts: { file: string; id: string }[]; skipped: { file: string }[]; totals: { files: number; prompts: number }; shard?: { index: number; count: number } }

function shardReports(dir: string, count: number, extra: string[] = []): string[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-shards-'));
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(out, `shard-${i + 1}.json`);
    const result = runCli(['audit', '--format', 'json', '--shard', `${i + 1}/${count}`, '--out', file, ...extra], dir);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return file;
  });
}

describe('prompt-cost audit --shard k/n and prompt-cost merge', function () {
  this.timeout(180000);
  before(buildOnce);

  it('splits paths the same way everywhere, each into exactly one shard', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '2']) assert.equal(typeof parseShard(bad), 'string', bad);
    // Fixed values: a shard assignment that moved between versions would split a CI matrix differently.
    assert.deepEqual(['app/llm.py', 'app/catalog.py', 'src/index.ts', 'README.md'].map((p) => shardOf(p, 4)), [2, 2, 2, 3]);
    const paths = Array.from({ length: 2000 }, (_, i) => `pkg${i % 37}/module_${i}.py`);
    const sizes = [1, 2, 3, 4].map((k) => paths.filter((p) => inShard(p, { index: k, count: 4 })).length);
    assert.equal(sizes.reduce((a, b) => a + b), 2000);
    for (const size of sizes) assert.ok(size > 400 && size < 600, `balanced: ${sizes}`);
  });

  for (const [name, source] of [
    ['examples/', path.join(ROOT, 'examples')],
    ['a workspace with cross-file prompts', path.join(ROOT, 'test', 'fixtures', 'crossfile', 'support_py')],
    ['crewAI YAML across files', path.join(ROOT, 'test', 'fixtures', 'crossfile', 'crew_py')],
  ]) {
    it(`4 merged shards equal one run: ${name}`, () => {
      const dir = copyTree(source);
      const whole = runCli(['audit', '--format', 'json'], dir);
      const files = shardReports(dir, 4);
      const shards = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Report);
      // Each file's prompts in one shard only, and the cross-file ones in the shard of the file that holds the text.
      const owner = new Map<string, number>();
      shards.forEach((s, i) => {
        assert.deepEqual(s.shard, { index: i + 1, count: 4 });
        for (const p of [...s.prompts, ...s.skipped]) {
          assert.ok(!owner.has(p.file) || owner.get(p.file) === i, `${p.file} in two shards`);
          owner.set(p.file, i);
          assert.equal(shardOf(p.file, 4), i + 1);
        }
      });
      const merged = runCli(['merge', ...files], dir);
      assert.equal(merged.status, 0, merged.stderr);
      assert.deepEqual(reportWithoutTime(merged.stdout), reportWithoutTime(whole.stdout));
      // Any format, from the same merged report.
      const md = runCli(['merge', ...files, '--format', 'md'], dir);
      const wholeMd = runCli(['audit', '--format', 'md'], dir);
      const undated = (t: string) => t.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '');
      assert.equal(undated(md.stdout), undated(wholeMd.stdout));
    });
  }

  it('refuses a missing, repeated or unsharded report (exit 2, with why)', () => {
    const dir = copyTree(path.join(ROOT, 'test', 'fixtures', 'crossfile', 'support_py'));
    const files = shardReports(dir, 3);
    const missing = runCli(['merge', files[0], files[2]], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /shard 2\/3 missing/);
    const twice = runCli(['merge', files[0], files[0], files[1], files[2]], dir);
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /given twice/);
    const plain = path.join(path.dirname(files[0]), 'plain.json');
    runCli(['audit', '--format', 'json', '--out', plain], dir);
    const unsharded = runCli(['merge', plain], dir);
    assert.equal(unsharded.status, 2);
    assert.match(unsharded.stderr, /written without --shard/);
    const bad = runCli(['audit', '--shard', '5/4'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /shard 5 is not between 1 and 4/);
  });
});

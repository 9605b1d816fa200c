// `prompt-cost audit --cache`: a warm run gives exactly the report of a run without the cache, whatever changed in
// between (a file, a file another file's prompts depend on, the configuration, the tool build, a deleted or renamed
// file), and a damaged, foreign or concurrently written cache never gives a wrong result.
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOnce, CLI, ROOT, runCli, scratch } from './cliHarness';
import { copyTree, reportWithoutTime } from './treeCopy';

const SUPPORT = path.join(ROOT, 'test', 'fixtures', 'crossfile', 'support_py');
const CACHE = '.promptcost-cache';

function audit(cwd: string, args: string[] = [], cli = CLI): { report: Record<string, unknown>; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'audit', '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return { report: reportWithoutTime(result.stdout), stderr: result.stderr };
}

/** The report of a run without any cache: what every cached run must equal. */
const truth = (cwd: string, args: string[] = []): Record<string, unknown> => audit(cwd, args).report;

/** Reads the cache file's sections (header line, main JSON, deflated facts). */
function readCache(file: string): { header: Record<string, any>; main: Record<string, any>; facts: Buffer } {
  const data = fs.readFileSync(file);
  const nl = data.indexOf(0x0a);
  const header = JSON.parse(data.subarray(0, nl).toString('utf8'));
  const main = JSON.parse(data.subarray(nl + 1, nl + 1 + header.main.length).toString('utf8'));
  return { header, main, facts: data.subarray(nl + 1 + header.main.length) };
}

/** Rewrites the main section (with a valid checksum), as a cache written by an earlier run with other results would be. */
function writeCache(file: string, cache: ReturnType<typeof readCache>): void {
  const main = Buffer.from(JSON.stringify(cache.main), 'utf8');
  const hash = require('crypto').createHash('sha1').update(main).digest('base64');
  const header = { ...cache.header, main: { length: main.length, checksum: hash } };
  fs.writeFileSync(file, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), main, cache.facts]));
}

/** Marks every cached result's first prompt with a cost no real run gives: a run that shows it used the cache. */
function poison(dir: string): void {
  const file = path.join(dir, CACHE);
  const cache = readCache(file);
  let n = 0;
  for (const entry of Object.values(cache.main.files) as { result?: { value: { prompts: { monthlyCost: number }[] } } }[]) {
    const first = entry.result?.value.prompts[0];
    if (first) {
      first.monthlyCost = 123456.789;
      n++;
    }
  }
  assert.ok(n > 0, 'the cache holds results with prompts');
  writeCache(file, cache);
}

const poisoned = (report: Record<string, unknown>): boolean => JSON.stringify(report).includes('123456.789');

describe('prompt-cost audit --cache', function () {
  // Each test runs the CLI 5–15 times; on a loaded 2-core machine one run can take 10 s.
  this.timeout(600000);
  before(buildOnce);

  it('a cold and a warm run equal a run without the cache (cross-file fixtures and examples/)', () => {
    for (const source of [SUPPORT, path.join(ROOT, 'test', 'fixtures', 'crossfile', 'crew_py'), path.join(ROOT, 'test', 'fixtures', 'crossfile', 'review_ts'), path.join(ROOT, 'examples')]) {
      const dir = copyTree(source);
      const expected = truth(dir);
      assert.deepEqual(audit(dir, ['--cache']).report, expected, `cold, ${source}`);
      assert.ok(fs.existsSync(path.join(dir, CACHE)));
      const warm = audit(dir, ['--cache']);
      assert.deepEqual(warm.report, expected, `warm, ${source}`);
      assert.equal(warm.stderr, '');
    }
  });

  it('the warm run reads results from the cache (a poisoned entry shows), and only while file, config and tool are the same', () => {
    const dir = copyTree(SUPPORT);
    const expected = truth(dir);
    audit(dir, ['--cache']);
    poison(dir);
    assert.ok(poisoned(audit(dir, ['--cache']).report), 'an unchanged tree is answered from the cache');

    // Configuration: another default volume is another cache identity (nothing reused).
    const withCalls = audit(dir, ['--cache', '--calls', '10']).report;
    assert.ok(!poisoned(withCalls));
    assert.deepEqual(withCalls, truth(dir, ['--calls', '10']));
    audit(dir, ['--cache']);
    poison(dir);
    fs.writeFileSync(path.join(dir, '.promptcost.json'), JSON.stringify({ outputTokens: { default: 900 } }));
    const withConfig = audit(dir, ['--cache']).report;
    assert.ok(!poisoned(withConfig), 'a .promptcost.json change invalidates the cache');
    assert.deepEqual(withConfig, truth(dir));
    assert.notDeepEqual(withConfig, expected);
    fs.rmSync(path.join(dir, '.promptcost.json'));

    // Tool version: the same version number from another build (a copy of dist/ with one more byte in the bundle).
    audit(dir, ['--cache']);
    poison(dir);
    const otherDist = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-dist-'));
    fs.cpSync(path.dirname(CLI), otherDist, { recursive: true });
    const otherCli = path.join(otherDist, 'cli.js');
    fs.appendFileSync(otherCli, '\n// another build\n');
    const upgraded = audit(dir, ['--cache'], otherCli).report;
    assert.ok(!poisoned(upgraded), 'another build of the tool does not reuse results');
    assert.deepEqual(upgraded, expected);
  });

  it('a changed file re-analyses the files whose prompts depend on it (a wrapper\'s model)', () => {
    const dir = copyTree(SUPPORT);
    const before = truth(dir);
    audit(dir, ['--cache']);
    const llm = path.join(dir, 'app', 'llm.py');
    fs.writeFileSync(llm, fs.readFileSync(llm, 'utf8').replace('"SUPPORT_MODEL", "gpt-4o-mini"', '"SUPPORT_MODEL", "gpt-4o"'));
    const after = audit(dir, ['--cache']).report;
    assert.deepEqual(after, truth(dir));
    assert.notDeepEqual(after, before);
    // catalog.py did not change, yet its prompts now go to gpt-4o (through the wrapper in llm.py).
    const catalog = (after.prompts as { file: string; model: string }[]).filter((p) => p.file === 'app/catalog.py');
    assert.ok(catalog.length > 0 && catalog.every((p) => p.model === 'gpt-4o'), JSON.stringify(catalog));
    // A file only code loads (app/assets/tone.txt) changes too.
    fs.appendFileSync(path.join(dir, 'app', 'assets', 'tone.txt'), '\nAlways answer in the customer\'s language, in full sentences.\n');
    assert.deepEqual(audit(dir, ['--cache']).report, truth(dir));
  });

  it('a deleted and a renamed file: the report is a fresh run\'s, the old path leaves the cache', () => {
    const dir = copyTree(SUPPORT);
    audit(dir, ['--cache']);
    fs.rmSync(path.join(dir, 'app', 'reports.py'));
    assert.deepEqual(audit(dir, ['--cache']).report, truth(dir));
    assert.ok(!('app/reports.py' in readCache(path.join(dir, CACHE)).main.files));
    fs.renameSync(path.join(dir, 'app', 'catalog.py'), path.join(dir, 'app', 'texts.py'));
    const renamed = audit(dir, ['--cache']).report;
    assert.deepEqual(renamed, truth(dir));
    const files = readCache(path.join(dir, CACHE)).main.files;
    assert.ok(!('app/catalog.py' in files) && 'app/texts.py' in files);
  });

  it('a damaged cache is ignored with one warning and rewritten; a foreign file is left alone', () => {
    const dir = copyTree(SUPPORT);
    const expected = truth(dir);
    audit(dir, ['--cache']);
    const file = path.join(dir, CACHE);
    const whole = fs.readFileSync(file);
    for (const damage of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.concat([whole.subarray(0, 400), Buffer.from('X'), whole.subarray(401)])]) {
      fs.writeFileSync(file, damage);
      const run = audit(dir, ['--cache']);
      assert.deepEqual(run.report, expected);
      assert.equal(run.stderr.match(/Warning:/g)?.length, 1, run.stderr);
      assert.match(run.stderr, /damaged/);
      const again = audit(dir, ['--cache']);
      assert.equal(again.stderr, '', 'rewritten whole');
      assert.deepEqual(again.report, expected);
    }
    const foreign = path.join(dir, 'notes.txt');
    fs.writeFileSync(foreign, 'my notes, not a cache\n');
    const run = audit(dir, ['--cache-location', foreign]);
    assert.deepEqual(run.report, expected);
    assert.match(run.stderr, /not a prompt-cost cache; it is left alone/);
    assert.equal(fs.readFileSync(foreign, 'utf8'), 'my notes, not a cache\n');
    // A directory gets the default name inside it.
    const dirLocation = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cache-dir-'));
    audit(dir, ['--cache-location', dirLocation]);
    assert.ok(fs.existsSync(path.join(dirLocation, CACHE)));
  });

  it('concurrent runs (same and different configurations) each give the right report and leave a whole cache', async () => {
    const dir = copyTree(SUPPORT);
    const expected = truth(dir);
    const expected10 = truth(dir, ['--calls', '10']);
    const runAsync = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [CLI, 'audit', '--format', 'json', '--cache', ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all([runAsync([]), runAsync([]), runAsync(['--calls', '10']), runAsync([])]);
      runs.forEach((r, i) => {
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(reportWithoutTime(r.stdout), i === 2 ? expected10 : expected);
        assert.doesNotMatch(r.stderr, /damaged/);
      });
    }
    const after = audit(dir, ['--cache']);
    assert.deepEqual(after.report, expected);
    assert.equal(after.stderr, '');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('a run over some paths keeps the other files\' entries; --fix never reads results from the cache', () => {
    const dir = copyTree(SUPPORT);
    audit(dir, ['--cache']);
    const before = Object.keys(readCache(path.join(dir, CACHE)).main.files).sort();
    const one = runCli(['audit', 'app/support.py', '--cache', '--format', 'json'], dir);
    assert.equal(one.status, 0, one.stderr);
    assert.deepEqual(Object.keys(readCache(path.join(dir, CACHE)).main.files).sort(), before);
    const scratchDir = scratch({ 'bot.py': 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "Please kindly make sure to answer in order to help the user."\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n' });
    audit(scratchDir, ['--cache']);
    poison(scratchDir);
    const fixed = runCli(['audit', '--cache', '--fix', '--format', 'json'], scratchDir);
    assert.ok(!fixed.stdout.includes('123456.789'), 'a fix analyses the file');
  });
});

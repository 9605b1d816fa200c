// Options of `npm run eval:review`: which review set is scored (session 4 by default, `--set FILE` for another, such
// as the second held-out set), where mirrors are looked for, and clear messages for bad arguments.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SET_FILE, parseReviewOptions, type ReviewOptions } from './reviewOptions';

function parse(argv: string[], env: NodeJS.ProcessEnv = {}, cwd = '/home/dev/project'): ReviewOptions {
  const parsed = parseReviewOptions(argv, env, cwd);
  if (!parsed.ok) throw new Error(`expected options, got: ${parsed.message}`);
  return parsed.options;
}

function failure(argv: string[]): string {
  const parsed = parseReviewOptions(argv, {}, '/home/dev/project');
  assert.ok(!parsed.ok, `expected ${JSON.stringify(argv)} to be refused`);
  return parsed.message;
}

describe('eval:review options', () => {
  it('scores the session-4 set by default, with mirrors from PROMPT_COST_MIRRORS or /work/.mirror', () => {
    assert.deepStrictEqual(parse([]), { setFile: DEFAULT_SET_FILE, mirrors: '/work/.mirror', perRepo: false, json: false });
    assert.strictEqual(parse([], { PROMPT_COST_MIRRORS: '/data/mirrors' }).mirrors, '/data/mirrors');
    assert.ok(fs.existsSync(DEFAULT_SET_FILE), 'the default set file is where the option says');
  });

  it('takes another set with --set FILE or --set=FILE, a relative path from the working directory', () => {
    assert.strictEqual(parse(['--set', 'test/realcode/review-set-session5.json']).setFile, '/home/dev/project/test/realcode/review-set-session5.json');
    assert.strictEqual(parse(['--set=/sets/held-out.json']).setFile, '/sets/held-out.json');
    const both = parse(['--per-repo', '--set', 'sets/b.json', '--mirrors=/m', '--json']);
    assert.deepStrictEqual(both, { setFile: path.resolve('/home/dev/project', 'sets/b.json'), mirrors: '/m', perRepo: true, json: true });
  });

  it('the second held-out set sits beside the first, so `--set test/realcode/review-set-session5.json` works from the repository root', () => {
    const repoRoot = path.resolve(__dirname, '..', '..');
    const setFile = parse(['--set', 'test/realcode/review-set-session5.json'], {}, repoRoot).setFile;
    assert.ok(fs.existsSync(setFile));
  });

  it('refuses a missing value or an unknown argument with the usage line', () => {
    assert.match(failure(['--set']), /--set needs a file/);
    assert.match(failure(['--set', '--per-repo']), /--set needs a file/);
    assert.match(failure(['--set=']), /--set needs a file/);
    assert.match(failure(['--mirrors']), /--mirrors needs a directory/);
    assert.match(failure(['--sets', 'x.json']), /Unknown argument: --sets\nUsage: npm run eval:review -- \[--set FILE\]/);
  });
});

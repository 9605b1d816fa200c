// What a user sees when there is nothing to report or the path is wrong: a sentence saying why, and a mistyped path
// fails the run (exit 2) instead of passing CI as "$0 per month".
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOnce, runCli, scratch } from './cliHarness';

describe('prompt-cost audit: empty workspaces and missing paths', function () {
  this.timeout(60000);
  before(buildOnce);

  it('a path that does not exist is a usage error naming it (exit 2), not a skipped file and a green run', () => {
    const root = scratch({ 'app.py': 'print("hi")\n' });
    const result = runCli(['audit', 'app.py', 'sr/typo'], root);
    assert.equal(result.status, 2, result.stdout);
    assert.match(result.stderr, /path not found: sr\/typo/);
    assert.equal(result.stdout, '');
  });

  it('an empty folder says there was nothing to audit', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cli-empty-'));
    const table = runCli(['audit', '.'], root);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /No files to audit: no Python, TypeScript, JavaScript, notebook or prompt files here/);
    const md = runCli(['audit', '.', '--format', 'md'], root);
    assert.match(md.stdout, /No files to audit/);
  });

  it('files without prompts: says how many were read; only skipped files: says so', () => {
    const root = scratch({ 'app.py': 'import os\nprint(os.getcwd())\n', 'web/index.ts': 'export const x = 1;\n' });
    const table = runCli(['audit', '.'], root);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /No prompts found in the 2 files read\./);
    const skippedOnly = scratch({ 'blob.py': Buffer.from([0x50, 0x00, 0x01, 0x02, 0x00]) });
    const skipped = runCli(['audit', '.'], skippedOnly);
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.match(skipped.stdout, /blob\.py {2}binary file/);
    assert.match(skipped.stdout, /No file could be read: 1 file was skipped/);
  });

  it('says nothing extra when there are prompts', () => {
    const root = scratch({ 'app.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You are a helpful assistant."}])\n' });
    const table = runCli(['audit', '.'], root);
    assert.doesNotMatch(table.stdout, /No prompts found|No files to audit/);
    assert.match(table.stdout, /1 prompt in 1 of 1 files/);
  });
});

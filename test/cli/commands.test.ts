import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { buildOnce, runCli, scratch } from './cliHarness';
import { notebookJson, REVIEW_NOTEBOOK_CELLS, SUPPORT_PY } from './fixtures';

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('prompt-cost count, rules, diff and --fix', function () {
  this.timeout(60000);
  before(buildOnce);

  it('count: tokens of a text exactly as given, from a file or standard input', () => {
    const root = scratch({ 'prompt.txt': 'You are a helpful assistant.' });
    const json = JSON.parse(runCli(['count', '--model', 'gpt-4o', '--format', 'json', 'prompt.txt'], root).stdout);
    assert.deepEqual(Object.keys(json), ['model', 'encoding', 'inputTokens', 'tokensExact', 'costPerCall']);
    assert.equal(json.model, 'gpt-4o');
    assert.equal(json.encoding, 'o200k_base');
    assert.equal(json.inputTokens, 6); // "You are a helpful assistant." in o200k_base, no framing
    assert.equal(json.tokensExact, true);
    assert.ok(Math.abs(json.costPerCall - 6 * 2.5e-6) < 1e-12);
    const stdin = JSON.parse(runCli(['count', '--model', 'gpt-4o', '--format', 'json', '-'], root, 'You are a helpful assistant.').stdout);
    assert.equal(stdin.inputTokens, 6);
    const unknown = JSON.parse(runCli(['count', '--model', 'my-private-llm', '--format', 'json'], root, 'hello').stdout);
    assert.equal(unknown.costPerCall, null, 'an unknown price is null, never $0');
    assert.equal(runCli(['count', 'missing.txt'], root).status, 2);
  });

  it('rules: lists every rule id with its default severity', () => {
    const out = runCli(['rules'], scratch({})).stdout;
    assert.match(out, /^verbose-phrase\s+\w+/m);
    assert.match(out, /^budget-exceeded\s+warning/m);
    const json = JSON.parse(runCli(['rules', '--format', 'json'], scratch({})).stdout);
    assert.ok(json.length >= 6);
    assert.deepEqual(json.map((r: { id: string }) => r.id), [...json.map((r: { id: string }) => r.id)].sort());
  });

  it('diff: added, removed and changed prompts against a git ref, as a table and PR Markdown', () => {
    const root = scratch({
      'svc/support.py': SUPPORT_PY,
      'svc/old.py': 'SYSTEM_PROMPT = "You are a legacy assistant that answers questions about the old billing system."\n',
    });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    fs.writeFileSync(path.join(root, 'svc/support.py'), SUPPORT_PY.replace('keep the answer under 120 words.', 'keep the answer under 120 words. Mention the status page at status.acme.example when a service is down, and list the affected regions.'));
    fs.rmSync(path.join(root, 'svc/old.py'));
    fs.writeFileSync(path.join(root, 'svc/new.py'), 'SYSTEM_PROMPT = "You are a new assistant that drafts release notes for the mobile app."\n');
    const json = JSON.parse(runCli(['diff', '--base', 'HEAD', '--format', 'json'], root).stdout);
    const kinds = json.changes.map((c: { kind: string; file: string }) => `${c.kind} ${c.file}`).sort();
    assert.deepEqual(kinds, ['added svc/new.py', 'changed svc/support.py', 'removed svc/old.py']);
    const changed = json.changes.find((c: { kind: string }) => c.kind === 'changed');
    assert.ok(changed.head.inputTokens > changed.base.inputTokens);
    assert.ok(changed.monthlyDelta > 0);
    assert.ok(Math.abs(json.monthlyDelta - (json.head.monthlyCost - json.base.monthlyCost)) < 1e-5);
    const md = runCli(['diff', '--base', 'HEAD', '--format', 'md'], root);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^## Prompt cost change/m);
    assert.match(md.stdout, /1 added, 1 removed, 1 changed/);
    const table = runCli(['diff', '--base', 'HEAD'], root).stdout;
    assert.match(table, /^added\s+\+\$/m);
    assert.equal(runCli(['diff', '--base', 'HEAD', '--max-increase', '0'], root).status, json.monthlyDelta > 0 ? 1 : 0);
    const badRef = runCli(['diff', '--base', 'no-such-branch'], root);
    assert.equal(badRef.status, 2);
    assert.match(badRef.stderr, /no-such-branch: not a commit/);
    assert.equal(runCli(['diff'], root).status, 2);
  });

  it('diff outside a git repository says so, instead of calling every ref "not a commit"', () => {
    const root = scratch({ 'svc/support.py': SUPPORT_PY });
    const result = runCli(['diff', '--base', 'main'], root, undefined, { GIT_CEILING_DIRECTORIES: path.dirname(root) });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /is not inside a git repository/);
    assert.doesNotMatch(result.stderr, /not a commit/);
  });

  it('--fix rewrites prompts like the editor fix and keeps notebook JSON formatting', () => {
    const notebook = notebookJson(REVIEW_NOTEBOOK_CELLS);
    const root = scratch({ 'support.py': SUPPORT_PY, 'review.ipynb': notebook });
    const before = JSON.parse(runCli(['audit', '--format', 'json'], root).stdout);
    const result = runCli(['audit', '--fix', '--format', 'json'], root);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Applied \d+ fix(es)? in 2 files/);
    const py = fs.readFileSync(path.join(root, 'support.py'), 'utf8');
    assert.ok(!py.includes('in order to') && py.includes('carefully to understand'), py);
    const fixedNb = fs.readFileSync(path.join(root, 'review.ipynb'), 'utf8');
    assert.ok(fixedNb.includes('main point to show'), 'the notebook prompt was compressed');
    // Only the one source line changed: indent, key order, outputs and trailing newline are kept.
    const beforeLines = notebook.split('\n');
    const afterLines = fixedNb.split('\n');
    assert.equal(afterLines.length, beforeLines.length);
    assert.equal(afterLines.filter((line, i) => line !== beforeLines[i]).length, 1);
    const parsed = JSON.parse(fixedNb);
    assert.equal(parsed.nbformat, 4);
    assert.ok(parsed.cells.every((c: { source: unknown }) => Array.isArray(c.source)));
    const after = JSON.parse(result.stdout);
    const count = (r: { prompts: { findings: { ruleId: string }[] }[] }) => r.prompts.flatMap((p) => p.findings).filter((f) => f.ruleId === 'verbose-phrase').length;
    assert.ok(count(after) < count(before), 'the report after --fix lists what is left');
    assert.deepEqual(fs.readdirSync(root).sort(), ['review.ipynb', 'support.py'], 'no temporary files left behind');
  });
});

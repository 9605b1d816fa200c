// `prompt-cost diff` lists requests (call sites) added, removed and changed beside the prompts: adding a second call
// that sends an existing constant adds one request, and the month grows by exactly that request's cost.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { buildOnce, runCli, scratch } from './cliHarness';
import { EXTRACT_PY } from './sharedPromptFixture';

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/** The fixture without its claude call (the lines from `def careful` on). */
const CHEAP_ONLY = EXTRACT_PY.slice(0, EXTRACT_PY.indexOf('def careful'));

describe('prompt-cost diff: requests', function () {
  this.timeout(60000);
  before(buildOnce);

  it('a second call sending a shared constant is one added request; the other request is unchanged', () => {
    const root = scratch({ 'app/extract.py': CHEAP_ONLY });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'base');
    fs.writeFileSync(path.join(root, 'app/extract.py'), EXTRACT_PY.replace('model="gpt-4o-mini"', 'model="gpt-4o-mini", tools=[{"type": "function", "function": {"name": "lookup", "description": "Find an invoice.", "parameters": {"type": "object", "properties": {"number": {"type": "string"}}}}}]'));
    const json = JSON.parse(runCli(['diff', '--base', 'HEAD', '--format', 'json'], root).stdout);
    assert.equal(json.base.requests, 1);
    assert.equal(json.head.requests, 2);
    const kinds = json.requestChanges.map((c: { kind: string; head?: { model: string } }) => `${c.kind} ${c.head?.model}`).sort();
    assert.deepEqual(kinds, ['added claude-sonnet-4-5', 'changed gpt-4o-mini']);
    const changed = json.requestChanges.find((c: { kind: string }) => c.kind === 'changed');
    assert.ok(changed.head.toolTokens > 0 && changed.base.toolTokens === 0, 'the tools added to the gpt-4o-mini call');
    const added = json.requestChanges.find((c: { kind: string }) => c.kind === 'added');
    const requestDelta = json.requestChanges.reduce((s: number, c: { monthlyDelta: number }) => s + c.monthlyDelta, 0);
    assert.ok(Math.abs(json.monthlyDelta - requestDelta) < 1e-4, `${json.monthlyDelta} ≠ Σ request changes ${requestDelta}`);
    assert.ok(added.monthlyDelta > 0);

    const table = runCli(['diff', '--base', 'HEAD'], root).stdout;
    assert.match(table, /^changed\s+\+\$[\d.,]+\/mo  app\/extract\.py:5  app\/extract\.py#EXTRACT  \([\d,]+ → [\d,]+ tok, sent by 1 → 2 requests\)$/m, `the constant: same text, one more request\n${table}`);
    assert.match(table, /^Requests \(call sites\):$/m);
    assert.match(table, /^added\s+\+\$[\d.,]+\/mo  app\/extract\.py:13  \(anthropic\.messages, claude-sonnet-4-5, 1 message\)$/m);
    assert.match(table, /^changed .*app\/extract\.py:7  \(input [\d,]+ → [\d,]+ tok, tools 0 → \d+ tok\)$/m);
    assert.match(table, /1 → 2 requests$/m);
    const md = runCli(['diff', '--base', 'HEAD', '--format', 'md'], root).stdout;
    assert.match(md, /### Requests \(call sites\): 1 → 2/);
    assert.match(md, /1 added, 0 removed, 1 changed\./);
  });
});

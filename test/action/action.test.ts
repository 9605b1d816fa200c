// The repository's GitHub Action (action.yml) run locally against a scratch repository, step by step as a runner
// would (actionRunner.ts): the JSON report and its outputs, SARIF for the upload step, the pull request's cost diff
// for the comment step, the cache kept for the next run, and the gate's verdict (budget, fail-on).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildOnce, ROOT } from '../cli/cliHarness';
import { copyTree } from '../cli/treeCopy';
import { runCompositeAction } from './actionRunner';

const ACTION = path.join(ROOT, 'action.yml');

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** A repository with the support app on `main` and a pull request branch that adds a prompt. */
function scratchRepository(): string {
  const repo = copyTree(path.join(ROOT, 'test', 'fixtures', 'crossfile', 'support_py'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'support app');
  git(repo, 'checkout', '-qb', 'feature');
  fs.writeFileSync(path.join(repo, 'app', 'triage.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nTRIAGE = "Sort the ticket into billing, bug or question and reply with the label only."\n\n\ndef triage(ticket: str) -> str:\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": TRIAGE}, {"role": "user", "content": ticket}]).choices[0].message.content\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'triage');
  return repo;
}

describe('GitHub Action (action.yml), its steps run locally', function () {
  this.timeout(300000);
  before(buildOnce);

  it('pull request: JSON report and outputs, SARIF, cost diff, cache, and a passing gate', () => {
    const repo = scratchRepository();
    const run = runCompositeAction(ACTION, {
      workspace: repo,
      inputs: { 'diff-comment': 'true', 'diff-base': 'main', budget: '100000' },
      github: { event_name: 'pull_request', base_ref: 'main', sha: git(repo, 'rev-parse', 'HEAD') },
    });
    const failed = run.steps.find((s) => s.status !== undefined && s.status !== 0);
    assert.ok(run.success, `${failed?.name}: ${failed?.stderr}`);
    assert.deepEqual(run.steps.filter((s) => s.skipped).map((s) => s.name), []);
    // Outputs: the JSON report's totals.
    const report = JSON.parse(fs.readFileSync(run.outputs.report.report, 'utf8'));
    assert.equal(run.outputs.report['monthly-cost'], String(report.totals.monthlyCost));
    assert.equal(run.outputs.report.prompts, String(report.totals.prompts));
    assert.ok(report.totals.prompts > 0);
    // The uses: steps get files the shell steps wrote.
    const upload = run.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(fs.readFileSync(upload.with!.sarif_file, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const comment = run.steps.find((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment'))!;
    const diff = fs.readFileSync(comment.with!.path, 'utf8');
    assert.match(diff, /app\/triage\.py/, diff);
    assert.match(diff, /gpt-4o/);
    const cacheStep = run.steps.find((s) => s.uses?.startsWith('actions/cache'))!;
    assert.equal(cacheStep.with!.path, '.promptcost-cache');
    assert.ok(fs.existsSync(path.join(repo, '.promptcost-cache')), 'the audit wrote the cache actions/cache saves');
    // The gate printed the table in the log and passed.
    const gate = run.steps[run.steps.length - 1];
    assert.equal(gate.status, 0, gate.stderr);
    assert.match(gate.stdout ?? "", /per month/);
  });

  it('the gate fails the job over budget and on findings at fail-on; a push skips the diff, sarif: false the upload', () => {
    const repo = scratchRepository();
    const overBudget = runCompositeAction(ACTION, { workspace: repo, inputs: { budget: '1', sarif: 'false', cache: 'false' }, github: { event_name: 'push', sha: 'abc' } });
    assert.equal(overBudget.success, false);
    const gate = overBudget.steps[overBudget.steps.length - 1];
    assert.equal(gate.status, 1);
    assert.match(gate.stderr ?? "", /exceeds the budget of \$1/);
    assert.deepEqual(overBudget.steps.filter((s) => s.skipped).map((s) => s.name), [
      'Restore the audit cache', 'Audit (SARIF for code scanning)', 'Upload findings to code scanning', 'Cost change of this pull request', 'Comment the cost change',
    ]);
    assert.ok(!fs.existsSync(path.join(repo, '.promptcost-cache')), 'cache: false writes no cache');

    fs.writeFileSync(path.join(repo, '.promptcost.json'), JSON.stringify({ rules: { 'verbose-phrase': 'error' } }));
    fs.writeFileSync(path.join(repo, 'app', 'extra.py'), 'from openai import OpenAI\nclient = OpenAI()\nSYSTEM = "In order to help, answer in a short way due to the fact that users read on phones."\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n');
    const findings = runCompositeAction(ACTION, { workspace: repo, inputs: { sarif: 'false' }, github: { event_name: 'push', sha: 'abc' } });
    const last = findings.steps[findings.steps.length - 1];
    assert.equal(last.status, 1, last.stderr);
    assert.match(last.stderr ?? "", /at or above --fail-on error/);
    // A usage error stops at the first audit step with exit 2.
    const usage = runCompositeAction(ACTION, { workspace: repo, inputs: { args: '--no-such-option' }, github: { event_name: 'push', sha: 'abc' } });
    const report = usage.steps.find((s) => s.name === 'Audit (JSON report)')!;
    assert.equal(report.status, 2);
    assert.equal(usage.success, false);
  });
});

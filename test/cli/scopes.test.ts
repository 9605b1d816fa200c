// Scopes through the shipped CLI on the fixture workspace test/fixtures/scopes (app code beside pytest and Vitest
// tests, a pytest conftest, a manual __mocks__ module and a sandbox manifest): test-scope prompts are marked, listed
// apart in every format and left out of totals, the budget gate and --fail-on unless --include-tests.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOnce, ROOT, runCli, scratch } from './cliHarness';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'scopes');

interface Prompt { file: string; id: string; role: string; scope: string; monthlyCost: number | null; fragmentOf?: string; findings: { severity: string }[] }
interface Report {
  totals: { prompts: number; monthlyCost: number; filesWithPrompts: number; includesTests: boolean; byModel: { prompts: number }[]; tests: { prompts: number; monthlyCost: number; filesWithPrompts: number } };
  prompts: Prompt[];
}

function audit(args: string[], cwd = FIXTURE): { status: number | null; stdout: string; stderr: string } {
  return runCli(['audit', '.', ...args], cwd);
}

function auditJson(args: string[] = [], cwd = FIXTURE): Report {
  const result = audit(['--format', 'json', ...args], cwd);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Report;
}

const sum = (prompts: Prompt[]) => Math.round(prompts.filter((p) => !p.fragmentOf).reduce((s, p) => s + (p.monthlyCost ?? 0), 0) * 1e6) / 1e6;

/** The fixture copied to a scratch folder with extra files (a config). */
function copyWith(extra: Record<string, string>): string {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(FIXTURE, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(FIXTURE);
  return scratch({ ...files, ...extra });
}

describe('scopes: test and fixture files in the CLI reports', function () {
  this.timeout(90000);
  let plain: Report;
  let withTests: Report;
  before(() => {
    buildOnce();
    plain = auditJson();
    withTests = auditJson(['--include-tests']);
  });

  it('marks every prompt "app" or "test" by its file, and lists the application prompts the editor would', () => {
    const report = plain;
    const byScope = (scope: string) => [...new Set(report.prompts.filter((p) => p.scope === scope).map((p) => p.file))].sort();
    assert.deepEqual(byScope('app'), ['app/support_agent.py', 'src/sandbox.ts', 'src/summarize.ts']);
    assert.deepEqual(byScope('test'), ['src/__tests__/summarize.spec.ts', 'tests/conftest.py', 'tests/test_support_agent.py']);
    assert.ok(report.prompts.every((p) => p.scope === 'app' || p.scope === 'test'));
    // Nothing from the mocks, the written files or the sandbox manifest (dataStrings.ts).
    assert.ok(!report.prompts.some((p) => p.file === '__mocks__/openai.ts' || p.file === 'app/export_notes.py'), JSON.stringify(report.prompts.map((p) => p.id)));
    assert.deepEqual(report.prompts.filter((p) => p.file === 'src/sandbox.ts').map((p) => p.role), ['system']);
    // Test prompts that are real requests stay (a grader prompt, a fixture's message list); their faked replies do not.
    assert.ok(!report.prompts.some((p) => p.scope === 'test' && p.role === 'assistant'));
    assert.ok(report.prompts.some((p) => p.id.endsWith('#test_grader_prompt_is_sent.grader_messages[0]')));
  });

  it('leaves test prompts out of the totals by default and reports them in totals.tests', () => {
    const report = plain;
    const app = report.prompts.filter((p) => p.scope === 'app');
    const tests = report.prompts.filter((p) => p.scope === 'test');
    assert.equal(report.totals.includesTests, false);
    assert.equal(report.totals.prompts, app.filter((p) => !p.fragmentOf).length);
    assert.equal(report.totals.monthlyCost, sum(app));
    assert.equal(report.totals.filesWithPrompts, 3);
    assert.equal(report.totals.byModel.reduce((n, m) => n + m.prompts, 0), report.totals.prompts);
    assert.equal(report.totals.tests.prompts, tests.filter((p) => !p.fragmentOf).length);
    assert.ok(report.totals.tests.prompts >= 4);
    assert.equal(report.totals.tests.monthlyCost, sum(tests));
    assert.equal(report.totals.tests.filesWithPrompts, 3);
  });

  it('--include-tests counts them: same prompts, totals = app + tests', () => {
    const without = plain;
    assert.deepEqual(withTests.prompts, without.prompts);
    assert.equal(withTests.totals.includesTests, true);
    assert.equal(withTests.totals.prompts, without.totals.prompts + without.totals.tests.prompts);
    assert.equal(withTests.totals.monthlyCost, Math.round((without.totals.monthlyCost + without.totals.tests.monthlyCost) * 1e6) / 1e6);
    assert.equal(withTests.totals.filesWithPrompts, 6);
    assert.deepEqual(withTests.totals.tests, without.totals.tests);
  });

  it('the budget gate judges the application prompts, and the tests too with --include-tests', () => {
    const report = plain;
    // A budget above the application's total but below application + tests.
    const budget = String(Math.round(report.totals.monthlyCost + report.totals.tests.monthlyCost / 2));
    assert.equal(audit(['--max-monthly-cost', budget]).status, 0);
    const over = audit(['--max-monthly-cost', budget, '--include-tests']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /exceeds the budget/);
    // The same through budgets.monthly in .promptcost.json.
    const dir = copyWith({ '.promptcost.json': JSON.stringify({ budgets: { monthly: Number(budget) } }) });
    assert.equal(audit([], dir).status, 0);
    assert.equal(audit(['--include-tests'], dir).status, 1);
  });

  it('testGlobs in .promptcost.json replaces the defaults ([] = every file in the app scope)', () => {
    const none = auditJson([], copyWith({ '.promptcost.json': JSON.stringify({ testGlobs: [] }) }));
    assert.ok(none.prompts.every((p) => p.scope === 'app'));
    assert.equal(none.totals.tests.prompts, 0);
    const onlyConftest = auditJson([], copyWith({ '.promptcost.json': JSON.stringify({ testGlobs: ['**/conftest.py'] }) }));
    assert.deepEqual([...new Set(onlyConftest.prompts.filter((p) => p.scope === 'test').map((p) => p.file))], ['tests/conftest.py']);
    const bad = audit([], copyWith({ '.promptcost.json': JSON.stringify({ testGlobs: 'tests/**' }) }));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /testGlobs: expected an array of strings/);
  });

  it('lists test prompts in their own section of the table and Markdown reports, with a CSV column and a SARIF property', () => {
    const table = audit([]).stdout;
    const split = table.indexOf('Tests and fixtures (not in the totals; --include-tests counts them):');
    assert.ok(split > 0, table);
    assert.ok(table.indexOf('tests/conftest.py') > split && table.indexOf('app/support_agent.py') < split, table);
    assert.match(table, /\nTests and fixtures: \$[\d.,]+ per month — \d+ prompts in 3 files, not included above\n/);
    assert.match(audit(['--include-tests']).stdout, /Tests and fixtures \(counted in the totals: --include-tests\):/);

    const md = audit(['--format', 'md']).stdout;
    const tests = md.indexOf('## Tests and fixtures');
    assert.ok(tests > 0, md);
    const byFile = md.slice(md.indexOf('## By file'), md.indexOf('## Most expensive'));
    assert.doesNotMatch(byFile, /conftest|test_support_agent|summarize\.spec/);
    assert.match(md.slice(tests), /`tests\/conftest\.py`/);

    const csv = audit(['--format', 'csv']).stdout.trim().split('\r\n');
    const header = csv[0].split(',');
    assert.equal(header[header.length - 1], 'scope');
    assert.ok(csv.slice(1).some((row) => row.startsWith('tests/conftest.py,') && row.endsWith(',test')));
    assert.ok(csv.slice(1).some((row) => row.startsWith('app/support_agent.py,') && row.endsWith(',app')));
  });

  it('--fail-on judges test findings only with --include-tests; SARIF still lists them with scope "test"', () => {
    const repeated = 'You are grading support answers for Acme Cloud. Give each answer a score from 1 to 5.';
    const dir = copyWith({ 'tests/test_polite.py': `GRADER_PROMPT = "${repeated} ${repeated}"\n` });
    const report = auditJson(['--fail-on', 'warning'], dir);
    const testFindings = report.prompts.filter((p) => p.scope === 'test').flatMap((p) => p.findings.filter((f) => f.severity === 'warning' || f.severity === 'error'));
    assert.ok(testFindings.length > 0, 'the fixture has a warning in a test file');
    const appWarnings = report.prompts.filter((p) => p.scope === 'app').flatMap((p) => p.findings.filter((f) => f.severity === 'warning' || f.severity === 'error'));
    assert.equal(audit(['--fail-on', 'warning'], dir).status, appWarnings.length ? 1 : 0);
    assert.equal(audit(['--fail-on', 'warning', '--include-tests'], dir).status, 1);
    const sarif = JSON.parse(audit(['--format', 'sarif'], dir).stdout);
    const results = sarif.runs[0].results as { properties: { scope: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.some((r) => r.properties.scope === 'test' && r.locations[0].physicalLocation.artifactLocation.uri === 'tests/test_polite.py'));
    assert.equal(sarif.runs[0].properties.includesTests, false);
  });
});

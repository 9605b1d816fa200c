import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildOnce, runCli, scratch } from './cliHarness';
import { CLASSIFIER_TS, notebookJson, REVIEW_NOTEBOOK_CELLS, SUPPORT_PY, TS_NOTEBOOK_CELLS } from './fixtures';

function project(extra: Record<string, string | Buffer> = {}): string {
  return scratch({
    'app/support.py': SUPPORT_PY,
    'web/classifier.ts': CLASSIFIER_TS,
    'notebooks/review replies.ipynb': notebookJson(REVIEW_NOTEBOOK_CELLS),
    'notebooks/release.ipynb': notebookJson(TS_NOTEBOOK_CELLS, 'typescript'),
    'README.md': '# demo\n',
    ...extra,
  });
}

function auditJson(cwd: string, args: string[] = []) {
  const result = runCli(['audit', '--format', 'json', ...args], cwd);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('prompt-cost audit', function () {
  this.timeout(60000);
  before(buildOnce);

  it('prints the JSON report with exactly the agreed fields, relative paths and 1-based positions', () => {
    const report = auditJson(project());
    assert.deepEqual(Object.keys(report), ['tool', 'version', 'generatedAt', 'priceData', 'totals', 'prompts', 'requests', 'skipped']);
    assert.equal(report.tool, 'prompt-cost');
    assert.match(report.priceData.source, /genai-prices/);
    const files = [...new Set(report.prompts.map((p: { file: string }) => p.file))];
    assert.deepEqual(files, ['app/support.py', 'notebooks/release.ipynb', 'notebooks/review replies.ipynb', 'web/classifier.ts']);
    const system = report.prompts.find((p: { file: string; role: string }) => p.file === 'app/support.py' && p.role === 'system');
    assert.ok(system, 'the system prompt of support.py is listed');
    for (const key of ['file', 'startLine', 'endLine', 'startColumn', 'endColumn', 'language', 'role', 'model', 'modelSource', 'inputTokens', 'tokensExact', 'outputTokens', 'costPerCall', 'callsPerDay', 'monthlyCost', 'findings']) {
      assert.ok(key in system, `prompt has ${key}`);
    }
    assert.equal(system.startLine, 5); // SYSTEM_PROMPT = """… opens on line 5
    assert.equal(system.endLine, 7);
    assert.equal(system.startColumn, 17);
    assert.equal(system.model, 'gpt-4o');
    assert.equal(system.modelSource, 'call-site');
    assert.ok(Math.abs(system.monthlyCost - system.costPerCall * system.callsPerDay * 30) < 1e-9);
    const verbose = system.findings.find((f: { ruleId: string }) => f.ruleId === 'verbose-phrase');
    assert.ok(verbose, 'the "in order to" finding is reported');
    assert.equal(verbose.startLine, 6);
    assert.ok(verbose.savingsTokens > 0 && verbose.savingsMonthly > 0);
    const sum = report.prompts.reduce((s: number, p: { monthlyCost: number | null }) => s + (p.monthlyCost ?? 0), 0);
    assert.ok(Math.abs(report.totals.monthlyCost - sum) < 1e-5);
    assert.equal(report.totals.prompts, report.prompts.length);
  });

  it('marks a text inserted into a larger prompt with fragmentOf and counts its cost only once', () => {
    const bot = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'RULES = "Answer in English and cite the order number of the customer."',
      'SYSTEM = f"You are a support bot for Acme. {RULES}"',
      'def reply(question):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}])',
      '',
    ].join('\n');
    const dir = scratch({ 'app/support.py': SUPPORT_PY, 'app/bot.py': bot });
    const report = auditJson(dir);
    const rules = report.prompts.find((p: { id: string }) => p.id.endsWith('#RULES'));
    const system = report.prompts.find((p: { id: string }) => p.id.endsWith('#SYSTEM'));
    assert.ok(rules && system, 'both texts are listed');
    assert.equal(rules.fragmentOf, system.id);
    assert.equal(system.fragmentOf, undefined);
    assert.ok(rules.monthlyCost > 0, 'the fragment keeps its fields');
    const counted = report.prompts.filter((p: { fragmentOf?: string }) => !p.fragmentOf);
    const sum = counted.reduce((s: number, p: { monthlyCost: number | null }) => s + (p.monthlyCost ?? 0), 0);
    assert.ok(Math.abs(report.totals.monthlyCost - sum) < 1e-5, `total ${report.totals.monthlyCost} ≠ ${sum}`);
    assert.equal(report.totals.prompts, counted.length);
    assert.equal(report.totals.prompts, report.prompts.length - 1);
    // The fragment is counted apart: prompts + fragments = every record (no test-scope files here).
    assert.equal(report.totals.fragments, 1);
    const mini = report.totals.byModel.find((m: { model: string }) => m.model === 'gpt-4o-mini');
    assert.deepEqual(mini.prompts, 1);
    assert.ok(Math.abs(mini.monthlyCost - system.monthlyCost) < 1e-5);
    assert.match(runCli(['audit', '--format', 'table'], dir).stdout, /in SYSTEM/, 'the table says where the fragment is counted');
  });

  it('reports notebook prompts with their cell, the line in the cell and the concatenated start line', () => {
    const report = auditJson(project());
    const review = report.prompts.filter((p: { file: string }) => p.file === 'notebooks/review replies.ipynb');
    const prompt = review.find((p: { role: string }) => p.role === 'system');
    assert.ok(prompt, 'the prompt bound in cell 2 and sent in cell 3 is found');
    assert.equal(prompt.cell, 2); // index in the cells array, the markdown cell counted
    assert.equal(prompt.cellLine, 1);
    assert.equal(prompt.startLine, 4); // cell 1 has 3 lines, so cell 2 starts on concatenated line 4
    assert.equal(prompt.model, 'gpt-4o-mini');
    assert.ok(!review.some((p: { startLine: number }) => p.startLine > 20), 'nothing from outputs');
    const ts = report.prompts.find((p: { file: string }) => p.file === 'notebooks/release.ipynb');
    assert.ok(ts, 'the TypeScript-kernel notebook is analysed');
    assert.equal(ts.language, 'typescript');
    assert.equal(ts.cell, 1);
    assert.equal(ts.cellLine, 1);
    assert.equal(ts.startLine, 3);
  });

  it('audits a folder given as the only path from its parent: its .promptcost.json and paths relative to it', () => {
    const parent = scratch({ 'app/support.py': SUPPORT_PY, 'app/.promptcost.json': '{ "volumes": { "default": "7/day" } }' });
    const fromParent = auditJson(parent, ['app']);
    const inside = auditJson(path.join(parent, 'app'));
    assert.deepEqual(fromParent.prompts.map((p: { file: string }) => p.file), inside.prompts.map((p: { file: string }) => p.file));
    assert.ok(fromParent.prompts.every((p: { file: string; callsPerDay: number }) => p.file === 'support.py' && p.callsPerDay === 7));
    assert.equal(fromParent.totals.monthlyCost, inside.totals.monthlyCost);
  });

  it('writes every format; output is sorted and stable between runs', () => {
    const root = project();
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/g, '');
    const first = runCli(['audit', '--format', 'json'], root);
    assert.equal(strip(first.stdout), strip(runCli(['audit', '--format', 'json'], root).stdout), 'JSON output is stable');
    assert.equal(strip(first.stdout), strip(runCli(['audit', '--format', 'json', '--threads', '2'], root).stdout), 'worker threads change nothing');
    const table = runCli(['audit'], root).stdout;
    assert.match(table, /^app\/support\.py$/m);
    assert.match(table, /per month — \d+ prompts in 4 of 4 files/);
    assert.doesNotMatch(table, /\u001b\[/, 'no colour off a TTY');
    const md = runCli(['audit', '--format', 'md'], root).stdout;
    for (const heading of ['# Prompt cost audit', '## By model', '## By file', '## Most expensive prompts', '## Findings']) assert.ok(md.includes(heading), heading);
    const csv = runCli(['audit', '--format', 'csv'], root).stdout.trimEnd().split('\r\n');
    assert.equal(csv[0].split(',')[0], 'file');
    assert.equal(csv.length - 1, auditJson(root).prompts.length);
    assert.ok(csv.some((row) => row.startsWith('"notebooks/review replies.ipynb"') || row.startsWith('notebooks/review replies.ipynb')));
  });

  it('writes the report to --out and nothing to standard output', () => {
    const root = project();
    const result = runCli(['audit', '--format', 'sarif', '--out', 'report.sarif'], root);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'report.sarif'), 'utf8')).version, '2.1.0');
  });

  it('exits 1 on findings at or above --fail-on, 0 below it', () => {
    const root = project({ '.promptcost.json': JSON.stringify({ rules: { 'verbose-phrase': 'warning' } }) });
    assert.equal(runCli(['audit'], root).status, 0, 'warnings do not fail the default --fail-on error');
    const failing = runCli(['audit', '--fail-on', 'warning'], root);
    assert.equal(failing.status, 1);
    assert.match(failing.stderr, /at or above --fail-on warning/);
    const asError = project({ '.promptcost.json': JSON.stringify({ rules: { 'verbose-phrase': 'error' } }) });
    assert.equal(runCli(['audit'], asError).status, 1);
  });

  it('exits 1 when the monthly cost exceeds --max-monthly-cost or the config budget', () => {
    const root = project();
    const total = auditJson(root).totals.monthlyCost;
    assert.equal(runCli(['audit', '--max-monthly-cost', String(total * 2)], root).status, 0);
    const over = runCli(['audit', '--max-monthly-cost', String(total / 2)], root);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /exceeds the budget/);
    const budgeted = project({ '.promptcost.json': JSON.stringify({ budgets: { monthly: total / 2 } }) });
    assert.equal(runCli(['audit'], budgeted).status, 1);
    const noBudget = project({ '.promptcost.json': JSON.stringify({ budgets: { monthly: 0 } }) });
    assert.equal(runCli(['audit'], noBudget).status, 0, 'budgets.monthly 0 means no budget, as in the editor');
  });

  it('--model and --calls change the defaults like the settings do', () => {
    const root = scratch({ 'p.py': 'SYSTEM_PROMPT = "You are a helpful assistant that answers questions about invoices."\n' });
    const base = auditJson(root).prompts[0];
    const changed = auditJson(root, ['--model', 'gpt-4o-mini', '--calls', '5000']).prompts[0];
    assert.equal(changed.model, 'gpt-4o-mini');
    assert.equal(changed.callsPerDay, 5000);
    assert.notEqual(changed.costPerCall, base.costPerCall);
  });

  it('exits 2 with file, line and field for a malformed config file', () => {
    const root = project({ '.promptcost.json': '{\n  "defaultModel": "gpt-4o",\n  "budgets": { "monthly": "lots" }\n}\n' });
    const result = runCli(['audit'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.promptcost\.json:3:\d+: .*budgets\.monthly/);
    const syntax = project({ 'cfg.json': '{ "defaultModel": "gpt-4o", }}' });
    const bad = runCli(['audit', '--config', 'cfg.json'], syntax);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /cfg\.json:1:\d+: JSON syntax error/);
    const missing = runCli(['audit', '--config', 'nope.json'], root);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json:1:1: cannot read the config file/);
  });

  it('exits 2 on usage errors', () => {
    const root = project();
    assert.equal(runCli(['audit', '--format', 'xml'], root).status, 2);
    assert.match(runCli(['audit', '--format', 'xml'], root).stderr, /--format: "xml" is not one of table, json, md, csv, sarif/);
    assert.equal(runCli(['audit', '--bogus'], root).status, 2);
    assert.equal(runCli(['audit', '--calls', '-3'], root).status, 2);
    assert.equal(runCli(['frobnicate'], root).status, 2);
    assert.equal(runCli([], root).status, 2);
    assert.equal(runCli(['--help'], root).status, 0);
    assert.match(runCli(['audit', '--help'], root).stdout, /--fail-on warning\|error/);
    assert.match(runCli(['--version'], root).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('skips bad input with a reason and never crashes', () => {
    const root = project({
      'big.py': 'SYSTEM_PROMPT = "x"\n' + '#'.repeat(2_100_000),
      'blob.py': Buffer.from([0x53, 0x59, 0x00, 0x01, 0x02]),
      'latin1.py': Buffer.from('PROMPT = "caf\xe9"\n', 'latin1'),
      'broken.ipynb': notebookJson(REVIEW_NOTEBOOK_CELLS).slice(0, 300),
      'nbformat3.ipynb': JSON.stringify({ worksheets: [], nbformat: 3, cells: [] }),
      'ünïcødé dir/提示 prompt.py': 'SYSTEM_PROMPT = "You are a terse assistant that answers billing questions for Acme Cloud."\n',
    });
    fs.symlinkSync(path.join(root, 'app'), path.join(root, 'app', 'again'));
    const report = auditJson(root);
    const reasons: Record<string, string> = Object.fromEntries(report.skipped.map((s: { file: string; reason: string }) => [s.file, s.reason]));
    assert.match(reasons['big.py'], /over the size limit/);
    assert.match(reasons['blob.py'], /binary/);
    assert.match(reasons['latin1.py'], /not valid UTF-8/);
    assert.match(reasons['broken.ipynb'], /invalid notebook JSON.*truncated/);
    assert.match(reasons['nbformat3.ipynb'], /nbformat 3/);
    assert.match(reasons['app/again'], /symlink loop/);
    assert.ok(report.prompts.some((p: { file: string }) => p.file === 'ünïcødé dir/提示 prompt.py'), 'unicode and spaces in paths work');
    assert.deepEqual(report.skipped.map((s: { file: string }) => s.file), [...report.skipped.map((s: { file: string }) => s.file)].sort());
  });

  it('reads a notebook with 100 MB of outputs without analysing them', function () {
    const image = 'A'.repeat(100 * 1024 * 1024);
    const cells = [...REVIEW_NOTEBOOK_CELLS.slice(0, 3), { ...REVIEW_NOTEBOOK_CELLS[3], outputs: [{ output_type: 'display_data', data: { 'image/png': image, 'text/plain': ['SYSTEM_PROMPT = "decoy"'] }, metadata: {} }] }];
    const root = scratch({ 'huge.ipynb': notebookJson(cells) });
    const report = auditJson(root);
    assert.equal(report.skipped.length, 0, JSON.stringify(report.skipped));
    assert.equal(report.prompts.filter((p: { role: string }) => p.role === 'system').length, 1);
  });
});

describe('prompt-cost audit: .promptcost.json entries that match no prompt', function () {
  this.timeout(60000);
  before(buildOnce);

  it('warns on stderr about a prompt key of a file with prompts that matches none of them, and only about that', () => {
    const cwd = project();
    const ids: string[] = auditJson(cwd).prompts.map((p: { id: string }) => p.id);
    const used = ids.find((id) => id.startsWith('app/support.py#'))!;
    fs.writeFileSync(path.join(cwd, '.promptcost.json'), JSON.stringify({
      volumes: { prompts: { [used]: '200/day', 'app/support.py#OLD_PROMPT_NAME': '10/day', 'app/gone.py#X': 5 } },
      budgets: { prompts: { 'web/classifier.ts#renamed': 3 } },
    }));
    const result = runCli(['audit', '--format', 'json'], cwd);
    assert.equal(result.status, 0, result.stderr);
    const warnings = result.stderr.split('\n').filter((l) => l.startsWith('Warning:'));
    assert.deepEqual(warnings, [
      'Warning: .promptcost.json volumes.prompts["app/support.py#OLD_PROMPT_NAME"] matches no prompt of that file (ids are listed by --format json; see CHANGELOG.md if they changed).',
      'Warning: .promptcost.json budgets.prompts["web/classifier.ts#renamed"] matches no prompt of that file (ids are listed by --format json; see CHANGELOG.md if they changed).',
    ], 'the used key and the key of a file without prompts are not reported');
    const volume = JSON.parse(result.stdout).prompts.find((p: { id: string }) => p.id === used).callsPerDay;
    assert.equal(volume, 200, 'the matching key still applies');
  });
});

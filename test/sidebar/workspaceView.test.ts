import { strict as assert } from 'assert';
import type { AuditPrompt, AuditReport } from '../../server/src/engine/audit/types';
import { buildAuditReport } from '../../server/src/engine/report/auditReport';
import { buildWorkspaceView } from '../../server/src/engine/views/workspaceView';

function auditPrompt(file: string, line: number, model: string, monthlyCost: number | null, tokens = 500): AuditPrompt {
  return {
    id: `${file}#p${line}`, file, startLine: line, endLine: line, startColumn: 5, endColumn: 40, language: 'python', role: 'system',
    model, modelSource: 'call-site', inputTokens: tokens, tokensExact: true, outputTokens: 250,
    costPerCall: monthlyCost === null ? null : monthlyCost / 30000, callsPerDay: 1000, monthlyCost, findings: [], scope: 'app',
  };
}

function report(prompts: AuditPrompt[]): AuditReport {
  const priced = prompts.filter((p) => p.monthlyCost !== null);
  const byModel = new Map<string, { model: string; prompts: number; monthlyCost: number }>();
  for (const p of priced) {
    const m = byModel.get(p.model) ?? { model: p.model, prompts: 0, monthlyCost: 0 };
    m.prompts++;
    m.monthlyCost += p.monthlyCost!;
    byModel.set(p.model, m);
  }
  return {
    tool: 'prompt-cost', version: '0.1.0', generatedAt: '2026-11-23T05:00:00.000Z',
    priceData: { source: '@pydantic/genai-prices 0.1.8', date: '2026-10-01' },
    totals: {
      files: 6, filesWithPrompts: new Set(prompts.map((p) => p.file)).size, prompts: prompts.length,
      monthlyCost: priced.reduce((s, p) => s + p.monthlyCost!, 0), unpricedPrompts: prompts.length - priced.length,
      findings: { error: 0, warning: 3, information: 2, hint: 1 }, savingsMonthly: 12.5, byModel: [...byModel.values()],
      includesTests: false, tests: { filesWithPrompts: 0, prompts: 0, monthlyCost: 0, unpricedPrompts: 0, findings: { error: 0, warning: 0, information: 0, hint: 0 } },
    },
    prompts,
    skipped: [{ file: 'huge.py', reason: 'too large' }],
  };
}

describe('sidebar view model: workspace audit', () => {
  // Files: app.py = 120 + 30 = 150; agents/triage.ts = 200 + (unpriced); batch.py = 50. Total 400.
  const prompts = [
    auditPrompt('app.py', 10, 'gpt-4o', 120),
    auditPrompt('app.py', 40, 'gpt-4o-mini', 30),
    auditPrompt('agents/triage.ts', 3, 'claude-sonnet-4', 200),
    auditPrompt('agents/triage.ts', 9, 'in-house', null),
    auditPrompt('batch.py', 1, 'gpt-4o', 50),
  ];

  it('aggregates cost by file with bar lengths relative to the dearest file', () => {
    const view = buildWorkspaceView(report(prompts));
    assert.deepEqual(view.byFile.map((f) => [f.file, f.monthlyCost, f.prompts, f.unpricedPrompts]), [
      ['agents/triage.ts', 200, 2, 1],
      ['app.py', 150, 2, 0],
      ['batch.py', 50, 1, 0],
    ]);
    assert.deepEqual(view.byFile.map((f) => f.barPercent), [100, 75, 25]);
    assert.deepEqual(view.byFile.map((f) => f.text.share), ['50%', '38%', '13%']);
    assert.equal(view.totals.text.monthlyCost, '$400');
    assert.equal(view.totals.findings, 6);
    assert.equal(view.skippedFiles, 1);
  });

  it('leaves a fragment (a text counted inside another prompt) out of the by-file sums and the most expensive list', () => {
    const fragment = { ...auditPrompt('app.py', 5, 'gpt-4o', 999), id: 'app.py#RULES', fragmentOf: 'app.py#p10' };
    const view = buildWorkspaceView(report([...prompts, fragment]));
    const app = view.byFile.find((f) => f.file === 'app.py')!;
    assert.deepEqual([app.monthlyCost, app.prompts], [150, 2]);
    assert.ok(!view.topPrompts.some((p) => p.promptId === 'app.py#RULES'), 'the fragment is not listed as a dear prompt');
  });

  it('orders models by cost with their share', () => {
    const view = buildWorkspaceView(report(prompts));
    assert.deepEqual(view.byModel.map((m) => [m.model, m.monthlyCost, m.text.share]), [
      ['claude-sonnet-4', 200, '50%'],
      ['gpt-4o', 170, '43%'],
      ['gpt-4o-mini', 30, '7.5%'],
    ]);
  });

  it('lists the ten most expensive priced prompts, dearest first', () => {
    const many = Array.from({ length: 14 }, (_, i) => auditPrompt(`f${i}.py`, i + 1, 'gpt-4o', (i + 1) * 10));
    const view = buildWorkspaceView(report([...many, auditPrompt('x.py', 1, 'in-house', null)]));
    assert.equal(view.topPrompts.length, 10);
    assert.deepEqual(view.topPrompts.slice(0, 3).map((p) => p.monthlyCost), [140, 130, 120]);
    assert.equal(view.topPrompts[9].monthlyCost, 50);
    assert.equal(view.topPrompts[0].text.costPerCall, '$0.0047', '140 / 30,000');
    assert.ok(view.topPrompts.every((p) => p.model !== 'in-house'));
  });

  it('reports the budget status', () => {
    assert.equal(buildWorkspaceView(report(prompts)).budget.status, 'none');
    assert.deepEqual(
      [300, 450, 1000].map((b) => buildWorkspaceView(report(prompts), b).budget.status),
      ['over', 'near', 'within'], '400 of 300 = 133%; of 450 = 89%; of 1,000 = 40%',
    );
    assert.equal(buildWorkspaceView(report(prompts), 450).budget.text, 'Near budget: $400 of $450 per month (89%).');
    assert.equal(
      buildWorkspaceView(report(prompts), 300, '.promptcost.json budgets.monthly').budget.text,
      'Over budget: $400 of $300 per month (133%). Budget from .promptcost.json budgets.monthly.',
    );
  });

  it('an unpriced file or model reads "unpriced", not $0 and 0%', () => {
    const prompts = [auditPrompt('app.py', 3, 'gpt-4o', 90), auditPrompt('azure.py', 5, 'prod-deployment', null), auditPrompt('azure.py', 9, 'prod-deployment', null)];
    const view = buildWorkspaceView(buildAuditReport({ prompts, skipped: [], files: 2 }, { version: '0.1.0', priceData: { source: 'test', date: '2026-10-01' } }));
    const azure = view.byFile.find((f) => f.file === 'azure.py')!;
    assert.deepEqual(azure.text, { monthlyCost: 'unpriced', share: '—' });
    const model = view.byModel.find((m) => m.model === 'prod-deployment')!;
    assert.deepEqual(model.text, { monthlyCost: 'unpriced', share: '—' });
    assert.equal(view.byModel.find((m) => m.model === 'gpt-4o')!.text.monthlyCost, '$90');
  });

  it('test and fixture files: their own rows, outside the totals, chart, tables and budget unless included', () => {
    const testPrompt = (file: string, line: number, cost: number): AuditPrompt => ({ ...auditPrompt(file, line, 'gpt-4o', cost), scope: 'test' });
    const all = [...prompts.filter((p) => p.monthlyCost !== null), testPrompt('tests/test_app.py', 4, 600), testPrompt('tests/conftest.py', 9, 300)];
    const meta = { version: '0.1.0', priceData: { source: 'test', date: '2026-10-01' } };
    const view = buildWorkspaceView(buildAuditReport({ prompts: all, skipped: [], files: 6 }, meta), 500);
    assert.equal(view.totals.monthlyCost, 400);
    assert.equal(view.totals.prompts, 4);
    assert.equal(view.budget.status, 'near', '400 of 500: the tests\' $900 would put it over');
    assert.ok(!view.byFile.some((f) => f.file.startsWith('tests/')));
    assert.ok(!view.topPrompts.some((p) => p.file.startsWith('tests/')));
    assert.equal(view.byModel.find((m) => m.model === 'gpt-4o')!.monthlyCost, 170);
    assert.deepEqual(view.tests.byFile.map((f) => [f.file, f.monthlyCost, f.text.share]), [['tests/test_app.py', 600, '67%'], ['tests/conftest.py', 300, '33%']]);
    assert.equal(view.tests.included, false);
    assert.equal(view.tests.text.summary, '2 prompts in 2 test or fixture files, $900/month at the same volumes: not counted in the totals or the budget (setting promptCost.includeTests counts them).');

    const included = buildWorkspaceView(buildAuditReport({ prompts: all, skipped: [], files: 6 }, { ...meta, includeTests: true }), 500);
    assert.equal(included.totals.monthlyCost, 1300);
    assert.equal(included.budget.status, 'over');
    assert.equal(included.topPrompts[0].file, 'tests/test_app.py');
    assert.equal(included.tests.included, true);
    assert.match(included.tests.text.summary, /counted in the totals above/);
  });
});

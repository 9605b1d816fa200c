import { strict as assert } from 'assert';
import { defaultSettings, readSettings } from '../../server/src/engine/config/settings';
import { emptyWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { checkBudgets, workspaceBudgetStatus } from '../../server/src/engine/cost/budgets';
import { priceFindings } from '../../server/src/engine/cost/findings';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { prompt, text } from './fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const TEXT = 'You are a meticulous analyst. Summarise the quarterly report in five bullet points. '.repeat(10);

describe('budgets', () => {
  const p = prompt([text(TEXT)], { annotation: { callsPerDay: 50_000 } });
  const config = { ...emptyWorkspaceConfig(), budgets: { monthly: 100, prompts: { 'app/chat.py#SYSTEM_PROMPT': 20 } } };
  const ctx: CostContext = { settings: defaultSettings(), workspaceConfig: config, now: NOW };
  const cost = pricePrompt(p, ctx);

  it('a prompt over its budget is a budget-exceeded warning with the figures', () => {
    assert.ok(cost.costPerMonth! > 100);
    const findings = checkBudgets([{ prompt: p, cost, relativePath: 'app/chat.py' }], ctx);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'budget-exceeded');
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /over its budget of \$20\.00/);
    assert.deepEqual(findings[0].span, p.span);
  });

  it('workspace budget: config first, then the setting; the CLI gate reads `exceeded`', () => {
    const status = workspaceBudgetStatus([cost], ctx);
    assert.equal(status.limit, 100);
    assert.equal(status.exceeded, true);
    const viaSetting = workspaceBudgetStatus([cost], { settings: readSettings({ monthlyBudget: 1e9 }).settings });
    assert.equal(viaSetting.source, 'setting promptCost.monthlyBudget');
    assert.equal(viaSetting.exceeded, false);
    assert.equal(workspaceBudgetStatus([cost], { settings: defaultSettings() }).limit, undefined);
    const withWorkspace = checkBudgets([{ prompt: p, cost, relativePath: 'app/chat.py' }], ctx, { workspace: true });
    assert.equal(withWorkspace.length, 2);
    assert.match(withWorkspace[1].message, /exceeds the workspace budget of \$100\.00/);
  });

  it('unpriced prompts are counted, not added as $0', () => {
    const unknown = pricePrompt(prompt([text(TEXT)], { annotation: { model: 'acme-9000' } }), ctx);
    const status = workspaceBudgetStatus([cost, unknown], ctx);
    assert.equal(status.unpricedPrompts, 1);
    assert.equal(status.monthlyCost, cost.costPerMonth);
  });

  it("rules: { 'budget-exceeded': 'off' } silences it", () => {
    const off = { ...ctx, workspaceConfig: { ...config, rules: { 'budget-exceeded': 'off' as const } } };
    assert.deepEqual(checkBudgets([{ prompt: p, cost, relativePath: 'app/chat.py' }], off, { workspace: true }), []);
  });
});

describe('price findings', () => {
  const ctx: CostContext = { settings: defaultSettings(), now: NOW };
  it('an unknown model: "no price for model X — add it under `models` in .promptcost.json"', () => {
    const p = prompt([text(TEXT)], { model: { name: 'acme-9000', source: 'call-site', span: { start: 5, end: 16 }, literal: true } });
    const findings = priceFindings(p, pricePrompt(p, ctx), ctx);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'unknown-model');
    assert.match(findings[0].message, /^No price for model acme-9000 .* add it under `models` in \.promptcost\.json/);
    assert.deepEqual(findings[0].span, { start: 5, end: 16 });
  });
  it('a priced model has no finding', () => {
    const p = prompt([text(TEXT)]);
    assert.deepEqual(priceFindings(p, pricePrompt(p, ctx), ctx), []);
  });
});

// The audit response names the workspace budget that applies, so the sidebar shows the same limit as the CLI's
// budget gate: a folder's .promptcost.json `budgets.monthly` wins over the setting promptCost.monthlyBudget.
import { strict as assert } from 'assert';
import { LspSession } from './lspHarness';
import { SUPPORT_PY } from '../cli/fixtures';

describe('promptCost/audit: the workspace budget in the response', function () {
  this.timeout(60000);
  const sessions: LspSession[] = [];
  after(async () => {
    for (const s of sessions) await s.shutdown().catch(() => s.process.kill());
  });

  async function auditWith(settings: Record<string, unknown>, files: Record<string, string>) {
    const session = await LspSession.start({ settings, files: { 'app/support.py': SUPPORT_PY, ...files } });
    sessions.push(session);
    return session.request('promptCost/audit', {});
  }

  it("takes .promptcost.json budgets.monthly over the setting", async () => {
    const result = await auditWith({ monthlyBudget: 1000 }, { '.promptcost.json': JSON.stringify({ budgets: { monthly: 5 } }) });
    assert.deepEqual(result.budget, { limit: 5, source: '.promptcost.json budgets.monthly' });
  });

  it('falls back to the setting, and sends none when neither is set', async () => {
    assert.deepEqual((await auditWith({ monthlyBudget: 50 }, {})).budget, { limit: 50, source: 'setting promptCost.monthlyBudget' });
    assert.equal((await auditWith({}, {})).budget, undefined);
  });
});

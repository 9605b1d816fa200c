// The sidebar's model switch on an o3 agent call (issue 15): each model is priced on the same request, so a reasoning
// model bills its hidden reasoning as output and a model that does not reason bills none — not just another input
// price. The row says how much reasoning it counts.
import { strict as assert } from 'assert';
import { analyzeDocument, repricingContext } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { rankAlternatives } from '../../server/src/engine/cost/alternatives';
import { buildModelSwitchView } from '../../server/src/engine/views/modelSwitchView';
import { AGENT_PY } from './requestFixtures';
import { resolveModel } from '../../server/src/engine/pricing/catalog';

describe('model switch on a reasoning request', () => {
  it('prices reasoning output on reasoning models and none on the others', async () => {
    const settings = defaultSettings();
    const analysis = await analyzeDocument({ uri: 'file:///w/app/agent.py', fileName: 'app/agent.py', languageId: 'python', text: AGENT_PY }, { settings, relativePath: 'app/agent.py' });
    const system = analysis.prompts.find((p) => p.prompt.role === 'system' && p.cost.model.id === 'o3')!;
    assert.ok(system, 'the system message of the o3 call');
    const ctx = repricingContext(analysis, system.prompt, { settings, relativePath: 'app/agent.py' });
    const view = buildModelSwitchView(system.prompt, system.cost, rankAlternatives(system.prompt, system.cost, ctx, { order: 'tiers' }));
    const row = (id: string) => view.rows.find((r) => r.modelId === id);

    const current = view.rows[0];
    assert.equal(current.modelId, 'o3');
    assert.equal(current.reasoningTokens, 3000);
    assert.equal(current.text.reasoning, '+≈3,000 reasoning');

    const gpt5mini = row('gpt-5-mini');
    assert.ok(gpt5mini, view.rows.map((r) => r.modelId).join(', '));
    assert.equal(gpt5mini.reasoningTokens, 3000, 'gpt-5-mini reasons at its default effort (medium)');
    const price = resolveModel('gpt-5-mini', 'call-site').price!;
    const expected = (gpt5mini.inputTokens * price.inputPerMillion + (250 + 3000) * price.outputPerMillion) / 1e6;
    assert.ok(Math.abs(gpt5mini.costPerCall! - expected) < 1e-9, `${gpt5mini.costPerCall} ≠ ${expected}`);

    const mini = row('gpt-4o-mini') ?? row('gpt-4.1-mini');
    assert.ok(mini, 'a model that does not reason is offered too');
    assert.equal(mini.reasoningTokens, undefined);
    assert.equal(mini.text.reasoning, '');
    // Reasoning is most of an o3 call: a non-reasoning model's saving is far more than its input price alone gives.
    assert.ok(mini.monthlySaving! > 0);
  });
});

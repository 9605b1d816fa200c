// promptCost/fileAnalysis and promptCost/alternatives against the real server (dist/server.js over stdio), then the
// sidebar's view models and the "Use this model" edit on what it returns — the whole data path minus VS Code.
import { strict as assert } from 'assert';
import { LspSession } from '../protocol/lspHarness';
import type { AlternativesResult, FileAnalysisResult } from '../../server/src/shared/protocol';
import { buildCacheView } from '../../server/src/engine/views/cacheView';
import { buildFileView } from '../../server/src/engine/views/fileView';
import { modelRewriteEdit } from '../../server/src/engine/views/modelRewrite';
import { buildModelSwitchView } from '../../server/src/engine/views/modelSwitchView';
import { applySourceEditsForTest } from './applyEdits';

const SOURCE = `from openai import OpenAI

client = OpenAI()

def summarise(ticket: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o",
        temperature=0,
        messages=[
            {"role": "system", "content": "You are a support assistant for Acme Corp. Summarise the customer's ticket in two sentences and list any order numbers."},
            {"role": "user", "content": f"Ticket: {ticket}"},
        ],
    )
    return reply.choices[0].message.content
`;

describe('sidebar custom requests (real server)', function () {
  this.timeout(60000);
  let session: LspSession;
  let uri: string;

  before(async () => {
    session = await LspSession.start({ settings: { defaultCallsPerDay: 1000 } });
    uri = session.open('support.py', 'python', SOURCE);
    await session.diagnosticsFor(uri);
  });
  after(async () => session?.shutdown());

  it('returns the file analysis, and the alternatives and cache advice of one prompt', async () => {
    const analysis = await session.request<FileAnalysisResult>('promptCost/fileAnalysis', { uri });
    assert.ok(analysis && analysis.prompts.length >= 1, 'the system prompt is found');
    const system = analysis.prompts.find((p) => p.prompt.role === 'system')!;
    assert.equal(system.cost.model.id, 'gpt-4o');

    const file = buildFileView(analysis, SOURCE);
    const row = file.rows.find((r) => r.promptId === system.prompt.id)!;
    assert.equal(row.line, 10, 'the system message is on line 10');

    const result = await session.request<AlternativesResult>('promptCost/alternatives', { uri, promptId: system.prompt.id, limit: 20 });
    assert.ok(result);
    assert.equal(result.alternatives[0].current, true, 'tiers order starts with the current model');
    assert.ok(result.alternatives.length <= 21);
    const view = buildModelSwitchView(system.prompt, result.current, result.alternatives);
    assert.equal(view.rows[0].modelId, 'gpt-4o');
    const groups = view.rows.map((r) => r.group);
    assert.ok(groups.indexOf('same-provider') < groups.indexOf('other-provider'), `same provider first: ${groups.join(',')}`);
    const cheaper = view.rows.find((r) => r.group === 'same-provider' && (r.monthlySaving ?? 0) > 0);
    assert.ok(cheaper, 'a cheaper OpenAI tier exists');
    assert.ok(Math.abs(cheaper.monthlySaving! - (result.current.costPerMonth! - cheaper.costPerMonth!)) < 1e-9);
    assert.deepEqual(view.rewrite, { possible: true });

    const cache = buildCacheView(result.cache, result.current);
    assert.equal(cache.verdict, 'too-short', 'a ~40-token prompt is far below OpenAI\'s 1,024-token minimum');
    assert.match(cache.headline, /short of openai's 1,024-token minimum/);

    // "Use this model" on the detector's real span rewrites only the model literal.
    const rewrite = modelRewriteEdit(SOURCE, system.prompt.model, { id: cheaper.modelId, provider: cheaper.provider }, 'openai');
    assert.ok('edit' in rewrite, 'error' in rewrite ? rewrite.error : '');
    assert.equal(applySourceEditsForTest(SOURCE, [rewrite.edit]), SOURCE.replace('model="gpt-4o"', `model="${cheaper.modelId}"`));
  });

  it('answers null for an unknown prompt and an error for bad parameters', async () => {
    assert.equal(await session.request('promptCost/alternatives', { uri, promptId: 'nope#x' }), null);
    await assert.rejects(session.request('promptCost/alternatives', { uri: 42 }), /needs \{ uri: string, promptId: string \}/);
  });
});

// Requests shown in the editor (issue 15): the sidebar's "Requests in this file" rows and the status bar's tooltip,
// both built from the document's analysis — per call site its model, tools, output, reasoning, batch and cache flags,
// with a text several calls send counted in each of them.
import { strict as assert } from 'assert';
import Module from 'module';
import { analyzeDocument } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { requestRows } from '../../server/src/engine/views/requestRows';
import { buildFileView } from '../../server/src/engine/views/fileView';
import { analysisSummary } from '../../server/src/lsp/analysisNotifications';
import { formatUsd } from '../../server/src/engine/views/format';
import { EXTRACT_PY } from '../cli/sharedPromptFixture';
import { AGENT_PY } from './requestFixtures';

type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleLoader = Module as unknown as { _load: Loader };
const originalLoad = moduleLoader._load;
moduleLoader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return { EventEmitter: class { event = () => ({ dispose() {} }); fire() {} } };
  return originalLoad.call(this, request, ...rest);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { statusBarView } = require('../../client/src/statusBar') as typeof import('../../client/src/statusBar');
moduleLoader._load = originalLoad;



async function analyze(text: string, file: string) {
  return analyzeDocument({ uri: `file:///w/${file}`, fileName: file, languageId: 'python', text }, { settings: defaultSettings(), relativePath: file });
}

describe('requests in the sidebar and the status bar', () => {
  it('one row per call site: model, tools, output, reasoning, batch flag; sums of its messages', async () => {
    const analysis = await analyze(AGENT_PY, 'app/agent.py');
    const rows = requestRows(analysis);
    assert.equal(rows.length, 2);
    const agent = rows.find((r) => r.modelId === 'o3')!;
    assert.ok(agent, JSON.stringify(rows.map((r) => r.modelId)));
    assert.equal(agent.line, 7);
    assert.equal(agent.sink, 'openai.chat.completions');
    assert.equal(agent.promptIds.length, 2);
    const messages = analysis.prompts.filter((p) => agent.promptIds.includes(p.prompt.id));
    assert.equal(agent.inputTokens, messages.reduce((s, p) => s + p.cost.tokens.input, 0));
    assert.ok(agent.toolTokens > 0);
    assert.equal(agent.reasoningTokens, 3000, 'o3 at its default effort');
    assert.equal(agent.text.reasoning, '≈3,000');
    assert.equal(agent.outputTokens, 250);
    assert.equal(agent.batch, false);
    assert.ok(Math.abs(agent.costPerMonth! - messages.reduce((s, p) => s + p.cost.costPerMonth!, 0)) < 1e-9);
    const batch = rows.find((r) => r.batch)!;
    assert.equal(batch.modelId, 'claude-haiku-4-5');
    assert.equal(batch.text.flags, 'batch 50%');
    assert.equal(batch.text.tools, '—');
    // Most expensive first.
    assert.ok((rows[0].costPerMonth ?? 0) >= (rows[1].costPerMonth ?? 0));
    assert.deepEqual(buildFileView(analysis, AGENT_PY).requests, rows);
  });

  it('a text two calls send is in both requests; its file row carries the sum and the count', async () => {
    const analysis = await analyze(EXTRACT_PY, 'app/extract.py');
    const rows = requestRows(analysis);
    assert.deepEqual(rows.map((r) => r.modelId).sort(), ['claude-sonnet-4-5', 'gpt-4o-mini']);
    for (const r of rows) assert.ok(r.promptIds.includes('app/extract.py#EXTRACT'));
    assert.ok(Math.abs(rows.reduce((s, r) => s + r.costPerMonth!, 0) - analysis.totals.monthlyCost) < 1e-9, 'every prompt here is in a request');
    const view = buildFileView(analysis, EXTRACT_PY);
    const extract = view.rows.find((r) => r.promptId === 'app/extract.py#EXTRACT')!;
    assert.equal(extract.requests, 2);
    const shared = analysis.prompts.find((p) => p.prompt.id === extract.promptId)!;
    assert.ok(Math.abs(extract.costPerMonth! - (shared.cost.costPerMonth! + shared.moreRequests![0].cost.costPerMonth!)) < 1e-9);
  });

  it('the status bar tooltip counts the requests and lists them with model and month; the model mix counts each share', async () => {
    const analysis = await analyze(AGENT_PY, 'app/agent.py');
    const summary = analysisSummary(analysis);
    assert.equal(summary.requests?.count, 2);
    const view = statusBarView(summary, undefined)!;
    const rows = requestRows(analysis);
    assert.match(view.tooltip, new RegExp(`Requests: 2 — line 7 \`o3\` ${formatUsd(rows[0].costPerMonth).replace(/[$.]/g, '\\$&')}/mo · line 13 \`claude-haiku-4-5\` \\$[\\d.,]+/mo \\(batch 50%\\)`));
    const shared = analysisSummary(await analyze(EXTRACT_PY, 'app/extract.py'));
    assert.deepEqual(shared.models, { 'gpt-4o-mini': 2, 'claude-sonnet-4-5': 1 });
  });
});

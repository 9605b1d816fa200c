// The request is the unit of cost in the JSON report: `requests[]` (one per call site) with its tokens split by what
// is billed, and totals that add up — monthlyCost = Σ requests + prompts in no request, prompts + fragments = records.
import { strict as assert } from 'assert';
import { buildOnce, runCli, scratch } from './cliHarness';

const AGENT_PY = [
  'from openai import OpenAI',
  'import anthropic',
  'client = OpenAI()',
  'claude = anthropic.Anthropic()',
  'TOOLS = [{"type": "function", "function": {"name": "search_orders", "description": "Search the order database.", "parameters": {"type": "object", "properties": {"query": {"type": "string", "description": "Free text"}}}}}]',
  'RULES = "Never promise a refund before the order is found."',
  'SYSTEM = f"You are an order support agent for Acme. {RULES}"',
  'def agent(question):',
  '    return client.chat.completions.create(',
  '        model="o3",',
  '        tools=TOOLS,',
  '        messages=[',
  '            {"role": "system", "content": SYSTEM},',
  '            {"role": "user", "content": f"Customer question: {question}"},',
  '        ],',
  '    )',
  'def label(tickets):',
  '    return claude.messages.batches.create(requests=[',
  '        {"custom_id": str(i), "params": {"model": "claude-haiku-4-5", "max_tokens": 32, "messages": [{"role": "user", "content": f"Label this ticket as bug, billing or other: {t}"}]}}',
  '        for i, t in enumerate(tickets)',
  '    ])',
  'SUMMARY_PROMPT = "Summarize the following support conversation in three bullet points for the weekly report."',
  '',
].join('\n');

describe('prompt-cost audit: requests', function () {
  this.timeout(60000);
  before(buildOnce);

  it('lists each call site once with its messages, tools, reasoning, batch flag and cost; totals add up', () => {
    const dir = scratch({ 'app/agent.py': AGENT_PY });
    const result = runCli(['audit', '--format', 'json'], dir);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    const byId = (id: string) => report.prompts.find((p: { id: string }) => p.id === id);

    assert.equal(report.totals.prompts + report.totals.fragments, report.prompts.length);
    assert.equal(report.totals.requests, report.requests.length);
    assert.equal(report.totals.fragments, 1, 'RULES is only inserted into SYSTEM');

    const agent = report.requests.find((r: { model: string }) => r.model === 'o3');
    assert.ok(agent, JSON.stringify(report.requests));
    assert.equal(agent.file, 'app/agent.py');
    assert.equal(agent.line, 9, 'the line where client.chat.completions.create( starts');
    assert.equal(agent.prompts.length, 2, 'system and user message');
    const messages = agent.prompts.map(byId);
    assert.equal(agent.inputTokens, messages[0].inputTokens + messages[1].inputTokens);
    assert.ok(agent.toolTokens > 0 && agent.toolTokens === messages[0].toolTokens, 'tools counted once, on message 0');
    assert.equal(messages[1].toolTokens, 0);
    assert.equal(agent.reasoningTokens, 3000, 'o3 default: effort medium');
    assert.equal(agent.outputTokens, 250);
    assert.equal(agent.batch, false);
    assert.equal(agent.tokensExact, false, 'tool definitions are an estimate');
    // (input × $2 + (250 + 3,000) × $8) / 1M per call
    assert.ok(Math.abs(agent.costPerCall - (agent.inputTokens * 2 + 3250 * 8) / 1e6) < 1e-6, `${agent.costPerCall}`);
    assert.ok(Math.abs(agent.monthlyCost - agent.costPerCall * agent.callsPerDay * 30) < 1e-3);

    const batch = report.requests.find((r: { batch: boolean }) => r.batch);
    assert.ok(batch, 'the batch request is listed');
    assert.equal(batch.model, 'claude-haiku-4-5');
    assert.equal(batch.line, 19, 'the params dict of the batch request');
    assert.equal(batch.outputTokens, 32, 'the assumed 250-token reply is capped at the call\'s max_tokens: 32');
    // (input × $1 + 32 × $5) / 1M × 50 %
    assert.ok(Math.abs(batch.costPerCall - ((batch.inputTokens * 1 + 32 * 5) / 1e6) * 0.5) < 1e-6, `${batch.costPerCall}`);

    const loose = report.prompts.filter((p: { request?: string; fragmentOf?: string }) => !p.request && !p.fragmentOf);
    assert.ok(loose.some((p: { id: string }) => p.id.endsWith('#SUMMARY_PROMPT')), 'a prompt sent by no call we see belongs to no request');
    const sum = report.requests.reduce((s: number, r: { monthlyCost: number }) => s + r.monthlyCost, 0) + loose.reduce((s: number, p: { monthlyCost: number }) => s + p.monthlyCost, 0);
    assert.ok(Math.abs(report.totals.monthlyCost - sum) < 1e-4, `${report.totals.monthlyCost} ≠ ${sum}`);

    const md = runCli(['audit', '--format', 'md'], dir).stdout;
    assert.match(md, /## Most expensive requests/);
    assert.match(md, new RegExp(`\\| \`app/agent\\.py:9\` \\| o3 \\| 2 \\| ≈[\\d,]+ \\| ${agent.toolTokens} \\| 250 \\| 3,000 \\|`));
    assert.match(md, /\| claude-haiku-4-5 \(batch\) \|/);

    // The CSV carries the same per-prompt fields (after the existing columns).
    const csv = runCli(['audit', '--format', 'csv'], dir).stdout.trimEnd().split('\r\n').map((r) => r.split(','));
    const col = (name: string) => csv[0].indexOf(name);
    assert.deepEqual(csv[0].slice(-6, -1), ['toolTokens', 'reasoningTokens', 'cachedInputTokens', 'batch', 'request']);
    const first = csv.find((r) => r[col('id')] === agent.prompts[0])!;
    assert.equal(first[col('reasoningTokens')], '3000');
    assert.equal(first[col('toolTokens')], String(agent.toolTokens));
    assert.equal(first[col('request')], agent.id);
  });
});

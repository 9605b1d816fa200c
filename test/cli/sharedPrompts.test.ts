// One prompt, several requests (issue 15): a constant sent by two calls — to gpt-4o-mini and to claude — belongs to
// each request; the report counts each request once and the text once per request that sends it.
import { strict as assert } from 'assert';
import { buildOnce, runCli, scratch } from './cliHarness';
import { CROSS_FILE, EXTRACT_PY } from './sharedPromptFixture';



interface Share { request?: string; model: string; monthlyCost: number | null; outputTokens: number; costPerCall: number | null; callsPerDay: number }
interface Prompt extends Share { id: string; fragmentOf?: string; otherRequests?: Share[]; monthlyCostAllRequests?: number | null }
interface Request { id: string; model: string; prompts: string[]; monthlyCost: number; outputTokens: number; costPerCall: number; callsPerDay: number }

describe('prompt-cost audit: one prompt sent by several requests', function () {
  this.timeout(60000);
  before(buildOnce);

  it('belongs to each request, with that call\'s model; totals count each request once', () => {
    const dir = scratch({ 'app/extract.py': EXTRACT_PY });
    const result = runCli(['audit', '--format', 'json'], dir);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { totals: { prompts: number; requests: number; monthlyCost: number; byModel: { model: string; monthlyCost: number }[] }; prompts: Prompt[]; requests: Request[] };
    const extract = report.prompts.find((p) => p.id === 'app/extract.py#EXTRACT')!;
    assert.ok(extract, JSON.stringify(report.prompts.map((p) => p.id)));
    assert.equal(report.totals.prompts, report.prompts.length, 'the shared text is one prompt');
    assert.equal(report.totals.requests, 2);
    assert.equal(report.requests.length, 2);

    const shares = [extract, ...(extract.otherRequests ?? [])];
    assert.deepEqual(shares.map((s) => s.model).sort(), ['claude-sonnet-4-5', 'gpt-4o-mini']);
    const mini = report.requests.find((r) => r.model === 'gpt-4o-mini')!;
    const sonnet = report.requests.find((r) => r.model === 'claude-sonnet-4-5')!;
    assert.ok(mini && sonnet, JSON.stringify(report.requests));
    assert.ok(mini.prompts.includes(extract.id) && sonnet.prompts.includes(extract.id), 'the text is a message of both requests');
    assert.equal(mini.prompts.length, 2, 'system (EXTRACT) and the user message');
    // The reply is billed once per call: on the request's first message (EXTRACT opens both calls).
    assert.equal(mini.outputTokens, 250);
    assert.equal(sonnet.outputTokens, 250);
    const miniShare = shares.find((s) => s.model === 'gpt-4o-mini')!;
    const sonnetShare = shares.find((s) => s.model === 'claude-sonnet-4-5')!;
    assert.equal(miniShare.outputTokens, 250);
    assert.equal(sonnetShare.callsPerDay, 200, 'the annotation above the claude call gives its volume');
    assert.equal(sonnet.callsPerDay, 200);
    assert.notEqual(mini.callsPerDay, 200);

    // The text once per request: its monthly cost over both requests is the sum of its two shares.
    assert.ok(Math.abs(extract.monthlyCostAllRequests! - (miniShare.monthlyCost! + sonnetShare.monthlyCost!)) < 1e-9);
    const loose = report.prompts.filter((p) => !p.request && !p.fragmentOf);
    assert.equal(loose.length, 0);
    const sum = report.requests.reduce((s, r) => s + r.monthlyCost, 0);
    assert.ok(Math.abs(report.totals.monthlyCost - sum) < 1e-4, `${report.totals.monthlyCost} ≠ Σ requests ${sum}`);
    // Each request's share under its own model.
    const byModel = new Map(report.totals.byModel.map((m) => [m.model, m.monthlyCost]));
    assert.ok(Math.abs(byModel.get('claude-sonnet-4-5')! - sonnet.monthlyCost) < 1e-4);
    assert.ok(Math.abs(byModel.get('gpt-4o-mini')! - mini.monthlyCost) < 1e-4);

    // The terminal table: the further request under the prompt, the request count in the totals line.
    const table = runCli(['audit'], dir).stdout;
    assert.match(table, /^ {4}also sent by app\/extract\.py:13  claude-sonnet-4-5  ≈\d+ tok  \$[\d.]+\/call  \$[\d.,]+\/mo$/m, table);
    assert.match(table, /per month — 2 prompts in 1 of 1 files, 2 requests$/m);
    // Markdown: the prompt ranked by its cost over both requests, naming the other model.
    const md = runCli(['audit', '--format', 'md'], dir).stdout;
    assert.match(md, /\| gpt-4o-mini \(\+1 more request: claude-sonnet-4-5\) \|/);
  });

  it('across files: a constant imported by two files is priced once per call site, each at its model and volume', () => {
    const dir = scratch(CROSS_FILE);
    const result = runCli(['audit', '--format', 'json'], dir);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { totals: { prompts: number; monthlyCost: number; byModel: { model: string }[] }; prompts: Prompt[]; requests: Request[] };
    const extract = report.prompts.find((p) => p.id === 'app/prompts.py#EXTRACT')!;
    assert.ok(extract, JSON.stringify(report.prompts.map((p) => p.id)));
    assert.equal(report.totals.prompts, report.prompts.length);
    const shares = [extract, ...(extract.otherRequests ?? [])];
    assert.deepEqual(shares.map((s) => `${s.model} ${s.callsPerDay}`).sort(), ['claude-sonnet-4-5 200', 'gpt-4o-mini 1000']);
    assert.ok(Math.abs(extract.monthlyCostAllRequests! - (shares[0].monthlyCost! + shares[1].monthlyCost!)) < 1e-9);
    // Totals: Σ requests + every share of prompts in no request (the text's calls are the other files' requests).
    const inRequests = report.requests.reduce((s, r) => s + r.monthlyCost, 0);
    const loose = report.prompts.flatMap((p) => (p.fragmentOf ? [] : [p, ...(p.otherRequests ?? [])])).filter((s) => !s.request);
    const sum = inRequests + loose.reduce((s, p) => s + (p.monthlyCost ?? 0), 0);
    assert.ok(Math.abs(report.totals.monthlyCost - sum) < 1e-4, `${report.totals.monthlyCost} ≠ ${sum}`);
    assert.ok(report.totals.byModel.some((m) => m.model === 'claude-sonnet-4-5') && report.totals.byModel.some((m) => m.model === 'gpt-4o-mini'));
  });
});

import { strict as assert } from 'assert';
import { buildFileView, promptAtOffset, sortPromptRows, TEST_FILE_NOTE } from '../../server/src/engine/views/fileView';
import { formatPercent, formatTokens, formatUsd } from '../../server/src/engine/views/format';
import { analysis, cost, GPT_4O, model, prompt } from './fixtures';

const DOC = [
  'import anthropic',                                            // line 1
  'SYSTEM_PROMPT = "You are a terse support agent for Acme."',   // line 2
  '',
  'def ask(q):',
  '    return client.messages.create(',
  '        model="claude-3-5-haiku",',
  '        system="Answer   in\\n one sentence.",',                 // line 7
  '    )',
  'SUMMARY = "Summarise the ticket."',                             // line 9
].join('\n');

const HAIKU = model('claude-3-5-haiku', 'anthropic', 0.8, 4);
const MYSTERY = { ...model('in-house-llm', 'acme', 0, 0), price: undefined };

function fixture() {
  const p1 = prompt('app.py#SYSTEM_PROMPT', 'You are a terse support agent for Acme.', DOC.indexOf('"You are'), { symbol: 'SYSTEM_PROMPT' });
  const p2 = prompt('app.py#client.messages.create', 'Answer   in\n one sentence.', DOC.indexOf('"Answer'));
  const p3 = prompt('app.py#SUMMARY', 'Summarise the ticket.', DOC.indexOf('"Summarise'), { symbol: 'SUMMARY' });
  // gpt-4o: 1,200 in × $2.50/M + 250 out × $10/M = $0.003 + $0.0025 = $0.0055 per call; × 1,000/day × 30 = $165/month.
  // haiku: 40 in × $0.80/M + 250 out × $4/M = $0.000032 + $0.001 = $0.001032 per call; × 200/day × 30 = $6.192/month.
  return analysis('file:///w/app.py', [
    { prompt: p1, cost: cost(GPT_4O, 1200, 250, 1000), findings: [] },
    { prompt: p2, cost: cost(HAIKU, 40, 250, 200, false), findings: [] },
    { prompt: p3, cost: cost(MYSTERY, 9, 250, 1000), findings: [] },
  ]);
}

describe('sidebar view model: this file', () => {
  it('a test or fixture file keeps its rows and says its prompts are not in the workspace figures', () => {
    const view = buildFileView({ ...fixture(), scope: 'test' }, DOC);
    assert.equal(view.rows.length, 3);
    assert.equal(view.scopeNote, TEST_FILE_NOTE);
    assert.match(TEST_FILE_NOTE, /not counted in the workspace total or budget/);
    assert.equal(buildFileView(fixture(), DOC).scopeNote, undefined);
  });

  it('builds one row per prompt with hand-computed figures', () => {
    const view = buildFileView(fixture(), DOC);
    assert.deepEqual(view.rows.map((r) => [r.label, r.line, r.modelId]), [
      ['SYSTEM_PROMPT', 2, 'gpt-4o'],
      ['passed as system= to client.messages.create', 7, 'claude-3-5-haiku'],
      ['SUMMARY', 9, 'in-house-llm'],
    ]);
    const [sys, inline, unpriced] = view.rows;
    assert.equal(sys.text.costPerCall, '$0.0055');
    assert.equal(sys.text.costPerMonth, '$165');
    assert.ok(Math.abs((inline.costPerMonth ?? 0) - 6.192) < 1e-9);
    assert.equal(inline.text.costPerMonth, '$6.19');
    assert.equal(inline.text.costPerCall, '$0.0010');
    assert.equal(inline.text.tokens, '≈40', 'an estimated count is marked');
    assert.equal(sys.text.tokens, '1,200');
    assert.equal(unpriced.text.costPerMonth, '—', 'an unknown price is never $0');
    assert.equal(inline.preview, 'Answer in one sentence.', 'whitespace collapsed');
    assert.equal(view.totals.monthlyCostText, '$171', '165 + 6.192');
    assert.equal(view.totals.unpricedPrompts, 1);
  });

  it('sorts by cost with unpriced rows last in both directions', () => {
    const rows = buildFileView(fixture(), DOC).rows;
    assert.deepEqual(sortPromptRows(rows, 'costPerMonth', 'desc').map((r) => r.line), [2, 7, 9]);
    assert.deepEqual(sortPromptRows(rows, 'costPerMonth', 'asc').map((r) => r.line), [7, 2, 9]);
    assert.deepEqual(sortPromptRows(rows, 'tokens', 'asc').map((r) => r.line), [9, 7, 2]);
    assert.deepEqual(sortPromptRows(rows, 'label', 'asc').map((r) => r.label), ['passed as system= to client.messages.create', 'SUMMARY', 'SYSTEM_PROMPT']);
    assert.deepEqual(rows.map((r) => r.line), [2, 7, 9], 'sorting returns a copy');
  });

  it('finds the prompt under the cursor, including just after its closing quote', () => {
    const rows = buildFileView(fixture(), DOC).rows;
    assert.equal(promptAtOffset(rows, DOC.indexOf('terse'))?.promptId, 'app.py#SYSTEM_PROMPT');
    assert.equal(promptAtOffset(rows, DOC.indexOf('Acme."') + 6)?.promptId, 'app.py#SYSTEM_PROMPT');
    assert.equal(promptAtOffset(rows, DOC.indexOf('def ask')), undefined);
  });

  it('passes a skipped document through with its reason', () => {
    const skipped = { ...analysis('file:///w/big.py', []), skipped: { reason: 'File larger than 1 MB' } };
    assert.equal(buildFileView(skipped).skipped, 'File larger than 1 MB');
  });
});

describe('sidebar number formatting', () => {
  it('keeps small amounts readable and never shows an unknown price as $0', () => {
    assert.equal(formatUsd(0.00021), '$0.00021');
    assert.equal(formatUsd(0.42), '$0.42');
    assert.equal(formatUsd(4.2), '$4.20');
    assert.equal(formatUsd(1234.5), '$1,235');
    assert.equal(formatUsd(12500), '$12.5k');
    assert.equal(formatUsd(-155.1), '-$155');
    assert.equal(formatUsd(undefined), '—');
    assert.equal(formatTokens(12345.4, false), '≈12,345');
    assert.equal(formatPercent(94), '94%');
    assert.equal(formatPercent(4.54), '4.5%');
  });
});

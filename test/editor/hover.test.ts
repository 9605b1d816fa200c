// The hover's first screen: model and where it came from, then cost per call and per month at the volume and where
// the volume came from; the breakdown (token table, price, caching, alternatives) follows.
import { strict as assert } from 'assert';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { hoverMarkdown } from '../../server/src/lsp/hover';
import { formatUsd } from '../../server/src/engine/views/format';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { prompt, text } from '../cost/fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx = (extra: Partial<CostContext> = {}): CostContext => ({ settings: defaultSettings(), now: NOW, ...extra });
const SYSTEM = 'You are a support agent for Acme. Answer briefly and cite the order number.';

/** The hover's paragraphs (blank-line separated), as a reader scans them. */
const paragraphs = (markdown: string) => markdown.split(/\n\n+/);

describe('hover: cost first, breakdown after', () => {
  it('line one names the model and its source; line two the cost per call and per month at the volume and its source', () => {
    const p = prompt([text(SYSTEM)], { model: { name: 'gpt-4o', source: 'call-site', literal: true, line: 11 } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const [first, second, third] = paragraphs(hoverMarkdown({ prompt: p, cost, findings: [] }, [], 'file:///w/app.py'));
    assert.equal(first, '**Prompt cost** · `gpt-4o` (from call site, line 12)');
    assert.equal(second, `**${formatUsd(cost.costPerCall)}/call** · **${formatUsd(cost.costPerMonth)}/month** at 1,000 calls/day — default (setting promptCost.defaultCallsPerDay)`);
    assert.match(third, /^\| tokens \| \|/, 'the token table follows the headline');
  });

  it('the volume source is the one that applies (an annotation)', () => {
    const p = prompt([text(SYSTEM)], { annotation: { callsPerDay: 20000 } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const second = paragraphs(hoverMarkdown({ prompt: p, cost, findings: [] }, [], 'file:///w/app.py'))[1];
    assert.match(second, /\/month\*\* at 20,000 calls\/day — annotation/);
  });

  it('without a price the second line says the cost is unknown (never $0) and still gives the volume', () => {
    const p = prompt([text(SYSTEM)], { model: { name: 'acme-large', source: 'call-site', literal: true } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const second = paragraphs(hoverMarkdown({ prompt: p, cost, findings: [] }, [], 'file:///w/app.py'))[1];
    assert.match(second, /^Cost: \*\*unknown\*\* — no price for `acme-large`/);
    assert.match(second, /at 1,000 calls\/day/);
    assert.doesNotMatch(second, /\$0\b/);
  });

  it('the breakdown keeps the figures the headline summarises: per day, the output share, price with source', () => {
    const p = prompt([text(SYSTEM)]);
    const cost = pricePrompt(p, ctx());
    const markdown = hoverMarkdown({ prompt: p, cost, findings: [] }, [], 'file:///w/app.py');
    assert.ok(markdown.includes(`per day ${formatUsd(cost.costPerDay)}`), markdown);
    assert.ok(markdown.includes(`(output ${formatUsd(cost.outputCostPerCall)} of it)`), markdown);
    assert.match(markdown, /Price: \$2\.50\/M input · \$10\.00\/M output/);
    assert.ok(markdown.indexOf('| tokens |') > markdown.indexOf('/month**'), 'cost before the token table');
  });
});

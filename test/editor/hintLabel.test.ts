// The inline hint says what its figure is made of: input and output tokens, the reply's share when it dominates,
// and where the output size came from (tooltip). Figures come from pricePrompt (the one cost model).
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { hintLabel, outputPart, toInlayHint } from '../../server/src/lsp/inlayHints';
import { formatUsd } from '../../server/src/engine/views/format';
import type { DetectedPrompt } from '../../server/src/engine/types';
import { placeholder, prompt, text } from '../cost/fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx = (extra: Partial<CostContext> = {}): CostContext => ({ settings: defaultSettings(), now: NOW, ...extra });
const SHORT = 'Summarise the ticket in one sentence.';
const LONG = 'You are the release-notes writer for Acme. '.repeat(150);

describe('inline hint: what the figure is made of', () => {
  it('shows input and output parts, and the reply share when most of the cost is the assumed output', () => {
    const p = prompt([text(SHORT)]);
    const cost = pricePrompt(p, ctx());
    const label = hintLabel(cost, 'full');
    const share = cost.outputCostPerCall! / cost.costPerCall!;
    assert.ok(share > 0.9, `precondition: the default 250-token reply dominates (${share})`);
    // The share takes the per-call figure's place (in the tooltip): VS Code cuts hints past 43 characters.
    assert.equal(label, `${cost.tokens.input} in + ≈250 out (${Math.floor(share * 100)}% of cost) · ${formatUsd(cost.costPerMonth)}/mo`);
    assert.ok(label.length <= 43, `${label.length} characters`);
    assert.equal(hintLabel(cost, 'cost'), `${cost.tokens.input} in + ≈250 out (${Math.floor(share * 100)}% of cost) · ${formatUsd(cost.costPerCall)}/call`);
  });

  it('says nothing about the share when the prompt itself is most of the cost', () => {
    const cost = pricePrompt(prompt([text(LONG)]), ctx());
    assert.ok(cost.outputCostPerCall! / cost.costPerCall! < 0.5, 'precondition: the input dominates');
    assert.match(hintLabel(cost, 'full'), /^[\d,]+ in \+ ≈250 out · \$[\d.]+\/call · \$[\d.,]+[kM]?\/mo$/);
  });

  it('an output size stated for the prompt is neither marked nor called out as assumed', () => {
    const p = prompt([text(SHORT)], { annotation: { outputTokens: 400 } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const part = outputPart(cost)!;
    assert.equal(part.assumed, false);
    assert.match(hintLabel(cost, 'full'), /^\d+ in \+ 400 out · \$[\d.]+\/call · \$[\d.,]+\/mo$/);
    const config = parseWorkspaceConfig(JSON.stringify({ outputTokens: { default: 120 } }), '/w/.promptcost.json').config;
    assert.match(hintLabel(pricePrompt(prompt([text(SHORT)]), ctx({ workspaceConfig: config })), 'cost'), /^\d+ in \+ ≈120 out \(\d+% of cost\) · \$[\d.]+\/call$/);
  });

  it('the two parts add up to the figure: output cost from the cost model', () => {
    const cost = pricePrompt(prompt([text(SHORT)]), ctx());
    // gpt-4o: $2.50/M input, $10/M output (cost/pricePrompt.test.ts checks the same list prices).
    assert.ok(Math.abs(cost.outputCostPerCall! - (250 * 10) / 1e6) < 1e-15);
    assert.ok(Math.abs(cost.costPerCall! - cost.outputCostPerCall! - (cost.tokens.input * 2.5) / 1e6) < 1e-15);
  });

  it('placeholders sized by estimate, tokens mode, no price', () => {
    const cost = pricePrompt(prompt([text('Reply to '), placeholder('customer'), text(' about '), placeholder('topic')]), ctx());
    assert.match(hintLabel(cost, 'full'), /^≈[\d,]+ in \+ ≈250 out/);
    assert.match(hintLabel(cost, 'tokens'), /^≈[\d,]+ tok \+2 vars$/);
    const unpriced = pricePrompt(prompt([text(SHORT)], { model: { name: 'acme-large', source: 'call-site', literal: true } } as Partial<DetectedPrompt>), ctx());
    assert.match(hintLabel(unpriced, 'full'), /^≈?\d+ in \+ ≈250 out · no price for acme-large$/);
  });

  it('a later message of a request shows no output of its own; the tooltip says where it is counted', () => {
    const cost = pricePrompt(prompt([text(SHORT)], { requestId: 'r1' } as Partial<DetectedPrompt>), ctx({ requestMessageCount: 2, requestIndex: 1 }));
    assert.equal(cost.tokens.output, 0);
    assert.match(hintLabel(cost, 'full'), /^\d+ in · \$[\d.]+\/call · /);
    const doc = TextDocument.create('file:///w/app.py', 'python', 1, SHORT);
    const hint = toInlayHint({ prompt: prompt([text(SHORT)]), cost, findings: [] }, doc, 'full');
    assert.match(String(hint.tooltip), /Output: counted once per request, on its first message/);
  });

  it('the tooltip names the output source and how to state the reply size', () => {
    const p = prompt([text(SHORT)]);
    const cost = pricePrompt(p, ctx());
    const doc = TextDocument.create('file:///w/app.py', 'python', 1, SHORT);
    const tooltip = String(toInlayHint({ prompt: p, cost, findings: [] }, doc, 'full').tooltip);
    assert.match(tooltip, /Output: 250 tokens expected per call \(default \(setting promptCost\.defaultOutputTokens\)\)/);
    assert.match(tooltip, /\d+% of the cost is this assumed reply, not the prompt\. State the reply size with a "prompt-cost: output=N" comment/);
  });
});

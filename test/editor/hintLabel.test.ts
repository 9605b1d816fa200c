// The inline hint says what its figure is made of: input and output tokens, the reply's share when it dominates,
// and where the output size came from (tooltip). Figures come from pricePrompt (the one cost model).
import { strict as assert } from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { toInlayHint } from '../../server/src/lsp/inlayHints';
import { HINT_MAX_LENGTH, hintLabel, outputPart } from '../../server/src/lsp/hintLabel';
import { formatTokens, formatUsd } from '../../server/src/engine/views/format';
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
    // Cost mode keeps the per-call figure, so the share loses its words: `… (98% of cost) · $0.0025/call` is 46.
    assert.equal(hintLabel(cost, 'cost'), `${cost.tokens.input} in + ≈250 out (${Math.floor(share * 100)}%) · ${formatUsd(cost.costPerCall)}/call`);
    assert.equal(hintLabel(cost, 'cost', undefined, 60), `${cost.tokens.input} in + ≈250 out (${Math.floor(share * 100)}% of cost) · ${formatUsd(cost.costPerCall)}/call`);
  });

  it('says nothing about the share when the prompt itself is most of the cost', () => {
    const cost = pricePrompt(prompt([text(LONG)]), ctx());
    assert.ok(cost.outputCostPerCall! / cost.costPerCall! < 0.5, 'precondition: the input dominates');
    assert.match(hintLabel(cost, 'full', undefined, 60), /^[\d,]+ in \+ ≈250 out · \$[\d.]+\/call · \$[\d.,]+[kM]?\/mo$/);
    // 1,658 in + ≈250 out · $0.0066/call · $171/mo is 45 characters: the per-call figure goes first.
    assert.match(hintLabel(cost, 'full'), /^[\d,]+ in \+ ≈250 out · \$[\d.,]+[kM]?\/mo$/);
  });

  it('an output size stated for the prompt is neither marked nor called out as assumed', () => {
    const p = prompt([text(SHORT)], { annotation: { outputTokens: 400 } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const part = outputPart(cost)!;
    assert.equal(part.assumed, false);
    assert.match(hintLabel(cost, 'full'), /^\d+ in \+ 400 out · \$[\d.]+\/call · \$[\d.,]+\/mo$/);
    const config = parseWorkspaceConfig(JSON.stringify({ outputTokens: { default: 120 } }), '/w/.promptcost.json').config;
    assert.match(hintLabel(pricePrompt(prompt([text(SHORT)]), ctx({ workspaceConfig: config })), 'cost'), /^\d+ in \+ ≈120 out \(\d+%\) · \$[\d.]+\/call$/);
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

describe('inline hint: fits VS Code’s 43 characters, the mode’s figure always kept', () => {
  const O3 = prompt([text(SHORT)], { model: { name: 'o3', source: 'call-site' } } as Partial<DetectedPrompt>);

  it('o3 with its default reasoning: reasoning counted into out, the share shortened, $/month kept', () => {
    const cost = pricePrompt(O3, ctx());
    assert.equal(cost.tokens.reasoning, 3000, 'precondition: o3 reasons by default');
    const share = Math.floor((cost.outputCostPerCall! / cost.costPerCall!) * 100);
    // Unshortened: `16 in + ≈250 out + ≈3,000 reasoning (99% of cost) · $795/mo` (59 characters).
    assert.equal(hintLabel(cost, 'full', undefined, 80), `${cost.tokens.input} in + ≈250 out + ≈3,000 reasoning (${share}% of cost) · ${formatUsd(cost.costPerMonth)}/mo`);
    const label = hintLabel(cost, 'full');
    assert.equal(label, `${cost.tokens.input} in + ≈3,250 out (${share}% of cost) · ${formatUsd(cost.costPerMonth)}/mo`);
    assert.ok(label.length <= HINT_MAX_LENGTH, `${label} is ${label.length} characters`);
    assert.equal(hintLabel(cost, 'cost'), `${cost.tokens.input} in + ≈3,250 out (${share}%) · ${formatUsd(cost.costPerCall)}/call`);
    // The tooltip keeps what the hint folded: the reply and the reasoning apart.
    const tooltip = String(toInlayHint({ prompt: O3, cost, findings: [] }, TextDocument.create('file:///w/a.py', 'python', 1, SHORT), 'full').tooltip);
    assert.match(tooltip, /Output: 250 tokens expected per call/);
    assert.match(tooltip, /Reasoning: 3,000 hidden tokens per call, billed as output/);
  });

  it('a missing price with a long model name keeps the input and says "no price"; the tooltip names the model', () => {
    const model = 'acme-enterprise-reasoning-large-2026-11-01-preview';
    const p = prompt([text(SHORT)], { model: { name: model, source: 'call-site', literal: true } } as Partial<DetectedPrompt>);
    const cost = pricePrompt(p, ctx());
    const label = hintLabel(cost, 'full');
    assert.match(label, /^≈?\d+ in · no price$/);
    const tooltip = String(toInlayHint({ prompt: p, cost, findings: [] }, TextDocument.create('file:///w/a.py', 'python', 1, SHORT), 'full').tooltip);
    assert.ok(tooltip.includes(`No price known for ${model}`));
  });

  it('every size, reply, reasoning and volume: at most 43 characters, the input first and the mode’s figure last', () => {
    const base = pricePrompt(prompt([text(SHORT)]), ctx());
    const [inPrice, outPrice] = [2.5e-6, 10e-6];
    let longestFull = '';
    for (const input of [1, 14, 999, 1_234, 12_345, 123_456, 1_234_567]) {
      for (const output of [0, 250, 16_384, 128_000]) {
        for (const reasoning of [0, 3_000, 25_000, 128_000]) {
          for (const calls of [1, 1_000, 1_000_000]) {
            for (const exact of [true, false]) {
              const outputCost = (output + reasoning) * outPrice;
              const costPerCall = input * inPrice + outputCost;
              const cost = {
                ...base,
                tokens: { ...base.tokens, input, output, reasoning: reasoning || undefined, exact, placeholderCount: exact ? 0 : 3, estimatedPlaceholders: exact ? 0 : 3 },
                costPerCall,
                outputCostPerCall: outputCost,
                costPerMonth: costPerCall * calls * 30,
              };
              const full = hintLabel(cost, 'full');
              const perCall = hintLabel(cost, 'cost');
              for (const label of [full, perCall]) {
                assert.ok(label.length <= HINT_MAX_LENGTH, `${label} is ${label.length} characters`);
                assert.ok(label.startsWith(`${exact ? '' : '≈'}${formatTokens(input)} in`), label);
              }
              assert.ok(full.endsWith(` · ${formatUsd(cost.costPerMonth)}/mo`), full);
              assert.ok(perCall.endsWith(` · ${formatUsd(costPerCall)}/call`), perCall);
              if (full.length > longestFull.length) longestFull = full;
            }
          }
        }
      }
    }
    assert.ok(longestFull.length >= 38, `the grid reaches the limit (${longestFull})`);
  });
});

// cache_control's minimum cacheable length applies to the request's cumulative prefix up to the breakpoint, not to
// each message on its own (issue 15): a system prompt and a first user message each below Claude Sonnet's 1,024
// tokens, together above it, are both cached when the breakpoint is on the user message.
import { strict as assert } from 'assert';
import { analyzeDocument, repricingContext } from '../../server/src/engine/analyze';
import { defaultSettings } from '../../server/src/engine/config/settings';
import { pricePrompt } from '../../server/src/engine/cost/pricePrompt';

const rules = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}: check the clause against the signed master agreement and quote the section you rely on.`).join(' ');
const SYSTEM = `You review supplier contracts for Acme. ${rules('Rule', 28)}`;
const GUIDE = `Reference guide for this review. ${rules('Guide item', 28)}`;

function source(breakpointOnUser: boolean): string {
  const control = breakpointOnUser ? ', "cache_control": {"type": "ephemeral"}' : '';
  return [
    'import anthropic',
    'client = anthropic.Anthropic()',
    'def review(contract):',
    '    return client.messages.create(',
    '        model="claude-sonnet-4-5",',
    '        max_tokens=800,',
    `        system="${SYSTEM}",`,
    `        messages=[{"role": "user", "content": [{"type": "text", "text": "${GUIDE}"${control}}, {"type": "text", "text": contract}]}],`,
    '    )',
    '',
  ].join('\n');
}

async function analyze(text: string) {
  return analyzeDocument({ uri: 'file:///w/review.py', fileName: 'review.py', languageId: 'python', text }, { settings: defaultSettings(), relativePath: 'review.py' });
}

describe('cache_control: the minimum applies to the request\'s whole prefix', () => {
  it('two messages each below 1,024 tokens, together above: both are cached', async () => {
    const analysis = await analyze(source(true));
    const system = analysis.prompts.find((p) => p.prompt.role === 'system')!;
    const guide = analysis.prompts.find((p) => p.prompt.role === 'user')!;
    assert.ok(system && guide, analysis.prompts.map((p) => p.prompt.id).join(', '));
    assert.equal(system.prompt.requestId, guide.prompt.requestId, 'one request');
    const own = (p: typeof system) => p.cost.caching.codePrefixTokens!;
    assert.ok(own(system) < 1024 && own(guide) < 1024, `precondition: each share is below the minimum (${own(system)}, ${own(guide)})`);
    assert.ok(own(system) + own(guide) >= 1024, 'precondition: the prefix passes it');
    for (const p of [system, guide]) {
      assert.equal(p.cost.caching.verdict, 'cacheable', p.cost.caching.detail);
      assert.ok((p.cost.caching.writeTokens ?? 0) > 0);
      assert.match(p.cost.caching.detail, /of the request's [\d,]+, which passes the 1,024-token minimum/);
    }
    // Priced alone (no request context) the same message is too short: the sum is what made it cacheable.
    const alone = pricePrompt(system.prompt, { settings: defaultSettings(), requestMessageCount: 2, requestIndex: 0 });
    assert.equal(alone.caching.verdict, 'too-short');
    assert.ok(system.cost.costPerCall! < alone.costPerCall!, 'cache reads at 0.1× make the call cheaper');
    // The hover and the sidebar re-price in the same context.
    const ctx = repricingContext(analysis, system.prompt, { settings: defaultSettings(), relativePath: 'review.py' });
    assert.equal(pricePrompt(system.prompt, { ...ctx, requestIndex: 0 }).caching.verdict, 'cacheable');
  });

  it('without a breakpoint covering the user message, the system prompt alone is below the minimum', async () => {
    const analysis = await analyze(source(false));
    for (const p of analysis.prompts) assert.notEqual(p.cost.caching.verdict, 'cacheable');
  });
});

import { strict as assert } from 'assert';
import { defaultSettings, readSettings } from '../../server/src/engine/config/settings';
import { emptyWorkspaceConfig, parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { countTokens, messageFramingTokens } from '../../server/src/engine/tokens';
import { placeholder, prompt, text } from './fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx = (extra: Partial<CostContext> = {}): CostContext => ({ settings: defaultSettings(), now: NOW, ...extra });
const close = (a: number | undefined, b: number) => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

const INSTRUCTIONS = 'You are a support agent for Acme. Answer briefly and cite the order number.';

describe('pricePrompt', () => {
  it('static text, placeholders, framing and output add up; cost comes from the cost model', () => {
    const p = prompt([text(INSTRUCTIONS + '\nCustomer message: '), placeholder('message')]);
    const c = pricePrompt(p, ctx());
    const staticTokens = countTokens(INSTRUCTIONS + '\nCustomer message: ', 'gpt-4o').tokens;
    assert.equal(c.model.id, 'gpt-4o');
    assert.equal(c.model.source, 'default');
    assert.equal(c.tokens.staticText, staticTokens);
    assert.equal(c.tokens.placeholders, 50);
    assert.equal(c.tokens.placeholderCount, 1);
    assert.equal(c.tokens.framing, messageFramingTokens(1, 'gpt-4o'));
    assert.equal(c.tokens.input, staticTokens + 50 + c.tokens.framing);
    assert.equal(c.tokens.output, 250);
    assert.equal(c.tokens.exact, true);
    assert.equal(c.tokens.encoding, 'o200k_base');
    assert.equal(c.caching.verdict, 'too-short');
    const perCall = (c.tokens.input * 2.5 + 250 * 10) / 1e6;
    close(c.costPerCall, perCall);
    close(c.costPerMonth, perCall * 1000 * 30);
    assert.equal(c.volume.callsPerDay, 1000);
    assert.equal(c.priceStale, false);
  });

  it('the seed figure: 1,200 input + 300 output on gpt-4o = $0.006 per call', () => {
    // Build a prompt whose input is exactly 1,200 tokens: framing + static text + sized placeholder.
    const framing = messageFramingTokens(1, 'gpt-4o');
    const staticTokens = countTokens(INSTRUCTIONS, 'gpt-4o').tokens;
    const config = { ...emptyWorkspaceConfig(), placeholders: { history: 1200 - framing - staticTokens } };
    const p = prompt([text(INSTRUCTIONS), placeholder('history')], { annotation: { outputTokens: 300 } });
    const c = pricePrompt(p, ctx({ workspaceConfig: config, settings: { ...defaultSettings(), cacheHitRate: 0 } }));
    assert.equal(c.tokens.input, 1200);
    close(c.costPerCall, 0.006);
  });

  it('model precedence: annotation > call site > config default > settings default', () => {
    const config = { ...emptyWorkspaceConfig(), defaultModel: 'gpt-4.1-mini' };
    const settings = readSettings({ defaultModel: 'gpt-4o-mini' }).settings;
    const base = prompt([text('Summarise the ticket.')]);
    assert.equal(pricePrompt(base, ctx({ settings })).model.id, 'gpt-4o-mini');
    assert.equal(pricePrompt(base, ctx({ settings })).model.source, 'settings');
    assert.equal(pricePrompt(base, ctx({ settings, workspaceConfig: config })).model.id, 'gpt-4.1-mini');
    const atCallSite = { ...base, model: { name: 'claude-haiku-4-5', source: 'call-site' as const } };
    assert.equal(pricePrompt(atCallSite, ctx({ settings, workspaceConfig: config })).model.id, 'claude-haiku-4-5');
    const annotated = { ...atCallSite, annotation: { model: 'gpt-5-mini' } };
    const c = pricePrompt(annotated, ctx({ settings, workspaceConfig: config }));
    assert.equal(c.model.id, 'gpt-5-mini');
    assert.equal(c.model.source, 'annotation');
  });

  it('volume precedence: annotation > config prompt id > config glob > settings', () => {
    const { config } = parseWorkspaceConfig(JSON.stringify({ volumes: { prompts: { 'app/chat.py#SYSTEM_PROMPT': '300/hour' }, globs: { 'app/**': '10000/month' } } }), '.promptcost.json');
    const p = prompt([text('Classify the ticket.')]);
    const byId = pricePrompt(p, ctx({ workspaceConfig: config, relativePath: 'app/chat.py' }));
    assert.equal(byId.volume.callsPerDay, 7200);
    assert.match(byId.volume.source, /volumes\.prompts\["app\/chat\.py#SYSTEM_PROMPT"\] = 300\/hour/);
    const other = prompt([text('Classify the ticket.')], { id: 'app/other.py#X', symbol: 'X' });
    const byGlob = pricePrompt(other, ctx({ workspaceConfig: config, relativePath: 'app/other.py' }));
    close(byGlob.volume.callsPerDay, 10000 / 30);
    close(byGlob.costPerMonth, byGlob.costPerCall! * 10000); // 10,000 calls a month
    const annotated = pricePrompt({ ...p, annotation: { callsPerDay: 20000 } }, ctx({ workspaceConfig: config, relativePath: 'app/chat.py' }));
    assert.equal(annotated.volume.callsPerDay, 20000);
    assert.match(annotated.volume.source, /annotation/);
    assert.match(pricePrompt(other, ctx({ relativePath: 'lib/x.py' })).volume.source, /promptCost\.defaultCallsPerDay/);
  });

  it('output: config per prompt; max_tokens is the worst case; n choices multiply output', () => {
    const config = { ...emptyWorkspaceConfig(), outputTokens: { default: 120, prompts: { 'app/chat.py#SYSTEM_PROMPT': 400 } } };
    const p = prompt([text('Write a reply.')], { callParams: { maxTokens: 1000, n: 2 } });
    const c = pricePrompt(p, ctx({ workspaceConfig: config }));
    assert.equal(c.tokens.output, 800);
    assert.equal(c.tokens.maxOutput, 2000);
    assert.match(c.tokens.outputSource, /outputTokens\.prompts.*× n=2/);
  });

  it('an unknown model: tokens counted, costs undefined (not $0)', () => {
    const c = pricePrompt(prompt([text('Hello there.')], { annotation: { model: 'acme-9000' } }), ctx());
    assert.equal(c.model.price, undefined);
    assert.equal(c.costPerCall, undefined);
    assert.equal(c.costPerMonth, undefined);
    assert.ok(c.tokens.input > 0);
  });

  it('dedent is applied before counting', () => {
    const indented = '\n        You are terse.\n        Answer in one line.\n';
    const c = pricePrompt(prompt([text(indented)], { textTransform: 'dedent' }), ctx());
    assert.equal(c.tokens.staticText, countTokens('\nYou are terse.\nAnswer in one line.\n', 'gpt-4o').tokens);
    const cd = pricePrompt(prompt([text(indented)], { textTransform: 'cleandoc' }), ctx());
    assert.equal(cd.tokens.staticText, countTokens('You are terse.\nAnswer in one line.', 'gpt-4o').tokens);
  });

  it('a long static prefix on gpt-4o is cached automatically at the hit rate (input still counts it once)', () => {
    const long = 'Policy: refunds within 30 days require a receipt and the original packaging. '.repeat(90);
    const p = prompt([text(long), placeholder('question')]);
    const c = pricePrompt(p, ctx());
    assert.equal(c.caching.verdict, 'cacheable');
    const prefix = c.tokens.staticText + c.tokens.framing;
    assert.equal(c.caching.cachedTokens, 1024 + Math.floor((prefix - 1024) / 128) * 128);
    const cachedShare = c.caching.cachedTokens * 0.5;
    close(c.costPerCall, ((c.tokens.input - cachedShare) * 2.5 + cachedShare * 1.25 + 250 * 10) / 1e6);
    // A placeholder first makes the same text uncacheable.
    const v = pricePrompt(prompt([placeholder('question'), text(long)]), ctx());
    assert.equal(v.caching.verdict, 'variable-first');
    assert.equal(v.caching.cachedTokens, 0);
  });

  it('request shares: framing reply-priming and output are counted once per request', () => {
    const sys = prompt([text(INSTRUCTIONS)]);
    const user = prompt([placeholder('question')], { role: 'user', id: 'app/chat.py#user' });
    const a = pricePrompt(sys, ctx({ requestMessageCount: 2, requestIndex: 0 }));
    const b = pricePrompt(user, ctx({ requestMessageCount: 2, requestIndex: 1 }));
    assert.equal(a.tokens.framing + b.tokens.framing, messageFramingTokens(2, 'gpt-4o'));
    assert.equal(a.tokens.output, 250);
    assert.equal(b.tokens.output, 0);
  });

  it('batch multiplier from settings halves the cost', () => {
    const p = prompt([text(INSTRUCTIONS)]);
    const full = pricePrompt(p, ctx());
    const batch = pricePrompt(p, ctx({ settings: readSettings({ batchMultiplier: 0.5 }).settings }));
    close(batch.costPerCall, full.costPerCall! / 2);
  });
});

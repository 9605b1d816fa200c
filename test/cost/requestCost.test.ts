// Everything a request is billed beyond its messages: tool definitions (input), hidden reasoning (output), the batch
// rate, and cache_control writes and reads. Expected figures are computed by hand from the published prices
// (USD per million tokens, catalog of 2026-11): gpt-4o $2.50/$10, o3 $2/$8, gpt-5 $1.25/$10 (cached $0.125),
// claude-sonnet-4-5 $3/$15 (5-minute write $3.75, read $0.30), claude-haiku-4-5 $1/$5.
import { strict as assert } from 'assert';
import { defaultSettings, readSettings } from '../../server/src/engine/config/settings';
import { emptyWorkspaceConfig, parseWorkspaceConfig } from '../../server/src/engine/config/workspaceConfig';
import { cacheAdvice } from '../../server/src/engine/cost/caching';
import { pricePrompt, type CostContext } from '../../server/src/engine/cost/pricePrompt';
import { MAX_REASONING_TOKENS } from '../../server/src/engine/cost/reasoningModels';
import { countTokens, messageFramingTokens } from '../../server/src/engine/tokens';
import type { CallParameters, ToolDefinitions } from '../../server/src/engine/types';
import { prompt, text } from './fixtures';

const NOW = new Date('2026-11-23T00:00:00Z');
const ctx = (extra: Partial<CostContext> = {}): CostContext => ({ settings: { ...defaultSettings(), cacheHitRate: 0 }, now: NOW, ...extra });
const close = (a: number | undefined, b: number) => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);
const T = (s: string, model = 'gpt-4o') => countTokens(s, model).tokens;

const SYSTEM = 'You are a weather assistant. Use the weather tool for every city the user names.';
const onModel = (model: string, callParams: CallParameters, extra = {}) =>
  prompt([text(SYSTEM)], { model: { name: model, source: 'call-site' }, callParams, ...extra });

const WEATHER: ToolDefinitions = {
  definitions: [{
    name: 'weather',
    description: 'Get the current weather for a city.',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name, e.g. Paris' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'], description: 'Temperature unit' },
      },
      required: ['city'],
    },
  }],
  builtIn: [],
  unresolved: [],
};

describe('request cost: tool definitions', () => {
  it('OpenAI: the Cookbook function-token formula, added to input once per call', () => {
    const c = pricePrompt(onModel('gpt-4o', { tools: WEATHER }), ctx());
    // func_init 7 + "name:description" (final period dropped) + prop_init 3
    // + city: prop_key 3 + "city:string:City name, e.g. Paris"
    // + unit: prop_key 3 + enum_init −3 + 2 × enum_item 3 + "celsius" + "fahrenheit" + "unit:string:Temperature unit"
    // + func_end 12
    const tools = 7 + T('weather:Get the current weather for a city') + 3
      + 3 + T('city:string:City name, e.g. Paris')
      + 3 - 3 + 3 + T('celsius') + 3 + T('fahrenheit') + T('unit:string:Temperature unit')
      + 12;
    assert.equal(c.tokens.tools, tools);
    const framing = messageFramingTokens(1, 'gpt-4o');
    assert.equal(c.tokens.input, T(SYSTEM) + framing + tools);
    assert.match(c.tokens.toolsSource!, /Cookbook/);
    assert.equal(c.tokens.exact, false, 'tool tokens come from a formula, not the vendor tokenizer');
    close(c.costPerCall, ((T(SYSTEM) + framing + tools) * 2.5 + 250 * 10) / 1e6);
  });

  it('a later message of the same request carries no tools (counted once per call)', () => {
    const c = pricePrompt(onModel('gpt-4o', { tools: WEATHER }), ctx({ requestMessageCount: 2, requestIndex: 1 }));
    assert.equal(c.tokens.tools, undefined);
  });

  it('Anthropic: 346-token tool-use system prompt + the definitions as JSON (Claude estimate)', () => {
    const c = pricePrompt(onModel('claude-sonnet-4-5', { tools: WEATHER }), ctx());
    const json = JSON.stringify([{ name: 'weather', description: 'Get the current weather for a city.', input_schema: WEATHER.definitions[0].parameters }]);
    assert.equal(c.tokens.tools, 346 + T(json, 'claude-sonnet-4-5'));
    assert.match(c.tokens.toolsSource!, /346-token tool-use system prompt/);
  });

  it('Anthropic with a forced tool (tool_choice any/tool): the 313-token prompt', () => {
    const c = pricePrompt(onModel('claude-haiku-4-5', { tools: { ...WEATHER, forced: true } }), ctx());
    const json = JSON.stringify([{ name: 'weather', description: 'Get the current weather for a city.', input_schema: WEATHER.definitions[0].parameters }]);
    assert.equal(c.tokens.tools, 313 + T(json, 'claude-haiku-4-5'));
  });

  it('built-in and run-time tools are named, not counted; no definitions at all adds nothing', () => {
    const c = pricePrompt(onModel('gpt-4o', { tools: { definitions: [], builtIn: ['web_search'], unresolved: ['get_weather'] } }), ctx());
    assert.equal(c.tokens.tools, 0);
    assert.match(c.tokens.toolsSource!, /built-in web_search billed per use.*get_weather built at run time/);
  });
});

describe('request cost: reasoning tokens', () => {
  it('o3 without a setting: the per-model default (effort medium → 3,000), billed as output', () => {
    const c = pricePrompt(onModel('o3', {}), ctx());
    assert.equal(c.tokens.reasoning, 3000);
    assert.equal(c.tokens.output, 250, 'visible output stays apart');
    assert.match(c.tokens.reasoningSource!, /o3 reasons by default.*our planning estimate/);
    // (input × $2 + (250 visible + 3,000 reasoning) × $8) / 1M
    close(c.costPerCall, (c.tokens.input * 2 + 3250 * 8) / 1e6);
  });

  it('gpt-5 with reasoning.effort "high" → 10,000', () => {
    const c = pricePrompt(onModel('gpt-5', { reasoning: { effort: 'high', written: 'reasoning.effort="high"' } }), ctx());
    assert.equal(c.tokens.reasoning, 10_000);
    close(c.costPerCall, (c.tokens.input * 1.25 + 10_250 * 10) / 1e6);
  });

  it('Claude reasons only when thinking is enabled: its budget, capped at max_tokens', () => {
    assert.equal(pricePrompt(onModel('claude-sonnet-4-5', {}), ctx()).tokens.reasoning, undefined);
    const on = pricePrompt(onModel('claude-sonnet-4-5', { maxTokens: 16_000, reasoning: { enabled: true, budgetTokens: 10_000, written: 'thinking' } }), ctx());
    assert.equal(on.tokens.reasoning, 10_000);
    close(on.costPerCall, (on.tokens.input * 3 + 10_250 * 15) / 1e6);
    const capped = pricePrompt(onModel('claude-sonnet-4-5', { maxTokens: 2048, reasoning: { enabled: true, budgetTokens: 8000, written: 'thinking' } }), ctx());
    // thinking and the reply share max_tokens: 2,048 − 250 visible = 1,798
    assert.equal(capped.tokens.reasoning, 1798);
    assert.match(capped.tokens.reasoningSource!, /capped at the call's max tokens \(2,048\) less the visible output/);
  });

  it('an output limit at the call bounds the expected reply: max_tokens=16 is never priced as the assumed 250', () => {
    const bounded = pricePrompt(onModel('gpt-4o', { maxTokens: 16 }), ctx());
    assert.equal(bounded.tokens.output, 16);
    assert.match(bounded.tokens.outputSource, /capped at the call's output limit \(16\)/);
    close(bounded.costPerCall, (bounded.tokens.input * 2.5 + 16 * 10) / 1e6);
    // A limit above the assumption changes nothing; reasoning then takes what the limit leaves (o3: 64 − 64 = 0).
    assert.equal(pricePrompt(onModel('gpt-4o', { maxTokens: 4096 }), ctx()).tokens.output, 250);
    const o3 = pricePrompt(onModel('o3', { maxTokens: 64 }), ctx());
    assert.equal(o3.tokens.output + (o3.tokens.reasoning ?? 0), 64);
  });

  it('a thinking budget of 1e308 is bounded: finite, non-zero, never NaN', () => {
    for (const maxTokens of [undefined, 1e308]) {
      const c = pricePrompt(onModel('claude-sonnet-4-5', { maxTokens, reasoning: { enabled: true, budgetTokens: 1e308, written: 'thinking' } }), ctx());
      assert.equal(c.tokens.reasoning, MAX_REASONING_TOKENS);
      assert.ok(Number.isFinite(c.costPerCall) && c.costPerCall! > 0);
      close(c.costPerCall, (c.tokens.input * 3 + (250 + MAX_REASONING_TOKENS) * 15) / 1e6);
    }
  });

  it('thinking off (Gemini budget 0, Anthropic disabled) → 0; a model that does not reason ignores an effort', () => {
    assert.equal(pricePrompt(onModel('gemini-2.5-flash', { reasoning: { budgetTokens: 0, enabled: false, written: 'thinkingBudget=0' } }), ctx()).tokens.reasoning, 0);
    assert.equal(pricePrompt(onModel('gemini-2.5-flash', {}), ctx()).tokens.reasoning, 3000);
    assert.equal(pricePrompt(onModel('gpt-4o', { reasoning: { effort: 'high', written: 'reasoning_effort="high"' } }), ctx()).tokens.reasoning, undefined);
    assert.equal(pricePrompt(onModel('gpt-5-chat-latest', {}), ctx()).tokens.reasoning, undefined);
  });

  it('precedence: config prompts > call site > config models > config default > setting > built-in', () => {
    const { config } = parseWorkspaceConfig(JSON.stringify({ reasoningTokens: { default: 700, models: { o3: 1500 }, prompts: { 'app/chat.py#SYSTEM_PROMPT': 4200 } } }), '.promptcost.json');
    const low = { reasoning: { effort: 'low', written: 'reasoning_effort="low"' } };
    assert.equal(pricePrompt(onModel('o3', low), ctx({ workspaceConfig: config })).tokens.reasoning, 4200);
    const noPromptEntry = { ...config!, reasoningTokens: { ...config!.reasoningTokens, prompts: {} } };
    assert.equal(pricePrompt(onModel('o3', low), ctx({ workspaceConfig: noPromptEntry })).tokens.reasoning, 1000);
    assert.equal(pricePrompt(onModel('o3', {}), ctx({ workspaceConfig: noPromptEntry })).tokens.reasoning, 1500);
    assert.equal(pricePrompt(onModel('o4-mini', {}), ctx({ workspaceConfig: noPromptEntry })).tokens.reasoning, 700);
    const settings = { ...readSettings({ reasoningTokens: 900 }).settings, cacheHitRate: 0 };
    assert.equal(pricePrompt(onModel('o4-mini', {}), ctx({ settings })).tokens.reasoning, 900);
    assert.equal(pricePrompt(onModel('gpt-4o', {}), ctx({ settings })).tokens.reasoning, undefined, 'the setting applies to reasoning models only');
  });

  it('n choices reason n times (each completion is billed its own reasoning)', () => {
    const c = pricePrompt(onModel('o3', { n: 2 }), ctx());
    assert.equal(c.tokens.reasoning, 6000);
    close(c.costPerCall, (c.tokens.input * 2 + (500 + 6000) * 8) / 1e6);
  });

  it('reasoning is counted once per request, on its first message', () => {
    assert.equal(pricePrompt(onModel('o3', {}), ctx({ requestMessageCount: 2, requestIndex: 1 })).tokens.reasoning, undefined);
  });
});

describe('request cost: batch and cache_control from code', () => {
  it('a batch call is billed at the batch rate (50%), not the configured multiplier', () => {
    const c = pricePrompt(onModel('claude-haiku-4-5', { batch: { written: 'messages.batches.create(requests=[{ params }])' } }), ctx({ settings: { ...defaultSettings(), cacheHitRate: 0, batchMultiplier: 0.8 } }));
    assert.equal(c.batch?.multiplier, 0.5);
    // (input × $1 + 250 × $5) / 1M × 0.5
    close(c.costPerCall, ((c.tokens.input * 1 + 250 * 5) / 1e6) * 0.5);
  });

  const LONG = 'Refund policy. '.repeat(400); // ≥ 1,024 tokens: above Sonnet's caching minimum
  const cached = (ttl: '5m' | '1h') =>
    prompt([text(LONG)], { role: 'system', model: { name: 'claude-sonnet-4-5', source: 'call-site' }, callParams: { cacheControl: { ttl, breakpoints: 1, onTools: false, onSystem: true, onMessages: false } } });

  it('cache_control (5 minutes): writes 1.25× on misses, reads 0.1× on hits, at the hit rate', () => {
    const c = pricePrompt(cached('5m'), ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.8 } }));
    const P = c.tokens.input;
    assert.ok(P >= 1024);
    assert.equal(c.caching.verdict, 'cacheable');
    close(c.caching.writeTokens, P * 0.2);
    // 80% of the prefix read at $0.30, 20% written at $3.75, output at $15
    close(c.costPerCall, (P * 0.8 * 0.3 + P * 0.2 * 3.75 + 250 * 15) / 1e6);
  });

  it('cache_control with ttl "1h": writes at 2× input', () => {
    const c = pricePrompt(cached('1h'), ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.5 } }));
    const P = c.tokens.input;
    close(c.costPerCall, (P * 0.5 * 0.3 + P * 0.5 * 6 + 250 * 15) / 1e6);
    assert.match(c.caching.detail, /TTL 1 hour.*written at 2× input/);
  });

  it('a prefix below the minimum is not cached (priced as plain input)', () => {
    const c = pricePrompt(onModel('claude-sonnet-4-5', { cacheControl: { ttl: '5m', breakpoints: 1, onTools: false, onSystem: true, onMessages: false } }, { role: 'system' }), ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.8 } }));
    assert.equal(c.caching.verdict, 'too-short');
    close(c.costPerCall, (c.tokens.input * 3 + 250 * 15) / 1e6);
  });

  it('batch and caching stack: both discounts apply through the one formula', () => {
    const p = cached('5m');
    p.callParams.batch = { written: 'messages.batches.create' };
    const c = pricePrompt(p, ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.5 } }));
    const P = c.tokens.input;
    close(c.costPerCall, ((P * 0.5 * 0.3 + P * 0.5 * 3.75 + 250 * 15) / 1e6) * 0.5);
  });

  it('on a model with automatic caching a breakpoint changes nothing', () => {
    const p = cached('5m');
    p.model = { name: 'gpt-4o', source: 'call-site' };
    const withBreakpoint = pricePrompt(p, ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.5 } }));
    const without = pricePrompt({ ...p, callParams: {} }, ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.5 } }));
    assert.equal(withBreakpoint.costPerCall, without.costPerCall);
    assert.equal(withBreakpoint.caching.writeTokens, undefined);
  });

  it("the sidebar's caching verdict uses the breakpoints (no second saving offered on top)", () => {
    const p = cached('5m');
    const c2 = ctx({ settings: { ...defaultSettings(), cacheHitRate: 0.8 } });
    const advice = cacheAdvice(p, pricePrompt(p, c2), c2);
    assert.equal(advice.verdict, 'cacheable');
    assert.match(advice.messages[0], /^cache_control in code \(TTL 5 minutes\)/);
    assert.ok(!advice.messages.some((m) => /saves about/.test(m)));
  });

  it('empty config keeps the reasoning maps empty', () => {
    assert.deepEqual(emptyWorkspaceConfig().reasoningTokens, { models: {}, prompts: {} });
  });
});

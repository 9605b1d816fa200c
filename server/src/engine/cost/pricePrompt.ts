// Prices one detected prompt: tokens (static text, placeholders, chat framing, output), the model and its price,
// the call volume, caching at the hit rate, and the cost per call / day / month from the one cost model.
import type { Settings } from '../config/settings';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import { isPriceStale } from '../pricing/catalog';
import { countTokens, messageFramingTokens } from '../tokens';
import type { CacheVerdict, CostBreakdown, DetectedPrompt, ResolvedModel } from '../types';
import { cacheHitRate, placeholderSize, priceMultiplier, resolveOutputTokens, resolvePromptModel, resolveVolume } from './assumptions';
import { cacheableTokens, cachingRuleFor, withCacheRates, type CachingRuleData } from './cachingRules';
import { costFigures } from './costModel';
import { fragmentsForPlaceholder } from './fragments';
import { batchRateFor } from './batchRates';
import { codeCaching } from './cacheControl';
import { resolveReasoning } from './reasoning';
import { countToolTokens } from './toolTokens';
import { staticSegments } from './promptText';
import { groupThousands } from '../views/format';

export interface CostContext {
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
  /** Workspace-relative path of the document (volumes per glob, per-prompt config keys). */
  relativePath?: string;
  /** Messages in the chat request this prompt is part of; framing is counted for that many messages. */
  requestMessageCount?: number;
  /**
   * Added by pricing: this prompt's position among its request's messages. When given, the request's once-per-call
   * parts (reply priming, output) are counted on position 0 only, so summing a request's prompts counts them once.
   */
  requestIndex?: number;
  /** The date whose prices apply and against which staleness is measured; defaults to now. */
  now?: Date;
  /**
   * The document's fragments inserted into this prompt (cost/fragments.ts `fragmentsWithin`): a placeholder that
   * inserts one is sized by its real text, counted with this prompt's tokenizer, instead of the generic estimate.
   */
  fragments?: readonly DetectedPrompt[];
  /**
   * With `cache_control` in code: the request's whole cached prefix (tools and every message before the last
   * breakpoint), when the analysis knows it. The provider's minimum applies to that prefix, not to one message's share.
   */
  requestCachePrefixTokens?: number;
}

/** outputSource of a request's later messages (their output is counted on message 0). */
export const OUTPUT_ON_FIRST_MESSAGE = 'counted once per request, on its first message';

/**
 * The context `current` was priced in, for re-pricing the same prompt on other models: callers that pass only
 * `requestMessageCount` get the same request share (index 0, or a later message) the analysis used.
 */
export function contextLike(current: CostBreakdown, ctx: CostContext): CostContext {
  if (ctx.requestIndex !== undefined || (ctx.requestMessageCount ?? 0) <= 1) return ctx;
  return { ...ctx, requestIndex: current.tokens.outputSource === OUTPUT_ON_FIRST_MESSAGE ? 1 : 0 };
}

/** outputSource of a fragment (followed by the id of the prompt it is part of). */
export const FRAGMENT_OUTPUT = 'counted on the prompt it is part of:';

const CHAT_ROLES = new Set(['system', 'developer', 'user', 'assistant']);

/** Static-text and placeholder tokens of a prompt for one model's tokenizer (also used to re-count for alternatives). */
export function countPromptTokens(prompt: DetectedPrompt, tokenizerModel: string, ctx: CostContext, within: ReadonlySet<DetectedPrompt> = new Set([prompt])) {
  const { segments, placeholders } = staticSegments(prompt);
  let staticText = 0;
  let exact = true;
  let encoding = '';
  const segmentTokens: number[] = [];
  for (const segment of segments) {
    // Each run of static text is counted on its own: a placeholder's value breaks the tokenizer's merges there.
    const count = segment ? countTokens(segment, tokenizerModel) : undefined;
    const tokens = count?.tokens ?? 0;
    segmentTokens.push(tokens);
    staticText += tokens;
    if (count) {
      exact &&= count.exact;
      encoding = count.encoding;
    }
  }
  if (!encoding) {
    const probe = countTokens('', tokenizerModel);
    exact = probe.exact;
    encoding = probe.encoding;
  }
  let placeholderTokens = 0;
  let estimatedPlaceholders = 0;
  const fromFragments = { count: 0, tokens: 0 };
  for (const name of placeholders) {
    const known = fragmentSize(name, prompt, tokenizerModel, ctx, within);
    if (!known) {
      placeholderTokens += placeholderSize(name, ctx);
      estimatedPlaceholders++;
      continue;
    }
    placeholderTokens += known.tokens;
    fromFragments.count++;
    fromFragments.tokens += known.tokens;
    estimatedPlaceholders += known.estimatedPlaceholders;
    exact &&= known.exact;
  }
  return { staticText, placeholders: placeholderTokens, placeholderCount: placeholders.length, estimatedPlaceholders, fromFragments, segmentTokens, exact, encoding };
}

/**
 * Tokens of the fragment(s) a placeholder inserts: their static text and their own placeholders (fragments in turn,
 * or the estimate), without framing (a fragment is not a message). Several candidates (if/else bindings of one
 * name) are sized by the largest, and the size is then exact only when they all count the same.
 */
function fragmentSize(name: string, owner: DetectedPrompt, tokenizerModel: string, ctx: CostContext, within: ReadonlySet<DetectedPrompt>) {
  if (!ctx.fragments?.length) return undefined;
  const candidates = fragmentsForPlaceholder(name, owner, ctx.fragments).filter((f) => !within.has(f));
  if (!candidates.length) return undefined;
  const counts = candidates.map((f) => countPromptTokens(f, tokenizerModel, ctx, new Set([...within, f])));
  const totals = counts.map((c) => c.staticText + c.placeholders);
  const largest = totals.indexOf(Math.max(...totals));
  const same = totals.every((t) => t === totals[largest]);
  return { tokens: totals[largest], exact: same && counts[largest].exact, estimatedPlaceholders: counts[largest].estimatedPlaceholders };
}

function isChatMessage(prompt: DetectedPrompt, ctx: CostContext): boolean {
  return (ctx.requestMessageCount ?? 0) > 0 || prompt.requestId !== undefined || CHAT_ROLES.has(prompt.role);
}

/** Chat framing tokens for this prompt's share of its request. */
export function framingFor(prompt: DetectedPrompt, tokenizerModel: string, ctx: CostContext): number {
  // A fragment is no message of its own: the prompt it is inserted into carries the framing.
  if (prompt.fragmentOf || !isChatMessage(prompt, ctx)) return 0;
  const messages = Math.max(1, Math.floor(ctx.requestMessageCount ?? 1));
  if (ctx.requestIndex === undefined) return messageFramingTokens(messages, tokenizerModel);
  // Position 0 carries the per-request part; every other message only its own per-message overhead.
  const perMessage = messageFramingTokens(2, tokenizerModel) - messageFramingTokens(1, tokenizerModel);
  return ctx.requestIndex === 0 ? messageFramingTokens(1, tokenizerModel) : perMessage;
}

export interface CachingOutcome {
  verdict: CacheVerdict;
  rule?: CachingRuleData;
  staticPrefixTokens: number;
  /** Tokens read from the cache on a hit, when the cost assumes caching (automatic/implicit mechanisms). */
  cachedTokens: number;
  detail: string;
}

/** Cache verdict from the static prefix (static tokens before the first placeholder) against the model's rule. */
export function cachingOutcome(model: ResolvedModel, segmentTokens: number[], framing: number, hitRate: number): CachingOutcome {
  const rule = cachingRuleFor(model.id);
  const staticPrefixTokens = (segmentTokens[0] ?? 0) + framing;
  const allStatic = segmentTokens.reduce((a, b) => a + b, 0) + framing;
  if (!rule) return { verdict: 'not-supported', staticPrefixTokens, cachedTokens: 0, detail: `No prompt caching known for ${model.id}.` };
  const min = groupThousands(rule.minTokens);
  if (staticPrefixTokens < rule.minTokens) {
    if (segmentTokens.length > 1 && allStatic >= rule.minTokens) {
      return { verdict: 'variable-first', rule, staticPrefixTokens, cachedTokens: 0, detail: `A placeholder comes before most static text: only ${staticPrefixTokens} tokens precede it (caching needs ${min}). Move variables to the end.` };
    }
    return { verdict: 'too-short', rule, staticPrefixTokens, cachedTokens: 0, detail: `Static prefix of ${staticPrefixTokens} tokens is below the ${min}-token caching minimum.` };
  }
  const cacheable = cacheableTokens(rule, staticPrefixTokens);
  if (rule.mechanism === 'explicit') {
    return { verdict: 'cacheable', rule, staticPrefixTokens, cachedTokens: 0, detail: `${cacheable} prefix tokens can be cached with cache_control; not assumed in the cost (writes ${rule.writeMultiplier}×, reads ${rule.readMultiplier}× input).` };
  }
  const pct = Math.round(hitRate * 100);
  return { verdict: 'cacheable', rule, staticPrefixTokens, cachedTokens: cacheable, detail: `${cacheable} prefix tokens cached ${rule.mechanism}ally; priced at the cached-input rate on ${pct}% of calls (cacheHitRate).` };
}

/**
 * The reply the call can return: an output limit written at the call (`max_tokens=16`) bounds the expected reply per
 * choice, whatever the setting or the config assumes — the provider never bills more. Reasoning is then bounded by
 * what the limit leaves (reasoning.ts), so reply + reasoning never exceed it.
 */
function outputWithinLimit(expected: { tokens: number; source: string }, maxTokens: number | undefined): { tokens: number; source: string } {
  if (maxTokens === undefined || !Number.isFinite(maxTokens) || maxTokens < 0 || expected.tokens <= maxTokens) return expected;
  return { tokens: Math.floor(maxTokens), source: `${expected.source}, capped at the call's output limit (${Math.floor(maxTokens)})` };
}

/** Prices one prompt. Never throws for a prompt the detector produced; an unknown price leaves the costs undefined. */
export function pricePrompt(prompt: DetectedPrompt, ctx: CostContext): CostBreakdown {
  return priceOnModel(prompt, resolvePromptModel(prompt, ctx), ctx);
}

/** Prices a prompt on a given model (the model-switch table re-prices the same prompt on other models with this). */
export function priceOnModel(prompt: DetectedPrompt, model: ResolvedModel, ctx: CostContext): CostBreakdown {
  const tokenizerModel = model.tokenizerModel ?? model.id;
  const counted = countPromptTokens(prompt, tokenizerModel, ctx);
  const framing = framingFor(prompt, tokenizerModel, ctx);
  // Once-per-call parts (tool definitions, reasoning) go on the request's first message, as the output does.
  const carriesRequest = !prompt.fragmentOf && (ctx.requestIndex === undefined || ctx.requestIndex === 0);
  const tools = carriesRequest && prompt.callParams.tools ? countToolTokens(prompt.callParams.tools, model, tokenizerModel) : undefined;
  const messageTokens = counted.staticText + counted.placeholders + framing;
  const input = messageTokens + (tools?.tokens ?? 0);

  const expected = outputWithinLimit(resolveOutputTokens(prompt, ctx), prompt.callParams.maxTokens);
  const choices = prompt.callParams.n && prompt.callParams.n > 1 ? Math.floor(prompt.callParams.n) : 1;
  let output = expected.tokens * choices;
  let outputSource = choices > 1 ? `${expected.source} × n=${choices} choices` : expected.source;
  if (ctx.requestIndex !== undefined && ctx.requestIndex > 0) {
    output = 0;
    outputSource = OUTPUT_ON_FIRST_MESSAGE;
  }
  if (prompt.fragmentOf) {
    // Its cost is its share of the larger prompt's input; the reply belongs to that prompt's request.
    output = 0;
    outputSource = `${FRAGMENT_OUTPUT} ${prompt.fragmentOf}`;
  }
  const maxTokens = prompt.callParams.maxTokens;

  // Each of the n choices reasons on its own, as each writes its own output.
  const perChoice = carriesRequest ? resolveReasoning(prompt, model, ctx, expected.tokens) : undefined;
  const reasoning = perChoice && choices > 1 ? { tokens: perChoice.tokens * choices, source: `${perChoice.source} × n=${choices} choices` } : perChoice;

  const hitRate = cacheHitRate(ctx);
  const inCode = codeCaching(prompt, model, { messageTokens, toolTokens: tools?.tokens ?? 0, requestPrefixTokens: ctx.requestCachePrefixTokens }, hitRate);
  const caching = inCode
    ? { verdict: inCode.verdict, rule: inCode.rule, staticPrefixTokens: inCode.prefixTokens, cachedTokens: inCode.verdict === 'cacheable' ? inCode.prefixTokens : 0, detail: inCode.detail }
    : cachingOutcome(model, counted.segmentTokens, framing, hitRate);
  const volume = resolveVolume(prompt, ctx);
  // A batch call seen in code is billed at its provider's batch rate instead of the configured multiplier.
  const batch = prompt.callParams.batch ? batchRateFor(model, prompt.callParams.batch.written) : undefined;
  const figures = costFigures(
    inCode ? { input, cacheRead: inCode.readTokens, cacheWrite: inCode.writeTokens, output: output + (reasoning?.tokens ?? 0) } : { input, cacheRead: caching.cachedTokens * hitRate, output: output + (reasoning?.tokens ?? 0) },
    inCode?.price ?? (model.price && withCacheRates(model.price, caching.rule)),
    volume.callsPerDay,
    batch ? batch.multiplier : priceMultiplier(ctx),
  );

  const breakdown: CostBreakdown = {
    model,
    tokens: {
      staticText: counted.staticText,
      placeholders: counted.placeholders,
      placeholderCount: counted.placeholderCount,
      ...(counted.fromFragments.count ? { fragmentPlaceholders: counted.fromFragments, estimatedPlaceholders: counted.estimatedPlaceholders } : {}),
      framing,
      input,
      output,
      outputSource,
      ...(tools ? { tools: tools.tokens, toolsSource: tools.source } : {}),
      ...(reasoning ? { reasoning: reasoning.tokens, reasoningSource: reasoning.source } : {}),
      ...(maxTokens !== undefined && Number.isFinite(maxTokens) && !prompt.fragmentOf ? { maxOutput: maxTokens * choices } : {}),
      // Tool definitions are counted by a published formula or as JSON, never by the vendor's own rendering.
      exact: counted.exact && !tools?.tokens,
      encoding: counted.encoding,
    },
    volume,
    caching: { verdict: caching.verdict, cachedTokens: caching.cachedTokens, hitRate, detail: caching.detail, ...(inCode ? { inCode: true, codePrefixTokens: inCode.prefixTokens } : {}), ...(inCode?.verdict === 'cacheable' ? { writeTokens: inCode.writeTokens } : {}) },
    ...(batch ? { batch: { multiplier: batch.multiplier, source: `${prompt.callParams.batch!.written}: ${batch.source}` } } : {}),
  };
  if (figures) Object.assign(breakdown, figures);
  if (model.price) breakdown.priceStale = isPriceStale(model.price, ctx.settings.priceMaxAgeDays, ctx.now);
  return breakdown;
}

// One document, end to end: detect prompts → price each (tokens, model, volume, caching) → run the rules → add the
// price and budget findings. The language server and the CLI both call this, so the audit lists exactly what the
// editor shows for the same settings and config file.
import type { Settings } from './config/settings';
import type { WorkspaceConfig } from './config/workspaceConfig';
import { checkBudgets } from './cost/budgets';
import { costPerCall, costPerMonth } from './cost/costModel';
import { priceFindings } from './cost/findings';
import { ruleSeverities } from './config/ruleSeverities';
import { pricePrompt, type CostContext } from './cost/pricePrompt';
import { priceMultiplier } from './cost/assumptions';
import { countsInTotals, fragmentIndex, fragmentsWithin } from './cost/fragments';
import { DocumentDetector, detectPrompts, type TextEdit0 } from './detection';
import { PromptResultCache, promptResultKey, pythonImportLines } from './promptResultCache';
import { DEFAULT_LONG_PROMPT_TOKENS, runRulesBeforeDisableComments, withoutDisabledFindings, type RuleContext } from './rules';
import { requestFacts } from './rules/requestFacts';
import { countTokens } from './tokens';
import type { AnalyzedPrompt, CostBreakdown, DetectedPrompt, DocumentAnalysis, RequestUse, SourceInput } from './types';
import { monthlyCostOverRequests, promptInRequest, requestGroups } from './cost/requestShares';
import { maxFileBytesSetting } from './detection/inputGuards';
import { fileScope, withoutTestReplies } from './config/testScope';
import type { CrossFileFinding } from './detection/workspace/crossFileFindings';
import { withCrossFile } from './detection/workspace/crossFilePrompts';

export interface AnalysisContext {
  settings: Settings;
  workspaceConfig?: WorkspaceConfig;
  /** Workspace-relative path of the document, `/`-separated (per-glob volumes, prompt ids in the config). */
  relativePath?: string;
  /** What the workspace index found for this document across files (detection/workspace/): applied to its detection. */
  crossFile?: readonly CrossFileFinding[];
}

/** What one input token of this prompt costs per month at its volume: turns token savings into dollars. */
function monthlyCostPerInputToken(cost: CostBreakdown, ctx: CostContext): number | undefined {
  const price = cost.model.price;
  if (!price) return undefined;
  const perCall = costPerCall({ input: 1, output: 0 }, price, cost.batch?.multiplier ?? priceMultiplier(ctx));
  return costPerMonth(perCall, cost.volume.callsPerDay);
}

/**
 * The cost context to re-price an analysed prompt in (hover and sidebar alternatives, cache advice): its request's
 * message count (fragments are no messages) and the fragments that size its placeholders, as the analysis used.
 */
export function repricingContext(analysis: DocumentAnalysis, prompt: DetectedPrompt, base: CostContext): CostContext {
  const prompts = analysis.prompts.map((a) => a.prompt);
  const requestId = countsInTotals(prompt) ? prompt.requestId : undefined;
  const fragments = fragmentsWithin(prompt, prompts);
  const group = requestId ? requestGroups(prompts).get(requestId) : undefined;
  // As analyzeDocument: the minimum cacheable length of cache_control applies to the request's whole prefix.
  const prefix = requestId && group && prompt.callParams.cacheControl ? cachePrefixByRequest(new Map([[requestId, group]]), fragmentIndex(prompts), base).get(requestId) : undefined;
  return {
    ...base,
    ...(prefix !== undefined ? { requestCachePrefixTokens: prefix } : {}),
    // As analyzeDocument: a prompt outside any request gets no request context (no framing unless it is a chat role).
    requestMessageCount: group?.length,
    ...(fragments.length ? { fragments } : {}),
  };
}

/** What of the fragments a prompt's cost reads (texts, placeholder names, ids, symbols): part of its cache key. */
function fragmentsKey(fragments: readonly DetectedPrompt[]): string {
  if (!fragments.length) return '';
  return JSON.stringify(fragments.map((f) => [f.id, f.symbol, f.fragmentOf, f.fills, f.textTransform, f.parts.map((p) => (p.kind === 'text' ? p.text : [p.name]))]));
}

/** Per open document (its detector): the unchanged prompts' results of the previous analysis. */
const RESULT_CACHES = new WeakMap<DocumentDetector, PromptResultCache>();

/**
 * A prompt's share of each further call that sends it: priced as a message of that call's request (its own model,
 * parameters and volume), the once-per-call parts on the request's first message as always.
 */
function moreRequestCosts(prompt: DetectedPrompt, groups: Map<string, DetectedPrompt[]>, base: CostContext): { use: RequestUse; cost: CostBreakdown }[] {
  return prompt.moreRequests!.map((use) => {
    const group = use.requestId ? groups.get(use.requestId) : undefined;
    const request = group ? { requestMessageCount: group.length, requestIndex: Math.max(0, group.indexOf(prompt)) } : { requestMessageCount: undefined, requestIndex: undefined };
    return { use, cost: pricePrompt(promptInRequest(prompt, use), { ...base, ...request, requestCachePrefixTokens: undefined }) };
  });
}

/**
 * The cached prefix of each request that sets `cache_control` in code: the sum of its messages' shares (tools on the
 * first). The provider's minimum cacheable length applies to that whole prefix, so a system prompt too short on its
 * own is cached when the prefix it opens passes (priced once more per message; only requests with breakpoints).
 */
function cachePrefixByRequest(groups: Map<string, DetectedPrompt[]>, fragments: ReturnType<typeof fragmentIndex>, base: CostContext): Map<string, number> {
  const out = new Map<string, number>();
  for (const [requestId, group] of groups) {
    if (group.length < 2 || !group.some((p) => p.requestId === requestId && p.callParams.cacheControl)) continue;
    let sum = 0;
    group.forEach((p, index) => {
      if (p.requestId !== requestId) return; // a further request of a shared text: priced without the sum
      const within = fragmentsWithin(p, fragments);
      sum += pricePrompt(p, { ...base, requestMessageCount: group.length, requestIndex: index, ...(within.length ? { fragments: within } : {}) }).caching.codePrefixTokens ?? 0;
    });
    out.set(requestId, sum);
  }
  return out;
}

export async function analyzeDocument(
  input: SourceInput,
  ctx: AnalysisContext,
  detector?: DocumentDetector,
  edits?: TextEdit0[],
): Promise<DocumentAnalysis> {
  // The size limit the audit read the file under (setting promptCost.maxFileBytes), or detection's default would undo a raised one.
  const detectionOptions = { promptFileGlobs: ctx.workspaceConfig?.promptFileGlobs, maxFileBytes: maxFileBytesSetting(ctx.settings) };
  const detection = withCrossFile(input, detector ? await detector.update(input, edits) : await detectPrompts(input, detectionOptions), ctx.crossFile);
  // A test file's prompts are analysed as any other (the editor shows them) and marked; its faked replies are no input.
  const testFile = fileScope(ctx.relativePath ?? input.fileName, ctx.workspaceConfig) === 'test';
  const base = { uri: input.uri, language: detection.prompts[0]?.language, ...(testFile ? { scope: 'test' as const } : {}) };
  if (detection.skipped) {
    return { ...base, prompts: [], documentFindings: [], skipped: detection.skipped, totals: { monthlyCost: 0, unpricedPrompts: 0, prompts: 0 } };
  }
  const prompts = testFile ? withoutTestReplies(detection.prompts) : detection.prompts;

  const groups = requestGroups(prompts);
  const severities = ruleSeverities(ctx.settings, ctx.workspaceConfig);
  const longPromptTokens = typeof ctx.settings.longPromptTokens === 'number' ? ctx.settings.longPromptTokens : DEFAULT_LONG_PROMPT_TOKENS;
  // Only an open document (one with a detector) keeps results between analyses; the CLI analyses each file once.
  let cache: PromptResultCache | undefined;
  if (detector) {
    cache = RESULT_CACHES.get(detector) ?? new PromptResultCache();
    RESULT_CACHES.set(detector, cache);
    cache.begin({ settings: ctx.settings, workspaceConfig: ctx.workspaceConfig, relativePath: ctx.relativePath, uri: input.uri });
  }
  const imports = cache && prompts.some((p) => p.language === 'python') ? pythonImportLines(input.text) : '';
  const fragmentsByOwner = fragmentIndex(prompts);
  const baseContext: CostContext = { settings: ctx.settings, workspaceConfig: ctx.workspaceConfig, relativePath: ctx.relativePath };
  const cachePrefixes = cachePrefixByRequest(groups, fragmentsByOwner, baseContext);
  const analyzed: AnalyzedPrompt[] = [];
  for (const prompt of prompts) {
    const group = prompt.requestId && countsInTotals(prompt) ? groups.get(prompt.requestId) ?? [prompt] : undefined;
    const prefix = prompt.requestId ? cachePrefixes.get(prompt.requestId) : undefined;
    const request = group ? { requestMessageCount: group.length, requestIndex: group.indexOf(prompt), ...(prefix !== undefined ? { requestCachePrefixTokens: prefix } : {}) } : {};
    // Fragments inserted into this prompt size its placeholders: their texts are inputs of its cost (and its key).
    const fragments = fragmentsWithin(prompt, fragmentsByOwner);
    const costContext: CostContext = { ...baseContext, ...request, ...(fragments.length ? { fragments } : {}) };
    const requestSiblings = group?.filter((p) => p !== prompt);
    const key = cache ? promptResultKey(prompt, input.text, requestSiblings, `${JSON.stringify(request)}\u0000${imports}\u0000${fragmentsKey(fragments)}`) : '';
    const reused = cache?.lookup(key, prompt);
    const cost = reused?.cost ?? pricePrompt(prompt, costContext);
    const tokenizerModel = cost.model.tokenizerModel ?? cost.model.id;
    const ruleContext: RuleContext = {
      documentText: input.text,
      countTokens: (text) => countTokens(text, tokenizerModel).tokens,
      monthlyCostPerInputToken: monthlyCostPerInputToken(cost, costContext),
      severities,
      userPhrases: ctx.workspaceConfig?.phrases,
      longPromptTokens,
      requestSiblings,
      request: requestFacts(prompt, cost, group, { settings: ctx.settings, workspaceConfig: ctx.workspaceConfig, relativePath: ctx.relativePath }, fragmentsByOwner),
    };
    let ruleFindings = reused?.ruleFindings;
    if (!ruleFindings) {
      ruleFindings = runRulesBeforeDisableComments(prompt, ruleContext);
      cache?.store(key, prompt, cost, ruleFindings);
    }
    const findings = [
      ...withoutDisabledFindings(ruleFindings, prompt, ruleContext),
      ...priceFindings(prompt, cost, ctx),
      ...checkBudgets([{ prompt, cost, relativePath: ctx.relativePath }], ctx),
    ].map((f) => ({ promptId: prompt.id, ...f }));
    const more = countsInTotals(prompt) && prompt.moreRequests?.length ? moreRequestCosts(prompt, groups, costContext) : undefined;
    analyzed.push({ prompt, cost, findings, ...(more ? { moreRequests: more } : {}) });
  }
  cache?.end();

  // Fragments keep their entries (rules apply to their text) but their cost is already in their larger prompt's.
  const counted = analyzed.filter((a) => countsInTotals(a.prompt));
  const monthly = counted.map(monthlyCostOverRequests);
  return {
    ...base,
    prompts: analyzed,
    documentFindings: [],
    totals: {
      monthlyCost: monthly.reduce<number>((sum, m) => sum + (m ?? 0), 0),
      unpricedPrompts: monthly.filter((m) => m === undefined).length,
      prompts: counted.length,
      ...(groups.size ? { requests: groups.size } : {}),
    },
  };
}

// One text, several requests: a prompt constant sent by two calls (maybe to two models, maybe from another file) is a
// message of each. The cost layer prices it once per request (its share of that request, as for any message), and
// every total adds those shares, so each request is counted once and the text once per request that sends it.
import type { AnalyzedPrompt, CostBreakdown, DetectedPrompt, RequestUse } from '../types';
import { countsInTotals } from './fragments';

/**
 * Request id → the prompts sent as its messages, in document order: prompts whose own request it is and prompts
 * that another call of it sends too (`moreRequests`). Fragments are no messages.
 */
export function requestGroups(prompts: readonly DetectedPrompt[]): Map<string, DetectedPrompt[]> {
  const groups = new Map<string, DetectedPrompt[]>();
  const add = (id: string, p: DetectedPrompt) => {
    const group = groups.get(id) ?? [];
    if (!group.includes(p)) group.push(p);
    groups.set(id, group);
  };
  for (const p of prompts) {
    if (!countsInTotals(p)) continue;
    if (p.requestId) add(p.requestId, p);
    for (const use of p.moreRequests ?? []) if (use.requestId) add(use.requestId, p);
  }
  for (const group of groups.values()) group.sort((a, b) => a.span.start - b.span.start);
  return groups;
}

/** The prompt as the further call `use` sends it: that call's request, model, parameters and annotation. */
export function promptInRequest(prompt: DetectedPrompt, use: RequestUse): DetectedPrompt {
  const { moreRequests: _others, ...own } = prompt;
  void _others;
  return { ...own, requestId: use.requestId, model: use.model, callParams: use.callParams, annotation: use.annotation };
}

/** Every request share of an analysed prompt: its own request first, then the further calls that send it. */
export function requestShares(analyzed: AnalyzedPrompt): { requestId?: string; site?: string; cost: CostBreakdown }[] {
  return [
    { requestId: analyzed.prompt.requestId, cost: analyzed.cost },
    ...(analyzed.moreRequests ?? []).map((m) => ({ requestId: m.use.requestId, site: m.use.site, cost: m.cost })),
  ];
}

/**
 * What the text costs a month over all the requests that send it (what removing it saves); undefined when one of
 * them has no price (an unknown price is never counted as $0).
 */
export function monthlyCostOverRequests(analyzed: AnalyzedPrompt): number | undefined {
  let sum = 0;
  for (const share of requestShares(analyzed)) {
    if (share.cost.costPerMonth === undefined) return undefined;
    sum += share.cost.costPerMonth;
  }
  return sum;
}

/** `app/extract.py#openai.chat.completions@7` → `app/extract.py:7`: where a request's call is, for the editor. */
export function requestSite(requestId: string | undefined): string | undefined {
  const m = requestId ? /^(.*)#[^#]*@(\d+)$/.exec(requestId) : null;
  return m ? `${m[1]}:${m[2]}` : undefined;
}

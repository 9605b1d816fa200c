// The requests (call sites) of one document, for the sidebar's "Requests in this file" table and the status bar's
// tooltip: each request's figures are the sums of its messages' shares (a text several calls send adds its share to
// each), with what the provider bills beyond the text — tools, visible output, reasoning — and the batch and
// cache_control flags. Numbers for sorting, text for display (the webview only renders).
import type { CostBreakdown, DocumentAnalysis } from '../types';
import { countsInTotals } from '../cost/fragments';
import { requestShares } from '../cost/requestShares';
import { formatTokens, formatUsd } from './format';

export interface RequestRow {
  /** `app/agent.py#openai.chat.completions@9`. */
  id: string;
  /** 1-based line of the call (from the id). */
  line: number;
  /** The call's kind, from the id: `openai.chat.completions`, `anthropic.messages`, `batch`, `messages`. */
  sink: string;
  /** Of the message that carries the output (the request's first). */
  modelId: string;
  /** Ids of the prompts sent as its messages. */
  promptIds: string[];
  inputTokens: number;
  toolTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  batch: boolean;
  /** `cache_control` breakpoints in the code are priced (writes and reads). */
  cacheControl: boolean;
  exact: boolean;
  costPerCall?: number;
  callsPerDay: number;
  costPerMonth?: number;
  text: { input: string; tools: string; output: string; reasoning: string; costPerCall: string; costPerMonth: string; flags: string };
}

interface Share {
  promptId: string;
  cost: CostBreakdown;
}

/** The document's requests, most expensive first (unpriced last, then by line). */
export function requestRows(analysis: DocumentAnalysis): RequestRow[] {
  const byId = new Map<string, Share[]>();
  for (const a of analysis.prompts) {
    if (!countsInTotals(a.prompt)) continue;
    for (const share of requestShares(a)) {
      if (!share.requestId) continue;
      const list = byId.get(share.requestId) ?? [];
      list.push({ promptId: a.prompt.id, cost: share.cost });
      byId.set(share.requestId, list);
    }
  }
  const rows = [...byId].map(([id, shares]) => requestRow(id, shares));
  return rows.sort((a, b) => {
    if ((a.costPerMonth === undefined) !== (b.costPerMonth === undefined)) return a.costPerMonth === undefined ? 1 : -1;
    return (b.costPerMonth ?? 0) - (a.costPerMonth ?? 0) || a.line - b.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function requestRow(id: string, shares: Share[]): RequestRow {
  const first = shares.find((s) => s.cost.tokens.output > 0 || (s.cost.tokens.reasoning ?? 0) > 0) ?? shares[0];
  const sum = (f: (c: CostBreakdown) => number) => shares.reduce((total, s) => total + f(s.cost), 0);
  const priced = shares.every((s) => s.cost.costPerCall !== undefined);
  const costPerCall = priced ? sum((c) => c.costPerCall ?? 0) : undefined;
  const costPerMonth = priced ? sum((c) => c.costPerMonth ?? 0) : undefined;
  const tail = id.slice(id.lastIndexOf('#') + 1);
  const at = /@(\d+)$/.exec(tail);
  const exact = shares.every((s) => s.cost.tokens.exact);
  const batch = shares.some((s) => s.cost.batch !== undefined);
  const cacheControl = shares.some((s) => s.cost.caching.inCode === true);
  const inputTokens = sum((c) => c.tokens.input);
  const toolTokens = sum((c) => c.tokens.tools ?? 0);
  const outputTokens = sum((c) => c.tokens.output);
  const reasoningTokens = sum((c) => c.tokens.reasoning ?? 0);
  const flags = [batch ? `batch ${Math.round((first.cost.batch ?? shares.find((s) => s.cost.batch)!.cost.batch!).multiplier * 100)}%` : '', cacheControl ? 'cache_control' : ''].filter(Boolean).join(', ');
  return {
    id,
    line: at ? Number(at[1]) : 0,
    sink: at ? tail.slice(0, at.index) : tail,
    modelId: first.cost.model.id,
    promptIds: shares.map((s) => s.promptId),
    inputTokens,
    toolTokens,
    outputTokens,
    reasoningTokens,
    batch,
    cacheControl,
    exact,
    costPerCall,
    callsPerDay: first.cost.volume.callsPerDay,
    costPerMonth,
    text: {
      input: formatTokens(inputTokens, exact),
      tools: toolTokens ? `≈${formatTokens(toolTokens)}` : '—',
      output: formatTokens(outputTokens),
      // Reasoning is always an estimate.
      reasoning: reasoningTokens ? `≈${formatTokens(reasoningTokens)}` : '—',
      costPerCall: formatUsd(costPerCall),
      costPerMonth: formatUsd(costPerMonth),
      flags,
    },
  };
}

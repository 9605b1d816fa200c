// Small hand-made analyses for the sidebar tests. Figures are worked out by hand in the comments, not by the engine.
import type { AnalyzedPrompt, CostBreakdown, DetectedPrompt, DocumentAnalysis, ResolvedModel } from '../../server/src/engine/types';

export const GPT_4O: ResolvedModel = {
  id: 'gpt-4o',
  provider: 'openai',
  requested: 'gpt-4o',
  source: 'call-site',
  contextWindow: 128000,
  price: { inputPerMillion: 2.5, outputPerMillion: 10, cachedInputPerMillion: 1.25, source: '@pydantic/genai-prices 0.1.8', date: '2026-10-01' },
};

export function model(id: string, provider: string, inputPerMillion: number, outputPerMillion: number, contextWindow?: number): ResolvedModel {
  return {
    id,
    provider,
    requested: id,
    source: 'config',
    ...(contextWindow ? { contextWindow } : {}),
    price: { inputPerMillion, outputPerMillion, source: '@pydantic/genai-prices 0.1.8', date: '2026-10-01' },
  };
}

/** Per call = input × in/1e6 + output × out/1e6; per month = per call × calls/day × 30. */
export function cost(m: ResolvedModel, input: number, output: number, callsPerDay: number, exact = true): CostBreakdown {
  const perCall = m.price ? (input * m.price.inputPerMillion + output * m.price.outputPerMillion) / 1e6 : undefined;
  return {
    model: m,
    tokens: { staticText: input, placeholders: 0, placeholderCount: 0, framing: 0, input, output, outputSource: 'setting', exact, encoding: exact ? 'o200k_base' : 'estimate' },
    volume: { callsPerDay, source: 'setting' },
    caching: { verdict: 'too-short', cachedTokens: 0, hitRate: 0.5, detail: '' },
    ...(perCall !== undefined ? { costPerCall: perCall, costPerDay: perCall * callsPerDay, costPerMonth: perCall * callsPerDay * 30 } : {}),
  };
}

export function prompt(id: string, text: string, start: number, extra: Partial<DetectedPrompt> = {}): DetectedPrompt {
  return {
    id,
    language: 'python',
    span: { start, end: start + text.length + 2 },
    role: 'system',
    signals: [{ kind: 'sink', detail: 'passed as system= to client.messages.create' }],
    confidence: 0.9,
    parts: [{ kind: 'text', text, span: { start: start + 1, end: start + 1 + text.length }, offsets: [], literal: { language: 'python', quote: '"', raw: false, fString: false, bracesAreSyntax: false, templateLiteral: false } }],
    callParams: {},
    ...extra,
  };
}

export function analysis(uri: string, prompts: AnalyzedPrompt[]): DocumentAnalysis {
  const priced = prompts.filter((p) => p.cost.costPerMonth !== undefined);
  return {
    uri,
    language: 'python',
    prompts,
    documentFindings: [],
    totals: {
      monthlyCost: priced.reduce((s, p) => s + (p.cost.costPerMonth ?? 0), 0),
      unpricedPrompts: prompts.length - priced.length,
      prompts: prompts.length,
    },
  };
}

// Data: what a batch API bills against list prices, per provider, with source and date. A call the detector sees
// going through a batch (Anthropic `messages.batches.create`, an OpenAI Batch input line) is priced at this rate
// instead of the configured `batchMultiplier` (the two never multiply). The discount stacks with prompt caching
// (Anthropic: "the discounts stack"), which the one cost formula does by multiplying the whole call.
import type { ResolvedModel } from '../types';

export interface BatchRate {
  provider: string;
  multiplier: number;
  source: string;
  date: string;
}

export const BATCH_RATES: BatchRate[] = [
  { provider: 'anthropic', multiplier: 0.5, source: 'Anthropic docs, Batch processing — 50% of standard prices (docs.claude.com/en/docs/build-with-claude/batch-processing)', date: '2026-12' },
  { provider: 'openai', multiplier: 0.5, source: 'OpenAI docs, Batch API — 50% discount (platform.openai.com/docs/guides/batch)', date: '2026-12' },
  { provider: 'google', multiplier: 0.5, source: 'Google Gemini API docs, Batch Mode — 50% of the interactive price (ai.google.dev/gemini-api/docs/batch-mode)', date: '2026-12' },
];

/** The batch rate for a model: its provider's row, else the row of the API the code calls (`written` names it). */
export function batchRateFor(model: ResolvedModel, written: string): BatchRate {
  const byProvider = BATCH_RATES.find((r) => r.provider === model.provider);
  if (byProvider) return byProvider;
  const api = /OpenAI/.test(written) ? 'openai' : 'anthropic';
  return BATCH_RATES.find((r) => r.provider === api)!;
}

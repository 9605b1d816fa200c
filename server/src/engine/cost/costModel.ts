// THE cost formula. Every figure the product shows (hint, hover, sidebar, audit, CLI, budgets) comes from here.
//   cost per call  = (uncached input × input price + cache reads × cached price + cache writes × write price
//                     + output × output price) / 1,000,000 × price multiplier (batch)
//   cost per day   = cost per call × calls per day
//   cost per month = cost per call × calls per day × DAYS_PER_MONTH
// Input counts INCLUDE cached tokens (as OpenAI `prompt_tokens` and genai-prices `input_tokens` do): cache reads and
// writes are partitions of the input, never added on top of it, so nothing is counted twice.
import type { PriceInfo } from '../types';

/** A month is 30 days everywhere in the product (documented in docs/design/numbers.md). */
export const DAYS_PER_MONTH = 30;

export interface CallTokens {
  /** All input tokens of one call, cached ones included. */
  input: number;
  /** Of `input`: tokens expected to be read from the prompt cache per call (hit rate × cacheable prefix). */
  cacheRead?: number;
  /** Of `input`: tokens expected to be written to the cache per call (explicit caching on a miss). */
  cacheWrite?: number;
  output: number;
}

export interface PerTokenPrices {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/** The per-million prices that apply to a call of this size (long-context tier above its threshold). */
export function pricesForCall(price: PriceInfo, inputTokens: number): PerTokenPrices {
  const tier = price.longContext && inputTokens > price.longContext.aboveInputTokens ? price.longContext : undefined;
  const input = tier?.inputPerMillion ?? price.inputPerMillion;
  return {
    input,
    output: tier?.outputPerMillion ?? price.outputPerMillion,
    // Without a published cached price a cache read is billed as ordinary input: no invented discount.
    cacheRead: tier?.cachedInputPerMillion ?? price.cachedInputPerMillion ?? input,
    cacheWrite: tier?.cacheWritePerMillion ?? price.cacheWritePerMillion ?? input,
  };
}

function nonNegative(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : 0;
}

/** USD for one call. `multiplier` is the batch/price multiplier (1 = list prices). */
export function costPerCall(tokens: CallTokens, price: PriceInfo, multiplier = 1): number {
  const input = nonNegative(tokens.input);
  // Cache reads and writes are shares of the input: clamp so they can never exceed it.
  const cacheRead = Math.min(nonNegative(tokens.cacheRead), input);
  const cacheWrite = Math.min(nonNegative(tokens.cacheWrite), input - cacheRead);
  const uncached = input - cacheRead - cacheWrite;
  const p = pricesForCall(price, input);
  const micro = uncached * p.input + cacheRead * p.cacheRead + cacheWrite * p.cacheWrite + nonNegative(tokens.output) * p.output;
  return (micro / 1_000_000) * nonNegative(multiplier);
}

/**
 * Of `costPerCall`: what the expected output costs (at the call's price tier). The inline hint says how much of a
 * figure is the reply the product assumed rather than the prompt the user wrote.
 */
export function outputCostPerCall(tokens: CallTokens, price: PriceInfo, multiplier = 1): number {
  const p = pricesForCall(price, nonNegative(tokens.input));
  return ((nonNegative(tokens.output) * p.output) / 1_000_000) * nonNegative(multiplier);
}

export function costPerDay(perCall: number, callsPerDay: number): number {
  return perCall * callsPerDay;
}

export function costPerMonth(perCall: number, callsPerDay: number): number {
  return perCall * callsPerDay * DAYS_PER_MONTH;
}

export interface CostFigures {
  costPerCall: number;
  /** Of `costPerCall`: what the expected output costs. */
  outputCostPerCall: number;
  costPerDay: number;
  costPerMonth: number;
}

/** All the figures at once; undefined when there is no price (never $0 for an unknown price). */
export function costFigures(tokens: CallTokens, price: PriceInfo | undefined, callsPerDay: number, multiplier = 1): CostFigures | undefined {
  if (!price) return undefined;
  const perCall = costPerCall(tokens, price, multiplier);
  return { costPerCall: perCall, outputCostPerCall: outputCostPerCall(tokens, price, multiplier), costPerDay: costPerDay(perCall, callsPerDay), costPerMonth: costPerMonth(perCall, callsPerDay) };
}

/**
 * Saving per call from caching `cacheableTokens` of the input at `hitRate`, against no caching. With explicit caching
 * (`payWrites`) each miss writes the prefix at the cache-write price, so the saving can be negative at low hit rates.
 */
export function cachingSavingPerCall(
  tokens: { input: number; output: number },
  cacheableTokens: number,
  hitRate: number,
  price: PriceInfo,
  payWrites: boolean,
  multiplier = 1,
): number {
  const cached = Math.min(nonNegative(cacheableTokens), nonNegative(tokens.input));
  const rate = Math.min(Math.max(nonNegative(hitRate), 0), 1);
  const without = costPerCall(tokens, price, multiplier);
  const withCache = costPerCall({ ...tokens, cacheRead: cached * rate, cacheWrite: payWrites ? cached * (1 - rate) : 0 }, price, multiplier);
  return without - withCache;
}

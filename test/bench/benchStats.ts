// What every benchmark reports and how its medians and p95s are computed: one definition for all of them.

/** One row of `npm run bench` (see test/bench/run-bench.js). */
export interface BenchResult {
  name: string;
  median: number;
  unit: string;
  p95?: number;
  bar?: string;
  pass?: boolean;
  note?: string;
}

/** Nearest-rank percentile (p in 0..1): the smallest sample with at least p of the samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

/** Median and p95, rounded to hundredths for the table. */
export function stats(samples: readonly number[]): { median: number; p95: number } {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(median(samples)), p95: round(percentile(samples, 0.95)) };
}

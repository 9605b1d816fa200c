// The reports' words for numbers, over the shared formatting (server/src/engine/views/format.ts): dollars in full
// (`formatUsdInFull`), token counts with thousands separators. Unpriced is a word, never $0.
import type { FindingCounts } from '../audit/types';
import { formatTokens, formatUsdInFull } from '../views/format';

export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unpriced';
  return formatUsdInFull(value);
}

/** A signed change: `+$12.00`, `-$3.10`. */
export function usdDelta(value: number): string {
  if (value === 0) return '$0';
  return value > 0 ? `+${usd(value)}` : usd(value);
}

export function tokens(value: number): string {
  return formatTokens(value);
}

/**
 * `1 error, 0 warnings, 7 info, 13 hints`: each severity on its own, as the Problems panel counts them (information
 * findings are listed there, hints are not; one word for both misled).
 */
export function findingCountsText(c: FindingCounts): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(c.error, 'error', 'errors'), n(c.warning, 'warning', 'warnings'), `${c.information} info`, n(c.hint, 'hint', 'hints')].join(', ');
}

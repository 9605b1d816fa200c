// The reports' words for numbers, over the shared formatting (server/src/engine/views/format.ts): dollars in full
// (`formatUsdInFull`), token counts with thousands separators. Unpriced is a word, never $0.
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

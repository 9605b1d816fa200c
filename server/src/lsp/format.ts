// How numbers read in the editor: token counts and dollar amounts, short enough for an inline hint.
// Pure functions shared by the inlay hints, the hover and the VS Code status bar.

/** `412`, `12,480`. */
export function formatTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString('en-US');
}

/**
 * Dollars with the precision the size needs: `$0.0021` for a call, `$63` for a month. Two significant digits below
 * one dollar (a per-call cost of $0.00021 must not print as $0.00), cents below $10, whole dollars above,
 * `k`/`M` for large monthly totals.
 */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value === 0) return '$0';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}$${trim((abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1))}M`;
  if (abs >= 10_000) return `${sign}$${trim((abs / 1_000).toFixed(abs >= 100_000 ? 0 : 1))}k`;
  if (abs >= 10) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (abs >= 1) return `${sign}$${abs.toFixed(2)}`;
  if (abs < 0.000001) return `${sign}<$0.000001`;
  return `${sign}$${trim(abs.toPrecision(2).replace(/e.*$/, ''), true)}`;
}

/** USD per million tokens: `$2.50/M`. */
export function formatPricePerMillion(value: number): string {
  return `$${value >= 1 ? value.toFixed(2) : trim(value.toFixed(4))}/M`;
}

function trim(text: string, keepSignificant = false): string {
  if (keepSignificant || !text.includes('.')) return text;
  return text.replace(/\.?0+$/, '');
}

// Number formatting for the sidebar, with the same rules as the hover and inlay hints (server/src/lsp/format.ts) so a
// prompt's cost reads identically in both places. Small per-call amounts keep two significant digits: a prompt that
// costs something must never read as $0.00, and an unknown price is `—`, never $0.

/** `$0.0021`, `$4.20`, `$63`, `$12.5k`, `$1.2M`; `—` when unknown. */
export function formatUsd(amount: number | undefined): string {
  if (amount === undefined || !Number.isFinite(amount)) return '—';
  if (amount === 0) return '$0';
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}$${trimZeros((abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1))}M`;
  if (abs >= 10_000) return `${sign}$${trimZeros((abs / 1_000).toFixed(abs >= 100_000 ? 0 : 1))}k`;
  if (abs >= 10) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (abs >= 1) return `${sign}$${abs.toFixed(2)}`;
  if (abs < 0.000001) return `${sign}<$0.000001`;
  return `${sign}$${abs.toPrecision(2)}`;
}

/** `12,345` tokens, with `~` in front when the count is an estimate. */
export function formatTokens(tokens: number, exact = true): string {
  return `${exact ? '' : '~'}${Math.round(tokens).toLocaleString('en-US')}`;
}

/** `38%`, `-12%`, `4.5%` (one decimal under 10 %). */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '—';
  const abs = Math.abs(percent);
  return `${abs < 10 && abs !== 0 ? percent.toFixed(1) : Math.round(percent).toString()}%`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

// How the reports print numbers: dollars with the precision their size needs (a $0.00021 call never prints as
// $0.00), token counts with thousands separators. Unpriced is a word, never $0.

export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unpriced';
  if (value === 0) return '$0';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 100) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (abs >= 1) return `${sign}$${abs.toFixed(2)}`;
  if (abs < 0.000001) return `${sign}<$0.000001`;
  return `${sign}$${Number(abs.toPrecision(2)).toString()}`;
}

/** A signed change: `+$12.00`, `-$3.10`. */
export function usdDelta(value: number): string {
  if (value === 0) return '$0';
  return value > 0 ? `+${usd(value)}` : usd(value);
}

export function tokens(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

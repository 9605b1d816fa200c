// How a figure reads, everywhere: inlay hints, hover, status bar, sidebar and the reports (CLI table, Markdown, SARIF,
// diff) all format through here, so a prompt's cost reads identically in the editor and in `prompt-cost audit`.
// Small per-call amounts keep two significant digits: a prompt that costs something must never read as $0.00, and
// an unknown price is `—` (or the report's word), never $0.

/** `$0.0021`, `$4.20`, `$63`, `$12.5k`, `$1.2M`; `—` when unknown. Short enough for an inline hint. */
export function formatUsd(amount: number | undefined): string {
  if (amount === undefined || !Number.isFinite(amount)) return '—';
  return signedDollars(amount, compactDollars);
}

/**
 * `$0.0021`, `$4.20`, `$63.50`, `$12,345`: the reports have room, so whole dollars with separators only from $100
 * and no `k`/`M`. Below a dollar the same as `formatUsd`.
 */
export function formatUsdInFull(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  return signedDollars(amount, (abs) => (abs >= 100 ? `$${groupThousands(Math.round(abs))}` : `$${abs.toFixed(2)}`));
}

/**
 * USD per million tokens: `$2.50/M`, `$0.30/M`, `$0.075/M`: at least two decimals like every other dollar figure (the
 * hover read `$3.00/M input · cached $0.3/M`), three significant digits below a dollar so small prices never read $0.
 */
export function formatPricePerMillion(value: number): string {
  if (value >= 1 || value === 0) return `$${value.toFixed(2)}/M`;
  const digits = String(Number(value.toPrecision(3)));
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  return `$${decimals >= 2 ? digits : value.toFixed(2)}/M`;
}

/** `12,345` tokens, with `≈` in front when the count is an estimate (the inline hint's mark, the same in every view). */
export function formatTokens(tokens: number, exact = true): string {
  return `${exact ? '' : '≈'}${groupThousands(Math.round(tokens))}`;
}

/**
 * `12,345`, `-1,234.50` (with `decimals`): digits grouped by threes, as `toLocaleString('en-US')` would print them.
 * Written out because the first `toLocaleString` of a process loads ICU's locale data, ≈ 17 ms that the language
 * server's first diagnostics waited for (the caching verdict and the hover format numbers on the first analysis).
 */
export function groupThousands(value: number, decimals = 0): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const negative = value < 0 && /[1-9]/.test(whole + (fraction ?? ''));
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `38%`, `-12%`, `4.5%` (one decimal under 10 %). */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return '—';
  const abs = Math.abs(percent);
  return `${abs < 10 && abs !== 0 ? percent.toFixed(1) : Math.round(percent).toString()}%`;
}

/** Sign, zero and amounts under a dollar read the same in every style; `fromOneDollar` writes the rest. */
function signedDollars(amount: number, fromOneDollar: (abs: number) => string): string {
  if (amount === 0) return '$0';
  const abs = Math.abs(amount);
  const sign = amount < 0 ? '-' : '';
  if (abs < 0.000001) return `${sign}<$0.000001`;
  // From 1e-6 up, toPrecision never switches to exponent notation; $0.996 rounds up to a dollar and reads as one.
  const twoDigits = abs.toPrecision(2);
  if (abs >= 1 || twoDigits === '1.0') return `${sign}${fromOneDollar(Math.max(abs, 1))}`;
  return `${sign}$${twoDigits}`;
}

function compactDollars(abs: number): string {
  if (abs >= 1_000_000) return `$${trimZeros((abs / 1_000_000).toFixed(abs >= 10_000_000 ? 0 : 1))}M`;
  if (abs >= 10_000) return `$${trimZeros((abs / 1_000).toFixed(abs >= 100_000 ? 0 : 1))}k`;
  if (abs >= 10) return `$${groupThousands(Math.round(abs))}`;
  return `$${abs.toFixed(2)}`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

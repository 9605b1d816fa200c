// Upper bounds for the numbers users write (settings, .promptcost.json, annotations). Each is far above any real
// workload, so nobody meets them by accident; they exist because a typo like 1e308 otherwise multiplies into an
// infinite cost (shown as "unpriced") or a figure printed in exponent notation ($7.6e+298/mo).

/** Calls per day: ten billion is ≈ 115,000 calls a second for one prompt. */
export const MAX_CALLS_PER_DAY = 10_000_000_000;
/** USD per million tokens: the dearest catalog prices are a few hundred. */
export const MAX_PRICE_PER_MILLION = 100_000;
/** Tokens (output size, placeholder size, context window): context windows are at most a few million. */
export const MAX_TOKENS = 100_000_000;
/** USD per month for a budget. */
export const MAX_BUDGET_USD = 1_000_000_000_000;


// Data: dated corrections over the bundled catalog (@pydantic/genai-prices), one row per fix, each with the provider
// page it comes from and the day it was checked. Read by catalog.ts only.
// A row applies only while it is at least as new as the catalog's own row for the same model (the catalog's data date,
// or a later start date inside it): updating the catalog retires every row, and test/pricing/priceCorrections.test.ts
// then fails until each row is checked again (re-dated) or deleted because the catalog now has it right.
// Checked and left out (no first-party figure found on 2026-12-07): Qwen on Alibaba Cloud Model Studio international
// (qwen3-max, qwen-plus, qwen-turbo, qwen-flash), grok-4-fast above 128K input, codestral-/devstral-/magistral-/
// pixtral-large-latest. See docs/design/numbers.md.
import type { PriceInfo } from '../types';

/** The figures of a row, USD per million tokens, as PriceInfo has them (without source and date). */
export type CorrectedPrice = Omit<PriceInfo, 'source' | 'date'>;

interface CorrectionBase {
  /** genai-prices provider id. */
  provider: string;
  /** Provider's pricing or model page the figures (or the alias) come from. */
  source: string;
  /** ISO day the row was checked against `source`. */
  date: string;
  /** Why the catalog's own row is wrong, in one line (shown in the hover's "resolved via"). */
  why: string;
}

/** A name the provider now serves as another catalog model (`*-latest` aliases, renamed or retired names). */
export interface AliasCorrection extends CorrectionBase {
  kind: 'alias';
  /** Names as written in code (compared case-insensitively, after the provider prefix is removed). */
  names: string[];
  /** Catalog model id (of `provider`) whose prices apply. */
  sameAs: string;
}

/** New prices for a catalog model (by its catalog id), or a model the catalog lacks. */
export interface PriceRowCorrection extends CorrectionBase {
  kind: 'price';
  /** Catalog model id this row re-prices. */
  model: string;
  price: CorrectedPrice;
  contextWindow?: number;
}

export type PriceCorrection = AliasCorrection | PriceRowCorrection;

const CHECKED = '2026-12-07';
const DEEPSEEK_PRICING = 'https://api-docs.deepseek.com/quick_start/pricing';
const MISTRAL_MODELS = 'https://docs.mistral.ai/getting-started/models/';
const ANTHROPIC_PRICING = 'https://platform.claude.com/docs/en/about-claude/pricing#long-context-pricing';

export const PRICE_CORRECTIONS: readonly PriceCorrection[] = [
  // ---- DeepSeek: the catalog lists V4's standard rate plus two peak windows at 2×; taking the highest row priced
  // every call at peak. The standard (off-peak) rate is the one DeepSeek bills outside 01:00–04:00 and 06:00–10:00 UTC
  // on weekdays and all weekend; these are the catalog's own start-dated (2026-08-17) figures.
  {
    kind: 'price', provider: 'deepseek', model: 'deepseek-v4-pro', source: DEEPSEEK_PRICING, date: CHECKED,
    price: { inputPerMillion: 0.66, cachedInputPerMillion: 0.022, outputPerMillion: 1.98 },
    why: 'standard rate; the catalog\'s peak-hour rows (2×) are not used',
  },
  {
    kind: 'price', provider: 'deepseek', model: 'deepseek-v4-flash', source: DEEPSEEK_PRICING, date: CHECKED,
    price: { inputPerMillion: 0.22, cachedInputPerMillion: 0.007, outputPerMillion: 0.66 },
    why: 'standard rate; the catalog\'s peak-hour rows (2×) are not used',
  },
  // deepseek-chat / deepseek-reasoner: the catalog still has their January 2025 V3/R1 rows. From 2026-04-24 DeepSeek
  // routed both names to deepseek-v4-flash (non-thinking / thinking) and retired them on 2026-07-24 15:59 UTC.
  {
    kind: 'alias', provider: 'deepseek', names: ['deepseek-chat', 'deepseek-reasoner'], sameAs: 'deepseek-v4-flash',
    source: DEEPSEEK_PRICING, date: CHECKED,
    why: 'served by deepseek-v4-flash since 2026-04-24; the name was retired on 2026-07-24 — write deepseek-v4-flash',
  },
  // ---- Mistral `-latest` aliases the catalog still points at older models.
  {
    kind: 'alias', provider: 'mistral', names: ['mistral-large-latest'], sameAs: 'mistral-large-2512', source: MISTRAL_MODELS, date: CHECKED,
    why: 'mistral-large-latest is Mistral Large 3 (25.12) since December 2025; the catalog still maps it to Large 2 ($2/$6)',
  },
  {
    kind: 'alias', provider: 'mistral', names: ['mistral-small-latest'], sameAs: 'mistral-small-2603', source: MISTRAL_MODELS, date: CHECKED,
    why: 'mistral-small-latest is Mistral Small 4 (26.03) since March 2026; the catalog still prices it as Small 3 ($0.1/$0.3)',
  },
  // ---- Long-context tier the catalog lacks: Sonnet 4 above 200K input tokens (1M context), whole request at $6/$22.50;
  // cache writes and reads keep their multipliers (1.25×, 0.1×). Sonnet 4.5 and 4.6 already carry it in the catalog.
  {
    kind: 'price', provider: 'anthropic', model: 'claude-sonnet-4-0', source: ANTHROPIC_PRICING, date: CHECKED, contextWindow: 1_000_000,
    price: {
      inputPerMillion: 3, outputPerMillion: 15, cachedInputPerMillion: 0.3, cacheWritePerMillion: 3.75,
      longContext: { aboveInputTokens: 200_000, inputPerMillion: 6, outputPerMillion: 22.5, cachedInputPerMillion: 0.6, cacheWritePerMillion: 7.5 },
    },
    why: 'adds the long-context tier above 200K input tokens',
  },
];

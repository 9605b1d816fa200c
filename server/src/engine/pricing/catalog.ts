// Model names as written in code → a catalog model with its price, from the bundled @pydantic/genai-prices data.
// Offline by construction: we only call calcPrice/findProvider on the data shipped inside the package and never call
// the package's remote-update hook, its only way to load remote data (test/pricing/offline.test.ts checks both).
// Resolution order: user models (.promptcost.json, then settings) → user aliases → provider prefix → catalog
// (which also matches dated snapshots such as gpt-4o-2024-08-06). Unknown names get NO price, never $0.
import { calcPrice, findProvider, type ModelInfo, type ModelPrice, type Provider } from '@pydantic/genai-prices';
import type { ModelSource, PriceInfo, ResolvedModel } from '../types';
import type { ModelPriceEntry } from '../config/modelEntries';
import type { WorkspaceConfig } from '../config/workspaceConfig';
import { PROVIDER_IDS, PRICE_DATA } from './priceData';
import { aliasCorrectionFor, applyPriceCorrection, withAliasSource } from './correctionLookup';
import { PROVIDER_PREFIXES, providerByFamily, providerByNameShape } from './providerNames';

export { PRICE_DATA };

/** Where user prices may come from besides the workspace config (the `promptCost.models` / `modelAliases` settings). */
export interface UserModelSources {
  models?: Record<string, ModelPriceEntry>;
  modelAliases?: Record<string, string>;
}

export interface ResolveOptions {
  settings?: UserModelSources;
  /** The date whose prices apply (scheduled price changes); defaults to today. */
  now?: Date;
}

const MAX_ALIAS_HOPS = 8;
/** Providers whose model ids are `vendor/model`, tried for such names when nothing else matches. */
const ROUTER_PROVIDERS = ['openrouter', 'together'];

interface TieredPrice {
  base: number;
  tiers: { start: number; price: number }[];
}

function isTiered(v: unknown): v is TieredPrice {
  return typeof v === 'object' && v !== null && typeof (v as TieredPrice).base === 'number' && Array.isArray((v as TieredPrice).tiers);
}

function baseOf(v: ModelPrice[string]): number | undefined {
  if (typeof v === 'number') return v;
  if (isTiered(v)) return v.base;
  return undefined;
}

/** The lowest long-context tier (genai-prices bills the whole request at the tier price above `start` input tokens). */
function firstTier(v: ModelPrice[string]): { start: number; price: number } | undefined {
  return isTiered(v) && v.tiers.length ? [...v.tiers].sort((a, b) => a.start - b.start)[0] : undefined;
}

/**
 * The prices in force at `now`. Scheduled changes (start dates) apply from their date. Where a provider has
 * time-of-day prices (DeepSeek's off-peak discount), the standard — highest — rate is used: a figure must not change
 * with the clock, and an off-peak discount is not assumed.
 */
function pricesAt(model: ModelInfo, now: Date): ModelPrice | undefined {
  if (!Array.isArray(model.prices)) return model.prices;
  let dated: ModelPrice | undefined;
  for (let i = model.prices.length - 1; i >= 0 && !dated; i--) {
    const c = model.prices[i].constraint;
    if (!c || (c.type === 'start_date' && now >= new Date(c.start_date))) dated = model.prices[i].prices;
  }
  const byTimeOfDay = model.prices.filter((p) => p.constraint?.type === 'time_of_date').map((p) => p.prices);
  const candidates = [...(dated ? [dated] : []), ...byTimeOfDay];
  return candidates.reduce<ModelPrice | undefined>((best, p) => (best === undefined || (baseOf(p.input_mtok) ?? -1) > (baseOf(best.input_mtok) ?? -1) ? p : best), undefined);
}

export function catalogPriceInfo(model: ModelInfo, now = new Date()): PriceInfo | undefined {
  const p = pricesAt(model, now);
  if (!p) return undefined;
  const input = baseOf(p.input_mtok);
  const output = baseOf(p.output_mtok);
  // A model without an input or output token price (image, audio, per-request models) cannot price a prompt.
  if (input === undefined || output === undefined) return undefined;
  const info: PriceInfo = { inputPerMillion: input, outputPerMillion: output, source: PRICE_DATA.source, date: PRICE_DATA.date };
  const cached = baseOf(p.cache_read_mtok);
  const write = baseOf(p.cache_write_mtok);
  if (cached !== undefined) info.cachedInputPerMillion = cached;
  if (write !== undefined) info.cacheWritePerMillion = write;
  const tier = firstTier(p.input_mtok);
  if (tier) {
    const at = (v: ModelPrice[string]) => (isTiered(v) ? [...v.tiers].filter((t) => t.start <= tier.start).pop()?.price ?? v.base : baseOf(v));
    info.longContext = {
      aboveInputTokens: tier.start,
      inputPerMillion: tier.price,
      outputPerMillion: at(p.output_mtok) ?? output,
      ...(cached !== undefined ? { cachedInputPerMillion: at(p.cache_read_mtok) } : {}),
      ...(write !== undefined ? { cacheWritePerMillion: at(p.cache_write_mtok) } : {}),
    };
  }
  return info;
}

function findUserEntry(name: string, ...maps: (Record<string, ModelPriceEntry> | undefined)[]): { key: string; entry: ModelPriceEntry; mapIndex: number } | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < maps.length; i++) {
    const map = maps[i];
    if (!map) continue;
    for (const [key, entry] of Object.entries(map)) {
      if (key.toLowerCase() === lower || entry.aliases?.some((a) => a.toLowerCase() === lower)) return { key, entry, mapIndex: i };
    }
  }
  return undefined;
}

function findAlias(name: string, ...maps: (Record<string, string> | undefined)[]): { target: string; mapIndex: number } | undefined {
  const lower = name.toLowerCase();
  for (let i = 0; i < maps.length; i++) {
    for (const [key, target] of Object.entries(maps[i] ?? {})) if (key.toLowerCase() === lower) return { target, mapIndex: i };
  }
  return undefined;
}

/** Splits `openai/gpt-4o` or `anthropic:claude-…` into a genai-prices provider id and the bare model name. */
export function splitProviderPrefix(name: string): { providerId?: string; model: string } {
  const m = /^([A-Za-z0-9_.-]+)[/:](.+)$/.exec(name.trim());
  if (m) {
    const providerId = PROVIDER_PREFIXES[m[1].toLowerCase()];
    if (providerId) return { providerId, model: m[2] };
  }
  return { model: name.trim() };
}

/**
 * Catalog matches by (provider, name). Which catalog entry a name matches does not depend on the date (only its
 * prices do, read by `catalogPriceInfo` at `now`), and genai-prices scans its provider list on every call (≈ 0.25 ms,
 * several times per prompt per analysis), so matches are kept; names come from code, so the map is bounded.
 */
const catalogMatches = new Map<string, { model: ModelInfo; provider: Provider } | null>();
const MAX_CACHED_MATCHES = 2000;

function lookupCatalog(name: string, providerId: string | undefined, now: Date): { model: ModelInfo; provider: Provider } | undefined {
  const key = `${providerId ?? ''}\u0000${name}`;
  const known = catalogMatches.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = matchCatalog(name, providerId, now);
  if (catalogMatches.size >= MAX_CACHED_MATCHES) catalogMatches.clear();
  catalogMatches.set(key, found ?? null);
  return found;
}

function matchCatalog(name: string, providerId: string | undefined, now: Date): { model: ModelInfo; provider: Provider } | undefined {
  const attempt = (id: string | undefined, model: string) => {
    const r = calcPrice({ input_tokens: 0, output_tokens: 0 }, model, { providerId: id, timestamp: now });
    return r ? { model: r.model, provider: r.provider } : undefined;
  };
  // With a provider prefix, prefer that provider's entry; fall back to matching the bare name anywhere.
  if (providerId) return attempt(providerId, name) ?? attempt(undefined, name);
  const found = attempt(undefined, name);
  if (found) return found;
  // Ids only one provider serves (Bedrock `us.anthropic.…-v1:0`, `sonar-pro`): that provider's entry.
  const shaped = providerByNameShape(name);
  if (shaped) {
    const served = attempt(shaped, name.replace(/^accounts\/fireworks\/models\//i, ''));
    if (served) return served;
  }
  if (!name.includes('/')) return undefined;
  // `vendor/model` ids that are not a provider prefix (meta-llama/…, qwen/…) are router ids: look them up there.
  for (const router of ROUTER_PROVIDERS) {
    const routed = attempt(router, name);
    if (routed) return routed;
  }
  return undefined;
}

function fromCatalog(requested: string, source: ModelSource, found: { model: ModelInfo; provider: Provider }, now: Date, via?: string): ResolvedModel {
  const resolved: ResolvedModel = {
    id: found.model.id,
    provider: found.provider.id,
    requested,
    source,
    tokenizerModel: found.model.id,
    known: true,
  };
  if (found.model.context_window) resolved.contextWindow = found.model.context_window;
  const price = catalogPriceInfo(found.model, now);
  if (price) resolved.price = price;
  if (via) resolved.resolvedVia = via;
  applyPriceCorrection(resolved, found.model);
  return resolved;
}

/** Applies a user entry over a catalog model (or builds a model from the entry alone). */
function withUserEntry(base: ResolvedModel | undefined, key: string, entry: ModelPriceEntry, requested: string, source: ModelSource, origin: string): ResolvedModel {
  const resolved: ResolvedModel = base
    ? { ...base, requested, source }
    : { id: key, provider: entry.provider ?? providerByFamily(key) ?? 'custom', requested, source, tokenizerModel: key, known: true };
  if (entry.provider) resolved.provider = entry.provider;
  if (entry.contextWindow) resolved.contextWindow = entry.contextWindow;
  if (entry.tokenizer) resolved.tokenizerModel = entry.tokenizer;
  const input = entry.inputPerMillion ?? base?.price?.inputPerMillion;
  const output = entry.outputPerMillion ?? base?.price?.outputPerMillion;
  const overridesPrice = ['inputPerMillion', 'outputPerMillion', 'cachedInputPerMillion', 'cacheWritePerMillion'].some((k) => k in entry);
  if (input !== undefined && output !== undefined) {
    if (overridesPrice) {
      const price: PriceInfo = { inputPerMillion: input, outputPerMillion: output, source: origin, date: entry.date ?? '' };
      const cached = entry.cachedInputPerMillion ?? base?.price?.cachedInputPerMillion;
      const write = entry.cacheWritePerMillion ?? base?.price?.cacheWritePerMillion;
      if (cached !== undefined) price.cachedInputPerMillion = cached;
      if (write !== undefined) price.cacheWritePerMillion = write;
      resolved.price = price;
    }
  } else delete resolved.price;
  resolved.resolvedVia = base ? `${base.id} with prices from ${origin}` : `model defined in ${origin}`;
  return resolved;
}

/**
 * Resolves a model name as written in code or configuration. `price` is undefined when no price is known:
 * callers show "no price for model X", never $0.
 */
export function resolveModel(name: string, source: ModelSource, config?: WorkspaceConfig, options: ResolveOptions = {}): ResolvedModel {
  const now = options.now ?? new Date();
  const requested = name;
  const configOrigin = config?.filePath ? `.promptcost.json` : 'workspace config';
  const via: string[] = [];
  let current = name.trim();
  for (let hop = 0; hop <= MAX_ALIAS_HOPS; hop++) {
    const user = findUserEntry(current, config?.models, options.settings?.models);
    if (user) {
      const origin = user.mapIndex === 0 ? configOrigin : 'settings (promptCost.models)';
      // An entry may override a catalog model (same name) or define a new one.
      const { providerId, model } = splitProviderPrefix(user.key);
      const found = lookupCatalog(model, providerId, now);
      const base = found ? fromCatalog(requested, source, found, now) : undefined;
      const resolved = withUserEntry(base, user.key, user.entry, requested, source, origin);
      if (via.length) resolved.resolvedVia = `${via.join(' → ')} → ${resolved.resolvedVia}`;
      return resolved;
    }
    const alias = findAlias(current, config?.aliases, options.settings?.modelAliases);
    if (!alias || alias.target.trim() === current) break;
    via.push(`${current} (alias in ${alias.mapIndex === 0 ? configOrigin : 'settings'})`);
    current = alias.target.trim();
  }
  const { providerId, model } = splitProviderPrefix(current);
  // A dated correction may say the provider now serves this name as another catalog model (`mistral-large-latest`).
  const servedAs = aliasCorrectionFor(model, providerId, (m, p) => lookupCatalog(m, p, now)?.model);
  const aliasTarget = servedAs && lookupCatalog(servedAs.row.sameAs, servedAs.row.provider, now);
  if (aliasTarget) via.push(servedAs.note);
  const found = aliasTarget || lookupCatalog(model, providerId, now);
  if (found) {
    // A user entry for the catalog id also covers its dated snapshots and prefixed names (gpt-4o-2024-08-06 → gpt-4o).
    const user = found.model.id.toLowerCase() !== current.toLowerCase() ? findUserEntry(found.model.id, config?.models, options.settings?.models) : undefined;
    if (user) {
      const origin = user.mapIndex === 0 ? configOrigin : 'settings (promptCost.models)';
      const resolved = withUserEntry(fromCatalog(requested, source, found, now), user.key, user.entry, requested, source, origin);
      if (via.length) resolved.resolvedVia = `${via.join(' → ')} → ${resolved.resolvedVia}`;
      return resolved;
    }
    const note = !aliasTarget && found.model.id.toLowerCase() !== model.toLowerCase() ? `${model} matched catalog model ${found.model.id}` : undefined;
    const trail = [...via, ...(note ? [note] : [])];
    const resolved = fromCatalog(requested, source, found, now, trail.length ? trail.join(' → ') : undefined);
    return aliasTarget && servedAs ? withAliasSource(resolved, servedAs.row) : resolved;
  }
  const unknown: ResolvedModel = {
    id: model,
    provider: providerId ?? providerByFamily(model) ?? 'unknown',
    requested,
    source,
    tokenizerModel: model,
    known: false,
  };
  if (via.length) unknown.resolvedVia = via.join(' → ');
  return unknown;
}

/** Every catalog model that can price a prompt (input and output token prices), all providers. */
export function catalogModels(now = new Date()): ResolvedModel[] {
  const out: ResolvedModel[] = [];
  for (const providerId of PROVIDER_IDS) {
    const provider = findProvider({ providerId });
    if (!provider) continue;
    for (const model of provider.models) {
      const resolved = fromCatalog(model.id, 'default', { model, provider }, now);
      if (resolved.price) out.push(resolved);
    }
  }
  return out;
}

/** A catalog model by provider and id, exactly (no fuzzy matching); for curated lists. */
export function catalogModel(providerId: string, modelId: string, now = new Date()): ResolvedModel | undefined {
  const provider = findProvider({ providerId });
  const model = provider?.models.find((m) => m.id === modelId);
  return provider && model ? fromCatalog(model.id, 'default', { model, provider }, now) : undefined;
}

/** Days between the price data's date and `now`; undefined when the price has no date (user prices without `date`). */
export function priceAgeDays(price: PriceInfo, now = new Date()): number | undefined {
  if (!price.date) return undefined;
  const t = Date.parse(`${price.date}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : Math.floor((now.getTime() - t) / 86_400_000);
}

/** True when the price is older than `maxAgeDays` (setting promptCost.priceMaxAgeDays, default 120). */
export function isPriceStale(price: PriceInfo | undefined, maxAgeDays: number, now = new Date()): boolean {
  if (!price) return false;
  const age = priceAgeDays(price, now);
  return age !== undefined && age > maxAgeDays;
}

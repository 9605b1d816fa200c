// Applies the dated price corrections (priceCorrections.ts) to catalog matches. A row counts only while it is at least
// as new as the catalog's own row for the same model, so a catalog update retires it instead of hiding newer data.
import type { ModelInfo } from '@pydantic/genai-prices';
import type { ResolvedModel } from '../types';
import { PRICE_DATA } from './priceData';
import { PRICE_CORRECTIONS, type AliasCorrection, type PriceCorrection, type PriceRowCorrection } from './priceCorrections';

/**
 * The date of the catalog's row for `model`: the catalog's data date, or a later scheduled price change inside it
 * (a `start_date` constraint). Undefined model (the catalog lacks it): the catalog's data date.
 */
export function catalogRowDate(model: ModelInfo | undefined): string {
  let date: string = PRICE_DATA.date;
  if (model && Array.isArray(model.prices)) {
    for (const p of model.prices) {
      const c = p.constraint;
      if (c?.type === 'start_date' && c.start_date.slice(0, 10) > date) date = c.start_date.slice(0, 10);
    }
  }
  return date;
}

/** True while the row is not older than the catalog's own row (ISO dates compare as strings). */
export function correctionIsCurrent(row: PriceCorrection, catalogModel: ModelInfo | undefined): boolean {
  return row.date >= catalogRowDate(catalogModel);
}

const priceRows = new Map<string, PriceRowCorrection>();
const aliasRows = new Map<string, AliasCorrection>();
for (const row of PRICE_CORRECTIONS) {
  if (row.kind === 'price') priceRows.set(`${row.provider}\u0000${row.model.toLowerCase()}`, row);
  else for (const name of row.names) aliasRows.set(name.toLowerCase(), row);
}

/**
 * The alias row for a name as written (provider prefix already split off), when it is current. `catalogMatch` gives the
 * catalog model the name would match on its own, whose date the row must not be older than.
 */
export function aliasCorrectionFor(
  name: string,
  providerId: string | undefined,
  catalogMatch: (name: string, providerId: string | undefined) => ModelInfo | undefined,
): { row: AliasCorrection; note: string } | undefined {
  const row = aliasRows.get(name.trim().toLowerCase());
  if (!row || (providerId && providerId !== row.provider)) return undefined;
  if (!correctionIsCurrent(row, catalogMatch(name, providerId))) return undefined;
  return { row, note: `${name} is ${row.sameAs}: ${row.why} (${row.source}, checked ${row.date})` };
}

/** Replaces the catalog price of `resolved` with a current price row for its catalog model, if there is one. */
export function applyPriceCorrection(resolved: ResolvedModel, model: ModelInfo): void {
  const row = priceRows.get(`${resolved.provider}\u0000${model.id.toLowerCase()}`);
  if (!row || !correctionIsCurrent(row, model)) return;
  resolved.price = { ...row.price, source: row.source, date: row.date };
  if (row.contextWindow) resolved.contextWindow = row.contextWindow;
  const note = `price corrected: ${row.why}`;
  resolved.resolvedVia = resolved.resolvedVia ? `${resolved.resolvedVia} → ${note}` : note;
}

/** The hover shows a price's source: for a name priced as another model, say which model and where that comes from. */
export function withAliasSource(resolved: ResolvedModel, row: AliasCorrection): ResolvedModel {
  if (resolved.price) {
    const where = resolved.price.source === row.source ? '' : `; alias: ${row.source}, checked ${row.date}`;
    resolved.price = { ...resolved.price, source: `${resolved.price.source} (as ${row.sameAs}${where})` };
  }
  return resolved;
}

/** Every row, for tests and docs. */
export function priceCorrections(): readonly PriceCorrection[] {
  return PRICE_CORRECTIONS;
}

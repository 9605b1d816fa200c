// The shape users write to add or override a model's prices (settings `promptCost.models` and `.promptcost.json`
// `models`), and its validation. Shared so both places accept exactly the same fields.
import { MAX_PRICE_PER_MILLION, MAX_TOKENS } from './limits';
import { groupThousands } from '../views/format';

/** USD per million tokens; every field optional so an entry can override only what differs from the catalog. */
export interface ModelPriceEntry {
  provider?: string;
  inputPerMillion?: number;
  outputPerMillion?: number;
  cachedInputPerMillion?: number;
  cacheWritePerMillion?: number;
  contextWindow?: number;
  /** Model id whose tokenizer counts this model's tokens (e.g. `gpt-4o` for an Azure deployment). */
  tokenizer?: string;
  aliases?: string[];
  /** YYYY-MM-DD date of these prices; without it user prices are never flagged stale. */
  date?: string;
}

/** A problem found at a path inside a JSON value, e.g. ['models', 'my-model', 'inputPerMillion']. */
export interface ValueIssue {
  path: (string | number)[];
  message: string;
}

export const MODEL_ENTRY_FIELDS: Record<keyof ModelPriceEntry, 'price' | 'string' | 'positive' | 'strings' | 'date'> = {
  provider: 'string',
  inputPerMillion: 'price',
  outputPerMillion: 'price',
  cachedInputPerMillion: 'price',
  cacheWritePerMillion: 'price',
  contextWindow: 'positive',
  tokenizer: 'string',
  aliases: 'strings',
  date: 'date',
};

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Validates one model entry; invalid fields are left out and reported, the rest is kept. */
export function readModelEntry(value: unknown, path: (string | number)[], issues: ValueIssue[]): ModelPriceEntry | undefined {
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected an object with prices (e.g. { "inputPerMillion": 2.5, "outputPerMillion": 10 }), got ${describeValue(value)}` });
    return undefined;
  }
  const entry: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const kind = (MODEL_ENTRY_FIELDS as Record<string, string>)[key];
    const at = [...path, key];
    if (!kind) {
      issues.push({ path: at, message: `unknown field "${key}"; allowed: ${Object.keys(MODEL_ENTRY_FIELDS).join(', ')}` });
      continue;
    }
    if (kind === 'price' || kind === 'positive') {
      const min = kind === 'price' ? 0 : 1;
      const max = kind === 'price' ? MAX_PRICE_PER_MILLION : MAX_TOKENS;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
        issues.push({ path: at, message: `expected a number from ${min} to ${groupThousands(max)}${kind === 'price' ? ' (USD per million tokens)' : ''}, got ${describeValue(v)}` });
        continue;
      }
    } else if (kind === 'string') {
      if (typeof v !== 'string' || v.trim() === '') {
        issues.push({ path: at, message: `expected a non-empty string, got ${describeValue(v)}` });
        continue;
      }
    } else if (kind === 'strings') {
      if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
        issues.push({ path: at, message: `expected an array of strings, got ${describeValue(v)}` });
        continue;
      }
    } else if (kind === 'date') {
      if (typeof v !== 'string' || !isIsoDate(v)) {
        issues.push({ path: at, message: `expected a date YYYY-MM-DD, got ${describeValue(v)}` });
        continue;
      }
    }
    entry[key] = v;
  }
  return entry as ModelPriceEntry;
}

/** Validates a `{ name: entry }` map. */
export function readModelEntries(value: unknown, path: (string | number)[], issues: ValueIssue[]): Record<string, ModelPriceEntry> {
  const out: Record<string, ModelPriceEntry> = {};
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected an object of models keyed by name, got ${describeValue(value)}` });
    return out;
  }
  for (const [name, v] of Object.entries(value)) {
    const entry = readModelEntry(v, [...path, name], issues);
    if (entry) out[name] = entry;
  }
  return out;
}

/** Validates a `{ name: target }` alias map. */
export function readAliases(value: unknown, path: (string | number)[], issues: ValueIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) {
    issues.push({ path, message: `expected an object mapping names to model ids, got ${describeValue(value)}` });
    return out;
  }
  for (const [name, target] of Object.entries(value)) {
    if (typeof target !== 'string' || target.trim() === '') {
      issues.push({ path: [...path, name], message: `expected a model id string, got ${describeValue(target)}` });
      continue;
    }
    out[name] = target;
  }
  return out;
}

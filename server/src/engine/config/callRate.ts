// Call volumes as people write them: `20000/day`, `500/hour`, `10000/month`, `1,200 per day`, `20k/day`, `1.5M/month`,
// `2/s`, or a bare number (per day). The one parser for `.promptcost.json` volumes, settings and `prompt-cost: calls=…`
// annotations. Everything is normalised to calls per day, the unit the cost model uses (monthly = per day × DAYS_PER_MONTH).
import { DAYS_PER_MONTH } from '../cost/costModel';
import { MAX_CALLS_PER_DAY } from './limits';

export interface CallVolume {
  callsPerDay: number;
  /** As written, for the hover ("20000/day from .promptcost.json"). */
  written: string;
}

const UNIT_PER_DAY: Record<string, number> = {
  second: 24 * 3600, sec: 24 * 3600, s: 24 * 3600,
  minute: 24 * 60, min: 24 * 60, m: 24 * 60,
  hour: 24, h: 24, hr: 24,
  day: 1, d: 1,
  week: 1 / 7, w: 1 / 7, wk: 1 / 7,
  month: 1 / DAYS_PER_MONTH, mo: 1 / DAYS_PER_MONTH,
};

/** Parses a call rate; undefined when the text is not one, or is above MAX_CALLS_PER_DAY (a typo, not a workload). */
export function parseCallRate(value: unknown): CallVolume | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value <= MAX_CALLS_PER_DAY ? { callsPerDay: value, written: `${value}/day` } : undefined;
  if (typeof value !== 'string') return undefined;
  // A `k` or `M` right after the number multiplies it (`20k/day`; `5m` alone is 5 million a day, `5min` is per minute).
  const m = /^\s*(\d[\d_,]*(?:\.\d+)?|\.\d+)(?:\s*([km])(?![a-z]))?\s*(?:\/|per\s+|a\s+)?\s*([a-z]+)?\s*$/i.exec(value);
  if (!m) return undefined;
  const multiplier = m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  const count = Number(m[1].replace(/[_,]/g, '')) * multiplier;
  const written = (m[3] ?? 'day').toLowerCase();
  const perDay = UNIT_PER_DAY[written] ?? UNIT_PER_DAY[written.replace(/s$/, '')];
  if (!Number.isFinite(count) || perDay === undefined || count * perDay > MAX_CALLS_PER_DAY) return undefined;
  return { callsPerDay: count * perDay, written: value.trim() };
}

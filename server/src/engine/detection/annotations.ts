// `prompt-cost:` comments on the line above a prompt: force (`prompt`), suppress (`ignore`), or describe its
// traffic (`calls=20000/day output=300 model=gpt-4o-mini`). Rates per hour or month are converted to per day.
import type { PromptAnnotation } from '../types';

const MARKER = /prompt-cost\s*:\s*(.*)$/i;
const PER_DAY: Record<string, number> = { s: 86400, sec: 86400, second: 86400, min: 1440, minute: 1440, h: 24, hr: 24, hour: 24, d: 1, day: 1, w: 1 / 7, week: 1 / 7, mo: 1 / 30, month: 1 / 30 };

function parseCount(value: string): number | undefined {
  const m = /^([\d_,.]+)\s*([kKmM])?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1].replace(/[_,]/g, ''));
  if (!Number.isFinite(n)) return undefined;
  const scale = m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1;
  return n * scale;
}

/** Parses the text of one comment; undefined when it holds no `prompt-cost:` marker. */
export function parseAnnotation(comment: string): PromptAnnotation | undefined {
  const m = MARKER.exec(comment.replace(/\*\/\s*$/, '').replace(/-->\s*$/, '').trim());
  if (!m) return undefined;
  const annotation: PromptAnnotation = {};
  for (const token of m[1].trim().split(/\s+/)) {
    const [rawKey, ...rest] = token.split('=');
    const key = rawKey.toLowerCase();
    const value = rest.join('=');
    if (!value) {
      if (key === 'prompt') annotation.force = true;
      else if (key === 'ignore' || key === 'ignore-prompt' || key === 'off') annotation.ignore = true;
      continue;
    }
    if (key === 'calls') {
      const [count, unit = 'day'] = value.split('/');
      const n = parseCount(count);
      const factor = PER_DAY[unit.toLowerCase().replace(/s$/, '')] ?? PER_DAY[unit.toLowerCase()];
      if (n !== undefined && factor !== undefined) annotation.callsPerDay = n * factor;
    } else if (key === 'output') {
      const n = parseCount(value);
      if (n !== undefined) annotation.outputTokens = n;
    } else if (key === 'model') {
      annotation.model = value.replace(/^["']|["']$/g, '');
    }
  }
  return annotation;
}

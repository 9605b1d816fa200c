// `prompt-cost:` comments on the line above a prompt: force (`prompt`), suppress (`ignore`), or describe its
// traffic (`calls=20000/day output=300 model=gpt-4o-mini`). Rates per hour or month are converted to per day.
import { parseCallRate } from '../config/callRate';
import type { PromptAnnotation } from '../types';

const MARKER = /prompt-cost\s*:\s*(.*)$/i;

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
      // The same grammar as volumes in .promptcost.json and the settings (config/callRate.ts).
      const rate = parseCallRate(value);
      if (rate) annotation.callsPerDay = rate.callsPerDay;
    } else if (key === 'output') {
      const n = parseCount(value);
      if (n !== undefined) annotation.outputTokens = n;
    } else if (key === 'model') {
      annotation.model = value.replace(/^["']|["']$/g, '');
    }
  }
  return annotation;
}

// Measuring what a change saves with the prompt's own tokenizer, and saying it the same way everywhere:
// `−2 tokens · −$41/mo`.
import { PLACEHOLDER_MARK, lineEnd, lineStart } from './promptView';
import type { RuleRun, ViewChange } from './types';
import { groupThousands } from '../views/format';

/** Context kept on each side of a change when measuring: tokens merge across word edges, so a window is needed. */
const WINDOW_CHARS = 200;

/** Tokens saved by applying `changes` (view coordinates, non-overlapping) to the prompt's text. */
export function measureSaving(run: RuleRun, changes: ViewChange[]): number {
  if (changes.length === 0) return 0;
  const text = run.view.text;
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const first = sorted[0].start;
  const last = sorted[sorted.length - 1].end;
  const from = Math.max(lineStart(text, first), first - WINDOW_CHARS);
  const to = Math.min(lineEnd(text, last), last + WINDOW_CHARS);
  const before = text.slice(from, to);
  const after = applyViewChanges(text, sorted).slice(from, to + lengthDelta(sorted));
  return run.tokens(forCounting(before)) - run.tokens(forCounting(after));
}

/** Tokens saved over the whole prompt by a set of changes (what "Compress this prompt" reports). */
export function measureTotalSaving(text: string, changes: ViewChange[], count: (t: string) => number): number {
  return count(forCounting(text)) - count(forCounting(applyViewChanges(text, changes)));
}

export function applyViewChanges(text: string, changes: ViewChange[]): string {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const c of sorted) {
    if (c.start < cursor) continue;
    out += text.slice(cursor, c.start) + c.text;
    cursor = c.end;
  }
  return out + text.slice(cursor);
}

function lengthDelta(changes: ViewChange[]): number {
  return changes.reduce((d, c) => d + c.text.length - (c.end - c.start), 0);
}

/** Placeholders are unknown at edit time: count them as a plain separator so they do not skew the difference. */
function forCounting(text: string): string {
  return text.split(PLACEHOLDER_MARK).join(' ');
}

export function monthlySaving(tokens: number, monthlyCostPerInputToken: number | undefined): number | undefined {
  if (monthlyCostPerInputToken === undefined || !Number.isFinite(monthlyCostPerInputToken)) return undefined;
  return tokens * monthlyCostPerInputToken;
}

/** `−2 tokens · −$41/mo`, or `−2 tokens` without a price. */
export function savingLabel(tokens: number, monthly?: number): string {
  const t = `−${groupThousands(tokens)} token${tokens === 1 ? '' : 's'}`;
  return monthly === undefined ? t : `${t} · −${formatMonthly(monthly)}/mo`;
}

export function formatMonthly(usd: number): string {
  if (usd >= 10) return `$${groupThousands(Math.round(usd))}`;
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  if (usd > 0) return '<$0.01';
  return '$0';
}

/**
 * Non-overlapping changes → the changes to write, with capitalisation resolved: neighbouring changes (or a
 * removal and the letter it capitalises) become one change, so two fixes touching one word compose.
 */
export function composeChanges(changes: ViewChange[], text: string): ViewChange[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start || a.end - b.end);
  const clusters: ViewChange[][] = [];
  let reach = -1;
  for (const c of sorted) {
    const last = clusters[clusters.length - 1];
    if (last && c.start <= reach) last.push(c);
    else clusters.push([c]);
    reach = Math.max(reach, c.capitalizeAfter ? c.end + 1 : c.end);
  }
  return clusters.map((cluster) => {
    const s = cluster[0].start;
    const e = Math.min(text.length, Math.max(...cluster.map((c) => (c.capitalizeAfter ? c.end + 1 : c.end))));
    let out = '';
    let cursor = s;
    let pendingCap = false;
    const put = (piece: string) => {
      if (pendingCap && piece.length > 0) {
        piece = capitalizeFirst(piece);
        pendingCap = false;
      }
      out += piece;
    };
    for (const c of cluster) {
      put(text.slice(cursor, c.start));
      put(c.text);
      cursor = Math.max(cursor, c.end);
      if (c.capitalizeAfter) pendingCap = true;
    }
    let end = e;
    // A capitalisation still pending (the removals ran up to the end) takes the next character along.
    if (pendingCap && end <= cursor && cursor < text.length) end = cursor + 1;
    put(text.slice(cursor, end));
    return { start: s, end, text: out };
  });
}

function capitalizeFirst(s: string): string {
  return /^\p{Ll}/u.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

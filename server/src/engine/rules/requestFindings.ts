// Shared by the request rules: where their finding sits (the first line of the prompt's text, where a disable comment
// above it applies), the saving of a change to the request priced through the one pricing path, and its label.
import type { DetectedPrompt, Fix, SourceEdit } from '../types';
import { lineEnd } from './promptView';
import type { RequestChange, RequestFacts } from './requestFacts';
import { formatMonthly } from './savings';
import { groupThousands } from '../views/format';

/** The first line of the prompt's first text part (never the code around it). */
export function anchorSpan(prompt: DetectedPrompt, documentText: string): { start: number; end: number } {
  const firstText = prompt.parts.find((p) => p.kind === 'text' && p.span.end > p.span.start);
  const start = firstText?.span.start ?? prompt.span.start;
  const end = Math.min(firstText?.span.end ?? prompt.span.end, lineEnd(documentText, start));
  return { start, end: Math.max(end, start) };
}

/** Monthly USD the change saves on the request; undefined when either side has no price. */
export function monthlySavingOf(facts: RequestFacts, change: RequestChange): number | undefined {
  const before = facts.monthlyCost();
  const after = facts.monthlyCost(change);
  if (before === undefined || after === undefined) return undefined;
  const saving = before - after;
  return Number.isFinite(saving) ? saving : undefined;
}

/** `−234 output tokens · −$12/mo`, `−$12/mo` without tokens, `−234 output tokens` without a price. */
export function outputSavingLabel(tokens: number | undefined, monthly: number | undefined, what = 'output tokens'): string {
  const parts: string[] = [];
  if (tokens !== undefined && tokens > 0) parts.push(`−${groupThousands(tokens)} ${what}`);
  if (monthly !== undefined && monthly > 0) parts.push(`−${formatMonthly(monthly)}/mo`);
  return parts.join(' · ');
}

/** A fix of the call's arguments; its title carries the saving. */
export function argumentFix(title: string, label: string, edits: (SourceEdit | undefined)[], savingsTokens: number): Fix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { title: label ? `${title} (${label})` : title, edits: edits as SourceEdit[], savingsTokens, isPreferred: false };
}

/** The prompt as the fix would leave it, for re-pricing: `callParams` and `annotation` changed, nothing else. */
export function withCall(prompt: DetectedPrompt, change: { callParams?: Partial<DetectedPrompt['callParams']>; outputTokens?: number }): DetectedPrompt {
  return {
    ...prompt,
    callParams: { ...prompt.callParams, ...change.callParams },
    ...(change.outputTokens !== undefined ? { annotation: { ...prompt.annotation, outputTokens: change.outputTokens } } : {}),
  };
}

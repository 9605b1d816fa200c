// Turning decoded-text changes into a Fix with its measured saving in the title. Every Fix made here remembers
// its decoded changes so "Compress this prompt" can measure the combined saving instead of adding up estimates.
import type { Fix, SourceEdit } from '../types';
import type { ProtectedKind } from './promptView';
import { composeChanges, measureSaving, monthlySaving, savingLabel } from './savings';
import { editForChange } from './sourceEdits';
import type { RuleRun, ViewChange } from './types';

export interface FixOrigin {
  promptId: string;
  /** The decoded changes as the rule made them (before composing). */
  changes: ViewChange[];
  /** The changes only describe the effect (a wrapping dedent call); the edits are `extraEdits`. */
  effectOnly?: boolean;
  extraEdits: SourceEdit[];
  allowInside?: ProtectedKind[];
}

const FIX_ORIGINS = new WeakMap<Fix, FixOrigin>();

export function fixOrigin(fix: Fix): FixOrigin | undefined {
  return FIX_ORIGINS.get(fix);
}

export interface BuiltFix {
  fix?: Fix;
  savingsTokens: number;
  savingsMonthly?: number;
}

export interface FixOptions {
  /** Edits outside the literal's text (an import line, a wrapping call) that belong to the same fix. */
  extraEdits?: SourceEdit[];
  /** Protected kinds this fix may edit inside (pretty-json compacts JSON inside code fences). */
  allowInside?: ProtectedKind[];
  /** The changes describe the effect of `extraEdits` (a wrapping dedent call) and are not written themselves. */
  effectOnly?: boolean;
}

/**
 * Measures `changes` and builds the fix titled `title(label)`. `fix` is absent when any change cannot be written
 * back safely (all or nothing: half a fix is a different text).
 */
export function buildFix(run: RuleRun, changes: ViewChange[], title: (label: string) => string, options: FixOptions = {}): BuiltFix {
  const written = composeChanges(changes, run.view.text);
  const savingsTokens = measureSaving(run, written);
  const savingsMonthly = monthlySaving(savingsTokens, run.ctx.monthlyCostPerInputToken);
  const edits: SourceEdit[] = [];
  if (!options.effectOnly) {
    for (const change of written) {
      const edit = editForChange(run.view, change, run.ctx.documentText, options.allowInside);
      if (!edit) return { savingsTokens, savingsMonthly };
      edits.push(edit);
    }
  }
  const extraEdits = options.extraEdits ?? [];
  edits.push(...extraEdits);
  if (edits.length === 0) return { savingsTokens, savingsMonthly };
  const label = savingsTokens > 0 ? ` (${savingLabel(savingsTokens, savingsMonthly)})` : '';
  const fix: Fix = { title: title(label), edits, savingsTokens, isPreferred: true };
  FIX_ORIGINS.set(fix, { promptId: run.prompt.id, changes, effectOnly: options.effectOnly, extraEdits, allowInside: options.allowInside });
  return { fix, savingsTokens, savingsMonthly };
}

/**
 * The same fix for the same prompt moved by `delta` characters (text inserted or removed above it): its edits
 * shifted, its decoded changes (relative to the prompt) as they were, so "Compress this prompt" still combines it.
 */
export function shiftFix(fix: Fix, delta: number): Fix {
  const shiftEdit = (e: SourceEdit): SourceEdit => ({ span: { start: e.span.start + delta, end: e.span.end + delta }, newText: e.newText });
  const moved: Fix = { ...fix, edits: fix.edits.map(shiftEdit) };
  const origin = FIX_ORIGINS.get(fix);
  if (origin) FIX_ORIGINS.set(moved, { ...origin, extraEdits: origin.extraEdits.map(shiftEdit) });
  return moved;
}

/** Shortens text quoted in a title or message: `"in order to"`. */
export function quoteShort(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? flat.slice(0, max - 1) + '…' : flat}"`;
}

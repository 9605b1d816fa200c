// Fragments: texts that reach the model only inserted into a larger prompt of the same document
// (`RULES = "…"`, then `SYSTEM = f"You are a bot. {RULES}"`). The detector marks them with `fragmentOf`. Their cost
// is part of the larger prompt's: its placeholder for the fragment is sized by the fragment's real text, and the
// fragment itself is left out of every total (otherwise the same tokens are paid twice).
import type { DetectedPrompt } from '../types';

/** False for a fragment: its cost is counted in the prompt it is inserted into, so totals leave it out. */
export function countsInTotals(prompt: DetectedPrompt): boolean {
  return !prompt.fragmentOf;
}

/** The short name of a prompt id for the editor: `app/prompts.py#SYSTEM` → `SYSTEM`. */
export function promptLocalName(id: string): string {
  const hash = id.lastIndexOf('#');
  return hash >= 0 ? id.slice(hash + 1) : id;
}

/** A document's fragments by the id of the prompt they are inserted into (built once per analysis). */
export type FragmentIndex = ReadonlyMap<string, readonly DetectedPrompt[]>;

export function fragmentIndex(prompts: readonly DetectedPrompt[]): FragmentIndex {
  const byOwner = new Map<string, DetectedPrompt[]>();
  for (const p of prompts) {
    if (!p.fragmentOf) continue;
    const list = byOwner.get(p.fragmentOf) ?? [];
    list.push(p);
    byOwner.set(p.fragmentOf, list);
  }
  return byOwner;
}

/**
 * The fragments a prompt's placeholders can be filled from: those inserted into it, and (for their own
 * placeholders) those inserted into them, transitively, in a fixed order. A cycle cannot loop (each is taken once).
 */
export function fragmentsWithin(prompt: DetectedPrompt, prompts: readonly DetectedPrompt[] | FragmentIndex): DetectedPrompt[] {
  const byOwner = prompts instanceof Map ? (prompts as FragmentIndex) : fragmentIndex(prompts as readonly DetectedPrompt[]);
  if (!byOwner.has(prompt.id)) return [];
  const found = new Set<DetectedPrompt>();
  const order: DetectedPrompt[] = [];
  const pending = [prompt.id];
  while (pending.length) {
    for (const f of byOwner.get(pending.shift()!) ?? []) {
      if (found.has(f) || f === prompt) continue;
      found.add(f);
      order.push(f);
      pending.push(f.id);
    }
  }
  return order;
}

/** Object-own receivers: `self.TONE` inside a class refers to the class attribute the detector names `Agent.TONE`. */
const RECEIVER = /^(?:self|cls|this)\./;

/**
 * The fragments of `owner` that a placeholder with this expression inserts. The expression names the fragment's
 * symbol exactly (`RULES`, `PROMPTS.rules`), or its last segment (a local `cats` the detector names `support.cats`;
 * `self.TONE` for `Agent.TONE`), or the placeholder it `fills` (`TEMPLATE.format(examples=EXAMPLES)` → `examples`).
 * Exact names win; several bindings of one name (if/else branches) are all returned.
 */
export function fragmentsForPlaceholder(name: string, owner: DetectedPrompt, fragments: readonly DetectedPrompt[]): DetectedPrompt[] {
  const expr = name.trim();
  const mine = fragments.filter((f) => f.fragmentOf === owner.id && (f.symbol || f.fills));
  const exact = mine.filter((f) => f.symbol === expr || f.fills === expr);
  if (exact.length) return exact;
  const local = expr.replace(RECEIVER, '');
  if (!local) return [];
  return mine.filter((f) => f.symbol?.endsWith(`.${local}`));
}

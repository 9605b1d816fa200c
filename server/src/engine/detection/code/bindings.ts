// Bindings (assignments, declarators, fields, defaults, returns, list growth) and the by-name index kept on the
// syntax root, patched after an edit instead of rebuilt.
import type { SyntaxNode } from '../syntaxMirror';
import type { StatementFacts } from './fileModel';

export interface Binding {
  name: string;
  member: boolean;
  /** The node that binds (assignment, declarator, return statement…): candidates anchor to it. */
  node: SyntaxNode;
  value: SyntaxNode;
  /** Function, class or module node whose scope holds the name. */
  scope: SyntaxNode;
  symbol: string;
  /** The top-level statement (or root) whose facts hold this binding, and its index there: document order. */
  top: SyntaxNode;
  order: number;
}

/** The bindings index kept on the root between analyses, with the facts list it was built from. */
interface BindingIndex {
  facts: StatementFacts[];
  byName: Map<string, Binding[]>;
}

/**
 * Bindings by name in document order. After an edit, the statements kept by `updateMirror` are a prefix and a
 * suffix of the previous facts list (same objects): only the bindings of the statements between them are removed
 * and inserted, instead of re-indexing every binding of the file on each keystroke.
 */
export function indexBindings(root: SyntaxNode, facts: StatementFacts[]): Map<string, Binding[]> {
  const previous = root.facts as BindingIndex | undefined;
  let byName: Map<string, Binding[]> | undefined;
  if (previous && previous.facts.length && facts.length) {
    const old = previous.facts;
    // Index 0 is the root's own facts, collected afresh on every run (its bindings, if any, are always redone).
    let prefix = 1;
    const limit = Math.min(old.length, facts.length);
    while (prefix < limit && old[prefix] === facts[prefix]) prefix++;
    let suffix = 0;
    while (suffix < limit - prefix && old[old.length - 1 - suffix] === facts[facts.length - 1 - suffix]) suffix++;
    let changed = old[0].bindings.length + facts[0].bindings.length;
    for (let i = prefix; i < old.length - suffix; i++) changed += old[i].bindings.length;
    for (let i = prefix; i < facts.length - suffix; i++) changed += facts[i].bindings.length;
    // Each removal/insertion is linear in its name's list: past a few hundred (a replaced minified bundle that
    // re-declares `e` thousands of times) a fresh index is cheaper than patching.
    if (changed <= MAX_PATCHED_BINDINGS) {
      byName = previous.byName;
      for (const b of old[0].bindings) removeBinding(byName, b);
      for (let i = prefix; i < old.length - suffix; i++) for (const b of old[i].bindings) removeBinding(byName, b);
      for (const b of facts[0].bindings) insertBinding(byName, b);
      for (let i = prefix; i < facts.length - suffix; i++) for (const b of facts[i].bindings) insertBinding(byName, b);
    }
  }
  if (!byName) {
    byName = new Map();
    for (const f of facts) {
      for (const b of f.bindings) {
        const list = byName.get(b.name);
        if (list) list.push(b);
        else byName.set(b.name, [b]);
      }
    }
  }
  root.facts = { facts, byName } satisfies BindingIndex;
  return byName;
}

const MAX_PATCHED_BINDINGS = 256;

function removeBinding(byName: Map<string, Binding[]>, b: Binding): void {
  const list = byName.get(b.name);
  const at = list ? list.lastIndexOf(b) : -1;
  if (at < 0) return;
  if (list!.length === 1) byName.delete(b.name);
  else list!.splice(at, 1);
}

/** Inserts before the first binding that comes later in the document (by statement, then order in it). */
function insertBinding(byName: Map<string, Binding[]>, b: Binding): void {
  const list = byName.get(b.name);
  if (!list) {
    byName.set(b.name, [b]);
    return;
  }
  const topStart = b.top.parent ? b.top.start : -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid];
    const mStart = m.top.parent ? m.top.start : -1;
    if (mStart < topStart || (m.top === b.top && m.order < b.order)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, b);
}

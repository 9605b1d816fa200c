// Copies a tree-sitter tree into plain JavaScript objects in one cursor walk. Crossing into WASM costs about a
// microsecond per call, so the analysis (which looks at parents, siblings and text many times) works on this copy.
// The walk is iterative: deeply nested input cannot overflow the stack.
//
// After an edit, `updateMirror` copies only the top-level statements that the edit or the re-parse touched and
// keeps the others: every node of a top-level statement shares one `Segment`, so shifting a kept statement after
// the edit is one addition, not a walk over its nodes. Facts derived from a kept statement (cached on it by the
// analysis) stay valid because its text and structure are unchanged.
import type { Language, Node as TsNode, Tree, TreeCursor } from 'web-tree-sitter';
import { openDirectCursor, type WalkCursor } from './directCursor';

/** Offset shift shared by every node of one top-level statement (grows when text is inserted before it). */
export class Segment {
  delta = 0;
}

/**
 * Shared by every leaf. Children arrays are built exactly sized (see `finished`): an array grown by `push` keeps
 * room for 17 entries, which made children arrays two thirds of a 5,000-line file's copy (measured: 15.7 → see
 * docs/design/editor.md). Frozen so a stray `push` fails loudly instead of giving every leaf a child.
 */
const NO_CHILDREN: SyntaxNode[] = Object.freeze([]) as unknown as SyntaxNode[];

export class SyntaxNode {
  children: SyntaxNode[] = NO_CHILDREN;
  /** Values computed from this node's own text, kept while the node is reused (callee path…). */
  memo: string[] | undefined;
  /** Sink-table matches of a call's callee, kept while the node is reused (owned by the code detector). */
  sinkMemo: unknown;
  /** Analysis facts cached on a top-level statement while it is reused (owned by the code detector). */
  facts: unknown;
  /** The name binding this node makes (assignment, declarator…), set by the code detector with the facts. */
  binding: unknown;

  constructor(
    readonly type: string,
    private startOffset: number,
    private endOffset: number,
    /** Field name in the parent (`function`, `arguments`, `left`…), null when unnamed. */
    readonly field: string | null,
    readonly named: boolean,
    public parent: SyntaxNode | null,
    /** Position among the parent's children. */
    public index: number,
    readonly segment: Segment,
  ) {}

  /**
   * One frozen node shared by every occurrence of an anonymous token below the top level (see childAtCursor): the only
   * nodes without a parent that are not the root.
   */
  get shared(): boolean {
    return !this.named && this.parent === null;
  }

  /** UTF-16 offset into the document text; -1 for anonymous tokens below the top level (read their type only). */
  get start(): number {
    return this.startOffset < 0 ? -1 : this.startOffset + this.segment.delta;
  }

  get end(): number {
    return this.endOffset < 0 ? -1 : this.endOffset + this.segment.delta;
  }

  /** The root is kept across updates (bindings cached on kept statements refer to it as their scope). */
  resetRoot(start: number, end: number, children: SyntaxNode[]): void {
    this.startOffset = start;
    this.endOffset = end;
    this.children = children;
    children.forEach((c, i) => {
      c.index = i;
      c.parent = this;
    });
  }
}

interface LanguageTables {
  types: string[];
  named: boolean[];
  fields: (string | null)[];
  /** The shared node of each anonymous token type (see childAtCursor). */
  tokens: SyntaxNode[];
}
const tablesByLanguage = new WeakMap<Language, LanguageTables>();

function tablesFor(language: Language): LanguageTables {
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) named.push(language.nodeTypeIsNamed(id));
    tables = { types: language.types, named, fields: language.fields, tokens: [] };
    tablesByLanguage.set(language, tables);
  }
  return tables;
}

export function mirrorTree(tree: Tree): SyntaxNode {
  return mirrorSubtree(tree, tree.walk(), tablesFor(tree.language), null, 0, null);
}

/** Copies the cursor's node and everything below it; the cursor is deleted afterwards. */
function mirrorSubtree(tree: Tree, libraryCursor: TreeCursor, tables: LanguageTables, parent: SyntaxNode | null, index: number, field: string | null): SyntaxNode {
  // The direct cursor (directCursor.ts) when the runtime allows it: the same walk without per-call copying.
  const cursor: WalkCursor & { delete(): void } = openDirectCursor(tree, libraryCursor) ?? libraryCursor;
  try {
    const top = nodeAtCursor(cursor, tables, parent, index, new Segment(), true, field);
    if (!cursor.gotoFirstChild()) return top;
    // The cursor is on a child of `owner`; every node made here is one of `owner`'s children, in order.
    let owner = top;
    for (;;) {
      const topLevel = owner === top && !parent;
      const node = childAtCursor(cursor, tables, owner, topLevel ? new Segment() : childSegment(owner), topLevel);
      if (owner.children === NO_CHILDREN) owner.children = [node];
      else owner.children.push(node);
      // A shared token leaf was checked to have no children (childAtCursor): the walk does not look again.
      if (!node.shared && cursor.gotoFirstChild()) {
        owner = node;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        finished(owner);
        if (owner === top || !cursor.gotoParent()) return top;
        owner = owner.parent!;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** All children of `node` are copied: trim its children array to its length (push leaves spare room). */
function finished(node: SyntaxNode): void {
  if (node.children.length > 1) node.children = node.children.slice();
}

/** Children of the root start their own segment; deeper nodes share their top-level statement's. */
function childSegment(parent: SyntaxNode): Segment {
  return parent.parent ? parent.segment : new Segment();
}

function nodeAtCursor(
  cursor: WalkCursor,
  tables: LanguageTables,
  parent: SyntaxNode | null,
  index: number,
  segment: Segment,
  topLevel: boolean,
  fieldOverride?: string | null,
): SyntaxNode {
  const typeId = cursor.nodeTypeId;
  const named = tables.named[typeId] ?? true;
  const type = tables.types[typeId] ?? 'ERROR';
  // Anonymous tokens (punctuation, operators, keywords) are only ever looked at by type: skipping their
  // positions and field saves three WASM calls each, a third of the walk. Top-level ones keep their positions,
  // which the incremental update compares.
  if (!named && !topLevel) return new SyntaxNode(type, -1, -1, null, named, parent, index, segment);
  const fieldId = fieldOverride === undefined ? cursor.currentFieldId : 0;
  const field = fieldOverride === undefined ? (fieldId ? tables.fields[fieldId] ?? null : null) : fieldOverride;
  return new SyntaxNode(type, cursor.startIndex, cursor.endIndex, field, named, parent, index, segment);
}

/**
 * The child under the cursor. Below the top level an anonymous token without children (a third to a half of all
 * nodes: punctuation, operators, keywords) is one shared, frozen node per type: it is only ever read by type, and
 * not allocating it saves the copy's time and, above all, the collector's (measured in docs/design/detection.md).
 * Shared nodes have no parent or position; the walk never needs them, and the analysis reads them only by type.
 */
function childAtCursor(cursor: WalkCursor, tables: LanguageTables, owner: SyntaxNode, segment: Segment, topLevel: boolean): SyntaxNode {
  if (!topLevel) {
    const typeId = cursor.nodeTypeId;
    if (!(tables.named[typeId] ?? true)) {
      // An anonymous node with children (an alias of a rule to a string) is copied like any other.
      if (!cursor.gotoFirstChild()) return sharedToken(tables, typeId);
      cursor.gotoParent();
    }
  }
  return nodeAtCursor(cursor, tables, owner, owner.children.length, segment, topLevel);
}

const NO_SEGMENT = new Segment();

function sharedToken(tables: LanguageTables, typeId: number): SyntaxNode {
  let token = tables.tokens[typeId];
  if (!token) {
    token = new SyntaxNode(tables.types[typeId] ?? 'ERROR', -1, -1, null, false, null, -1, NO_SEGMENT);
    Object.freeze(token);
    tables.tokens[typeId] = token;
  }
  return token;
}

/** One replacement that turns the previous text into the new one: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Brings `previous` (the mirror of the tree before `change`) up to date with `tree`, re-copying only the top-level
 * statements that overlap the change or a range tree-sitter reports as structurally changed. Returns a full copy
 * when the kept statements do not line up with the new tree.
 */
export function updateMirror(previous: SyntaxNode, tree: Tree, change: TextChange, changedRanges: { startIndex: number; endIndex: number }[]): SyntaxNode {
  const delta = change.newEnd - change.oldEnd;
  let lo = change.start;
  let hi = change.newEnd;
  for (const r of changedRanges) {
    lo = Math.min(lo, r.startIndex);
    hi = Math.max(hi, r.endIndex);
  }
  const hiOld = hi - delta;
  const old = previous.children;
  // Kept statements end strictly before the changed span or start strictly after it (touching counts as changed).
  let before = 0;
  while (before < old.length && old[before].end < lo) before++;
  let after = old.length;
  while (after > before && old[after - 1].start > hiOld) after--;

  const root = tree.rootNode;
  const tables = tablesFor(tree.language);
  const count = root.childCount;
  const keptAfter = old.length - after;
  const firstNew = before;
  const endNew = count - keptAfter;
  if (endNew < firstNew || root.type !== previous.type) return mirrorTree(tree);
  if (keptAfter > 0 && !sameNode(root.child(endNew), old[after], delta)) return mirrorTree(tree);
  if (before > 0 && !sameNode(root.child(before - 1), old[before - 1], 0)) return mirrorTree(tree);

  const fresh: SyntaxNode[] = [];
  for (let i = firstNew; i < endNew; i++) {
    const child = root.child(i);
    if (!child) return mirrorTree(tree);
    fresh.push(mirrorSubtree(tree, child.walk(), tables, previous, i, root.fieldNameForChild(i)));
  }
  for (let i = after; i < old.length; i++) old[i].segment.delta += delta;
  previous.resetRoot(root.startIndex, root.endIndex, [...old.slice(0, before), ...fresh, ...old.slice(after)]);
  return previous;
}

function sameNode(node: TsNode | null, copy: SyntaxNode, delta: number): boolean {
  return !!node && node.type === copy.type && node.startIndex === copy.start + delta && node.endIndex === copy.end + delta;
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c) => c.named && c.type !== 'comment');
}

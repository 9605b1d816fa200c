// Copies a tree-sitter tree into plain JavaScript objects in one cursor walk. Crossing into WASM costs about a
// microsecond per call, so the analysis (which looks at parents, siblings and text many times) works on this copy.
// The walk is iterative: deeply nested input cannot overflow the stack.
import type { Tree, Language } from 'web-tree-sitter';

export interface SyntaxNode {
  type: string;
  /** UTF-16 offsets into the document text; -1 for anonymous tokens (read their type only). */
  start: number;
  end: number;
  /** Field name in the parent (`function`, `arguments`, `left`…), null when unnamed. */
  field: string | null;
  named: boolean;
  parent: SyntaxNode | null;
  children: SyntaxNode[];
  /** Position among the parent's children. */
  index: number;
}

interface LanguageTables {
  types: string[];
  named: boolean[];
  fields: (string | null)[];
}
const tablesByLanguage = new WeakMap<Language, LanguageTables>();

function tablesFor(language: Language): LanguageTables {
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) named.push(language.nodeTypeIsNamed(id));
    tables = { types: language.types, named, fields: language.fields };
    tablesByLanguage.set(language, tables);
  }
  return tables;
}

export function mirrorTree(tree: Tree): SyntaxNode {
  const tables = tablesFor(tree.language);
  const cursor = tree.walk();
  try {
    const root = nodeAtCursor(cursor, tables, null, 0);
    let current = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        const child = nodeAtCursor(cursor, tables, current, 0);
        current.children.push(child);
        current = child;
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) {
          const parent = current.parent!;
          const sibling = nodeAtCursor(cursor, tables, parent, parent.children.length);
          parent.children.push(sibling);
          current = sibling;
          break;
        }
        if (!cursor.gotoParent()) return root;
        current = current.parent!;
      }
    }
  } finally {
    cursor.delete();
  }
}

function nodeAtCursor(
  cursor: ReturnType<Tree['walk']>,
  tables: LanguageTables,
  parent: SyntaxNode | null,
  index: number,
): SyntaxNode {
  const typeId = cursor.nodeTypeId;
  const named = tables.named[typeId] ?? true;
  // Anonymous tokens (punctuation, operators, keywords) are only ever looked at by type: skipping their
  // positions and field saves three WASM calls each, a third of the walk.
  if (!named) return { type: tables.types[typeId] ?? 'ERROR', start: -1, end: -1, field: null, named, parent, children: [], index };
  const fieldId = cursor.currentFieldId;
  return {
    type: tables.types[typeId] ?? 'ERROR',
    start: cursor.startIndex,
    end: cursor.endIndex,
    field: fieldId ? tables.fields[fieldId] ?? null : null,
    named,
    parent,
    children: [],
    index,
  };
}

/** Iterates every node in document order without recursion. */
export function* walkNodes(root: SyntaxNode): Generator<SyntaxNode> {
  const stack: SyntaxNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c) => c.named && c.type !== 'comment');
}

// The tree copy walks with the direct cursor (directCursor.ts) when web-tree-sitter's runtime has the expected shape.
// These tests check that it is in use and that it copies exactly what the library's own cursor copies: every node's
// type, range, field, namedness and children, for the labelled fixtures of every language and for broken code,
// both as a full copy and as the statement-by-statement update after an edit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Tree } from 'web-tree-sitter';
import { applyEdits } from '../../server/src/engine/detection';
import { openDirectCursor, setDirectCursorEnabled } from '../../server/src/engine/detection/directCursor';
import { createParser, parseWithLimit, type GrammarName } from '../../server/src/engine/detection/parserRuntime';
import { mirrorTree, updateMirror, type SyntaxNode } from '../../server/src/engine/detection/syntaxMirror';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'detection');

function grammarOf(file: string): GrammarName | undefined {
  if (file.endsWith('.py')) return 'python';
  if (file.endsWith('.tsx')) return 'tsx';
  if (file.endsWith('.ts')) return 'typescript';
  if (file.endsWith('.js') || file.endsWith('.jsx') || file.endsWith('.mjs')) return 'javascript';
  return undefined;
}

function fixtureFiles(): { file: string; grammar: GrammarName }[] {
  const out: { file: string; grammar: GrammarName }[] = [];
  for (const dir of fs.readdirSync(FIXTURES)) {
    const full = path.join(FIXTURES, dir);
    if (!fs.statSync(full).isDirectory()) continue;
    for (const f of fs.readdirSync(full)) {
      const grammar = grammarOf(f);
      if (grammar) out.push({ file: path.join(full, f), grammar });
    }
  }
  return out;
}

/** Every node as one line: depth, type, range, field, named (iterative: fixtures can nest deeply). */
function shape(root: SyntaxNode): string[] {
  const lines: string[] = [];
  const stack: [SyntaxNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    lines.push(`${depth} ${node.type} ${node.start}-${node.end} ${node.field ?? ''} ${node.named ? 'n' : 'a'} ${node.children.length}`);
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      // Anonymous tokens below the top level are shared per type: no parent link, no position, no children.
      if (child.shared) assert.ok(!child.named && child.parent === null && child.children.length === 0 && child.start === -1, `shared ${child.type}`);
      else {
        assert.strictEqual(child.parent, node, `parent link of ${child.type}`);
        assert.strictEqual(child.index, i, `index of ${child.type}`);
      }
      stack.push([child, depth + 1]);
    }
  }
  return lines;
}

function copyWith(direct: boolean, tree: Tree): string[] {
  setDirectCursorEnabled(direct);
  try {
    return shape(mirrorTree(tree));
  } finally {
    setDirectCursorEnabled(true);
  }
}

describe('direct tree cursor', () => {
  it('is available with the pinned web-tree-sitter (otherwise the copy silently takes the slow path)', async () => {
    const parser = await createParser('python');
    const tree = parseWithLimit(parser, 'x = 1\n')!;
    const cursor = tree.walk();
    const direct = openDirectCursor(tree, cursor);
    try {
      assert.ok(direct, 'openDirectCursor returned undefined: web-tree-sitter no longer has the shape directCursor.ts expects');
      assert.strictEqual(direct!.gotoFirstChild(), true);
      assert.strictEqual(tree.language.types[direct!.nodeTypeId], 'expression_statement');
      assert.deepStrictEqual([direct!.startIndex, direct!.endIndex], [0, 5]);
    } finally {
      (direct ?? cursor).delete();
      tree.delete();
      parser.delete();
    }
  });

  for (const { file, grammar } of fixtureFiles()) {
    it(`copies ${path.relative(FIXTURES, file)} exactly as the library cursor does`, async () => {
      const parser = await createParser(grammar);
      const text = fs.readFileSync(file, 'utf8');
      const tree = parseWithLimit(parser, text)!;
      try {
        const library = copyWith(false, tree);
        assert.ok(library.length > 50, 'fixture parsed to a real tree');
        assert.deepStrictEqual(copyWith(true, tree), library);
      } finally {
        tree.delete();
        parser.delete();
      }
    });
  }

  it('shares one node per anonymous token type below the top level, and copies it without parent or position', async () => {
    const parser = await createParser('python');
    const tree = parseWithLimit(parser, 'def f(a, b):\n    return (a + b) * 2\n')!;
    try {
      const root = mirrorTree(tree);
      const tokens: SyntaxNode[] = [];
      const stack = [root];
      while (stack.length) {
        const node = stack.pop()!;
        for (const c of node.children) (c.shared ? tokens.push(c) : stack.push(c));
      }
      const parens = tokens.filter((t) => t.type === '(');
      assert.strictEqual(parens.length, 2, 'both "(" are copied');
      assert.strictEqual(parens[0], parens[1], 'a token type seen twice is one node');
      assert.ok(Object.isFrozen(parens[0]));
      assert.ok(root.children.every((c) => !c.shared), 'top-level nodes keep their positions (the incremental update compares them)');
    } finally {
      tree.delete();
      parser.delete();
    }
  });

  it('copies half-typed code (error and missing nodes) and non-ASCII text identically', async () => {
    const parser = await createParser('typescript');
    const text = 'const p = `Résumé ${user.name} 日本語 😀\nconst q = f(\'unterminated;\nfunction g( { return "ok" }\n';
    const tree = parseWithLimit(parser, text)!;
    try {
      assert.deepStrictEqual(copyWith(true, tree), copyWith(false, tree));
    } finally {
      tree.delete();
      parser.delete();
    }
  });

  it('updates a copy after an edit exactly as the library cursor does', async () => {
    const parser = await createParser('python');
    const before = fs.readFileSync(path.join(FIXTURES, 'python', 'support_bot.py'), 'utf8');
    const at = before.indexOf('You are');
    assert.ok(at > 0);
    const edit = { start: at, oldEnd: at, newText: 'Please note: ' };
    const after = before.slice(0, at) + edit.newText + before.slice(at);
    const results: string[][] = [];
    for (const direct of [false, true]) {
      setDirectCursorEnabled(direct);
      const oldTree = parseWithLimit(parser, before)!;
      const mirror = mirrorTree(oldTree);
      assert.ok(applyEdits(oldTree, before, [edit], after));
      const newTree = parseWithLimit(parser, after, oldTree)!;
      const updated = updateMirror(mirror, newTree, { start: at, oldEnd: at, newEnd: at + edit.newText.length }, newTree.getChangedRanges(oldTree));
      results.push(shape(updated));
      assert.deepStrictEqual(shape(updated), shape(mirrorTree(newTree)), 'updated copy equals a fresh copy');
      oldTree.delete();
      newTree.delete();
    }
    setDirectCursorEnabled(true);
    parser.delete();
    assert.deepStrictEqual(results[1], results[0]);
  });
});

// Scope walks: the function, class or module around a node, and the statement that holds it.
import type { SyntaxNode } from '../syntaxMirror';
import { CLASS_TYPES, FUNCTION_TYPES, SCOPE_ROOTS } from '../syntaxShapes';

/** Innermost function, class or module around `node` (a class body is the scope of class attributes bound directly in it). */
export function enclosingScope(node: SyntaxNode): SyntaxNode {
  let n = node.parent;
  while (n && !FUNCTION_TYPES.has(n.type) && !CLASS_TYPES.has(n.type) && !SCOPE_ROOTS.has(n.type)) n = n.parent;
  return n ?? rootOf(node);
}

export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  let n = node.parent;
  while (n && !FUNCTION_TYPES.has(n.type)) {
    if (CLASS_TYPES.has(n.type) || SCOPE_ROOTS.has(n.type)) return undefined;
    n = n.parent;
  }
  return n ?? undefined;
}

export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  let n = node.parent;
  while (n && !CLASS_TYPES.has(n.type)) n = n.parent;
  return n ?? undefined;
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The statement that holds a node: the child of a block, module or class body. */
export function statementOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && !['module', 'program', 'block', 'statement_block', 'class_body', 'switch_body'].includes(n.parent.type)) n = n.parent;
  return n;
}

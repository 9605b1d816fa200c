// Static evaluation of the path a loader reads: `Path(__file__).parent / "prompts" / "system.md"`,
// `os.path.join(os.path.dirname(__file__), "prompts", "x.md")`, `path.join(__dirname, "prompts/x.md")`,
// `importlib.resources.files("app.prompts") / "x.md"`, module constants such as `HERE = Path(__file__).parent`.
// Anything else (a path from configuration, an f-string with a variable) is not static: undefined.
import type { StaticPath } from './fileFacts';
import { PACKAGE_DIR_CALLS, PATH_DIRNAME_CALLS, PATH_IDENTITY_CALLS, PATH_JOIN_CALLS } from './loaders';
import { childByField, namedChildren, type SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, PAREN_TYPES, callArguments, calleeOf, dottedPath, operatorOf, stringValue, text } from '../syntaxShapes';

/** A path under evaluation: `parts` relative to `base`; `<file>` as the last part is the source file itself. */
interface PathValue {
  base: StaticPath['base'];
  packageName?: string;
  parts: string[];
}

const SELF = '<file>';
const MAX_DEPTH = 12;

export interface PathScope {
  source: string;
  /** Module-level names bound once (`HERE = Path(__file__).parent`). */
  moduleValues: Map<string, SyntaxNode>;
}

export function staticPath(node: SyntaxNode | undefined, scope: PathScope): StaticPath | undefined {
  const value = evaluate(node, scope, 0);
  if (!value || value.parts.includes(SELF)) return undefined;
  const path = value.parts.join('/');
  if (!path) return undefined;
  return { base: value.base, ...(value.packageName ? { packageName: value.packageName } : {}), path };
}

function parent(value: PathValue | undefined): PathValue | undefined {
  if (!value) return undefined;
  const parts = [...value.parts];
  const last = parts[parts.length - 1];
  if (last === undefined || last === '..') parts.push('..');
  else parts.pop();
  return { ...value, parts };
}

/** Appends a written relative path; an absolute one (`/etc/x`, `C:\x`) is not a workspace file. */
function join(value: PathValue | undefined, relative: string | undefined): PathValue | undefined {
  if (!value || relative === undefined) return undefined;
  if (/^(?:\/|[a-zA-Z]:[\\/]|~)/.test(relative)) return undefined;
  if (value.parts[value.parts.length - 1] === SELF) return undefined; // `os.path.join(__file__, "x")` names no file
  const parts = [...value.parts];
  for (const seg of relative.split(/[\\/]/)) {
    if (!seg || seg === '.') continue;
    if (seg === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(seg);
  }
  return { ...value, parts };
}

function relativeText(node: SyntaxNode | undefined, scope: PathScope): string | undefined {
  if (!node) return undefined;
  const value = stringValue(scope.source, node);
  if (value !== undefined) return value;
  return undefined;
}

function evaluate(node: SyntaxNode | undefined, scope: PathScope, depth: number): PathValue | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const { source } = scope;
  if (PAREN_TYPES.has(node.type)) return evaluate(namedChildren(node)[0], scope, depth + 1);
  const literal = stringValue(source, node);
  if (literal !== undefined) return join({ base: 'root', parts: [] }, literal);
  if (node.type === 'template_string') return templatePath(node, scope, depth);
  if (node.type === 'identifier') {
    const name = text(source, node);
    if (name === '__file__') return { base: 'file', parts: [SELF] };
    if (name === '__dirname') return { base: 'file', parts: [] };
    const bound = scope.moduleValues.get(name);
    return bound ? evaluate(bound, scope, depth + 1) : undefined;
  }
  if (node.type === 'attribute' || node.type === 'member_expression') {
    // `import.meta` is one node (meta_property): read the member's text.
    const path = text(source, node).replace(/\s+/g, '');
    if (path === 'import.meta.dirname') return { base: 'file', parts: [] };
    if (path === 'import.meta.url' || path === 'import.meta.filename') return { base: 'file', parts: [SELF] };
    const object = childByField(node, 'object');
    const property = childByField(node, 'attribute') ?? childByField(node, 'property');
    if (property && text(source, property) === 'parent') return parent(evaluate(object, scope, depth + 1));
    if (property && text(source, property) === 'parents') return undefined;
    return undefined;
  }
  if (node.type === 'binary_operator' && operatorOf(node) === '/') {
    const left = evaluate(childByField(node, 'left'), scope, depth + 1);
    const right = childByField(node, 'right');
    const rightText = relativeText(right, scope);
    if (rightText !== undefined) return join(left, rightText);
    const rightValue = evaluate(right, scope, depth + 1);
    return rightValue && rightValue.base === 'root' ? join(left, rightValue.parts.join('/')) : undefined;
  }
  if (node.type === 'new_expression' || CALL_TYPES.has(node.type)) return callPath(node, scope, depth);
  return undefined;
}

function templatePath(node: SyntaxNode, scope: PathScope, depth: number): PathValue | undefined {
  let value: PathValue | undefined;
  let pending = '';
  const contentStart = node.start + 1;
  let cursor = contentStart;
  for (const child of node.children) {
    if (child.type !== 'template_substitution') continue;
    pending += scope.source.slice(cursor, child.start);
    if (value || pending) return undefined; // only a leading `${base}` is understood
    value = evaluate(namedChildren(child)[0], scope, depth + 1);
    if (!value) return undefined;
    cursor = child.end;
  }
  const rest = pending + scope.source.slice(cursor, node.end - 1);
  return join(value ?? { base: 'root', parts: [] }, rest);
}

function callPath(call: SyntaxNode, scope: PathScope, depth: number): PathValue | undefined {
  const { source } = scope;
  const callee = calleeOf(call);
  const path = dottedPath(source, callee);
  const full = path.join('.');
  const last = path[path.length - 1] ?? '';
  const args = callArguments(source, call);
  const receiver = callee && (callee.type === 'attribute' || callee.type === 'member_expression') ? childByField(callee, 'object') : undefined;
  if (call.type === 'new_expression' && last === 'URL') {
    // new URL("./x.md", import.meta.url)
    // Resolved like a link: against the file's directory when the base is the file itself.
    const base = evaluate(args.positional[1], scope, depth + 1);
    const dir = base?.parts[base.parts.length - 1] === SELF ? parent(base) : base;
    return dir ? join(dir, relativeText(args.positional[0], scope)) : undefined;
  }
  if (PACKAGE_DIR_CALLS.has(full) || (PACKAGE_DIR_CALLS.has(last) && path.length === 1)) {
    const first = args.positional[0];
    if (!first) return undefined;
    const pkg = stringValue(source, first);
    if (pkg) return { base: 'package', packageName: pkg, parts: [] };
    if (first.type === 'identifier' && ['__package__', '__name__'].includes(text(source, first))) return { base: 'file', parts: [] };
    return undefined;
  }
  if (receiver && last === 'joinpath') {
    let value = evaluate(receiver, scope, depth + 1);
    for (const a of args.positional) value = join(value, relativeText(a, scope));
    return value;
  }
  if (receiver && ['resolve', 'absolute', 'expanduser'].includes(last) && args.positional.length === 0) return evaluate(receiver, scope, depth + 1);
  if (receiver && last === 'with_name') {
    const name = relativeText(args.positional[0], scope);
    return name ? join(parent(evaluate(receiver, scope, depth + 1)), name) : undefined;
  }
  if (PATH_DIRNAME_CALLS.has(full) || (PATH_DIRNAME_CALLS.has(last) && path.length === 1)) return parent(evaluate(args.positional[0], scope, depth + 1));
  if ((PATH_IDENTITY_CALLS.has(full) || (PATH_IDENTITY_CALLS.has(last) && path.length === 1)) && args.positional.length === 1) {
    return evaluate(args.positional[0], scope, depth + 1);
  }
  if (PATH_JOIN_CALLS.has(full) || (PATH_JOIN_CALLS.has(last) && path.length === 1)) {
    const [first, ...rest] = args.positional;
    let value = evaluate(first, scope, depth + 1);
    for (const a of rest) value = join(value, relativeText(a, scope));
    return value;
  }
  return undefined;
}

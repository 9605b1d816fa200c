// Which argument of a call in a model position holds the model (`openai("gpt-4o")`, the default of
// `getStringArg("--model", DEFAULT_MODEL)` or `os.getenv("MODEL", "gpt-4o")`), and the default of a command-line
// option that code reads by name (`args.model` after `add_argument("--model", default=…)`, a click parameter).
// A call that is none of these names no model: its first argument may be anything (a tool name, a list of steps).
import { DEFAULT_VALUE_CALLEES, ENV_READING_CALLEE, MODEL_ARGUMENT_NAMES, MODEL_CONSTRUCTORS } from '../sinks';
import {
  ARGUMENT_HELPER_CALLEE, DEFAULT_ARGUMENT_NAMES, MODEL_FACTORY_CALLEES, MODEL_HELPER_CALLEE, OPTION_DECLARATIONS,
  isFlagOrVariableName, optionDestinations,
} from '../modelPositions';
import type { SyntaxNode } from '../syntaxMirror';
import { CALL_TYPES, callArguments, calleeOf, dottedPath, isStringLiteral, stringValue, type CallArguments } from '../syntaxShapes';

/** What these functions read of a file (FileModel has it). */
export interface ModelArgumentSite {
  readonly source: string;
  readonly language: string;
  readonly calls: SyntaxNode[];
}

const FACTORIES = new Set([...MODEL_FACTORY_CALLEES, ...MODEL_CONSTRUCTORS.map((c) => c.slice(c.lastIndexOf('.') + 1))]);
const DECLARATION_BY_LAST = new Map(OPTION_DECLARATIONS.flatMap((d) => d.callees.map((c): [string, (typeof OPTION_DECLARATIONS)[number]] => [c, d])));

function defaultArgument(args: CallArguments): SyntaxNode | undefined {
  return DEFAULT_ARGUMENT_NAMES.map((n) => args.keywords.get(n)).find(Boolean);
}

function literalText(source: string, node: SyntaxNode | undefined): string | undefined {
  return node && isStringLiteral(node) ? stringValue(source, node) : undefined;
}

/** The argument of `call` (found where a model is expected) that holds the model, if the call is one that has it. */
export function modelArgumentOfCall(site: ModelArgumentSite, call: SyntaxNode): SyntaxNode | undefined {
  const callee = calleeOf(call);
  const path = dottedPath(site.source, callee);
  const last = path[path.length - 1] ?? '';
  const args = callArguments(site.source, call);
  const first = args.positional[0];
  const firstText = literalText(site.source, first);
  // A lookup by name: the name (a flag, a variable, a key) is never the model; the default is.
  if (DEFAULT_VALUE_CALLEES.includes(last) || ENV_READING_CALLEE.test(last) || ARGUMENT_HELPER_CALLEE.test(last) || (firstText !== undefined && isFlagOrVariableName(firstText))) {
    return args.positional[1] ?? defaultArgument(args);
  }
  const named = MODEL_ARGUMENT_NAMES.map((n) => args.keywords.get(n)).find(Boolean);
  if (named) return named;
  // `createOpenAI({ … })("gpt-4o")`: a provider built by a call, then called with the model.
  if (FACTORIES.has(last) || MODEL_HELPER_CALLEE.test(last) || (callee && CALL_TYPES.has(callee.type))) return first;
  return undefined;
}

/** The flags (and explicit name) an option declaration is written with: its leading string arguments. */
function declaredFlags(site: ModelArgumentSite, args: CallArguments): string[] {
  const flags: string[] = [];
  for (const [i, arg] of args.positional.entries()) {
    const value = literalText(site.source, arg);
    if (value === undefined || (i > 0 && !value.startsWith('-'))) break;
    flags.push(value);
  }
  return flags;
}

interface OptionDeclaration {
  destinations: string[];
  value: SyntaxNode | undefined;
}

/** The file's option declarations, listed once per analysis (one scan of its calls, not one per model lookup). */
const DECLARATIONS = new WeakMap<ModelArgumentSite, OptionDeclaration[]>();

function optionDeclarations(site: ModelArgumentSite): OptionDeclaration[] {
  let list = DECLARATIONS.get(site);
  if (list) return list;
  list = [];
  for (const call of site.calls) {
    const path = dottedPath(site.source, calleeOf(call));
    const declaration = DECLARATION_BY_LAST.get(path[path.length - 1] ?? '');
    if (!declaration) continue;
    const args = callArguments(site.source, call);
    const flags = declaredFlags(site, args);
    if (!flags.length) continue;
    // commander's positional default (`.option("-m, --model <name>", "Model", "gpt-4o")`) is JavaScript only: a
    // third positional of click is another flag or the parameter name.
    const positional = site.language !== 'python' && declaration.defaultPosition !== undefined ? args.positional[declaration.defaultPosition] : undefined;
    list.push({ destinations: optionDestinations(flags), value: defaultArgument(args) ?? positional });
  }
  DECLARATIONS.set(site, list);
  return list;
}

/**
 * The default value of the command-line option read under `name` (`args.model_name` ← `--model-name`, a click
 * parameter `model` ← `@click.option("--model", default=…)`), from the last declaration in the file that has one.
 */
export function optionDefault(site: ModelArgumentSite, name: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const d of optionDeclarations(site)) if (d.value && d.destinations.includes(name)) found = d.value;
  return found;
}

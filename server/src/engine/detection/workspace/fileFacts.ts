// What one file tells the workspace index (issue 14, "per-file facts"): plain JSON-able data computed from the file's
// text alone, so it can be cached by content hash and sent between threads. The index (workspaceIndex.ts) joins the
// facts of all files: imports to definitions, calls to function summaries, loader calls to the files they read.
import type { PromptAnnotation, PromptPart, PromptRole, SourceSpan, TextPart, ToolDefinitions } from '../../types';
import type { SinkShape } from '../sinks';

/**
 * A static path built by a loader call: relative to the file's directory, the workspace root (a bare relative path:
 * the index also tries the file's directory), a Python package, or `search` (a template name found by its tail).
 */
export interface StaticPath {
  base: 'file' | 'root' | 'package' | 'search';
  /** Dotted Python package for base `package` (`importlib.resources.files("app.prompts")`). */
  packageName?: string;
  /** `/`-joined segments, `..` allowed. */
  path: string;
}

/** How a loader reads the file (loaders.ts): the whole text, one template, or the fields of a YAML/JSON prompt config. */
export type LoadKind = 'text' | 'template' | 'langchain-prompt' | 'crewai-agents' | 'crewai-tasks';

/** A text part with its per-character offsets packed as runs (packedFacts.ts); everything else as in TextPart. */
export interface PackedTextPart extends Omit<TextPart, 'offsets'> {
  /** Flat pairs [textIndex, sourceOffset]: from textIndex on, the offset advances by one per character. */
  runs: number[];
}

/** A part of a text fact: a PromptPart while the facts are built, packed once they are kept (packFacts). */
export type FactPart = PromptPart | PackedTextPart;

/**
 * An expression whose value may become prompt text, as far as one file can say. Names are resolved by the index:
 * `name` by scope (function locals → parameters → module bindings → imports), `member` through imports and tables.
 */
export type ValueRef =
  | { kind: 'text'; parts: FactPart[]; span: SourceSpan; line: number }
  | { kind: 'name'; name: string }
  /** `prompts.GREETING`, `PROMPTS.summarize`, `PROMPTS["summarize"]` (keys as path segments), `self.agents_config["x"]`. */
  | { kind: 'member'; path: string[] }
  /** A call whose return value is the text (builder functions): `build_prompt(ticket)`. */
  | { kind: 'call'; path: string[] }
  | { kind: 'load'; loader: LoadKind; path: StaticPath; key?: string; line: number }
  /** A list of role/content messages written at the call (`[{"role": "system", "content": X}]`). */
  | { kind: 'messages'; items: { role: PromptRole; value: ValueRef }[] };

/** Where the model of a call or summary comes from. */
export type ModelRef =
  | { kind: 'name'; name: string }
  /** A parameter of the function (by position among non-self parameters and by name). */
  | { kind: 'param'; index: number; name: string }
  /** `self.model` / `this.model` set from a constructor parameter (or to a literal: then `kind: 'name'`). */
  | { kind: 'ctor-param'; index: number; name: string; fallback?: string };

/** A module-level (or class-level) binding that other files may import. */
export interface BindingFact {
  name: string;
  value:
    | ValueRef
    /** A dict/object literal of texts: `PROMPTS = {"summarize": "…"}`, nested tables flattened to dotted keys. */
    | { kind: 'table'; entries: { key: string; value: ValueRef }[] }
    /** `llm = LLM(model="gpt-4.1")`: an instance; constructor arguments kept for the model. */
    | { kind: 'instance'; classPath: string[]; args: CallArgFact[] };
  line: number;
}

export interface CallArgFact {
  position?: number;
  keyword?: string;
  value: ValueRef;
}

/** A call in this file that the index may resolve to a sink or another file's wrapper. */
export interface CallFact {
  /** Dotted callee (`self.llm.ask`, `ai.callModel`, `client.chat.completions.create`). */
  calleePath: string[];
  args: CallArgFact[];
  /** Arguments of a receiver constructed in the same expression (`LLM(model="x").ask(…)`). */
  receiverArgs?: CallArgFact[];
  /** The sink-table match made in this file (with the model argument as written), when the callee is a known LLM call. */
  sink?: { id: string; reaches: ParamReach[]; model?: ValueRef };
  /** Qualified name of the enclosing function (`SupportAgent.triage`), for parameter references and ids. */
  inFunction?: string;
  /** Enclosing class, for `self.x` lookups. */
  inClass?: string;
  line: number;
  annotation?: PromptAnnotation;
}

/** "Parameter i (or keyword k) reaches the sink as <role> text." */
export interface ParamReach {
  index: number;
  name: string;
  role: PromptRole;
  shape: SinkShape;
}

export interface FunctionFact {
  /** `ask`, `LLM.ask`, `ai.next` (object-literal methods). */
  name: string;
  params: string[];
  /** Defaults of parameters written as text or a module constant (for model parameters). */
  paramDefaults: Record<string, ModelRef | undefined>;
  /** Local names bound once to a value (messages lists, loaded files, `with open(…) as f`). */
  locals: Record<string, ValueRef>;
  /** The returned string expression, when the function builds prompt text (`def build_prompt(x): return f"…"`). */
  returns?: ValueRef;
  line: number;
  className?: string;
}

export interface ClassFact {
  name: string;
  /** `self.llm = LLM()` / `private llm = new AI()` / `constructor(private llm: AI)`: attribute → class path. */
  attributeTypes: Record<string, string[]>;
  /** `self.model = model` (constructor parameter) or `self.model = "gpt-4o"`. */
  attributeModels: Record<string, ModelRef>;
  /** Class attributes bound to text or paths (`agents_config = "config/agents.yaml"`). */
  attributes: Record<string, ValueRef>;
  /** Constructor parameters (for instances' model arguments). */
  ctorParams: string[];
  bases: string[][];
}

export type ImportFact =
  /** `import app.llm as llm`, `import * as ai from "./ai"`, `const ai = require("./ai")`. */
  | { kind: 'namespace'; specifier: string; local: string; level: number }
  /** `from .llm import ask as a`, `import { ask as a } from "./llm"`, default imports as `default`. */
  | { kind: 'named'; specifier: string; imported: string; local: string; level: number }
  /** `export * from "./x"`, `from .x import *`: names not found otherwise are looked up in the target (local is `*`). */
  | { kind: 'star'; specifier: string; local: '*'; level: number };

export interface FileFacts {
  /** Workspace-relative, `/` separators. */
  file: string;
  language: 'python' | 'js';
  imports: ImportFact[];
  bindings: BindingFact[];
  functions: FunctionFact[];
  classes: ClassFact[];
  calls: CallFact[];
  /**
   * Module-level bindings that hold tool definitions (`TOOLS = [{"type": "function", …}]`, one tool dict), read
   * statically: a call in another file that imports the name sends them (counted there as its tool tokens).
   */
  tools?: Record<string, ToolDefinitions>;
  /** Why facts are partial or absent (parse time limit, too many calls…). */
  note?: string;
  /** Python `__all__`: the names a star import of this module takes. */
  publicNames?: string[];
  /** Imports not followed, each with why (`line 4: require(…) names its module at run time; …`). */
  unfollowed?: string[];
}

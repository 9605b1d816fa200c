// Loaders as data (issue 14, "prompt text in files that code loads"): the calls that read a file whose text becomes a
// prompt, and the path helpers whose result is still a static path. Read by staticPaths.ts and valueRefs.ts; add a
// row here to teach the index a new loader. Sources: Python stdlib (open, pathlib, importlib.resources), Jinja2
// (Environment.get_template), LangChain (load_prompt), Node (fs.readFileSync, fs.promises.readFile), crewAI's
// @CrewBase convention (agents_config / tasks_config, default config/agents.yaml and config/tasks.yaml). 2026-12-07.
import type { LoadKind } from './fileFacts';
import type { PromptRole } from '../../types';

/** Calls whose result is the text of the file named by their first argument. */
export const TEXT_READ_CALLS: Record<string, LoadKind> = {
  readFileSync: 'text',
  readFile: 'text',
  'fs.readFileSync': 'text',
  'fs.promises.readFile': 'text',
  'fsp.readFile': 'text',
  load_prompt: 'langchain-prompt',
  'importlib.resources.read_text': 'text',
  'resources.read_text': 'text',
  'pkg_resources.resource_string': 'text',
};

/** Methods that, called on a path, return its text (`Path(…).read_text()`, `files(pkg).joinpath(x).read_text()`). */
export const PATH_READ_METHODS = new Set(['read_text', 'read_bytes', 'text']);
/** Methods that, called on an opened file, return its text (`open(p).read()`, `f.read()`). */
export const HANDLE_READ_METHODS = new Set(['read', 'readlines']);
/** Calls that open a file (the handle is read later). */
export const OPEN_CALLS = new Set(['open', 'io.open', 'codecs.open', 'aiofiles.open']);
/** Template lookups: the argument is a template name found under the environment's loader directory. */
export const TEMPLATE_CALLS = new Set(['get_template', 'getTemplate']);
/** Renders that keep the template's text as the prompt (placeholders filled at run time). */
export const RENDER_METHODS = new Set(['render', 'render_async', 'format', 'format_map', 'substitute', 'safe_substitute', 'replace', 'replaceAll', 'strip', 'trim', 'decode', 'toString']);

/** Path helpers: `os.path.join(a, "b")`, `path.join(__dirname, "x")`, `Path(a, "b")`, `a.joinpath("b")`. */
export const PATH_JOIN_CALLS = new Set(['os.path.join', 'path.join', 'path.resolve', 'join', 'resolve', 'Path', 'pathlib.Path', 'PurePath', 'joinpath']);
/** Path helpers that return their argument's directory. */
export const PATH_DIRNAME_CALLS = new Set(['os.path.dirname', 'path.dirname', 'dirname']);
/** Path helpers that return their argument unchanged, as far as a relative layout goes. */
export const PATH_IDENTITY_CALLS = new Set(['os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'fileURLToPath', 'url.fileURLToPath', 'resolve', 'absolute', 'expanduser']);
/** `importlib.resources.files("pkg")`: a package's directory. */
export const PACKAGE_DIR_CALLS = new Set(['importlib.resources.files', 'resources.files', 'files', 'importlib_resources.files']);

/** crewAI @CrewBase classes: the attribute naming each YAML file, its default, and what the entries hold. */
export const CREWAI_CONFIGS: Record<string, { kind: LoadKind; defaultPath: string }> = {
  agents_config: { kind: 'crewai-agents', defaultPath: 'config/agents.yaml' },
  tasks_config: { kind: 'crewai-tasks', defaultPath: 'config/tasks.yaml' },
};

/** The YAML fields of a crewAI agent or task that become prompt text, with the role crewAI gives them. */
export const CREWAI_FIELDS: Record<'crewai-agents' | 'crewai-tasks', Record<string, PromptRole>> = {
  'crewai-agents': { role: 'system', goal: 'system', backstory: 'system' },
  'crewai-tasks': { description: 'user', expected_output: 'user' },
};

/** LangChain prompt files (`load_prompt("x.yaml")`): the field holding the template. */
export const LANGCHAIN_PROMPT_FIELDS = ['template'];

/** Files a loader may name that the index reads (others, e.g. `.json` data, are left alone). */
export const LOADABLE_FILE = /\.(?:md|markdown|txt|prompt|j2|jinja|jinja2|hbs|handlebars|mustache|ya?ml|tmpl|tpl)$|(?:^|\/)[^/.]+$/i;

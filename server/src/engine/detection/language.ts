// Which analyser a file gets: a VS Code language id wins; otherwise the file name. Prompt files are
// recognised by extension, by living in a `prompts` folder (.txt/.md), or by a user glob.
import type { SourceLanguage } from '../types';

const LANGUAGE_IDS: Record<string, SourceLanguage> = {
  python: 'python',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'jsx',
  prompt: 'prompt',
  prompty: 'prompt',
  jinja: 'prompt',
  'jinja-html': 'prompt',
  handlebars: 'prompt',
  mustache: 'prompt',
};

const CODE_EXTENSIONS: Record<string, SourceLanguage> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'jsx',
};

const PROMPT_FILE = /\.(?:prompt|prompty|prompt\.md|prompt\.txt|j2|jinja|jinja2|hbs|handlebars|mustache)$/i;
/** `.txt`/`.md` files, and files without an extension (gpt-engineer's `preprompts/generate`), in a prompts folder. */
const PROMPTS_FOLDER_TEXT = /(?:^|\/)(?:pre)?prompts\/(?:[^/]+\/)*(?:[^/]+\.(?:txt|md)|[^/.]+)$/i;
/** Project documents that sit in a prompts folder but describe it. */
const PROJECT_DOCS = /(?:^|\/)(?:README|CHANGELOG|CONTRIBUTING|LICENSE|CODE_OF_CONDUCT|NOTICE|AUTHORS|Makefile|Dockerfile)(?:\.[^/]*)?$/i;

export function detectionLanguage(fileName: string, languageId?: string, promptGlobs?: string[]): SourceLanguage | undefined {
  const path = fileName.replace(/\\/g, '/');
  if (languageId && LANGUAGE_IDS[languageId] && !(languageId === 'typescript' && /\.d\.[cm]?ts$/i.test(path))) {
    return LANGUAGE_IDS[languageId];
  }
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined;
  const ext = /\.[^./]+$/.exec(path)?.[0].toLowerCase();
  if (ext && CODE_EXTENSIONS[ext]) return CODE_EXTENSIONS[ext];
  if (promptGlobs?.some((glob) => globToRegExp(glob).test(path))) return 'prompt';
  if (PROJECT_DOCS.test(path)) return undefined;
  if (PROMPT_FILE.test(path) || PROMPTS_FOLDER_TEXT.test(path)) return 'prompt';
  return undefined;
}

const regexCache = new Map<string, RegExp>();

/** `**` any folders, `*` within one name, `?` one character, `{a,b}` alternatives. Relative globs match at any depth. */
export function globToRegExp(glob: string): RegExp {
  let cached = regexCache.get(glob);
  if (cached) return cached;
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const ch = g[i];
    if (ch === '*') {
      if (g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const close = g.indexOf('}', i);
      if (close > i) {
        out += '(?:' + g.slice(i + 1, close).split(',').map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')';
        i = close;
      } else out += '\\{';
    } else out += ch.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  cached = new RegExp((g.startsWith('/') ? '^' : '(?:^|/)') + out + '$', 'i');
  regexCache.set(glob, cached);
  return cached;
}

/** Jinja/Handlebars/Mustache: used for prompts, but just as much for HTML views and config (Ansible `templates/*.j2`). */
const GENERIC_TEMPLATE = /\.(?:j2|jinja|jinja2|hbs|handlebars|mustache)$/i;
/** A folder whose name says it holds prompts (`prompts/`, `prompt_templates/`, `preprompts/`). */
const PROMPT_FOLDER = /(?:^|\/)(?:pre)?prompts?(?:[-_]?(?:templates?|library|lib))?\//i;

/** True for a generic template file outside a prompts folder: its content has to show that it is a prompt. */
export function needsPromptContent(fileName: string, promptGlobs?: string[]): boolean {
  const path = fileName.replace(/\\/g, '/');
  if (!GENERIC_TEMPLATE.test(path) || PROMPT_FOLDER.test(path)) return false;
  return !promptGlobs?.some((glob) => globToRegExp(glob).test(path));
}
